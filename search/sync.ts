/**
 * Keeping the search index in line with the database: one record at a time (`syncSearch`, run after a
 * save or delete, by the `index-search` job and by the sweep of scheduled releases) or everything at once
 * (`publishedSearchDocs`, read by the rebuild).
 *
 * A document or news item is in the index exactly while it is published and released (its publishAt, if
 * any, has come) — the condition audience.ts puts on every reader but the writers — with the audience
 * tokens of ./scope. Its text comes from the document pipeline's structured output when one is complete
 * (a `document-outputs` record with status 'hoan-tat'), otherwise from the rich-text body, cut into
 * sections at headings and "Điều N".
 */
import type { Payload, Where } from 'payload'
import { CONTENT_FIELDS, empty } from '../collections/Documents/publishing/audience'
import { refId } from '../src/lib/member/roles'
import type { Block, StructuredDocument } from '../src/lib/document/types'
import { databaseDiskGuard } from '../src/server/database'
import { diskGuard, isDiskError, type DiskGuard } from '../src/server/disk'
import { queueSearchWrite, searchDbPath, searchEngine, usingMeilisearch } from '../src/server/search'
import { audienceTokens } from './scope'
import type { SearchDoc, SearchKind, SearchSection } from './types'

export type SearchCollection = 'documents' | 'news'
export const SEARCH_COLLECTIONS: readonly SearchCollection[] = ['documents', 'news']

const KIND: Record<SearchCollection, SearchKind> = { documents: 'document', news: 'news' }
const COLLECTION: Record<SearchKind, SearchCollection> = { document: 'documents', news: 'news' }

/** The unit id in the index: documents and news share it, so the collection is part of the id. */
export const searchId = (collection: SearchCollection, id: string | number): string => `${collection}:${id}`

/** The record behind a unit id, or null for an id this module did not make. */
export function parseSearchId(unitId: string): { collection: SearchCollection; id: string } | null {
  const at = unitId.indexOf(':')
  const collection = unitId.slice(0, at) as SearchCollection
  if (at < 1 || !SEARCH_COLLECTIONS.includes(collection)) return null
  return { collection, id: unitId.slice(at + 1) }
}

export const collectionOfKind = (kind: SearchKind): SearchCollection => COLLECTION[kind]

/** Published and released at `now`, as a query (the same condition as audience.ts). */
export function publishedWhere(now: Date): Where {
  return {
    and: [CONTENT_FIELDS.published, { or: [...empty(CONTENT_FIELDS.publishAt), { [CONTENT_FIELDS.publishAt]: { less_than_equal: now.toISOString() } }] }],
  }
}

export type ContentRecord = Record<string, unknown> & { id: string | number }

export function isSearchable(record: ContentRecord, now = new Date()): boolean {
  if (record._status !== 'published') return false
  const at = record.publishAt
  if (at === null || at === undefined || at === '') return true
  const time = new Date(String(at)).getTime()
  return Number.isFinite(time) && time <= now.getTime()
}

// ---------------------------------------------------------------- text

const DIEU = /^Điều\s+\d+/i
const MAX_HEADING = 200

type LexicalNode = { type?: string; tag?: string; text?: string; children?: LexicalNode[] }

function nodeText(node: LexicalNode): string {
  if (typeof node.text === 'string') return node.text
  if (node.type === 'linebreak') return '\n'
  const children = node.children ?? []
  const sep = node.type === 'list' ? '\n' : ''
  return children.map(nodeText).join(sep)
}

