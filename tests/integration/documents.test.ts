/**
 * Documents, news, files and forwarding over HTTP with real logins, on the seeded demo tree:
 * who reads what (REST lists and counts, GraphQL, single reads, file URLs, relations), who writes and
 * publishes (approval step, direct publishing, withdrawal, schedule, versions), status that follows a
 * replacement, forwarding down the tree, and bad input refused with a Vietnamese message.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { client, demoSessions, type Client } from '../helpers/client'
import { startTestServer, type TestServer } from '../helpers/server'
import { paragraphsToLexical } from '../../collections/Documents/lexical'

let server: TestServer
let anon: Client
/** A signed-in demo account (one login per account for the whole file). */
const as = demoSessions(() => server.url)

beforeAll(async () => {
  server = await startTestServer()
  anon = client(server.url)
})
afterAll(async () => {
  await server?.stop()
})

const orgs = new Map<string, string | number>()
const orgId = async (code: string) => {
  if (!orgs.has(code)) orgs.set(code, (await anon.get(`/api/organizations?where[code][equals]=${encodeURIComponent(code)}`)).body.docs[0].id)
  return orgs.get(code)!
}
const codeOf = async (id: unknown) => {
  for (const [code, value] of orgs) if (String(value) === String(id)) return code
  const org = (await anon.get(`/api/organizations/${id}`)).body
  orgs.set(org.code, org.id)
  return org.code as string
}

const q = encodeURIComponent
/** A document by its number, as the platform (quantri) sees it. */
const byNumber = async (number: string, extra = '') => {
  const admin = await as('quantri')
  const res = await admin.get(`/api/documents?where[number][equals]=${q(number)}&depth=0${extra}`)
  return res.body.docs as any[]
}
const one = async (number: string) => (await byNumber(number))[0]
const countAll = async (collection: string) => (await (await as('quantri')).get(`/api/${collection}?limit=0&draft=true`)).body.totalDocs as number
const allNumbers = async (c: Client, extra = '') => {
  const res = await c.get(`/api/documents?limit=500&depth=0${extra}`)
  expect(res.status).toBe(200)
  expect(res.body.totalDocs).toBe(res.body.docs.length)
  return res.body.docs as any[]
}
const messages = (res: { body: any }) => JSON.stringify(res.body)

const lexical = (...paragraphs: string[]) => paragraphsToLexical(paragraphs)
let serial = 100
/** A valid document of `issuerCode`; each call gets a fresh number. */
async function draftData(issuerCode: string, overrides: Record<string, unknown> = {}) {
  serial += 1
  return {
    documentType: 'thong-bao',
    number: `${serial}-TB/ĐU`,
    title: `Thông báo thử nghiệm số ${serial}`,
    issuer: await orgId(issuerCode),
    issuedDate: '2025-11-03',
    content: lexical(`Nội dung thông báo ${serial}.`),
    ...overrides,
  }
}

/** A tiny well-formed PDF (header, xref, EOF), optionally padded to `size` bytes. */
function pdf(size = 0) {
  const head = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n'
  const tail = 'xref\n0 1\n0000000000 65535 f \ntrailer << /Root 1 0 R /Size 1 >>\nstartxref\n9\n%%EOF\n'
  const padding = Math.max(0, size - head.length - tail.length)
  return Buffer.concat([Buffer.from(head, 'latin1'), Buffer.alloc(padding, 0x20), Buffer.from(tail, 'latin1')])
}
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const upload = (c: Client, name: string, data: Buffer, type: string, alt = name) => c.upload('/api/media', { _payload: JSON.stringify({ alt }) }, { name, data, type })

