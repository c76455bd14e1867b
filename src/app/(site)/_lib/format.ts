/** How profile values are written on the member site: dates as dd/mm/yyyy, fixed Vietnamese labels. */
import { parseDate } from '@/lib/member/identity'

export const GENDER_LABELS: Record<string, string> = { nam: 'Nam', nu: 'Nữ' }

/** The labels of the profile fields, in the order the site shows them. */
export const PROFILE_LABELS = {
  fullName: 'Họ và tên',
  birthDate: 'Ngày sinh',
  gender: 'Giới tính',
  partyJoinDate: 'Ngày vào Đảng',
  officialDate: 'Ngày chính thức',
  cardNumber: 'Số thẻ đảng viên',
  citizenId: 'Số định danh cá nhân',
  branch: 'Chi bộ',
  phone: 'Số điện thoại',
  email: 'Email',
} as const
export type ProfileKey = keyof typeof PROFILE_LABELS

export const DATE_KEYS: readonly ProfileKey[] = ['birthDate', 'partyJoinDate', 'officialDate']

/** A stored or typed date as dd/mm/yyyy; '' when there is none or it cannot be read. */
export function formatDate(value: unknown): string {
  const iso = parseDate(value)
  if (!iso) return ''
  const [y, m, d] = iso.split('-')
  return `${d}/${m}/${y}`
}

/**
 * What a person typed into a date box, tidied: "15031960" (phone keypads have no slash) and
 * "15.3.1960" become "15/03/1960". Anything unreadable is returned as typed, for the checks to explain.
 */
export function tidyDateInput(input: string): string {
  const text = input.trim()
  const digits = /^(\d{2})(\d{2})(\d{4})$/.exec(text)
  const candidate = digits ? `${digits[1]}/${digits[2]}/${digits[3]}` : text
  return formatDate(candidate) || text
}
