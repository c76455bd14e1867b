import type { Endpoint, PayloadRequest } from 'payload'
import { blindIndex } from '../../../src/lib/crypto/pii'
import { checkCitizenId, checkPartyCardNumber } from '../../../src/lib/member/identity'
import { fail, fromError, json, readJson } from '../../../src/server/respond'
import { recordAudit } from '../../AuditLogs/record'
import { piiKeys } from '../pii'

const FIELDS = ['fullName', 'birthDate', 'gender', 'partyJoinDate', 'officialDate', 'cardNumber', 'citizenId', 'branch', 'phone', 'email'] as const
const REQUIRED: Record<string, string> = {
  fullName: 'họ và tên', birthDate: 'ngày sinh', gender: 'giới tính', partyJoinDate: 'ngày vào Đảng', cardNumber: 'số thẻ đảng viên',
  citizenId: 'số định danh cá nhân', branch: 'chi bộ', phone: 'số điện thoại', password: 'mật khẩu',
}
export const MIN_PASSWORD = 8

/**
 * Self-registration (Điều 5.5): the account waits for the branch secretary. A member whose record a
 * committee already imported activates that record by giving the same card number and citizen id.
 */
async function register(req: PayloadRequest): Promise<Response> {
  const body = await readJson(req)
  const missing = Object.entries(REQUIRED).filter(([k]) => !String(body[k] ?? '').trim()).map(([, label]) => label)
  if (missing.length) return fail(400, `Vui lòng nhập đủ: ${missing.join(', ')}.`)
  const password = String(body.password)
  if (password.length < MIN_PASSWORD) return fail(400, `Mật khẩu phải có ít nhất ${MIN_PASSWORD} ký tự.`)

  const data: Record<string, unknown> = {}
  for (const f of FIELDS) if (body[f] !== undefined && body[f] !== '') data[f] = body[f]
  // Members sign in with their card number; Payload needs it as the username before any hook runs.
  const card = checkPartyCardNumber(body.cardNumber)
  if (card.ok) data.username = card.value
  const asAnonymous = { ...req, user: null } as PayloadRequest

  try {
    const imported = await findImportedRecord(req, body)
    if (imported) {
      const user = await req.payload.update({
        collection: 'users',
        id: imported.id,
        data: { ...data, password, status: 'cho-duyet' },
        overrideAccess: true,
        context: { skipAudit: true },
        req: asAnonymous,
      })
      await recordAudit(asAnonymous, { action: 'cap-nhat-ho-so', subject: user.id, orgPath: user.orgPath as string, summary: `${user.fullName} kích hoạt tài khoản đã được nhập, chờ duyệt` })
      return json({ message: 'Đã kích hoạt tài khoản. Tài khoản đang chờ bí thư chi bộ duyệt.', user: { id: user.id, fullName: user.fullName, status: user.status } }, 201)
    }
    const user = await req.payload.create({
      collection: 'users',
      data: { ...data, password, status: 'cho-duyet', roles: [], systemAdmin: false } as any,
      overrideAccess: true,
      req: asAnonymous,
    })
    return json({ message: 'Đăng ký thành công. Tài khoản đang chờ bí thư chi bộ duyệt.', user: { id: user.id, fullName: user.fullName, status: user.status } }, 201)
  } catch (err) {
    return fromError(err, 'Không đăng ký được, vui lòng thử lại sau.')
  }
}

/** An imported, not yet activated record with the same card number and citizen id. */
async function findImportedRecord(req: PayloadRequest, body: Record<string, unknown>) {
  const card = checkPartyCardNumber(body.cardNumber)
  const citizen = checkCitizenId(body.citizenId)
  if (!card.ok || !citizen.ok) return null
  const found = await req.payload.db.findOne<Record<string, unknown> & { id: string | number }>({
    collection: 'users',
    where: { and: [{ cardNumber: { equals: card.value } }, { status: { equals: 'chua-kich-hoat' } }] },
    req,
  })
  if (!found || found.citizenIdHash !== blindIndex(piiKeys(), citizen.value)) return null
  return found as { id: string | number }
}

export const registerEndpoint: Endpoint = { path: '/register', method: 'post', handler: register }
