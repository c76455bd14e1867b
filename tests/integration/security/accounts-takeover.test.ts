/**
 * Account takeover by a leader (issue 16, findings 2, 7, 9 and the branchless account): account rights follow
 * the organisation tree both ways. Nobody changes the password, e-mail, card number, roles or status of a
 * person holding a role at or above their own level; leaders never set another person's password; unlock is
 * for system administrators and for leaders over people strictly below them; passwords are not weak; every
 * credential change is audited as what it is. Over HTTP against the real server with the demo data.
 */
import { client, demoEmail, DEMO_PASSWORD, login, loginDemo, type Client } from '../../helpers/client'
import { startTestServer, type TestServer } from '../../helpers/server'

let server: TestServer
let anon: Client
let admin: Client
beforeAll(async () => {
  server = await startTestServer()
  anon = client(server.url)
  admin = await loginDemo(server.url, 'quantri')
})
afterAll(async () => {
  await server?.stop()
})

/** The demo account signing in as `login`, read by the administrator (id, card number, phone, e-mail). */
async function account(login_: string): Promise<Record<string, any>> {
  const res = await admin.get(`/api/users?where[email][equals]=${encodeURIComponent(demoEmail(login_))}&depth=0`)
  expect(res.body.docs).toHaveLength(1)
  return res.body.docs[0]
}
const orgId = async (code: string) => (await anon.get(`/api/organizations?where[code][equals]=${encodeURIComponent(code)}`)).body.docs[0].id
const canSignIn = async (identifier: string, password: string) => (await anon.post('/api/users/login', { email: identifier, password })).status === 200
const NEW_PASSWORD = 'Hoa-Phuong-Do-2026'

describe('a ward secretary cannot take over a city-level account whose branch lies in the ward', () => {
  it('neither the password nor the e-mail of the city committee member or the city editor', async () => {
    const ward = await loginDemo(server.url, 'bithu.bachdang')
    for (const who of ['capuy.haiphong', 'bientap.haiphong']) {
      const target = await account(who)
      const password = await ward.patch(`/api/users/${target.id}`, { password: NEW_PASSWORD })
      expect({ who, status: password.status }).toEqual({ who, status: 403 })
      expect(password.body.errors[0].message).toMatch(/mật khẩu/)
      expect(await canSignIn(demoEmail(who), NEW_PASSWORD)).toBe(false)
      expect(await canSignIn(demoEmail(who), DEMO_PASSWORD)).toBe(true)

      const email = await ward.patch(`/api/users/${target.id}`, { email: `chiem-quyen.${who}@example.vn` })
      expect({ who, status: email.status }).toEqual({ who, status: 403 })
      expect(email.body.errors[0].message).toMatch(/ngang hoặc cao hơn/)
      expect((await account(who)).email).toBe(demoEmail(who))
    }
  })

  it('nor their card number or roles', async () => {
    const ward = await loginDemo(server.url, 'bithu.bachdang')
    const target = await account('capuy.haiphong')
    expect((await ward.patch(`/api/users/${target.id}`, { cardNumber: '99887766' })).status).toBe(403)
    expect((await ward.patch(`/api/users/${target.id}`, { roles: [] })).status).toBe(403)
    const after = await account('capuy.haiphong')
    expect(after.cardNumber).toBe(target.cardNumber)
    expect(after.roles).toHaveLength(1)
  })

  it('a branch secretary cannot change the e-mail of the deputy secretary of the same branch (same level)', async () => {
    const secretary = await loginDemo(server.url, 'bithu.cb01')
    const deputy = await account('phobithu.cb01')
    expect((await secretary.patch(`/api/users/${deputy.id}`, { email: 'pho-bi-thu.moi@example.vn' })).status).toBe(403)
    expect((await account('phobithu.cb01')).email).toBe(demoEmail('phobithu.cb01'))
  })

  it('a leader still changes the e-mail and contact details of a member strictly below, but never the password', async () => {
    const ward = await loginDemo(server.url, 'bithu.bachdang')
    const member = await account('choduyet.cb01')
    const ok = await ward.patch(`/api/users/${member.id}`, { phone: '0912 111 222', email: 'choduyet.moi@example.vn' })
    expect(ok.status).toBe(200)
    expect(ok.body.doc.email).toBe('choduyet.moi@example.vn')
    const password = await ward.patch(`/api/users/${member.id}`, { password: NEW_PASSWORD })
    expect(password.status).toBe(403)
    expect(password.body.errors[0].message).toMatch(/mật khẩu/)
    expect(await canSignIn('choduyet.moi@example.vn', NEW_PASSWORD)).toBe(false)
  })
})

describe('credential changes are audited as what they are', () => {
  it('a system administrator sets a password; the member changes their own; the log says "đổi mật khẩu"', async () => {
    const member = await account('dangvien.cb02')
    expect((await admin.patch(`/api/users/${member.id}`, { password: NEW_PASSWORD })).status).toBe(200)
    const self = await login(server.url, demoEmail('dangvien.cb02'), NEW_PASSWORD)
    expect((await self.patch(`/api/users/${member.id}`, { password: DEMO_PASSWORD })).status).toBe(200)
    expect(await canSignIn(demoEmail('dangvien.cb02'), DEMO_PASSWORD)).toBe(true)

    const log = await admin.get(`/api/audit-logs?where[subject][equals]=${member.id}&sort=-createdAt&limit=10&depth=0`)
    const summaries: string[] = log.body.docs.map((d: any) => d.summary)
    expect(summaries.filter((s) => /đổi mật khẩu/i.test(s))).toHaveLength(2)
    for (const s of summaries) expect(s).not.toMatch(/citizenId|branch|roles/)
    const byActor = log.body.docs.filter((d: any) => /đổi mật khẩu/i.test(d.summary)).map((d: any) => String(d.actor))
    expect(byActor.sort()).toEqual([String(admin.user!.id), String(member.id)].sort())
  })

  it('an e-mail change is recorded as an e-mail change', async () => {
    const member = await account('dangvien.thanhhoa')
    expect((await admin.patch(`/api/users/${member.id}`, { email: 'dangvien.thanhhoa.moi@example.vn' })).status).toBe(200)
    const log = await admin.get(`/api/audit-logs?where[subject][equals]=${member.id}&sort=-createdAt&limit=1&depth=0`)
    expect(log.body.docs[0].summary).toMatch(/đổi e-mail/i)
    expect(log.body.docs[0].summary).not.toMatch(/citizenId|branch|roles/)
  })
})

