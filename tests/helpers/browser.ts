/**
 * Browser tests: the whole platform as it is deployed — `server.ts` in production mode (Express, Payload,
 * the Next.js build) in a child process on a fresh database (SQLite, or PostgreSQL when DATABASE_URL says
 * so) with the demo data — driven by the system Chromium through playwright-core.
 *
 * When they run: Chromium must exist and the Next.js build must be current (newer than every source
 * file). Outside CI a missing piece skips the tests with the reason; with CI=true a missing Chromium fails
 * them and a missing or stale build is made first (as `npm start` does), because a green CI run must mean
 * the browser tests ran against the code being tested.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { TSX_NODE_ARGS } from './node'
import { freePort, waitForWebProcesses } from './net'
import { seededCopy } from './template'
import { webProcessCount } from '../../src/server/cluster'
import { BUILD_INPUTS, buildIfNeeded, isBuildInput } from '../../scripts/build-if-needed'

const ROOT = process.cwd()
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
export const SCREENSHOTS = path.join(ROOT, 'test-output', 'screenshots')
/** A phone of the kind many older members use. */
export const PHONE_VIEWPORT = { width: 360, height: 740 }

const inCI = () => /^(1|true)$/i.test(process.env.CI ?? '')

function newestChange(entry: string): number {
  const full = path.join(ROOT, entry)
  if (!isBuildInput(entry) || !existsSync(full)) return 0
  const st = statSync(full)
  if (!st.isDirectory()) return st.mtimeMs
  return readdirSync(full).reduce((newest, child) => Math.max(newest, newestChange(path.join(entry, child))), st.mtimeMs)
}

/** Why the current build cannot be used, or null when it is newer than every source file. */
function buildProblem(): string | null {
  const buildId = path.join(ROOT, '.next', 'BUILD_ID')
  if (!existsSync(buildId)) return 'chưa có bản build giao diện (.next)'
  const built = statSync(buildId).mtimeMs
  const stale = BUILD_INPUTS.find((entry) => newestChange(entry) > built)
  return stale ? `bản build giao diện cũ hơn mã nguồn (${stale} đã thay đổi sau lần build cuối)` : null
}

export type BrowserPlan = { run: true } | { run: false; reason: string }

/**
 * Decides whether the browser tests can run here; in CI it builds what is missing and throws when
 * Chromium is absent, so that the tests fail instead of being skipped.
 */
export async function browserTestPlan(): Promise<BrowserPlan> {
  if (!existsSync(CHROMIUM)) {
    const reason = `không có Chromium tại ${CHROMIUM} (cài bằng: apt-get install -y chromium, hoặc đặt CHROMIUM_PATH)`
    if (inCI()) throw new Error(`Kiểm thử trình duyệt không chạy được trong CI: ${reason}.`)
    return { run: false, reason }
  }
  const problem = buildProblem()
  if (problem && !inCI() && process.env.BROWSER_TEST_BUILD !== '1')
    return { run: false, reason: `${problem}: chạy "npm run build" trước, hoặc đặt BROWSER_TEST_BUILD=1 để kiểm thử tự build` }
  if (problem) buildIfNeeded()
  return { run: true }
}

/** A `npm run worker`-like process working through the server's job queue. */
export type QueueWorker = { stop: () => Promise<void>; output: () => string }

export type WebServer = {
  url: string
  stop: () => Promise<void>
  startupMs: number
  /**
   * Starts a worker process on the server's database and data folder (the server itself runs with
   * WORKERS=off, so the seed's pipeline jobs wait until a test asks for them to be run).
   */
  startWorker: () => QueueWorker
}

type Database = { url: string; drop: () => Promise<void> }

/**
 * A new, empty database of the kind DATABASE_URL names: a PostgreSQL database created next to it (dropped at
 * the end), or by default a SQLite file in the server's data folder.
 */
async function freshDatabase(dataDir: string): Promise<Database> {
  const base = process.env.DATABASE_URL
  if (!base || !/^postgres(ql)?:/.test(base)) return { url: `file:${path.join(dataDir, 'sotay.db')}`, drop: async () => {} }
  const { default: pg } = await import('pg')
  const admin = new URL(base)
  admin.pathname = '/postgres'
  const name = `sotay_browser_${process.pid}_${Date.now().toString(36)}`
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin.toString() })
    await client.connect()
    try {
      await client.query(sql)
    } finally {
      await client.end()
    }
  }
  await run(`CREATE DATABASE ${name}`)
  const url = new URL(base)
  url.pathname = `/${name}`
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) }
}

