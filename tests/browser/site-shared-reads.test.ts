/**
 * The member site keeps what it reads between requests (src/server/readCache.ts): lists and documents
 * shared by members with the same rights, the account behind a session token. Against the production
 * build, over HTTP as a browser asks (cookie and Sec-Fetch-Site), with the REST API under each member's
 * own account as the oracle:
 *  - after the copies are warm, in any order, every member's home page lists exactly the newest
 *    documents that member may read — nothing another member's copy holds;
 *  - a document published for one branch shows on that branch's home page and opens at the very next
 *    request, and nowhere else; deleted, it goes from both at the next request;
 *  - what each member has opened is their own: the home page marks unread exactly what they have not opened;
 *  - a session that signs out stops working on the site at the next request.
 */
import { jest } from '@jest/globals'
import { browserTestPlan, startWebServer, type WebServer } from '../helpers/browser'
import { paragraphsToLexical } from '../../collections/Documents/lexical'

const plan = await browserTestPlan()
if (!plan.run) console.warn(`Bỏ qua kiểm thử trình duyệt: ${plan.reason}.`)
const suite = plan.run ? describe : describe.skip

const PASSWORD = 'SoTay@2025'
const MEMBERS = ['dangvien.cb01', 'dangvien.thanhhoa', 'bithu.cb02', 'capuy.haiphong'] as const

suite('the member site’s shared reads', () => {
  jest.setTimeout(300_000)
  let server: WebServer
  const tokens = new Map<string, string>()

  const login = async (who: string): Promise<string> => {
    const res = await fetch(`${server.url}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: `${who}@demo.sotay.vn`, password: PASSWORD }) })
    const token = (await res.json())?.token
    expect(typeof token).toBe('string')
    return token
  }
  /** A page as a browser asks for it when the member follows a link of the site. */
  const page = async (path: string, token?: string) => {
    const res = await fetch(server.url + path, { headers: token ? { cookie: `payload-token=${token}`, 'sec-fetch-site': 'same-origin' } : {} })
    return { status: res.status, html: await res.text() }
  }
  const api = async (path: string, token?: string, init: RequestInit = {}) => {
    const res = await fetch(server.url + path, { ...init, headers: { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}), ...(init.headers ?? {}) } })
    return { status: res.status, body: await res.json().catch(() => null) }
  }
  /** The documents the home page lists under "Văn bản mới" ("Văn bản công khai mới" signed out), ids in order. */
  const homeList = async (token?: string) => {
    const { html } = await page('/', token)
    const body = html.split('</main>')[0]
    const section = body.split(/<h2[^>]*>Văn bản (?:công khai )?mới<\/h2>/)[1]?.split('<h2')[0] ?? ''
    return [...section.matchAll(/href="\/van-ban\/([^"#]+)"/g)].map((m) => m[1])
  }
  /** The newest documents the REST API gives this account (the same read rules, no shared copy). */
  const newest = async (token: string | undefined, limit: number) =>
    ((await api(`/api/documents?sort=-publishedAt&limit=${limit}&depth=0&select[title]=true`, token)).body.docs as { id: unknown }[]).map((d) => String(d.id))

  beforeAll(async () => {
    server = await startWebServer()
    for (const who of MEMBERS) tokens.set(who, await login(who))
  })
  afterAll(async () => {
    await server?.stop()
  })

  it('after the copies are warm, each member’s home page lists exactly the newest documents that member may read', async () => {
    const expected = new Map<string, string[]>()
    for (const who of MEMBERS) expected.set(who, await newest(tokens.get(who), 8))
    expected.set('khach', await newest(undefined, 6))
    // The members do not all read the same: a shared copy handed to the wrong one would show.
    expect(new Set([...expected.values()].map((ids) => ids.join(','))).size).toBeGreaterThanOrEqual(3)
    const order = [...MEMBERS, 'khach', ...[...MEMBERS].reverse(), 'khach', ...MEMBERS]
    for (const who of order) expect({ who, ids: await homeList(tokens.get(who)) }).toEqual({ who, ids: expected.get(who) })
  })

  it('a document published for one branch shows there at the next request and nowhere else; deleted, it goes at once', async () => {
    const secretary = await login('bithu.cb01')
    const branch = (await api(`/api/organizations?where[code][equals]=HP.BD.CB01&depth=0`, secretary)).body.docs[0].id
    const reader = tokens.get('dangvien.cb01')!
    const others = [tokens.get('bithu.cb02')!, tokens.get('dangvien.thanhhoa')!, undefined]
    // Every copy is warm before the change.
    for (const t of [reader, ...others]) await homeList(t)

    const title = 'Thông báo lịch sinh hoạt chuyên đề của chi bộ tháng 12'
    const made = await api('/api/documents', secretary, {
      method: 'POST',
      body: JSON.stringify({
        title,
        documentType: 'tai-lieu-tham-khao',
        issuer: branch,
        issuedDate: new Date().toISOString().slice(0, 10),
        visibility: 'dang-vien',
        content: paragraphsToLexical(['Chi bộ sinh hoạt chuyên đề vào ngày 20 hằng tháng.']),
        _status: 'published',
      }),
    })
    expect(made.status).toBe(201)
    const id = String(made.body.doc.id)

    expect(await homeList(reader)).toContain(id)
    const opened = await page(`/van-ban/${id}`, reader)
    expect(opened.status).toBe(200)
    expect(opened.html.includes(title)).toBe(true)
    for (const t of others) {
      expect(await homeList(t)).not.toContain(id)
      expect((await page(`/van-ban/${id}`, t)).status).toBe(404)
    }

    expect((await api(`/api/documents/${id}`, secretary, { method: 'DELETE' })).status).toBe(200)
    expect(await homeList(reader)).not.toContain(id)
    expect((await page(`/van-ban/${id}`, reader)).status).toBe(404)
  })

  it('the home page marks unread exactly the documents and news the member has not opened (their own state, never kept)', async () => {
    const token = tokens.get('dangvien.thanhhoa')!
    const unread = async () => {
      const main = (await page('/', token)).html.split('</main>')[0]
      return new Set([...main.matchAll(/href="\/(van-ban|tin-tuc)\/([^"#]+)"><span class="badge new">/g)].map((m) => `${m[1]}/${m[2]}`))
    }
    const before = await unread()
    const doc = [...before].find((k) => k.startsWith('van-ban/'))
    const news = [...before].find((k) => k.startsWith('tin-tuc/'))
    expect(doc && news).toBeTruthy()
    expect((await page(`/${doc}`, token)).status).toBe(200)
    expect((await page(`/${news}`, token)).status).toBe(200)
    expect([...(await unread())].sort()).toEqual([...before].filter((k) => k !== doc && k !== news).sort())
  })

  it('a session that signs out stops working on the site at the next request', async () => {
    const token = await login('dangvien.cb02')
    const greeted = async () => (await page('/', token)).html.includes('Chào đồng chí')
    expect(await greeted()).toBe(true)
    expect(await greeted()).toBe(true) // now from the copy
    expect((await api('/api/users/logout', token, { method: 'POST' })).status).toBe(200)
    expect(await greeted()).toBe(false)
  })
})
