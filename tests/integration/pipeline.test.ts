/**
 * The document pipeline with the in-process worker, over HTTP with real logins, real espeak-ng and real
 * files: publishing queues it and the outputs appear; unchanged input is not recomputed; a changed body
 * replaces every output at once (no reader ever sees parts of two versions); a bad file ends in "lỗi" with
 * a Vietnamese message while the next document is processed; the audio is served with Range requests;
 * access follows the document; editors of the issuer can ask for "xử lý lại".
 */
import { jest } from '@jest/globals'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { get as httpGet, type IncomingMessage } from 'node:http'
import path from 'node:path'
import { client, demoSessions } from '../helpers/client'
import { startTestServer, type TestServer } from '../helpers/server'
import { startJobsRunner, type JobsRunner } from '../../workers/runner'
import { queueProcessing } from '../../workers/process-document'
import { paragraphsToLexical } from '../../collections/Documents/lexical'
import { outputOf as outputOfSource, pipelineQueueEmpty, until } from '../helpers/pipeline'

jest.setTimeout(300_000)

let server: TestServer
let runner: JobsRunner
const as = demoSessions(() => server.url)

beforeAll(async () => {
  server = await startTestServer()
  // The demo's own documents were queued by the seed: leave them out, this file queues its own.
  await server.payload.db.deleteMany({ collection: 'payload-jobs', where: { workflowSlug: { equals: 'process-document' } } })
  runner = startJobsRunner(server.payload, { intervalMs: 200 })
})
afterAll(async () => {
  await runner?.stop()
  await server?.stop()
})

const lexical = (...paragraphs: string[]) => paragraphsToLexical(paragraphs)

let serial = 500
async function orgId(code: string) {
  return (await client(server.url).get(`/api/organizations?where[code][equals]=${encodeURIComponent(code)}`)).body.docs[0].id
}
async function publish(body: string[], overrides: Record<string, unknown> = {}) {
  serial += 1
  const secretary = await as('bithu.bachdang')
  const res = await secretary.post('/api/documents', {
    documentType: 'thong-bao',
    number: `${serial}-TB/ĐU`,
    title: `Thông báo về việc triển khai Sổ tay đảng viên điện tử đợt ${serial}`,
    issuer: await orgId('HP.BD'),
    issuedDate: '2025-11-03',
    visibility: 'dang-vien',
    content: lexical(...body),
    _status: 'published',
    ...overrides,
  })
  expect(res.status).toBe(201)
  return res.body.doc as { id: string | number }
}

const outputOf = (id: string | number, source = 'documents') => outputOfSource(server.payload, id, source)

const settled = (id: string | number, source = 'documents') =>
  until(`${source}:${id} settled`, async () => {
    const out = await outputOf(id, source)
    return out && (out.status === 'hoan-tat' || out.status === 'loi') ? out : null
  })
const queueEmpty = () => pipelineQueueEmpty(server.payload)

const BODY = [
  'Đảng ủy phường Bạch Đằng thông báo tới các chi bộ trực thuộc về việc triển khai ứng dụng Sổ tay đảng viên điện tử.',
  'Các chi bộ hướng dẫn 100% đảng viên cài đặt ứng dụng trước ngày 30/11/2025. Bí thư chi bộ báo cáo kết quả về Văn phòng Đảng ủy.',
]

/** Every sentence id the structure holds, headings included. */
const sentenceIds = (structure: any) =>
  new Set<string>([...(structure.sections as any[]).flatMap((s) => [s.headingId, ...s.sentences.map((x: any) => x.id)]).filter(Boolean), 'tieu-de.s1'])
const sentenceTexts = (structure: any) => new Set<string>((structure.sections as any[]).flatMap((s) => s.sentences.map((x: any) => x.text)))

/** A reading response whose parts all come from one version of the text. */
function expectConsistent(reading: any, sentenceCount?: number) {
  const ids = sentenceIds(reading.structure)
  for (const t of reading.audio.full.timings) expect(ids).toContain(t.sentenceId)
  const texts = sentenceTexts(reading.structure)
  for (const s of reading.summary.sentences) expect(texts).toContain(s.text)
  if (sentenceCount !== undefined) expect(reading.audio.full.timings).toHaveLength(sentenceCount)
}

