import { APIError, ValidationError, type CollectionBeforeChangeHook, type PayloadRequest } from 'payload'
import { childPath, isWithin, type Id } from '../../../src/lib/org-tree/path'
import { isSystemAdmin, leadsPath, refId, type Account } from '../../../src/lib/member/roles'
import { LEAF_KINDS, ROOT_KINDS, kindLabel } from '../kinds'

type Org = { id: Id; name: string; kind: string; code?: string | null; path?: string | null; depth?: number | null }

const fail = (req: PayloadRequest, path: string, message: string): never => {
  throw new ValidationError({ collection: 'organizations', errors: [{ message, path }] }, req.t)
}
const forbidden = (message: string): never => {
  throw new APIError(message, 403, null, true)
}

const count = async (req: PayloadRequest, collection: 'organizations' | 'users', where: Record<string, unknown>) =>
  (await req.payload.count({ collection, where: where as never, req, overrideAccess: true })).totalDocs

/** Codes identify organisations in imports and lists: unique, compared after trimming; empty means none. */
async function checkCode(req: PayloadRequest, data: Record<string, any>, selfId: Id | undefined): Promise<void> {
  if (data.code === undefined) return
  data.code = typeof data.code === 'string' && data.code.trim() ? data.code.trim() : null
  if (!data.code) return
  const holder = (await req.payload.db.findOne({ collection: 'organizations', where: { code: { equals: data.code } }, req })) as Org | null
  if (holder && String(holder.id) !== String(selfId ?? ''))
    fail(req, 'code', `Mã tổ chức "${data.code}" đã được dùng cho ${holder.name}. Vui lòng chọn mã khác.`)
}

/** A chi bộ has members and no sub-organisations: the kind cannot change against what the node holds. */
async function checkKindChange(req: PayloadRequest, original: Org, kind: string): Promise<void> {
  if (kind === original.kind) return
  if (LEAF_KINDS.includes(kind as never)) {
    const children = await count(req, 'organizations', { parent: { equals: original.id } })
    if (children > 0) fail(req, 'kind', `Không thể đổi thành ${kindLabel(kind)}: tổ chức này còn ${children} tổ chức trực thuộc.`)
  }
  if (LEAF_KINDS.includes(original.kind as never)) {
    const members = await count(req, 'users', { branch: { equals: original.id } })
    if (members > 0) fail(req, 'kind', `Không thể đổi loại tổ chức: chi bộ này còn ${members} đảng viên sinh hoạt.`)
  }
}

/**
 * Computes `path` and `depth` from the parent, and refuses a tree that would be wrong: an organisation
 * under itself or its own descendant (a cycle), a non-root without a parent (an orphan), a child of a chi bộ,
 * a kind that contradicts what the node holds, a duplicate code — or a parent outside what the editor leads
 * (access lets leaders touch only nodes below the one they lead; this keeps new and moved nodes there too).
 */
export const maintainPath: CollectionBeforeChangeHook = async ({ data, originalDoc, req, operation }) => {
  const actor = req.user as Account | null
  const scoped = !!actor && !isSystemAdmin(actor)
  const kind = data.kind ?? originalDoc?.kind
  const parentId = refId(data.parent !== undefined ? data.parent : originalDoc?.parent)
  const selfId = originalDoc?.id as Id | undefined

  await checkCode(req, data, selfId)
  if (operation === 'update') await checkKindChange(req, originalDoc as Org, kind)

  if (!parentId) {
    if (!ROOT_KINDS.includes(kind))
      fail(req, 'parent', `${kindLabel(kind)} phải trực thuộc một tổ chức đảng cấp trên: vui lòng chọn tổ chức cấp trên.`)
    if (scoped) forbidden('Chỉ quản trị hệ thống được tạo hoặc sửa tổ chức cấp cao nhất.')
    data.path = operation === 'create' ? null : childPath(null, selfId!)
    data.depth = 0
    return data
  }
  if (ROOT_KINDS.includes(kind)) fail(req, 'parent', `${kindLabel(kind)} là cấp cao nhất, không có tổ chức cấp trên.`)

  const parent = (await req.payload
    .findByID({ collection: 'organizations', id: parentId, depth: 0, req, overrideAccess: true, disableErrors: true })
    .catch(() => null)) as Org | null
  if (!parent) return fail(req, 'parent', 'Tổ chức cấp trên không tồn tại.')
  if (LEAF_KINDS.includes(parent.kind as never)) fail(req, 'parent', 'Chi bộ là tổ chức cơ sở, không có tổ chức trực thuộc.')
  if (selfId != null && (String(parentId) === String(selfId) || isWithin(parent.path, selfId)))
    fail(req, 'parent', 'Không thể chuyển một tổ chức vào bên dưới chính nó hoặc một đơn vị trực thuộc của nó.')
  if (scoped && !leadsPath(actor, parent.path))
    forbidden('Bạn chỉ được tạo hoặc chuyển tổ chức vào bên trong tổ chức mình lãnh đạo.')

  data.path = selfId != null ? childPath(parent.path, selfId) : null
  data.depth = (parent.depth ?? 0) + 1
  return data
}
