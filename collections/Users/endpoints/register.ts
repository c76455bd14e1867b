import { ValidationError, type Endpoint, type PayloadRequest } from 'payload'
import { blindIndex } from '../../../src/lib/crypto/pii'
import { checkCitizenId, checkPartyCardNumber } from '../../../src/lib/member/identity'
import { checkPassword, MIN_PASSWORD_LENGTH } from '../../../src/lib/member/password'
import { clientAddress } from '../../../src/server/http'
import { registrationAttempt, tooManyRequests } from '../../../src/server/rateLimits'
import { fail, fromError, json, readJson } from '../../../src/server/respond'
import { recordAudit } from '../../AuditLogs/record'
import { piiKeys } from '../pii'
import { hashForNothing } from './login'

const FIELDS = ['fullName', 'birthDate', 'gender', 'partyJoinDate', 'officialDate', 'cardNumber', 'citizenId', 'branch', 'phone', 'email'] as const
const REQUIRED: Record<string, string> = {
  fullName: 'họ và tên', birthDate: 'ngày sinh', gender: 'giới tính', partyJoinDate: 'ngày vào Đảng', cardNumber: 'số thẻ đảng viên',
  citizenId: 'số định danh cá nhân', branch: 'chi bộ', phone: 'số điện thoại', password: 'mật khẩu',
}
export const MIN_PASSWORD = MIN_PASSWORD_LENGTH

/** The one answer to every accepted registration: new, activating an imported record, or naming a taken identifier. */
const RECEIVED = 'Đã nhận đăng ký. Tài khoản đang chờ bí thư chi bộ duyệt; bí thư sẽ liên hệ nếu thông tin cần xác minh.'
const received = () => json({ message: RECEIVED }, 202)

const TOO_MANY = 'Bạn đã gửi quá nhiều yêu cầu đăng ký.'
/** Payload's messages for an identifier another account holds (e-mail, username, unique columns). */
const UNIQUE_KEYS = ['error:valueMustBeUnique', 'error:userEmailAlreadyRegistered', 'error:usernameAlreadyRegistered'] as const

/**
 * Self-registration (Điều 5.5): the account waits for the branch secretary. A member whose record a
 * committee already imported activates that record by giving the same card number and citizen id.
 *
 * Whether a card number, citizen id or e-mail is already registered is never told: every check that does not
 * depend on other accounts runs first (and only those refuse a registration), then a registration that names a
 * taken identifier gets the same answer as a new one and is shown to the branch's leaders in the audit log.
 */
async function register(req: PayloadRequest): Promise<Response> {
  const body = await readJson(req)
  const identifiers = [checkPartyCardNumber(body.cardNumber), checkCitizenId(body.citizenId)].flatMap((c) => (c.ok ? [c.value] : []))
  if (typeof body.email === 'string' && body.email.trim()) identifiers.push(body.email.trim().toLowerCase())
  const refused = await registrationAttempt(req.payload, clientAddress(req.headers), identifiers)
  if (refused) return tooManyRequests(refused, TOO_MANY)

  const missing = Object.entries(REQUIRED).filter(([k]) => !String(body[k] ?? '').trim()).map(([, label]) => label)
  if (missing.length) return fail(400, `Vui lòng nhập đủ: ${missing.join(', ')}.`)
  const password = checkPassword(body.password, { cardNumber: body.cardNumber, phone: body.phone })
  if (!password.ok) return fail(400, password.message)

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
        data: { ...data, password: password.value, status: 'cho-duyet' },
        overrideAccess: true,
        context: { skipAudit: true, registration: true },
        req: asAnonymous,
      })
      await recordAudit(asAnonymous, { action: 'cap-nhat-ho-so', subject: user.id, orgPath: user.orgPath as string, summary: `${user.fullName} kích hoạt tài khoản đã được nhập, chờ duyệt` })
      return received()
    }
    const created = await req.payload.create({
      collection: 'users',
      data: { ...data, password: password.value, status: 'cho-duyet', roles: [], systemAdmin: false } as any,
      overrideAccess: true,
      // Uniqueness is left to the database, after every other check (collections/Users/hooks/processProfile.ts).
      context: { registration: true },
      req: asAnonymous,
    })
    // A citizen id another account holds: created all the same, flagged (collections/Users/fields.ts identityConflict).
    if (created.identityConflict) await noteDuplicate(asAnonymous, body, created.id)
    return received()
  } catch (err) {
    const taken = refusedAsTaken(req, err)
    if (!taken) return fromError(err, 'Không đăng ký được, vui lòng thử lại sau.')
    // Payload refuses a taken e-mail or username before hashing the password: as long as a real registration.
    if (!taken.hashed) await hashForNothing(password.value)
    await noteDuplicate(asAnonymous, body)
    return received()
  }
}

/** Whether a refused save found nothing wrong but identifiers another account holds; and if Payload hashed the password. */
function refusedAsTaken(req: PayloadRequest, err: unknown): { hashed: boolean } | null {
  if (!(err instanceof ValidationError)) return null
  const errors = (err.data?.errors ?? []) as { path: string; message: string }[]
  const unique = new Set(UNIQUE_KEYS.map((k) => req.t(k)))
  if (errors.length === 0 || !errors.every((e) => unique.has(e.message))) return null
  return { hashed: errors.every((e) => e.message === req.t('error:valueMustBeUnique')) }
}

/**
 * A registration naming identifiers another account holds: nothing is created when a sign-in identifier (card
 * number, e-mail) is taken, a flagged account when only the citizen id is; the leaders of the chosen branch see
 * it in the audit log (which identifiers, never their values) and contact the person.
 */
async function noteDuplicate(req: PayloadRequest, body: Record<string, unknown>, created?: string | number): Promise<void> {
  const card = checkPartyCardNumber(body.cardNumber)
  const citizen = checkCitizenId(body.citizenId)
  const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : ''
  const held = async (field: string, value: string | null) =>
    !!value && !!(await req.payload.db.findOne({ collection: 'users', where: { [field]: { equals: value } }, req }))
  const taken = [
    (await held('cardNumber', card.ok ? card.value : null)) && 'số thẻ đảng viên',
    (await held('citizenIdHash', citizen.ok ? blindIndex(piiKeys(), citizen.value) : null)) && 'số định danh cá nhân',
    (await held('email', email || null)) && 'e-mail',
  ].filter(Boolean)
  const branch = await req.payload.db.findOne<{ id: string | number; path?: string }>({ collection: 'organizations', where: { id: { equals: String(body.branch) } }, req })
  await recordAudit(req, {
    action: 'tao-tai-khoan',
    orgPath: branch?.path ?? null,
    ...(created !== undefined ? { subject: created } : {}),
    summary: `Đăng ký trùng${created !== undefined ? ', đã tạo tài khoản chờ xác minh' : ', không tạo tài khoản'}: ${String(body.fullName).slice(0, 120)} khai ${taken.join(', ') || 'thông tin'} đã thuộc một tài khoản khác — cần xác minh`,
    details: { duplicate: taken },
  }, { detached: true })
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
