/**
 * Validation and normalisation of the identity fields of a Party member profile (Điều 3.2a,
 * Quy định 339-QĐ/TW). Pure functions returning either the normalised value or a Vietnamese message.
 */

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string }

const ok = <T>(value: T): Checked<T> => ({ ok: true, value })
const fail = <T = never>(message: string): Checked<T> => ({ ok: false, message })

/** Province / city codes that open a 12-digit personal identification number (Thông tư 59/2021/TT-BCA). */
export const PROVINCE_CODES: Record<string, string> = {
  '001': 'Hà Nội', '002': 'Hà Giang', '004': 'Cao Bằng', '006': 'Bắc Kạn', '008': 'Tuyên Quang',
  '010': 'Lào Cai', '011': 'Điện Biên', '012': 'Lai Châu', '014': 'Sơn La', '015': 'Yên Bái',
  '017': 'Hòa Bình', '019': 'Thái Nguyên', '020': 'Lạng Sơn', '022': 'Quảng Ninh', '024': 'Bắc Giang',
  '025': 'Phú Thọ', '026': 'Vĩnh Phúc', '027': 'Bắc Ninh', '030': 'Hải Dương', '031': 'Hải Phòng',
  '033': 'Hưng Yên', '034': 'Thái Bình', '035': 'Hà Nam', '036': 'Nam Định', '037': 'Ninh Bình',
  '038': 'Thanh Hóa', '040': 'Nghệ An', '042': 'Hà Tĩnh', '044': 'Quảng Bình', '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế', '048': 'Đà Nẵng', '049': 'Quảng Nam', '051': 'Quảng Ngãi', '052': 'Bình Định',
  '054': 'Phú Yên', '056': 'Khánh Hòa', '058': 'Ninh Thuận', '060': 'Bình Thuận', '062': 'Kon Tum',
  '064': 'Gia Lai', '066': 'Đắk Lắk', '067': 'Đắk Nông', '068': 'Lâm Đồng', '070': 'Bình Phước',
  '072': 'Tây Ninh', '074': 'Bình Dương', '075': 'Đồng Nai', '077': 'Bà Rịa - Vũng Tàu', '079': 'TP. Hồ Chí Minh',
  '080': 'Long An', '082': 'Tiền Giang', '083': 'Bến Tre', '084': 'Trà Vinh', '086': 'Vĩnh Long',
  '087': 'Đồng Tháp', '089': 'An Giang', '091': 'Kiên Giang', '092': 'Cần Thơ', '093': 'Hậu Giang',
  '094': 'Sóc Trăng', '095': 'Bạc Liêu', '096': 'Cà Mau',
}

export type Gender = 'nam' | 'nu'

/**
 * The 4th digit encodes century of birth and gender (Thông tư 59/2021/TT-BCA): 0/1 → 1900s, 2/3 → 2000s,
 * even → nam, odd → nữ. Digits 4–9 stand for the 22nd century onwards, so no living person holds them.
 */
function centuryAndGender(digit: number): { century: number; gender: Gender } | null {
  if (digit > 3) return null
  return { century: digit < 2 ? 1900 : 2000, gender: digit % 2 === 0 ? 'nam' : 'nu' }
}

const GENDER_LABELS: Record<Gender, string> = { nam: 'Nam', nu: 'Nữ' }

/**
 * Số định danh cá nhân: exactly 12 digits, a known province code, a century digit of someone alive today,
 * and — when known — consistent with the member's year of birth and gender.
 */
export function checkCitizenId(
  input: unknown,
  context: { birthDate?: string | Date | null; gender?: Gender | null } = {},
  today = new Date(),
): Checked<string> {
  const raw = String(input ?? '').replace(/[\s.-]/g, '')
  if (!raw) return fail('Vui lòng nhập số định danh cá nhân (12 chữ số).')
  if (!/^\d{12}$/.test(raw)) return fail('Số định danh cá nhân phải gồm đúng 12 chữ số.')
  const province = raw.slice(0, 3)
  if (!PROVINCE_CODES[province]) return fail(`Số định danh cá nhân không hợp lệ: mã tỉnh "${province}" không tồn tại.`)
  const coded = centuryAndGender(Number(raw[3]))
  if (!coded) return fail(`Số định danh cá nhân không hợp lệ: chữ số thứ 4 (mã thế kỷ và giới tính) phải là 0, 1, 2 hoặc 3, không phải ${raw[3]}.`)
  const year = coded.century + Number(raw.slice(4, 6))
  if (year > today.getUTCFullYear()) return fail(`Số định danh cá nhân không hợp lệ: năm sinh ${year} ở tương lai.`)
  const birthDate = context.birthDate ? parseDate(context.birthDate) : null
  if (birthDate && Number(birthDate.slice(0, 4)) !== year)
    return fail(`Số định danh cá nhân không khớp năm sinh (số định danh ghi năm ${year}, ngày sinh ghi năm ${birthDate.slice(0, 4)}).`)
  if (context.gender && context.gender !== coded.gender)
    return fail(`Số định danh cá nhân không khớp giới tính đã khai (số định danh ghi giới tính ${GENDER_LABELS[coded.gender]}).`)
  return ok(raw)
}

