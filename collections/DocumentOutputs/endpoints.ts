/**
 * Member-facing endpoints of the pipeline, on documents and news alike:
 *  - GET  /api/{documents,news}/:id/reading            status, structure, summary, audio (urls + timing maps)
 *  - GET  /api/{documents,news}/:id/audio/full.mp3     the full text read aloud (HTTP Range, ETag)
 *  - GET  /api/{documents,news}/:id/audio/summary.mp3  the summary read aloud
 *  - POST /api/{documents,news}/:id/reprocess          "xử lý lại", for the editors of the issuer
 *  - PUT  /api/{documents,news}/:id/summary            the editors' summary: write it, pin the current one, or
 *                                                      unpin it (the pipeline summarises again)
 * Access follows the source: who may not read it gets 404, as if it did not exist.
 */
import { open, stat, type FileHandle } from 'node:fs/promises'
import rangeParser from 'range-parser'
import type { Endpoint, PayloadRequest } from 'payload'
import { audioFiles, audioPath, ensureOutput, findOutput, removeAudio, updateOutput, type SourceCollection } from '../../workers/pipeline'
import { readJson } from '../../src/server/respond'
import { queueProcessing } from '../../workers/process-document'
import { canReadSource } from './access'
import { readingOf } from './reading'
import { editedSummary, parseSummaryEdit } from './summaryEdit'

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'private, no-store', ...headers } })

const NOT_FOUND = 'Không tìm thấy văn bản, hoặc bạn không có quyền xem văn bản này.'
const idOf = (req: PayloadRequest) => String(req.routeParams?.id ?? '')

const reading = (source: SourceCollection): Endpoint => ({
  path: '/:id/reading',
  method: 'get',
  handler: async (req) => {
    const id = idOf(req)
    if (!(await canReadSource(req, source, id))) return json(404, { errors: [{ message: NOT_FOUND }] })
    return json(200, await readingOf(req.payload, source, id))
  },
})

/**
 * The one byte range to send (inclusive, inside `size`) for a Range header, parsed by `range-parser`: null when
 * unsatisfiable (416), undefined when absent, malformed or asking for several ranges (the whole file is sent).
 */
export function parseRange(header: string | null, size: number): { start: number; end: number } | null | undefined {
  if (!header) return undefined
  const ranges = rangeParser(size, header, { combine: true })
  if (ranges === -1) return null
  if (ranges === -2 || ranges.type !== 'bytes' || ranges.length !== 1) return undefined
  return { start: ranges[0].start, end: ranges[0].end }
}

const CHUNK = 64 * 1024

/**
 * The file's bytes `start`…`end` as a stream, read a chunk at a time as the listener's connection takes them:
 * never held whole. (Node 20's `Readable.toWeb` reads a file stream ahead without back-pressure, so the
 * stream pulls from the file handle itself.)
 */
function streamSlice(file: string, start: number, end: number): ReadableStream<Uint8Array> {
  let handle: FileHandle | undefined
  let position = start
  const finish = async () => {
    await handle?.close()
    handle = undefined
  }
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          handle ??= await open(file, 'r')
          const length = Math.min(CHUNK, end + 1 - position)
          const chunk = length > 0 ? Buffer.allocUnsafe(length) : null
          const { bytesRead } = chunk ? await handle.read(chunk, 0, length, position) : { bytesRead: 0 }
          if (!chunk || bytesRead === 0) {
            await finish()
            controller.close()
            return
          }
          position += bytesRead
          controller.enqueue(chunk.subarray(0, bytesRead))
        } catch (err) {
          await finish().catch(() => {})
          controller.error(err)
        }
      },
      cancel: finish,
    },
    { highWaterMark: 1 },
  )
}

const audio = (source: SourceCollection, kind: 'full' | 'summary'): Endpoint => ({
  path: `/:id/audio/${kind}.mp3`,
  method: 'get',
  handler: async (req) => {
    const id = idOf(req)
    if (!(await canReadSource(req, source, id))) return json(404, { errors: [{ message: NOT_FOUND }] })
    const record = await findOutput(req.payload, source, id)
    const track = record?.audio?.[kind]
    if (!track) return json(404, { errors: [{ message: 'Bản đọc chưa sẵn sàng. Văn bản đang được xử lý, hãy thử lại sau ít phút.' }] })
    const file = audioPath(track.file)
    let size: number
    try {
      size = (await stat(file)).size
    } catch {
      return json(404, { errors: [{ message: 'Bản đọc chưa sẵn sàng. Hãy thử lại sau ít phút.' }] })
    }
    const etag = `"${track.hash.slice(0, 32)}"`
    const headers: Record<string, string> = {
      'content-type': 'audio/mpeg',
      'accept-ranges': 'bytes',
      etag,
      'cache-control': 'private, max-age=3600',
    }
    if (req.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers })
    const ifRange = req.headers.get('if-range')
    const range = ifRange && ifRange !== etag ? undefined : parseRange(req.headers.get('range'), size)
    if (range === null) return new Response(null, { status: 416, headers: { ...headers, 'content-range': `bytes */${size}` } })
    if (range === undefined || size === 0) return new Response(size ? streamSlice(file, 0, size - 1) : null, { status: 200, headers: { ...headers, 'content-length': String(size) } })
    return new Response(streamSlice(file, range.start, range.end), {
      status: 206,
      headers: { ...headers, 'content-length': String(range.end - range.start + 1), 'content-range': `bytes ${range.start}-${range.end}/${size}` },
    })
  },
})

