/**
 * SQL text over materialised paths, for what Payload's query language cannot say efficiently: "path starts
 * with". Payload's `contains`/`like` become `ILIKE '%…%'`, a scan of the whole table; a prefix match can
 * walk the path index instead. Pure: builds statements, runs nothing (see ./database for that).
 *
 * Paths are inlined as literals, so every one is checked against SAFE_PATH first: only "/", digits, ASCII
 * letters and "-" — none of which is a quote or a LIKE/GLOB wildcard.
 */
import type { Id } from '../../src/lib/org-tree/path'

export type SqlDialect = 'sqlite' | 'postgres'

/** A table that stores a copy of an organisation path (see ./pathDependents). */
export type PathColumn = { table: string; column: string; depthColumn?: string }

const SAFE_PATH = /^\/(?:[0-9a-zA-Z-]+\/)+$/
const SAFE_NAME = /^[a-z_][a-z0-9_]*$/

export function assertSafePath(path: string): string {
  if (!SAFE_PATH.test(path)) throw new Error(`Đường dẫn tổ chức không hợp lệ: "${path}".`)
  return path
}

const name = (identifier: string): string => {
  if (!SAFE_NAME.test(identifier)) throw new Error(`Tên bảng hoặc cột không hợp lệ: "${identifier}".`)
  return `"${identifier}"`
}

/**
 * "column starts with prefix", in the form each database answers from a plain B-tree index: SQLite's GLOB
 * is case-sensitive and so can use the index (its LIKE is case-insensitive and cannot); PostgreSQL's LIKE
 * uses an index built with `varchar_pattern_ops` (or any index under the "C" collation) and otherwise
 * scans, still an order of magnitude cheaper than ILIKE '%…%'.
 */
export function startsWith(dialect: SqlDialect, column: string, prefix: string): string {
  assertSafePath(prefix)
  return dialect === 'sqlite' ? `${name(column)} GLOB '${prefix}*'` : `${name(column)} LIKE '${prefix}%'`
}

/**
 * Ids of the rows whose path lies in the subtree rooted at `path` (that row included), as one row with one
 * column `ids`: comma-separated, or null when none. Aggregated in the database because the driver's cost is
 * per row: 50,000 ids come back from SQLite in ~5 ms as one string against ~140 ms as 50,000 rows.
 */
export function selectIdsUnder(dialect: SqlDialect, table: string, column: string, path: string): string {
  const ids = dialect === 'sqlite' ? `group_concat("id", ',')` : `string_agg("id"::text, ',')`
  return `SELECT ${ids} AS "ids" FROM ${name(table)} WHERE ${startsWith(dialect, column, path)}`
}

/** The ids listed by a `selectIdsUnder` row. */
export const idsFromRow = (row: { ids?: unknown } | undefined): string[] => (row?.ids ? String(row.ids).split(',') : [])

const SAFE_ID = /^[0-9a-zA-Z-]+$/

/** The `id = …` literal of a node id (checked: digits, ASCII letters, "-"). */
function idLiteral(id: Id): string {
  if (!SAFE_ID.test(String(id))) throw new Error(`Mã số tổ chức không hợp lệ: "${id}".`)
  return typeof id === 'number' ? String(id) : `'${id}'`
}

/**
 * Re-aligns every stored path that passes through node `id` onto the node's path as stored now: the part
 * after "/id/" is kept, the part before it becomes the node's current path; depths are recomputed the same
 * way. Run after the node itself was saved at its new place, it carries the whole subtree (and, on another
 * table, everything that copies its paths). The statement reads the node's path when it runs rather than
 * taking the old one from the caller, so it stays right when several nested nodes move in one request
 * (a bulk edit processes them in parallel, each with the document as it was before any of them moved).
 *
 * It finds the rows by the "/id/" marker, which no index serves: a scan, acceptable for a rare write (see
 * scripts/bench-tree.ts for its cost on 50,000 organisations and members).
 */
export function realignStatement(dialect: SqlDialect, tree: PathColumn, target: PathColumn, id: Id): string {
  const node = idLiteral(id)
  const marker = `/${id}/`
  const column = name(target.column)
  const position = dialect === 'sqlite' ? `instr(${column}, '${marker}')` : `strpos(${column}, '${marker}')`
  const below = `substr(${column}, ${position} + ${marker.length})`
  const nodePath = `(SELECT ${name(tree.column)} FROM ${name(tree.table)} WHERE "id" = ${node})`
  const setDepth = target.depthColumn && tree.depthColumn
    ? `, ${name(target.depthColumn)} = (SELECT ${name(tree.depthColumn)} FROM ${name(tree.table)} WHERE "id" = ${node}) + length(${below}) - length(replace(${below}, '/', ''))`
    : ''
  const passesThrough = dialect === 'sqlite' ? `${column} GLOB '*${marker}*'` : `${column} LIKE '%${marker}%'`
  return `UPDATE ${name(target.table)} SET ${column} = ${nodePath} || ${below}${setDepth} WHERE ${passesThrough}`
}