let first: { id: string | number }
let firstReading: any

describe('a published document gets its outputs', () => {
  it('publishing queues the pipeline; structure, summary and both audio tracks appear', async () => {
    first = await publish(BODY)
    const out = await settled(first.id)
    expect([out.status, out.error ?? null]).toEqual(['hoan-tat', null])
    const member = await as('dangvien.cb01')
    const res = await member.get(`/api/documents/${first.id}/reading`)
    expect(res.status).toBe(200)
    firstReading = res.body
    expect(res.body.status).toBe('hoan-tat')
    expect(res.body.structure.title).toMatch(/Sổ tay đảng viên điện tử/)
    const texts = [...sentenceTexts(res.body.structure)]
    expect(texts).toEqual(expect.arrayContaining([BODY[0], 'Bí thư chi bộ báo cáo kết quả về Văn phòng Đảng ủy.']))
    expect(res.body.summary.sentences.length).toBeGreaterThan(0)
    for (const s of res.body.summary.sentences) expect(s.id).toEqual(expect.any(String))
    const { full, summary } = res.body.audio
    expect(full.url).toBe(`/api/documents/${first.id}/audio/full.mp3?v=${out.audio.full.hash.slice(0, 12)}`)
    expect(full.durationMs).toBeGreaterThan(3000)
    expect(summary.durationMs).toBeGreaterThan(1000)
    expect(summary.durationMs).toBeLessThanOrEqual(full.durationMs)
    // title + 3 sentences, each heard in order
    expect(full.timings.map((t: any) => t.sentenceId)).toEqual(['tieu-de.s1', ...texts.map((t) => res.body.structure.sections.flatMap((s: any) => s.sentences).find((x: any) => x.text === t).id)])
    for (const [i, t] of full.timings.entries()) {
      expect(t.endMs).toBeGreaterThan(t.startMs)
      if (i > 0) expect(t.startMs).toBeGreaterThanOrEqual(full.timings[i - 1].endMs)
    }
    expectConsistent(res.body)
    expect(existsSync(path.join(server.dataDir, 'pipeline', 'audio', out.audio.full.file))).toBe(true)
  })

  it('the audio is served whole and by byte ranges, with an ETag', async () => {
    const member = await as('dangvien.cb01')
    const url = server.url + firstReading.audio.full.url
    const auth = { authorization: `JWT ${member.token}` }
    const whole = await fetch(url, { headers: auth })
    expect(whole.status).toBe(200)
    expect(whole.headers.get('content-type')).toBe('audio/mpeg')
    expect(whole.headers.get('accept-ranges')).toBe('bytes')
    const bytes = Buffer.from(await whole.arrayBuffer())
    expect(Number(whole.headers.get('content-length'))).toBe(bytes.length)
    expect(bytes.subarray(0, 2).readUInt16BE(0) & 0xffe0).toBe(0xffe0) // an MP3 frame sync
    const etag = whole.headers.get('etag')!
    expect(etag).toMatch(/^"[0-9a-f]+"$/)

    const part = await fetch(url, { headers: { ...auth, range: 'bytes=100-1099' } })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe(`bytes 100-1099/${bytes.length}`)
    expect(part.headers.get('content-length')).toBe('1000')
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(100, 1100))).toBe(true)

    const tail = await fetch(url, { headers: { ...auth, range: 'bytes=-500' } })
    expect(tail.status).toBe(206)
    expect(Buffer.from(await tail.arrayBuffer()).equals(bytes.subarray(bytes.length - 500))).toBe(true)
    const open = await fetch(url, { headers: { ...auth, range: `bytes=${bytes.length - 10}-` } })
    expect([open.status, open.headers.get('content-range')]).toEqual([206, `bytes ${bytes.length - 10}-${bytes.length - 1}/${bytes.length}`])

    const beyond = await fetch(url, { headers: { ...auth, range: `bytes=${bytes.length}-` } })
    expect([beyond.status, beyond.headers.get('content-range')]).toEqual([416, `bytes */${bytes.length}`])
    const cached = await fetch(url, { headers: { ...auth, 'if-none-match': etag } })
    expect(cached.status).toBe(304)
    const summary = await fetch(server.url + firstReading.audio.summary.url, { headers: auth })
    expect(summary.status).toBe(200)
  })

  it('a whole-file request streams the audio: the server never holds an hour of it in memory', async () => {
    // An hour of speech is ~20 MB; players ask for the whole file or "bytes=0-" first.
    const member = await as('dangvien.cb01')
    const out = await outputOf(first.id)
    const file = path.join(server.dataDir, 'pipeline', 'audio', out.audio.full.file)
    const original = readFileSync(file)
    const big = Buffer.alloc(64 * 1024 * 1024, 0xab)
    original.copy(big)
    writeFileSync(file, big)
    try {
      for (const range of [undefined, 'bytes=0-']) {
        global.gc?.()
        const before = process.memoryUsage().arrayBuffers
        const res = await new Promise<IncomingMessage>((resolve, reject) =>
          httpGet(server.url + firstReading.audio.full.url, { headers: { authorization: `JWT ${member.token}`, ...(range ? { range } : {}) } }, resolve).on('error', reject),
        )
        res.pause()
        // The client reads nothing for a while: a streaming server waits; a buffering one already holds it all.
        await new Promise((r) => setTimeout(r, 300))
        const held = process.memoryUsage().arrayBuffers - before
        expect([res.statusCode, res.headers['content-length']]).toEqual([range ? 206 : 200, String(big.length)])
        expect(held).toBeLessThan(16 * 1024 * 1024) // a quarter of the file: buffering holds all of it (and a copy)
        const hash = createHash('sha256')
        let length = 0
        for await (const chunk of res) {
          hash.update(chunk as Buffer)
          length += (chunk as Buffer).length
        }
        expect(length).toBe(big.length)
        expect(hash.digest('hex')).toBe(createHash('sha256').update(big).digest('hex'))
      }
    } finally {
      writeFileSync(file, original)
    }
  })

  it('who may not read the document gets 404 on its reading and its audio, with nothing revealed', async () => {
    for (const who of ['dangvien.thanhhoa', 'choduyet.cb01', null]) {
      const c = who ? await as(who) : client(server.url)
      for (const p of [`/api/documents/${first.id}/reading`, `/api/documents/${first.id}/audio/full.mp3`, `/api/documents/${first.id}/audio/summary.mp3`]) {
        const res = await c.get(p)
        expect([who, p, res.status]).toEqual([who, p, 404])
        expect(JSON.stringify(res.body)).not.toMatch(/Sổ tay|hoan-tat|timings/)
      }
      const direct = await c.get(`/api/document-outputs?limit=100`)
      expect(direct.body.docs ?? []).toHaveLength(0)
    }
    // Nobody writes the outputs over the API, not even the issuer's secretary.
    const secretary = await as('bithu.bachdang')
    const out = await outputOf(first.id)
    expect((await secretary.patch(`/api/document-outputs/${out.id}`, { status: 'loi' })).status).toBeGreaterThanOrEqual(403)
    expect((await secretary.post(`/api/document-outputs`, { source: 'documents', sourceId: '1', key: 'x', status: 'loi' })).status).toBe(403)
    expect((await outputOf(first.id)).status).toBe('hoan-tat')
  })
})