/** The source's own update rule for this user and record: editors and approvers of the issuer. */
async function mayUpdateSource(req: PayloadRequest, source: SourceCollection, id: string): Promise<boolean> {
  const rule = await req.payload.collections[source].config.access.update({ req, id } as never)
  if (rule === true) return true
  if (!rule || typeof rule !== 'object') return false
  return (await req.payload.count({ collection: source, where: { and: [{ id: { equals: id } }, rule] }, overrideAccess: true, req })).totalDocs > 0
}

/** Who may change what the pipeline made of a source: 401/404/403 as a Response, or null when allowed. */
async function refuseEditor(req: PayloadRequest, source: SourceCollection, id: string, action: string): Promise<Response | null> {
  if (!req.user) return json(401, { errors: [{ message: `Hãy đăng nhập để ${action}.` }] })
  if (!(await canReadSource(req, source, id))) return json(404, { errors: [{ message: NOT_FOUND }] })
  if (!(await mayUpdateSource(req, source, id))) return json(403, { errors: [{ message: `Chỉ biên tập viên, cấp ủy viên của cơ quan ban hành mới được ${action}.` }] })
  return null
}

const isPublished = async (req: PayloadRequest, source: SourceCollection, id: string) =>
  ((await req.payload.findByID({ collection: source, id, depth: 0, overrideAccess: true, req })) as unknown as { _status?: string })._status === 'published'

/** Editors and approvers of the issuer (the source's update access) may queue the pipeline again. */
const reprocess = (source: SourceCollection): Endpoint => ({
  path: '/:id/reprocess',
  method: 'post',
  handler: async (req) => {
    const id = idOf(req)
    const refused = await refuseEditor(req, source, id, 'xử lý lại văn bản này')
    if (refused) return refused
    if (!(await isPublished(req, source, id))) return json(400, { errors: [{ message: 'Văn bản chưa phát hành: hãy phát hành trước, hệ thống sẽ tự xử lý.' }] })
    const record = await ensureOutput(req.payload, source, id)
    await updateOutput(req.payload, record.id, { status: 'cho-xu-ly', stage: null, error: null })
    await queueProcessing(req.payload, source, id, { force: true, req })
    return json(202, { message: 'Đã đưa văn bản vào hàng đợi xử lý lại. Kết quả sẽ có sau ít phút.', status: 'cho-xu-ly' })
  },
})

/**
 * The editors' summary. `{ sentences: [...] }` replaces the summary with the editor's sentences and pins
 * it; `{ pinned: true }` pins the summary the pipeline made; `{ pinned: false }` lets the pipeline
 * summarise again. A new summary drops the old summary audio in the same update (never the audio of
 * another summary) and queues the pipeline, which reads the new one aloud.
 */
const summary = (source: SourceCollection): Endpoint => ({
  path: '/:id/summary',
  method: 'put',
  handler: async (req) => {
    const id = idOf(req)
    const refused = await refuseEditor(req, source, id, 'sửa tóm tắt của văn bản này')
    if (refused) return refused
    const parsed = parseSummaryEdit(await readJson(req))
    if (!parsed.ok) return json(400, { errors: [{ message: parsed.message }] })
    const record = await ensureOutput(req.payload, source, id)
    const published = await isPublished(req, source, id)
    const { sentences, pinned } = parsed.value
    if (sentences) {
      const next = editedSummary(sentences, record.reading, record.summary)
      const kept = record.audio?.full ? { full: record.audio.full } : {}
      await updateOutput(req.payload, record.id, { summary: next, summaryEdited: true, audio: kept })
      await removeAudio(audioFiles(record.audio).filter((f) => !audioFiles(kept).includes(f)))
      if (published) await queueProcessing(req.payload, source, id, { req })
      return json(200, { message: 'Đã lưu và ghim tóm tắt. Bản đọc tóm tắt sẽ được tạo lại sau ít phút.', summary: next, summaryPinned: true })
    }
    if (pinned) {
      if (!record.summary?.sentences?.length) return json(400, { errors: [{ message: 'Văn bản chưa có tóm tắt để ghim: hãy chờ hệ thống xử lý xong, hoặc tự nhập tóm tắt.' }] })
      await updateOutput(req.payload, record.id, { summaryEdited: true })
      return json(200, { message: 'Đã ghim tóm tắt: lần xử lý sau sẽ giữ nguyên tóm tắt này.', summary: record.summary, summaryPinned: true })
    }
    await updateOutput(req.payload, record.id, { summaryEdited: false })
    if (published) await queueProcessing(req.payload, source, id, { req })
    return json(200, { message: 'Đã bỏ ghim: hệ thống sẽ tóm tắt lại văn bản sau ít phút.', summary: record.summary ?? null, summaryPinned: false })
  },
})

export const pipelineEndpoints = (source: SourceCollection): Endpoint[] => [reading(source), audio(source, 'full'), audio(source, 'summary'), reprocess(source), summary(source)]
