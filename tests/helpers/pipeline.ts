/** Waiting on the document pipeline in integration tests: polling, a source's output record, the queue. */
import type { Payload } from 'payload'

/** Polls `probe` every `everyMs` until it gives a value; fails after `timeoutMs`. */
export async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 240_000, everyMs = 300): Promise<T> {
  const started = Date.now()
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, everyMs))
  }
}

/** The pipeline's output record of a document or news item (document-outputs), if any yet. */
export const outputOf = async (payload: Payload, id: string | number, source = 'documents') =>
  (await payload.find({ collection: 'document-outputs', where: { key: { equals: `${source}:${id}` } }, overrideAccess: true, depth: 0 })).docs[0] as any

/** Resolves once no process-document job is left unfinished. */
export const pipelineQueueEmpty = (payload: Payload) =>
  until('the queue to empty', async () =>
    (await payload.count({ collection: 'payload-jobs', where: { and: [{ completedAt: { exists: false } }, { workflowSlug: { equals: 'process-document' } }] }, overrideAccess: true })).totalDocs === 0,
  )
