/**
 * Collection hooks that keep the search index in sync: after a document or news item is saved or deleted,
 * its unit is synced once the request is over (see scheduleSearchSync in ./sync); after an organisation
 * moves, what was issued inside its subtree is synced again (its oversight tokens follow the new path).
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'
import { refId } from '../src/lib/member/roles'
import type { SearchCollection } from './content'
import { scheduleSearchSync, scheduleSubtreeSync } from './sync'

/** Documents whose effect status the saved document may have changed (replaced, repealed…). */
function relationTargets(doc: Record<string, unknown> | undefined): string[] {
  const rows = Array.isArray(doc?.relations) ? (doc!.relations as { target?: unknown }[]) : []
  return rows.map((r) => refId(r?.target as never)).filter((id): id is string => id !== null)
}

export function syncSearchAfterChange(collection: SearchCollection): CollectionAfterChangeHook {
  return ({ doc, previousDoc, req }) => {
    scheduleSearchSync(req.payload, collection, doc.id, req)
    if (collection === 'documents') {
      for (const target of new Set([...relationTargets(doc), ...relationTargets(previousDoc)])) scheduleSearchSync(req.payload, 'documents', target, req)
    }
    return doc
  }
}

export function syncSearchAfterDelete(collection: SearchCollection): CollectionAfterDeleteHook {
  return ({ doc, id, req }) => {
    scheduleSearchSync(req.payload, collection, id ?? doc?.id, req)
    if (collection === 'documents') for (const target of relationTargets(doc)) scheduleSearchSync(req.payload, 'documents', target, req)
    return doc
  }
}

/**
 * Organisations: after a move (path changed), re-sync the content issued inside the moved subtree (the
 * endpoint's copy of the tree is dropped by collections/Organizations/hooks/forgetTreeCaches).
 */
export const syncSearchAfterMove: CollectionAfterChangeHook = ({ doc, previousDoc, operation, req }) => {
  if (operation === 'update' && previousDoc?.path && doc.path && previousDoc.path !== doc.path) {
    void scheduleSubtreeSync(req.payload, doc.id, req).catch((err) =>
      req.payload.logger.error({ err, msg: `Tìm kiếm: không cập nhật được chỉ mục sau khi chuyển tổ chức ${doc.id}; chạy "sotay reindex".` }),
    )
  }
  return doc
}

