/**
 * What the member site shows, read through Payload's Local API under the reader's own access
 * (`overrideAccess: false, user`): a signed-out visitor sees only public items, a member what reaches
 * their branch. Reading state (saved, opened, listening position) is the member's own.
 */
import { headers } from 'next/headers'
import { createLocalReq, type Payload, type PayloadRequest, type Where } from 'payload'
import { cache } from 'react'
import { viewerOf } from '../../../../collections/Documents/publishing/viewer'
import { organizations } from '../../../../search/organizations'
import { scopeOf } from '../../../../search/scope'
import { cachedRead } from '../../../server/readCache'
import { searchEngine } from '../../../server/search'
import { authenticate, sitePayload } from './server'

export type Id = string | number
export type User = Record<string, any> & { id: Id; collection?: string }
export type DocRow = {
  id: Id
  number?: string | null
  title: string
  documentType?: string | null
  issuer?: { id: Id; name?: string } | Id | null
  issuedDate?: string | null
  effectiveDate?: string | null
  effectStatus?: string | null
  publishedAt?: string | null
}
export type NewsRow = { id: Id; title: string; summary?: string | null; issuer?: { id: Id; name?: string } | Id | null; publishedAt?: string | null }
export type State = {
  id: Id
  document?: Id | DocRow | null
  news?: Id | NewsRow | null
  saved?: boolean | null
  savedAt?: string | null
  openedAt?: string | null
  track?: 'full' | 'summary' | null
  positionMs?: number | null
  sentenceId?: string | null
  listenedAt?: string | null
}

/**
 * The signed-in account as Payload's auth strategies see it (with its collection), or null; once per
 * request (and kept between requests: `authenticate`). Only the strategies: `payload.auth()` would also
 * work out the reader's permissions on every collection, which no member page uses.
 */
export const currentUser = cache(async (): Promise<User | null> => {
  const payload = await sitePayload()
  return ((await authenticate({ headers: await headers(), payload })) as User | null) ?? null
})

export const isMember = (user: User | null) => !!user && (user.status === 'da-duyet' || !!user.systemAdmin)

const writeAs = (user: User | null) => ({ overrideAccess: false as const, user: user ?? undefined })

/**
 * One Payload request per page render and reader, shared by the page's reads: the reader's access
 * (their organisations, roles) is worked out once per page instead of once per query. Reads only: a
 * write gets its own request (and its own transaction on PostgreSQL).
 */
const readRequest = cache(async (key: string, user: User | null): Promise<PayloadRequest> => createLocalReq({ user: (user ?? undefined) as never }, await sitePayload()))

/** The reader's shared read request of this page render (see readRequest). */
export const readerRequest = (user: User | null): Promise<PayloadRequest> => readRequest(user ? String(user.id) : '', user)

/**
 * Everything the read rules of documents, news and forwards look at (src/server/readCache.ts): the
 * reader's viewer (their organisations and rights) without their id. Members of one branch with the same
 * roles share it, so what one of them loaded serves the others.
 */
export async function audienceKey(user: User | null): Promise<string> {
  if (!user) return 'khach'
  const { id: _id, ...rights } = await viewerOf(await readerRequest(user))
  return JSON.stringify(rights)
}

/**
 * `load` (a read under the reader's access) with its answers kept per audience and arguments, shared by
 * every reader of that audience (src/server/readCache.ts).
 */
function perAudience<A extends (string | number)[], T>(max: number, load: (user: User | null, ...args: A) => Promise<T>) {
  const read = cachedRead({ kind: 'content', max, key: (audience: string, _user: User | null, ...args: A) => [audience, ...args].join('|'), load: (_audience, user, ...args) => load(user, ...args) })
  return async (user: User | null, ...args: A): Promise<T> => read(await audienceKey(user), user, ...args)
}

async function as(user: User | null) {
  return { overrideAccess: false as const, user: user ?? undefined, req: await readerRequest(user) }
}

export const idOf = (ref: unknown): string | null =>
  ref == null ? null : typeof ref === 'object' ? String((ref as { id: Id }).id) : String(ref)

export const issuerName = (row: { issuer?: DocRow['issuer'] }) => (row.issuer && typeof row.issuer === 'object' ? (row.issuer.name ?? '') : '')

const DOC_LIST_SELECT = { number: true, title: true, documentType: true, issuer: true, issuedDate: true, effectStatus: true, publishedAt: true } as const
const NEWS_LIST_SELECT = { title: true, summary: true, issuer: true, publishedAt: true } as const
// Lists that show no page count read with `pagination: false` (their `limit` still holds): no count query.

