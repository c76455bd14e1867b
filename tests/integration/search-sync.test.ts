/**
 * The search index follows the database within 5 s: publishing, changing the title, unpublishing,
 * deleting, a scheduled release time arriving, and a document losing force when another replaces it.
 * Each check polls the API and fails when the change has not shown up 5 s after it was made.
 * Last, an organisation moves with its subtree to another province: what it issued changes readers.
 */
import { client, login, loginDemo, type Client } from '../helpers/client'
import { startTestServer, type TestServer } from '../helpers/server'
import { paragraphsToLexical } from '../../collections/Documents/lexical'

let server: TestServer
let anon: Client
const sessions = new Map<string, Promise<Client>>()
const as = (login: string) => {
  if (!sessions.has(login)) sessions.set(login, loginDemo(server.url, login))
  return sessions.get(login)!
}
const q = encodeURIComponent
const SYNC_MS = 5000

beforeAll(async () => {
  server = await startTestServer()
  anon = client(server.url)
}, 300_000)
afterAll(async () => {
  await server?.stop()
})

const lexical = (...paragraphs: string[]) => paragraphsToLexical(paragraphs)

let orgCache: Record<string, string | number> | undefined
async function orgId(code: string) {
  const orgs = (orgCache ??= Object.fromEntries(((await anon.get('/api/organizations?limit=100&depth=0')).body.docs as any[]).map((o) => [o.code, o.id])))
  return orgs[code]
}

let serial = 700
async function documentData(overrides: Record<string, unknown> = {}) {
  serial += 1
  return {
    documentType: 'thong-bao',
    number: `${serial}-TB/ĐU`,
    title: `Thông báo thử nghiệm đồng bộ số ${serial}`,
    issuer: await orgId('HP.BD'),
    issuedDate: '2025-11-03',
    content: lexical(`Nội dung thông báo ${serial}.`),
    ...overrides,
  }
}

const ids = async (c: Client, text: string, extra = '') => {
  const res = await c.get(`/api/search?q=${q(text)}&pageSize=50${extra}`)
  expect(res.status).toBe(200)
  return (res.body.hits as any[]).map((h) => `${h.collection}:${h.id}`)
}

/** Polls until `check` holds; fails when it still does not `ms` after `since`. */
async function within(since: number, ms: number, check: () => Promise<boolean>, what: string) {
  for (;;) {
    if (await check()) return Date.now() - since
    if (Date.now() - since > ms) throw new Error(`${what}: không thấy thay đổi sau ${ms} ms`)
    await new Promise((r) => setTimeout(r, 50))
  }
}
const shows = (c: Client, text: string, unit: string, since: number, ms = SYNC_MS) =>
  within(since, ms, async () => (await ids(c, text)).includes(unit), `"${text}" → ${unit}`)
const gone = (c: Client, text: string, unit: string, since: number, ms = SYNC_MS) =>
  within(since, ms, async () => !(await ids(c, text)).includes(unit), `"${text}" ↛ ${unit}`)

