import { APIError, type CollectionAfterChangeHook, type PayloadRequest } from 'payload'
import { refId } from '../../../src/lib/member/roles'
import { childPath, depthOf, type Id } from '../../../src/lib/org-tree/path'
import { sqlDatabase, type SqlDatabase } from '../database'
import { PATH_DEPENDENTS, TREE_PATHS, type PathDependent } from '../pathDependents'
import { realignStatement, type PathColumn } from '../pathSql'

const columnsOf = (dep: PathDependent): PathColumn => ({ table: dep.collection.replace(/-/g, '_'), column: dep.column, depthColumn: dep.depth?.column })

/** Re-aligns every stored copy of paths through `node` onto its new path: descendants, members, other dependents. */
async function carrySubtree(req: PayloadRequest, sql: SqlDatabase | null, node: Id, oldPath: string, newPath: string): Promise<void> {
  if (sql) {
    await sql.writeAll(PATH_DEPENDENTS.map((dep) => realignStatement(sql.dialect, columnsOf(TREE_PATHS), columnsOf(dep), node)))
    return
  }
  // Document databases: record by record, atomic only inside a MongoDB transaction (replica set).
  for (const dep of PATH_DEPENDENTS) {
    const found = await req.payload.db.find({ collection: dep.collection, where: { [dep.field]: { like: oldPath } }, pagination: false, req })
    for (const doc of found.docs as Record<string, unknown>[]) {
      const current = String(doc[dep.field] ?? '')
      if (!current.startsWith(oldPath)) continue
      const path = newPath + current.slice(oldPath.length)
      await req.payload.db.updateOne({
        collection: dep.collection,
        id: doc.id as string,
        data: { [dep.field]: path, ...(dep.depth ? { [dep.depth.field]: depthOf(path) } : {}) },
        req,
      })
    }
  }
}

/** Puts a node whose move failed back under its previous parent, at the path that parent has now. */
async function putBack(req: PayloadRequest, previousDoc: Record<string, any>): Promise<void> {
  const parentId = refId(previousDoc.parent)
  const parent = parentId ? ((await req.payload.db.findOne({ collection: 'organizations', where: { id: { equals: parentId } }, req })) as { path?: string } | null) : null
  const path = childPath(parent?.path ?? null, previousDoc.id)
  await req.payload.db.updateOne({ collection: 'organizations', id: previousDoc.id, data: { ...previousDoc, path, depth: depthOf(path) }, req })
}

/**
 * After a create, the node's own id completes its path. After a move, the whole subtree and everything
 * scoped by it follow; depth is recomputed for the moved nodes. A move whose rewrite fails changes nothing:
 * the request's transaction rolls back, or — SQLite runs without one — the rewrite, a single atomic batch,
 * did not happen and the node is put back under its previous parent.
 */
export const rebaseSubtree: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation === 'create') {
    const parent = doc.parent
      ? await req.payload.findByID({ collection: 'organizations', id: typeof doc.parent === 'object' ? doc.parent.id : doc.parent, depth: 0, req, overrideAccess: true })
      : null
    const path = childPath(parent?.path ?? null, doc.id)
    await req.payload.db.updateOne({ collection: 'organizations', id: doc.id, data: { path, depth: depthOf(path) }, req })
    return { ...doc, path, depth: depthOf(path) }
  }
  const oldPath = previousDoc?.path as string | undefined
  const newPath = doc.path as string
  if (!oldPath || !newPath || oldPath === newPath) return doc
  const sql = await sqlDatabase({ payload: req.payload, req })
  try {
    await carrySubtree(req, sql, doc.id, oldPath, newPath)
  } catch (err) {
    req.payload.logger.error({ err, msg: `Chuyển tổ chức ${doc.id}: không cập nhật được đường dẫn ${oldPath} → ${newPath}` })
    if (sql && !sql.inTransaction) await putBack(req, previousDoc)
    throw new APIError('Không thể chuyển tổ chức: cập nhật các đơn vị trực thuộc và đảng viên không thành công. Chưa có thay đổi nào được lưu, vui lòng thử lại.', 500, null, true)
  }
  return doc
}
