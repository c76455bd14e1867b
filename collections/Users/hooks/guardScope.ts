import { APIError, type CollectionBeforeChangeHook } from 'payload'
import { isSystemAdmin, leadershipOrgIds, refId, type Account, type RoleAssignment } from '../../../src/lib/member/roles'
import { isWithin } from '../../../src/lib/org-tree/path'

const forbidden = (message: string) => new APIError(message, 403, null, true)

/**
 * Leaders act only inside the subtree they lead: the member's branch and every role they grant or take
 * away must lie there. Nobody but a system administrator changes their own roles.
 */
export const guardScope: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  const actor = req.user as Account | null
  if (!actor || isSystemAdmin(actor)) return data
  const isSelf = operation === 'update' && String(actor.id) === String(originalDoc?.id)
  const led = leadershipOrgIds(actor)
  const pathOf = async (orgId: string | null) =>
    orgId ? ((await req.payload.db.findOne<{ id: string; path?: string }>({ collection: 'organizations', where: { id: { equals: orgId } }, req }))?.path as string | undefined) : undefined
  const inReach = (path: string | undefined) => !!path && led.some((id) => isWithin(path, id))

  if (!isSelf && data.branch !== undefined && !inReach(await pathOf(refId(data.branch))))
    throw forbidden('Bạn chỉ được quản lý đảng viên thuộc tổ chức mình phụ trách.')

  if (data.roles !== undefined) {
    const key = (r: RoleAssignment) => `${r.role}@${refId(r.organization)}`
    const before = new Set(((originalDoc?.roles ?? []) as RoleAssignment[]).map(key))
    const after = new Set(((data.roles ?? []) as RoleAssignment[]).map(key))
    const changed = [...after].filter((k) => !before.has(k)).concat([...before].filter((k) => !after.has(k)))
    if (changed.length > 0 && isSelf) throw forbidden('Bạn không thể tự thay đổi chức vụ của mình.')
    for (const k of changed) {
      const orgId = k.slice(k.indexOf('@') + 1)
      if (!inReach(await pathOf(orgId))) throw forbidden('Bạn chỉ được phân công chức vụ trong tổ chức mình phụ trách.')
    }
  }
  return data
}