const sharedLatest = perAudience(5_000, async (user, limit: number) => {
  const payload = await sitePayload()
  const [documents, news] = await Promise.all([
    payload.find({ collection: 'documents', ...(await as(user)), depth: 1, limit, pagination: false, sort: '-publishedAt', select: DOC_LIST_SELECT, populate: { organizations: { name: true } } }),
    payload.find({ collection: 'news', ...(await as(user)), depth: 1, limit: Math.min(limit, 4), pagination: false, sort: '-publishedAt', select: NEWS_LIST_SELECT, populate: { organizations: { name: true } } }),
  ])
  return { documents: documents.docs as unknown as DocRow[], news: news.docs as unknown as NewsRow[] }
})

/** Newest documents and news the reader may read. */
export const latest = (user: User | null, limit = 6) => sharedLatest(user, limit)

export type ForwardRow = { id: Id; note?: string | null; deadline?: string | null; document: DocRow; organization?: { name?: string } | null }

/** Documents forwarded to the reader's organisations, the nearest deadline first. */
export async function forwardedToMe(user: User | null, limit = 5): Promise<ForwardRow[]> {
  if (!isMember(user)) return []
  return sharedForwards(user, limit)
}

const sharedForwards = perAudience(5_000, async (user, limit: number): Promise<ForwardRow[]> => {
  const payload = await sitePayload()
  const found = await payload.find({
    collection: 'forwards',
    ...(await as(user)),
    depth: 1,
    limit,
    pagination: false,
    sort: 'deadline',
    select: { note: true, deadline: true, document: true, organization: true },
    populate: { documents: { number: true, title: true }, organizations: { name: true } },
  })
  return (found.docs as any[]).filter((f) => f.document && typeof f.document === 'object') as ForwardRow[]
})

/** The reader's rows of reading state for these documents and news items (by item id), in one query. */
export async function itemStates(user: User | null, ids: { documents?: Id[]; news?: Id[] }): Promise<{ documents: Map<string, State>; news: Map<string, State> }> {
  const documents = new Map<string, State>()
  const news = new Map<string, State>()
  const or: Where[] = []
  if (ids.documents?.length) or.push({ document: { in: ids.documents } })
  if (ids.news?.length) or.push({ news: { in: ids.news } })
  if (!user || or.length === 0) return { documents, news }
  const payload = await sitePayload()
  const found = await payload.find({ collection: 'reading-state', ...(await as(user)), depth: 0, pagination: false, where: { or } })
  for (const row of found.docs as unknown as State[]) {
    if (row.document != null) documents.set(String(idOf(row.document)), row)
    if (row.news != null) news.set(String(idOf(row.news)), row)
  }
  return { documents, news }
}

/** The reader's rows of reading state for these items (by item id). */
export async function statesFor(user: User | null, collection: 'documents' | 'news', ids: Id[]): Promise<Map<string, State>> {
  return (await itemStates(user, { [collection]: ids }))[collection]
}

/** Documents the reader was listening to, most recent first, with where they stopped. */
export async function continueListening(user: User | null, limit = 3): Promise<(State & { document: DocRow })[]> {
  if (!user) return []
  const payload = await sitePayload()
  const found = await payload.find({
    collection: 'reading-state',
    ...(await as(user)),
    depth: 1,
    limit,
    pagination: false,
    sort: '-listenedAt',
    where: { and: [{ listenedAt: { exists: true } }, { positionMs: { greater_than: 0 } }, { document: { exists: true } }] },
    populate: { documents: { number: true, title: true } },
  })
  return (found.docs as unknown as State[]).filter((s) => s.document && typeof s.document === 'object') as (State & { document: DocRow })[]
}

/** Documents the reader saved ("Lưu"), most recent first. */
export async function savedDocuments(user: User | null, limit = 20): Promise<(State & { document: DocRow })[]> {
  if (!user) return []
  const payload = await sitePayload()
  const found = await payload.find({
    collection: 'reading-state',
    ...(await as(user)),
    depth: 1,
    limit,
    pagination: false,
    sort: '-savedAt',
    where: { and: [{ saved: { equals: true } }, { document: { exists: true } }] },
    populate: { documents: { number: true, title: true } },
  })
  return (found.docs as unknown as State[]).filter((s) => s.document && typeof s.document === 'object') as (State & { document: DocRow })[]
}

export type LibraryQuery = { type?: string; issuer?: string; year?: string; status?: string; page?: number }

/** One page of the library under the filters. */
export async function library(user: User | null, q: LibraryQuery, limit = 20) {
  const payload = await sitePayload()
  const and: Where[] = []
  if (q.type) and.push({ documentType: { equals: q.type } })
  if (q.issuer) and.push({ issuer: { equals: q.issuer } })
  if (q.status) and.push({ effectStatus: { equals: q.status } })
  const year = Number(q.year)
  if (Number.isInteger(year) && year > 1900 && year < 3000)
    and.push({ issuedDate: { greater_than_equal: `${year}-01-01T00:00:00.000Z` } }, { issuedDate: { less_than: `${year + 1}-01-01T00:00:00.000Z` } })
  return payload.find({
    collection: 'documents',
    ...(await as(user)),
    depth: 1,
    limit,
    page: Math.max(1, q.page ?? 1),
    sort: '-issuedDate',
    where: and.length ? { and } : undefined,
    select: DOC_LIST_SELECT,
    populate: { organizations: { name: true } },
  })
}

