/**
 * Text people type is bounded and visible as typed (issue 16: finding 12's per-field part and the low
 * findings), over HTTP with real logins on the demo tree:
 *
 * - a member's own pending profile change (kept aside for the branch secretary) used to hold anything:
 *   megabytes in a name, which then weighed on every list of the branch;
 * - drafts skip Payload's validation, so a draft's title had no length limit;
 * - control characters (NUL cut a stored name short on SQLite) and right-to-left overrides were stored as
 *   given in names and titles; a NUL in an upload's file name;
 * - rich text nested ten thousand levels deep;
 * - search snippets showed `&#34;` instead of a quotation mark (escaped twice), while markup in a title
 *   must still show as text.
 * Every refusal is a 400 with a Vietnamese message naming the field, and nothing stored changes.
 */
import { decodeHTML } from 'entities'
import { client, demoSessions, type Client } from '../../helpers/client'
import { startTestServer, type TestServer } from '../../helpers/server'
import { paragraphsToLexical } from '../../../collections/Documents/lexical'
import { safeHighlight } from '../../../src/app/(site)/_lib/search'

let server: TestServer
let anon: Client
const as = demoSessions(() => server.url)

beforeAll(async () => {
  server = await startTestServer()
  anon = client(server.url)
}, 300_000)
afterAll(async () => {
  await server?.stop()
})

const orgId = async (code: string) => (await anon.get(`/api/organizations?where[code][equals]=${encodeURIComponent(code)}`)).body.docs[0].id
/** Every message of an error answer (Payload's own and the fields'), joined. */
const text = (res: { body: any }) =>
  (res.body?.errors ?? []).flatMap((e: any) => [e.message, ...(e.data?.errors ?? []).map((f: any) => f.message)]).join(' | ')
const refused = (res: { status: number; body: any }, message: RegExp) => expect([res.status, text(res)]).toEqual([400, expect.stringMatching(message)])

let serial = 500
async function documentData(overrides: Record<string, unknown> = {}) {
  serial += 1
  return {
    documentType: 'thong-bao',
    number: `${serial}-TB/ĐU`,
    title: `Thông báo thử nghiệm số ${serial}`,
    issuer: await orgId('HP.BD'),
    issuedDate: '2025-11-03',
    visibility: 'dang-vien',
    content: paragraphsToLexical([`Nội dung thông báo ${serial}.`]),
    ...overrides,
  }
}

