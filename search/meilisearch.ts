/**
 * Meilisearch engine (used when MEILI_HOST is set), through the official `meilisearch` client.
 *
 * One Meilisearch record per section, `distinctAttribute: doc` so a unit appears once, as its best
 * section, and totals and facet counts count units. Every setting is owned by this file and applied on
 * open, so an index is always configured the same way.
 *
 * Meilisearch folds diacritics itself (so "dinh" finds "định"); to rank a match that agrees with the
 * query's own diacritics higher, each record also holds its words in Telex spelling ("định" → "dinhj")
 * in `exact`, and an accented query adds its own Telex words: a record matching them matches more query
 * words and wins the `words` rule. Document numbers are handled the same way through `codes`
 * ("n339", "n339cqd", "n339cqdotw"). The query is rebuilt from analysed syllables, so Meilisearch's own
 * syntax (quoted phrases, "-word") never reaches it from the user. Snippets and highlights come from
 * the same code as the embedded engine.
 */
import { Meilisearch, type Index, type Settings, type Task } from 'meilisearch'
import { analyze, planQuery, telex, type QueryPlan } from './analysis'
import { issuerLevel, parseDocNumber, typeCodeEntries, type DocNumber, type NumberRef } from './docnumber'
import { highlightAll, markSetFor, snippet } from './highlight'
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type SearchDoc,
  type SearchEngine,
  type SearchFacets,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
} from './types'

export interface MeiliOptions {
  host: string
  apiKey?: string
  /** Index uid; default "sotay_search". */
  index?: string
}

/** One section as stored in Meilisearch. */
interface SectionRecord {
  key: string
  doc: string
  ord: number
  kind: string
  title: string
  number?: string
  type?: string
  issuer?: string
  year?: number
  status?: string
  publishedAt?: string
  publishedTs: number
  level: number
  audience: string[]
  heading?: string
  text: string
  exact: string
  codes: string[]
}

const BATCH = 1000
const FACETS = ['type', 'issuer', 'year', 'status'] as const

/** Index settings, all managed here. */
export function meiliSettings(): Settings {
  const synonyms: Record<string, string[]> = {}
  for (const [code, names] of typeCodeEntries()) {
    synonyms[code] = names
    for (const name of names) synonyms[name] = [...new Set([...(synonyms[name] ?? []), code])]
  }
  return {
    searchableAttributes: ['codes', 'title', 'number', 'heading', 'text', 'exact'],
    filterableAttributes: ['doc', 'audience', 'kind', 'type', 'issuer', 'year', 'status'],
    sortableAttributes: ['publishedTs', 'level'],
    distinctAttribute: 'doc',
    // 'sort' first: "newest" is a pure date order; relevance queries carry no sort and skip it.
    rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness', 'level:desc', 'publishedTs:desc'],
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { oneTypo: 4, twoTypos: 9 },
      disableOnAttributes: ['codes', 'exact', 'number'],
      disableOnNumbers: true,
    },
    synonyms,
    faceting: { maxValuesPerFacet: 500 },
    pagination: { maxTotalHits: 10_000 },
    displayedAttributes: ['*'],
  }
}

export class MeiliSearchEngine implements SearchEngine {
  private constructor(
    private readonly client: Meilisearch,
    private readonly uid: string,
  ) {}

  static async open(options: MeiliOptions): Promise<MeiliSearchEngine> {
    const client = new Meilisearch({ host: options.host, apiKey: options.apiKey })
    const engine = new MeiliSearchEngine(client, options.index ?? 'sotay_search')
    await engine.configure(engine.uid)
    return engine
  }

  private get idx(): Index<SectionRecord> {
    return this.client.index<SectionRecord>(this.uid)
  }

  /** Creates the index if needed and applies the settings. */
  private async configure(uid: string): Promise<void> {
    const exists = await this.client.getIndex(uid).then(
      () => true,
      () => false,
    )
    if (!exists) await done(this.client.createIndex(uid, { primaryKey: 'key' }).waitTask())
    await done(this.client.index(uid).updateSettings(meiliSettings()).waitTask())
  }

