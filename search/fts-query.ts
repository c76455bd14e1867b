/**
 * FTS5 MATCH expressions for the embedded engine, built only from analysed syllables and hex-encoded
 * tokens: no character of the user's query reaches FTS5 syntax.
 *
 * Columns: t_exact, t_fold, t_pair (title + number), b_exact, b_fold, b_pair (section heading + text):
 * accented syllables, folded syllables, folded pairs of adjacent syllables; meta (scope and filter
 * tokens, see {@link metaToken}).
 */
import { contentTerms, pairToken, type QueryPlan, type QueryTerm } from './analysis'
import type { SearchDoc, SearchFilters } from './types'

const EXACT = '{t_exact b_exact}'
const FOLD = '{t_fold b_fold}'
const PAIR = '{t_pair b_pair}'

/** A meta token for a field value: a letter naming the field, then the value's UTF-8 bytes in hex. */
export function metaToken(field: 'audience' | 'kind' | 'type' | 'issuer' | 'year' | 'status', value: string | number): string {
  return field[0] + Buffer.from(String(value), 'utf8').toString('hex')
}

/** The meta column of a unit's rows: audience, kind, type, issuer, year, status. */
export function metaTokens(doc: SearchDoc): string {
  const tokens = [...new Set(doc.audience.map((a) => metaToken('audience', a))), metaToken('kind', doc.kind)]
  if (doc.type) tokens.push(metaToken('type', doc.type))
  if (doc.issuer) tokens.push(metaToken('issuer', doc.issuer))
  if (doc.year !== undefined && doc.year !== null) tokens.push(metaToken('year', doc.year))
  if (doc.status) tokens.push(metaToken('status', doc.status))
  return tokens.join(' ')
}

function any(tokens: readonly string[]): string {
  return `meta : (${tokens.map((t) => `"${t}"`).join(' OR ')})`
}

/**
 * The scope and filters as an FTS5 expression over meta: '' when there is nothing to restrict, `null`
 * when they exclude everything (no audience, or an empty `issuerIn`). `audience` undefined = unrestricted.
 */
export function metaFilter(audience: readonly string[] | undefined, filters: SearchFilters = {}): string | null {
  const parts: string[] = []
  if (audience) {
    if (!audience.length) return null
    parts.push(any([...new Set(audience)].map((a) => metaToken('audience', String(a)))))
  }
  const equal = (field: 'kind' | 'type' | 'issuer' | 'year' | 'status', value: unknown) => {
    if (value !== undefined && value !== null && value !== '') parts.push(any([metaToken(field, String(value))]))
  }
  equal('kind', filters.kind)
  equal('type', filters.type)
  equal('issuer', filters.issuer)
  equal('year', filters.year)
  equal('status', filters.status)
  if (Array.isArray(filters.issuerIn)) {
    if (!filters.issuerIn.length) return null
    parts.push(any([...new Set(filters.issuerIn)].map((i) => metaToken('issuer', String(i)))))
  }
  return parts.join(' AND ')
}

/** One alternative of a MATCH expression: the expression, and the indexed term it looks up. */
export interface Phrase {
  expr: string
  term: string
  kind: 'exact' | 'fold' | 'pair'
  prefix: boolean
  /** Folded words present in every row this phrase matches (its own fold, or a pair's two words). */
  within: string[]
}

/**
 * A query as phrases: `groups` holds one list of alternatives per required word (the word accented,
 * folded, corrected, as a prefix, and the syllable pairs it starts or ends); `loose` the pairs of two
 * function words, which only ever add to the score.
 */
export interface TextQuery {
  groups: Phrase[][]
  loose: Phrase[]
}

const COLUMNS = { exact: EXACT, fold: FOLD, pair: PAIR }

function phrase(kind: Phrase['kind'], term: string, within: string[] = [], prefix = false): Phrase {
  return { expr: `${COLUMNS[kind]} : "${term}"${prefix ? ' *' : ''}`, term, kind, prefix, within }
}

/**
 * The ways one query word may match: with its own diacritics (when the query has diacritics and the word
 * carries some), folded, corrected, as a prefix.
 */
function wordAlternatives(plan: QueryPlan, t: QueryTerm, fixes: readonly string[]): Phrase[] {
  const out: Phrase[] = []
  if (plan.accented && t.exact !== t.fold) out.push(phrase('exact', t.exact, [t.fold]))
  out.push(phrase('fold', t.fold))
  if (t.prefix && t.fold.length >= 2) out.push(phrase('fold', t.fold, [], true))
  for (const fix of fixes) out.push(phrase('fold', fix))
  return out
}

/**
 * Builds the phrases of a plan. 'tuned': content words (and a recognised document number's running
 * number) each form a group; every adjacent pair joins the group of one of its words. 'plain': one group
 * per syllable, as written if the query is accented, folded otherwise, no pairs.
 */
export function textQuery(plan: QueryPlan, fixes: ReadonlyMap<number, string[]>, ranking: 'tuned' | 'plain'): TextQuery {
  const { terms } = plan
  if (ranking === 'plain') {
    const words = new Map(terms.map((t) => (plan.accented && t.exact !== t.fold ? [t.exact, phrase('exact', t.exact)] : [t.fold, phrase('fold', t.fold)])))
    return { groups: [...words.values()].map((p) => [p]), loose: [] }
  }
  const content = new Set(contentTerms(plan))
  const groups = new Map<number, Phrase[]>()
  terms.forEach((t, i) => {
    const runningNumber = t.inNumber && /^\d+$/.test(t.fold)
    if (content.has(t) || runningNumber) groups.set(i, wordAlternatives(plan, t, fixes.get(i) ?? []))
  })
  const loose: Phrase[] = []
  for (let i = 0; i + 1 < terms.length; i++) {
    if (terms[i].stop && terms[i + 1].stop) continue
    const pair = phrase('pair', pairToken(terms[i], terms[i + 1]), terms[i + 1].prefix ? [] : [terms[i].fold, terms[i + 1].fold], terms[i + 1].prefix)
    const home = groups.get(i) ?? groups.get(i + 1)
    if (home) home.push(pair)
    else loose.push(pair)
  }
  return { groups: [...groups.values()], loose }
}

/** Every word required: an AND of groups (a pair inside a group implies its word, so only adds score). */
export function allWords(q: TextQuery): string {
  return q.groups.map((g) => `(${unique(g).join(' OR ')})`).join(' AND ')
}

/** Any of the phrases. */
export function anyOf(phrases: readonly Phrase[]): string {
  return unique(phrases).join(' OR ')
}

export function phrasesOf(q: TextQuery): Phrase[] {
  return [...q.groups.flat(), ...q.loose]
}

/**
 * The phrases of an expression built here, in the order they appear (which is how FTS5 numbers them):
 * each quoted term, and whether it is searched as a prefix.
 */
export function phrasesIn(expr: string): { term: string; prefix: boolean }[] {
  return [...expr.matchAll(/"([^"]*)"( \*)?/g)].map((m) => ({ term: m[1], prefix: m[2] !== undefined }))
}

function unique(phrases: readonly Phrase[]): string[] {
  return [...new Set(phrases.map((p) => p.expr))]
}
