/**
 * Roles are held per organisation: a person may be a member of a branch, bí thư of that branch and an
 * editor of a ward committee at once. These pure functions answer every "may this account …" question
 * from the account alone (role organisation ids) and the subject's materialised organisation path.
 */
import { isWithin, type Id } from '../org-tree/path'

export const ROLE_LABELS = {
  'bi-thu': 'Bí thư',
  'pho-bi-thu': 'Phó bí thư',
  'cap-uy-vien': 'Cấp ủy viên',
  'bien-tap-vien': 'Biên tập viên',
} as const
export type RoleName = keyof typeof ROLE_LABELS

export const ACCOUNT_STATUS_LABELS = {
  'chua-kich-hoat': 'Chưa kích hoạt (nhập từ danh sách)',
  'cho-duyet': 'Chờ duyệt',
  'da-duyet': 'Đã duyệt',
  'tu-choi': 'Bị từ chối',
} as const
export type AccountStatus = keyof typeof ACCOUNT_STATUS_LABELS

/** Roles that make someone part of an organisation's leadership (lãnh đạo): oversight of its subtree. */
export const LEADERSHIP_ROLES: readonly RoleName[] = ['bi-thu', 'pho-bi-thu', 'cap-uy-vien']
/** Roles that may approve registrations of a branch's members (Điều 5.6). */
export const APPROVER_ROLES: readonly RoleName[] = ['bi-thu', 'pho-bi-thu']

type Ref = Id | { id: Id } | null | undefined

export type RoleAssignment = { role: RoleName; organization: Ref }

export type Account = {
  id: Id
  status?: AccountStatus | null
  systemAdmin?: boolean | null
  roles?: RoleAssignment[] | null
  branch?: Ref
}

export const refId = (ref: Ref): string | null =>
  ref == null ? null : typeof ref === 'object' ? String(ref.id) : String(ref)

export const isSystemAdmin = (user: Account | null | undefined): boolean => !!user?.systemAdmin

/** Only approved accounts reach member content; system administrators always do. */
export const isApproved = (user: Account | null | undefined): boolean =>
  !!user && (user.status === 'da-duyet' || isSystemAdmin(user))

/** Organisation ids where the account holds one of `roles` (approved accounts only). */
export function orgIdsWithRole(user: Account | null | undefined, roles: readonly RoleName[]): string[] {
  if (!user || !isApproved(user)) return []
  const ids = (user.roles ?? []).filter((r) => roles.includes(r.role)).map((r) => refId(r.organization))
  return [...new Set(ids.filter((id): id is string => id !== null))]
}

export const leadershipOrgIds = (user: Account | null | undefined) => orgIdsWithRole(user, LEADERSHIP_ROLES)
export const editorOrgIds = (user: Account | null | undefined) => orgIdsWithRole(user, ['bien-tap-vien'])

/** True when the account leads an organisation whose subtree contains `orgPath`. */
export function leadsPath(user: Account | null | undefined, orgPath: string | null | undefined): boolean {
  return leadershipOrgIds(user).some((id) => isWithin(orgPath, id))
}

/**
 * Personal data (full citizen id, phone number) of a member: the member, the leadership of their branch
 * and of its ancestors, and system administrators.
 */
export function canSeePersonalData(
  viewer: Account | null | undefined,
  subject: { id: Id; orgPath?: string | null },
): boolean {
  if (!viewer) return false
  if (String(viewer.id) === String(subject.id)) return true
  return isSystemAdmin(viewer) || leadsPath(viewer, subject.orgPath)
}

/** Registration approval: the bí thư or phó bí thư of the member's own branch, or a system administrator. */
export function canApproveAccount(viewer: Account | null | undefined, subject: { branch?: Ref }): boolean {
  if (!viewer) return false
  if (isSystemAdmin(viewer)) return true
  const branch = refId(subject.branch)
  return branch !== null && orgIdsWithRole(viewer, APPROVER_ROLES).includes(branch)
}