describe('hash-keyed idempotence and atomic replacement', () => {
  it('running the pipeline again on unchanged input recomputes nothing', async () => {
    const before = await outputOf(first.id)
    await queueProcessing(server.payload, 'documents', first.id)
    await queueEmpty()
    // Saving without touching the body or file (another field) does not even queue it.
    const secretary = await as('bithu.bachdang')
    expect((await secretary.patch(`/api/documents/${first.id}`, { signer: 'Nguyễn Văn An' })).status).toBe(200)
    await queueEmpty()
    const after = await outputOf(first.id)
    expect(after.processedAt).toBe(before.processedAt)
    expect(after.inputHash).toBe(before.inputHash)
    expect(after.audio.full.file).toBe(before.audio.full.file)
    expect(after.audio.summary.file).toBe(before.audio.summary.file)
  })

  it('a changed body replaces every output in one step; readers never see a mix; old audio files go', async () => {
    const before = await outputOf(first.id)
    const member = await as('dangvien.cb01')
    const secretary = await as('bithu.bachdang')
    const NEW_BODY = [
      'Đảng ủy phường Bạch Đằng điều chỉnh kế hoạch triển khai ứng dụng.',
      'Thời hạn cài đặt được kéo dài đến ngày 15/12/2025. Các chi bộ tổ chức hướng dẫn trực tiếp cho đảng viên cao tuổi.',
      'Văn phòng Đảng ủy tổng hợp, báo cáo Thường trực Đảng ủy trước ngày 20/12/2025.',
    ]
    expect((await secretary.patch(`/api/documents/${first.id}`, { content: lexical(...NEW_BODY) })).status).toBe(200)
    const seen = new Set<string>()
    const after = await until('the new outputs', async () => {
      const res = await member.get(`/api/documents/${first.id}/reading`)
      expect(res.status).toBe(200)
      if (res.body.audio?.full) {
        // Whatever moment we look at, structure, summary and audio belong to one version.
        expectConsistent(res.body, sentenceIds(res.body.structure).size)
        seen.add(res.body.audio.full.url)
      }
      const out = await outputOf(first.id)
      return out.processedAt !== before.processedAt && out.status === 'hoan-tat' ? out : null
    })
    expect(after.inputHash).not.toBe(before.inputHash)
    expect(after.plainText).toContain('kéo dài đến ngày 15/12/2025')
    expect(after.audio.full.file).not.toBe(before.audio.full.file)
    const res = await member.get(`/api/documents/${first.id}/reading`)
    expectConsistent(res.body, 1 + 4)
    expect([...sentenceTexts(res.body.structure)]).not.toContain(BODY[0])
    expect(existsSync(path.join(server.dataDir, 'pipeline', 'audio', before.audio.full.file))).toBe(false)
    expect(existsSync(path.join(server.dataDir, 'pipeline', 'audio', after.audio.full.file))).toBe(true)
    expect(seen.size).toBeLessThanOrEqual(2)
  })
})

