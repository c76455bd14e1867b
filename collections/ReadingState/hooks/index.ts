import type { CollectionBeforeChangeHook } from 'payload'

type Ref = string | number | { id: string | number } | null | undefined
const refId = (ref: Ref) => (ref == null ? null : typeof ref === 'object' ? ref.id : ref)

/** The row key: one row per account and item ("12:documents:34"). */
export const stateKey = (user: string | number, collection: 'documents' | 'news', item: string | number) => `${user}:${collection}:${item}`

/**
 * A row belongs to whoever creates it (never to another account), points at exactly one document or news
 * item, and keeps its owner and item for life; the key makes the pair unique.
 */
export const ownAndKey: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  if (operation === 'update' && originalDoc) {
    data.user = refId(originalDoc.user)
    data.document = originalDoc.document ? refId(originalDoc.document) : null
    data.news = originalDoc.news ? refId(originalDoc.news) : null
    data.key = originalDoc.key
    return data
  }
  if (req.user) data.user = req.user.id
  const document = data.document ? refId(data.document) : null
  const news = data.news ? refId(data.news) : null
  if (!data.user || (!document && !news) || (document && news)) throw new Error('Trạng thái đọc cần đúng một văn bản hoặc một tin.')
  data.key = document ? stateKey(data.user, 'documents', document) : stateKey(data.user, 'news', news!)
  if (typeof data.positionMs === 'number') data.positionMs = Math.max(0, Math.round(data.positionMs))
  return data
}
