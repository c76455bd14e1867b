/**
 * Lists asked for over HTTP (REST, GraphQL) come in pages of at most MAX_LIST_PAGE rows. Without it,
 * `?limit=0` or `?pagination=false` makes one request read everything the caller may read — thousands
 * of documents for a province's leaders on the `seed:scale` database, seconds during which the web
 * process answers nobody else. The answer keeps its true `totalDocs` and `hasNextPage`, so a client
 * that wants everything pages through it. Reads made by the server itself (Local API: the member site,
 * jobs, scripts) are not limited.
 */
import type { CollectionBeforeOperationHook } from 'payload'

export const MAX_LIST_PAGE = 200

type ListArgs = { limit?: number; pagination?: boolean }

export const capListSize: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'read' || !req || req.payloadAPI === 'local') return args
  const list = args as ListArgs
  const asked = typeof list.limit === 'number' && list.limit > 0 ? list.limit : undefined
  if (list.pagination === false) return { ...args, pagination: true, limit: Math.min(asked ?? MAX_LIST_PAGE, MAX_LIST_PAGE) }
  if (list.limit === 0 || (asked ?? 0) > MAX_LIST_PAGE) return { ...args, limit: MAX_LIST_PAGE }
  return args
}
