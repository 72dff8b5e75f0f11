// Journeys a practitioner makes, in Debian's Chromium, on SQLite and PostgreSQL.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { backends, launchBrowser, root, signIn, startService } from './harness.mjs'

for (const backend of backends()) {
  describe(`on ${backend}`, () => {
    let service
    let browser

    before(async () => {
      service = await startService(backend)
      browser = await launchBrowser()
    })
    after(async () => {
      await browser?.close()
      await service?.stop()
    })

    test('a practitioner records a phone call from the case page and it is still there after reload', async () => {
      const page = await browser.newPage()
      await signIn(page, service.url, 'demo.po')
      await assert.doesNotReject(page.getByRole('heading', { name: 'My caseload' }).waitFor())
      const rows = page.locator('tbody tr')
      assert.ok(await rows.count() >= 30, 'demo.po holds a caseload of 30 or more')

      await rows.first().getByRole('link').click()
      await page.getByRole('heading', { name: 'Contact history' }).waitFor()
      assert.ok(await page.locator('.onecase-contact__notes').count() > 0, 'history notes are shown inline')

      const note = `Phoned Siobhán at ${Date.now()} 📞\nShe confirmed Thursday's appointment.`
      await page.getByLabel('Type').selectOption('phone')
      await page.getByLabel('Notes').fill(note)
      await page.getByRole('button', { name: 'Save contact' }).click()
      await page.getByText('Contact recorded').waitFor()
      const first = page.locator('.onecase-contact').first()
      assert.equal(await first.locator('.onecase-contact__notes').innerText(), note)

      await page.reload()
      assert.equal(await page.locator('.onecase-contact').first().locator('.onecase-contact__notes').innerText(), note)
      await page.close()
    })

    test('an empty note shows the error next to the field and saves nothing', async () => {
      const page = await browser.newPage()
      await signIn(page, service.url, 'demo.po')
      await page.locator('tbody tr').first().getByRole('link').click()
      const before = await page.locator('.onecase-contact').count()
      await page.getByLabel('Date').fill('2026-02-30')
      await page.getByRole('button', { name: 'Save contact' }).click()
      await page.locator('#notes-error').waitFor()
      assert.match(await page.locator('#notes-error').innerText(), /Enter notes about the contact/)
      assert.match(await page.locator('#date-error').innerText(), /Enter a real date/)
      assert.equal(await page.getByLabel('Date').inputValue(), '2026-02-30', 'what was typed is kept')
      assert.equal(await page.locator('.onecase-contact').count(), before)
      await page.close()
    })

    test('a wrong password is refused without saying whether the user exists', async () => {
      const page = await browser.newPage()
      await signIn(page, service.url, 'demo.po', 'not the password')
      const known = await page.locator('.govuk-error-summary').innerText()
      await signIn(page, service.url, 'nobody.here', 'not the password')
      const unknown = await page.locator('.govuk-error-summary').innerText()
      assert.equal(known, unknown)
      assert.match(known, /Enter a correct username and password/)
      await page.close()
    })

    test('the search box finds a case by CRN in the same tab', async () => {
      const page = await browser.newPage()
      await signIn(page, service.url, 'demo.po')
      const crn = (await page.locator('.onecase-crn').first().innerText()).trim()
      const pagesBefore = browser.contexts().reduce((n, c) => n + c.pages().length, 0)
      await page.getByLabel('Search for a person').fill(crn)
      await page.getByRole('button', { name: 'Search' }).click()
      await page.getByText(`CRN ${crn}`).waitFor()
      assert.equal(browser.contexts().reduce((n, c) => n + c.pages().length, 0), pagesBefore, 'no new window')
      await page.close()
    })

    test('the case page has no serious accessibility violations (axe-core)', async () => {
      // axe is injected as a script, which the page's strict CSP rightly forbids.
      const context = await browser.newContext({ bypassCSP: true })
      const page = await context.newPage()
      await signIn(page, service.url, 'demo.po')
      await page.locator('tbody tr').first().getByRole('link').click()
      await page.getByRole('heading', { name: 'Contact history' }).waitFor()
      await page.addScriptTag({ content: readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8') })
      const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }))
      const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      assert.deepEqual(serious.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), [])
      await context.close()
    })
  })
}