describe('a member’s own pending profile change is bounded', () => {
  it('a name of 200,000 characters is refused and nothing is kept aside', async () => {
    const member = await as('dangvien.cb01')
    const id = member.user!.id
    const res = await member.patch(`/api/users/${id}`, { fullName: 'Nguyễn Văn '.repeat(20_000) })
    refused(res, /Họ và tên quá dài: tối đa 120 ký tự/)
    const stored = await server.payload.findByID({ collection: 'users', id, overrideAccess: true, depth: 0 })
    expect(JSON.stringify(stored.pendingChanges ?? {}).length).toBeLessThan(1000)
    // The secretary's list of the branch stays small.
    const list = await (await as('bithu.cb01')).get('/api/users?limit=100&depth=0')
    expect(list.status).toBe(200)
    expect(JSON.stringify(list.body).length).toBeLessThan(200_000)
  })

  it('a value outside a field’s choices is refused too (it would otherwise wait in the pending change)', async () => {
    const member = await as('dangvien.cb01')
    refused(await member.patch(`/api/users/${member.user!.id}`, { gender: 'x'.repeat(100_000) }), /Giới tính chỉ có thể là "Nam" hoặc "Nữ"/)
  })

  it('a right-to-left override or a NUL in the name is refused, naming the field', async () => {
    const member = await as('dangvien.cb01')
    refused(await member.patch(`/api/users/${member.user!.id}`, { fullName: 'Nguyễn \u202eVăn A' }), /Họ và tên chứa ký tự đảo chiều văn bản \(U\+202E\)/)
    refused(await member.patch(`/api/users/${member.user!.id}`, { fullName: 'Nguyễn Văn A\u0000B' }), /Họ và tên chứa ký tự rỗng \(NUL/)
  })
})

describe('names and titles carry no invisible characters', () => {
  it('organisations: a NUL no longer cuts the stored name short', async () => {
    const admin = await as('quantri')
    const res = await admin.post('/api/organizations', { name: 'Chi bộ Khu dân cư số 9\u0000 (thử)', kind: 'chi-bo', code: 'HP.BD.CB99', parent: await orgId('HP.BD') })
    refused(res, /Tên tổ chức chứa ký tự rỗng \(NUL, U\+0000\)/)
    expect((await anon.get('/api/organizations?where[code][equals]=HP.BD.CB99')).body.totalDocs).toBe(0)
  })

  it('documents and news: control and bidi characters in titles and numbers, drafts included', async () => {
    const editor = await as('bientap.bachdang')
    refused(await editor.post('/api/documents?draft=true', await documentData({ title: 'Thông báo \u202ekết luận' })), /Trích yếu chứa ký tự đảo chiều văn bản \(U\+202E\)/)
    refused(await editor.post('/api/documents?draft=true', await documentData({ number: '12-TB/\u0007ĐU' })), /Số hiệu chứa ký tự điều khiển không hiển thị \(U\+0007\)/)
    refused(await editor.post('/api/documents?draft=true', await documentData({ signer: 'Trần\u2066 Văn B' })), /Người ký chứa ký tự đảo chiều/)
    refused(await editor.post('/api/news?draft=true', { title: 'Tin\u0000 mới', issuer: await orgId('HP.BD') }), /Tiêu đề chứa ký tự rỗng/)
    // A textarea keeps its line breaks.
    const ok = await editor.post('/api/documents?draft=true', await documentData({ title: 'Thông báo\nkết luận của Ban Thường vụ' }))
    expect(ok.status).toBe(201)
  })

  it('drafts are bounded like everything else', async () => {
    const editor = await as('bientap.bachdang')
    refused(await editor.post('/api/documents?draft=true', await documentData({ title: 'Trích yếu rất dài '.repeat(10_000) })), /Trích yếu quá dài: tối đa 1000 ký tự/)
    refused(await editor.post('/api/news?draft=true', { title: 'x'.repeat(5_000), issuer: await orgId('HP.BD') }), /Tiêu đề quá dài: tối đa 300 ký tự/)
  })
})

describe('uploads', () => {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nxref\n0 1\n0000000000 65535 f \ntrailer << /Root 1 0 R /Size 1 >>\nstartxref\n9\n%%EOF\n', 'latin1')
  const upload = (c: Client, name: string, alt = 'Tệp thử') => c.upload('/api/media', { _payload: JSON.stringify({ alt }) }, { name, data: pdf, type: 'application/pdf' })

  it('a NUL or a right-to-left override in the file name is refused cleanly; the server keeps answering', async () => {
    const editor = await as('bientap.bachdang')
    const before = (await server.payload.count({ collection: 'media', overrideAccess: true })).totalDocs
    refused(await upload(editor, 'bao-cao\u0000.exe.pdf'), /tên tệp chứa ký tự rỗng \(NUL\)/)
    refused(await upload(editor, 'bao-cao\u0007.pdf'), /tên tệp chứa ký tự rỗng \(NUL\) hoặc ký tự điều khiển|Tên tệp chứa ký tự điều khiển/)
    refused(await upload(editor, 'bao-cao\u202efdp.exe'), /Tên tệp chứa ký tự đảo chiều văn bản/)
    refused(await upload(editor, 'bao-cao.pdf', 'Mô tả\u001b[31m'), /Mô tả chứa ký tự điều khiển không hiển thị \(U\+001B\)/)
    expect((await server.payload.count({ collection: 'media', overrideAccess: true })).totalDocs).toBe(before)
    const fine = await upload(editor, 'bao-cao-quy-4.pdf')
    expect(fine.status).toBe(201)
    expect(fine.body.doc.filename).toBe('bao-cao-quy-4.pdf')
  })
})

describe('rich text', () => {
  /**
   * A body with lists nested `levels` deep, as JSON text (JSON.stringify itself is recursive and would
   * overflow here); the smallest nodes that still say what they are, so that the body stays under 1 MB.
   */
  function nestedLists(levels: number): string {
    const open = '{"type":"list","children":[{"type":"listitem","children":['
    return `{"root":{"type":"root","children":[${open.repeat(levels)}{"type":"text","text":"Ý kiến"}${']}]}'.repeat(levels)}]}}`
  }
  /** POSTs `data` with its `field` replaced by the raw JSON `raw`. */
  async function postRaw(c: Client, path: string, data: Record<string, unknown>, field: string, raw: string) {
    const body = JSON.stringify({ ...data, [field]: '@RAW@' }).replace('"@RAW@"', raw)
    const res = await fetch(server.url + path, { method: 'POST', headers: { authorization: `JWT ${c.token}`, 'content-type': 'application/json', 'accept-language': 'vi' }, body })
    const textBody = await res.text()
    let parsed: unknown = textBody
    try {
      parsed = JSON.parse(textBody)
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed as any }
  }

  it('ten thousand nested lists are refused with a 400, never a 500; the server keeps answering', async () => {
    const editor = await as('bientap.bachdang')
    refused(await postRaw(editor, '/api/documents?draft=true', await documentData(), 'content', nestedLists(10_000)), /Nội dung lồng nhau quá sâu/)
    refused(await postRaw(editor, '/api/news?draft=true', { title: 'Tin thử', issuer: await orgId('HP.BD') }, 'body', nestedLists(10_000)), /Nội dung lồng nhau quá sâu/)
    expect((await anon.get('/api/organizations?limit=1')).status).toBe(200)
    // Nesting a real document uses is fine.
    expect((await editor.post('/api/documents?draft=true', await documentData({ content: paragraphsToLexical(['Mở đầu.']) }))).status).toBe(201)
    const res = await postRaw(editor, '/api/documents?draft=true', await documentData(), 'content', nestedLists(6))
    expect([res.status, text(res)]).toEqual([201, ''])
  })
})

describe('search snippets', () => {
  it('show quotation marks as typed, and markup in a title as text', async () => {
    const approver = await as('bithu.bachdang')
    const created = await approver.post(
      '/api/documents',
      await documentData({
        title: 'Hướng dẫn <script>alert(1)</script> chống "tin giả" trên mạng xã hội',
        content: paragraphsToLexical(['Đảng viên không chia sẻ "tin giả", không bình luận theo kiểu \'câu view\' & cảnh giác với <b>đường link</b> lạ.']),
        _status: 'published',
      }),
    )
    expect(created.status).toBe(201)
    const member = await as('dangvien.cb01')
    let hit: any
    for (let i = 0; i < 300 && !hit; i++) {
      const res = await member.get(`/api/search?q=${encodeURIComponent('tin giả đường link')}`)
      hit = res.body?.hits?.find((h: any) => String(h.id) === String(created.body.doc.id))
      if (!hit) await new Promise((r) => setTimeout(r, 100))
    }
    expect(hit).toBeDefined()
    // What the member site inserts as HTML, read back as the text a browser shows.
    const shown = (html: string) => decodeHTML(safeHighlight(html).replace(/<\/?(mark|em|b)>/g, ''))
    const snippet = safeHighlight(hit.section.snippet)
    expect(snippet).not.toMatch(/&amp;#/)
    expect(shown(hit.section.snippet)).toContain('không chia sẻ "tin giả", không bình luận theo kiểu \'câu view\' & cảnh giác với <b>đường link</b> lạ.')
    const title = safeHighlight(hit.titleHtml)
    expect(title).not.toContain('<script>')
    expect(shown(hit.titleHtml)).toBe('Hướng dẫn <script>alert(1)</script> chống "tin giả" trên mạng xã hội')
  })
})
