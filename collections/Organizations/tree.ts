/**
 * The organisation-tree helpers every feature uses. One implementation, backed by the materialised
 * path stored on each node (see src/lib/org-tree/path.ts): one indexed read for containment, two for
 * ancestors, and for a subtree one range read of the path index ("path starts with", see ./pathSql).
 */
import type { Payload, PayloadRequest } from 'payload'
import { ancestorIds, isWithin, type Id } from '../../src/lib/org-tree/path'
import { sqlDatabase } from './database'
import { idsFromRow, selectIdsUnder } from './pathSql'

type Ctx = { payload: Payload; req?: Partial<PayloadRequest> }
export type OrgNode = { id: Id; name: string; kind: string; code?: string | null; parent?: Id | null; path: string; depth: number }

async function pathOf({ payload, req }: Ctx, id: Id): Promise<string | null> {
  const node = await payload
    .findByID({ collection: 'organizations', id, depth: 0, select: { path: true }, overrideAccess: true, disableErrors: true, req })
    .catch(() => null)
  return (node?.path as string | undefined) ?? null
}

/** Ancestors of `id`, root first, without the node itself. */
export async function ancestorsOf(ctx: Ctx, id: Id): Promise<OrgNode[]> {
  const ids = ancestorIds(await pathOf(ctx, id))
  if (ids.length === 0) return []
  const found = await ctx.payload.find({
    collection: 'organizations',
    where: { id: { in: ids } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req: ctx.req,
  })
  const byId = new Map(found.docs.map((d) => [String(d.id), d as unknown as OrgNode]))
  return ids.map((i) => byId.get(i)).filter((d): d is OrgNode => !!d)
}

/** True when `x` is `y` or lies anywhere below it. */
export async function isWithinSubtree(ctx: Ctx, x: Id, y: Id): Promise<boolean> {
  return isWithin(await pathOf(ctx, x), y)
}

/** Ids of `y` and every organisation below it; none when `y` does not exist. */
export async function subtreeIds(ctx: Ctx, y: Id): Promise<string[]> {
  const path = await pathOf(ctx, y)
  if (!path) return []
  const sql = await sqlDatabase(ctx)
  if (sql) {
    const [row] = await sql.query<{ ids: unknown }>(selectIdsUnder(sql.dialect, 'organizations', 'path', path))
    return idsFromRow(row)
  }
  // Document databases: Payload's queries have no prefix operator; `like` matches anywhere, keep true prefixes.
  const found = await ctx.payload.find({
    collection: 'organizations',
    where: { path: { like: path } },
    depth: 0,
    pagination: false,
    select: { path: true },
    overrideAccess: true,
    req: ctx.req,
  })
  return found.docs.filter((d) => String(d.path ?? '').startsWith(path)).map((d) => String(d.id))
}
