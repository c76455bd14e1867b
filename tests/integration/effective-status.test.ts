/**
 * The daily job "chưa có hiệu lực → còn hiệu lực" (workers/effective-status.ts) on a real database:
 * documents move on the day their ngày hiệu lực arrives in Vietnam time, without a new version in their
 * history, only once however often it runs, and through the jobs queue as the workers run it.
 */
import { EFFECTIVE_STATUS_TASK, promoteEffectiveDocuments, queueEffectiveStatus } from '../../workers/effective-status'
import { startTestServer, type TestServer } from '../helpers/server'
import { paragraphsToLexical } from '../../collections/Documents/lexical'
import { searchEngine } from '../../src/server/search'

let server: TestServer
let issuer: string | number
const DAY = 86_400_000
/** The calendar day in Vietnam `n` days from now, "YYYY-MM-DD". */
const vnDay = (n: number) => new Date(Date.now() + 7 * 3_600_000 + n * DAY).toISOString().slice(0, 10)
const lexical = (...paragraphs: string[]) => paragraphsToLexical(paragraphs)

beforeAll(async () => {
  server = await startTestServer({ seed: false })
  const org = await server.payload.create({ collection: 'organizations', data: { name: 'Ban Chấp hành Trung ương', kind: 'trung-uong', code: 'TW' } as never, overrideAccess: true })
  issuer = org.id
}, 120_000)
afterAll(async () => {
  await server?.stop()
})

let serial = 0
async function publishedDocument(effective: string) {
  serial++
  const doc = await server.payload.create({
    collection: 'documents',
    overrideAccess: true,
    data: {
      documentType: 'thong-bao',
      number: `${serial}-TB/TW`,
      title: `Thông báo thử hiệu lực ${serial}`,
      issuer,
      issuedDate: vnDay(-2),
      effectiveDate: effective,
      content: lexical('Nội dung.'),
      _status: 'published',
    } as never,
  })
  return doc.id
}
const statusOf = async (id: string | number, draft = false) =>
  ((await server.payload.findByID({ collection: 'documents', id, overrideAccess: true, draft, depth: 0 })) as any).effectStatus
const versionCount = async (id: string | number) =>
  (await server.payload.countVersions({ collection: 'documents', where: { parent: { equals: id } }, overrideAccess: true })).totalDocs

