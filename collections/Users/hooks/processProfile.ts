import { ValidationError, type CollectionBeforeChangeHook, type PayloadRequest } from 'payload'
import { blindIndex, encrypt } from '../../../src/lib/crypto/pii'
import {
  checkCitizenId,
  checkMemberDates,
  checkMobilePhone,
  checkPartyCardNumber,
  maskCitizenId,
  parseDate,
  type Gender,
} from '../../../src/lib/member/identity'
import { isSystemAdmin, refId, type Account } from '../../../src/lib/member/roles'
import { IDENTITY_FIELDS } from '../fields'
import { piiKeys } from '../pii'

type FieldError = { path: string; message: string }
type Data = Record<string, any>

/** Fields whose change by the member themself waits for the branch secretary: identity, and the branch. */
const HELD_FIELDS = [...IDENTITY_FIELDS, 'branch'] as const
const DATE_FIELDS = ['birthDate', 'partyJoinDate', 'officialDate'] as const

const GENDERS: unknown[] = ['nam', 'nu']
/** A pending change holds a few short identity fields: far below this once serialised. */
const MAX_PENDING_CHARS = 4000

const present = (v: unknown) => v !== undefined && v !== null && v !== ''
const sameValue = (a: unknown, b: unknown) => String(refId(a as any) ?? '') === String(refId(b as any) ?? '')
const sameDate = (a: unknown, b: unknown) => (parseDate(a) ?? '') === (parseDate(b) ?? '')

/** Another account already holding `value` in `field` (database-level read: no hooks, no audit). */
async function takenByOther(req: PayloadRequest, field: string, value: string, selfId: unknown): Promise<boolean> {
  const found = await req.payload.db.findOne({ collection: 'users', where: { [field]: { equals: value } }, req })
  return !!found && String(found.id) !== String(selfId ?? '')
}

/**
 * Normalises and validates the incoming profile fields; returns the errors, mutating `data` in place. A
 * self-registration (`registration`) is not told here whether an identifier is taken: the database's unique
 * constraints refuse it after every other check (collections/Users/endpoints/register.ts).
 */
async function normalise(data: Data, original: Data | undefined, req: PayloadRequest, registration: boolean): Promise<FieldError[]> {
  const errors: FieldError[] = []
  const takenBy: typeof takenByOther = registration ? async () => false : takenByOther
  const merged = { ...original, ...data }

  if (present(data.cardNumber)) {
    const card = checkPartyCardNumber(data.cardNumber)
    if (!card.ok) errors.push({ path: 'cardNumber', message: card.message })
    else if (await takenBy(req, 'cardNumber', card.value, original?.id))
      errors.push({ path: 'cardNumber', message: `Số thẻ đảng viên ${card.value} đã được đăng ký cho một tài khoản khác.` })
    else data.cardNumber = card.value
  }
  // A member's own identity change is kept aside (pendingChanges) before the field checks run: check
  // here what the fields' rules would (boundText bounded the text fields' length and characters).
  if (present(data.gender) && !GENDERS.includes(data.gender)) errors.push({ path: 'gender', message: 'Giới tính chỉ có thể là "Nam" hoặc "Nữ".' })
  if (present(data.phone)) {
    const phone = checkMobilePhone(data.phone)
    if (!phone.ok) errors.push({ path: 'phone', message: phone.message })
    else data.phone = phone.value
  }
  for (const message of checkMemberDates(merged)) {
    const path = message.startsWith('Ngày chính thức') ? 'officialDate' : message.startsWith('Ngày sinh') ? 'birthDate' : 'partyJoinDate'
    errors.push({ path, message })
  }
  for (const field of DATE_FIELDS) {
    const iso = present(data[field]) ? parseDate(data[field]) : null
    if (iso) data[field] = `${iso}T00:00:00.000Z`
  }
  if (present(data.citizenId)) {
    const id = checkCitizenId(data.citizenId, { birthDate: parseDate(merged.birthDate), gender: merged.gender as Gender })
    if (!id.ok) errors.push({ path: 'citizenId', message: id.message })
    else {
      const hash = blindIndex(piiKeys(), id.value)
      if (registration && original?.id === undefined && (await takenByOther(req, 'citizenIdHash', hash, undefined))) {
        // Created all the same, flagged for the branch's leaders (fields.ts identityConflict): a registrant
        // learns nothing about the id, neither from the answer nor by signing in afterwards.
        data.citizenIdEncrypted = encrypt(piiKeys(), id.value)
        data.citizenIdHash = null
        data.citizenIdMasked = maskCitizenId(id.value)
        data.identityConflict = true
      } else if (await takenBy(req, 'citizenIdHash', hash, original?.id))
        errors.push({ path: 'citizenId', message: 'Số định danh cá nhân này đã được đăng ký cho một tài khoản khác.' })
      else {
        data.citizenIdEncrypted = encrypt(piiKeys(), id.value)
        data.citizenIdHash = hash
        data.citizenIdMasked = maskCitizenId(id.value)
      }
    }
  }
  if (!present(data.citizenId) && data.citizenIdHash && (await takenBy(req, 'citizenIdHash', data.citizenIdHash, original?.id)))
    errors.push({ path: 'citizenId', message: 'Số định danh cá nhân này đã được đăng ký cho một tài khoản khác.' })
  if (data.branch !== undefined) {
    const branchId = refId(data.branch)
    if (!branchId) data.orgPath = null
    else {
      const branch = await req.payload.db.findOne<{ id: string; kind: string; path: string }>({ collection: 'organizations', where: { id: { equals: branchId } }, req })
      if (!branch) errors.push({ path: 'branch', message: 'Chi bộ đã chọn không tồn tại.' })
      else if (branch.kind !== 'chi-bo') errors.push({ path: 'branch', message: 'Đảng viên phải sinh hoạt tại một chi bộ: hãy chọn một chi bộ.' })
      else data.orgPath = branch.path
    }
  }
  return errors
}

