// Journeys of the security work, in Debian's Chromium, on SQLite and PostgreSQL: an
// auditor reading and exporting a case's audit trail (a change with its before and after), a user changing their password
// and signing out everywhere, and an administrator lifting a lockout.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { axeViolations, describeOnEachBackend, signIn } from './harness.mjs'

describeOnEachBackend((env) => {
  test('an auditor finds who opened a case, newest first, and downloads the entries as CSV', async () => {
    const po = await env.browser.newPage()
    await signIn(po, env.service.url, 'demo.po')
    await po.getByRole('heading', { name: 'My caseload' }).waitFor()
    const crn = (await po.locator('.onecase-crn').first().innerText()).trim()
    await po.locator('tbody tr').first().getByRole('link').click()
    await po.getByRole('heading', { name: /^Contact history/ }).waitFor()
    // A change, so the auditor sees its before and after.
    await po.getByLabel('Notes').fill('Rang about the hostel <b>place</b>')
    await po.getByRole('button', { name: 'Save contact' }).click()
    await po.getByText('Contact recorded').waitFor()
    await po.close()

    // axe is injected as a script, which the page's strict CSP rightly forbids.
    const context = await env.browser.newContext({ bypassCSP: true, acceptDownloads: true })
    const page = await context.newPage()
    await signIn(page, env.service.url, 'demo.auditor')
    await page.getByRole('heading', { name: 'Audit log' }).waitFor()
    await page.getByLabel('CRN').fill(crn)
    await page.getByRole('button', { name: 'Search the audit log' }).click()
    const first = page.locator('tbody tr').first()
    await first.waitFor()
    assert.match(await first.innerText(), /demo\.po/)
    assert.match(await first.innerText(), /case\.view/)
    assert.equal(await page.getByLabel('CRN').inputValue(), crn, 'the filter stays filled in')
    const created = page.locator('tbody tr', { hasText: 'contact.create' }).first()
    assert.match(await created.locator('.onecase-audit-changes').innerText(), /notes: none\s*\S*\s*changed to\s*Rang about the hostel <b>place<\/b>/,
      'the new note is the change, shown as text')
    assert.deepEqual(await axeViolations(page), [], 'audit log page')

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download these entries (CSV)' }).click()
    ])
    const csv = readFileSync(await download.path(), 'utf8')
    assert.ok(csv.startsWith('id,at,user,action,crn,remote_address,detail,changes\r\n'), csv.slice(0, 80))
    assert.match(csv, new RegExp(`,demo\\.po,case\\.view,${crn},`))

    await page.getByLabel('From').fill('last Tuesday')
    await page.getByRole('button', { name: 'Search the audit log' }).click()
    await page.locator('.govuk-error-summary').waitFor()
    assert.equal(await page.getByLabel('From').inputValue(), 'last Tuesday')
    assert.deepEqual(await axeViolations(page), [], 'audit log page with errors')
    await context.close()
  })

  test('a user changes their password, is refused a common one first, and signs out everywhere', async () => {
    const context = await env.browser.newContext({ bypassCSP: true })
    const page = await context.newPage()
    await signIn(page, env.service.url, 'demo.spo')
    await page.getByRole('link', { name: 'Your account' }).click()
    await page.getByRole('heading', { name: 'Your account' }).waitFor()
    assert.deepEqual(await axeViolations(page), [], 'account page')
    await page.getByRole('link', { name: 'Change your password' }).click()
    await page.getByLabel('Current password').fill('onecase-demo-2026')
    await page.getByLabel('New password', { exact: true }).fill('password1234')
    await page.getByLabel('New password again').fill('password1234')
    await page.getByRole('button', { name: 'Change password' }).click()
    await page.locator('.govuk-error-summary').waitFor()
    assert.match(await page.locator('#newPassword-error').innerText(), /too common/)
    assert.deepEqual(await axeViolations(page), [], 'change password with errors')

    await page.getByLabel('Current password').fill('onecase-demo-2026')
    await page.getByLabel('New password', { exact: true }).fill('kettle orbit lantern 42')
    await page.getByLabel('New password again').fill('kettle orbit lantern 42')
    await page.getByRole('button', { name: 'Change password' }).click()
    await page.getByText('Your password has been changed').waitFor()

    const elsewhere = await env.browser.newPage()
    await signIn(elsewhere, env.service.url, 'demo.spo', 'kettle orbit lantern 42')
    await elsewhere.getByRole('heading', { name: 'My caseload' }).waitFor()

    await page.getByRole('button', { name: 'Sign out everywhere' }).click()
    await page.getByRole('heading', { name: 'Sign in to onecase' }).waitFor()
    await elsewhere.goto(`${env.service.url}/account`)
    await elsewhere.getByRole('heading', { name: 'Sign in to onecase' }).waitFor()
    await elsewhere.close()
    await context.close()
  })

  test('an administrator lifts the lockout of a user who mistyped their password five times', async () => {
    const user = await env.browser.newPage()
    for (let i = 0; i < 5; i++) await signIn(user, env.service.url, 'demo.other', `wrong ${i}`)
    await signIn(user, env.service.url, 'demo.other')
    await user.getByText('too many attempts to sign in').waitFor()

    const context = await env.browser.newContext({ bypassCSP: true })
    const admin = await context.newPage()
    await signIn(admin, env.service.url, 'demo.admin')
    await admin.getByRole('link', { name: 'Users' }).click()
    await admin.getByRole('heading', { name: 'Users' }).waitFor()
    assert.deepEqual(await axeViolations(admin), [], 'users page')
    await admin.getByRole('button', { name: 'Lift lockout for demo.other' }).click()
    await admin.getByText('demo.other can sign in again').waitFor()
    await context.close()

    await signIn(user, env.service.url, 'demo.other')
    await user.getByRole('heading', { name: 'My caseload' }).waitFor()
    await user.close()
  })
})