/**
 * The issuers and years among the documents the reader may read (for the library's filters): the
 * facets of the search index under the reader's scope, one grouped query whatever the number of
 * documents — reading every readable document for them took seconds for a province's leaders. The
 * organisations the reader writes for are listed too (their drafts are not in the index). Should the
 * index not answer, the newest documents read from the database stand in.
 */
export async function libraryFacets(user: User | null): Promise<{ issuers: { id: string; name: string }[]; years: number[] }> {
  const payload = await sitePayload()
  const [viewer, orgs] = await Promise.all([readerRequest(user).then(viewerOf), organizations(payload)])
  const issuers = new Map<string, string>()
  const years = new Set<number>()
  try {
    const engine = await searchEngine(payload)
    const { facets } = await engine.search({ text: '', scope: scopeOf(viewer), filters: { kind: 'document' }, pageSize: 1 })
    for (const id of Object.keys(facets.issuer)) issuers.set(id, orgs.get(id)?.name ?? id)
    for (const year of Object.keys(facets.year)) years.add(Number(year))
  } catch (err) {
    payload.logger.warn({ err, msg: 'Bộ lọc thư viện: chỉ mục tìm kiếm chưa trả lời, dùng các văn bản mới nhất.' })
    const found = await payload.find({ collection: 'documents', ...(await as(user)), depth: 0, limit: 500, pagination: false, sort: '-issuedDate', select: { issuer: true, issuedDate: true } })
    for (const d of found.docs as unknown as DocRow[]) {
      const id = idOf(d.issuer)
      if (id) issuers.set(id, orgs.get(id)?.name ?? id)
      if (d.issuedDate) years.add(new Date(d.issuedDate).getUTCFullYear())
    }
  }
  if (!viewer.systemAdmin) for (const id of viewer.writable) issuers.set(id, orgs.get(id)?.name ?? id)
  return {
    issuers: [...issuers].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    years: [...years].filter(Number.isFinite).sort((a, b) => b - a),
  }
}

const sharedItem = perAudience(2_000, async (user, collection: 'documents' | 'news', id: string) => {
  const payload = await sitePayload()
  return (await payload.findByID({ collection, id, ...(await as(user)), depth: 1, disableErrors: true })) as Record<string, any> | null
})

/** One document under the reader's access (with the reader view: readable relations, forwards), or null. */
export const oneDocument = cache(async (user: User | null, id: string): Promise<Record<string, any> | null> => {
  if (!/^[\w-]{1,40}$/.test(id)) return null
  return sharedItem(user, 'documents', id)
})

export const oneNews = cache(async (user: User | null, id: string): Promise<Record<string, any> | null> => {
  if (!/^[\w-]{1,40}$/.test(id)) return null
  return sharedItem(user, 'news', id)
})

/**
 * Changes the reader's row for an item (created on first use). Through the Local API under their access,
 * so a row of another account can never be touched.
 */
export async function updateState(payload: Payload, user: User, collection: 'documents' | 'news', itemId: Id, data: Partial<State>): Promise<State> {
  const field = collection === 'documents' ? 'document' : 'news'
  const found = await payload.find({ collection: 'reading-state', ...writeAs(user), depth: 0, limit: 1, pagination: false, where: { [field]: { equals: itemId } } })
  const existing = found.docs[0] as unknown as State | undefined
  if (existing) return (await payload.update({ collection: 'reading-state', id: existing.id, ...writeAs(user), depth: 0, data: data as never })) as unknown as State
  try {
    return (await payload.create({ collection: 'reading-state', ...writeAs(user), depth: 0, data: { ...data, [field]: itemId } as never })) as unknown as State
  } catch (err) {
    // Two requests raced to create the row (unique key): change the one that won.
    const again = await payload.find({ collection: 'reading-state', ...writeAs(user), depth: 0, limit: 1, where: { [field]: { equals: itemId } } })
    const row = again.docs[0] as unknown as State | undefined
    if (!row) throw err
    return (await payload.update({ collection: 'reading-state', id: row.id, ...writeAs(user), depth: 0, data: data as never })) as unknown as State
  }
}

/** Marks an item opened the first time the reader opens it (for "chưa đọc"). */
export async function markOpened(user: User | null, collection: 'documents' | 'news', itemId: Id, state: State | undefined): Promise<void> {
  if (!user || state?.openedAt) return
  const payload = await sitePayload()
  await updateState(payload, user, collection, itemId, { openedAt: new Date().toISOString() }).catch(() => undefined)
}
