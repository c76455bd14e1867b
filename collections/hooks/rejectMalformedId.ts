/**
 * On SQL databases ids are numbers, and Payload reads the id in a URL with parseFloat: `/api/documents/abc`
 * became NaN (PostgreSQL then failed the query: HTTP 500) and `/api/news/1abc` was news 1. An id that is not
 * a whole number names no record: 404 with a Vietnamese message, before any query.
 */
import { NotFound, type CollectionBeforeOperationHook } from 'payload'

export const rejectMalformedId: CollectionBeforeOperationHook = ({ args, req }) => {
  const id = (args as { id?: unknown }).id
  const asked = req.routeParams?.id
  if (typeof id === 'number' && (!Number.isSafeInteger(id) || (typeof asked === 'string' && !/^\d+$/.test(asked)))) {
    const notFound = new NotFound(req.t)
    notFound.message = 'Không tìm thấy: mã bản ghi không hợp lệ.'
    throw notFound
  }
  return args
}