const clean = (s: string) => s.replace(/[ \t\u00a0]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim()

/** Rich text cut into sections: a new one at every heading (h2, h3) and at every paragraph opening with "Điều N". */
export function lexicalSections(value: unknown): SearchSection[] {
  const root = (value as { root?: LexicalNode } | null)?.root
  if (!root || !Array.isArray(root.children)) return []
  const sections: SearchSection[] = []
  let current: { heading?: string; lines: string[] } = { lines: [] }
  const flush = () => {
    const text = clean(current.lines.join('\n'))
    if (text || current.heading) sections.push({ ...(current.heading ? { heading: current.heading } : {}), text })
  }
  for (const node of root.children) {
    const text = clean(nodeText(node))
    if (!text) continue
    const isHeading = node.type === 'heading' && (node.tag === 'h1' || node.tag === 'h2' || node.tag === 'h3')
    if (isHeading || DIEU.test(text)) {
      flush()
      const firstLine = text.split('\n')[0]
      current = isHeading ? { heading: firstLine.slice(0, MAX_HEADING), lines: text.split('\n').slice(1) } : { heading: firstLine.slice(0, MAX_HEADING), lines: [text] }
      continue
    }
    current.lines.push(text)
  }
  flush()
  return sections
}

function blockLines(blocks: Block[]): string[] {
  const lines: string[] = []
  for (const b of blocks) {
    if (b.type === 'paragraph') lines.push(b.bullet ? `${b.bullet} ${b.text}` : b.text)
    else {
      lines.push([b.marker, b.title].filter(Boolean).join(' '))
      lines.push(...blockLines(b.children))
    }
  }
  return lines
}

/** Kinds that hold articles: they become a heading section of their own, their Điều further sections. */
const CONTAINERS = new Set(['phan', 'chuong', 'muc', 'roman'])

/** The pipeline's structured text as sections: preamble, then every Điều (or top-level part) with its text. */
export function structureSections(doc: StructuredDocument): SearchSection[] {
  const sections: SearchSection[] = []
  if (doc.preamble?.length) sections.push({ text: doc.preamble.map((p) => p.text).join('\n') })
  let loose: string[] = []
  const flushLoose = () => {
    if (loose.length) sections.push({ text: loose.join('\n') })
    loose = []
  }
  const walk = (blocks: Block[]) => {
    for (const b of blocks) {
      if (b.type === 'paragraph') {
        loose.push(b.bullet ? `${b.bullet} ${b.text}` : b.text)
        continue
      }
      flushLoose()
      const heading = [b.marker, b.title].filter(Boolean).join(' ').slice(0, MAX_HEADING)
      if (CONTAINERS.has(b.kind) && b.children.some((c) => c.type === 'section')) {
        const own = b.children.filter((c) => c.type === 'paragraph')
        sections.push({ heading, text: blockLines(own).join('\n') })
        walk(b.children.filter((c) => c.type === 'section'))
      } else sections.push({ heading, text: blockLines(b.children).join('\n') })
    }
    flushLoose()
  }
  walk(doc.body ?? [])
  return sections.filter((s) => s.text || s.heading)
}

// ---------------------------------------------------------------- records → units

const yearOf = (iso: unknown): number | undefined => {
  if (typeof iso !== 'string' && !(iso instanceof Date)) return undefined
  const d = new Date(iso as string)
  return Number.isFinite(d.getTime()) ? d.getUTCFullYear() : undefined
}
const isoOf = (v: unknown): string | undefined => {
  if (!v) return undefined
  const d = new Date(v as string)
  return Number.isFinite(d.getTime()) ? d.toISOString() : undefined
}
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined)

/** The completed structured output of the pipeline for a record, when that collection exists and has one. */
export async function structureOf(payload: Payload, collection: SearchCollection, id: string | number): Promise<StructuredDocument | null> {
  return (await structuresOf(payload, collection, [id])).get(String(id)) ?? null
}

/** The search unit of a document or news record (read raw, depth 0). */
export function toSearchDoc(collection: SearchCollection, record: ContentRecord, structure?: StructuredDocument | null): SearchDoc {
  const issuer = refId(record.issuer as never)
  const audience = audienceTokens({ visibility: str(record.visibility), issuer: issuer ?? null, issuerPath: str(record.issuerPath) })
  const body = collection === 'documents' ? record.content : record.body
  let sections = structure ? structureSections(structure) : lexicalSections(body)
  if (collection === 'news' && str(record.summary)) sections = [{ text: str(record.summary)! }, ...sections]
  if (sections.length === 0) sections = [{ text: '' }]
  const base = {
    id: searchId(collection, record.id),
    kind: KIND[collection],
    title: str(record.title) ?? '',
    ...(issuer ? { issuer: String(issuer) } : {}),
    audience,
    sections,
  }
  if (collection === 'documents') {
    const publishedAt = isoOf(record.issuedDate) ?? isoOf(record.publishedAt)
    const year = yearOf(record.issuedDate) ?? (typeof record.numberYear === 'number' ? record.numberYear : undefined)
    return {
      ...base,
      ...(str(record.number) ? { number: str(record.number) } : {}),
      ...(str(record.documentType) ? { type: str(record.documentType) } : {}),
      ...(year !== undefined ? { year } : {}),
      ...(str(record.effectStatus) ? { status: str(record.effectStatus) } : {}),
      ...(publishedAt ? { publishedAt } : {}),
    }
  }
  const publishedAt = isoOf(record.publishAt) ?? isoOf(record.publishedAt) ?? isoOf(record.createdAt)
  const year = yearOf(publishedAt)
  return { ...base, ...(year !== undefined ? { year } : {}), ...(publishedAt ? { publishedAt } : {}) }
}

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

