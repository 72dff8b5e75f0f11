// Search as you type: a practitioner types a misspelt name in the header box, sees
// the person under the box without leaving the page, and opens the right case, in
// the same tab. On SQLite and PostgreSQL.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { axeViolations, describeOnEachBackend, signIn } from './harness.mjs'

// Swaps two letters in the middle of a name: the kind of slip people make typing.
function transpose (word) {
  const i = Math.floor(word.length / 2) - 1
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)
}

describeOnEachBackend((env) => {
  test('a practitioner types a misspelt name in the header box and opens the right case', async () => {
    const context = await env.browser.newContext({ bypassCSP: true }) // only so axe can be injected
    const page = await context.newPage()
    let popups = 0
    page.on('popup', () => { popups++ })
    await signIn(page, env.service.url, 'demo.po')
    await page.getByRole('heading', { name: 'My caseload' }).waitFor()

    // A case from the caseload whose surname is long enough to misspell, and not restricted.
    const rows = page.locator('tbody tr').filter({ hasNot: page.locator('.govuk-tag--red') })
    let name, crn
    for (let i = 0; i < await rows.count(); i++) {
      const row = rows.nth(i)
      const text = (await row.getByRole('link').first().innerText()).trim()
      const [surname, forename] = text.split(', ')
      if (/^[A-Za-z]{6,}$/.test(surname) && transpose(surname).toLowerCase() !== surname.toLowerCase()) {
        name = { surname, forename, text }
        crn = (await row.locator('.onecase-crn').innerText()).trim()
        break
      }
    }
    assert.ok(name, 'the caseload has a surname of six letters or more')

    const box = page.getByLabel('Search for a person')
    await box.pressSequentially(`${name.forename} ${transpose(name.surname)}`, { delay: 30 })
    const results = page.locator('.onecase-search-results')
    const link = results.getByRole('link', { name: name.text })
    await link.first().waitFor()
    assert.match(page.url(), /\/caseload$/, 'results appear in the same page')
    assert.ok(await page.getByRole('status').filter({ hasText: /found/ }).count() >= 1, 'the count is announced')
    assert.deepEqual(await axeViolations(page), [], 'the page with results open')

    // Keyboard: down from the box into the results, then open the case.
    await box.press('ArrowDown')
    const focused = await page.evaluate(() => document.activeElement?.textContent)
    assert.ok(focused && focused.length > 0, 'focus moved into the results')
    await link.first().click()
    await page.getByText(`CRN ${crn}`).waitFor()
    assert.match(page.url(), new RegExp(`/cases/${crn}$`))
    assert.equal(popups, 0, 'never a new window')
    assert.equal(context.pages().length, 1)
    await context.close()
  })

  test('without JavaScript the search box submits to the same ranked results', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await signIn(page, env.service.url, 'demo.po')
    await page.getByRole('heading', { name: 'My caseload' }).waitFor()
    const first = (await page.locator('tbody tr').first().getByRole('link').first().innerText()).trim()
    const [surname] = first.split(', ')
    await page.getByLabel('Search for a person').fill(surname.toLowerCase())
    await page.getByRole('button', { name: 'Search', exact: true }).click()
    await page.waitForURL(/\/search\?q=/)
    await page.getByRole('link', { name: first }).first().waitFor()
    await context.close()
  })

  test('a practitioner searches a case history and sees the matching words marked', async () => {
    const context = await env.browser.newContext({ bypassCSP: true }) // only so axe can be injected
    const page = await context.newPage()
    await signIn(page, env.service.url, 'demo.po')
    await page.locator('tbody tr').filter({ hasNot: page.locator('.govuk-tag--red') }).first().getByRole('link').first().click()
    await page.getByRole('heading', { name: /^Contact history/ }).waitFor()
    const word = `zanzibar${Date.now()}`
    await page.getByLabel('Notes').fill(`Talked about the ${word} trip & <b>plans</b>.`)
    await page.getByRole('button', { name: 'Save contact' }).click()
    await page.getByText('Contact recorded').waitFor()
    await page.getByLabel("Search this case's history").fill(word)
    await page.getByRole('button', { name: 'Search history' }).click()
    await page.getByRole('heading', { name: '1 found, newest first' }).waitFor()
    assert.equal(await page.locator('.onecase-history-excerpt mark').first().innerText(), word)
    assert.equal(await page.locator('.onecase-history-excerpt b').count(), 0, 'typed markup is never markup')
    assert.deepEqual(await axeViolations(page), [], 'the history search page')
    await context.close()
  })
})
