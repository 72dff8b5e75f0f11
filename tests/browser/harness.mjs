// Starts a real onecase server on a fresh database (SQLite or PostgreSQL) and a
// real Chromium (Debian's, never a downloaded one) for browser journeys.
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe } from 'node:test'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const DEMO_PASSWORD = 'onecase-demo-2026'

export function backends () {
  return process.env.ONECASE_TEST_SQLITE_ONLY === '1' ? ['sqlite'] : ['sqlite', 'postgres']
}

function freePort () {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

function freshDatabase (backend, tmp) {
  if (backend === 'sqlite') return `sqlite:${tmp}/browser.db`
  if (backend !== 'postgres') throw new Error(`unknown database kind: ${backend}`)
  const base = process.env.ONECASE_TEST_PG
  if (!base) {
    throw new Error('ONECASE_TEST_PG is not set, so the PostgreSQL browser tests cannot run. ' +
      'Run them through `make test`, or set ONECASE_TEST_PG=postgresql://postgres@127.0.0.1:PORT, ' +
      'or set ONECASE_TEST_SQLITE_ONLY=1 to run SQLite only.')
  }
  execFileSync('psql', [`${base}/postgres`, '-q', '-v', 'ON_ERROR_STOP=1',
    '-c', 'DROP DATABASE IF EXISTS onecase_browser WITH (FORCE)',
    '-c', 'CREATE DATABASE onecase_browser'], { stdio: 'pipe' })
  return `${base}/onecase_browser`
}

// Every server this process started, so that none outlives it, even when a
// test fails or the runner is interrupted.
const running = new Set()
function killAll () {
  for (const child of running) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  }
}
process.on('exit', killAll)
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => { killAll(); process.exit(130) })
}

function run (bin, args) {
  try {
    execFileSync(bin, args, { stdio: 'pipe' })
  } catch (e) {
    throw new Error(`${path.basename(bin)} ${args[0]} failed: ${e.stderr?.toString() || e.message}`)
  }
}

// Starts onecase on a fresh `backend` database ('sqlite' or 'postgres') holding
// the small demo data. `extraArgs` go to `serve`.
export async function startService (backend, extraArgs = []) {
  const bin = process.env.ONECASE_BIN ?? path.join(root, 'build/onecase')
  if (!existsSync(bin)) throw new Error(`no onecase binary at ${bin}: build it, or set ONECASE_BIN`)
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'onecase-browser-'))
  let server
  const stop = async () => {
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve))
      server.kill('SIGTERM')
      const timer = setTimeout(() => server.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
    }
    if (server) running.delete(server)
    rmSync(tmp, { recursive: true, force: true })
  }
  try {
    const db = freshDatabase(backend, tmp)
    run(bin, ['migrate', '--db', db])
    run(bin, ['demo-data', '--db', db, '--scale', 'small', '--seed', '7'])
    const port = await freePort()
    server = spawn(bin, ['serve', '--db', db, '--listen', `127.0.0.1:${port}`,
      '--web-root', path.join(root, 'web'), ...extraArgs], { stdio: ['ignore', 'ignore', 'pipe'] })
    running.add(server)
    // A test that forgets stop() must not hang the runner: the child does not
    // hold the event loop open, and the 'exit' hook above kills it.
    server.unref()
    server.stderr.unref()
    let log = ''
    server.stderr.on('data', (d) => { log += d })
    const url = `http://127.0.0.1:${port}`
    const deadline = Date.now() + 20000
    for (;;) {
      try {
        const r = await fetch(`${url}/readyz`)
        if (r.status === 200) break
      } catch {}
      if (server.exitCode !== null || server.signalCode !== null) throw new Error(`onecase serve exited: ${log}`)
      if (Date.now() > deadline) throw new Error(`onecase serve did not answer GET /readyz 200 within 20 s: ${log}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    return { url, db, log: () => log, stop }
  } catch (e) {
    await stop()
    throw e
  }
}

// Declares `define`'s tests once per backend, in describe(`on ${backend}`), with a
// fresh service (`serveArgs` go to `serve`) and a browser started before them and
// stopped after them. `define` gets `env`, whose service and browser are set by the
// time its tests run.
export function describeOnEachBackend (serveArgs, define) {
  if (typeof serveArgs === 'function') [serveArgs, define] = [[], serveArgs]
  for (const backend of backends()) {
    describe(`on ${backend}`, () => {
      const env = { backend, service: undefined, browser: undefined }
      before(async () => {
        env.service = await startService(backend, serveArgs)
        env.browser = await launchBrowser()
      })
      after(async () => {
        await env.browser?.close()
        await env.service?.stop()
      })
      define(env)
    })
  }
}

export async function launchBrowser () {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync']
  })
}

export async function signIn (page, url, username, password = DEMO_PASSWORD) {
  await page.goto(`${url}/caseload`)
  await page.getByLabel('Username').fill(username)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

const axeSource = readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8')

// Runs axe-core on the page as it is now. The bar is no violation above minor; a test
// must open its context with { bypassCSP: true }, as the page's CSP rightly forbids
// injected scripts.
export async function axeViolations (page) {
  await page.addScriptTag({ content: axeSource })
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }))
  return result.violations
    .filter((v) => v.impact !== 'minor')
    .map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}
