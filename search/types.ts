/**
 * The search contract shared by every engine (embedded SQLite FTS5, Meilisearch).
 *
 * Access control lives inside the engine: each indexed unit carries an `audience` (organisation ids
 * whose members may read it, plus {@link PUBLIC_AUDIENCE} when anyone may) and every query carries the
 * caller's {@link Scope}. The engine applies the scope in the same query that ranks, counts and builds
 * facets, so hits, totals and facet counts never reveal a document the caller cannot read.
 */

/** Audience token meaning "anyone, signed in or not, may read this". */
export const PUBLIC_AUDIENCE = 'public'

export type SearchKind = 'document' | 'news'

/** One part of a unit: an article ("Điều 3"), a chapter, a paragraph of a news item. */
export interface SearchSection {
  heading?: string
  text: string
}

/** The indexed unit: a document (văn bản) or a news item. */
export interface SearchDoc {
  id: string
  kind: SearchKind
  title: string
  /** Số hiệu, e.g. "339-QĐ/TW". */
  number?: string
  /** Loại văn bản (a code chosen by the caller, e.g. "quy-dinh"). */
  type?: string
  /** Cơ quan ban hành: organisation id. */
  issuer?: string
  year?: number
  /** Tình trạng hiệu lực (a code chosen by the caller, e.g. "con-hieu-luc"). */
  status?: string
  /** ISO 8601 date or date-time. */
  publishedAt?: string
  /** Organisation ids whose members may read the unit, plus PUBLIC_AUDIENCE for public units. */
  audience: string[]
  sections: SearchSection[]
}

/**
 * What the caller may read: the audience tokens they hold (PUBLIC_AUDIENCE plus the ids of every
 * organisation whose restricted units they may read), or `unrestricted` for system tasks and
 * super-administrators. There is deliberately no default.
 */
export type Scope = { audience: readonly string[] } | { unrestricted: true }

export interface SearchFilters {
  kind?: SearchKind
  type?: string
  issuer?: string
  /** Any of these issuers, e.g. every organisation within a province. */
  issuerIn?: readonly string[]
  year?: number
  status?: string
}

export type SearchSort = 'relevance' | 'newest'

export interface SearchQuery {
  /** What the user typed; anything is accepted (it is analysed, never passed through as syntax). */
  text: string
  scope: Scope
  filters?: SearchFilters
  /** Default 'relevance'; an empty text is always listed newest first. */
  sort?: SearchSort
  /** 1-based; default 1. */
  page?: number
  /** Default 10, at most MAX_PAGE_SIZE. */
  pageSize?: number
}

export const DEFAULT_PAGE_SIZE = 10
export const MAX_PAGE_SIZE = 100

/** Counts of matching readable units per value, for the facets shown beside the results. */
export interface SearchFacets {
  type: Record<string, number>
  issuer: Record<string, number>
  year: Record<string, number>
  status: Record<string, number>
}

export interface SearchHit {
  id: string
  kind: SearchKind
  title: string
  number?: string
  type?: string
  issuer?: string
  year?: number
  status?: string
  publishedAt?: string
  /** HTML-escaped title with matched words wrapped in <mark>…</mark>. */
  titleHtml: string
  /** The best-matching section; `snippet` is HTML-escaped text with matched words in <mark>…</mark>. */
  section?: { index: number; heading?: string; snippet: string }
}

export interface SearchResult {
  /** Number of matching units the caller may read. */
  total: number
  page: number
  pageSize: number
  hits: SearchHit[]
  facets: SearchFacets
  /** A corrected query for "Có phải bạn muốn tìm …", when some words were unknown and were corrected. */
  suggestion?: string
}

export interface SearchEngine {
  /** Adds or replaces units (by id). */
  index(docs: readonly SearchDoc[]): Promise<void>
  /** Removes units by id; unknown ids are ignored. */
  remove(ids: readonly string[]): Promise<void>
  search(query: SearchQuery): Promise<SearchResult>
  /** Replaces the whole index with the given units; returns how many were indexed. */
  reindexAll(docs: Iterable<SearchDoc> | AsyncIterable<SearchDoc>): Promise<number>
  clear(): Promise<void>
  close(): Promise<void>
}