describe('failures and reprocessing', () => {
  it('a bad file ends in "lỗi" with a Vietnamese message, and the next document is processed', async () => {
    const secretary = await as('bithu.bachdang')
    // A PDF with a header and trailer but no pages: accepted at upload, refused by the extractor.
    const broken = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nxref\n0 1\n0000000000 65535 f \ntrailer << /Root 1 0 R /Size 1 >>\nstartxref\n9\n%%EOF\n', 'latin1')
    const media = await secretary.upload('/api/media', { _payload: JSON.stringify({ alt: 'Bản gốc hỏng' }) }, { name: 'hong.pdf', data: broken, type: 'application/pdf' })
    expect(media.status).toBe(201)
    const bad = await publish(BODY, { originalFile: media.body.doc.id })
    const good = await publish(['Chi bộ Khu dân cư số 1 tổ chức sinh hoạt chuyên đề vào ngày 5/12/2025.'])
    const failed = await settled(bad.id)
    expect(failed.status).toBe('loi')
    expect(failed.error).toMatch(/PDF|tệp/i)
    expect(failed.error).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/)
    const reading = await (await as('dangvien.cb01')).get(`/api/documents/${bad.id}/reading`)
    expect([reading.status, reading.body.status, reading.body.error]).toEqual([200, 'loi', failed.error])
    const next = await settled(good.id)
    expect(next.status).toBe('hoan-tat')
  })

  it('"xử lý lại": editors of the issuer may, members and other editors may not', async () => {
    const before = await outputOf(first.id)
    expect((await (await as('dangvien.cb01')).post(`/api/documents/${first.id}/reprocess`)).status).toBe(403)
    expect((await (await as('dangvien.thanhhoa')).post(`/api/documents/${first.id}/reprocess`)).status).toBe(404)
    expect((await client(server.url).post(`/api/documents/${first.id}/reprocess`)).status).toBe(401)
    const editor = await as('bientap.bachdang')
    const res = await editor.post(`/api/documents/${first.id}/reprocess`)
    expect(res.status).toBe(202)
    expect(res.body.message).toMatch(/xử lý lại/)
    const after = await until('reprocessed', async () => {
      const out = await outputOf(first.id)
      return out.status === 'hoan-tat' && out.processedAt !== before.processedAt ? out : null
    })
    expect(after.inputHash).toBe(before.inputHash)
  })

  it('editors edit, pin and unpin the summary; an edited summary survives "xử lý lại" and gets its own audio', async () => {
    const doc = await publish(BODY)
    const engineOut = await settled(doc.id)
    expect(engineOut.status).toBe('hoan-tat')
    const engineSummary = engineOut.summary.sentences.map((s: any) => s.text)
    const editor = await as('bientap.bachdang')
    const member = await as('dangvien.cb01')
    const url = `/api/documents/${doc.id}/summary`
    const EDITED = [BODY[1].split('. ')[0] + '.', 'Đảng ủy đề nghị các chi bộ quan tâm hướng dẫn đảng viên cao tuổi.']

    // Who may not: members of the branch, editors elsewhere, anonymous.
    expect((await member.put(url, { sentences: EDITED })).status).toBe(403)
    expect((await (await as('dangvien.thanhhoa')).put(url, { sentences: EDITED })).status).toBe(404)
    expect((await client(server.url).put(url, { sentences: EDITED })).status).toBe(401)
    // Bad input: a Vietnamese message, nothing changed.
    for (const bad of [{}, { sentences: [] }, { sentences: ['  '] }, { sentences: 'một câu' }, { sentences: Array(9).fill('Một câu.') }, { sentences: [Array(130).fill('chữ').join(' ')] }, { pinned: 'có' }]) {
      const res = await editor.put(url, bad)
      expect(res.status).toBe(400)
      expect(res.body.errors[0].message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/)
    }
    expect((await outputOf(doc.id)).summary.sentences.map((s: any) => s.text)).toEqual(engineSummary)

    // The editor writes a summary: it is pinned at once, the old summary audio goes in the same update.
    const before = await outputOf(doc.id)
    const saved = await editor.put(url, { sentences: EDITED.map((s) => `  ${s}\n`) })
    expect(saved.status).toBe(200)
    expect(saved.body.summaryPinned).toBe(true)
    const right = await member.get(`/api/documents/${doc.id}/reading`)
    expect(right.body.summary.sentences.map((s: any) => s.text)).toEqual(EDITED)
    expect(right.body.summaryPinned).toBe(true)
    expect(right.body.audio.summary).toBeUndefined()
    expect(existsSync(path.join(server.dataDir, 'pipeline', 'audio', before.audio.summary.file))).toBe(false)
    // A sentence taken from the text keeps its id (the player jumps to it); a new one gets its own.
    const fromText = right.body.structure.sections.flatMap((s: any) => s.sentences).find((s: any) => s.text === EDITED[0])
    expect(right.body.summary.sentences[0].id).toBe(fromText.id)
    expect(right.body.summary.sentences[1].id).toBe('tt-2')

    // The queued run reads the edited summary aloud and keeps it.
    const voiced = await until('the edited summary read aloud', async () => {
      const out = await outputOf(doc.id)
      return out.status === 'hoan-tat' && out.audio?.summary ? out : null
    })
    expect(voiced.summary.sentences.map((s: any) => s.text)).toEqual(EDITED)
    expect(voiced.audio.summary.timings.map((t: any) => t.sentenceId)).toEqual(right.body.summary.sentences.map((s: any) => s.id))
    expect(voiced.audio.summary.file).not.toBe(before.audio.summary.file)

    // "Xử lý lại" keeps the edited summary.
    expect((await editor.post(`/api/documents/${doc.id}/reprocess`)).status).toBe(202)
    const again = await until('reprocessed', async () => {
      const out = await outputOf(doc.id)
      return out.status === 'hoan-tat' && out.processedAt !== voiced.processedAt ? out : null
    })
    expect(again.summary.sentences.map((s: any) => s.text)).toEqual(EDITED)
    expect(again.audio.summary.file).toBe(voiced.audio.summary.file)

    // Unpinning lets the pipeline summarise again: the engine's summary comes back.
    const unpinned = await editor.put(url, { pinned: false })
    expect([unpinned.status, unpinned.body.summaryPinned]).toEqual([200, false])
    const restored = await until('the engine summary back', async () => {
      const out = await outputOf(doc.id)
      return out.status === 'hoan-tat' && !out.summaryEdited && out.summary.sentences.map((s: any) => s.text).join('|') === engineSummary.join('|') && out.audio?.summary ? out : null
    })
    expect(restored.audio.summary.timings).toHaveLength(engineSummary.length)

    // Pinning the engine's summary as it is: kept, flagged, nothing else changes.
    const pinned = await editor.put(url, { pinned: true })
    expect([pinned.status, pinned.body.summaryPinned]).toEqual([200, true])
    const after = await outputOf(doc.id)
    expect([after.summaryEdited, after.audio.summary.file]).toEqual([true, restored.audio.summary.file])
  })

  it('two documents with the same audio keep a file each: deleting one leaves the other\'s audio', async () => {
    const a = await publish(BODY)
    const b = await publish(BODY)
    const [outA, outB] = [await settled(a.id), await settled(b.id)]
    expect([outA.status, outB.status]).toEqual(['hoan-tat', 'hoan-tat'])
    // Same summary, same sound, byte for byte (the file name ends with the content's hash)…
    const contentHash = (file: string) => file.slice(file.lastIndexOf('-') + 1)
    expect(contentHash(outA.audio.summary.file)).toBe(contentHash(outB.audio.summary.file))
    // …but not the same file.
    expect(outA.audio.summary.file).not.toBe(outB.audio.summary.file)
    const secretary = await as('bithu.bachdang')
    expect((await secretary.del(`/api/documents/${b.id}`)).status).toBe(200)
    await until('the deleted document\'s audio gone', async () => !existsSync(path.join(server.dataDir, 'pipeline', 'audio', outB.audio.summary.file)))
    const member = await as('dangvien.cb01')
    const audio = await fetch(`${server.url}/api/documents/${a.id}/audio/summary.mp3`, { headers: { authorization: `JWT ${member.token}` } })
    expect(audio.status).toBe(200)
    expect((await audio.arrayBuffer()).byteLength).toBe(outA.audio.summary.bytes)
  })

  it('news items get the same outputs and endpoints', async () => {
    const news = await server.payload.create({
      collection: 'news',
      overrideAccess: true,
      data: { title: 'Chi bộ Khu dân cư số 1 hướng dẫn đảng viên cao tuổi dùng Sổ tay', issuer: await orgId('HP.BD'), visibility: 'dang-vien', body: lexical('Chiều 20/11, Chi bộ Khu dân cư số 1 tổ chức buổi hướng dẫn. Mười hai đảng viên cao tuổi đã cài đặt và nghe văn bản bằng giọng đọc.'), _status: 'published' } as never,
    })
    const out = await settled(news.id, 'news')
    expect(out.status).toBe('hoan-tat')
    const member = await as('dangvien.cb01')
    const res = await member.get(`/api/news/${news.id}/reading`)
    expect(res.status).toBe(200)
    expect(res.body.audio.full.url).toMatch(new RegExp(`^/api/news/${news.id}/audio/full\\.mp3`))
    const audio = await fetch(server.url + res.body.audio.full.url, { headers: { authorization: `JWT ${member.token}`, range: 'bytes=0-9' } })
    expect(audio.status).toBe(206)
    expect((await (await as('dangvien.thanhhoa')).get(`/api/news/${news.id}/reading`)).status).toBe(404)
  })
})
