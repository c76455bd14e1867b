import type { CollectionAfterChangeHook, CollectionAfterOperationHook, CollectionBeforeReadHook } from 'payload'
import { isRecordingAudit, recordAudit } from '../../AuditLogs/record'
import { canSeePersonalData, type Account } from '../../../src/lib/member/roles'

const TRACKED = ['fullName', 'birthDate', 'gender', 'partyJoinDate', 'officialDate', 'cardNumber', 'citizenIdHash', 'branch', 'phone', 'email', 'roles', 'systemAdmin', 'status']

/** Which profile fields a change touched (names only: the log never copies personal data). */
function changedFields(doc: Record<string, unknown>, previous: Record<string, unknown>): string[] {
  return TRACKED.filter((f) => JSON.stringify(doc[f] ?? null) !== JSON.stringify(previous[f] ?? null)).map((f) =>
    f === 'citizenIdHash' ? 'citizenId' : f,
  )
}

export const auditChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req, context }) => {
  if (context.skipAudit) return doc
  if (operation === 'create') {
    await recordAudit(req, { action: 'tao-tai-khoan', subject: doc.id, orgPath: doc.orgPath, summary: `Tạo tài khoản ${doc.fullName}` })
    return doc
  }
  const fields = changedFields(doc, previousDoc ?? {})
  const pendingAdded = JSON.stringify(doc.pendingChanges ?? null) !== JSON.stringify(previousDoc?.pendingChanges ?? null) && doc.pendingChanges
  if (fields.length) await recordAudit(req, { action: 'cap-nhat-ho-so', subject: doc.id, orgPath: doc.orgPath, summary: `Cập nhật hồ sơ ${doc.fullName}: ${fields.join(', ')}`, details: { fields } })
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
