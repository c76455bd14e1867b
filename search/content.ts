/**
 * What the search index holds for a document or news item: the mapping from a record to its unit.
 *
 * A document or news item is in the index exactly while it is published and released (its publishAt, if
 * any, has come) — the condition audience.ts puts on every reader but the writers — with the audience
 * tokens of ./scope. Its text comes from the document pipeline's structured output when one is complete
 * (a `document-outputs` record with status 'hoan-tat'), otherwise from the rich-text body, cut into
 * sections at headings and "Điều N". Keeping the index in line with the database: ./sync.
 */
import type { Payload, Where } from 'payload'
import { CONTENT_FIELDS, empty } from '../collections/Documents/publishing/audience'
import { refId } from '../src/lib/member/roles'
import type { Block, StructuredDocument } from '../src/lib/document/types'
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

// ---------------------------------------------------------------- every unit (rebuild)

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
