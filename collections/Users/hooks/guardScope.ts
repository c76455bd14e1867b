import { APIError, ValidationError, type CollectionBeforeChangeHook, type CollectionBeforeOperationHook, type PayloadRequest, type Where } from 'payload'
import { checkPassword } from '../../../src/lib/member/password'
import { isSystemAdmin, leadershipOrgIds, leadsPath, refId, type Account, type RoleAssignment } from '../../../src/lib/member/roles'
import { isWithin } from '../../../src/lib/org-tree/path'

const forbidden = (message: string) => new APIError(message, 403, null, true)

/** What signs a person in or decides what they may do: changed only over people strictly below. */
const CREDENTIALS = ['password', 'email', 'username', 'cardNumber', 'roles', 'status', 'systemAdmin'] as const

const roleKey = (r: RoleAssignment) => `${r.role}@${refId(r.organization)}`
const roleKeys = (roles: unknown) => new Set(((roles ?? []) as RoleAssignment[]).map(roleKey))
const normalised = (field: string, value: unknown): string => {
  if (field === 'roles') return [...roleKeys(value)].sort().join(',')
  if (value == null) return ''
  if (field === 'cardNumber' || field === 'username') return String(value).replace(/[\s.]/g, '')
  if (field === 'email') return String(value).trim().toLowerCase()
  return String(value)
}

type PersonRow = { id: string | number; systemAdmin?: boolean | null; roles?: RoleAssignment[] | null }

const orgPath = async (req: PayloadRequest, orgId: string | null) =>
  orgId ? ((await req.payload.db.findOne<{ id: string; path?: string }>({ collection: 'organizations', where: { id: { equals: orgId } }, req }))?.path as string | undefined) : undefined

/**
 * True when every role `person` holds lies strictly below an organisation `actor` leads (a person without
 * roles qualifies): a ward secretary manages the branch secretaries of the ward, never a city-level editor
 * whose branch happens to lie in the ward, nor a fellow member of the ward committee. Administrators are
 * below nobody but administrators. Whether the person's branch is in reach is the access rule's business.
 */
export async function outranks(req: PayloadRequest, actor: Account, person: PersonRow): Promise<boolean> {
  if (isSystemAdmin(actor)) return true
  if (person.systemAdmin) return false
  const led = leadershipOrgIds(actor)
  for (const role of person.roles ?? []) {
    const orgId = refId(role.organization)
    const path = await orgPath(req, orgId)
    if (!led.some((id) => id !== orgId && isWithin(path, id))) return false
  }
  return true
}

/**
 * Leaders act only inside the subtree they lead: the member's branch and every role they grant or take
 * away must lie there, and a new account must get a branch there. Nobody but a system administrator
 * changes their own roles; only the person themself or a system administrator sets a password; the
 * credentials of someone holding a role at or above the leader's level are out of reach. Every password
 * set on an account must pass the password rules.
 */
export const guardScope: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req, context }) => {
  if (typeof data.password === 'string') {
    const person = { cardNumber: data.cardNumber ?? originalDoc?.cardNumber, phone: data.phone ?? originalDoc?.phone }
    const checked = checkPassword(data.password, person)
    if (!checked.ok) throw new ValidationError({ collection: 'users', errors: [{ path: 'password', message: checked.message }] }, req.t)
    // Told to the audit hook: the stored hash never reaches it.
    if (operation === 'update') context.passwordChanged = true
  }

  const actor = req.user as Account | null
  if (!actor || isSystemAdmin(actor)) return data
  const isSelf = operation === 'update' && String(actor.id) === String(originalDoc?.id)
  const led = leadershipOrgIds(actor)
  const inReach = (path: string | undefined) => !!path && led.some((id) => isWithin(path, id))

  if (operation === 'create' && !inReach(await orgPath(req, refId(data.branch))))
    throw forbidden('Tài khoản mới phải thuộc một chi bộ trong tổ chức bạn phụ trách: hãy chọn chi bộ.')
  if (!isSelf && data.branch !== undefined && !inReach(await orgPath(req, refId(data.branch))))
    throw forbidden('Bạn chỉ được quản lý đảng viên thuộc tổ chức mình phụ trách.')

  // Approving or rejecting a registration, or the person's own requested changes, follows the approval
  // endpoints' rule (the bí thư or phó bí thư of the person's branch: collections/Users/endpoints/approval.ts).
  if (operation === 'update' && !isSelf && !context.approvalDecision) {
    if (typeof data.password === 'string' && data.password !== '')
      throw forbidden('Chỉ chính đảng viên hoặc quản trị hệ thống được đặt mật khẩu của một tài khoản.')
    const touched = CREDENTIALS.filter((f) => f !== 'password' && data[f] !== undefined && normalised(f, data[f]) !== normalised(f, originalDoc?.[f]))
    if (touched.length > 0 && !(await outranks(req, actor, originalDoc as PersonRow)))
      throw forbidden('Bạn không được thay đổi thông tin đăng nhập, e-mail, chức vụ hoặc trạng thái của người giữ chức vụ ngang hoặc cao hơn mình.')
  }

  if (data.roles !== undefined) {
    const before = roleKeys(originalDoc?.roles)
    const after = roleKeys(data.roles)
    const changed = [...after].filter((k) => !before.has(k)).concat([...before].filter((k) => !after.has(k)))
    if (changed.length > 0 && isSelf) throw forbidden('Bạn không thể tự thay đổi chức vụ của mình.')
    for (const k of changed) {
      const orgId = k.slice(k.indexOf('@') + 1)
      if (!inReach(await orgPath(req, orgId))) throw forbidden('Bạn chỉ được phân công chức vụ trong tổ chức mình phụ trách.')
    }
  }
  return data
}

/**
 * Unlocking a sign-in (POST /api/users/unlock): system administrators, and leaders for people strictly
 * below them in the subtree they lead (never an administrator). The access rule lets leaders in; this hook
 * decides per account, before Payload looks the account up.
 */
export const guardUnlock: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  const unlock = args as { overrideAccess?: boolean; data?: { email?: unknown; username?: unknown } }
  if ((operation as string) !== 'unlock' || unlock.overrideAccess) return args
  const actor = req.user as Account | null
  if (!actor || isSystemAdmin(actor)) return args
  const email = typeof unlock.data?.email === 'string' ? unlock.data.email.trim().toLowerCase() : ''
  const username = typeof unlock.data?.username === 'string' ? unlock.data.username.trim().toLowerCase() : ''
  const where: Where = email ? { email: { equals: email } } : { username: { equals: username } }
  const person = await req.payload.db.findOne<PersonRow & { orgPath?: string | null }>({ collection: 'users', where, req })
  if (!person || !leadsPath(actor, person.orgPath) || !(await outranks(req, actor, person)))
    throw forbidden('Bạn chỉ được mở khóa tài khoản của đảng viên cấp dưới trong tổ chức mình phụ trách.')
  return args
}
