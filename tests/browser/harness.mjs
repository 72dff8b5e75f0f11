// Starts a real onecase server on a fresh database (SQLite or PostgreSQL) and a
// real Chromium (Debian's, never a downloaded one) for browser journeys.
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
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
  const base = process.env.ONECASE_TEST_PG
  if (!base) throw new Error('ONECASE_TEST_PG is not set: run through make test, or set ONECASE_TEST_SQLITE_ONLY=1')
  execFileSync('psql', [`${base}/postgres`, '-q', '-c', 'DROP DATABASE IF EXISTS onecase_browser WITH (FORCE)',
    '-c', 'CREATE DATABASE onecase_browser'], { stdio: 'pipe' })
  return `${base}/onecase_browser`
}

// Starts onecase on `backend` with the small demo data. `extraArgs` go to `serve`.
export async function startService (backend, extraArgs = []) {
  const bin = process.env.ONECASE_BIN ?? path.join(root, 'build/onecase')
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'onecase-browser-'))
  const db = freshDatabase(backend, tmp)
  execFileSync(bin, ['demo-data', '--db', db, '--scale', 'small', '--seed', '7'], { stdio: 'pipe' })
  const port = await freePort()
  const server = spawn(bin, ['serve', '--db', db, '--listen', `127.0.0.1:${port}`,
    '--web-root', path.join(root, 'web'), ...extraArgs], { stdio: ['ignore', 'ignore', 'pipe'] })
  let log = ''
  server.stderr.on('data', (d) => { log += d })
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; i < 200; i++) {
    try {
      const r = await fetch(`${url}/readyz`)
      if (r.ok) break
    } catch {}
    if (server.exitCode !== null) throw new Error(`onecase exited: ${log}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return {
    url,
    db,
    log: () => log,
    async stop () {
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve))
        server.kill('SIGTERM')
        await exited
      }
      rmSync(tmp, { recursive: true, force: true })
    }
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
