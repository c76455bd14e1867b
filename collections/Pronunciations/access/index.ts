import type { Access, CollectionBeforeOperationHook, PayloadRequest } from 'payload'
import { editorOrgIds, isApproved, isSystemAdmin } from '../../../src/lib/member/roles'
import { forbidden } from '../../Documents/publishing/errors'

/**
 * The pronunciation dictionary is shared by the whole platform: one entry changes how every province's
 * documents are read aloud, and queues all those using the term to be read again. So any approved editor
 * (of any organisation) and the system administrators read it — to know how a term will sound — but only
 * the editors of the Central Committee and its organs, and the system administrators, change it.
 */
export const editorsAndAdmins: Access = ({ req: { user } }) => isSystemAdmin(user) || (isApproved(user) && editorOrgIds(user).length > 0)

/** Organisation kinds of the central level (Ban Chấp hành Trung ương and its organs). */
const CENTRAL_KINDS = ['trung-uong', 'co-quan-trung-uong']

const centralCache = new WeakMap<object, Promise<boolean>>()

/** True when the signed-in account edits for an organisation of the central level (once per request). */
function editsAtCentre(req: PayloadRequest): Promise<boolean> {
  const ids = editorOrgIds(req.user)
  if (ids.length === 0) return Promise.resolve(false)
  let known = centralCache.get(req)
  if (!known) {
    known = req.payload.db
      .findOne({ collection: 'organizations', where: { and: [{ id: { in: ids } }, { kind: { in: CENTRAL_KINDS } }] }, req })
      .then((org) => !!org)
    centralCache.set(req, known)
  }
  return known
}

export const centralEditorsAndAdmins: Access = async ({ req }) => isSystemAdmin(req.user) || (isApproved(req.user) && (await editsAtCentre(req)))

/**
 * Tells an editor of a lower level why a change is refused (the access rule alone answers with Payload's
 * generic message). Runs before the access rule; members and visitors get the generic answer.
 */
export const explainCentralOnly: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (!['create', 'update', 'delete'].includes(operation) || (args as { overrideAccess?: boolean }).overrideAccess) return args
  if (!req.user || isSystemAdmin(req.user) || !isApproved(req.user) || editorOrgIds(req.user).length === 0) return args
  if (!(await editsAtCentre(req)))
    forbidden('Từ điển phát âm dùng chung cho cả nước: chỉ biên tập viên cấp Trung ương và quản trị hệ thống được thêm, sửa hoặc xóa cách đọc. Đồng chí hãy gửi đề nghị cho biên tập viên cấp Trung ương.')
  return args
}
