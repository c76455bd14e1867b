/**
 * The viewer (what an account may read, write, approve) is kept between requests for speed: a change of
 * the account's roles and a move in the organisation tree must still count from the very next request.
 * Real server, real logins, over HTTP.
 */
import { jest } from '@jest/globals'
import { client, demoSessions } from '../helpers/client'
import { startTestServer, type TestServer } from '../helpers/server'
import { paragraphsToLexical } from '../../collections/Documents/lexical'

jest.setTimeout(180_000)

let server: TestServer
const as = demoSessions(() => server.url)

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server?.stop()
})

const orgId = async (code: string) => (await client(server.url).get(`/api/organizations?where[code][equals]=${encodeURIComponent(code)}`)).body.docs[0].id
/** A reference document ("tài liệu tham khảo": no số hiệu needed) issued by `issuer`, for members. */
const reference = (issuer: unknown, title: string, _status: 'draft' | 'published') => ({
  title,
  documentType: 'tai-lieu-tham-khao',
  issuer,
  issuedDate: '2025-11-03',
  visibility: 'dang-vien',
  content: paragraphsToLexical([`Nội dung: ${title}.`]),
  _status,
})

it('a removed editor role counts from the next request: the draft and the right to write go at once', async () => {
  const editor = await as('bientap.bachdang')
  const admin = await as('quantri')
  const branch = await orgId('HP.BD.CB01')
  const ward = await orgId('HP.BD')
  const made = await editor.post('/api/documents?draft=true', reference(branch, 'Dự thảo tài liệu sinh hoạt chi bộ tháng 12', 'draft'))
  expect(made.status).toBe(201)
  const id = made.body.doc.id
  // Warm every cache on the way: the editor reads the draft several times.
  for (let i = 0; i < 3; i++) expect((await editor.get(`/api/documents/${id}?draft=true&depth=0`)).status).toBe(200)

  const me = (await editor.get('/api/users/me')).body.user
  const changed = await admin.patch(`/api/users/${me.id}`, { roles: [{ role: 'bien-tap-vien', organization: ward }] })
  expect(changed.status).toBe(200)

  expect((await editor.get(`/api/documents/${id}?draft=true&depth=0`)).status).toBe(404)
  const refused = await editor.post('/api/documents?draft=true', reference(branch, 'Dự thảo thứ hai', 'draft'))
  expect(refused.status).toBeGreaterThanOrEqual(400)
  expect(refused.status).toBeLessThan(500)

  // Given back, the role counts at once too.
  expect((await admin.patch(`/api/users/${me.id}`, { roles: [{ role: 'bien-tap-vien', organization: ward }, { role: 'bien-tap-vien', organization: branch }] })).status).toBe(200)
  expect((await editor.get(`/api/documents/${id}?draft=true&depth=0`)).status).toBe(200)
})

it('a branch moved to another ward: its members read the new ward’s documents, not the old one’s, from the next request', async () => {
  const member = await as('dangvien.cb02')
  const admin = await as('quantri')
  const plan = (await client(server.url, admin.token).get(`/api/documents?where[number][equals]=${encodeURIComponent('23-KH/ĐU')}&depth=0`)).body.docs[0]
  expect(plan).toBeDefined()
  const url = `/api/documents/${plan.id}?depth=0`
  for (let i = 0; i < 3; i++) expect((await member.get(url)).status).toBe(200)

  const branch = await orgId('HP.BD.CB02')
  const oldWard = await orgId('HP.BD')
  const newWard = await orgId('HP.HB')
  const other = await admin.post('/api/documents', reference(newWard, 'Thông báo của Đảng ủy phường Hồng Bàng về lịch sinh hoạt', 'published'))
  expect(other.status).toBe(201)
  const otherUrl = `/api/documents/${other.body.doc.id}?depth=0`
  expect((await member.get(otherUrl)).status).toBe(404)

  expect((await admin.patch(`/api/organizations/${branch}`, { parent: newWard })).status).toBe(200)
  expect((await member.get(url)).status).toBe(404)
  expect((await member.get(otherUrl)).status).toBe(200)

  expect((await admin.patch(`/api/organizations/${branch}`, { parent: oldWard })).status).toBe(200)
  expect((await member.get(url)).status).toBe(200)
  expect((await member.get(otherUrl)).status).toBe(404)
})