describe('effective-status', () => {
  it('moves a document on the day its ngày hiệu lực arrives, without a new version, once', async () => {
    const tomorrow = await publishedDocument(vnDay(1))
    const later = await publishedDocument(vnDay(10))
    expect(await statusOf(tomorrow)).toBe('chua-co-hieu-luc')
    expect(await statusOf(later)).toBe('chua-co-hieu-luc')
    const versions = await versionCount(tomorrow)

    expect(await promoteEffectiveDocuments(server.payload)).toBe(0) // today: nothing has arrived
    expect(await statusOf(tomorrow)).toBe('chua-co-hieu-luc')

    const nextDay = new Date(Date.now() + DAY)
    expect(await promoteEffectiveDocuments(server.payload, { now: nextDay })).toBe(1)
    expect(await statusOf(tomorrow)).toBe('con-hieu-luc')
    expect(await statusOf(tomorrow, true)).toBe('con-hieu-luc') // the version the admin edits agrees
    expect(await versionCount(tomorrow)).toBe(versions)
    expect(await statusOf(later)).toBe('chua-co-hieu-luc')

    expect(await promoteEffectiveDocuments(server.payload, { now: nextDay })).toBe(0)
    expect(await versionCount(tomorrow)).toBe(versions)
  })

  it('counts days in Vietnam time: the day starts at 17:00 UTC the evening before', async () => {
    const day = vnDay(20)
    const id = await publishedDocument(day)
    const eveningBefore = (hh: string) => new Date(`${new Date(Date.parse(`${day}T00:00:00Z`) - DAY).toISOString().slice(0, 10)}T${hh}:30:00Z`)
    await promoteEffectiveDocuments(server.payload, { now: eveningBefore('16') }) // 23:30 in Vietnam
    expect(await statusOf(id)).toBe('chua-co-hieu-luc')
    expect(await promoteEffectiveDocuments(server.payload, { now: eveningBefore('17') })).toBeGreaterThanOrEqual(1) // 00:30 in Vietnam
    expect(await statusOf(id)).toBe('con-hieu-luc')
  })

  it('leaves documents replaced, repealed or set by hand alone', async () => {
    const id = await publishedDocument(vnDay(1))
    await server.payload.db.updateOne({ collection: 'documents', id, data: { effectStatus: 'het-hieu-luc' } })
    await promoteEffectiveDocuments(server.payload, { now: new Date(Date.now() + 30 * DAY) })
    expect(await statusOf(id)).toBe('het-hieu-luc')
  })

  it('re-indexes what it changes: the search filter and facet "còn hiệu lực" follow within 5 s', async () => {
    const id = await publishedDocument(vnDay(1))
    const engine = await searchEngine(server.payload)
    const indexedStatus = async () => {
      const found = await engine.search({ text: `Thông báo thử hiệu lực ${serial}`, scope: { unrestricted: true }, pageSize: 50 })
      return found.hits.find((h) => h.id === `documents:${id}`)?.status
    }
    for (let i = 0; i < 50 && (await indexedStatus()) !== 'chua-co-hieu-luc'; i++) await new Promise((r) => setTimeout(r, 100))
    expect(await indexedStatus()).toBe('chua-co-hieu-luc')

    expect(await promoteEffectiveDocuments(server.payload, { now: new Date(Date.now() + DAY) })).toBeGreaterThanOrEqual(1)
    const since = Date.now()
    while (Date.now() - since < 5000 && (await indexedStatus()) !== 'con-hieu-luc') await new Promise((r) => setTimeout(r, 100))
    expect(await indexedStatus()).toBe('con-hieu-luc')
    const current = await engine.search({ text: '', scope: { unrestricted: true }, filters: { status: 'con-hieu-luc' }, pageSize: 100 })
    expect(current.hits.map((h) => h.id)).toContain(`documents:${id}`)
  })

  it('runs as a scheduled jobs task, queued once at start', async () => {
    const task = server.payload.config.jobs.tasks?.find((t) => t.slug === EFFECTIVE_STATUS_TASK)
    expect(task?.schedule?.length).toBeGreaterThan(0)
    // A document whose day came while nobody ran the job (the server was down at midnight).
    const id = await publishedDocument(vnDay(3))
    await server.payload.db.updateOne({ collection: 'documents', id, data: { effectiveDate: `${vnDay(0)}T00:00:00.000Z` } })
    expect(await statusOf(id)).toBe('chua-co-hieu-luc')

    await queueEffectiveStatus(server.payload)
    await queueEffectiveStatus(server.payload) // a second start while the first run waits: still one job
    const queued = await server.payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: EFFECTIVE_STATUS_TASK } }, overrideAccess: true })
    expect(queued.totalDocs).toBe(1)
    await server.payload.jobs.runByID({ id: queued.docs[0].id })
    expect(await statusOf(id)).toBe('con-hieu-luc')
    // Completed jobs are removed from the queue; a failed one would stay with hasError.
    const left = await server.payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: EFFECTIVE_STATUS_TASK } }, overrideAccess: true })
    expect(left.docs.map((j: any) => ({ hasError: j.hasError, completedAt: !!j.completedAt }))).toEqual(left.totalDocs ? [{ hasError: false, completedAt: true }] : [])
  })

  it('the daily schedule queues the next run for just after midnight in Vietnam', async () => {
    await server.payload.jobs.handleSchedules({ allQueues: true })
    const next = await server.payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: EFFECTIVE_STATUS_TASK } }, overrideAccess: true })
    expect(next.totalDocs).toBe(1)
    const at = new Date((next.docs[0] as any).waitUntil)
    expect(at.getTime()).toBeGreaterThan(Date.now())
    expect(at.getTime() - Date.now()).toBeLessThanOrEqual(DAY)
    expect([at.getMinutes(), at.getSeconds()]).toEqual([1, 0])
    // Scheduling again before it ran adds nothing.
    await server.payload.jobs.handleSchedules({ allQueues: true })
    expect((await server.payload.count({ collection: 'payload-jobs', where: { taskSlug: { equals: EFFECTIVE_STATUS_TASK } }, overrideAccess: true })).totalDocs).toBe(1)
  })
})