  async index(docs: readonly SearchDoc[]): Promise<void> {
    await this.write(this.uid, docs, true)
  }

  private async write(uid: string, docs: readonly SearchDoc[], replace: boolean): Promise<void> {
    const index = this.client.index<SectionRecord>(uid)
    for (let i = 0; i < docs.length; i += BATCH) {
      const batch = docs.slice(i, i + BATCH)
      if (replace) await done(index.deleteDocuments({ filter: `doc IN ${list(batch.map((d) => String(d.id)))}` }).waitTask())
      await done(index.addDocuments(batch.flatMap(toRecords)).waitTask())
    }
  }

  async remove(ids: readonly string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += BATCH)
      await done(this.idx.deleteDocuments({ filter: `doc IN ${list(ids.slice(i, i + BATCH).map(String))}` }).waitTask())
  }

  /** Builds a fresh index beside the live one, then swaps them, so searches never see a half-built index. */
  async reindexAll(docs: Iterable<SearchDoc> | AsyncIterable<SearchDoc>): Promise<number> {
    const next = `${this.uid}_next`
    await this.client.deleteIndexIfExists(next)
    await this.configure(next)
    let count = 0
    let batch: SearchDoc[] = []
    for await (const doc of docs) {
      batch.push(doc)
      if (batch.length === BATCH) {
        await this.write(next, batch, false)
        count += batch.length
        batch = []
      }
    }
    await this.write(next, batch, false)
    await done(this.client.swapIndexes([{ indexes: [this.uid, next], rename: false }]).waitTask())
    await done(this.client.deleteIndex(next).waitTask())
    return count + batch.length
  }

  async clear(): Promise<void> {
    await done(this.idx.deleteAllDocuments().waitTask())
  }

  async close(): Promise<void> {}

  async search(query: SearchQuery): Promise<SearchResult> {
    const page = Math.max(1, Math.floor(Number(query.page) || 1))
    const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(Number(query.pageSize) || DEFAULT_PAGE_SIZE)))
    const filter = filterOf(query)
    const plan = planQuery(query.text)
    const empty: SearchResult = { total: 0, page, pageSize, hits: [], facets: { type: {}, issuer: {}, year: {}, status: {} } }
    if (filter === null || (!plan.terms.length && String(query.text ?? '').trim())) return empty
    const browsing = !plan.terms.length
    const response = await this.idx.search(meiliQuery(plan), {
      filter,
      facets: [...FACETS],
      page,
      hitsPerPage: pageSize,
      sort: browsing || query.sort === 'newest' ? ['publishedTs:desc'] : undefined,
      matchingStrategy: 'frequency',
    })
    const set = markSetFor(plan)
    const facets: SearchFacets = { type: {}, issuer: {}, year: {}, status: {} }
    for (const f of FACETS) Object.assign(facets[f], response.facetDistribution?.[f] ?? {})
    return { total: response.totalHits ?? 0, page, pageSize, hits: response.hits.map((r) => toHit(r, set)), facets }
  }
}

/** Rejects when a Meilisearch task did not succeed. */
async function done(task: Promise<Task>): Promise<void> {
  const t = await task
  if (t.status !== 'succeeded') throw new Error(`Meilisearch: tác vụ ${t.type} thất bại: ${t.error?.message ?? t.status}`)
}

/** A Meilisearch filter string literal. */
function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
}

function list(values: readonly string[]): string {
  return `[${values.map(quote).join(', ')}]`
}