describe('who reads what', () => {
  it('without signing in: only public documents that are released', async () => {
    const docs = await allNumbers(anon)
    expect(docs.length).toBeGreaterThan(0)
    for (const d of docs) expect({ number: d.number, visibility: d.visibility }).toEqual({ number: d.number, visibility: 'cong-khai' })
    expect(docs.map((d) => d.number)).toContain('339-QĐ/TW')
    expect(docs.map((d) => d.number)).not.toContain('88-TB/TU') // public but scheduled two weeks ahead
  })

  it('an approved member reads what the organisations above their branch issue, and nothing else', async () => {
    const member = await as('dangvien.cb01')
    const docs = await allNumbers(member)
    const issuers = new Set(await Promise.all(docs.map((d) => codeOf(d.issuer))))
    // Their branch, its ancestors, and the staff organs (Ban Bí thư, ban tuyên giáo…) of those ancestors.
    expect([...issuers].sort()).toEqual(['HP', 'HP.BD', 'HP.BD.CB01', 'HP.BTGDV', 'TW', 'TW.BBT', 'TW.BTGDV'])
    const numbers = docs.map((d) => d.number)
    expect(numbers).toEqual(expect.arrayContaining(['339-QĐ/TW', '26-HD/BTGDVTW', '16-HD/BTGDVTU', '23-KH/ĐU']))
    expect(numbers).not.toContain('57-BC/ĐU') // a draft waiting for approval
    expect(numbers).not.toContain('88-TB/TU') // scheduled
    // Pagination and counts apply the same rule.
    const page = await member.get('/api/documents?limit=3&depth=0')
    expect(page.body.totalDocs).toBe(docs.length)
    expect(page.body.docs).toHaveLength(3)
    const gql = await member.graphql('{ Documents(limit: 2) { totalDocs docs { number } } }')
    expect(gql.body.data.Documents.totalDocs).toBe(docs.length)
  })

  it('a member elsewhere or a pending account does not read them, even by id or through GraphQL', async () => {
    const plan = await one('23-KH/ĐU')
    for (const who of ['dangvien.thanhhoa', 'choduyet.cb01', 'dangvien.cb02']) {
      const c = await as(who)
      const res = await c.get(`/api/documents/${plan.id}`)
      const expected = who === 'dangvien.cb02' ? 200 : 404 // cb02 is in the ward too
      expect({ who, status: res.status }).toEqual({ who, status: expected })
    }
    const th = await as('dangvien.thanhhoa')
    const gql = await th.graphql(`{ Document(id: ${JSON.stringify(plan.id)}) { number } }`)
    expect(gql.body.data?.Document ?? null).toBeNull()
    const pending = await allNumbers(await as('choduyet.cb01'))
    expect(pending.every((d) => d.visibility === 'cong-khai')).toBe(true)
    const thDocs = (await allNumbers(th)).map((d) => d.number)
    expect(thDocs).not.toContain('23-KH/ĐU')
    expect(thDocs).toContain('339-QĐ/TW')
  })

  it('leaders and editors oversee what is issued below them; a branch secretary does not see a sibling branch', async () => {
    const cb02 = await orgId('HP.BD.CB02')
    const cb02Doc = (await byNumber('10-NQ/CB')).find((d) => String(d.issuer) === String(cb02))
    for (const [who, status] of [['capuy.haiphong', 200], ['bithu.bachdang', 200], ['bientap.bachdang', 200], ['bithu.cb01', 404], ['bithu.thanhhoa', 404]] as const) {
      const res = await (await as(who)).get(`/api/documents/${cb02Doc.id}`)
      expect({ who, status: res.status }).toEqual({ who, status })
    }
  })

  it('drafts: only the issuer’s editors and approvers; scheduled documents likewise until their time', async () => {
    const draft = (await byNumber('57-BC/ĐU', '&draft=true'))[0]
    expect(draft._status).toBe('draft')
    for (const [who, status] of [['bientap.bachdang', 200], ['bithu.bachdang', 200], ['capuy.haiphong', 404], ['dangvien.cb01', 404]] as const) {
      const res = await (await as(who)).get(`/api/documents/${draft.id}?draft=true`)
      expect({ who, status: res.status }).toEqual({ who, status })
    }
    // Asking for drafts changes nothing for a member.
    const probing = (await allNumbers(await as('dangvien.cb01'), '&draft=true')).map((d) => d.number)
    expect(probing).not.toContain('57-BC/ĐU')
    const scheduled = await one('88-TB/TU')
    for (const [who, status] of [['capuy.haiphong', 200], ['bientap.haiphong', 200], ['dangvien.cb01', 404]] as const) {
      const res = await (await as(who)).get(`/api/documents/${scheduled.id}`)
      expect({ who, status: res.status }).toEqual({ who, status })
    }
    expect((await anon.get(`/api/documents/${scheduled.id}`)).status).toBe(404)
  })

  it('news follow the same rules', async () => {
    const anonNews = (await anon.get('/api/news?limit=50&depth=0')).body
    expect(anonNews.docs.every((n: any) => n.visibility === 'cong-khai')).toBe(true)
    const member = (await (await as('dangvien.cb01')).get('/api/news?limit=50&depth=0')).body
    const th = (await (await as('dangvien.thanhhoa')).get('/api/news?limit=50&depth=0')).body
    const title = (list: any) => list.docs.map((n: any) => n.title)
    expect(title(member)).toContain('Hải Phòng: Nâng cao nhận thức, hiệu quả sử dụng Sổ tay đảng viên điện tử')
    expect(title(th)).not.toContain('Hải Phòng: Nâng cao nhận thức, hiệu quả sử dụng Sổ tay đảng viên điện tử')
    expect(title(th)).toContain('Sổ tay đảng viên điện tử: Bước tiến quan trọng trong công tác xây dựng Đảng')
  })
})

