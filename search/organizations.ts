/**
 * The organisation tree as the search endpoint needs it (names for facet labels, paths for "within my
 * province"), kept briefly (one copy per process) and dropped whenever an organisation changes
 * (collections/Organizations/hooks/forgetTreeCaches.ts), so that a move shows in the province filter at once.
 */
import type { Payload } from 'payload'
import { refId } from '../src/lib/member/roles'
import { processShared } from '../src/server/processShared'

const ORG_CACHE_MS = 10_000

export type Org = { id: string; name: string; path: string; kind: string; parent: string | null }

/**
 * One kept tree per process, whichever copy of this module asks (the Next bundle and server.ts load their own:
 * src/server/processShared.ts), so that a change forgotten through the hooks' copy is forgotten by the site's.
 * A process serves one database, so the tree does not depend on which Payload instance reads it.
 */
const kept = processShared('organizations', () => ({ tree: null as { at: number; orgs: Promise<Map<string, Org>> } | null }))

/** Forgets the kept tree (after an organisation changes: a move changes what "within my province" holds). */
export function forgetOrganizations(): void {
  kept.tree = null
}

/** Every organisation (id, name, path, kind), kept briefly: the tree is small and changes rarely. */
export function organizations(payload: Payload): Promise<Map<string, Org>> {
  const hit = kept.tree
  if (hit && Date.now() - hit.at < ORG_CACHE_MS) return hit.orgs
  const orgs = payload.db
    .find<{ id: string | number; name?: string; path?: string; kind?: string; parent?: unknown }>({
      collection: 'organizations',
      select: { name: true, path: true, kind: true, parent: true },
      pagination: false,
    })
    .then((found) => new Map(found.docs.map((o) => [String(o.id), { id: String(o.id), name: String(o.name ?? ''), path: String(o.path ?? ''), kind: String(o.kind ?? ''), parent: refId(o.parent as never) }])))
  const entry = { at: Date.now(), orgs }
  kept.tree = entry
  orgs.catch(() => {
    if (kept.tree === entry) kept.tree = null
  })
  return orgs
}