/** Scope and filters as Meilisearch filter clauses (AND-ed), or null when nothing can be read. */
function filterOf(query: SearchQuery): string[] | null {
  const clauses: string[] = []
  const scope = query.scope as { unrestricted?: unknown; audience?: unknown } | undefined
  if (scope?.unrestricted !== true) {
    const audience = Array.isArray(scope?.audience) ? [...new Set(scope.audience.map(String))] : []
    if (!audience.length) return null
    clauses.push(`audience IN ${list(audience)}`)
  }
  const f = query.filters ?? {}
  for (const field of ['kind', 'type', 'issuer', 'status'] as const) {
    const value = f[field]
    if (value !== undefined && value !== null && value !== '') clauses.push(`${field} = ${quote(String(value))}`)
  }
  if (f.year !== undefined && f.year !== null && Number.isFinite(Number(f.year))) clauses.push(`year = ${Math.trunc(Number(f.year))}`)
  if (Array.isArray(f.issuerIn)) {
    if (!f.issuerIn.length) return null
    clauses.push(`issuer IN ${list(f.issuerIn.map(String))}`)
  }
  return clauses
}

/** Number tokens of a unit: running number, with type code, with issuer code. */
function numberCodes(n: DocNumber | undefined): string[] {
  if (!n) return []
  const out = [`n${n.num}`]
  if (n.code) out.push(`n${n.num}c${n.code}`)
  if (n.code && n.org) out.push(`n${n.num}c${n.code}o${n.org}`)
  return out
}

/** The number tokens a query asks for, most specific first. */
function queryCodes(ref: NumberRef | undefined): string[] {
  if (!ref) return []
  const out = ref.codes.flatMap((code) => (ref.org ? [`n${ref.num}c${code}o${ref.org}`] : []).concat(`n${ref.num}c${code}`))
  return [...out, `n${ref.num}`]
}

/**
 * The query sent to Meilisearch: number tokens and the Telex spelling of accented words first, then the
 * syllables as typed (last, so Meilisearch's prefix matching applies to the word being typed).
 */
export function meiliQuery(plan: QueryPlan): string {
  const accented = plan.terms.filter((t) => t.exact !== t.fold).map((t) => telex(t.exact))
  return [...queryCodes(plan.numberRef), ...new Set(accented), ...plan.terms.map((t) => t.exact)].join(' ')
}

function toRecords(doc: SearchDoc): SectionRecord[] {
  const parsed = parseDocNumber(doc.number)
  const sections = doc.sections?.length ? doc.sections : [{ text: '' }]
  const key = Buffer.from(String(doc.id), 'utf8').toString('hex')
  const published = doc.publishedAt ? Date.parse(doc.publishedAt) : NaN
  return sections.map((s, ord) => ({
    key: `${key}-${ord}`,
    doc: String(doc.id),
    ord,
    kind: doc.kind,
    title: String(doc.title ?? ''),
    number: doc.number,
    type: doc.type,
    issuer: doc.issuer,
    year: doc.year,
    status: doc.status,
    publishedAt: doc.publishedAt,
    publishedTs: Number.isFinite(published) ? published : 0,
    level: issuerLevel(parsed?.org),
    audience: [...new Set(doc.audience.map(String))],
    heading: s.heading,
    text: String(s.text ?? ''),
    exact: analyze([doc.title, s.heading, s.text].filter(Boolean).join(' '))
      .map((syl) => telex(syl.exact))
      .join(' '),
    codes: numberCodes(parsed),
  }))
}

function toHit(r: SectionRecord, set: ReturnType<typeof markSetFor>): SearchHit {
  const hit: SearchHit = { id: r.doc, kind: r.kind as SearchHit['kind'], title: r.title, titleHtml: highlightAll(r.title, set) }
  if (r.number) hit.number = r.number
  if (r.type) hit.type = r.type
  if (r.issuer) hit.issuer = r.issuer
  if (r.year !== undefined && r.year !== null) hit.year = r.year
  if (r.status) hit.status = r.status
  if (r.publishedAt) hit.publishedAt = r.publishedAt
  hit.section = { index: r.ord, snippet: snippet(r.text, set) }
  if (r.heading) hit.section.heading = r.heading
  return hit
}
