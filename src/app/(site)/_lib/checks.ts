/**
 * The checks a form runs before sending, with the same rules and words as the server (which checks
 * again): a member learns about a mistyped date or number at once, next to the box they typed it in.
 */
import { checkCitizenId, checkMemberDates, checkMobilePhone, checkPartyCardNumber, parseDate, type Gender } from '@/lib/member/identity'

export type Values = Record<string, string>
export type FieldErrors = Record<string, string>

const REQUIRED_MESSAGES: Record<string, string> = {
  fullName: 'Vui lòng nhập họ và tên.',
  birthDate: 'Vui lòng nhập ngày sinh.',
  gender: 'Vui lòng chọn giới tính.',
  partyJoinDate: 'Vui lòng nhập ngày vào Đảng.',
  branch: 'Vui lòng chọn chi bộ.',
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Which date a message of checkMemberDates is about (each starts with that date's label). */
const dateFieldOf = (message: string) =>
  message.startsWith('Ngày chính thức') ? 'officialDate' : message.startsWith('Ngày sinh') ? 'birthDate' : 'partyJoinDate'

/** Checks the profile fields present in `fields`; the first problem of each field is kept. */
export function checkProfile(values: Values, fields: readonly string[]): FieldErrors {
  const errors: FieldErrors = {}
  const has = (f: string) => fields.includes(f)
  const add = (field: string, message: string) => {
    if (has(field)) errors[field] ??= message
  }
  for (const [field, message] of Object.entries(REQUIRED_MESSAGES)) if (!values[field]?.trim()) add(field, message)
  for (const message of checkMemberDates(values)) add(dateFieldOf(message), message)
  if (has('cardNumber')) {
    const card = checkPartyCardNumber(values.cardNumber)
    if (!card.ok) add('cardNumber', card.message)
  }
  if (has('citizenId')) {
    const gender = (values.gender || null) as Gender | null
    const id = checkCitizenId(values.citizenId, { birthDate: parseDate(values.birthDate), gender })
    if (!id.ok) add('citizenId', id.message)
  }
  if (has('phone')) {
    const phone = checkMobilePhone(values.phone)
    if (!phone.ok) add('phone', phone.message)
  }
  if (values.email?.trim() && !EMAIL.test(values.email.trim())) add('email', 'Email chưa đúng dạng, ví dụ: ten@gmail.com.')
  return errors
}

/** A new password and its repetition. */
export function checkNewPassword(values: Values, minLength: number): FieldErrors {
  const errors: FieldErrors = {}
  if ((values.password ?? '').length < minLength) errors.password = `Mật khẩu phải có ít nhất ${minLength} ký tự.`
  else if (values.password !== values.passwordConfirm) errors.passwordConfirm = 'Hai lần nhập mật khẩu chưa giống nhau.'
  return errors
}