describe('relations', () => {
  it('a replaced regulation shows what replaced it, and its status followed', async () => {
    const [older, newer] = (await byNumber('01-QC/TU')).sort((a, b) => a.issuedDate.localeCompare(b.issuedDate))
    expect(older.effectStatus).toBe('het-hieu-luc')
    expect(newer.effectStatus).toBe('con-hieu-luc')
    const seen = (await (await as('dangvien.thanhhoa')).get(`/api/documents/${older.id}`)).body
    expect(seen.effectStatus).toBe('het-hieu-luc')
    expect(seen.incomingRelations).toEqual([expect.objectContaining({ type: 'thay-the', label: 'Bị thay thế bởi', document: expect.objectContaining({ id: newer.id }) })])
  })

  it('the other side of a relation never reveals a document the reader may not read', async () => {
    const regulation = await one('339-QĐ/TW')
    const inWard = (await (await as('dangvien.cb01')).get(`/api/documents/${regulation.id}`)).body
    const elsewhere = (await (await as('dangvien.thanhhoa')).get(`/api/documents/${regulation.id}`)).body
    const sources = (doc: any) => doc.incomingRelations.map((r: any) => r.document.number)
    expect(sources(inWard)).toEqual(expect.arrayContaining(['23-KH/ĐU', '26-HD/BTGDVTW', '16-HD/BTGDVTU']))
    expect(sources(elsewhere)).toContain('26-HD/BTGDVTW')
    expect(sources(elsewhere)).not.toContain('23-KH/ĐU')
    expect(sources(elsewhere)).not.toContain('16-HD/BTGDVTU')
    const anonymous = (await anon.get(`/api/documents/${regulation.id}`)).body
    expect(anonymous.incomingRelations).toEqual([])
  })

  it('lists populate the issuer with its own fields, not its parent organisation (maxDepth 1), at any depth', async () => {
    const member = await as('dangvien.cb01')
    const ward = await orgId('HP.BD')
    for (const depth of [1, 2, 3]) {
      const docs = (await member.get(`/api/documents?depth=${depth}&limit=20`)).body.docs as any[]
      const issued = docs.find((d) => String(d.issuer?.id) === String(ward))
      expect(issued).toBeDefined()
      expect(issued.issuer.name).toBe('Đảng ủy phường Bạch Đằng')
      expect(typeof issued.issuer.parent === 'object' && issued.issuer.parent !== null).toBe(false)
    }
  })

  it('a readable document citing an unreadable one shows no trace of it, at any depth or in GraphQL', async () => {
    const ward = await as('bithu.bachdang')
    const cb02 = await orgId('HP.BD.CB02')
    const hidden = (await byNumber('10-NQ/CB')).find((d) => String(d.issuer) === String(cb02))
    const data = await draftData('HP.BD', { relations: [{ type: 'can-cu', target: hidden.id }, { type: 'can-cu', target: (await one('23-KH/ĐU')).id }], _status: 'published' })
    const created = await ward.post('/api/documents', data)
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    const cb01 = await as('dangvien.cb01')
    for (const depth of [0, 1, 2]) {
      const doc = (await cb01.get(`/api/documents/${id}?depth=${depth}`)).body
      expect(doc.relations).toHaveLength(1)
      expect(JSON.stringify(doc)).not.toContain(`"target":${JSON.stringify(hidden.id)}`)
      const list = (await cb01.get(`/api/documents?where[id][equals]=${id}&depth=${depth}`)).body.docs[0]
      expect(list.relations).toHaveLength(1)
    }
    const gql = await cb01.graphql(`{ Document(id: ${JSON.stringify(id)}) { relations { type target { id number } } } }`)
    expect(gql.body.data.Document.relations).toHaveLength(1)
    expect(gql.body.data.Document.relations[0].target.number).toBe('23-KH/ĐU')
    // A member of the cited branch sees both.
    expect((await (await as('dangvien.cb02')).get(`/api/documents/${id}`)).body.relations).toHaveLength(2)
  })

  it('replacing a document ends its force; withdrawing the replacement restores it', async () => {
    const ward = await as('bithu.bachdang')
    const target = (await ward.post('/api/documents', await draftData('HP.BD', { _status: 'published' }))).body.doc
    expect(target.effectStatus).toBe('con-hieu-luc')
    const replacement = await ward.post('/api/documents', await draftData('HP.BD', { _status: 'published', relations: [{ type: 'thay-the', target: target.id }] }))
    expect(replacement.status).toBe(201)
    const member = await as('dangvien.cb01')
    const after = (await member.get(`/api/documents/${target.id}`)).body
    expect(after.effectStatus).toBe('het-hieu-luc')
    expect(after.incomingRelations.map((r: any) => [r.label, r.document.id])).toEqual([['Bị thay thế bởi', replacement.body.doc.id]])
    // The admin edits the latest version: it shows the same status.
    expect((await ward.get(`/api/documents/${target.id}?draft=true`)).body.effectStatus).toBe('het-hieu-luc')
    // Replacing it back is refused.
    const back = await ward.patch(`/api/documents/${target.id}`, { relations: [{ type: 'thay-the', target: replacement.body.doc.id }] })
    expect(back.status).toBe(400)
    expect(messages(back)).toMatch(/đã thay thế văn bản này/)
    expect((await ward.patch(`/api/documents/${replacement.body.doc.id}`, { _status: 'draft' })).status).toBe(200)
    expect((await member.get(`/api/documents/${target.id}`)).body.effectStatus).toBe('con-hieu-luc')
  })

  it('a partial repeal marks the document partly out of force', async () => {
    const ward = await as('bithu.bachdang')
    const target = (await ward.post('/api/documents', await draftData('HP.BD', { _status: 'published' }))).body.doc
    const repeal = await ward.post('/api/documents', await draftData('HP.BD', { _status: 'published', relations: [{ type: 'bai-bo', target: target.id, partial: true, note: 'Bãi bỏ mục 2' }] }))
    expect(repeal.status).toBe(201)
    expect((await ward.get(`/api/documents/${target.id}`)).body.effectStatus).toBe('het-hieu-luc-mot-phan')
  })
})

