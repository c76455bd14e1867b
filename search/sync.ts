/**
 * Keeping the search index in line with the database, one record at a time: `syncSearch`, run once the
 * request that saved or deleted it is over (scheduleSearchSync), by the `index-search` job and by the sweep
 * of scheduled releases. What a record's unit holds: ./content; the rebuild: src/server/search.ts.
 */
import type { Payload } from 'payload'
import { CONTENT_FIELDS } from '../collections/Documents/publishing/audience'
import { databaseDiskGuard } from '../src/server/database'
import { diskGuard, isDiskError, type DiskGuard } from '../src/server/disk'
import { queueSearchWrite, searchDbPath, searchEngine, usingMeilisearch } from '../src/server/search'
import { settled } from '../src/server/transactions'
import { isSearchable, searchId, SEARCH_COLLECTIONS, structureOf, toSearchDoc, type ContentRecord, type SearchCollection } from './content'

// ---------------------------------------------------------------- syncing

/** Indexes the record when it is published and released, removes it otherwise (also when it is gone). */
export async function syncSearch(payload: Payload, collection: SearchCollection, id: string | number): Promise<'indexed' | 'removed'> {
  const engine = await searchEngine(payload)
  const record = (await payload.db.findOne({ collection, where: { id: { equals: id } } })) as ContentRecord | null
  const unit = searchId(collection, id)
  if (!record || !isSearchable(record)) {
    await queueSearchWrite(() => engine.remove([unit]))
    return 'removed'
  }
  const doc = toSearchDoc(collection, record, await structureOf(payload, collection, record.id))
  await queueSearchWrite(() => engine.index([doc]))
  return 'indexed'
}

// ---------------------------------------------------------------- after the request

type Pending = { payload: Payload; collection: SearchCollection; id: string; waitFor: Set<{ transactionID?: unknown }>; running: boolean; again: boolean }

const pending = new Map<string, Pending>()
const inFlight = new Set<Promise<void>>()
const RETRIES_MS = [250, 1000, 3000]

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** The store whose disk stopped taking writes, if that is what made a sync fail (src/server/disk.ts). */
function unwritableStore(payload: Payload, err: unknown): DiskGuard | undefined {
  if (!isDiskError(err) || usingMeilisearch()) return undefined
  return [diskGuard('chỉ mục tìm kiếm', searchDbPath()), databaseDiskGuard(payload)].find((guard) => guard?.status)
}

async function runWithRetry(p: Pending): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await syncSearch(p.payload, p.collection, p.id)
      return
    } catch (err) {
      // A full or read-only disk (logged once by its guard): synced again as soon as it takes writes.
      const disk = unwritableStore(p.payload, err)
      if (disk) return disk.whenWritable(() => scheduleSearchSync(p.payload, p.collection, p.id))
      if (attempt < RETRIES_MS.length) {
        await sleep(RETRIES_MS[attempt])
        continue
      }
      const queued = await queueIndexJob(p.payload, p.collection, p.id)
      p.payload.logger.error({
        err,
        msg: `Tìm kiếm: không cập nhật được chỉ mục cho ${p.collection === 'documents' ? 'văn bản' : 'tin'} ${p.id}${queued ? '; đã chuyển cho hàng đợi công việc nền' : '; chạy "sotay reindex" để đồng bộ lại'}.`,
      })
      return
    }
  }
}

/** Queues the index-search job when the jobs config has it (a worker process retries later). */
async function queueIndexJob(payload: Payload, collection: SearchCollection, id: string): Promise<boolean> {
  if (!payload.config.jobs?.tasks?.some((t) => t.slug === 'index-search')) return false
  try {
    await payload.jobs.queue({ task: 'index-search', input: { collection, id } } as never)
    return true
  } catch {
    return false
  }
}

/**
 * Syncs a record once the request that changed it has finished: on PostgreSQL after its transaction
 * has committed (or rolled back: the sync reads what the database holds either way). Repeated changes
 * to one record while a sync is pending or running coalesce into one more sync.
 */
export function scheduleSearchSync(payload: Payload, collection: SearchCollection, id: string | number, req?: { transactionID?: unknown }): void {
  const key = searchId(collection, id)
  const existing = pending.get(key)
  if (existing) {
    if (req) existing.waitFor.add(req)
    if (existing.running) existing.again = true
    return
  }
  const p: Pending = { payload, collection, id: String(id), waitFor: new Set(req ? [req] : []), running: false, again: false }
  pending.set(key, p)
  const run = (async () => {
    await new Promise((resolve) => setImmediate(resolve))
    do {
      await settled(p.payload, p.waitFor)
      p.again = false
      p.running = true
      p.waitFor.clear()
      await runWithRetry(p)
      p.running = false
    } while (p.again)
    pending.delete(key)
  })()
  inFlight.add(run)
  void run.finally(() => inFlight.delete(run))
}

/** Waits for every scheduled sync to finish (on shutdown, and in tools). */
export async function drainSearchSyncs(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight])
}

// ---------------------------------------------------------------- scheduled releases and moves

let sweptUntil: Date | undefined
/** The first sweep after start looks this far back (content whose time came while no server ran). */
const FIRST_SWEEP_LOOKBACK_MS = 30 * 86_400_000

/** Syncs the published content whose publishAt fell between the previous sweep and now. */
export async function sweepScheduled(payload: Payload, now = new Date()): Promise<number> {
  const since = sweptUntil ?? new Date(now.getTime() - FIRST_SWEEP_LOOKBACK_MS)
  let count = 0
  for (const collection of SEARCH_COLLECTIONS) {
    const found = await payload.db.find<{ id: string | number }>({
      collection,
      where: {
        and: [
          CONTENT_FIELDS.published,
          { publishAt: { greater_than: since.toISOString() } },
          { publishAt: { less_than_equal: now.toISOString() } },
        ],
      },
      select: { id: true },
      pagination: false,
    })
    for (const d of found.docs) scheduleSearchSync(payload, collection, d.id)
    count += found.docs.length
  }
  sweptUntil = now
  return count
}

/** Re-indexes what was issued inside the subtree of `orgId` (its paths, hence its oversight tokens, changed). */
export async function scheduleSubtreeSync(payload: Payload, orgId: string | number, req?: { transactionID?: unknown }): Promise<void> {
  // The moved node's id is on both its old and new paths: the query finds the same records before and after commit.
  for (const collection of SEARCH_COLLECTIONS) {
    const found = await payload.db.find<{ id: string | number }>({
      collection,
      where: { issuerPath: { contains: `/${orgId}/` } },
      select: { id: true },
      pagination: false,
    })
    for (const d of found.docs) scheduleSearchSync(payload, collection, d.id, req)
  }
}
