import type { Endpoint, PayloadRequest } from 'payload'
import { canApproveAccount, isSystemAdmin, type Account } from '../../../src/lib/member/roles'
import { fail, fromError, json, readJson } from '../../../src/server/respond'
import { recordAudit } from '../../AuditLogs/record'

type Subject = { id: string | number; branch?: string | number | null; [field: string]: any }

const NOT_APPROVER = 'Chỉ bí thư hoặc phó bí thư chi bộ của đảng viên này mới được duyệt.'

/** Loads the subject and checks that the caller may decide on it; returns the subject or an error response. */
async function subjectFor(req: PayloadRequest): Promise<Subject | Response> {
  if (!req.user) return fail(401, 'Vui lòng đăng nhập.')
  const id = req.routeParams?.id as string
  const subject = (await req.payload.db.findOne({ collection: 'users', where: { id: { equals: id } }, req })) as Subject | null
  if (!subject) return fail(404, 'Không tìm thấy tài khoản.')
  if (!canApproveAccount(req.user as Account, subject)) return fail(403, NOT_APPROVER)
  if (String(req.user.id) === String(subject.id) && !isSystemAdmin(req.user as Account))
    return fail(403, 'Không thể tự duyệt tài khoản hoặc thay đổi của chính mình.')
  return subject
}

const decide =
  (action: (req: PayloadRequest, subject: Subject, body: Record<string, unknown>) => Promise<Response>) =>
  async (req: PayloadRequest): Promise<Response> => {
    try {
      const subject = await subjectFor(req)
      if (subject instanceof Response) return subject
      return await action(req, subject, await readJson(req))
    } catch (err) {
      return fromError(err)
    }
  }

const update = (req: PayloadRequest, id: Subject['id'], data: Record<string, unknown>, context: Record<string, unknown> = {}) =>
  req.payload.update({ collection: 'users', id, data, overrideAccess: true, context: { skipAudit: true, approvalDecision: true, ...context }, req })

const reasonOf = (body: Record<string, unknown>) => String(body.reason ?? '').trim()

export const approveAccount: Endpoint = {
  path: '/:id/approve',
  method: 'post',
  handler: decide(async (req, subject) => {
    if (subject.status !== 'cho-duyet') return fail(409, 'Tài khoản này không ở trạng thái chờ duyệt.')
    if (subject.identityConflict)
      return fail(409, 'Số định danh cá nhân của tài khoản này trùng với một tài khoản khác: cần xác minh với đồng chí đăng ký và sửa lại trước khi duyệt (hoặc từ chối tài khoản).')
    const user = await update(req, subject.id, { status: 'da-duyet', rejectionReason: null, approvedBy: req.user!.id, approvedAt: new Date().toISOString() })
    await recordAudit(req, { action: 'duyet-tai-khoan', subject: subject.id, orgPath: subject.orgPath, summary: `Duyệt tài khoản ${subject.fullName}` })
    return json({ message: `Đã duyệt tài khoản của đồng chí ${subject.fullName}.`, user: { id: user.id, status: user.status } })
  }),
}

export const rejectAccount: Endpoint = {
  path: '/:id/reject',
  method: 'post',
  handler: decide(async (req, subject, body) => {
    const reason = reasonOf(body)
    if (reason.length < 5) return fail(400, 'Vui lòng ghi rõ lý do từ chối (ít nhất 5 ký tự).')
    if (subject.status !== 'cho-duyet') return fail(409, 'Tài khoản này không ở trạng thái chờ duyệt.')
    const user = await update(req, subject.id, { status: 'tu-choi', rejectionReason: reason })
    await recordAudit(req, { action: 'tu-choi-tai-khoan', subject: subject.id, orgPath: subject.orgPath, summary: `Từ chối tài khoản ${subject.fullName}`, details: { reason } })
    return json({ message: `Đã từ chối tài khoản của đồng chí ${subject.fullName}.`, user: { id: user.id, status: user.status } })
  }),
}

export const approveChanges: Endpoint = {
  path: '/:id/approve-changes',
  method: 'post',
  handler: decide(async (req, subject) => {
    const pending = subject.pendingChanges as Record<string, unknown> | null
    if (!pending) return fail(409, 'Không có thay đổi nào đang chờ duyệt.')
    const { requestedAt: _requested, citizenId: _masked, ...changes } = pending
    await update(req, subject.id, { ...changes, pendingChanges: null }, { applyingApprovedChanges: true })
    await recordAudit(req, { action: 'duyet-thay-doi', subject: subject.id, orgPath: subject.orgPath, summary: `Duyệt thay đổi thông tin của ${subject.fullName}`, details: { fields: Object.keys(changes).filter((k) => !k.startsWith('citizenIdE') && k !== 'citizenIdHash') } })
    return json({ message: 'Đã duyệt thay đổi thông tin.' })
  }),
}

export const rejectChanges: Endpoint = {
  path: '/:id/reject-changes',
  method: 'post',
  handler: decide(async (req, subject, body) => {
    const reason = reasonOf(body)
    if (reason.length < 5) return fail(400, 'Vui lòng ghi rõ lý do từ chối (ít nhất 5 ký tự).')
    if (!subject.pendingChanges) return fail(409, 'Không có thay đổi nào đang chờ duyệt.')
    await update(req, subject.id, { pendingChanges: null })
    await recordAudit(req, { action: 'tu-choi-thay-doi', subject: subject.id, orgPath: subject.orgPath, summary: `Từ chối thay đổi thông tin của ${subject.fullName}`, details: { reason } })
    return json({ message: 'Đã từ chối thay đổi thông tin.' })
  }),
}
