/**
 * `server.ts` with WEB_PROCESSES=2: a primary and two web processes on one port. Connections reach both;
 * a change of the organisation tree made through one process counts in the other from the next request
 * (their kept viewers are dropped through the primary); a web process that dies is replaced; SIGTERM
 * stops them all cleanly. SQLite: the test is about the processes.
 */
import { jest } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { requestOnNewConnection, startServerProcess, type ServerProcess } from '../helpers/net'

jest.setTimeout(240_000)

let server: ServerProcess
let child: ServerProcess['child']
let base = ''
const output = () => server.output()

/** One request on a connection of its own (the cluster hands connections out in turn), JSON in and out. */
async function fresh(method: string, url: string, token?: string, body?: unknown): Promise<{ status: number; web: string; body: any }> {
  const res = await requestOnNewConnection(base + url, {
    method,
    headers: { ...(token ? { authorization: `JWT ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  let parsed: unknown = res.text
  try {
    parsed = JSON.parse(res.text)
  } catch {}
  return { status: res.status, web: String(res.headers['x-sotay-web'] ?? ''), body: parsed }
}

const login = async (who: string) => (await fresh('POST', '/api/users/login', undefined, { email: `${who}@demo.sotay.vn`, password: 'SoTay@2025' })).body.token as string
const webChildren = () =>
  readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)
/** The web processes answering `n` requests on fresh connections. */
async function answering(n = 6): Promise<string[]> {
  const seen = new Set<string>()
  for (let i = 0; i < n; i++) seen.add((await fresh('GET', '/healthz')).web)
  return [...seen].sort()
}

beforeAll(async () => {
  server = await startServerProcess({ WORKERS: 'off', WEB_PROCESSES: '2' }, async (_base, out) => {
    base = _base
    return out.includes('Tiến trình web 1 sẵn sàng') && (await answering(4)).length === 2
  })
  child = server.child
})

afterAll(() => {
  let pids: number[] = []
  try {
    pids = webChildren()
  } catch {}
  if (child.exitCode === null) child.kill('SIGKILL')
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {}
  }
  server?.remove()
})

it('runs two web processes on one port, and only the first runs the demo seed', async () => {
  expect(await answering()).toEqual(['0', '1'])
  expect(webChildren()).toHaveLength(2)
  expect(output().match(/Đã tạo \d+ tổ chức/g)).toHaveLength(1)
})

it('a branch moved through one process counts in the other from the next request', async () => {
  const admin = await login('quantri')
  const member = await login('dangvien.cb02')
  const org = async (code: string) => (await fresh('GET', `/api/organizations?where[code][equals]=${encodeURIComponent(code)}`)).body.docs[0].id
  const plan = (await fresh('GET', `/api/documents?where[number][equals]=${encodeURIComponent('23-KH/ĐU')}&depth=0`, admin)).body.docs[0]
  const url = `/api/documents/${plan.id}?depth=0`
  // Both processes keep the member's viewer.
  const before = await Promise.all(Array.from({ length: 6 }, () => fresh('GET', url, member)))
  expect(new Set(before.map((r) => r.web)).size).toBe(2)
  expect(before.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200])

  const [branch, oldWard, newWard] = [await org('HP.BD.CB02'), await org('HP.BD'), await org('HP.HB')]
  expect((await fresh('PATCH', `/api/organizations/${branch}`, admin, { parent: newWard })).status).toBe(200)
  const after: { status: number; web: string }[] = []
  for (let i = 0; i < 6; i++) after.push(await fresh('GET', url, member))
  expect(new Set(after.map((r) => r.web)).size).toBe(2)
  expect(after.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404])

  expect((await fresh('PATCH', `/api/organizations/${branch}`, admin, { parent: oldWard })).status).toBe(200)
  const back: number[] = []
  for (let i = 0; i < 6; i++) back.push((await fresh('GET', url, member)).status)
  expect(back).toEqual([200, 200, 200, 200, 200, 200])
})

it('replaces a web process that dies', async () => {
  const [victim] = webChildren()
  process.kill(victim, 'SIGKILL')
  for (let i = 0; i < 400; i++) {
    const pids = webChildren()
    if (pids.length === 2 && !pids.includes(victim) && (await answering(4)).length === 2) break
    await new Promise((r) => setTimeout(r, 250))
  }
  expect(webChildren()).not.toContain(victim)
  expect(await answering()).toEqual(['0', '1'])
  expect(output()).toMatch(/Tiến trình web \d đã dừng \(SIGKILL\); đang khởi động lại/)
})

it('stops every web process on SIGTERM and exits cleanly', async () => {
  const pids = webChildren()
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  child.kill('SIGTERM')
  expect(await exited).toBe(0)
  for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow()
  expect(output()).toMatch(/Nhận SIGTERM: đang dừng 2 tiến trình web/)
})
