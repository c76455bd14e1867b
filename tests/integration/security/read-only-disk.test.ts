/**
 * The data folder stops taking writes (issue 16, finding 4): made immutable as root (`chattr +i`), the
 * server used to die within a second (SIGBUS, exit 135, nothing logged) with the SQLite database's files,
 * and on the next search with the search index's. Now it stays up: /healthz answers, what can be read is
 * read, writes get 503 with a Vietnamese message, the cause is logged once, /readyz reports it, nothing
 * stored is lost, and once the files can be written again everything works without a restart.
 *
 * The real `server.ts` runs in a child process (a crash is an exit), with its jobs queue. The search index
 * part runs on SQLite and PostgreSQL (the index lives in the data folder either way); the database part
 * only on SQLite. Needs root and a file system with the immutable attribute: elsewhere skipped with the
 * reason, never under CI=true.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { loginDemo, type Client } from '../../helpers/client'
import { startServerProcess, type ServerProcess } from '../../helpers/net'
import { createPostgresDatabase, usingPostgres } from '../../helpers/server'
import { paragraphsToLexical } from '../../../collections/Documents/lexical'

const WRITE_REFUSED = 'Máy chủ tạm thời không ghi được dữ liệu (ổ đĩa đầy hoặc chỉ đọc). Vui lòng thử lại sau.'
const inCI = /^(1|true)$/i.test(process.env.CI ?? '')

/** Why these tests cannot run here, or null. */
function whyNot(): string | null {
  if (process.getuid?.() !== 0) return 'cần quyền root để đặt thuộc tính immutable (chattr +i)'
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sotay-chattr-'))
  const probe = path.join(dir, 'probe')
  writeFileSync(probe, 'x')
  try {
    execFileSync('chattr', ['+i', probe], { stdio: 'pipe' })
    execFileSync('chattr', ['-i', probe], { stdio: 'pipe' })
    return null
  } catch (err) {
    return `hệ thống tệp của ${os.tmpdir()} không hỗ trợ chattr +i (${String((err as Error).message).split('\n')[0]})`
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
const reason = whyNot()
if (reason && inCI) throw new Error(`Kiểm thử ổ đĩa chỉ đọc phải chạy trong CI: ${reason}.`)
if (reason) console.warn(`Bỏ qua kiểm thử ổ đĩa chỉ đọc: ${reason}.`)
const suite = reason ? describe.skip : describe

/** The SQLite files of `base` (the file, its -wal and -shm) that exist. */
const sqliteFiles = (base: string) => [base, `${base}-wal`, `${base}-shm`].filter(existsSync)
const locked = new Set<string>()
/**
 * Makes `files` immutable (or writable again). Made immutable, their pages are written out at once (as the
 * kernel does within seconds anyway): the next write SQLite makes to its memory-mapped WAL index (-shm)
 * then faults — with the old code, a SIGBUS that ended the process.
 */
function immutable(on: boolean, files: string[]): void {
  if (!files.length) return
  if (on) for (const f of files) locked.add(f) // noted first: afterAll makes them writable whatever happens
  execFileSync('chattr', [on ? '+i' : '-i', ...files])
  if (on) execFileSync('sync', files)
  else for (const f of files) locked.delete(f)
}

let server: ServerProcess
let dropDatabase = async () => {}
let member: Client
let secretary: Client
let base = ''
let databaseFile = ''
let searchFile = ''
const q = encodeURIComponent
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

const alive = () => server.child.exitCode === null && server.child.signalCode === null
/** Fails with how the server ended (exit code, signal, last output) when it is gone. */
function expectAlive(): void {
  if (alive()) return
  throw new Error(`máy chủ đã dừng (mã ${server.child.exitCode}, tín hiệu ${server.child.signalCode}): ${server.output().slice(-600)}`)
}
/** `call`'s answer; when the connection fails, how the server ended (a crash shows as an exit, not a status). */
async function answer<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (err) {
    await sleep(300)
    expectAlive()
    throw err
  }
}
/** Polls until `check` holds (the disk coming back is noticed within a second or so). */
async function eventually(check: () => Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const until = Date.now() + ms
  while (!(await check().catch(() => false))) {
    if (Date.now() > until) throw new Error(`${what}: không xảy ra sau ${ms} ms`)
    await sleep(250)
  }
}
const hitIds = async (text: string) => {
  const res = await member.get(`/api/search?q=${q(text)}&pageSize=50`)
  return res.status === 200 ? (res.body.hits as { id: string | number }[]).map((h) => String(h.id)) : []
}

let serial = 900
let issuer: string | number
async function documentData(title: string) {
  serial += 1
  issuer ??= ((await member.get('/api/organizations?limit=200&depth=0')).body.docs as { id: string | number; code: string }[]).find((o) => o.code === 'HP.BD')!.id
  return {
    documentType: 'thong-bao',
    number: `${serial}-TB/ĐU`,
    title,
    issuer,
    issuedDate: '2025-11-03',
    content: paragraphsToLexical([`Nội dung thông báo ${serial}.`]),
    _status: 'published',
  }
}

beforeAll(async () => {
  if (reason) return
  const env: Record<string, string> = {}
  if (usingPostgres()) {
    const db = await createPostgresDatabase()
    env.DATABASE_URL = db.url
    dropDatabase = db.drop
  }
  server = await startServerProcess(env)
  base = server.base
  databaseFile = path.join(server.dataDir, 'sotay.db')
  searchFile = path.join(server.dataDir, 'search.db')
  member = await loginDemo(base, 'dangvien.cb01')
  secretary = await loginDemo(base, 'bithu.bachdang')
  // The index is built and searched (its files mapped) before the disk turns.
  await eventually(async () => (await member.get(`/api/search?q=${q('quy định')}`)).body.total > 0, 'chỉ mục tìm kiếm sẵn sàng', 120_000)
}, 400_000)

afterAll(async () => {
  // Always writable again, or the folder could not be removed.
  for (const f of locked) {
    try {
      execFileSync('chattr', ['-i', f])
    } catch {
      /* gone already */
    }
  }
  if (server && alive()) server.child.kill('SIGKILL')
  server?.remove()
  await dropDatabase()
})

suite('the search index turns unwritable', () => {
  let before = 0
  let created = ''

  it('the server stays up: reads of the database answer, searches degrade with a Vietnamese 503, writes still go through', async () => {
    // A change the index takes in (no search after it: the readers' marks in the WAL index are behind).
    expect((await secretary.post('/api/documents', await documentData('Thông báo trước khi ổ đĩa chỉ đọc'))).status).toBe(201)
    await sleep(1500)
    before = (await member.get('/api/documents?limit=1')).body.totalDocs
    immutable(true, sqliteFiles(searchFile))
    for (const text of ['quy định', 'điều lệ đảng', 'nghị quyết']) {
      const res = await answer(() => member.get(`/api/search?q=${q(text)}`))
      expectAlive()
      expect(res.status).toBe(503)
      expect(res.body.errors[0].message).toMatch(/^Tìm kiếm tạm thời không dùng được.*ổ đĩa/)
    }
    await sleep(2500) // the jobs queue and the scheduled-release sweep run meanwhile
    expectAlive()
    expect((await fetch(`${base}/healthz`)).status).toBe(200)
    const list = await member.get('/api/documents?limit=1')
    expect(list.status).toBe(200)
    expect(list.body.totalDocs).toBe(before)
    const doc = await secretary.post('/api/documents', await documentData('Thông báo kiểm thử ổ đĩa chỉ đọc zephyrdisk'))
    expect(doc.status).toBe(201)
    created = String(doc.body.doc.id)
    await sleep(1500) // its index update is attempted and put off
    expectAlive()
  })

  it('/readyz reports it, and the cause is logged once', async () => {
    const ready = await fetch(`${base}/readyz`)
    expect(ready.status).toBe(200)
    const body = await ready.json()
    expect(body.status).toBe('degraded')
    expect(JSON.stringify(body.disk)).toContain('search.db')
    expect(server.output().match(/không ghi được chỉ mục tìm kiếm/g)).toHaveLength(1)
  })

  it('once the index can be written again, searches answer and the put-off update arrives, without a restart', async () => {
    immutable(false, sqliteFiles(searchFile))
    await eventually(async () => (await hitIds('zephyrdisk')).includes(created), 'tài liệu mới tìm được sau khi ổ đĩa ghi được trở lại')
    expect((await member.get(`/api/search?q=${q('quy định')}`)).body.total).toBeGreaterThan(0)
    expect((await fetch(`${base}/readyz`)).status).toBe(200)
    expect((await member.get('/api/documents?limit=1')).body.totalDocs).toBe(before + 1)
    expectAlive()
  })
})

const sqliteSuite = reason || usingPostgres() ? describe.skip : describe

sqliteSuite('the SQLite database turns unwritable', () => {
  let before = 0

  it('the server stays up: /healthz answers, the API answers 503 with a Vietnamese message, the cause is logged once', async () => {
    expect((await secretary.post('/api/documents', await documentData('Thông báo ngay trước khi ổ đĩa chỉ đọc'))).status).toBe(201)
    before = (await member.get('/api/documents?limit=1')).body.totalDocs
    expect((await secretary.patch(`/api/users/${secretary.user!.id}`, { phone: '0912345679' })).status).toBeLessThan(500)
    immutable(true, sqliteFiles(databaseFile))
    await sleep(3000) // the jobs queue and the sweep touch the database every second: this killed it
    expectAlive()
    expect((await answer(() => fetch(`${base}/healthz`))).status).toBe(200)

    const write = await secretary.post('/api/documents', await documentData('Thông báo không được lưu khi ổ đĩa chỉ đọc'))
    expect(write.status).toBe(503)
    expect(write.body.errors[0].message).toBe(WRITE_REFUSED)
    const own = await member.patch(`/api/users/${member.user!.id}`, { phone: '0912345678' })
    expect(own.status).toBe(503)
    expect(own.body.errors[0].message).toBe(WRITE_REFUSED)
    const read = await member.get('/api/documents?limit=1')
    expect(read.status).toBe(503)
    expect(read.body.errors[0].message).toMatch(/^Máy chủ tạm thời không đọc được dữ liệu/)
    const search = await member.get(`/api/search?q=${q('quy định')}`)
    expect([200, 503]).toContain(search.status)

    const ready = await fetch(`${base}/readyz`)
    expect(ready.status).toBe(503)
    expect(JSON.stringify(await ready.json())).toContain('sotay.db')
    expect(server.output().match(/không ghi được cơ sở dữ liệu/g)).toHaveLength(1)
    expectAlive()
  })

  it('once the files can be written again, writes succeed without a restart and nothing stored is lost', async () => {
    immutable(false, sqliteFiles(databaseFile))
    await eventually(async () => (await member.get('/api/documents?limit=1')).status === 200, 'đọc được trở lại')
    expect((await member.get('/api/documents?limit=1')).body.totalDocs).toBe(before)
    const doc = await secretary.post('/api/documents', await documentData('Thông báo sau khi ổ đĩa ghi được trở lại velquarind'))
    expect(doc.status).toBe(201)
    expect((await member.get('/api/documents?limit=1')).body.totalDocs).toBe(before + 1)
    await eventually(async () => (await hitIds('velquarind')).includes(String(doc.body.doc.id)), 'tìm được tài liệu mới')
    expect((await fetch(`${base}/readyz`)).status).toBe(200)
    expect(server.output()).toMatch(/cơ sở dữ liệu .*ghi được trở lại/)
    expectAlive()
  })
})
