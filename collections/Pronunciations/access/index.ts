import type { Access } from 'payload'
import { editorOrgIds, isApproved, isSystemAdmin } from '../../../src/lib/member/roles'

/**
 * The pronunciation dictionary is shared by the whole platform: any approved editor (of any
 * organisation) and the system administrators read and extend it; members never need it.
 */
export const editorsAndAdmins: Access = ({ req: { user } }) => isSystemAdmin(user) || (isApproved(user) && editorOrgIds(user).length > 0)
