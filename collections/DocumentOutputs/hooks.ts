/**
 * The pipeline's trigger on documents and news: publishing, or changing the file or the body of a
 * published record, queues `process-document` (the tasks skip what did not change). The record of
 * outputs is created at once so that editors see "chờ xử lý".
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'
import { refId } from '../../src/lib/member/roles'
import { audioFiles, ensureOutput, findOutput, removeAudio, type SourceCollection } from '../../workers/pipeline'
import { queueProcessing } from '../../workers/process-document'

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

export const queuePipeline =
  (source: SourceCollection): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, operation, req }) => {
    if (doc?._status !== 'published') return doc
    const body = source === 'documents' ? 'content' : 'body'
    const changed =
      operation === 'create' ||
      previousDoc?._status !== 'published' ||
      !same(previousDoc?.[body], doc[body]) ||
      !same(previousDoc?.title, doc.title) ||
      (source === 'documents' && String(refId(previousDoc?.originalFile) ?? '') !== String(refId(doc.originalFile) ?? ''))
    if (!changed) return doc
    try {
      await ensureOutput(req.payload, source, doc.id)
      await queueProcessing(req.payload, source, doc.id, { req })
    } catch (err) {
      // The save itself succeeded; "xử lý lại" can queue it again.
      req.payload.logger.error({ err }, `Không đưa được ${source}:${doc.id} vào hàng đợi xử lý`)
    }
    return doc
  }

/** Deleting a document or news item deletes its outputs and their audio files. */
export const removeOutputs =
  (source: SourceCollection): CollectionAfterDeleteHook =>
  async ({ id, req }) => {
    try {
      const record = await findOutput(req.payload, source, id)
      if (!record) return
      await req.payload.delete({ collection: 'document-outputs', id: record.id, overrideAccess: true, req })
      await removeAudio(audioFiles(record.audio))
    } catch (err) {
      req.payload.logger.error({ err }, `Không xóa được kết quả xử lý của ${source}:${id}`)
    }
  }
