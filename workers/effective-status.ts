/**
 * Jobs task `effective-status`: "chưa có hiệu lực" → "còn hiệu lực" on the day a document's ngày hiệu lực
 * arrives (calendar days in Vietnam time, collections/Documents/dates.ts). Scheduled daily, and queued once
 * when the server starts (a server that was down at midnight catches up).
 *
 * The status is written straight to the document and to its latest version (what the admin edits) through
 * the database adapter: time passing is not an editorial change, so no new version appears in the history,
 * and the publishing rules (who may change a published document) do not apply to the platform itself.
 * Only documents still marked "chưa có hiệu lực" are touched, so running it again changes nothing. Each
 * changed document is re-indexed for search (its status is a filter and a facet there).
 */
import type { Payload, PayloadRequest, TaskConfig, Where } from 'payload'
import { storedDay, today } from '../collections/Documents/dates'
import { forgetReadsEverywhere } from '../src/server/readCache'
import { scheduleSearchSync } from '../search/sync'

export const EFFECTIVE_STATUS_TASK = 'effective-status'
const BATCH = 200

type Row = { id: string | number }
type VersionRow = { id: string | number; version: Record<string, unknown> }

/** Documents still "chưa có hiệu lực" whose ngày hiệu lực is on or before `day` ("YYYY-MM-DD"). */
const dueWhere = (day: string): Where => ({
  and: [{ effectStatus: { equals: 'chua-co-hieu-luc' } }, { effectiveDate: { less_than_equal: storedDay(day) } }],
})

/**
 * Moves every document whose ngày hiệu lực has arrived (on `now`, Vietnam time) to "còn hiệu lực".
 * Returns how many documents changed; 0 when run again the same day.
 */
export async function promoteEffectiveDocuments(payload: Payload, { now = new Date(), req }: { now?: Date; req?: PayloadRequest } = {}): Promise<number> {
  const where = dueWhere(today(now))
  let changed = 0
  for (;;) {
    const { docs } = await payload.db.find<Row>({ collection: 'documents', where, limit: BATCH, pagination: false, sort: 'id', req })
    let changedNow = 0
    for (const doc of docs) {
      // Conditional on the status it still has: a document an editor changed meanwhile is left alone.
      const updated = await payload.db.updateMany({
        collection: 'documents',
        where: { and: [{ id: { equals: doc.id } }, { effectStatus: { equals: 'chua-co-hieu-luc' } }] },
        data: { effectStatus: 'con-hieu-luc' },
        req,
      })
      if ((updated?.length ?? 0) === 0) continue
      changedNow++
      // Written without hooks: the search index (its "còn hiệu lực" filter and facet) is told here.
      scheduleSearchSync(payload, 'documents', doc.id, req)
      const { docs: latest } = await payload.db.findVersions<VersionRow>({
        collection: 'documents',
        where: { and: [{ parent: { equals: doc.id } }, { latest: { equals: true } }] },
        limit: 1,
        pagination: false,
        req,
      })
      const version = latest[0] as unknown as VersionRow | undefined
      if (version && version.version?.effectStatus === 'chua-co-hieu-luc')
        await payload.db.updateVersion({ collection: 'documents', id: String(version.id), versionData: { ...version.version, effectStatus: 'con-hieu-luc' } as never, req })
    }
    changed += changedNow
    // Done when the last batch was not full, or nothing in it could be changed (never loop forever).
    if (docs.length < BATCH || changedNow === 0) break
  }
  if (changed > 0) {
    payload.logger.info(`Đã chuyển ${changed} văn bản sang "Còn hiệu lực" (đến ngày hiệu lực).`)
    // Written without hooks: the member site's copies of what changed go here (other processes: within 10 s).
    forgetReadsEverywhere('content')
  }
  return changed
}

/** Queues one run now unless one is already waiting or running (the "run once at start"). */
export async function queueEffectiveStatus(payload: Payload): Promise<void> {
  const pending = await payload.db.find<Row>({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: EFFECTIVE_STATUS_TASK } }, { completedAt: { exists: false } }, { hasError: { not_equals: true } }] },
    limit: 1,
    pagination: false,
  })
  if (pending.docs.length === 0) await payload.jobs.queue({ task: EFFECTIVE_STATUS_TASK as never, input: {} as never })
}

export const effectiveStatusTask: TaskConfig<'effective-status'> = {
  slug: EFFECTIVE_STATUS_TASK,
  label: 'Cập nhật tình trạng hiệu lực theo ngày hiệu lực',
  // Daily just after midnight in Vietnam: 00:01 on a server kept in Vietnam time, 17:01 UTC (= 00:01 in
  // Vietnam) on a server kept in UTC. The task is idempotent, so the other run of the day changes nothing.
  schedule: [{ cron: '0 1 0,17 * * *', queue: 'default' }],
  outputSchema: [{ name: 'changed', type: 'number' }],
  retries: 2,
  handler: async ({ req }) => ({ output: { changed: await promoteEffectiveDocuments(req.payload, { req }) } }),
}
