/**
 * GET /api/search on the seeded demo tree: what each caller finds is exactly what REST lets them read.
 * Two members in different provinces (Hải Phòng, Thanh Hóa) get no hit, total or facet count from the
 * documents only the other may read; anonymous callers and accounts waiting for approval see public
 * content only; bad parameters are refused with a Vietnamese message and hostile text never fails.
 */
import { client, loginDemo, type Client } from '../helpers/client'
import { startTestServer, type TestServer } from '../helpers/server'

let server: TestServer
let anon: Client
const sessions = new Map<string, Promise<Client>>()
const as = (login: string) => {
  if (!sessions.has(login)) sessions.set(login, loginDemo(server.url, login))
  return sessions.get(login)!
}
const q = encodeURIComponent

type Row = { id: string | number; title: string; issuer: string | number; documentType?: string; effectStatus?: string; visibility?: string }

/** What REST lets `c` read of a collection (plain members: published and released only). */
async function readable(c: Client, collection: 'documents' | 'news'): Promise<Row[]> {
  const res = await c.get(`/api/${collection}?limit=1000&depth=0`)
  expect(res.status).toBe(200)
  expect(res.body.totalDocs).toBe(res.body.docs.length)
  return res.body.docs
}

const countBy = (rows: Row[], key: (r: Row) => unknown) => {
  const out: Record<string, number> = {}
  for (const r of rows) {
    const k = key(r)
    if (k !== undefined && k !== null && k !== '') out[String(k)] = (out[String(k)] ?? 0) + 1
  }
  return out
}

async function search(c: Client, params: string) {
  const res = await c.get(`/api/search?${params}`)
  expect(res.status).toBe(200)
  return res.body as { hits: any[]; total: number; facets: Record<string, Record<string, number>>; tookMs: number }
}

