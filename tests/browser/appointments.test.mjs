// A practitioner books an appointment from the case page and finds it in their
// diary, in Debian's Chromium, on SQLite and PostgreSQL.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { axeViolations, describeOnEachBackend, signIn } from './harness.mjs'

// The UK calendar date `days` from now, YYYY-MM-DD.
function ukDate (days) {
  const d = new Date(Date.now() + days * 24 * 3600 * 1000)
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d)
}

describeOnEachBackend((env) => {
  test('a practitioner books a video call from the case page and sees it in the diary', async () => {
    // axe is injected as a script, which the page's strict CSP rightly forbids.
    const context = await env.browser.newContext({ bypassCSP: true })
    const page = await context.newPage()
    await signIn(page, env.service.url, 'demo.po')
    await page.getByRole('heading', { name: 'My caseload' }).waitFor()
    await page.locator('tbody tr').first().getByRole('link').click()
    await page.getByRole('heading', { name: /^Contact history/ }).waitFor()
    const crn = (await page.locator('.govuk-caption-l').first().innerText()).replace('CRN ', '').trim()

    await page.getByRole('link', { name: 'Book an appointment' }).click()
    await page.getByRole('heading', { name: 'Book an appointment' }).waitFor()
    assert.deepEqual(await axeViolations(page), [], 'booking page')

    // A time in the past is refused next to the field, with what was typed kept.
    const day = ukDate(9)
    await page.getByLabel('Type').selectOption('video')
    await page.getByLabel('Date').fill(ukDate(-3))
    await page.getByLabel('Start time').fill('10:30')
    await page.getByLabel('Duration in minutes').fill('45')
    await page.getByLabel('Notes (optional)').fill('Check in about the new job')
    await page.getByRole('button', { name: 'Book appointment' }).click()
    await page.getByText('There is a problem').waitFor()
    assert.match(await page.locator('#date-error').innerText(), /must start in the future/)
    assert.equal(await page.getByLabel('Notes (optional)').inputValue(), 'Check in about the new job')

    await page.getByLabel('Date').fill(day)
    await page.getByRole('button', { name: 'Book appointment' }).click()
    await page.getByText('Appointment booked').waitFor()
    assert.match(await page.locator('main').innerText(), /45 minutes/)

    await page.getByRole('link', { name: 'Diary', exact: true }).click()
    await page.getByText('My diary').waitFor()
    await page.goto(`${env.service.url}/diary?date=${day}`)
    const entry = page.locator('.onecase-diary__entry', { hasText: crn })
    await entry.first().waitFor()
    assert.match(await entry.first().innerText(), /10:30/)
    assert.match(await entry.first().innerText(), /Video call/)
    assert.match(await entry.first().innerText(), /Booked/)
    assert.deepEqual(await axeViolations(page), [], 'diary day view')

    // The week view holds it too, and the person's name leads back to the case.
    await page.getByRole('link', { name: 'Week view' }).click()
    await page.getByRole('heading', { name: /^Week beginning/ }).waitFor()
    const inWeek = page.locator('.onecase-diary__entry', { hasText: crn }).first()
    await inWeek.getByRole('link').nth(1).click()
    await page.getByRole('heading', { name: /^Contact history/ }).waitFor()
    assert.match(await page.locator('#appointments').innerText(), /Video call/)
    await context.close()
  })
})