describe('unlock (POST /api/users/unlock)', () => {
  it('a leader cannot unlock an administrator, a higher-level or same-level account', async () => {
    const ward = await loginDemo(server.url, 'bithu.bachdang')
    for (const who of ['quantri', 'capuy.haiphong', 'bientap.haiphong']) {
      const res = await ward.post('/api/users/unlock', { email: demoEmail(who) })
      expect({ who, status: res.status }).toEqual({ who, status: 403 })
    }
    const branch = await loginDemo(server.url, 'bithu.cb01')
    expect((await branch.post('/api/users/unlock', { email: demoEmail('phobithu.cb01') })).status).toBe(403)
  })

  it('a leader unlocks a member strictly below; an administrator unlocks anyone; a member nobody', async () => {
    const ward = await loginDemo(server.url, 'bithu.bachdang')
    expect((await ward.post('/api/users/unlock', { email: demoEmail('dangvien.cb01') })).status).toBe(200)
    expect((await ward.post('/api/users/unlock', { email: demoEmail('bithu.cb01') })).status).toBe(200)
    expect((await admin.post('/api/users/unlock', { email: demoEmail('capuy.haiphong') })).status).toBe(200)
    const member = await loginDemo(server.url, 'dangvien.cb01')
    expect((await member.post('/api/users/unlock', { email: demoEmail('dangvien.cb02') })).status).toBe(403)
  })
})

describe('a leader creates accounts only inside their subtree', () => {
  const newAccount = (n: number, extra: Record<string, unknown> = {}) => ({
    fullName: `Trần Văn Tạo ${n}`, email: `tao.${n}.${Date.now()}@example.vn`, password: NEW_PASSWORD, ...extra,
  })
  const count = async () => (await admin.get('/api/users?limit=0')).body.totalDocs

  it('not without a branch, nor in another province', async () => {
    const ward = await loginDemo(server.url, 'bithu.bachdang')
    const before = await count()
    const none = await ward.post('/api/users', newAccount(1))
    expect(none.status).toBe(403)
    expect(none.body.errors[0].message).toMatch(/chi bộ/)
    const elsewhere = await ward.post('/api/users', newAccount(2, { branch: await orgId('TH.HT.CB01') }))
    expect(elsewhere.status).toBe(403)
    expect(await count()).toBe(before)
    const inside = await ward.post('/api/users', newAccount(3, { branch: await orgId('HP.BD.CB01') }))
    expect(inside.status).toBe(201)
  })
})

describe('weak passwords are refused with a Vietnamese message', () => {
  it('on change by the member', async () => {
    const member = await loginDemo(server.url, 'dangvien.cb01')
    const me = await account('dangvien.cb01')
    for (const [password, message] of [
      ['abc', /ít nhất 10 ký tự/],
      ['password123', /phổ biến/],
      ['qwertyuiop', /phổ biến/],
    ] as [string, RegExp][]) {
      const res = await member.patch(`/api/users/${me.id}`, { password })
      expect({ password, status: res.status }).toEqual({ password, status: 400 })
      expect(JSON.stringify(res.body)).toMatch(message)
    }
    expect(await canSignIn(demoEmail('dangvien.cb01'), DEMO_PASSWORD)).toBe(true)
  })

  it('equal to the member’s own phone number', async () => {
    const member = await loginDemo(server.url, 'dangvien.cb01')
    const me = (await member.get('/api/users/me')).body.user
    expect(me.phone).toMatch(/^0\d{9}$/)
    const res = await member.patch(`/api/users/${me.id}`, { password: me.phone.replace(/(\d{4})(\d{3})(\d{3})/, '$1 $2 $3') })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toMatch(/số điện thoại/)
  })

  it('on registration and on creation by an administrator', async () => {
    const branch = await orgId('HP.BD.CB03')
    const registration = {
      fullName: 'Nguyễn Văn Yếu', birthDate: '15/03/1960', gender: 'nam', partyJoinDate: '03/02/1985', cardNumber: '88612345',
      citizenId: '031060612345', branch, phone: '0987 612 345', email: 'yeu@example.vn', password: '12345678',
    }
    const res = await anon.post('/api/users/register', registration)
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toMatch(/Mật khẩu/)
    const created = await admin.post('/api/users', { fullName: 'Lê Văn Yếu', email: 'le.yeu@example.vn', password: '1234567890', branch })
    expect(created.status).toBe(400)
    expect(JSON.stringify(created.body)).toMatch(/phổ biến/)
  })

  it('the demo password SoTay@2025 is accepted', async () => {
    const member = await loginDemo(server.url, 'dangvien.cb01')
    expect((await member.patch(`/api/users/${member.user!.id}`, { password: DEMO_PASSWORD })).status).toBe(200)
  })
})