/** Waits until the start-up build of the index has everything (it runs in the background). */
async function indexReady() {
  const admin = await as('quantri')
  const expected = (await readable(admin, 'documents')).filter((d: any) => d._status === 'published' && (!d.publishAt || new Date(d.publishAt) <= new Date())).length
  for (let i = 0; i < 300; i++) {
    if ((await search(admin, 'kind=document&pageSize=1')).total === expected) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('index never filled')
}

beforeAll(async () => {
  server = await startTestServer()
  anon = client(server.url)
  await indexReady()
}, 300_000)
afterAll(async () => {
  await server?.stop()
})

const MEMBERS = ['dangvien.cb01', 'dangvien.thanhhoa'] as const

describe.each(MEMBERS)('%s finds exactly what they may read', (login) => {
  it('listing: totals and facets equal the REST answer', async () => {
    const c = await as(login)
    for (const [collection, kind] of [['documents', 'document'], ['news', 'news']] as const) {
      const rows = await readable(c, collection)
      const found = await search(c, `kind=${kind}&pageSize=100`)
      expect(found.total).toBe(rows.length)
      expect(found.hits.map((h) => String(h.id)).sort()).toEqual(rows.map((r) => String(r.id)).sort())
      expect(found.facets.issuer).toEqual(countBy(rows, (r) => r.issuer))
      if (collection === 'documents') {
        expect(found.facets.type).toEqual(countBy(rows, (r) => r.documentType))
        expect(found.facets.status).toEqual(countBy(rows, (r) => r.effectStatus))
      }
    }
  })

  it('filters: per type and per issuer the totals equal REST with the same filter', async () => {
    const c = await as(login)
    const rows = await readable(c, 'documents')
    for (const type of new Set(rows.map((r) => r.documentType))) {
      const rest = await c.get(`/api/documents?limit=0&where[documentType][equals]=${q(String(type))}`)
      expect((await search(c, `kind=document&type=${q(String(type))}`)).total).toBe(rest.body.totalDocs)
    }
    for (const issuer of new Set(rows.map((r) => String(r.issuer)))) {
      const rest = await c.get(`/api/documents?limit=0&where[issuer][equals]=${q(issuer)}`)
      expect((await search(c, `kind=document&issuer=${q(issuer)}`)).total).toBe(rest.body.totalDocs)
    }
  })
})

describe('two provinces', () => {
  it("searching the titles of the other province's documents reveals nothing of them", async () => {
    const hp = await as('dangvien.cb01')
    const th = await as('dangvien.thanhhoa')
    const pairs: [Client, Client][] = [[hp, th], [th, hp]]
    let checked = 0
    for (const [me, other] of pairs) {
      const mine = new Set((await readable(me, 'documents')).map((r) => String(r.id)))
      const myIssuers = new Set((await readable(me, 'documents')).map((r) => String(r.issuer)))
      const theirsOnly = (await readable(other, 'documents')).filter((r) => !mine.has(String(r.id)))
      expect(theirsOnly.length).toBeGreaterThan(0)
      const folded = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
      for (const doc of theirsOnly) {
        for (const text of [doc.title, folded(doc.title)]) {
          const found = await search(me, `q=${q(text)}&kind=document&pageSize=100`)
          for (const hit of found.hits) expect(mine.has(String(hit.id))).toBe(true)
          expect(found.hits.some((h) => String(h.id) === String(doc.id))).toBe(false)
          // Counts only ever come from readable documents.
          expect(found.total).toBeLessThanOrEqual(mine.size)
          for (const issuer of Object.keys(found.facets.issuer)) expect(myIssuers.has(issuer)).toBe(true)
          const facetSum = Object.values(found.facets.issuer).reduce((a, b) => a + b, 0)
          expect(facetSum).toBe(found.total)
          checked += 1
        }
      }
    }
    expect(checked).toBeGreaterThan(0)
  })

  it('"issued within my province" = the issuers of the province subtree, as REST counts them', async () => {
    const orgs = (await anon.get('/api/organizations?limit=100&depth=0')).body.docs as { id: string; code: string; path: string }[]
    for (const [login, code] of [['dangvien.cb01', 'HP'], ['dangvien.thanhhoa', 'TH']] as const) {
      const c = await as(login)
      const province = orgs.find((o) => o.code === code)!
      const subtree = orgs.filter((o) => o.path.includes(`/${province.id}/`)).map((o) => o.id)
      const rest = await c.get(`/api/documents?limit=0&${subtree.map((id, i) => `where[issuer][in][${i}]=${id}`).join('&')}`)
      const mine = await search(c, 'kind=document&inProvince=mine')
      expect(mine.total).toBe(rest.body.totalDocs)
      expect(mine.total).toBeGreaterThan(0)
      expect((await search(c, `kind=document&inProvince=${province.id}`)).total).toBe(rest.body.totalDocs)
      for (const issuer of Object.keys(mine.facets.issuer)) expect(subtree.map(String)).toContain(issuer)
    }
  })
})

describe('anonymous visitors and accounts waiting for approval', () => {
  it('see public content only, exactly as REST', async () => {
    const pending = await as('choduyet.cb01')
    for (const c of [anon, pending]) {
      for (const [collection, kind] of [['documents', 'document'], ['news', 'news']] as const) {
        const rows = await readable(c, collection)
        const found = await search(c, `kind=${kind}&pageSize=100`)
        expect(found.total).toBe(rows.length)
        expect(found.hits.map((h) => String(h.id)).sort()).toEqual(rows.map((r) => String(r.id)).sort())
      }
    }
    const member = await search(await as('dangvien.cb01'), 'pageSize=1')
    expect((await search(anon, 'pageSize=1')).total).toBeLessThan(member.total)
  })
})

describe('the answer', () => {
  it('hits link to their page and best section, with highlights and the time taken', async () => {
    const found = await search(await as('dangvien.cb01'), `q=${q('quy dinh 339')}`)
    const first = found.hits[0]
    expect(first.number).toBe('339-QĐ/TW')
    expect(first.url).toBe(`/van-ban/${first.id}`)
    expect(first.collection).toBe('documents')
    expect(typeof found.tookMs).toBe('number')
    const withSection = await search(await as('dangvien.cb01'), `q=${q('hoc tap nghi quyet')}&kind=document`)
    const section = withSection.hits.find((h) => h.section)?.section
    expect(section.snippet).toContain('<mark>')
    expect(section.url).toMatch(/^\/van-ban\/[^#]+#/)
  })

  it('refuses bad parameters with a Vietnamese message', async () => {
    for (const params of ['type=khong-co', 'status=abc', 'year=19', 'year=abc', 'sort=oldest', 'page=0', 'pageSize=1000', 'kind=video', 'issuer=%27%3B', 'inProvince=%22x%22']) {
      const res = await anon.get(`/api/search?${params}`)
      expect(res.status).toBe(400)
      expect(res.body.errors[0].message).toMatch(/[ạảãáàâầấậẩẫăằắặẳẵêềếệểễôồốộổỗơờớợởỡưừứựửữđ]/i)
    }
    const notMine = await anon.get('/api/search?inProvince=mine')
    expect(notMine.status).toBe(400)
  })

  it('hostile text gets a normal answer', async () => {
    const c = await as('dangvien.cb01')
    const texts = ['x'.repeat(10_000), '"', '"unbalanced', 'a*', '*', 'NEAR(a b)', 'a AND OR NOT b', "'; DROP TABLE docs; --", '😀🇻🇳', '\u0000\u0007\u001b[31m', 'meta : "61"', '^', '(((', 'quy định 339)']
    for (const text of texts) {
      const res = await c.get(`/api/search?q=${q(text)}`)
      expect(res.status).toBe(200)
      expect(Array.isArray(res.body.hits)).toBe(true)
    }
  })
})
