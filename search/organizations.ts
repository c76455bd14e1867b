/**
 * The organisation tree as the search endpoint needs it (names for facet labels, paths for "within my
 * province"), cached briefly per Payload instance and dropped whenever an organisation changes
 * (collections/Organizations/hooks/forgetTreeCaches.ts), so that a move shows in the province filter at once.
 */
import type { Payload } from 'payload'
import { refId } from '../src/lib/member/roles'

const ORG_CACHE_MS = 10_000

export type Org = { id: string; name: string; path: string; kind: string; parent: string | null }

const orgCache = new WeakMap<Payload, { at: number; orgs: Promise<Map<string, Org>> }>()

/** Forgets the cached tree (after an organisation changes: a move changes what "within my province" holds). */
export function forgetOrganizations(payload: Payload): void {
  orgCache.delete(payload)
}

/** Every organisation (id, name, path, kind), cached briefly: the tree is small and changes rarely. */
export function organizations(payload: Payload): Promise<Map<string, Org>> {
  const hit = orgCache.get(payload)
  if (hit && Date.now() - hit.at < ORG_CACHE_MS) return hit.orgs
  const orgs = payload.db
    .find<{ id: string | number; name?: string; path?: string; kind?: string; parent?: unknown }>({
      collection: 'organizations',
      select: { name: true, path: true, kind: true, parent: true },
      pagination: false,
    })
    .then((found) => new Map(found.docs.map((o) => [String(o.id), { id: String(o.id), name: String(o.name ?? ''), path: String(o.path ?? ''), kind: String(o.kind ?? ''), parent: refId(o.parent as never) }])))
  orgCache.set(payload, { at: Date.now(), orgs })
  orgs.catch(() => orgCache.delete(payload))
  return orgs
}