describe('documents', () => {
  it('publish → found; title changed → new title found, old not; unpublished → gone; republished, deleted → gone', async () => {
    const secretary = await as('bithu.bachdang')
    const member = await as('dangvien.cb01')
    const outsider = await as('dangvien.thanhhoa')

    let t = Date.now()
    const created = await secretary.post('/api/documents', await documentData({ title: 'Thông báo về hội thao truyền thống phường Bạch Đằng zoplikan', _status: 'published' }))
    expect(created.status).toBe(201)
    const unit = `documents:${created.body.doc.id}`
    await shows(member, 'zoplikan', unit, t)
    await shows(member, 'hoi thao truyen thong zoplikan', unit, t)
    expect(await ids(outsider, 'zoplikan')).not.toContain(unit)
    expect(await ids(anon, 'zoplikan')).not.toContain(unit)

    t = Date.now()
    expect((await secretary.patch(`/api/documents/${created.body.doc.id}`, { title: 'Thông báo về giải bóng chuyền phường Bạch Đằng quarvexin' })).status).toBe(200)
    await shows(member, 'quarvexin', unit, t)
    await gone(member, 'zoplikan', unit, t)

    t = Date.now()
    expect((await secretary.patch(`/api/documents/${created.body.doc.id}`, { _status: 'draft' })).status).toBe(200)
    await gone(member, 'quarvexin', unit, t)

    t = Date.now()
    expect((await secretary.patch(`/api/documents/${created.body.doc.id}`, { _status: 'published' })).status).toBe(200)
    await shows(member, 'quarvexin', unit, t)

    t = Date.now()
    expect((await secretary.del(`/api/documents/${created.body.doc.id}`)).status).toBe(200)
    await gone(member, 'quarvexin', unit, t)
    await gone(await as('quantri'), 'quarvexin', unit, t)
  })

  it('a public document is found by anonymous visitors; made member-only, it is not', async () => {
    const secretary = await as('bithu.bachdang')
    let t = Date.now()
    const created = await secretary.post('/api/documents', await documentData({ title: 'Thông báo công khai lịch tiếp dân velmorath', visibility: 'cong-khai', _status: 'published' }))
    expect(created.status).toBe(201)
    const unit = `documents:${created.body.doc.id}`
    await shows(anon, 'velmorath', unit, t)
    t = Date.now()
    expect((await secretary.patch(`/api/documents/${created.body.doc.id}`, { visibility: 'dang-vien' })).status).toBe(200)
    await gone(anon, 'velmorath', unit, t)
    expect(await ids(await as('dangvien.cb01'), 'velmorath')).toContain(unit)
  })

  it('a scheduled release shows up within 5 s of its time, not before', async () => {
    const secretary = await as('bithu.bachdang')
    const member = await as('dangvien.cb01')
    const releaseAt = Date.now() + 4000
    const created = await secretary.post('/api/documents', await documentData({ title: 'Thông báo hẹn giờ trandolex', publishAt: new Date(releaseAt).toISOString(), _status: 'published' }))
    expect(created.status).toBe(201)
    const unit = `documents:${created.body.doc.id}`
    // Before its time it is not readable, so not findable.
    await new Promise((r) => setTimeout(r, 1000))
    if (Date.now() < releaseAt - 500) expect(await ids(member, 'trandolex')).not.toContain(unit)
    await shows(member, 'trandolex', unit, releaseAt)
  })

  it('a document replaced by another is found with its new status', async () => {
    const secretary = await as('bithu.bachdang')
    const member = await as('dangvien.cb01')
    const old = (await secretary.post('/api/documents', await documentData({ title: 'Quy chế làm việc cũ nexubrit', _status: 'published' }))).body.doc
    const t = Date.now()
    const replacement = await secretary.post('/api/documents', await documentData({ title: 'Quy chế làm việc mới', _status: 'published', relations: [{ type: 'thay-the', target: old.id }] }))
    expect(replacement.status).toBe(201)
    await within(t, SYNC_MS, async () => {
      const res = await member.get(`/api/search?q=nexubrit`)
      return res.body.hits.some((h: any) => String(h.id) === String(old.id) && h.status === 'het-hieu-luc')
    }, 'trạng thái hết hiệu lực')
  })
})

describe('news', () => {
  it('published → found; unpublished → gone; deleted → gone', async () => {
    const secretary = await as('bithu.bachdang')
    const member = await as('dangvien.cb01')
    let t = Date.now()
    const created = await secretary.post('/api/news', {
      title: 'Phường Bạch Đằng ra quân vệ sinh môi trường kelvantro',
      issuer: await orgId('HP.BD'),
      body: lexical('Sáng nay, đông đảo đảng viên và nhân dân tham gia.'),
      _status: 'published',
    })
    expect(created.status).toBe(201)
    const unit = `news:${created.body.doc.id}`
    await shows(member, 'kelvantro', unit, t)
    t = Date.now()
    expect((await secretary.patch(`/api/news/${created.body.doc.id}`, { _status: 'draft' })).status).toBe(200)
    await gone(member, 'kelvantro', unit, t)
    t = Date.now()
    expect((await secretary.patch(`/api/news/${created.body.doc.id}`, { _status: 'published' })).status).toBe(200)
    await shows(member, 'kelvantro', unit, t)
    t = Date.now()
    expect((await secretary.del(`/api/news/${created.body.doc.id}`)).status).toBe(200)
    await gone(member, 'kelvantro', unit, t)
  })
})

