// National standards journeys in Debian's Chromium, on SQLite and PostgreSQL: a
// practitioner works through what is overdue, an SPO reads the team's compliance,
// an admin reads the policy; every page passes axe-core.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { axeViolations, describeOnEachBackend, signIn } from './harness.mjs'

describeOnEachBackend((env) => {
  test('a practitioner opens What\'s due, keeps only overdue items and follows one to the case', async () => {
    const context = await env.browser.newContext({ bypassCSP: true })
    const page = await context.newPage()
    await signIn(page, env.service.url, 'demo.po')
    await page.getByRole('link', { name: 'What\'s due' }).click()
    await page.getByRole('heading', { name: 'What\'s due' }).waitFor()
    assert.deepEqual(await axeViolations(page), [], 'What\'s due')

    await page.getByRole('link', { name: /^Overdue \(\d+\)$/ }).click()
    await page.waitForURL(/show=overdue/)
    const rows = page.locator('tbody tr')
    assert.ok(await rows.count() > 0, 'the demo caseload has overdue items')
    for (const tag of await page.locator('tbody .govuk-tag').allInnerTexts()) assert.equal(tag.trim(), 'Overdue')

    const crn = await rows.first().getAttribute('data-crn')
    await rows.first().getByRole('link').click()
    await page.getByRole('heading', { name: 'National standards' }).waitFor()
    assert.ok(page.url().includes(`/cases/${crn}`))
    assert.ok(await page.locator('#national-standards .govuk-tag--red').count() > 0, 'the overdue item is highlighted')
    assert.deepEqual(await axeViolations(page), [], 'case page with its national standards section')
    await context.close()
  })

  test('an SPO opens Team compliance from the header and drills into a practitioner', async () => {
    const context = await env.browser.newContext({ bypassCSP: true })
    const page = await context.newPage()
    await signIn(page, env.service.url, 'demo.spo')
    await page.getByRole('link', { name: 'Team compliance' }).click()
    await page.getByRole('heading', { name: 'Compliance with national standards' }).waitFor()
    assert.deepEqual(await axeViolations(page), [], 'team compliance')
    const totals = await page.locator('tr[data-staff="totals"] td').first().innerText()
    assert.ok(Number(totals) >= 30, 'the team holds demo.po\'s caseload and more')

    await page.locator('tbody tr').first().getByRole('link').click()
    await page.getByRole('link', { name: /^Back to / }).waitFor()
    assert.ok(await page.locator('tbody tr').count() > 0)
    assert.deepEqual(await axeViolations(page), [], 'a practitioner\'s cases')
    await context.close()
  })

  test('an admin reads the policy; an error on the form keeps what was typed', async () => {
    const context = await env.browser.newContext({ bypassCSP: true })
    const page = await context.newPage()
    await signIn(page, env.service.url, 'demo.admin')
    await page.getByRole('link', { name: 'National standards policy' }).click()
    await page.getByRole('heading', { name: 'In force: version 1' }).waitFor()
    assert.deepEqual(await axeViolations(page), [], 'policy page')
    await page.getByLabel(/^First appointment within/).fill('0')
    await page.getByLabel('Why the standard is changing').fill('Checking the form')
    await page.getByRole('button', { name: 'Save new version' }).click()
    await page.locator('.govuk-error-summary').waitFor()
    assert.equal(await page.getByLabel('Why the standard is changing').inputValue(), 'Checking the form')
    assert.equal(await page.getByLabel(/^First appointment within/).inputValue(), '0')
    assert.deepEqual(await axeViolations(page), [], 'policy page with errors')
    await context.close()
  })
})
