/**
 * What a reader sees around a document: its relations to documents they may read (others are dropped,
 * not even an id remains), and — when one document is opened — the readable documents that relate to it
 * ("bị thay thế bởi…") and the forwarding notes addressed to them.
 */
import type { CollectionAfterReadHook, PayloadRequest } from 'payload'
import { refId } from '../../src/lib/member/roles'
import { forwardsReadWhere } from './Forwards'
import { viewerOf } from './publishing/viewer'
import { readableIds, RELATION_TYPES, type Relation } from './relations'

type Summary = { id: string | number; number?: string | null; title?: string | null; issuedDate?: string | null; effectStatus?: string | null }
const summary = (d: Summary) => ({ id: d.id, number: d.number ?? null, title: d.title ?? null, issuedDate: d.issuedDate ?? null, effectStatus: d.effectStatus ?? null })

/** Relations to documents the reader may read; a populated target was already read under their access. */
async function readableRelations(req: PayloadRequest, rows: Relation[]): Promise<Relation[]> {
  const unresolved = rows.filter((r) => typeof r.target !== 'object' || r.target === null).map((r) => refId(r.target as never)).filter((t): t is string => !!t)
  const readable = await readableIds(req, [...new Set(unresolved)])
  return rows.filter((r) => (typeof r.target === 'object' && r.target !== null ? true : readable.has(String(refId(r.target as never)))))
}

/**
 * Readable documents that state a relation to `id`, with the relation seen from this side: the rows come
 * from the database, the summaries from a read under the reader's access (two queries, however many).
 */
async function incomingRelations(req: PayloadRequest, id: string) {
  const sources = await req.payload.db.find<{ id: string | number; relations?: Relation[] }>({
    collection: 'documents',
    where: { 'relations.target': { equals: id } },
    select: { relations: true },
    pagination: false,
    req,
  })
  if (sources.docs.length === 0) return []
  const readable = await req.payload.find({
    collection: 'documents',
    where: { id: { in: sources.docs.map((s) => s.id) } },
    select: { number: true, title: true, issuedDate: true, effectStatus: true },
    depth: 0,
    pagination: false,
    overrideAccess: false,
    req,
  })
  const summaries = new Map((readable.docs as unknown as Summary[]).map((d) => [String(d.id), summary(d)]))
  return sources.docs.flatMap((source) =>
    (source.relations ?? [])
      .filter((r) => refId(r.target as never) === id && summaries.has(String(source.id)))
      .map((r) => ({ type: r.type, label: RELATION_TYPES[r.type].inverse, partial: !!r.partial, document: summaries.get(String(source.id))! })),
  )
}

/** Forwarding notes on `id` that the reader may read (those addressed to their organisations). */
async function forwardsOf(req: PayloadRequest, id: string) {
  if (forwardsReadWhere(await viewerOf(req)) === false) return []
  const found = await req.payload.find({
    collection: 'forwards',
    where: { document: { equals: id } },
    select: { organization: true, note: true, deadline: true, createdAt: true },
    depth: 1,
    pagination: false,
    overrideAccess: false,
    sort: 'createdAt',
    req,
  })
  return found.docs.map((f: any) => ({
    id: f.id,
    organization: typeof f.organization === 'object' && f.organization ? { id: f.organization.id, name: f.organization.name } : f.organization,
    note: f.note ?? null,
    deadline: f.deadline ?? null,
    createdAt: f.createdAt,
  }))
}

export const documentReaderView: CollectionAfterReadHook = async ({ doc, req, findMany, overrideAccess }) => {
  if (overrideAccess) return doc
  if (Array.isArray(doc.relations) && doc.relations.length > 0) doc.relations = await readableRelations(req, doc.relations)
  if (!findMany && doc.id != null) {
    doc.incomingRelations = await incomingRelations(req, String(doc.id))
    doc.forwards = await forwardsOf(req, String(doc.id))
  }
  return doc
}
