// Journeys a practitioner makes, in Debian's Chromium, on SQLite and PostgreSQL.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import { describeOnEachBackend, root, signIn } from './harness.mjs'

const axeSource = readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8')

async function openFirstCase (page) {
  await page.locator('tbody tr').first().getByRole('link').click()
  await page.getByRole('heading', { name: /^Contact history/ }).waitFor()
}

// The bar is no serious or critical violation; pages are also kept free of
// moderate ones, so this fails on those too.
async function axeViolations (page) {
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }))
  return result.violations
    .filter((v) => v.impact !== 'minor')
    .map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

describeOnEachBackend((env) => {
  test('a practitioner records a phone call from the case page and it is still there after reload', async () => {
    const page = await env.browser.newPage()
    await signIn(page, env.service.url, 'demo.po')
    await page.getByRole('heading', { name: 'My caseload' }).waitFor()
    const rows = page.locator('tbody tr')
    assert.ok(await rows.count() >= 30, 'demo.po holds a caseload of 30 or more')

    await openFirstCase(page)
    const before = await page.locator('.onecase-contact').count()
    assert.ok(before > 0, 'the demo case has contacts')
    assert.equal(await page.locator('.onecase-contact__notes').count(), before, 'every contact shows its notes inline')
    assert.ok((await page.locator('.onecase-contact__notes').first().innerText()).length > 0)
    assert.equal(await page.getByLabel('Type').inputValue(), 'phone', 'phone is the default type')

    const note = `Phoned Siobhán Ó Briain at ${Date.now()} 📞\nShe confirmed Thursday's appointment.\n\n  Indented line kept.`
    await page.getByLabel('Type').selectOption('phone')
    await page.getByLabel('Notes').fill(note)
    await page.getByRole('button', { name: 'Save contact' }).click()
    await page.getByText('Contact recorded').waitFor()

    const check = async () => {
      assert.equal(await page.locator('.onecase-contact').count(), before + 1)
      const first = page.locator('.onecase-contact').first()
      assert.match(await first.getAttribute('id'), /^contact-\d+$/)
      assert.match(await first.locator('.onecase-contact__heading').innerText(), /Phone/)
      assert.equal(await first.locator('.onecase-contact__notes').innerText(), note)
    }
    await check()
    await page.reload()
    await check()
    await page.close()
  })

  test('an empty note shows the error next to the field and saves nothing', async () => {
    const page = await env.browser.newPage()
    await signIn(page, env.service.url, 'demo.po')
    await openFirstCase(page)
    const caseUrl = page.url()
    const before = await page.locator('.onecase-contact').count()
    await page.getByLabel('Date').fill('2026-02-30')
    await page.getByRole('button', { name: 'Save contact' }).click()
    await page.locator('.govuk-error-summary').waitFor()

    const notesGroup = page.locator('.govuk-form-group', { has: page.locator('#notes') })
    assert.match(await notesGroup.locator('.govuk-error-message').innerText(), /Enter notes about the contact/)
    assert.match(await page.locator('#notes').getAttribute('aria-describedby'), /notes-error/)
    const dateGroup = page.locator('.govuk-form-group', { has: page.locator('#date') })
    assert.match(await dateGroup.locator('.govuk-error-message').innerText(), /Enter a real date/)
    assert.equal(await page.getByLabel('Date').inputValue(), '2026-02-30', 'what was typed is kept')
    assert.equal(await page.locator('.govuk-error-summary a[href="#notes"]').count(), 1, 'the summary links to the field')
    assert.equal(await page.locator('.onecase-contact').count(), before)

    await page.goto(caseUrl)
    assert.equal(await page.locator('.onecase-contact').count(), before, 'nothing was saved')
    await page.close()
  })

  test('recording a contact works without JavaScript', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await signIn(page, env.service.url, 'demo.po')
    await openFirstCase(page)
    const note = `No-JS note ${Date.now()}: Siobhán said “thanks” ✅`
    await page.getByLabel('Notes').fill(note)
    await page.getByRole('button', { name: 'Save contact' }).click()
    await page.getByText('Contact recorded').waitFor()
    assert.equal(await page.locator('.onecase-contact__notes').first().innerText(), note)
    await context.close()
  })

  test('a wrong password is refused without saying whether the user exists', async () => {
    const page = await env.browser.newPage()
    await signIn(page, env.service.url, 'demo.po', 'not the password')
    const known = await page.locator('.govuk-error-summary').innerText()
    assert.equal(await page.getByRole('heading', { name: 'My caseload' }).count(), 0)
    await signIn(page, env.service.url, 'nobody.here', 'not the password')
    const unknown = await page.locator('.govuk-error-summary').innerText()
    assert.equal(known, unknown)
    assert.match(known, /Enter a correct username and password/)
    assert.equal(await page.getByLabel('Password').inputValue(), '', 'the password is not sent back')
    await page.close()
  })

  test('the search box in the header submits in the same tab', async () => {
    const page = await env.browser.newPage()
    await signIn(page, env.service.url, 'demo.po')
    const name = (await page.locator('tbody tr').first().getByRole('link').innerText()).trim()
    const crn = (await page.locator('.onecase-crn').first().innerText()).trim()
    const form = page.locator('form[role="search"]')
    assert.equal(await form.getAttribute('target'), null, 'the search form has no target')
    const pagesBefore = env.browser.contexts().reduce((n, c) => n + c.pages().length, 0)
    let popups = 0
    page.on('popup', () => { popups++ })

    await page.getByLabel('Search for a person').fill(name.split(',')[0])
    await page.getByRole('button', { name: 'Search', exact: true }).click()
    await page.waitForURL(/\/search\?/)
    await page.getByRole('link', { name }).first().waitFor()

    await page.getByLabel('Search for a person').first().fill(crn)
    await page.getByLabel('Search for a person').first().press('Enter')
    await page.getByText(`CRN ${crn}`).waitFor()
    assert.equal(popups, 0, 'no new window')
    assert.equal(env.browser.contexts().reduce((n, c) => n + c.pages().length, 0), pagesBefore, 'no new tab')
    await page.close()
  })

  test('the case page loads every asset and breaks no Content Security Policy rule', async () => {
    const page = await env.browser.newPage()
    const problems = []
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`) })
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
    page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`) })
    page.on('requestfailed', (r) => problems.push(`failed ${r.url()}`))
    await signIn(page, env.service.url, 'demo.po')
    await openFirstCase(page)
    await page.waitForLoadState('networkidle')
    assert.ok(await page.evaluate(() => document.body.classList.contains('govuk-frontend-supported')), 'onecase.js ran')
    const font = await page.evaluate(() => getComputedStyle(document.querySelector('h1')).fontFamily)
    assert.match(font, /GDS Transport/, 'GOV.UK stylesheet applied')
    assert.deepEqual(problems, [])
    await page.close()
  })

  test('pages have no serious, critical or moderate accessibility violations (axe-core)', async () => {
    // axe is injected as a script, which the page's strict CSP rightly forbids.
    const context = await env.browser.newContext({ bypassCSP: true })
    const page = await context.newPage()
    const check = async (what) => {
      await page.addScriptTag({ content: axeSource })
      assert.deepEqual(await axeViolations(page), [], what)
    }
    await page.goto(`${env.service.url}/caseload`)
    await check('sign-in page')
    await signIn(page, env.service.url, 'demo.po')
    await page.getByRole('heading', { name: 'My caseload' }).waitFor()
    await check('caseload')
    await openFirstCase(page)
    await check('case page')
    await page.getByLabel('Notes').fill('')
    await page.getByRole('button', { name: 'Save contact' }).click()
    await page.locator('.govuk-error-summary').waitFor()
    await check('case page with errors')
    await page.goto(`${env.service.url}/search?q=zzzz-nobody`)
    await check('search with no results')
    await context.close()
  })
})