const PAGE = 200

/** Every published, released document and news item, as units (for a rebuild). */
export async function* publishedSearchDocs(payload: Payload, now = new Date()): AsyncGenerator<SearchDoc> {
  for (const collection of SEARCH_COLLECTIONS) {
    for (let page = 1; ; page++) {
      const found = await payload.db.find<ContentRecord>({ collection, where: publishedWhere(now), sort: 'id', limit: PAGE, page, pagination: true })
      const outputs = await structuresOf(payload, collection, found.docs.map((d) => d.id))
      for (const record of found.docs) yield toSearchDoc(collection, record, outputs.get(String(record.id)))
      if (!found.hasNextPage) break
    }
  }
}

async function structuresOf(payload: Payload, collection: SearchCollection, ids: (string | number)[]): Promise<Map<string, StructuredDocument>> {
  const map = new Map<string, StructuredDocument>()
  if (!payload.collections['document-outputs'] || ids.length === 0) return map
  let found: { docs: { sourceId?: unknown; structure?: unknown }[] }
  try {
    found = await payload.db.find<{ sourceId?: unknown; structure?: unknown }>({
      collection: 'document-outputs',
      where: { and: [{ source: { equals: collection } }, { sourceId: { in: ids.map(String) } }, { status: { equals: 'hoan-tat' } }] },
      sort: 'updatedAt',
      pagination: false,
    })
  } catch (err) {
    // The pipeline's outputs are an enrichment: without them the rich-text body is indexed.
    payload.logger.warn({ err, msg: 'Tìm kiếm: không đọc được kết quả xử lý văn bản; dùng nội dung soạn thảo.' })
    return map
  }
  for (const d of found.docs) {
    const s = d.structure as StructuredDocument | undefined
    if (s && typeof s === 'object' && Array.isArray(s.body)) map.set(String(d.sourceId), s)
  }
  return map
}

// ---------------------------------------------------------------- after the request

type Pending = { payload: Payload; collection: SearchCollection; id: string; waitFor: Set<{ transactionID?: unknown }>; running: boolean; again: boolean }

const pending = new Map<string, Pending>()
const inFlight = new Set<Promise<void>>()
const RETRIES_MS = [250, 1000, 3000]
const TRANSACTION_WAIT_MS = 60_000
/** How long a COMMIT already sent may take before a sync reads anyway. */
const COMMIT_WAIT_MS = 5_000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Where the request's transaction stands. Payload keeps the promise of beginTransaction() on the request
 * and replaces it with the id once there is one (adapters without transactions, SQLite here, resolve it to
 * null). The PostgreSQL adapter drops its session *before* it sends COMMIT, and Payload deletes
 * `req.transactionID` only once COMMIT has returned: a request whose session is gone but which still holds
 * its id is committing, and a read on another connection would not see its changes yet.
 */
async function transactionState(payload: Payload, req: { transactionID?: unknown }): Promise<'open' | 'committing' | 'done'> {
  let id = req.transactionID as unknown
  // A thenable rather than `instanceof Promise`: the promise may come from another realm (test runners).
  if (id && typeof id === 'object' && typeof (id as { then?: unknown }).then === 'function') id = await Promise.resolve(id).catch(() => null)
  if (typeof id !== 'string' && typeof id !== 'number') return 'done'
  if (!req.transactionID) return 'done'
  const sessions = (payload.db as unknown as { sessions?: Record<string, unknown> }).sessions
  if (!sessions || String(id) in sessions) return 'open'
  return 'committing'
}

/** Resolves once none of the requests has an open or committing transaction (PostgreSQL: committed or rolled back). */
async function settled(payload: Payload, reqs: Set<{ transactionID?: unknown }>): Promise<void> {
  const deadline = Date.now() + TRANSACTION_WAIT_MS
  for (const req of reqs) {
    let committingSince: number | undefined
    for (;;) {
      const state = await transactionState(payload, req)
      if (state === 'done' || Date.now() >= deadline) break
      if (state === 'committing') {
        committingSince ??= Date.now()
        // A request that would keep its id after its session ended (not seen): read anyway after a while.
        if (Date.now() - committingSince >= COMMIT_WAIT_MS) break
      }
      await sleep(5)
    }
  }
}

/** Resolves once the request's transaction (if any) has committed or rolled back. */
export const afterTransaction = (payload: Payload, req: { transactionID?: unknown }): Promise<void> =>
  new Promise<void>((resolve) => setImmediate(resolve)).then(() => settled(payload, new Set([req])))

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
