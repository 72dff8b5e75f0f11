// Saves a screenshot of a case page to docs/images/case-page.png for the README.
// Usage: node tests/browser/screenshot.mjs   (builds nothing; needs build/onecase)
import path from 'node:path'
import { launchBrowser, root, signIn, startService } from './harness.mjs'

const service = await startService('sqlite')
const browser = await launchBrowser()
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  await signIn(page, service.url, 'demo.po')
  await page.locator('tbody tr').nth(2).getByRole('link').click()
  await page.getByRole('heading', { name: 'Contact history' }).waitFor()
  await page.screenshot({ path: process.argv[2] ?? path.join(root, 'docs/images/case-page.png'), fullPage: true })
} finally {
  await browser.close()
  await service.stop()
}
