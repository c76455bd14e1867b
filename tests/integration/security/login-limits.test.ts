/**
 * Account existence never leaks and nobody locks someone else out (issue 16, findings 1, 8, 10): registration
 * answers the same for a taken and a free card number, citizen id or e-mail (the branch's leaders see the
 * duplicate in the audit log); a sign-in fails with the same message, in the same time, whether or not the
 * account exists; failed sign-ins are limited per address+account (growing blocks) and per address, answered
 * 429 with a Vietnamese message and Retry-After, while the account's owner signs in from elsewhere. Over HTTP
 * against the real server with the demo data, with TRUST_PROXY=1 so that each scenario comes from its own
 * address (X-Forwarded-For).
 */
import { demoEmail, DEMO_PASSWORD, loginDemo, type Client } from '../../helpers/client'
import { startTestServer, type TestServer } from '../../helpers/server'

const ENV = {
  TRUST_PROXY: '1',
  LOGIN_FAILURES_PER_ACCOUNT: '5',
  LOGIN_FAILURES_PER_ADDRESS: '10',
  LOGIN_BLOCK_SECONDS: '2',
  REGISTER_PER_ADDRESS: '5',
  RESET_PER_ADDRESS: '3',
}
const saved: Record<string, string | undefined> = {}
let server: TestServer
let admin: Client
beforeAll(async () => {
  for (const [k, v] of Object.entries(ENV)) [saved[k], process.env[k]] = [process.env[k], v]
  server = await startTestServer()
  admin = await loginDemo(server.url, 'quantri')
})
afterAll(async () => {
  await server?.stop()
  for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]
  else process.env[k] = v
})

type Answer = { status: number; body: any; retryAfter: string | null; ms: number }
/** A POST as if from `address` (the proxy's X-Forwarded-For). */
async function from(address: string, path: string, body: unknown): Promise<Answer> {
  const started = performance.now()
  const res = await fetch(server.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'vi', 'x-forwarded-for': address },
    body: JSON.stringify(body),
  })
  const text = await res.text()
  let parsed: any = text
  try {
    parsed = JSON.parse(text)
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: parsed, retryAfter: res.headers.get('retry-after'), ms: performance.now() - started }
}
const shape = (a: Answer) => ({ status: a.status, body: a.body })
const signIn = (address: string, identifier: string, password: string) =>
  from(address, '/api/users/login', identifier.includes('@') ? { email: identifier, password } : { username: identifier, password })
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function account(login: string): Promise<Record<string, any>> {
  const res = await admin.get(`/api/users?where[email][equals]=${encodeURIComponent(demoEmail(login))}&depth=0`)
  return res.body.docs[0]
}

