import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'
import { queueProcessing } from '../../workers/process-document'
import type { SourceCollection } from '../../workers/pipeline'

/** At most this many documents are read again after one change; "Xử lý lại" covers the rest. */
const MAX_REVOICED = 2000

/**
 * A new, changed or deleted entry changes how the documents that use its term sound: their pipeline is
 * queued again. Only speech is redone — the speak task's key holds the entries a text uses, so extraction
 * and summaries are skipped as unchanged, and documents without the term keep their audio.
 */
async function revoice(req: PayloadRequest, terms: string[]): Promise<void> {
  const wanted = [...new Set(terms.filter(Boolean))]
  if (wanted.length === 0) return
  const found = await req.payload.find({
    collection: 'document-outputs',
    where: { or: wanted.map((term) => ({ plainText: { like: term } })) },
    select: { source: true, sourceId: true },
    depth: 0,
    limit: MAX_REVOICED,
    overrideAccess: true,
    req,
  })
  for (const output of found.docs as { source?: SourceCollection; sourceId?: string }[])
    if (output.source && output.sourceId) await queueProcessing(req.payload, output.source, output.sourceId, { req })
  if (found.totalDocs > MAX_REVOICED)
    req.payload.logger.warn(`Từ điển phát âm: ${found.totalDocs} văn bản dùng "${wanted.join('", "')}"; mới đọc lại ${MAX_REVOICED}, hãy dùng "Xử lý lại" cho các văn bản còn lại.`)
}

export const revoiceAfterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  const changed = operation === 'create' || previousDoc?.term !== doc.term || previousDoc?.reading !== doc.reading
  if (changed) await revoice(req, [doc.term, operation === 'update' ? previousDoc?.term : ''])
  return doc
}

export const revoiceAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await revoice(req, [doc.term])
  return doc
}
