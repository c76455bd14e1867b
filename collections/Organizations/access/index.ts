import type { Access, Where } from 'payload'
import { isApproved, isSystemAdmin, leadershipOrgIds } from '../../../src/lib/member/roles'
import { subtreeMarker } from '../../../src/lib/org-tree/path'

/**
 * The tree's names and shape are not secret (registration needs the list of branches), so anyone may
 * read organisations.
 */
export const anyoneCanRead: Access = () => true

/** System administrators manage the whole tree; the leadership of an organisation manages what is below it. */
export const canManageOrganizations: Access = ({ req: { user } }) => {
  if (isSystemAdmin(user)) return true
  if (!isApproved(user)) return false
  const led = leadershipOrgIds(user)
  if (led.length === 0) return false
  return { or: led.map((id): Where => ({ and: [{ path: { contains: subtreeMarker(id) } }, { id: { not_equals: id } }] })) }
}