describe('registration never tells whether a card number, citizen id or e-mail is registered', () => {
  let member: Record<string, any>
  let serial = 0
  /** A registration in the member's branch, with the member's birth date and gender (so their citizen id fits). */
  const registration = (overrides: Record<string, unknown> = {}) => {
    serial += 1
    const n = String(700000 + serial)
    return {
      fullName: `Lê Văn Dò ${serial}`, birthDate: member.birthDate, gender: member.gender, partyJoinDate: `01/06/${Number(String(member.birthDate).slice(0, 4)) + 20}`,
      cardNumber: `77${n}`, citizenId: `${member.citizenId.slice(0, 6)}${n}`, branch: member.branch, phone: `0987${n}`,
      email: `do.${serial}.${Date.now()}@example.vn`, password: 'Mat-khau-dang-ky-2026', ...overrides,
    }
  }
  beforeAll(async () => {
    member = await account('dangvien.cb01')
    expect(member.citizenId).toMatch(/^\d{12}$/)
  })

  it('the same answer for a free and a taken identifier; a taken card number or e-mail creates nothing', async () => {
    const count = async () => (await admin.get('/api/users?limit=0')).body.totalDocs
    const before = await count()
    const fresh = await from('192.0.2.11', '/api/users/register', registration())
    const sameCard = await from('192.0.2.12', '/api/users/register', registration({ cardNumber: member.cardNumber }))
    const sameCitizen = await from('192.0.2.13', '/api/users/register', registration({ citizenId: member.citizenId }))
    const sameEmail = await from('192.0.2.14', '/api/users/register', registration({ email: member.email }))
    expect({ status: fresh.status, body: fresh.body }).toEqual({ status: 202, body: { message: expect.stringMatching(/Đã nhận đăng ký/) } })
    for (const taken of [sameCard, sameCitizen, sameEmail]) expect(shape(taken)).toEqual(shape(fresh))
    expect(JSON.stringify(fresh.body)).not.toMatch(/"id"|"status"|đã được đăng ký|đã có/)
    // The fresh registration, and the one naming a taken citizen id (flagged: see below).
    expect(await count()).toBe(before + 2)
  })

  it('signing in afterwards tells nothing about a citizen id: both accounts exist, the taken id is flagged and cannot be approved', async () => {
    const free = registration()
    const taken = registration({ citizenId: member.citizenId })
    for (const [address, body] of [['192.0.2.41', free], ['192.0.2.42', taken]] as const)
      expect((await from(address, '/api/users/register', body)).status).toBe(202)
    const freeSession = await signIn('192.0.2.43', free.email, free.password)
    const takenSession = await signIn('192.0.2.44', taken.email, taken.password)
    expect([freeSession.status, takenSession.status]).toEqual([200, 200])
    expect(Object.keys(takenSession.body.user).sort()).toEqual(Object.keys(freeSession.body.user).sort())
    expect(JSON.stringify(takenSession.body)).not.toMatch(/identityConflict|trùng/)

    const secretary = await loginDemo(server.url, 'bithu.cb01')
    const flagged = (await secretary.get(`/api/users/${takenSession.body.user.id}?depth=0`)).body
    const clean = (await secretary.get(`/api/users/${freeSession.body.user.id}?depth=0`)).body
    expect([flagged.identityConflict, clean.identityConflict]).toEqual([true, false])
    const refused = await secretary.post(`/api/users/${flagged.id}/approve`)
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].message).toMatch(/trùng với một tài khoản khác/)
    expect((await secretary.post(`/api/users/${clean.id}/approve`)).status).toBe(200)
    // The member who holds the id keeps it, readable in full as before.
    expect((await account('dangvien.cb01')).citizenId).toBe(member.citizenId)
  })

  it('even when the submission is refused for another reason (an invalid phone)', async () => {
    const free = await from('192.0.2.21', '/api/users/register', registration({ phone: 'x' }))
    const taken = await from('192.0.2.22', '/api/users/register', registration({ phone: 'x', citizenId: member.citizenId }))
    expect(free.status).toBe(400)
    expect(JSON.stringify(free.body)).toMatch(/Số điện thoại/)
    expect(shape(taken)).toEqual(shape(free))
  })

  it('the branch secretary sees the duplicates when reviewing (audit log of the branch)', async () => {
    const secretary = await loginDemo(server.url, 'bithu.cb01')
    const log = await secretary.get(`/api/audit-logs?where[summary][like]=${encodeURIComponent('Đăng ký trùng')}&limit=50&depth=0`)
    expect(log.status).toBe(200)
    const summaries: string[] = log.body.docs.map((d: any) => d.summary)
    expect(summaries.some((s) => /số thẻ đảng viên/.test(s))).toBe(true)
    expect(summaries.some((s) => /số định danh cá nhân/.test(s))).toBe(true)
    expect(summaries.some((s) => /e-mail/.test(s))).toBe(true)
    for (const s of summaries) expect(s).not.toContain(member.citizenId)
  })
})

describe('a failed sign-in says nothing about the account', () => {
  it('the same message for a known and an unknown account, by e-mail and by card number', async () => {
    const known = await account('dangvien.thanhhoa')
    const byEmail = [await signIn('192.0.2.31', demoEmail('dangvien.thanhhoa'), 'Sai-mat-khau-1'), await signIn('192.0.2.32', 'khong-co-ai@demo.sotay.vn', 'Sai-mat-khau-1')]
    const byCard = [await signIn('192.0.2.33', String(known.cardNumber), 'Sai-mat-khau-1'), await signIn('192.0.2.34', '99999999', 'Sai-mat-khau-1')]
    for (const [a, b] of [byEmail, byCard]) {
      expect(a.status).toBe(401)
      expect(shape(b)).toEqual(shape(a))
    }
    expect(shape(byCard[0])).toEqual(shape(byEmail[0]))
  })

  it('in the same time (medians within 20 %)', async () => {
    const knownMs: number[] = []
    const unknownMs: number[] = []
    // Each sign-in alone (work a request leaves behind, such as its audit row, must not slow the next one), and
    // in random order within each pair: alternating delays then fall on both kinds alike.
    const known = async (i: number) => knownMs.push((await signIn(`198.18.1.${i}`, demoEmail('dangvien.thanhhoa'), `Sai-mat-khau-${i}`)).ms)
    const unknown = async (i: number) => unknownMs.push((await signIn(`198.18.2.${i}`, `khong-co-${i}@demo.sotay.vn`, `Sai-mat-khau-${i}`)).ms)
    for (let i = 0; i < 11; i++) {
      for (const measure of Math.random() < 0.5 ? [known, unknown] : [unknown, known]) {
        await new Promise((r) => setTimeout(r, 60))
        await measure(i)
      }
    }
    const ratio = median(knownMs) / median(unknownMs)
    const measured = `known ${knownMs.map(Math.round).join(', ')} ms; unknown ${unknownMs.map(Math.round).join(', ')} ms; ratio of medians ${ratio.toFixed(2)}`
    expect({ measured, within20Percent: ratio > 1 / 1.2 && ratio < 1.2 }).toEqual({ measured, within20Percent: true })
  })
})

