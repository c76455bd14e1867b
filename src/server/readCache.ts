/**
 * Copies of what the member site reads — and of the account behind each session token, for every request
 * (collections/Users/auth/keptSessions.ts) —, shared between the requests of this process. A member page
 * costs a dozen Local API reads (each runs access rules, field hooks and population), while what
 * most of them return is the same for every member of a branch and changes far less often than it is
 * read. So a read is kept under a key that holds everything its answer depends on (for content, the
 * reader's audience: see `audienceKey`), and every copy of a kind is dropped:
 *  - at once when that kind changes in this process (the collections' `forgetReads` hooks), again once
 *    the request's transaction is over (so a read in between cannot keep the old rows), and in the
 *    server's other web processes (src/server/siblings.ts);
 *  - after READ_CACHE_TTL_MS (10 s) at most, for changes made elsewhere (a separate worker process, a
 *    script, another server on the same database).
 * READ_CACHE_TTL_MS=0 turns the copies off. What a copy holds is shared: callers never change it.
 */
import { onSiblingMessage, tellSiblings, type SiblingMessage } from './siblings'
import { processShared } from './processShared'
import { env } from './config'

/** What a copy depends on: the published content (documents, news, forwards, the tree) or the accounts. */
export type ReadKind = 'content' | 'accounts'

const MESSAGES: Record<ReadKind, SiblingMessage> = { content: 'content-changed', accounts: 'accounts-changed' }

type Entry = { value: Promise<unknown>; expires: number }
type Store = { kind: ReadKind; max: number; entries: Map<string, Entry> }

/** The same for the Next bundle's copy of this module and the hooks' (./processShared). */
const stores = processShared('readCache', () => new Set<Store>())

export const readCacheTtlMs = (): number => env('READ_CACHE_TTL_MS')

/** Drops every copy of `kind` in this process. */
export function forgetReads(kind: ReadKind): void {
  // A read under way when its copy goes is answered, but not kept (its entry is gone).
  for (const store of stores) if (store.kind === kind) store.entries.clear()
}

/** Drops every copy of `kind` here and in the other web processes of this server. */
export function forgetReadsEverywhere(kind: ReadKind): void {
  forgetReads(kind)
  tellSiblings(MESSAGES[kind])
}

/** Listens to the other web processes' changes; returns a function that stops listening. */
export function listenForSiblingChanges(): () => void {
  const stops = (Object.keys(MESSAGES) as ReadKind[]).map((kind) => onSiblingMessage(MESSAGES[kind], () => forgetReads(kind)))
  return () => stops.forEach((stop) => stop())
}

type Options<A extends unknown[], T> = {
  kind: ReadKind
  /** Most keys kept; the least recently used go first. */
  max: number
  /** Everything the answer depends on, or null for a call that must not be kept. */
  key: (...args: A) => string | null
  load: (...args: A) => Promise<T>
  /** When an answer stops being true by itself (a session token's expiry), in ms since the epoch. */
  until?: (value: T) => number | null | undefined
}

/** `load` with its answers kept per key; a failed load is not kept. */
export function cachedRead<A extends unknown[], T>({ kind, max, key: keyOf, load, until }: Options<A, T>) {
  const store: Store = { kind, max, entries: new Map() }
  stores.add(store)
  return (...args: A): Promise<T> => {
    const ttl = readCacheTtlMs()
    const key = ttl > 0 ? keyOf(...args) : null
    if (key === null) return load(...args)
    const now = Date.now()
    const hit = store.entries.get(key)
    if (hit && hit.expires > now) {
      // Most recently used goes last (a Map keeps insertion order).
      store.entries.delete(key)
      store.entries.set(key, hit)
      return hit.value as Promise<T>
    }
    const value = load(...args)
    const entry: Entry = { value, expires: now + ttl }
    store.entries.delete(key)
    store.entries.set(key, entry)
    while (store.entries.size > store.max) store.entries.delete(store.entries.keys().next().value as string)
    const drop = () => {
      if (store.entries.get(key) === entry) store.entries.delete(key)
    }
    value.then((v) => {
      const end = until?.(v)
      if (end != null) entry.expires = Math.min(entry.expires, end)
    }, drop)
    return value
  }
}

/** How many copies this process holds (for tests and diagnostics). */
export const cachedReadCount = (kind: ReadKind): number => [...stores].filter((s) => s.kind === kind).reduce((n, s) => n + s.entries.size, 0)
