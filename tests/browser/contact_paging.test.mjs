// A case with a long history, in Debian's Chromium on SQLite and PostgreSQL: the case
// page shows fifty contacts and the practitioner pages back through the rest.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { axeViolations, describeOnEachBackend, signIn } from './harness.mjs'

describeOnEachBackend((env) => {
  test('a practitioner pages back through a long contact history and returns to the newest', async () => {
    const context = await env.browser.newContext({ bypassCSP: true })
    const page = await context.newPage()
    await signIn(page, env.service.url, 'demo.po')
    await page.locator('tbody tr').first().getByRole('link').click()
    await page.getByRole('heading', { name: /^Contact history/ }).waitFor()
    const caseUrl = page.url()
    const crn = caseUrl.split('/cases/')[1]

    // Sixty calls from 2018, recorded through the API with this session.
    const csrf = await page.locator('input[name="csrf"]').first().inputValue()
    const statuses = await page.evaluate(async ({ crn, csrf }) => {
      const out = []
      for (let i = 0; i < 60; i++) {
        const r = await fetch(`/api/v1/people/${crn}/contacts`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
          body: JSON.stringify({ type: 'phone', notes: `Old call ${i}`, date: `2018-05-01T09:${String(i).padStart(2, '0')}:00Z` })
        })
        out.push(r.status)
      }
      return out
    }, { crn, csrf })
    assert.deepEqual([...new Set(statuses)], [201])

    await page.goto(caseUrl)
    const total = Number((await page.locator('#contacts-shown').innerText()).match(/of (\d+)/)[1])
    assert.ok(total > 60)
    assert.equal(await page.locator('#contacts-shown').innerText(), `Showing contacts 1 to 50 of ${total}`)
    assert.equal(await page.locator('.onecase-contact').count(), 50)
    assert.equal(await page.getByRole('link', { name: 'Newest contacts' }).count(), 0)
    const firstPage = await page.locator('.onecase-contact').evaluateAll((els) => els.map((e) => e.id))

    await page.getByRole('link', { name: 'Older contacts' }).click()
    await page.locator('#contacts-shown').waitFor()
    assert.match(await page.locator('#contacts-shown').innerText(), new RegExp(`^Showing contacts 51 to \\d+ of ${total}$`))
    const secondPage = await page.locator('.onecase-contact').evaluateAll((els) => els.map((e) => e.id))
    assert.ok(secondPage.length > 0)
    assert.equal(secondPage.filter((id) => firstPage.includes(id)).length, 0, 'no contact on two pages')
    assert.deepEqual(await axeViolations(page), [])

    await page.getByRole('link', { name: 'Newest contacts' }).click()
    await page.locator('#contacts-shown').waitFor()
    assert.deepEqual(await page.locator('.onecase-contact').evaluateAll((els) => els.map((e) => e.id)), firstPage)
    await context.close()
  })
})