/** Output of the server, kept to explain a failed start. */
function collect(child: ChildProcess): () => string {
  let out = ''
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString()).slice(-8000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  return () => out
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Máy chủ dừng khi khởi động (mã ${child.exitCode}):\n${output()}`)
    const ready = await fetch(`${url}/readyz`).then((r) => r.ok, () => false)
    if (ready) return
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`Máy chủ không sẵn sàng sau ${timeoutMs / 1000} giây:\n${output()}`)
}

/**
 * Starts `server.ts` in production mode on a free port with a fresh database and the demo data. SERVER_URL
 * is the address the browser uses, so that Payload's CSRF check accepts the session cookie.
 */
export async function startWebServer({ timeoutMs = 120_000 } = {}): Promise<WebServer> {
  const started = Date.now()
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sotay-browser-'))
  // The run's demo data, copied (tests/helpers/template.ts); the server's seed then finds it in place.
  const database = (await seededCopy(dataDir, process.env.DATABASE_URL, `sotay_browser_${process.pid}_${Date.now().toString(36)}`)) ?? (await freshDatabase(dataDir))
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NODE_OPTIONS: '--no-deprecation --conditions=production',
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(port),
    SERVER_URL: url,
    DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    PAYLOAD_SECRET: 'browser-test-secret-not-for-production',
    SEED_DEMO: '1',
    WORKERS: 'off',
  }
  const child = spawn(process.execPath, [...TSX_NODE_ARGS, 'server.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  const output = collect(child)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const workers: QueueWorker[] = []
  const startWorker = (): QueueWorker => {
    const worker = spawn(process.execPath, [...TSX_NODE_ARGS, 'workers/run.ts'], { cwd: ROOT, env: { ...env, WORKER_INTERVAL_MS: '300' }, stdio: ['ignore', 'pipe', 'pipe'] })
    const workerExited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
    const handle: QueueWorker = {
      output: collect(worker),
      // SIGKILL: a test stops it as soon as it has what it needs, without waiting for the jobs in flight
      // (nothing else runs the queue, so their leases never matter).
      stop: async () => {
        if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL')
        await workerExited
      },
    }
    workers.push(handle)
    return handle
  }
  const stop = async () => {
    await Promise.all(workers.map((w) => w.stop()))
    if (child.exitCode === null) {
      child.kill('SIGTERM')
      const force = setTimeout(() => child.kill('SIGKILL'), 20_000)
      await exited
      clearTimeout(force)
    }
    await database.drop()
    rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    await waitUntilReady(url, child, output, timeoutMs)
    await waitForWebProcesses(url, webProcessCount(env.WEB_PROCESSES), timeoutMs)
  } catch (err) {
    await stop()
    throw err
  }
  return { url, stop, startupMs: Date.now() - started, startWorker }
}

/** A fresh Chromium profile as a phone in Vietnamese (note 11 of payload-3-here.md). */
export async function openPhoneBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const { chromium } = await import('playwright-core')
  const profile = mkdtempSync(path.join(os.tmpdir(), 'sotay-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'vi-VN',
    viewport: PHONE_VIEWPORT,
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  return {
    context,
    close: async () => {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

/** Saves what the phone shows (360×740) as test-output/screenshots/NAME.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) })
}

/**
 * What makes a member page hard to use for an older reader on a phone (text under 18 px, tap targets under
 * 44 px, boxes without a label, wider than the screen, missing landmarks); [] when nothing does.
 */
export function readabilityProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect()
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden' && !el.closest('.visually-hidden')
    }
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`
    for (const el of document.querySelectorAll('main *, header *')) {
      if (!visible(el)) continue
      const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())
      const size = parseFloat(getComputedStyle(el).fontSize)
      if (hasText && size < 17.9) problems.push(`chữ nhỏ ${size}px: ${name(el)}`)
    }
    for (const el of document.querySelectorAll('a, button, input:not([type=hidden]), select, textarea, summary')) {
      if (!visible(el)) continue
      const target = el.matches('input[type=radio], input[type=checkbox]') ? el.closest('label')! : el
      const h = target.getBoundingClientRect().height
      if (h < 44) problems.push(`vùng bấm thấp ${Math.round(h)}px: ${name(el)}`)
      if (el.matches('input, select, textarea') && (el as HTMLInputElement).labels?.length === 0 && !el.getAttribute('aria-label'))
        problems.push(`ô không có nhãn: ${name(el)}`)
    }
    if (document.documentElement.scrollWidth > window.innerWidth) problems.push(`trang rộng ${document.documentElement.scrollWidth}px > màn hình ${window.innerWidth}px`)
    if (!document.querySelector('main') || !document.querySelector('header') || !document.querySelector('nav')) problems.push('thiếu vùng main/header/nav')
    return problems
  })
}
