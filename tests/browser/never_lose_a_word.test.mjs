// Nothing typed is lost, in Debian's Chromium on SQLite and PostgreSQL: a long note
// outlives the session timeout, a reload brings the draft back, and two people
// editing one contact get the conflict page instead of overwriting each other.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { describeOnEachBackend, signIn } from './harness.mjs'

const IDLE_SECONDS = 6

async function openFirstCase (page) {
  await page.locator('tbody tr').first().getByRole('link').click()
  await page.getByRole('heading', { name: /^Contact history/ }).waitFor()
}

function longNote (label) {
  const paragraph = 'Discussed housing, work and the conditions of the order at length; he said the hostel curfew is hard with shift work. '
  return `${label}\n\n${paragraph.repeat(40)}\nAgreed actions: contact the hostel manager by Friday.`
}

describeOnEachBackend(['--session-idle-seconds', String(IDLE_SECONDS)], (env) => {
  test('a long note submitted after the session timed out is saved once the practitioner signs in again', async () => {
    const context = await env.browser.newContext()
    const page = await context.newPage()
    await signIn(page, env.service.url, 'demo.po')
    await openFirstCase(page)
    const caseUrl = page.url()
    const note = longNote(`Timed-out note ${Date.now()}`)
    await page.getByLabel('Notes').fill(note)
    // The practitioner is called away; the session times out (the autosave a
    // moment after the last keystroke counts as activity, so wait past that too).
    await page.waitForTimeout((IDLE_SECONDS + 5) * 1000)
    await page.getByRole('button', { name: 'Save contact' }).click()

    await page.getByText('Nothing you typed has been lost').waitFor()
    assert.match(page.url(), /\/sign-in\?kept=1/)
    await page.getByLabel('Username').fill('demo.po')
    await page.getByLabel('Password').fill('onecase-demo-2026')
    await page.getByRole('button', { name: 'Sign in' }).click()

    await page.getByText('Your session ended before this was saved').waitFor()
    assert.equal(page.url().split('#')[0], caseUrl.split('#')[0], 'back on the same case')
    assert.equal(await page.getByLabel('Notes').inputValue(), note, 'the whole note is in the form')
    await page.getByRole('button', { name: 'Save contact' }).click()
    await page.getByText('Contact recorded').waitFor()
    assert.equal(await page.locator('.onecase-contact__notes').first().innerText(), note)
    await page.reload()
    assert.equal(await page.getByLabel('Notes').inputValue(), '', 'the saved draft is gone')
    assert.equal(await page.locator('[data-draft-restored]').count(), 0)
    await context.close()
  })

  test('text typed and not saved is back after a reload and in a new tab', async () => {
    const context = await env.browser.newContext()
    const page = await context.newPage()
    await signIn(page, env.service.url, 'demo.po')
    await openFirstCase(page)
    const note = `Half-written note ${Date.now()}: he arrived late and`
    await page.getByLabel('Notes').pressSequentially(note, { delay: 5 })
    // Saved to the server within five seconds of the last keystroke.
    await page.getByText(/^Draft saved at/).waitFor({ timeout: 5000 })
    await page.reload()
    await page.locator('[data-draft-restored]').waitFor()
    assert.equal(await page.getByLabel('Notes').inputValue(), note)

    // A fresh tab (no browser storage involved: a new context) gets the server's copy.
    const other = await env.browser.newContext()
    const tab = await other.newPage()
    await signIn(tab, env.service.url, 'demo.po')
    await tab.goto(page.url())
    await tab.locator('[data-draft-restored]').waitFor()
    assert.equal(await tab.getByLabel('Notes').inputValue(), note)
    await other.close()

    // Discarding clears it everywhere.
    await page.getByRole('button', { name: 'Discard this text' }).click()
    assert.equal(await page.getByLabel('Notes').inputValue(), '')
    await page.waitForTimeout(300)
    await page.reload()
    assert.equal(await page.getByLabel('Notes').inputValue(), '')
    await context.close()
  })

  test('two people edit one contact: the second gets the conflict page with their own text', async () => {
    const poContext = await env.browser.newContext()
    const spoContext = await env.browser.newContext()
    const po = await poContext.newPage()
    const spo = await spoContext.newPage()
    await signIn(po, env.service.url, 'demo.po')
    await openFirstCase(po)
    await po.getByLabel('Notes').fill(`Contact to be corrected ${Date.now()}`)
    await po.getByRole('button', { name: 'Save contact' }).click()
    await po.getByText('Contact recorded').waitFor()
    await po.locator('.onecase-contact').first().getByRole('link', { name: /Change/ }).click()
    await po.getByRole('heading', { name: 'Change this contact' }).waitFor()
    const contactUrl = po.url()

    await signIn(spo, env.service.url, 'demo.spo')
    await spo.goto(contactUrl)
    await spo.getByRole('heading', { name: 'Change this contact' }).waitFor()

    await po.getByLabel('Notes').fill('The practitioner corrected the time of the call.')
    await po.getByRole('button', { name: 'Save changes' }).click()
    await po.getByText('Contact recorded').waitFor()

    const mine = 'The SPO added: management oversight recorded, risk discussed.'
    await spo.getByLabel('Notes').fill(mine)
    await spo.getByRole('button', { name: 'Save changes' }).click()
    await spo.getByRole('heading', { name: 'Someone else changed this contact' }).waitFor()
    assert.equal(await spo.getByLabel('Notes').inputValue(), mine, 'their text is still in the form')
    assert.match(await spo.locator('#their-version').innerText(), /corrected the time of the call/)

    await spo.getByRole('button', { name: 'Save my version' }).click()
    await spo.getByText('Contact recorded').waitFor()
    await spo.goto(contactUrl)
    assert.equal(await spo.locator('#current-notes').innerText(), mine)
    assert.equal(await spo.locator('.onecase-contact[id^="version-"]').count(), 2, 'both earlier versions kept')
    await poContext.close()
    await spoContext.close()
  })
})