describe('writing and publishing', () => {
  let draftId: string | number

  it('an editor drafts for their own organisation; members do not see the draft', async () => {
    const editor = await as('bientap.bachdang')
    const res = await editor.post('/api/documents?draft=true', await draftData('HP.BD', { title: 'Thông báo triệu tập hội nghị Ban Chấp hành mở rộng' }))
    expect(res.status).toBe(201)
    expect(res.body.doc._status).toBe('draft')
    expect(res.body.doc.reviewStatus).toBe('soan-thao')
    draftId = res.body.doc.id
    expect((await (await as('dangvien.cb01')).get(`/api/documents/${draftId}`)).status).toBe(404)
  })

  it('an editor cannot write for another organisation, nor publish without approval — and nothing changes', async () => {
    const editor = await as('bientap.bachdang')
    const before = await countAll('documents')
    const other = await editor.post('/api/documents?draft=true', await draftData('HP'))
    expect(other.status).toBe(403)
    expect(messages(other)).toMatch(/không phụ trách Thành ủy Hải Phòng/)
    const direct = await editor.post('/api/documents', await draftData('HP.BD', { _status: 'published' }))
    expect(direct.status).toBe(403)
    expect(messages(direct)).toMatch(/cần cấp ủy viên duyệt trước khi phát hành/)
    expect(await countAll('documents')).toBe(before)
    const publish = await editor.patch(`/api/documents/${draftId}`, { _status: 'published' })
    expect(publish.status).toBe(403)
    expect((await (await as('quantri')).get(`/api/documents/${draftId}`)).body._status).toBe('draft')
    // A plain member cannot create anything.
    expect((await (await as('dangvien.cb01')).post('/api/documents', await draftData('HP.BD.CB01'))).status).toBe(403)
  })

  it('submit for approval; only an approver returns a draft, with a reason', async () => {
    const editor = await as('bientap.bachdang')
    const approver = await as('bithu.bachdang')
    expect((await editor.patch(`/api/documents/${draftId}?draft=true`, { reviewStatus: 'cho-duyet' })).body.doc.reviewStatus).toBe('cho-duyet')
    const byEditor = await editor.patch(`/api/documents/${draftId}?draft=true`, { reviewStatus: 'tra-lai', reviewNote: 'tự trả lại' })
    expect(byEditor.status).toBe(403)
    const noReason = await approver.patch(`/api/documents/${draftId}?draft=true`, { reviewStatus: 'tra-lai' })
    expect(noReason.status).toBe(400)
    expect(messages(noReason)).toMatch(/lý do trả lại/)
    const returned = await approver.patch(`/api/documents/${draftId}?draft=true`, { reviewStatus: 'tra-lai', reviewNote: 'Bổ sung thời gian, địa điểm hội nghị.' })
    expect(returned.body.doc.reviewStatus).toBe('tra-lai')
    expect((await editor.patch(`/api/documents/${draftId}?draft=true`, { reviewStatus: 'cho-duyet' })).body.doc.reviewNote).toBeNull()
  })

  it('the ward secretary publishes; members of the ward then read it, members elsewhere do not', async () => {
    const approver = await as('bithu.bachdang')
    const res = await approver.patch(`/api/documents/${draftId}`, { _status: 'published' })
    expect(res.status).toBe(200)
    expect(res.body.doc.reviewStatus).toBe('da-phat-hanh')
    expect(String(res.body.doc.publishedBy?.id ?? res.body.doc.publishedBy)).toBe(String(approver.user!.id))
    expect((await (await as('dangvien.cb02')).get(`/api/documents/${draftId}`)).status).toBe(200)
    expect((await (await as('dangvien.thanhhoa')).get(`/api/documents/${draftId}`)).status).toBe(404)
    // A plain member does not see who published.
    expect((await (await as('dangvien.cb01')).get(`/api/documents/${draftId}`)).body.publishedBy).toBeUndefined()
  })

  it('editing published content is publishing: the editor saves a draft, which members do not see yet', async () => {
    const editor = await as('bientap.bachdang')
    expect((await editor.patch(`/api/documents/${draftId}`, { title: 'Sửa thẳng bản đã phát hành' })).status).toBe(403)
    const draft = await editor.patch(`/api/documents/${draftId}?draft=true`, { title: 'Thông báo triệu tập hội nghị (sửa đổi thời gian)' })
    expect(draft.status).toBe(200)
    expect((await (await as('dangvien.cb01')).get(`/api/documents/${draftId}`)).body.title).toBe('Thông báo triệu tập hội nghị Ban Chấp hành mở rộng')
    expect((await editor.get(`/api/documents/${draftId}?draft=true`)).body.title).toBe('Thông báo triệu tập hội nghị (sửa đổi thời gian)')
  })

  it('version history is for the issuer’s editors and approvers', async () => {
    const where = `where[parent][equals]=${draftId}`
    const editor = (await (await as('bientap.bachdang')).get(`/api/documents/versions?${where}`)).body
    expect(editor.totalDocs).toBeGreaterThanOrEqual(5)
    const member = await (await as('dangvien.cb01')).get(`/api/documents/versions?${where}`)
    expect(member.status === 403 || member.body.totalDocs === 0).toBe(true)
    const otherEditor = await (await as('bientap.haiphong')).get(`/api/documents/versions?${where}`)
    expect(otherEditor.status === 403 || otherEditor.body.totalDocs === 0).toBe(true)
  })

  it('only an approver withdraws published content', async () => {
    const editor = await as('bientap.bachdang')
    const withdraw = await editor.patch(`/api/documents/${draftId}`, { _status: 'draft' })
    expect(withdraw.status).toBe(403)
    expect(messages(withdraw)).toMatch(/thu hồi/)
    expect((await (await as('dangvien.cb01')).get(`/api/documents/${draftId}`)).status).toBe(200)
    expect((await (await as('bithu.bachdang')).patch(`/api/documents/${draftId}`, { _status: 'draft' })).status).toBe(200)
    expect((await (await as('dangvien.cb01')).get(`/api/documents/${draftId}`)).status).toBe(404)
  })

  it('direct publishing where the organisation allows it, set by its leadership', async () => {
    const editor = await as('bientap.haiphong')
    // Ban Tuyên giáo Thành ủy lets its editors publish (seeded); the city committee does not.
    expect((await editor.post('/api/documents', await draftData('HP.BTGDV', { number: undefined, documentType: 'tai-lieu-tham-khao', _status: 'published' }))).status).toBe(201)
    expect((await editor.post('/api/documents', await draftData('HP', { number: undefined, documentType: 'tai-lieu-tham-khao', _status: 'published' }))).status).toBe(403)

    const cb01 = await orgId('HP.BD.CB01')
    const member = await as('dangvien.cb01')
    expect((await member.post('/api/publishing-settings', { organization: cb01, editorsPublishDirectly: true })).status).toBe(403)
    const otherSecretary = await (await as('bithu.cb02')).post('/api/publishing-settings', { organization: cb01, editorsPublishDirectly: true })
    expect(otherSecretary.status).toBe(403)
    const branchEditor = await as('bientap.bachdang')
    const data = { documentType: 'nghi-quyet', number: '21-NQ/CB', _status: 'published' }
    expect((await branchEditor.post('/api/documents', await draftData('HP.BD.CB01', data))).status).toBe(403)
    const setting = await (await as('bithu.cb01')).post('/api/publishing-settings', { organization: cb01, editorsPublishDirectly: true })
    expect(setting.status).toBe(201)
    expect((await branchEditor.post('/api/documents', await draftData('HP.BD.CB01', data))).status).toBe(201)
    // The ward itself still requires approval.
    expect((await branchEditor.post('/api/documents', await draftData('HP.BD', { _status: 'published' }))).status).toBe(403)
  })

  it('scheduled publishing: members read it from its time on', async () => {
    const approver = await as('bithu.bachdang')
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString()
    const res = await approver.post('/api/documents', await draftData('HP.BD', { _status: 'published', publishAt: tomorrow }))
    expect(res.status).toBe(201)
    const member = await as('dangvien.cb01')
    expect((await member.get(`/api/documents/${res.body.doc.id}`)).status).toBe(404)
    expect((await (await as('bientap.bachdang')).get(`/api/documents/${res.body.doc.id}`)).status).toBe(200)
    await approver.patch(`/api/documents/${res.body.doc.id}`, { publishAt: new Date(Date.now() - 60_000).toISOString() })
    expect((await member.get(`/api/documents/${res.body.doc.id}`)).status).toBe(200)
  })

  it('editors delete only what was never published; approvers may delete published documents', async () => {
    const editor = await as('bientap.bachdang')
    const approver = await as('bithu.bachdang')
    const published = (await approver.post('/api/documents', await draftData('HP.BD', { _status: 'published' }))).body.doc
    expect((await editor.del(`/api/documents/${published.id}`)).status).not.toBe(200)
    expect((await (await as('quantri')).get(`/api/documents/${published.id}`)).status).toBe(200)
    const draft = (await editor.post('/api/documents?draft=true', await draftData('HP.BD'))).body.doc
    expect((await editor.del(`/api/documents/${draft.id}`)).status).toBe(200)
    expect((await approver.del(`/api/documents/${published.id}`)).status).toBe(200)
  })
})

