/**
 * Workflow `process-document`: extract → summarise → speak → publish (one atomic swap) → search index,
 * for one document or news item. Each task is keyed by the hash of its input and skips unchanged work;
 * Payload keeps each finished task's output, so a job taken up again after a crash resumes where it
 * stopped. Two workers never process the same source at once: the workflow runs under the source's lease
 * (workers/locks.ts); a job that finds it taken is queued again a little later.
 */
import type { Payload, PayloadRequest, WorkflowConfig } from 'payload'
import { acquire } from './locks'
import { pipelineInputSchema, type PipelineInput } from './extract-text'
import { documentLockKey, type SourceCollection } from './pipeline'

/** Lease of one source while its pipeline runs; renewed every third of it. */
export const DOCUMENT_LEASE_MS = 45_000
/** Delay before a job that found its source busy is tried again. */
const BUSY_RETRY_MS = 10_000

type TaskRunner = (id: string, args: { input: Record<string, unknown> }) => Promise<Record<string, any>>

/** Queues the pipeline for a source (the trigger hooks, the reprocess endpoint, the demo). */
export async function queueProcessing(payload: Payload, source: SourceCollection, id: string | number, options: { force?: boolean; waitUntil?: Date; req?: PayloadRequest } = {}) {
  return payload.jobs.queue({
    workflow: 'process-document' as never,
    input: { source, id: String(id), ...(options.force ? { force: true } : {}) } as never,
    ...(options.waitUntil ? { waitUntil: options.waitUntil } : {}),
    ...(options.req ? { req: options.req } : {}),
  })
}

export const processDocumentWorkflow: WorkflowConfig<'process-document'> = {
  slug: 'process-document',
  label: 'Xử lý văn bản (trích, tóm tắt, đọc, chỉ mục)',
  inputSchema: pipelineInputSchema,
  retries: 2,
  handler: async ({ job, tasks, req }) => {
    const { payload } = req
    const input = job.input as unknown as PipelineInput
    const lease = await acquire(payload, documentLockKey(input.source, input.id), DOCUMENT_LEASE_MS)
    if (!lease) {
      // Another worker is processing this source: try again once it is done.
      await queueProcessing(payload, input.source, input.id, { force: input.force, waitUntil: new Date(Date.now() + BUSY_RETRY_MS) })
      return
    }
    const timer = setInterval(() => void lease.renew().catch(() => {}), DOCUMENT_LEASE_MS / 3)
    try {
      const run = tasks as unknown as Record<string, TaskRunner>
      const base = { source: input.source, id: input.id, ...(input.force ? { force: true } : {}) }
      const extracted = await run['extract-text']('extract', { input: base })
      if (extracted.failed) return
      const { extractHash } = extracted
      const { summaryHash } = await run.summarize('summarize', { input: { ...base, extractHash } })
      const { fullHash, summaryAudioHash } = await run.speak('speak', { input: { ...base, extractHash, summaryHash } })
      await run['publish-outputs']('publish', { input: { ...base, extractHash, summaryHash, fullHash, summaryAudioHash } })
      if (run['index-search']) await run['index-search']('index', { input: { collection: input.source, id: input.id } })
    } finally {
      clearInterval(timer)
      await lease.release().catch(() => {})
    }
  },
}
