import type { Access, Where } from 'payload'
import { isApproved, isSystemAdmin, leadershipOrgIds, refId, type Account } from '../../../src/lib/member/roles'
import { subtreeMarker } from '../../../src/lib/org-tree/path'

const within = (orgIds: string[]): Where[] => orgIds.map((id) => ({ orgPath: { contains: subtreeMarker(id) } }))

/**
 * Profiles: everyone reads their own; approved members see the approved members of their own branch;
 * leaders see every profile in the subtree they lead; system administrators see all.
 */
export const canReadUsers: Access = ({ req: { user } }) => {
  const me = user as Account | null
  if (!me) return false
  if (isSystemAdmin(me)) return true
  const self: Where = { id: { equals: me.id } }
  if (!isApproved(me)) return self
  const branch = refId(me.branch)
  const branchmates: Where[] = branch ? [{ and: [{ branch: { equals: branch } }, { status: { equals: 'da-duyet' } }] }] : []
  return { or: [self, ...branchmates, ...within(leadershipOrgIds(me))] }
}

/** Members edit their own profile (identity fields wait for approval); leaders edit profiles they lead. */
export const canUpdateUsers: Access = ({ req: { user } }) => {
  const me = user as Account | null
  if (!me) return false
  if (isSystemAdmin(me)) return true
  return { or: [{ id: { equals: me.id } }, ...within(leadershipOrgIds(me))] }
}

/** Accounts are created by registration (the /register endpoint), by leaders for their subtree, or by admins. */
export const canCreateUsers: Access = ({ req: { user } }) =>
  isSystemAdmin(user as Account) || leadershipOrgIds(user as Account).length > 0

export const onlySystemAdmins: Access = ({ req: { user } }) => isSystemAdmin(user as Account)

/** The admin panel is for people with a role (editors, leaders) and system administrators. */
export const canUseAdminPanel = ({ req: { user } }: { req: { user: unknown } }): boolean => {
  const me = user as Account | null
  return isSystemAdmin(me) || (isApproved(me) && (me?.roles?.length ?? 0) > 0)
}

export const canUnlock: Access = ({ req: { user } }) =>
  isSystemAdmin(user as Account) || leadershipOrgIds(user as Account).length > 0
