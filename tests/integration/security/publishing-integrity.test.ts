/**
 * What is published stays published until someone withdraws it, and what speaks for the whole country is
 * changed only at the centre (issue 16, findings 5 and 6), over HTTP with real logins on the demo tree:
 *
 * - an approver's save that names no `_status`, made after an editor saved a draft of published content,
 *   used to store the draft as the main record: the document (or news item) vanished for members (404);
 * - any ward editor could add a pronunciation, changing how every province's documents are read aloud and
 *   queueing them all to be read again.
 */
import { client, demoSessions, type Client } from '../../helpers/client'
import { startTestServer, type TestServer } from '../../helpers/server'
import { paragraphsToLexical } from '../../../collections/Documents/lexical'

let server: TestServer
let anon: Client
const as = demoSessions(() => server.url)

beforeAll(async () => {
  server = await startTestServer()
  anon = client(server.url)
})
afterAll(async () => {
  await server?.stop()
})

const orgId = async (code: string) => (await anon.get(`/api/organizations?where[code][equals]=${encodeURIComponent(code)}`)).body.docs[0].id
/** Every message of an error answer (Payload's own and the fields'), joined. */
const text = (res: { body: any }) =>
  (res.body?.errors ?? []).flatMap((e: any) => [e.message, ...(e.data?.errors ?? []).map((f: any) => f.message)]).join(' | ')

describe('a save without _status keeps published content published', () => {
  it('documents: the approver saves the signer after an editor’s draft; members still read it', async () => {
    const approver = await as('bithu.bachdang')
    const editor = await as('bientap.bachdang')
    const member = await as('dangvien.cb01')
    const created = await approver.post('/api/documents', {
      documentType: 'thong-bao',
      number: '901-TB/ĐU',
      title: 'Thông báo lịch tiếp công dân tháng 12',
      issuer: await orgId('HP.BD'),
      issuedDate: '2025-11-20',
      visibility: 'dang-vien',
      content: paragraphsToLexical(['Đảng ủy phường tiếp công dân vào sáng thứ Năm hằng tuần.']),
      _status: 'published',
    })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    expect((await member.get(`/api/documents/${id}`)).status).toBe(200)

    const draft = await editor.patch(`/api/documents/${id}?draft=true`, { title: 'Thông báo lịch tiếp công dân tháng 12 (bổ sung)', reviewStatus: 'cho-duyet' })
    expect(draft.status).toBe(200)
    expect((await member.get(`/api/documents/${id}`)).body.title).toBe('Thông báo lịch tiếp công dân tháng 12')

    const signed = await approver.patch(`/api/documents/${id}`, { signer: 'Nguyễn Văn Hùng' })
    expect(signed.status).toBe(200)
    expect(signed.body.doc._status).toBe('published')
    const read = await member.get(`/api/documents/${id}`)
    expect(read.status).toBe(200)
    expect(read.body.signer).toBe('Nguyễn Văn Hùng')

    // Withdrawing stays possible, but only when asked for.
    expect((await approver.patch(`/api/documents/${id}`, { _status: 'draft' })).status).toBe(200)
    expect((await member.get(`/api/documents/${id}`)).status).toBe(404)
  })

  it('news: the same save keeps the news item readable', async () => {
    const approver = await as('bithu.bachdang')
    const editor = await as('bientap.bachdang')
    const member = await as('dangvien.cb01')
    const created = await approver.post('/api/news', {
      title: 'Phường Bạch Đằng ra quân làm sạch môi trường',
      issuer: await orgId('HP.BD'),
      visibility: 'dang-vien',
      body: paragraphsToLexical(['Hơn hai trăm đảng viên và nhân dân tham gia buổi ra quân.']),
      _status: 'published',
    })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    expect((await editor.patch(`/api/news/${id}?draft=true`, { title: 'Phường Bạch Đằng ra quân làm sạch môi trường (ảnh)' })).status).toBe(200)
    const saved = await approver.patch(`/api/news/${id}`, { source: 'Đảng ủy phường Bạch Đằng' })
    expect(saved.status).toBe(200)
    expect(saved.body.doc._status).toBe('published')
    expect((await member.get(`/api/news/${id}`)).status).toBe(200)
  })
})

describe('the pronunciation dictionary speaks for the whole country', () => {
  const entry = { term: 'BCĐ', reading: 'ban chỉ đạo' }
  const count = async () => (await server.payload.count({ collection: 'pronunciations', overrideAccess: true })).totalDocs

  it('ward and city editors read it but may not change it; the answer says why, in Vietnamese', async () => {
    const before = await count()
    for (const who of ['bientap.bachdang', 'bientap.haiphong']) {
      const editor = await as(who)
      expect((await editor.get('/api/pronunciations')).status).toBe(200)
      const res = await editor.post('/api/pronunciations', entry)
      expect(res.status).toBe(403)
      expect(text(res)).toMatch(/Trung ương/)
    }
    expect(await count()).toBe(before)
  })

  it('central editors and administrators change it; others neither update nor delete their entries', async () => {
    const central = await as('bientap.tw')
    const created = await central.post('/api/pronunciations', entry)
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    const ward = await as('bientap.bachdang')
    const changed = await ward.patch(`/api/pronunciations/${id}`, { reading: 'ban chấp hành' })
    expect(changed.status).toBe(403)
    expect(text(changed)).toMatch(/Trung ương/)
    expect((await ward.del(`/api/pronunciations/${id}`)).status).toBe(403)
    expect((await central.get(`/api/pronunciations/${id}`)).body.reading).toBe('ban chỉ đạo')
    expect((await (await as('quantri')).patch(`/api/pronunciations/${id}`, { reading: 'ban chỉ đạo trung ương' })).status).toBe(200)
    expect((await central.del(`/api/pronunciations/${id}`)).status).toBe(200)
  })
})
