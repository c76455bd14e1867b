/**
 * Answers kept for repeated searches (search-as-you-type, the popular topics, a member going back to
 * their results). An answer is kept under everything it depends on — the text, filters, sort, page and
 * the caller's audience tokens, so it only ever goes to a caller with exactly the same scope — and under
 * the index version it was computed at (the embedded index's write counter, bumped by every write of any
 * process): a lookup at another version finds nothing, so any change to the index retires every kept
 * answer. Answers are also kept TTL_MS at most, and the oldest go first when the cache is full.
 */
import type { SearchQuery, SearchResult } from './types'
import { env, parseSetting } from '../src/server/config'

const TTL_MS = 5000

/** How many answers to keep: SEARCH_RESULT_CACHE (0: none), or 2000. */
export function answerCapacity(value?: string): number {
  return value === undefined ? env('SEARCH_RESULT_CACHE') : parseSetting('SEARCH_RESULT_CACHE', value)
}

type Kept = { version: number; at: number; result: SearchResult }

export class AnswerCache {
  private kept = new Map<string, Kept>()

  /** `capacity`: answers kept at most (0: none). */
  constructor(readonly capacity: number) {}

  /** A copy of the answer kept for `query` at index `version`, if any. */
  get(query: SearchQuery, version: number): SearchResult | undefined {
    if (!this.capacity) return undefined
    const kept = this.kept.get(answerKey(query))
    if (!kept || kept.version !== version || Date.now() - kept.at >= TTL_MS) return undefined
    return structuredClone(kept.result)
  }

  /** Keeps a copy of `result`, the answer to `query` at index `version`. */
  set(query: SearchQuery, version: number, result: SearchResult): void {
    if (!this.capacity) return
    const key = answerKey(query)
    const now = Date.now()
    if (this.kept.size >= this.capacity) {
      for (const [k, v] of this.kept) if (v.version !== version || now - v.at >= TTL_MS) this.kept.delete(k)
      while (this.kept.size >= this.capacity) this.kept.delete(this.kept.keys().next().value as string)
    }
    this.kept.delete(key)
    this.kept.set(key, { version, at: now, result: structuredClone(result) })
  }

  clear(): void {
    this.kept = new Map()
  }
}

/** The audience tokens of a scoped query (none for an unrestricted one). */
export function audienceOf(query: SearchQuery): string[] {
  const scope = query.scope as { audience?: unknown } | undefined
  return Array.isArray(scope?.audience) ? scope.audience.map(String) : []
}

/** Everything an answer depends on; audience tokens and issuers sorted (their order does not matter). */
export function answerKey(query: SearchQuery): string {
  const scope = query.scope as { audience?: unknown; unrestricted?: unknown } | undefined
  const audience = scope?.unrestricted === true ? '*' : audienceOf(query).sort()
  const f = query.filters ?? {}
  const filters = [f.kind, f.type, f.issuer, f.issuerIn ? [...f.issuerIn].map(String).sort() : undefined, f.year, f.status]
  return JSON.stringify([String(query.text ?? ''), audience, filters, query.sort ?? null, query.page ?? null, query.pageSize ?? null])
}