/**
 * Moves the member's own changes to identity fields (and branch) into `pendingChanges`, keeping the
 * approved values in place until the branch secretary approves them.
 */
function holdOwnIdentityChanges(data: Data, original: Data): void {
  const pending: Data = {}
  for (const field of HELD_FIELDS) {
    if (field === 'citizenId') {
      if (data.citizenIdHash && data.citizenIdHash !== original.citizenIdHash) {
        Object.assign(pending, { citizenId: data.citizenIdMasked, citizenIdEncrypted: data.citizenIdEncrypted, citizenIdHash: data.citizenIdHash })
        data.citizenIdEncrypted = original.citizenIdEncrypted
        data.citizenIdHash = original.citizenIdHash
      }
      continue
    }
    if (data[field] === undefined) continue
    const same = (DATE_FIELDS as readonly string[]).includes(field) ? sameDate : sameValue
    if (same(data[field], original[field])) continue
    pending[field] = field === 'branch' ? refId(data.branch) : data[field]
    data[field] = original[field]
  }
  if (Object.keys(pending).length > 0)
    data.pendingChanges = { ...(original.pendingChanges ?? {}), ...pending, requestedAt: new Date().toISOString() }
  if (pending.branch !== undefined) data.orgPath = original.orgPath
}

export const processProfile: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req, context }) => {
  const errors = await normalise(data, originalDoc, req, !!context.registration)
  if (errors.length) throw new ValidationError({ collection: 'users', errors }, req.t)

  const actor = req.user as Account | null
  const selfUpdate = operation === 'update' && !!actor && String(actor.id) === String(originalDoc?.id)
  if (selfUpdate && !isSystemAdmin(actor) && !context.applyingApprovedChanges) {
    // An approved member's identity changes wait for the secretary; a rejected registration that the
    // member corrects goes back to the secretary as a whole.
    if (originalDoc.status === 'da-duyet') {
      holdOwnIdentityChanges(data, originalDoc)
      if (data.pendingChanges && JSON.stringify(data.pendingChanges).length > MAX_PENDING_CHARS)
        throw new ValidationError({ collection: 'users', errors: [{ path: 'fullName', message: 'Thay đổi thông tin chờ duyệt quá dài: hãy kiểm tra lại họ tên, ngày tháng và chi bộ.' }] }, req.t)
    }
    else if (originalDoc.status === 'tu-choi') Object.assign(data, { status: 'cho-duyet', rejectionReason: null })
  }

  delete data.citizenId
  delete data.citizenIdMasked
  if (data.cardNumber) data.username = data.cardNumber
  return data
}
