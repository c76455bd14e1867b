/**
 * Embedded search engine: SQLite FTS5 through @libsql/client, in one file (or in memory).
 *
 * Layout. `docs` holds one row per unit (its fields and parsed document number); `sections` the original
 * text of each section; `fts` is a contentless FTS5 table with one row per section. A section's key —
 * its rowid in both `sections` and `fts` — is `unit rowid × SECTION_SLOTS + position`, so the unit of
 * any FTS row is a division away. FTS columns:
 *
 *   t_exact, t_fold, t_pair  the unit's title and number (repeated on each of its sections)
 *   b_exact, b_fold, b_pair  the section's heading and text
 *   meta                     scope and filter tokens (audience, kind, type, issuer, year, status)
 *
 * (`exact`: accented syllables; `fold`: the same without diacritics; `pair`: folded pairs of adjacent
 * syllables as single tokens, "_ky_luat".)
 *
 * Text is analysed in JavaScript (analysis.ts) and stored as space-separated syllables, so FTS5 only
 * splits on spaces ('ascii' tokenizer) and never sees user syntax. The caller's scope and filters are
 * part of the same MATCH expression as the words, so ranking, totals and facets only ever see rows the
 * caller may read.
 *
 * Ranking. Each section is scored with FTS5's BM25 over weighted columns; a unit scores as its best
 * section, which is also the section returned. A query word matches its accented form (when the query
 * has diacritics) and its folded form, so an exact match collects both and ranks above a folded-only
 * one; adjacent query syllables are also searched as pairs, which rewards the multi-syllable words
 * Vietnamese is made of. Short queries require every content word (falling back to any word when nothing
 * matches). Long ones (questions) match any word and let BM25 rank; to bound the work on large
 * collections they keep only their most selective words and pairs (see `selective`). A document number
 * named by the query ("quy định 339", "339-QĐ/TW") orders units whose own number agrees first.
 *
 * FTS5's bm25() counts the rows holding each phrase of the query again on every search, walking whole
 * posting lists (those of common syllables span nearly every row). When the ranking extension is built
 * (./rank), reads go through a connection that has it, and the score is the same BM25 computed from those
 * counts as kept here per index version (`frequencies`, `rows`).
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { isMainThread } from 'node:worker_threads'
import { createClient, type Client, type InStatement, type InValue, type Transaction } from '@libsql/client'
import { fold } from '../src/lib/vi/text'
import { diskGuard, type DiskGuard } from '../src/server/disk'
import { AnswerCache, answerCapacity, audienceOf } from './answers'
import { contentTerms, indexStreams, pairToken, planQuery, type QueryPlan } from './analysis'
import { issuerLevel, parseDocNumber } from './docnumber'
import { allWords, anyOf, metaFilter, metaTokens, phrasesIn, phrasesOf, textQuery, type Phrase } from './fts-query'
import { openRankedReader, type ReadConnection } from './rank'
import { highlightAll, markSetFor, snippet, type MarkSet } from './highlight'
import { ACCENTED_LETTERS, FOLDED_LETTERS, bestCorrections, correctable, editsWithinOne } from './typo'
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type SearchDoc,
  type SearchEngine,
  type SearchFacets,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
  type SearchSection,
  type SearchSort,
} from './types'

/** BM25 column weights: t_exact, t_fold, t_pair, b_exact, b_fold, b_pair (meta always weighs 0). */
export type ColumnWeights = readonly [number, number, number, number, number, number]

export interface EmbeddedOptions {
  /** File path of the database, or ':memory:'. */
  path: string
  /**
   * 'tuned' (default): everything described above. 'plain': the reference baseline — BM25 over single
   * syllables (accented when the query is, folded otherwise), any word matches, title and text alike.
   */
  ranking?: 'tuned' | 'plain'
  weights?: ColumnWeights
  /** Answers kept for repeated searches (0: none); see ./answers. Default 2000, or SEARCH_RESULT_CACHE. */
  resultCache?: number
}