describe('failed sign-ins are limited without locking the owner out', () => {
  it('five wrong passwords for the administrator’s card number block that address only; the administrator signs in elsewhere', async () => {
    const quantri = await account('quantri')
    const card = String(quantri.cardNumber ?? quantri.username ?? '')
    const identifier = card || demoEmail('quantri')
    for (let i = 0; i < 5; i++) expect((await signIn('203.0.113.7', identifier, `Doan-mo-${i}-xyz`)).status).toBe(401)
    const blocked = await signIn('203.0.113.7', identifier, DEMO_PASSWORD)
    expect(blocked.status).toBe(429)
    expect(blocked.body.errors[0].message).toMatch(/thử lại sau \d+ giây/)
    expect(Number(blocked.retryAfter)).toBeGreaterThanOrEqual(1)
    expect((await signIn('198.51.100.1', identifier, DEMO_PASSWORD)).status).toBe(200)
    expect((await signIn('198.51.100.1', demoEmail('quantri'), DEMO_PASSWORD)).status).toBe(200)
  })

  it('the block message is the same for an unknown account, and each further block lasts longer', async () => {
    // Blocks last 2 s here (LOGIN_BLOCK_SECONDS): each one is looked at right after the fifth failure.
    for (let i = 0; i < 5; i++) await signIn('203.0.113.10', demoEmail('dangvien.thanhhoa'), `Doan-mo-${i}-xyz`)
    const known = await signIn('203.0.113.10', demoEmail('dangvien.thanhhoa'), 'Doan-mo-xyz')
    for (let i = 0; i < 5; i++) await signIn('203.0.113.8', '12121212', `Doan-mo-${i}-xyz`)
    const unknown = await signIn('203.0.113.8', '12121212', 'Doan-mo-xyz')
    expect(unknown.status).toBe(429)
    expect(known.status).toBe(429)
    expect(shape(unknown).body.errors[0].message.replace(/\d+/g, 'N')).toBe(known.body.errors[0].message.replace(/\d+/g, 'N'))
    expect(Number(unknown.retryAfter)).toBe(2)
    await new Promise((r) => setTimeout(r, 2200))
    for (let i = 0; i < 5; i++) expect((await signIn('203.0.113.8', '12121212', `Lan-hai-${i}-xyz`)).status).toBe(401)
    const again = await signIn('203.0.113.8', '12121212', 'Doan-mo-xyz')
    expect(again.status).toBe(429)
    expect(Number(again.retryAfter)).toBe(4)
  })

  it('one address trying many accounts is stopped across accounts', async () => {
    for (let i = 0; i < 10; i++) expect((await signIn('203.0.113.9', `1000000${i}`, 'Doan-mo-xyz')).status).toBe(401)
    const res = await signIn('203.0.113.9', demoEmail('dangvien.cb02'), DEMO_PASSWORD)
    expect(res.status).toBe(429)
    expect(res.retryAfter).toMatch(/^\d+$/)
    expect((await signIn('198.51.100.2', demoEmail('dangvien.cb02'), DEMO_PASSWORD)).status).toBe(200)
  })

  it('successful sign-ins are never counted', async () => {
    for (let i = 0; i < 12; i++) expect((await signIn('198.51.100.3', demoEmail('dangvien.cb02'), DEMO_PASSWORD)).status).toBe(200)
  })

  it('the admin panel’s form (multipart with _payload) signs in and is limited the same way', async () => {
    const post = async (address: string, password: string) => {
      const form = new FormData()
      form.append('_payload', JSON.stringify({ email: demoEmail('bientap.tw'), password }))
      const res = await fetch(`${server.url}/api/users/login`, { method: 'POST', headers: { 'x-forwarded-for': address }, body: form })
      return { status: res.status, cookie: res.headers.get('set-cookie') }
    }
    const ok = await post('198.51.100.5', DEMO_PASSWORD)
    expect(ok.status).toBe(200)
    expect(ok.cookie).toMatch(/payload-token=/)
    for (let i = 0; i < 5; i++) expect((await post('203.0.113.30', `Sai-mat-khau-${i}`)).status).toBe(401)
    expect((await post('203.0.113.30', DEMO_PASSWORD)).status).toBe(429)
  })

  it('GraphQL cannot be used to go round the limits', async () => {
    const res = await from('198.51.100.4', '/api/graphql', { query: `mutation { loginUser(username: "${demoEmail('quantri')}", email: "${demoEmail('quantri')}", password: "Doan-mo") { token } }` })
    expect(JSON.stringify(res.body)).toMatch(/không qua GraphQL/)
  })
})

describe('registration and password reset are limited per address', () => {
  it('registration: 429 with Retry-After and a Vietnamese message', async () => {
    const answers = []
    for (let i = 0; i < 6; i++) answers.push(await from('203.0.113.20', '/api/users/register', { fullName: `Thử ${i}` }))
    expect(answers.slice(0, 5).map((a) => a.status)).toEqual([400, 400, 400, 400, 400])
    expect(answers[5].status).toBe(429)
    expect(answers[5].body.errors[0].message).toMatch(/quá nhiều yêu cầu đăng ký/)
    expect(Number(answers[5].retryAfter)).toBeGreaterThan(0)
  })

  it('forgot-password: 429 after a few requests', async () => {
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await from('203.0.113.21', '/api/users/forgot-password', { email: `khong-co-${i}@example.vn` })).status)
    expect(statuses.slice(0, 3).every((s) => s !== 429)).toBe(true)
    expect(statuses[3]).toBe(429)
  })
})
