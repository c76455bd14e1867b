import { APIError, type CollectionBeforeDeleteHook } from 'payload'
import { subtreeMarker } from '../../../src/lib/org-tree/path'

const refuse = (message: string): never => {
  throw new APIError(message, 400, null, true)
}

/**
 * An organisation that still has sub-organisations or members cannot be deleted: they would be orphaned.
 * Nor one where someone still holds a role: the assignment would point nowhere.
 */
export const preventOrphans: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const count = async (collection: 'organizations' | 'users' | 'documents' | 'news' | 'forwards', where: Record<string, unknown>) =>
    (await req.payload.count({ collection, where: where as never, req, overrideAccess: true })).totalDocs

  const children = await count('organizations', { parent: { equals: id } })
  if (children > 0)
    refuse(`Không thể xóa: tổ chức này còn ${children} tổ chức trực thuộc. Hãy chuyển hoặc xóa các tổ chức đó trước.`)
  const members = await count('users', { orgPath: { contains: subtreeMarker(id) } })
  if (members > 0) refuse(`Không thể xóa: tổ chức này còn ${members} đảng viên. Hãy chuyển sinh hoạt đảng cho họ trước.`)
  const roles = await count('users', { 'roles.organization': { equals: id } })
  if (roles > 0) refuse(`Không thể xóa: còn ${roles} người giữ chức vụ tại tổ chức này. Hãy thu hồi các chức vụ đó trước.`)
  // What the organisation published or forwarded stays its record: documents are never orphaned.
  const published = (await count('documents', { issuer: { equals: id } })) + (await count('news', { issuer: { equals: id } }))
  if (published > 0) refuse(`Không thể xóa: tổ chức này đã ban hành ${published} văn bản, tin bài. Văn bản của tổ chức phải được lưu giữ.`)
  const forwards = await count('forwards', { organization: { equals: id } })
  if (forwards > 0) refuse(`Không thể xóa: tổ chức này còn ${forwards} văn bản chuyển tiếp. Hãy xóa các văn bản chuyển tiếp trước.`)
}