describe('bad input is refused with a Vietnamese message and changes nothing', () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['a malformed số hiệu', { number: 'KH-23' }, /không đúng định dạng/],
    ['an unknown type code', { number: '23-XY/ĐU' }, /Mã loại văn bản \W+XY\W/],
    ['a number whose code contradicts the type', { documentType: 'quy-dinh', number: '24-KH/ĐU' }, /không khớp với loại văn bản đã chọn là Quy định/],
    ['a number already used by the issuer that year', { documentType: 'ke-hoach', number: '23-KH/ĐU', issuedDate: '2025-03-01' }, /Số hiệu 23-KH\/ĐU đã được cơ quan ban hành này dùng/],
    ['ngày hiệu lực before ngày ban hành', { issuedDate: '2025-11-03', effectiveDate: '2025-11-01' }, /Ngày hiệu lực \(01\/11\/2025\) không được trước ngày ban hành \(03\/11\/2025\)/],
    ['an impossible date', { issuedDate: '31/02/2025' }, /Ngày ban hành không hợp lệ/],
    ['publishing without body or file', { content: null }, /cần có nội dung hoặc tệp bản gốc/],
    ['replacing a document of a higher level', { relations: [{ type: 'thay-the', target: 'REGULATION' }] }, /chỉ được thay thế văn bản do chính cơ quan ban hành hoặc tổ chức cấp dưới ban hành/],
    ['a relation to a document that does not exist', { relations: [{ type: 'can-cu', target: 999999 }] }, /không tồn tại hoặc bạn không có quyền xem/],
  ]
  it.each(cases)('%s', async (_name, override, message) => {
    const approver = await as('bithu.bachdang')
    const regulation = await one('339-QĐ/TW')
    const relations = override.relations as any[] | undefined
    const data = await draftData('HP.BD', {
      _status: 'published',
      ...override,
      ...(relations ? { relations: relations.map((r) => ({ ...r, target: r.target === 'REGULATION' ? regulation.id : r.target })) } : {}),
    })
    const before = await countAll('documents')
    const res = await approver.post('/api/documents', data)
    expect(res.status).toBe(400)
    expect(messages(res)).toMatch(message)
    expect(await countAll('documents')).toBe(before)
  })

  it('the same number is fine for another issuer or another year', async () => {
    const admin = await as('quantri')
    const otherWard = await admin.post('/api/documents', await draftData('HP.HB', { documentType: 'ke-hoach', number: '23-KH/ĐU', _status: 'published' }))
    expect(otherWard.status).toBe(201)
    const nextYear = await admin.post('/api/documents', await draftData('HP.BD', { documentType: 'ke-hoach', number: '23-KH/ĐU', issuedDate: '2026-01-05', _status: 'published' }))
    expect(nextYear.status).toBe(201)
  })

  it('a relation to itself, and a duplicate relation', async () => {
    const approver = await as('bithu.bachdang')
    const doc = (await approver.post('/api/documents', await draftData('HP.BD', { _status: 'published' }))).body.doc
    const self = await approver.patch(`/api/documents/${doc.id}`, { relations: [{ type: 'can-cu', target: doc.id }] })
    expect(self.status).toBe(400)
    expect(messages(self)).toMatch(/không thể liên kết với chính nó/)
    const plan = await one('23-KH/ĐU')
    const twice = await approver.patch(`/api/documents/${doc.id}`, { relations: [{ type: 'can-cu', target: plan.id }, { type: 'can-cu', target: plan.id }] })
    expect(twice.status).toBe(400)
    expect(messages(twice)).toMatch(/đã có ở dòng trên/)
    expect((await approver.get(`/api/documents/${doc.id}`)).body.relations).toEqual([])
  })
})

