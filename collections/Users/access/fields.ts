import type { FieldAccess } from 'payload'
import { canSeePersonalData, isSystemAdmin, leadershipOrgIds, leadsPath, type Account } from '../../../src/lib/member/roles'

export const onlySystemAdmin: FieldAccess = ({ req: { user } }) => isSystemAdmin(user as Account)

/** Phone numbers: the member, the leadership of their branch and its ancestors, system administrators. */
export const canReadPhone: FieldAccess = ({ req: { user }, doc }) =>
  !!doc && canSeePersonalData(user as Account, { id: doc.id, orgPath: doc.orgPath })

/** What the branch's leadership (and the superior committees', administrators) reviews: never the person themself. */
export const onlyTheirLeaders: FieldAccess = ({ req: { user }, doc }) =>
  isSystemAdmin(user as Account) || (!!doc && String((user as Account | null)?.id) !== String(doc.id) && leadsPath(user as Account, doc.orgPath))

/** Roles are assigned by system administrators and by leaders (checked role by role in guardRoles). */
export const canChangeRoles: FieldAccess = ({ req: { user } }) =>
  isSystemAdmin(user as Account) || leadershipOrgIds(user as Account).length > 0
