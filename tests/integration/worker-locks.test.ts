/**
 * Leases between real worker processes sharing one database: mutual exclusion under contention, and
 * takeover of a lease whose holder was killed (kill -9) once it expires.
 */
import { spawn } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { startTestServer, type TestServer } from '../helpers/server'
import { TSX_NODE_ARGS } from '../helpers/node'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ seed: false }) // creates the database and applies the migrations
})
afterAll(async () => {
  await server?.stop()
})

function contender(env: Record<string, string>) {
  const child = spawn(process.execPath, [...TSX_NODE_ARGS, 'tests/helpers/lock-contender.ts'], {
    // A clean environment as an operator would give a worker: inheriting jest's (NODE_ENV=test and its
    // own variables) made the child exit with code 13 (an unsettled top-level await) now and then.
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: process.env.DATABASE_URL,
      PAYLOAD_SECRET: process.env.PAYLOAD_SECRET,
      DATA_DIR: server.dataDir,
      TSX_DISABLE_CACHE: '1',
      ...env,
    } as unknown as NodeJS.ProcessEnv,
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (d) => (stderr += d))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, exited, stderr: () => stderr }
}

const lines = (file: string) => readFileSync(file, 'utf8').trim().split('\n').filter(Boolean)

it('two workers never hold the same key at once', async () => {
  const log = path.join(server.dataDir, 'contention.log')
  writeFileSync(log, '')
  const env = { KEY: 'document:1', LOG: log, ROUNDS: '15' }
  const a = contender(env)
  const b = contender(env)
  expect([await a.exited, await b.exited, a.stderr().slice(-800), b.stderr().slice(-800)]).toEqual([0, 0, "", ""])
  const events = lines(log)
  expect(events).toHaveLength(60)
  // Every "start" is immediately followed by the same process's "end".
  for (let i = 0; i < events.length; i += 2) {
    const [kind, pid] = events[i].split(' ')
    expect(kind).toBe('start')
    expect(events[i + 1]).toBe(`end ${pid}`)
  }
  expect(new Set(events.map((e) => e.split(' ')[1])).size).toBe(2)
})

it('a lease whose worker was killed is taken over only after it expires', async () => {
  const log = path.join(server.dataDir, 'takeover.log')
  writeFileSync(log, '')
  const ttl = 20_000
  const holder = contender({ KEY: 'document:2', LOG: log, HOLD: '1', TTL_MS: String(ttl) })
  for (let i = 0; i < 600 && !readFileSync(log, 'utf8').includes('held'); i++) await new Promise((r) => setTimeout(r, 100))
  const heldAt = Date.now()
  expect(lines(log)).toEqual([`held ${holder.child.pid}`])
  holder.child.kill('SIGKILL')
  await holder.exited

  const early = contender({ KEY: 'document:2', LOG: log, TRY_ONCE: '1' })
  expect(await early.exited).toBe(0)
  expect(lines(log)[1]).toMatch(/^refused /)

  expect(Date.now() - heldAt).toBeLessThan(ttl) // the refusal above happened while the lease was live
  await new Promise((r) => setTimeout(r, Math.max(0, heldAt + ttl + 500 - Date.now())))
  const late = contender({ KEY: 'document:2', LOG: log, TRY_ONCE: '1' })
  expect(await late.exited).toBe(0)
  expect(lines(log)[2]).toMatch(/^acquired /)
})