describe('files follow their document', () => {
  let file: any
  let docId: string | number

  it('refuses files of the wrong type or over the limit, storing nothing', async () => {
    const editor = await as('bientap.bachdang')
    const before = await countAll('media')
    const exe = await upload(editor, 'cai-dat.exe', Buffer.from('MZ\x90\x00 not a document', 'latin1'), 'application/octet-stream')
    expect(exe.status).toBe(400)
    expect(messages(exe)).toMatch(/không thuộc loại được hỗ trợ/)
    const disguised = await upload(editor, 'van-ban.pdf', Buffer.from('<html><script>alert(1)</script></html>'), 'application/pdf')
    expect(disguised.status).toBe(400)
    const renamed = await upload(editor, 'van-ban.docx', pdf(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(messages(renamed)).toMatch(/phần mở rộng không khớp/)
    const big = await upload(editor, 'ban-goc.pdf', pdf(16 * 1024 * 1024), 'application/pdf')
    expect(big.status).toBe(400)
    expect(messages(big)).toMatch(/vượt quá dung lượng cho phép đối với tài liệu \(PDF, Word\): tối đa 15 MB/)
    const bigImage = await upload(editor, 'anh.png', Buffer.concat([Buffer.from(PNG_SIGNATURE), Buffer.alloc(6 * 1024 * 1024)]), 'image/png')
    expect(messages(bigImage)).toMatch(/tối đa 5 MB/)
    expect(await countAll('media')).toBe(before)
    expect((await (await as('dangvien.cb01')).post('/api/media', {})).status).toBe(403)
  })

  it('an unattached upload is read by its uploader only', async () => {
    const editor = await as('bientap.bachdang')
    const res = await upload(editor, 'ke-hoach-ban-goc.pdf', pdf(), 'application/pdf', 'Bản gốc kế hoạch')
    expect(res.status).toBe(201)
    file = res.body.doc
    expect((await editor.get(`/api/media/${file.id}`)).status).toBe(200)
    for (const who of ['bithu.bachdang', 'dangvien.cb01', 'bientap.haiphong']) expect((await (await as(who)).get(`/api/media/${file.id}`)).status).toBe(404)
    expect((await anon.get(`/api/media/file/${file.filename}`)).status).toBe(403)
  })

  it('attached to a draft it stays hidden; published, it is read and downloaded by the document’s readers only', async () => {
    const editor = await as('bientap.bachdang')
    const cover = (await (await as('quantri')).get('/api/media?depth=0&where[ownerCollection][equals]=news')).body.docs[0]
    const notDocument = await editor.post('/api/documents?draft=true', await draftData('HP.BD', { originalFile: cover.id }))
    expect(notDocument.status).toBe(400)
    expect(messages(notDocument)).toMatch(/Tệp bản gốc phải là tài liệu \(PDF, Word\)/)
    const created = await editor.post('/api/documents?draft=true', await draftData('HP.BD', { originalFile: file.id, content: null }))
    expect(created.status).toBe(201)
    docId = created.body.doc.id
    const member = await as('dangvien.cb01')
    const url = `/api/media/file/${file.filename}`
    const download = async (c: Client) => (await fetch(server.url + url, { headers: c.token ? { authorization: `JWT ${c.token}` } : {} })).status
    expect(await download(member)).toBe(403)
    expect(await download(await as('bithu.bachdang'))).toBe(200) // an approver of the issuer reviews it
    expect((await (await as('bithu.bachdang')).patch(`/api/documents/${docId}`, { _status: 'published' })).status).toBe(200)
    expect(await download(member)).toBe(200)
    expect((await member.get(`/api/media/${file.id}`)).status).toBe(200)
    expect((await member.get(`/api/documents/${docId}?depth=1`)).body.originalFile.filename).toBe(file.filename)
    expect(await download(await as('dangvien.thanhhoa'))).toBe(403)
    expect(await download(anon)).toBe(403)
    const inScope = await member.graphql(`{ allMedia(limit: 100) { totalDocs docs { id } } }`)
    expect(inScope.body.data.allMedia.docs.map((d: any) => String(d.id))).toContain(String(file.id))
    const outOfScope = await (await as('dangvien.thanhhoa')).graphql(`{ allMedia(limit: 100) { totalDocs docs { id } } }`)
    expect(outOfScope.body.data.allMedia.docs.map((d: any) => String(d.id))).not.toContain(String(file.id))
  })

  it('a file belongs to one document only', async () => {
    const approver = await as('bithu.bachdang')
    const res = await approver.post('/api/documents?draft=true', await draftData('HP.BD', { attachments: [file.id] }))
    expect(res.status).toBe(400)
    expect(messages(res)).toMatch(/đã thuộc một nội dung khác/)
  })

  it('withdrawing the document withdraws its file; a public document’s file is public', async () => {
    const approver = await as('bithu.bachdang')
    const member = await as('dangvien.cb01')
    await approver.patch(`/api/documents/${docId}`, { _status: 'draft' })
    expect((await fetch(`${server.url}/api/media/file/${file.filename}`, { headers: { authorization: `JWT ${member.token}` } })).status).toBe(403)
    await approver.patch(`/api/documents/${docId}`, { _status: 'published', visibility: 'cong-khai' })
    expect((await fetch(`${server.url}/api/media/file/${file.filename}`)).status).toBe(200)
  })

  it('news covers and their resized copies follow the news item', async () => {
    const admin = await as('quantri')
    const covers = (await admin.get('/api/media?limit=100&depth=0&where[ownerCollection][equals]=news')).body.docs
    const hp = covers.find((m: any) => m.filename.startsWith('tin-hai-phong'))
    const th = covers.find((m: any) => m.filename.startsWith('tin-thanh-hoa'))
    for (const name of [hp.filename, hp.sizes.thumbnail.filename]) {
      expect((await fetch(`${server.url}/api/media/file/${name}`)).status).toBe(403)
      expect((await fetch(`${server.url}/api/media/file/${name}`, { headers: { authorization: `JWT ${(await as('dangvien.cb01')).token}` } })).status).toBe(200)
    }
    expect((await fetch(`${server.url}/api/media/file/${th.sizes.thumbnail.filename}`)).status).toBe(200) // public news
  })
})

describe('forwarding down the tree', () => {
  it('members read the forwarding notes of organisations above them, beside the document', async () => {
    const member = await as('dangvien.cb01')
    const notes = (await member.get('/api/forwards?depth=0')).body
    expect(notes.totalDocs).toBe(2)
    const regulation = await one('339-QĐ/TW')
    const seen = (await member.get(`/api/documents/${regulation.id}`)).body
    expect(seen.forwards).toEqual([expect.objectContaining({ note: expect.stringMatching(/quán triệt Quy định/), organization: expect.objectContaining({ name: 'Thành ủy Hải Phòng' }) })])
    expect(notes.docs.every((n: any) => n.forwardedBy === undefined)).toBe(true)
    expect((await (await as('dangvien.thanhhoa')).get('/api/forwards')).body.totalDocs).toBe(0)
    expect((await (await as('dangvien.thanhhoa')).get(`/api/documents/${regulation.id}`)).body.forwards).toEqual([])
  })

  it('the ward forwards a document from above with a note and a deadline; rules on who and what', async () => {
    const ward = await as('bithu.bachdang')
    const hpBd = await orgId('HP.BD')
    const guidance = await one('26-HD/BTGDVTW')
    const deadline = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10)
    const ok = await ward.post('/api/forwards', { document: guidance.id, organization: hpBd, note: 'Các chi bộ tổ chức học tập Hướng dẫn.', deadline })
    expect(ok.status).toBe(201)
    expect((await (await as('dangvien.cb02')).get(`/api/forwards/${ok.body.doc.id}`)).status).toBe(200)
    expect((await (await as('dangvien.thanhhoa')).get(`/api/forwards/${ok.body.doc.id}`)).status).toBe(404)

    const before = await countAll('forwards')
    const again = await ward.post('/api/forwards', { document: guidance.id, organization: hpBd })
    expect(messages(again)).toMatch(/đã chuyển tiếp văn bản này/)
    const own = await ward.post('/api/forwards', { document: (await one('23-KH/ĐU')).id, organization: hpBd })
    expect(messages(own)).toMatch(/không do cấp trên ban hành/)
    const late = await ward.post('/api/forwards', { document: (await one('339-QĐ/TW')).id, organization: hpBd, deadline: '2020-01-01' })
    expect(messages(late)).toMatch(/không được trước hôm nay/)
    const notMine = await (await as('bithu.cb02')).post('/api/forwards', { document: guidance.id, organization: hpBd })
    expect(notMine.status).toBe(403)
    expect((await (await as('dangvien.cb01')).post('/api/forwards', { document: guidance.id, organization: hpBd })).status).toBe(403)
    const draft = (await byNumber('57-BC/ĐU', '&draft=true'))[0]
    const unpublished = await (await as('bithu.cb01')).post('/api/forwards', { document: draft.id, organization: await orgId('HP.BD.CB01') })
    expect(unpublished.status).toBe(400)
    expect(await countAll('forwards')).toBe(before)
  })
})

describe('deleting', () => {
  it('a deleted document takes its files, forwarding notes and effects on other documents with it', async () => {
    const admin = await as('quantri')
    const hpBd = await orgId('HP.BD')
    const pdfFile = (await upload(admin, 'thong-tri.pdf', pdf(), 'application/pdf')).body.doc
    const target = (await admin.post('/api/documents', await draftData('HP.BD', { _status: 'published' }))).body.doc
    const city = await admin.post('/api/documents', await draftData('HP', { number: '301-TB/TU', originalFile: pdfFile.id, _status: 'published', relations: [{ type: 'bai-bo', target: target.id }] }))
    expect(city.status).toBe(201)
    expect((await admin.get(`/api/documents/${target.id}`)).body.effectStatus).toBe('het-hieu-luc')
    const forward = await (await as('bithu.bachdang')).post('/api/forwards', { document: city.body.doc.id, organization: hpBd, note: 'Triển khai ngay.' })
    expect(forward.status).toBe(201)
    const stored = path.join(server.dataDir, 'uploads', 'media', pdfFile.filename)
    expect(existsSync(stored)).toBe(true)
    expect((await admin.del(`/api/documents/${city.body.doc.id}`)).status).toBe(200)
    expect((await admin.get(`/api/forwards/${forward.body.doc.id}`)).status).toBe(404)
    expect((await admin.get(`/api/media/${pdfFile.id}`)).status).toBe(404)
    expect(existsSync(stored)).toBe(false)
    expect((await admin.get(`/api/documents/${target.id}`)).body.effectStatus).toBe('con-hieu-luc')
  })
})

describe('moving an organisation', () => {
  it('carries its documents: oversight follows the new place in the tree', async () => {
    const ward = await orgId('HP.HB')
    const doc = (await byNumber('12-NQ/ĐU')).find((d) => String(d.issuer) === String(ward))
    const cityLeader = await as('capuy.haiphong')
    expect((await cityLeader.get(`/api/documents/${doc.id}`)).status).toBe(200)
    const moved = await (await as('quantri')).patch(`/api/organizations/${ward}`, { parent: await orgId('TH') })
    expect(moved.status).toBe(200)
    expect((await cityLeader.get(`/api/documents/${doc.id}`)).status).toBe(404)
    expect((await cityLeader.get(`/api/documents?limit=0&where[issuer][equals]=${ward}`)).body.totalDocs).toBe(0)
  })
})

describe('lists over HTTP come in pages of at most 200 (collections/hooks/capListSize.ts)', () => {
  it('limit=0, pagination=false and a limit above 200 get a page of at most 200 with the true total', async () => {
    const admin = await as('quantri')
    const total = (await admin.get('/api/users?limit=1&depth=0')).body.totalDocs as number
    for (const ask of ['limit=0', 'pagination=false', 'limit=5000', 'pagination=false&limit=0']) {
      const res = await admin.get(`/api/users?${ask}&depth=0`)
      expect(res.status).toBe(200)
      expect({ ask, limit: res.body.limit, totalDocs: res.body.totalDocs, rows: res.body.docs.length, more: res.body.hasNextPage }).toEqual({
        ask,
        limit: 200,
        totalDocs: total,
        rows: Math.min(total, 200),
        more: total > 200,
      })
    }
    // A smaller page is served as asked, and so is GraphQL's.
    expect((await admin.get('/api/documents?limit=7&depth=0')).body.docs).toHaveLength(7)
    const gql = await admin.post('/api/graphql', { query: '{ Users(limit: 0) { limit totalDocs docs { id } } }' })
    expect(gql.body.data.Users.limit).toBe(200)
    expect(gql.body.data.Users.docs.length).toBe(Math.min(total, 200))
  })

  it('does not limit the server’s own reads (Local API)', async () => {
    const total = (await server.payload.count({ collection: 'users', overrideAccess: true })).totalDocs
    const local = await server.payload.find({ collection: 'users', limit: 5000, depth: 0, overrideAccess: true })
    expect({ limit: local.limit, rows: local.docs.length }).toEqual({ limit: 5000, rows: total })
    const all = await server.payload.find({ collection: 'users', pagination: false, depth: 0, overrideAccess: true })
    expect(all.docs).toHaveLength(total)
  })
})
