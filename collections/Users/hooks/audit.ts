import type { CollectionAfterChangeHook, CollectionAfterOperationHook, CollectionBeforeReadHook } from 'payload'
import { isRecordingAudit, recordAudit } from '../../AuditLogs/record'
import { canSeePersonalData, refId, type Account, type RoleAssignment } from '../../../src/lib/member/roles'

const TRACKED = ['fullName', 'birthDate', 'gender', 'partyJoinDate', 'officialDate', 'cardNumber', 'citizenId', 'branch', 'phone', 'email', 'roles', 'systemAdmin', 'status']

/** What a change is called in the log, credentials first: "đổi mật khẩu", "đổi e-mail", … */
const CHANGE_LABELS: Record<string, string> = {
  password: 'đổi mật khẩu', email: 'đổi e-mail', cardNumber: 'đổi số thẻ đảng viên', roles: 'đổi chức vụ', systemAdmin: 'đổi quyền quản trị',
  status: 'đổi trạng thái tài khoản', fullName: 'họ và tên', birthDate: 'ngày sinh', gender: 'giới tính', partyJoinDate: 'ngày vào Đảng',
  officialDate: 'ngày chính thức', citizenId: 'số định danh cá nhân', branch: 'chi bộ', phone: 'số điện thoại',
}

/** A field's value in a comparable form: relations by id, roles by role and organisation. */
function comparable(field: string, value: unknown): string {
  if (field === 'branch') return String(refId(value as any) ?? '')
  if (field === 'roles') return ((value ?? []) as RoleAssignment[]).map((r) => `${r.role}@${refId(r.organization)}`).sort().join(',')
  return JSON.stringify(value ?? null)
}

/**
 * Which profile fields a change touched (names only: the log never copies personal data). Only fields both
 * versions carry are compared: the saved document comes back without the hidden ones.
 */
function changedFields(doc: Record<string, unknown>, previous: Record<string, unknown>): string[] {
  return TRACKED.filter((f) => f in doc && f in previous && comparable(f, doc[f]) !== comparable(f, previous[f]))
}

export const auditChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req, context }) => {
  const passwordChanged = !!context.passwordChanged
  delete context.passwordChanged
  if (context.skipAudit) return doc
  if (operation === 'create') {
    await recordAudit(req, { action: 'tao-tai-khoan', subject: doc.id, orgPath: doc.orgPath, summary: `Tạo tài khoản ${doc.fullName}` })
    return doc
  }
  const fields = [...(passwordChanged ? ['password'] : []), ...changedFields(doc, previousDoc ?? {})]
  const pendingAdded = JSON.stringify(doc.pendingChanges ?? null) !== JSON.stringify(previousDoc?.pendingChanges ?? null) && doc.pendingChanges
  if (fields.length) {
    const what = fields.map((f) => CHANGE_LABELS[f] ?? f).join(', ')
    const summary = passwordChanged && fields.length === 1 ? `Đổi mật khẩu tài khoản ${doc.fullName}` : `Cập nhật hồ sơ ${doc.fullName}: ${what}`
    await recordAudit(req, { action: 'cap-nhat-ho-so', subject: doc.id, orgPath: doc.orgPath, summary, details: { fields } })
  }
  if (pendingAdded)
    await recordAudit(req, { action: 'gui-thay-doi', subject: doc.id, orgPath: doc.orgPath, summary: `${doc.fullName} gửi thay đổi thông tin chờ duyệt`, details: { fields: Object.keys(doc.pendingChanges).filter((k) => k !== 'requestedAt' && !k.startsWith('citizenIdE') && k !== 'citizenIdHash') } })
  return doc
}

/**
 * Notes, per request, whose personal data (phone, full citizen id) is being shown to someone else.
 * Runs before read so that it sees the stored organisation path, which is never sent to clients.
 */
export const noteProfileView: CollectionBeforeReadHook = ({ doc, req }) => {
  const viewer = req.user as Account | null
  if (!viewer || isRecordingAudit(req) || String(viewer.id) === String(doc.id)) return doc
  if (canSeePersonalData(viewer, { id: doc.id, orgPath: doc.orgPath }) && (doc.phone || doc.citizenIdEncrypted)) {
    const seen = ((req.context.viewedProfiles as Map<string | number, string | null>) ??= new Map())
    seen.set(doc.id, doc.orgPath ?? null)
  }
  return doc
}

/** One log entry per read request that showed personal data of other members. */
export const auditProfileViews: CollectionAfterOperationHook = async ({ operation, req, result }) => {
  const seen = req.context.viewedProfiles as Map<string | number, string | null> | undefined
  if (!seen?.size || (operation !== 'find' && operation !== 'findByID')) return result
  const subjects = [...seen.keys()]
  const single = subjects.length === 1
  const subjectPath = single ? seen.get(subjects[0]) : null
  seen.clear()
  await recordAudit(req, {
    action: 'xem-ho-so',
    subject: single ? subjects[0] : null,
    orgPath: subjectPath,
    subjects,
    summary: `Xem thông tin cá nhân của ${subjects.length} đảng viên`,
  }, { detached: true })
  return result
}
