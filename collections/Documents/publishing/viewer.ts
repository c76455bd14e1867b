/**
 * The {@link Viewer} of a request: the account's roles and branch turned into the organisation ids the
 * access rules compare with. Computed once per request (access functions run several times in one).
 *
 * Staff organs (kinds `co-quan-trung-uong`, `co-quan-tham-muu`: Ban Bí thư, the ban of a committee…)
 * have no members below them, yet what they issue is addressed to the whole organisation they serve:
 * a Quy định of Ban Bí thư reaches every Party member, a Hướng dẫn of Ban Tuyên giáo Thành ủy every
 * member in the city. So an organ's content reaches the subtree of its parent, and the parent's
 * leadership approves it.
 */
import type { PayloadRequest } from 'payload'
import { editorOrgIds, isApproved, isSystemAdmin, leadershipOrgIds, refId, type Account } from '../../../src/lib/member/roles'
import { idsOnPath } from '../../../src/lib/org-tree/path'
import { ANONYMOUS, type Viewer } from './audience'
import { processShared } from '../../../src/server/processShared'

/** Organisation kinds that act for their parent committee. */
export const ORGAN_KINDS = ['co-quan-trung-uong', 'co-quan-tham-muu'] as const

type MemberUser = Account & { orgPath?: string | null; branch?: Account['branch'] & { path?: string | null } }

const cache = new WeakMap<object, { user: unknown; viewer: Promise<Viewer> }>()

/**
 * Viewers shared between requests: every request authenticates, and computing a viewer costs two queries
 * (the branch's path, the staff organs on it). An entry is keyed by the account and its last change, so a
 * changed role, status or branch is seen at once; a change of the organisation tree (a move, a new organ)
 * empties the cache in this process (`forgetViewers`), and entries live 10 s at most for changes made by
 * another process.
 */
const VIEWER_TTL_MS = 10_000
const MAX_SHARED = 20_000
/**
 * The shared viewers, and a generation bumped by every change of the tree (a viewer computed across one
 * is not shared); one per process, so that a change seen by the hooks reaches the member site's copy of
 * this module too (src/server/processShared.ts).
 */
const state = processShared('viewers', () => ({ shared: new Map<string, { viewer: Promise<Viewer>; expires: number }>(), generation: 0 }))
const shared = state.shared

/** Drops every shared viewer (the organisation tree changed). */
export function forgetViewers(): void {
  state.generation += 1
  shared.clear()
}

const sharedKey = (user: MemberUser & { updatedAt?: string }) => (user.updatedAt ? `${String(user.id)}|${user.updatedAt}` : null)

/** The materialised path of the member's branch (kept on the account as the hidden `orgPath`). */
async function branchPath(req: PayloadRequest, user: MemberUser): Promise<string | null> {
  if (user.orgPath) return user.orgPath
  const branch = user.branch as { path?: string | null } | string | number | null | undefined
  if (branch && typeof branch === 'object' && branch.path) return branch.path
  const id = refId(user.branch as never)
  if (!id) return null
  const org = await req.payload.db.findOne<{ id: string | number; path?: string | null }>({ collection: 'organizations', where: { id: { equals: id } }, req })
  return org?.path ?? null
}

/** Staff organs whose parent is one of `parents`. */
export async function organsUnder(req: PayloadRequest, parents: string[]): Promise<{ id: string; parent: string }[]> {
  if (parents.length === 0) return []
  const found = await req.payload.db.find<{ id: string | number; parent?: unknown }>({
    collection: 'organizations',
    where: { and: [{ parent: { in: parents } }, { kind: { in: [...ORGAN_KINDS] } }] },
    pagination: false,
    req,
  })
  return found.docs.map((d) => ({ id: String(d.id), parent: String(refId(d.parent as never)) }))
}

/** The materialised paths of `ids` (organisations that no longer exist are left out). */
async function pathsOf(req: PayloadRequest, ids: string[]): Promise<Record<string, string>> {
  if (ids.length === 0) return {}
  const found = await req.payload.db.find<{ id: string | number; path?: string | null }>({ collection: 'organizations', where: { id: { in: ids } }, pagination: false, req })
  return Object.fromEntries(found.docs.filter((d) => d.path).map((d) => [String(d.id), String(d.path)]))
}

async function computeViewer(req: PayloadRequest, user: MemberUser): Promise<Viewer> {
  const systemAdmin = isSystemAdmin(user)
  const approved = isApproved(user)
  if (!approved) return { ...ANONYMOUS, id: user.id }
  const led = leadershipOrgIds(user)
  const edited = editorOrgIds(user)
  const lineage = idsOnPath(await branchPath(req, user))
  const oversight = [...new Set([...led, ...edited])]
  const [organs, oversightPaths] = await Promise.all([organsUnder(req, [...new Set([...lineage, ...led])]), pathsOf(req, oversight)])
  const reach = [...lineage, ...organs.filter((o) => lineage.includes(o.parent)).map((o) => o.id)]
  const approvable = [...led, ...organs.filter((o) => led.includes(o.parent)).map((o) => o.id)]
  return {
    id: user.id,
    systemAdmin,
    approved,
    reach: [...new Set(reach)],
    oversight,
    oversightPaths,
    writable: [...new Set([...edited, ...approvable])],
    approvable: [...new Set(approvable)],
  }
}

/** The viewer behind `req` (anonymous when nobody is signed in). */
export function viewerOf(req: PayloadRequest): Promise<Viewer> {
  const user = req.user as MemberUser | null
  if (!user) return Promise.resolve(ANONYMOUS)
  const hit = cache.get(req)
  if (hit && hit.user === user) return hit.viewer
  const key = sharedKey(user)
  const now = Date.now()
  const known = key ? shared.get(key) : undefined
  if (known && known.expires > now) {
    cache.set(req, { user, viewer: known.viewer })
    return known.viewer
  }
  const startedIn = state.generation
  const viewer = computeViewer(req, user)
  cache.set(req, { user, viewer })
  if (key) {
    if (shared.size >= MAX_SHARED) shared.clear()
    const entry = { viewer, expires: now + VIEWER_TTL_MS }
    shared.set(key, entry)
    const drop = () => {
      if (shared.get(key) === entry) shared.delete(key)
    }
    viewer.then(() => state.generation !== startedIn && drop(), drop)
  }
  return viewer
}
