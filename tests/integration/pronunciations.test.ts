/**
 * The editors' pronunciation dictionary ("Từ điển phát âm"): who may extend it, what it refuses (in
 * Vietnamese, nothing stored), and that the voice uses it — a document using a new term is read again with
 * the editors' reading, a document without it keeps its audio, and deleting the entry brings the old
 * reading back. Real espeak-ng, real jobs queue.
 */
import { jest } from '@jest/globals'
import { client, demoSessions } from '../helpers/client'
import { startTestServer, type TestServer } from '../helpers/server'
import { startJobsRunner, type JobsRunner } from '../../workers/runner'
import { paragraphsToLexical } from '../../collections/Documents/lexical'
import { outputOf as outputOfSource, pipelineQueueEmpty, until } from '../helpers/pipeline'

jest.setTimeout(300_000)

let server: TestServer
let runner: JobsRunner
const as = demoSessions(() => server.url)

beforeAll(async () => {
  server = await startTestServer()
  await server.payload.db.deleteMany({ collection: 'payload-jobs', where: { workflowSlug: { equals: 'process-document' } } })
  runner = startJobsRunner(server.payload, { intervalMs: 200 })
})
afterAll(async () => {
  await runner?.stop()
  await server?.stop()
})

const count = async () => (await server.payload.count({ collection: 'pronunciations', overrideAccess: true })).totalDocs
/** Every message of an error answer (Payload's own and the fields'), joined. */
const text = (res: { body: any }) =>
  (res.body?.errors ?? []).flatMap((e: any) => [e.message, ...(e.data?.errors ?? []).map((f: any) => f.message)]).join(' | ')

describe('who may extend the dictionary', () => {
  it('editors and administrators read and write it; members and visitors do not', async () => {
    for (const who of ['dangvien.cb01', 'bithu.cb01']) {
      const c = await as(who)
      expect((await c.get('/api/pronunciations')).status).toBe(403)
      expect((await c.post('/api/pronunciations', { term: 'QĐND', reading: 'quân đội nhân dân' })).status).toBe(403)
    }
    expect((await client(server.url).post('/api/pronunciations', { term: 'QĐND', reading: 'quân đội nhân dân' })).status).toBe(403)
    expect(await count()).toBe(0)
    const editor = await as('bientap.tw')
    const created = await editor.post('/api/pronunciations', { term: ' QĐND ', reading: 'Quân  đội nhân dân' })
    expect(created.status).toBe(201)
    expect(created.body.doc).toMatchObject({ term: 'QĐND', reading: 'quân đội nhân dân' })
    expect((await (await as('quantri')).get('/api/pronunciations')).body.totalDocs).toBe(1)
    expect((await (await as('bientap.tw')).del(`/api/pronunciations/${created.body.doc.id}`)).status).toBe(200)
    expect(await count()).toBe(0)
  })
})

describe('what it refuses', () => {
  it('explains in Vietnamese and stores nothing', async () => {
    const editor = await as('bientap.tw')
    expect((await editor.post('/api/pronunciations', { term: 'ĐVTN', reading: 'đoàn viên thanh niên' })).status).toBe(201)
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ term: '', reading: 'trung ương' }, /Hãy nhập từ cần đọc/],
      [{ term: 'hai từ', reading: 'hai từ' }, /một từ liền/],
      [{ term: '2025', reading: 'hai nghìn' }, /ít nhất một chữ cái/],
      [{ term: 'CEO', reading: '' }, /Hãy nhập cách đọc/],
      [{ term: 'CEO', reading: 'chief executive officer' }, /không phải một âm tiết tiếng Việt/],
      [{ term: 'G20', reading: 'nhóm 20' }, /không được có chữ số/],
      [{ term: 'ĐVTN', reading: 'đê vê tê en' }, /đã có cách đọc cho "ĐVTN"/],
      [{ term: 'X'.repeat(31), reading: 'ích' }, /tối đa 30 ký tự/],
      [{ term: 42, reading: ['a'] }, /Hãy nhập từ cần đọc/],
    ]
    for (const [body, message] of cases) {
      const res = await editor.post('/api/pronunciations', body)
      expect([res.status, text(res)]).toEqual([400, expect.stringMatching(message)])
    }
    const entry = (await editor.get('/api/pronunciations?where[term][equals]=%C4%90VTN')).body.docs[0]
    const bad = await editor.patch(`/api/pronunciations/${entry.id}`, { reading: 'youth union' })
    expect(bad.status).toBe(400)
    expect((await editor.get(`/api/pronunciations/${entry.id}`)).body.reading).toBe('đoàn viên thanh niên')
    expect(await count()).toBe(1)
  })
})

describe('the voice uses it', () => {
  const outputOf = (id: string | number) => outputOfSource(server.payload, id)
  const voiced = (id: string | number, differentFrom?: string) =>
    until(`documents:${id} voiced`, async () => {
      const out = await outputOf(id)
      return out?.status === 'hoan-tat' && out.audio?.full?.hash && out.audio.full.hash !== differentFrom ? out : null
    })
  let serial = 700
  async function publish(body: string[]) {
    serial += 1
    const secretary = await as('bithu.bachdang')
    const issuer = (await client(server.url).get('/api/organizations?where[code][equals]=HP.BD')).body.docs[0].id
    const res = await secretary.post('/api/documents', {
      documentType: 'thong-bao',
      number: `${serial}-TB/ĐU`,
      title: `Thông báo kết quả công tác tháng ${serial - 690}`,
      issuer,
      issuedDate: '2025-11-03',
      visibility: 'dang-vien',
      content: paragraphsToLexical(body),
      _status: 'published',
    })
    expect(res.status).toBe(201)
    return res.body.doc.id as string | number
  }

  it('re-voices the documents using a term, leaves the others, and restores the old reading on delete', async () => {
    const uses = await publish([
      'Phường đã tư vấn XKLĐ cho bốn mươi thanh niên trong tháng.',
      'Các chi bộ phối hợp với tổ dân phố rà soát hồ sơ XKLĐ và báo cáo đảng ủy.',
      'Kết quả XKLĐ được tổng hợp vào báo cáo quý.',
    ])
    const other = await publish(['Chi bộ tổ chức sinh hoạt chuyên đề về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.'])
    const before = await voiced(uses)
    const otherBefore = await voiced(other)

    const editor = await as('bientap.tw')
    const entry = await editor.post('/api/pronunciations', { term: 'XKLĐ', reading: 'xuất khẩu lao động có thời hạn theo hợp đồng ở nước ngoài' })
    expect(entry.status).toBe(201)
    const after = await voiced(uses, before.audio.full.hash)
    // Three times 13 syllables instead of the six letters spelled out: clearly longer.
    expect(after.audio.full.durationMs - before.audio.full.durationMs).toBeGreaterThan(3000)
    expect(after.audio.full.file).not.toBe(before.audio.full.file)

    await pipelineQueueEmpty(server.payload)
    const otherAfter = await outputOf(other)
    expect(otherAfter.audio.full).toEqual(otherBefore.audio.full) // not read again

    expect((await editor.del(`/api/pronunciations/${entry.body.doc.id}`)).status).toBe(200)
    const restored = await voiced(uses, after.audio.full.hash)
    expect(restored.audio.full.hash).toBe(before.audio.full.hash)
    expect(Math.abs(restored.audio.full.durationMs - before.audio.full.durationMs)).toBeLessThan(200)
  })
})
