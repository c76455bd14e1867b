/**
 * Password rules for member accounts: long enough, not one of the passwords attackers try first, and not
 * the member's own card number or phone (both are known to branchmates). Pure: returns a Vietnamese message.
 */
import { dictionary } from '@zxcvbn-ts/language-common'
import type { Checked } from './identity'

export const MIN_PASSWORD_LENGTH = 10

let common: Set<string> | undefined
/** The ~50,000 most common passwords of leaked lists (zxcvbn's dictionary), lower-cased. */
const commonPasswords = () => (common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase())))

const digitsOf = (value: unknown) => String(value ?? '').replace(/\D/g, '')

export function checkPassword(input: unknown, person: { cardNumber?: unknown; phone?: unknown } = {}): Checked<string> {
  const password = typeof input === 'string' ? input : ''
  if ([...password].length < MIN_PASSWORD_LENGTH) return { ok: false, message: `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.` }
  if (commonPasswords().has(password.toLowerCase()))
    return { ok: false, message: 'Mật khẩu này quá phổ biến, dễ bị đoán: hãy chọn mật khẩu khác.' }
  const digits = digitsOf(password)
  // Only a password made of the number itself (spaces, dots or dashes aside) is refused.
  if (digits.length === password.replace(/[\s.-]/g, '').length) {
    const own = [digitsOf(person.cardNumber), digitsOf(person.phone)].filter((d) => d.length > 0)
    if (own.includes(digits)) return { ok: false, message: 'Mật khẩu không được trùng số thẻ đảng viên hoặc số điện thoại của bạn.' }
  }
  return { ok: true, value: password }
}
