/**
 * The organisation tree is stored as a materialised path on every node: "/1/5/23/" lists the ids from
 * the root down to the node itself. Everything that must be scoped by the tree (members, documents,
 * meetings) copies its organisation's path, so "within X's subtree" is "path contains /X/".
 */

export type Id = string | number

export const ROOT_PATH = '/'

export function childPath(parentPath: string | null | undefined, id: Id): string {
  return `${parentPath || ROOT_PATH}${id}/`
}

/** Ids on the path, root first, the node itself last. */
export function idsOnPath(path: string | null | undefined): string[] {
  return (path ?? '').split('/').filter(Boolean)
}

/** Ancestor ids (root first), excluding the node itself. */
export function ancestorIds(path: string | null | undefined): string[] {
  return idsOnPath(path).slice(0, -1)
}

/** The fragment whose presence in a path means "within the subtree of id" (the node itself included). */
export function subtreeMarker(id: Id): string {
  return `/${id}/`
}

/**
 * "Within the subtree whose root has `path`" as a range of paths: every path in the subtree starts with
 * `path`, and in byte order those are exactly the strings from `path` up to (not including) `path` with
 * its closing "/" replaced by the next character, "0". A range an ordinary index answers, where "contains
 * /id/" makes the database read every row. It needs byte-order comparison of path columns: SQLite's and
 * MongoDB's default, and COLLATE "C" on PostgreSQL (set by the path-collation migration).
 */
export function subtreeRange(path: string): { from: string; to: string } {
  if (!path.endsWith('/')) throw new Error(`Đường dẫn tổ chức không hợp lệ: ${path}`)
  return { from: path, to: `${path.slice(0, -1)}0` }
}

export function isWithin(path: string | null | undefined, ancestorId: Id): boolean {
  return !!path && path.includes(subtreeMarker(ancestorId))
}

export function depthOf(path: string | null | undefined): number {
  return Math.max(0, idsOnPath(path).length - 1)
}