const TUNED_WEIGHTS: ColumnWeights = [2.5, 1.5, 1.5, 1, 1, 1]
const PLAIN_WEIGHTS: ColumnWeights = [1, 1, 1, 1, 1, 1]
/** Queries with at most this many content words require all of them. */
const AND_MAX_TERMS = 6
/** Long queries keep their rarest phrases while the rows those match add up to at most this. */
const PRUNE_ROWS = 5000
/** Sections per unit; further sections are merged into the last one. */
const SECTION_SLOTS = 4096
/** How many term counts are kept at most (see `frequencies`). */
const COUNTS_MAX = 100_000
/** Prepared read statements kept by the ranking connection. */
const STATEMENTS_MAX = 500
/** Units per write transaction. */
const WRITE_BATCH = 250
/** Most of the index file mapped into memory (see `open`). */
const MMAP_BYTES = 4 * 1024 ** 3
/** Bound parameters per statement (SQLite allows 32,766). */
const MAX_PARAMS = 30_000

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS docs (
     n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, title TEXT NOT NULL,
     number TEXT, type TEXT, issuer TEXT, year INTEGER, status TEXT, published_at TEXT,
     num TEXT, code TEXT, org TEXT, level INTEGER NOT NULL DEFAULT 0)`,
  `CREATE TABLE IF NOT EXISTS sections (key INTEGER PRIMARY KEY, heading TEXT, text TEXT NOT NULL)`,
  `CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5 (t_exact, t_fold, t_pair, b_exact, b_fold, b_pair, meta,
     content='', contentless_delete=1, tokenize="ascii tokenchars '_'", prefix='2 3')`,
  `CREATE VIRTUAL TABLE IF NOT EXISTS fts_vocab USING fts5vocab (fts, 'row')`,
  `CREATE TABLE IF NOT EXISTS stats (key TEXT PRIMARY KEY, value INTEGER NOT NULL)`,
]

type Row = Record<string, unknown>
type SqlPart = { sql: string; args: InValue[] }
type PageRow = { doc: number; sid: number | null }
type Selection = { total: number; facets: SearchFacets; rows: PageRow[] }
type Fixes = Map<number, string[]>
/** Rows (sections) holding each looked-up term. */
type Frequencies = Map<string, number>

export class EmbeddedSearchEngine implements SearchEngine {
  /** Rows holding each term (see `frequencies`). */
  private counts: Frequencies = new Map()
  /** Whether the index holds a longer word than each stem (see `withoutIdlePrefix`). */
  private extensions = new Map<string, boolean>()
  /** The index version `counts` and `extensions` were read at: both are emptied when it changes (`searchNow`). */
  private keptAt = -1
  private statements = new Map<string, ReturnType<ReadConnection['prepare']>>()

  private constructor(
    private readonly db: Client,
    private readonly ranking: 'tuned' | 'plain',
    private readonly weights: ColumnWeights,
    private readonly answers: AnswerCache,
    /** Read connection with the ranking extension (./rank), when it is built; reads go through it. */
    private readonly reader: ReadConnection | undefined,
    /** Whether the file can be written; checked before every statement (src/server/disk.ts says why). */
    private readonly disk: DiskGuard | undefined,
  ) {}

  static async open(options: EmbeddedOptions): Promise<EmbeddedSearchEngine> {
    const inMemory = options.path === ':memory:'
    if (!inMemory) mkdirSync(path.dirname(path.resolve(options.path)), { recursive: true })
    // Threads report nothing themselves: the main thread's guard has already logged (see ./threads).
    const disk = inMemory ? undefined : diskGuard('chỉ mục tìm kiếm', options.path, { quiet: !isMainThread })
    disk?.check()
    // `timeout`: busy timeout (ms) of every pooled connection, so that a worker process and the web server can
    // both write the file (libsql reads it at run time; its Config type does not declare it).
    const db = createClient(Object.assign({ url: inMemory ? ':memory:' : `file:${path.resolve(options.path)}` }, { timeout: 10_000 }))
    if (!inMemory) {
      await db.execute('PRAGMA journal_mode = WAL')
      await db.execute('PRAGMA synchronous = NORMAL') // the index can always be rebuilt from the CMS
      // Reads map the file instead of copying every page through each connection's small page cache (the
      // index is larger than the cache). Address space only: the OS shares the pages between threads.
      await db.execute(`PRAGMA mmap_size = ${MMAP_BYTES}`)
    }
    await db.batch(SCHEMA, 'write')
    const ranking = options.ranking ?? 'tuned'
    const resultCache = options.resultCache ?? answerCapacity()
    const reader = inMemory ? undefined : openRankedReader(path.resolve(options.path))
    reader?.exec(`PRAGMA mmap_size = ${MMAP_BYTES}`)
    return new EmbeddedSearchEngine(db, ranking, options.weights ?? (ranking === 'plain' ? PLAIN_WEIGHTS : TUNED_WEIGHTS), new AnswerCache(resultCache), reader, disk)
  }

  /** Throws DiskUnavailable when the index file cannot be written (then nothing may touch it). */
  checkDisk(): void {
    this.disk?.check()
  }

  // ---------------------------------------------------------------- writing

  async index(docs: readonly SearchDoc[]): Promise<void> {
    const latest = [...new Map(docs.map((d) => [String(d.id), d])).values()]
    for (let i = 0; i < latest.length; i += WRITE_BATCH) {
      const batch = latest.slice(i, i + WRITE_BATCH)
      await this.write(batch.map((d) => String(d.id)), batch)
    }
  }

  async remove(ids: readonly string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += WRITE_BATCH) await this.write(ids.slice(i, i + WRITE_BATCH).map(String), [])
  }

  /**
   * Replaces the whole index while it stays searchable: every unit given is upserted batch by batch,
   * then the units that were not given are removed and the full-text index is optimised and checkpointed.
   */
  async reindexAll(docs: Iterable<SearchDoc> | AsyncIterable<SearchDoc>): Promise<number> {
    const seen = new Set<string>()
    let batch: SearchDoc[] = []
    for await (const doc of docs) {
      batch.push(doc)
      seen.add(String(doc.id))
      if (batch.length === WRITE_BATCH) {
        await this.index(batch)
        batch = []
      }
    }
    await this.index(batch)
    const stale = (await this.all('SELECT id FROM docs', [])).map((r) => String(r.id)).filter((id) => !seen.has(id))
    await this.remove(stale)
    await this.serially(async () => {
      await this.db.execute(`INSERT INTO fts (fts) VALUES ('optimize')`)
      await this.db.execute('PRAGMA wal_checkpoint(TRUNCATE)') // fold the bulk write into the file
    })
    return seen.size
  }

  async clear(): Promise<void> {
    await this.serially(() => this.db.batch(['DELETE FROM fts', 'DELETE FROM sections', 'DELETE FROM docs', `DELETE FROM stats WHERE key <> 'writes'`, countWrite()], 'write'))
    this.counts = new Map()
    this.answers.clear()
  }

  async close(): Promise<void> {
    // Closing the last connection checkpoints, through the shared memory that now kills the process:
    // with an unwritable file the connections are left to the process's end.
    if (this.disk && !this.disk.usable()) return
    this.statements.clear()
    this.reader?.close()
    this.db.close()
  }

  private writing: Promise<unknown> = Promise.resolve()

  /**
   * Runs writes of this engine one after another. libsql gives each transaction its own connection and begins
   * it IMMEDIATE, so a second write transaction started while one is open in this process failed at once with
   * SQLITE_BUSY (seen as index updates arriving seconds late when a document and its relations synced together).
   */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    // A full disk is noted (and logged once) by the guard, for the sync to wait for it.
    const run = this.writing.then(() => (this.disk ? this.disk.guarded(work) : work()))
    this.writing = run.catch(() => undefined)
    return run
  }

  /** Removes the units `ids` and inserts `docs`, in one transaction. */
  private write(ids: string[], docs: readonly SearchDoc[]): Promise<void> {
    return this.serially(() => this.writeNow(ids, docs))
  }

  private async writeNow(ids: string[], docs: readonly SearchDoc[]): Promise<void> {
    const tx = await this.db.transaction('write')
    try {
      if (ids.length) await removeUnits(tx, ids)
      if (docs.length) await insertUnits(tx, docs)
      await tx.execute(countWrite())
      await tx.commit()
    } finally {
      tx.close()
    }
    this.counts = new Map()
    this.answers.clear()
  }

  // ---------------------------------------------------------------- searching

  /**
   * Answers a query. Repeated queries are answered from the kept answers (./answers), under the index
   * version read with each query.
   */
  async search(query: SearchQuery): Promise<SearchResult> {
    const writes = await this.version()
    const kept = this.answers.get(query, writes)
    if (kept) return kept
    const result = await this.searchNow(query, writes)
    this.answers.set(query, writes, result)
    return result
  }

  /**
   * The index version: its write counter (stats 'writes'), bumped by every write transaction of any
   * process, read from the file each time.
   */
  async version(): Promise<number> {
    const rows = await this.all(`SELECT value FROM stats WHERE key = 'writes'`, [])
    return rows.length ? Number(rows[0].value) : 0
  }

  /** `writes`: the index version the answer is computed at (see `search`). */
  private async searchNow(query: SearchQuery, writes: number): Promise<SearchResult> {
    const page = Math.max(1, Math.floor(Number(query.page) || 1))
    const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(Number(query.pageSize) || DEFAULT_PAGE_SIZE)))
    const unrestricted = Boolean(query.scope && 'unrestricted' in query.scope && query.scope.unrestricted === true)
    const meta = metaFilter(unrestricted ? undefined : audienceOf(query), query.filters)
    const plan = planQuery(query.text)
    if (meta === null) return emptyResult(page, pageSize)
    if (!plan.terms.length) {
      if (String(query.text ?? '').trim()) return emptyResult(page, pageSize)
      return this.list(meta, page, pageSize)
    }
    const tuned = this.ranking === 'tuned'
    if (this.keptAt !== writes) [this.counts, this.extensions, this.keptAt] = [new Map(), new Map(), writes]
    const matched = await this.withoutIdlePrefix(plan)
    const order = this.order(plan, query.sort ?? 'relevance')
    const run = async (text: string) => this.select(await this.rows(text, meta, true), order, page, pageSize)
    let corrected: { fixes: Fixes; suggestion?: string } | undefined
    let found: Selection | undefined
    if (tuned && contentTerms(plan).length <= AND_MAX_TERMS) {
      found = await run(allWords(textQuery(matched, new Map(), this.ranking)))
      if (!found.total) {
        corrected = await this.correct(plan, await this.frequencies(plan.terms.map((t) => t.fold)))
        if (corrected.fixes.size) found = await run(allWords(textQuery(matched, corrected.fixes, this.ranking)))
      }
    }
    if (tuned && !corrected && !found?.total) corrected = await this.correct(plan, await this.frequencies(queryTerms(plan)))
    const { fixes, suggestion } = corrected ?? { fixes: new Map() as Fixes }
    if (!found?.total) {
      const phrases = phrasesOf(textQuery(matched, fixes, this.ranking))
      const any = tuned ? await this.selective(phrases) : phrases
      if (!any.length) return emptyResult(page, pageSize)
      found = await run(anyOf(any))
    }
    const hits = await this.hits(found.rows, markSetFor(plan, fixes))
    const result: SearchResult = { total: found.total, page, pageSize, hits, facets: found.facets }
    if (suggestion) result.suggestion = suggestion
    return result
  }

  /**
   * The plan with the prefix search of the word being typed dropped when the index holds no longer word
   * starting with it ("luat": nothing but "luat" itself, as for most complete syllables): such a prefix
   * matches exactly the rows the word does, yet FTS5 merges a range of its term dictionary for it on every
   * query. Known per index version (see `keptAt`), so a longer word indexed later is found as soon as it
   * is searchable. Highlighting keeps the original plan.
   */
  private async withoutIdlePrefix(plan: QueryPlan): Promise<QueryPlan> {
    const i = plan.terms.findIndex((t) => t.prefix)
    if (i < 0) return plan
    if (this.extensions.size > COUNTS_MAX) this.extensions = new Map()
    const stem = plan.terms[i].fold
    let longer = this.extensions.get(stem)
    if (longer === undefined) {
      // Every term that starts with the stem and is longer sorts between these two (UTF-8, byte order).
      longer = (await this.all(`SELECT term FROM fts_vocab WHERE term > ? AND term < ? LIMIT 1`, [stem, `${stem}\u{10FFFF}`])).length > 0
      this.extensions.set(stem, longer)
    }
    if (longer) return plan
    return { ...plan, terms: plan.terms.map((t, k) => (k === i ? { ...t, prefix: false } : t)) }
  }

  /** Listing without text, newest first. */
  private async list(meta: string, page: number, pageSize: number): Promise<SearchResult> {
    const source = meta ? await this.rows(meta, '', false) : { sql: `SELECT n AS doc, NULL AS sid, 0 AS r FROM docs`, args: [] }
    const listed = await this.select(source, { sql: 'b.published_at DESC, b.doc DESC', args: [] }, page, pageSize)
    const hits = await this.hits(listed.rows, { words: new Set(), prefixes: [] })
    return { total: listed.total, page, pageSize, hits, facets: listed.facets }
  }

  /**
   * The phrases a long query keeps. Anchors — folded words, pairs, corrections, prefixes — are taken
   * rarest first while the rows they match add up to PRUNE_ROWS; an accented word or a pair then rides
   * along for free when a word it contains is an anchor (it matches a subset of that anchor's rows, so it
   * adds score but no rows). Phrases in half the rows or more (FTS5's BM25 gives them no weight) are
   * dropped; a prefix counts as matching half the rows. Queries within the budget keep every phrase
   * found in the index.
   */
  private async selective(phrases: readonly Phrase[]): Promise<Phrase[]> {
    const rows = await this.rowCount()
    const freq = await this.frequencies(phrases.map((p) => p.term))
    const df = (p: Phrase) => (p.prefix ? rows / 2 : (freq.get(p.term) ?? 0))
    const found = [...new Map(phrases.map((p) => [p.expr, p])).values()].filter((p) => p.prefix || df(p) > 0)
    if (found.reduce((sum, p) => sum + (p.kind === 'exact' ? 0 : df(p)), 0) <= PRUNE_ROWS) return found
    const ranked = found.filter((p) => df(p) < rows / 2 || p.prefix).sort((a, b) => df(a) - df(b))
    const kept: Phrase[] = []
    let spent = 0
    for (const p of ranked) {
      if (p.kind === 'exact') continue
      if (kept.length && spent + df(p) > PRUNE_ROWS) break
      kept.push(p)
      spent += df(p)
    }
    const anchors = new Set(kept.map((p) => p.term))
    const riders = ranked.filter((p) => !kept.includes(p) && p.within.some((w) => anchors.has(w)))
    return [...kept, ...riders]
  }

  /**
   * One row per matching section: its unit, its key and (when `scored`) its BM25 score, lower is better.
   * `text`: the words' expression; `meta`: the scope and filters ('' for none), required as well. With the
   * ranking extension (./rank) the score is bm25's, computed from the phrases' row counts kept per index
   * version (`frequencies`) instead of FTS5 counting them again for every search.
   */
  private async rows(text: string, meta: string, scored: boolean): Promise<SqlPart> {
    const match = meta && text ? `(${text}) AND ${meta}` : text || meta
    const weights = `${this.weights.join(', ')}, 0`
    const from = `FROM fts WHERE fts MATCH ?`
    const select = `SELECT rowid / ${SECTION_SLOTS} AS doc, rowid AS sid`
    if (!scored) return { sql: `${select}, 0 AS r ${from}`, args: [match] }
    if (!this.reader) return { sql: `${select}, bm25(fts, ${weights}) AS r ${from}`, args: [match] }
    // Rows holding each phrase, in the order FTS5 numbers them (as they appear in the expression); the
    // scope's phrases weigh nothing and prefixes are counted by the extension itself (-1).
    const phrases = phrasesIn(text)
    const freq = await this.frequencies(phrases.filter((p) => !p.prefix).map((p) => p.term))
    const hits = [...phrases.map((p) => (p.prefix ? -1 : (freq.get(p.term) ?? 0))), ...phrasesIn(meta).map(() => 0)]
    return { sql: `${select}, sotay_bm25(fts, ?, ${weights}) AS r ${from}`, args: [hits.join(' '), match] }
  }

  /**
   * ORDER BY over `b` (a matching unit with its fields and best score `r`). A recognised document number
   * puts units whose own number agrees first (running number + type code + issuer > + type code >
   * running number alone); a query that is only a number then prefers higher issuing bodies, then newer.
   */
  private order(plan: QueryPlan, sort: SearchSort): SqlPart {
    if (sort === 'newest') return { sql: 'b.published_at DESC, b.r, b.doc', args: [] }
    const ref = this.ranking === 'tuned' ? plan.numberRef : undefined
    if (!ref) return { sql: 'b.r, b.published_at DESC, b.doc', args: [] }
    const agreement = `(CASE WHEN b.num = ? THEN 1 + 2 * (b.code IN (${marks(ref.codes.length)})) + (b.org IS ?) ELSE 0 END) DESC`
    const then = plan.lookup ? 'b.level DESC, b.published_at DESC, b.r, b.doc' : 'b.r, b.published_at DESC, b.doc'
    return { sql: `${agreement}, ${then}`, args: [ref.num, ...ref.codes, ref.org ?? null] }
  }

  /**
   * Runs `source` once and returns the requested page of units (best section each), the total and the
   * facet counts, all from the same rows, in one statement.
   */
  private async select(source: SqlPart, order: SqlPart, page: number, pageSize: number): Promise<Selection> {
    const facet = (field: string) => `SELECT '${field}', ${field}, COUNT(*), 0 FROM b WHERE ${field} IS NOT NULL GROUP BY ${field}`
    const rows = await this.all(
      `WITH m AS MATERIALIZED (${source.sql}),
         g AS MATERIALIZED (SELECT doc, sid, MIN(r) AS r FROM m GROUP BY doc),
         b AS MATERIALIZED (
           SELECT g.doc, g.sid, g.r, d.type, d.issuer, d.year, d.status, d.published_at, d.num, d.code, d.org, d.level
           FROM g JOIN docs d ON d.n = g.doc),
         ranked AS (SELECT b.doc, b.sid, ROW_NUMBER() OVER (ORDER BY ${order.sql}) AS pos FROM b)
       SELECT 'hit' AS f, doc AS v, sid AS c, pos FROM ranked WHERE pos > ? AND pos <= ?
       UNION ALL SELECT 'total', NULL, COUNT(*), 0 FROM b
       UNION ALL ${facet('type')} UNION ALL ${facet('issuer')} UNION ALL ${facet('year')} UNION ALL ${facet('status')}`,
      [...source.args, ...order.args, (page - 1) * pageSize, page * pageSize],
    )
    const selection: Selection = { total: 0, facets: { type: {}, issuer: {}, year: {}, status: {} }, rows: [] }
    for (const row of rows.sort((x, y) => Number(x.pos) - Number(y.pos))) {
      if (row.f === 'hit') selection.rows.push({ doc: Number(row.v), sid: row.c === null ? null : Number(row.c) })
      else if (row.f === 'total') selection.total = Number(row.c)
      else selection.facets[row.f as keyof SearchFacets][String(row.v)] = Number(row.c)
    }
    return selection
  }

  /** Hits for the page: unit fields, highlighted title and the snippet of the best (or first) section. */
  private async hits(page: PageRow[], set: MarkSet): Promise<SearchHit[]> {
    if (!page.length) return []
    const docs = page.map((p) => p.doc)
    const keys = page.map((p) => p.sid ?? p.doc * SECTION_SLOTS)
    const units = new Map<number, Row>()
    for (const r of await this.all(`SELECT * FROM docs WHERE n IN (${marks(docs.length)})`, docs)) units.set(Number(r.n), r)
    const sections = new Map<number, Row>()
    for (const s of await this.all(`SELECT key, heading, text FROM sections WHERE key IN (${marks(keys.length)})`, keys))
      sections.set(Number(s.key), s)
    return page.flatMap((p, i) => {
      const r = units.get(p.doc)
      return r ? [toHit(r, sections.get(keys[i]), set)] : []
    })
  }

  /**
   * Unknown words of 4+ letters also match their nearest indexed words (one edit away, most frequent
   * first). The corrected query — with the words' accented spelling, when the query is accented and
   * one is found — becomes the suggestion.
   */
  private async correct(plan: QueryPlan, freq: Frequencies): Promise<{ fixes: Fixes; suggestion?: string }> {
    const fixes: Fixes = new Map()
    const unknown = plan.terms
      .map((t, i) => [t, i] as const)
      .filter(([t]) => !t.stop && !t.inNumber && correctable(t.fold) && !freq.get(t.fold))
    if (!unknown.length) return { fixes }
    const candidates = new Map(unknown.map(([t, i]) => [i, editsWithinOne(t.fold, FOLDED_LETTERS)]))
    const found = await this.frequencies([...candidates.values()].flat())
    for (const [i, list] of candidates) {
      const best = bestCorrections(found, list)
      if (best.length) fixes.set(i, best)
    }
    if (!fixes.size) return { fixes }
    const words = await Promise.all(
      plan.terms.map(async (t, i) => {
        const best = fixes.get(i)?.[0]
        if (best === undefined) return t.exact
        if (!plan.accented) return best
        const accented = editsWithinOne(t.exact, ACCENTED_LETTERS).filter((w) => fold(w) === best)
        return bestCorrections(await this.frequencies(accented), accented, 1)[0] ?? best
      }),
    )
    return { fixes, suggestion: words.join(' ') }
  }

  /**
   * How many rows (sections) hold each term, from FTS5's own term dictionary. Counting a common term
   * reads its whole posting list, so counts are kept for the index version they were read at (see
   * `keptAt`): they steer which phrases long queries keep and give the ranking its IDF (see `rows`).
   */
  private async frequencies(terms: readonly string[]): Promise<Frequencies> {
    if (this.counts.size > COUNTS_MAX) this.counts = new Map()
    const missing = [...new Set(terms)].filter((t) => !this.counts.has(t))
    for (let i = 0; i < missing.length; i += MAX_PARAMS) {
      const chunk = missing.slice(i, i + MAX_PARAMS)
      const rows = await this.all(`SELECT term, doc FROM fts_vocab WHERE term IN (${marks(chunk.length)})`, chunk)
      const found = new Map(rows.map((r) => [String(r.term), Number(r.doc)]))
      for (const t of chunk) this.counts.set(t, found.get(t) ?? 0)
    }
    return new Map(terms.map((t) => [t, this.counts.get(t) ?? 0]))
  }

  private async rowCount(): Promise<number> {
    const rows = await this.all(`SELECT value FROM stats WHERE key = 'rows'`, [])
    return rows.length ? Number(rows[0].value) : 0
  }

  private async all(sql: string, args: InValue[]): Promise<Row[]> {
    this.checkDisk()
    if (!this.reader) return (await this.db.execute({ sql, args })).rows as unknown as Row[]
    let statement = this.statements.get(sql)
    if (!statement) {
      if (this.statements.size >= STATEMENTS_MAX) this.statements.clear()
      statement = this.reader.prepare(sql)
      this.statements.set(sql, statement)
    }
    return (statement as unknown as { all(...params: InValue[]): Row[] }).all(...args)
  }
}

// ---------------------------------------------------------------- helpers

function marks(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ')
}

function emptyResult(page: number, pageSize: number): SearchResult {
  return { total: 0, page, pageSize, hits: [], facets: { type: {}, issuer: {}, year: {}, status: {} } }
}

function toHit(r: Row, section: Row | undefined, set: MarkSet): SearchHit {
  const hit: SearchHit = { id: String(r.id), kind: r.kind as SearchHit['kind'], title: String(r.title), titleHtml: highlightAll(String(r.title), set) }
  if (r.number !== null) hit.number = String(r.number)
  if (r.type !== null) hit.type = String(r.type)
  if (r.issuer !== null) hit.issuer = String(r.issuer)
  if (r.year !== null) hit.year = Number(r.year)
  if (r.status !== null) hit.status = String(r.status)
  if (r.published_at !== null) hit.publishedAt = String(r.published_at)
  if (section) {
    hit.section = { index: Number(section.key) % SECTION_SLOTS, snippet: snippet(String(section.text), set) }
    if (section.heading !== null) hit.section.heading = String(section.heading)
  }
  return hit
}

// ---------------------------------------------------------------- writing statements

async function removeUnits(tx: Transaction, ids: readonly string[]): Promise<void> {
  const found = await tx.execute({ sql: `SELECT n FROM docs WHERE id IN (${marks(ids.length)})`, args: [...ids] })
  const units = found.rows.map((r) => Number(r.n))
  if (!units.length) return
  const ranges = units.map((n) => [n * SECTION_SLOTS, n * SECTION_SLOTS + SECTION_SLOTS - 1])
  const removed = await tx.batch(ranges.map((args) => ({ sql: 'DELETE FROM sections WHERE key BETWEEN ? AND ?', args })))
  const sections = removed.reduce((sum, r) => sum + r.rowsAffected, 0)
  await tx.batch([
    ...ranges.map((args) => ({ sql: 'DELETE FROM fts WHERE rowid BETWEEN ? AND ?', args })),
    { sql: `DELETE FROM docs WHERE n IN (${marks(units.length)})`, args: units },
    countRows(-sections),
  ])
}

/** Counts write transactions: the version that retires cached answers (see `search`), in every process. */
function countWrite(): InStatement {
  return `INSERT INTO stats (key, value) VALUES ('writes', 1) ON CONFLICT (key) DO UPDATE SET value = value + 1`
}

/** Keeps the number of FTS rows, which bounds the work of long queries (see `selective`). */
function countRows(delta: number): InStatement {
  return {
    sql: `INSERT INTO stats (key, value) VALUES ('rows', ?) ON CONFLICT (key) DO UPDATE SET value = value + excluded.value`,
    args: [delta],
  }
}

/** Inserts units with fresh rowids taken inside the write transaction. */
async function insertUnits(tx: Transaction, docs: readonly SearchDoc[]): Promise<void> {
  const top = await tx.execute('SELECT COALESCE(MAX(n), 0) AS n FROM docs')
  let n = Number(top.rows[0].n)
  const docRows: InValue[][] = []
  const sectionRows: InValue[][] = []
  const ftsRows: InValue[][] = []
  for (const doc of docs) {
    n++
    const parsed = parseDocNumber(doc.number)
    docRows.push([
      n,
      String(doc.id),
      doc.kind,
      String(doc.title ?? ''),
      doc.number ?? null,
      doc.type ?? null,
      doc.issuer ?? null,
      doc.year ?? null,
      doc.status ?? null,
      doc.publishedAt ?? null,
      parsed?.num ?? null,
      parsed?.code ?? null,
      parsed?.org ?? null,
      issuerLevel(parsed?.org),
    ])
    const title = indexStreams([doc.title, doc.number].filter(Boolean).join(' '))
    const meta = metaTokens(doc)
    fitSections(doc.sections).forEach((section, ord) => {
      const key = n * SECTION_SLOTS + ord
      const body = indexStreams([section.heading, section.text].filter(Boolean).join('\n'))
      sectionRows.push([key, section.heading ?? null, String(section.text ?? '')])
      ftsRows.push([key, title.exact, title.fold, title.pairs, body.exact, body.fold, body.pairs, meta])
    })
  }
  await tx.batch([
    ...insertMany('docs', ['n', 'id', 'kind', 'title', 'number', 'type', 'issuer', 'year', 'status', 'published_at', 'num', 'code', 'org', 'level'], docRows),
    ...insertMany('sections', ['key', 'heading', 'text'], sectionRows),
    ...insertMany('fts', ['rowid', 't_exact', 't_fold', 't_pair', 'b_exact', 'b_fold', 'b_pair', 'meta'], ftsRows),
    countRows(ftsRows.length),
  ])
}

/** Multi-row INSERT statements, each within SQLite's limit of bound parameters. */
function insertMany(table: string, columns: readonly string[], rows: InValue[][]): InStatement[] {
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length))
  const tuple = `(${marks(columns.length)})`
  const out: InStatement[] = []
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement)
    out.push({ sql: `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}`, args: chunk.flat() })
  }
  return out
}

/** At least one section (a unit without text still has its title) and at most SECTION_SLOTS. */
function fitSections(sections: readonly SearchSection[] | undefined): SearchSection[] {
  const list = sections?.length ? [...sections] : [{ text: '' }]
  if (list.length <= SECTION_SLOTS) return list
  const tail = list.slice(SECTION_SLOTS - 1)
  const merged = { heading: tail[0].heading, text: tail.map((s) => [s.heading, s.text].filter(Boolean).join('\n')).join('\n\n') }
  return [...list.slice(0, SECTION_SLOTS - 1), merged]
}

/** Every term a query may look up: folded and accented syllables and folded pairs. */
function queryTerms(plan: QueryPlan): string[] {
  const out = plan.terms.flatMap((t) => [t.fold, t.exact])
  for (let i = 0; i + 1 < plan.terms.length; i++) out.push(pairToken(plan.terms[i], plan.terms[i + 1]))
  return out
}