describe('organisation moves', () => {
  /** What `c` finds among the documents issued by `issuer`: ids, total and that issuer's facet count. */
  async function issuedBy(c: Client, text: string, issuer: string | number, extra = '') {
    const res = await c.get(`/api/search?q=${q(text)}&pageSize=50${extra}`)
    expect(res.status).toBe(200)
    return { ids: (res.body.hits as any[]).map((h) => String(h.id)), total: res.body.total as number, facet: (res.body.facets.issuer[String(issuer)] ?? 0) as number }
  }

  it('a ward moved with its chi bộ to another province: the new province finds what it issued, the old one no longer does, within 5 s', async () => {
    const admin = await as('quantri')
    const hpLeader = await as('capuy.haiphong') // cấp ủy viên of Thành ủy Hải Phòng, the old ancestor
    const [hb, hbcb, th, hp] = await Promise.all(['HP.HB', 'HP.HB.CB01', 'TH', 'HP'].map(orgId))
    const made = await admin.post('/api/users', {
      fullName: 'Lê Thị Thanh', email: 'capuy.thanhhoa.search@example.vn', password: 'MatKhau@123', status: 'da-duyet',
      roles: [{ role: 'cap-uy-vien', organization: th }],
    })
    expect(made.status).toBe(201)
    const thLeader = await login(server.url, 'capuy.thanhhoa.search@example.vn', 'MatKhau@123') // the new ancestor

    let t = Date.now()
    const created = await admin.post('/api/documents', await documentData({ title: 'Thông báo của chi bộ Hoàng Văn Thụ brovelkin', issuer: hbcb, visibility: 'dang-vien', _status: 'published' }))
    expect(created.status).toBe(201)
    const id = String(created.body.doc.id)
    await shows(hpLeader, 'brovelkin', `documents:${id}`, t)
    // Before the move: Hải Phòng's leadership reads it (also "within the province"), Thanh Hóa's does not.
    expect(await issuedBy(hpLeader, 'brovelkin', hbcb)).toEqual({ ids: [id], total: 1, facet: 1 })
    expect(await issuedBy(hpLeader, 'brovelkin', hbcb, `&inProvince=${hp}`)).toEqual({ ids: [id], total: 1, facet: 1 })
    expect(await issuedBy(thLeader, 'brovelkin', hbcb)).toEqual({ ids: [], total: 0, facet: 0 })
    expect((await issuedBy(thLeader, '', hbcb, `&issuer=${hbcb}`)).ids).not.toContain(id)
    expect(await issuedBy(admin, 'brovelkin', hbcb, `&inProvince=${th}`)).toEqual({ ids: [], total: 0, facet: 0 })

    t = Date.now()
    expect((await admin.patch(`/api/organizations/${hb}`, { parent: th })).status).toBe(200)
    await within(t, SYNC_MS, async () => {
      const [now, before, inTh, inHp] = await Promise.all([
        issuedBy(thLeader, 'brovelkin', hbcb),
        issuedBy(hpLeader, 'brovelkin', hbcb),
        issuedBy(admin, 'brovelkin', hbcb, `&inProvince=${th}`),
        issuedBy(admin, 'brovelkin', hbcb, `&inProvince=${hp}`),
      ])
      return now.total === 1 && now.facet === 1 && now.ids.includes(id) && before.total === 0 && inTh.total === 1 && inHp.total === 0
    }, 'chuyển tổ chức')
    // Results, totals and facet counts agree, with and without text, for both leaders.
    expect(await issuedBy(thLeader, 'brovelkin', hbcb)).toEqual({ ids: [id], total: 1, facet: 1 })
    expect(await issuedBy(thLeader, 'brovelkin', hbcb, `&inProvince=${th}`)).toEqual({ ids: [id], total: 1, facet: 1 })
    expect((await issuedBy(thLeader, '', hbcb, `&issuer=${hbcb}`)).ids).toContain(id)
    expect(await issuedBy(hpLeader, 'brovelkin', hbcb)).toEqual({ ids: [], total: 0, facet: 0 })
    expect(await issuedBy(hpLeader, 'brovelkin', hbcb, `&inProvince=${hp}`)).toEqual({ ids: [], total: 0, facet: 0 })
    expect((await issuedBy(hpLeader, '', hbcb, `&issuer=${hbcb}`)).ids).not.toContain(id)
    // REST agrees with search for both leaders.
    expect((await thLeader.get(`/api/documents/${id}?depth=0`)).status).toBe(200)
    expect((await hpLeader.get(`/api/documents/${id}?depth=0`)).status).not.toBe(200)

    // The member's scope is reused between requests, never past a change to their account: the role taken away, the
    // leader no longer finds the document (nor counts it) on their very next search.
    expect((await admin.patch(`/api/users/${made.body.doc.id}`, { roles: [] })).status).toBe(200)
    expect(await issuedBy(thLeader, 'brovelkin', hbcb)).toEqual({ ids: [], total: 0, facet: 0 })
  })
})