/** The 11-digit mobile prefixes renumbered to 10 digits in 2018 (Quyết định 798/QĐ-BTTTT). */
const RENUMBERED_PREFIXES: Record<string, string> = {
  '0162': '032', '0163': '033', '0164': '034', '0165': '035', '0166': '036', '0167': '037', '0168': '038', '0169': '039',
  '0120': '070', '0121': '079', '0122': '077', '0126': '076', '0128': '078',
  '0123': '083', '0124': '084', '0125': '085', '0127': '081', '0129': '082',
  '0186': '056', '0188': '058', '0199': '059',
}

/**
 * Vietnamese mobile numbers, normalised to the 10-digit domestic form 0xxxxxxxxx. Accepts spaces, dots,
 * dashes and brackets, and the international forms +84…, 0084…, 84… (also with the trunk 0 kept: +84 (0)9…).
 */
export function checkMobilePhone(input: unknown): Checked<string> {
  let digits = String(input ?? '').replace(/[\s.()-]/g, '')
  if (!digits) return fail('Vui lòng nhập số điện thoại di động.')
  const international = /^(?:\+84|0084)(\d+)$/.exec(digits) ?? /^84(\d{9})$/.exec(digits)
  if (international) digits = '0' + international[1].replace(/^0/, '')
  const renumbered = RENUMBERED_PREFIXES[digits.slice(0, 4)]
  if (renumbered && /^\d{11}$/.test(digits))
    return fail(`Số điện thoại ${digits} là đầu số cũ (11 chữ số), đã đổi từ năm 2018 thành ${renumbered}${digits.slice(4)}.`)
  if (!/^0[35789]\d{8}$/.test(digits))
    return fail('Số điện thoại di động không hợp lệ: cần 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09 (ví dụ 0912 345 678).')
  return ok(digits)
}

/** Số thẻ đảng viên: digits (dots and spaces as printed on the card are dropped), 6 to 12 of them. */
export function checkPartyCardNumber(input: unknown): Checked<string> {
  const digits = String(input ?? '').replace(/[\s.]/g, '')
  if (!digits) return fail('Vui lòng nhập số thẻ đảng viên.')
  if (!/^\d{6,12}$/.test(digits)) return fail('Số thẻ đảng viên chỉ gồm chữ số (từ 6 đến 12 chữ số).')
  return ok(digits)
}

/** Parses a date written as dd/mm/yyyy, d-m-yyyy, yyyy-mm-dd, an ISO string or a Date; returns ISO yyyy-mm-dd. */
export function parseDate(input: unknown): string | null {
  if (input == null || input === '') return null
  if (input instanceof Date) return Number.isNaN(input.getTime()) ? null : input.toISOString().slice(0, 10)
  const s = String(input).trim()
  let y: number, m: number, d: number
  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s)
  if (match) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])]
  else if ((match = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(s))) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
  else return null
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null
  return date.toISOString().slice(0, 10)
}

export type MemberDates = { birthDate?: unknown; partyJoinDate?: unknown; officialDate?: unknown }

/** The dates of a profile: each a real date, none in the future, and ngày sinh < ngày vào Đảng ≤ ngày chính thức. */
export function checkMemberDates(dates: MemberDates, today = new Date()): string[] {
  const errors: string[] = []
  const labels: Record<keyof MemberDates, string> = {
    birthDate: 'Ngày sinh',
    partyJoinDate: 'Ngày vào Đảng',
    officialDate: 'Ngày chính thức',
  }
  const parsed: Partial<Record<keyof MemberDates, string>> = {}
  for (const key of Object.keys(labels) as (keyof MemberDates)[]) {
    const value = dates[key]
    if (value == null || value === '') continue
    const iso = parseDate(value)
    if (!iso) errors.push(`${labels[key]} không hợp lệ: "${String(value)}" (nhập theo dạng ngày/tháng/năm).`)
    else if (iso > vietnamDate(today)) errors.push(`${labels[key]} không thể ở tương lai.`)
    else parsed[key] = iso
  }
  const { birthDate, partyJoinDate, officialDate } = parsed
  if (birthDate && partyJoinDate && partyJoinDate < addYears(birthDate, 18))
    errors.push('Ngày vào Đảng không hợp lệ: đảng viên phải đủ 18 tuổi khi vào Đảng.')
  if (partyJoinDate && officialDate && officialDate < partyJoinDate)
    errors.push('Ngày chính thức không được trước ngày vào Đảng.')
  return errors
}

/** The calendar date in Việt Nam (UTC+7) at instant `at`, as ISO yyyy-mm-dd. */
function vietnamDate(at: Date): string {
  return new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10)
}

/** An ISO date `years` later, as a string that compares correctly with other ISO dates. */
function addYears(iso: string, years: number): string {
  return `${String(Number(iso.slice(0, 4)) + years).padStart(4, '0')}${iso.slice(4)}`
}

/** Shows only the last three digits of a citizen id: "*********789". */
export function maskCitizenId(id: string): string {
  return id.length <= 3 ? '***' : '*'.repeat(id.length - 3) + id.slice(-3)
}
