/**
 * The real `server.ts` as its own process: health checks, readiness, and a graceful SIGTERM that lets
 * in-flight requests finish before the database is closed.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { request } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { TSX_NODE_ARGS } from '../helpers/node'

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })

let child: ChildProcess
let output = ''
let base = ''
let dataDir = ''

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'sotay-lifecycle-'))
  const port = await freePort()
  base = `http://127.0.0.1:${port}`
  // A clean environment, as an operator would start it; SQLite always here: this test is about the
  // process, not the database.
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: String(port),
    DATA_DIR: dataDir,
    DATABASE_URL: `file:${path.join(dataDir, 'sotay.db')}`,
    NEXT: 'off',
    SEED_DEMO: '1',
    TSX_DISABLE_CACHE: '1',
  } as unknown as NodeJS.ProcessEnv
  child = spawn(process.execPath, [...TSX_NODE_ARGS, 'server.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  for (let i = 0; i < 600; i++) {
    const ok = await fetch(`${base}/readyz`).then((r) => r.status === 200).catch(() => false)
    if (ok) return
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode} ${child.signalCode}): ${output}`)
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`server not ready: ${output}`)
})

afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL')
  rmSync(dataDir, { recursive: true, force: true })
})

it('prints the demo logins on start', () => {
  expect(output).toContain('quantri@demo.sotay.vn')
  expect(output).toContain('SoTay@2025')
})

it('answers /healthz and /readyz', async () => {
  const health = await fetch(`${base}/healthz`)
  expect(health.status).toBe(200)
  expect(await health.json()).toEqual({ status: 'ok' })
  expect((await fetch(`${base}/readyz`)).status).toBe(200)
})

it('finishes in-flight requests on SIGTERM, then exits cleanly', async () => {
  // A login whose body arrives in two halves: the server has accepted the request when SIGTERM comes,
  // and receives the rest of it only afterwards.
  const body = JSON.stringify({ email: 'dangvien.cb01@demo.sotay.vn', password: 'SoTay@2025' })
  const { port } = new URL(base)
  const response = new Promise<number>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: 'POST', path: '/api/users/login', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      },
    )
    req.on('error', reject)
    req.write(body.slice(0, 10))
    req.on('socket', (socket) =>
      socket.once('connect', async () => {
        await new Promise((r) => setTimeout(r, 200)) // let the server read the headers
        child.kill('SIGTERM')
        await new Promise((r) => setTimeout(r, 500))
        req.end(body.slice(10))
      }),
    )
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  expect(await response).toBe(200)
  expect(await exited).toBe(0)
  expect(output).toMatch(/Nhận SIGTERM/)
  await expect(fetch(`${base}/healthz`)).rejects.toThrow()
})
