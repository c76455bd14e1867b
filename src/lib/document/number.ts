/**
 * Document numbers (số hiệu) and document types (loại văn bản), for validating what editors type.
 *
 * Two styles are in use:
 * - Party documents (Hướng dẫn 36-HD/VPTW): running number, type code, issuer code —
 *   "339-QĐ/TW", "23-KH/ĐU", "26-HD/BTGDVTW"; a công văn may add a unit: "1234-CV/VPTW/nb".
 * - State documents (Nghị định 30/2020/NĐ-CP): running number, year for legal documents, type code and
 *   issuer code — "100/2019/NĐ-CP", "12/2023/NQ-HĐND", "01/QĐ-TTg"; laws and resolutions of the National
 *   Assembly carry no type code: "59/2020/QH14".
 *
 * Parsing is strict (a number is stored as typed, so it must be well formed) but forgiving about
 * spacing, dash and slash variants, a leading "Số", letter case of known type codes, and the look-alike
 * "Ð" (U+00D0) that old fonts put in place of "Đ". Pure: no Payload, no I/O.
 */
import { fold } from '../vi/text'

/** A document type: its stored value, Vietnamese label and the type codes its numbers may carry. */
export type DocumentType = { value: string; label: string; codes: readonly string[] }

/** Loại văn bản of Party and state documents, in the order editors see them. */
export const DOCUMENT_TYPES = [
  { value: 'nghi-quyet', label: 'Nghị quyết', codes: ['NQ'] },
  { value: 'quyet-dinh', label: 'Quyết định', codes: ['QĐ'] },
  { value: 'chi-thi', label: 'Chỉ thị', codes: ['CT'] },
  { value: 'quy-dinh', label: 'Quy định', codes: ['QĐ', 'QĐi'] },
  { value: 'quy-che', label: 'Quy chế', codes: ['QC', 'QĐ'] },
  { value: 'ket-luan', label: 'Kết luận', codes: ['KL'] },
  { value: 'thong-tri', label: 'Thông tri', codes: ['TT'] },
  { value: 'huong-dan', label: 'Hướng dẫn', codes: ['HD'] },
  { value: 'thong-bao', label: 'Thông báo', codes: ['TB'] },
  { value: 'ke-hoach', label: 'Kế hoạch', codes: ['KH'] },
  { value: 'chuong-trinh', label: 'Chương trình', codes: ['CTr'] },
  { value: 'de-an', label: 'Đề án', codes: ['ĐA'] },
  { value: 'phuong-an', label: 'Phương án', codes: ['PA'] },
  { value: 'to-trinh', label: 'Tờ trình', codes: ['TTr'] },
  { value: 'bao-cao', label: 'Báo cáo', codes: ['BC'] },
  { value: 'bien-ban', label: 'Biên bản', codes: ['BB'] },
  { value: 'cong-van', label: 'Công văn', codes: ['CV'] },
  { value: 'luat', label: 'Luật', codes: [] },
  { value: 'nghi-dinh', label: 'Nghị định', codes: ['NĐ'] },
  { value: 'thong-tu', label: 'Thông tư', codes: ['TT'] },
  { value: 'tai-lieu-tham-khao', label: 'Tài liệu tham khảo', codes: [] },
  { value: 'khac', label: 'Văn bản khác', codes: [] },
] as const satisfies readonly DocumentType[]

export type DocumentTypeValue = (typeof DOCUMENT_TYPES)[number]['value']

/** Types whose number may carry any code (or none): references and miscellaneous papers. */
const ANY_CODE: readonly string[] = ['tai-lieu-tham-khao', 'khac']

/** Every known type code with the names of the types it stands for: "QĐ" → ["Quyết định", "Quy định", "Quy chế"]. */
export const TYPE_CODES: ReadonlyMap<string, string[]> = (() => {
  const map = new Map<string, string[]>()
  for (const type of DOCUMENT_TYPES) for (const code of type.codes) map.set(code, [...(map.get(code) ?? []), type.label])
  // Codes of documents the platform stores only as references, still valid in numbers.
  for (const [code, label] of [['GM', 'Giấy mời'], ['GGT', 'Giấy giới thiệu'], ['PL', 'Pháp lệnh'], ['CTHĐ', 'Chương trình hành động']] as const)
    if (!map.has(code)) map.set(code, [label])
  return map
})()

/** Canonical spelling of a type code typed in any case or without "Đ": "qd" → "QĐ", "ctr" → "CTr". */
const CODE_BY_KEY = new Map<string, string>()
for (const code of TYPE_CODES.keys()) CODE_BY_KEY.set(codeKey(code), code)
function codeKey(code: string): string {
  return fold(code).toLowerCase()
}

export type NumberStyle = 'dang' | 'nha-nuoc'

export interface DocumentNumber {
  /** Canonical text: "339-QĐ/TW", "100/2019/NĐ-CP". */
  text: string
  style: NumberStyle
  /** Running number without leading zeros: "339", "1". */
  seq: string
  /** Year printed in a state number ("100/2019/NĐ-CP" → 2019). */
  year?: number
  /** Canonical type code ("QĐ"); absent for laws ("59/2020/QH14"). */
  typeCode?: string
  /** Issuer code as printed, upper case: "TW", "ĐU", "BTGDVTW", "CP", "HĐND". */
  issuerCode: string
  /** Unit after the issuer in a Party công văn ("1234-CV/VPTW/nb" → "nb"). */
  unit?: string
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string }

export const NUMBER_EXAMPLES = 'ví dụ 339-QĐ/TW (văn bản của Đảng) hoặc 100/2019/NĐ-CP (văn bản nhà nước)'

const LETTERS = 'A-Za-zĐđ'
const ISSUER = `[${LETTERS}][${LETTERS}0-9]*(?:\\.[${LETTERS}0-9]+)*`
const PARTY = new RegExp(`^(\\d{1,5})-([${LETTERS}]{1,5})/(${ISSUER})(?:/([${LETTERS}0-9]{1,10}))?$`)
const STATE = new RegExp(`^(\\d{1,5})/(?:(\\d{4})/)?([${LETTERS}]{1,5})-(${ISSUER}(?:-[${LETTERS}0-9]+)*)$`)
const LAW = /^(\d{1,5})\/(\d{4})\/(QH\d{1,2})$/i

/** Spacing, dashes, slashes, "Số" and the Eth look-alike normalised; nothing else changed. */
export function tidyNumber(input: string): string {
  return input
    .normalize('NFC')
    .replace(/[ÐƉ]/g, 'Đ')
    .replace(/[ðɖ]/g, 'đ')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2044\u2215]/g, '/')
    .replace(/^\s*số\s*:?\s*/iu, '')
    .replace(/\s*([-/])\s*/g, '$1')
    .trim()
}

const seqOf = (digits: string) => digits.replace(/^0+(?=\d)/, '')

function plausibleYear(year: number): boolean {
  return year >= 1930 && year <= new Date().getFullYear() + 1
}

/** State issuer codes keep their conventional case ("TTg", "BTC-TCT"); one typed all in lower case is raised. */
function stateIssuerCase(raw: string): string {
  if (raw !== raw.toLowerCase()) return raw
  return raw.toUpperCase().replace(/^TTG\b/, 'TTg')
}

function knownCode(raw: string): string | undefined {
  return CODE_BY_KEY.get(codeKey(raw))
}

const badCode = (raw: string) =>
  `Mã loại văn bản "${raw}" trong số hiệu không đúng. Các mã thường dùng: NQ, QĐ, CT, KL, HD, KH, TB, BC, CV, NĐ, TT.`

/** Parses a số hiệu; the message says what is wrong, in Vietnamese. */
export function parseDocumentNumber(input: string | null | undefined): Parsed<DocumentNumber> {
  const text = tidyNumber(String(input ?? ''))
  if (!text) return { ok: false, message: 'Số hiệu trống.' }

  const party = PARTY.exec(text)
  if (party) {
    const [, digits, rawCode, rawIssuer, unit] = party
    const typeCode = knownCode(rawCode)
    if (!typeCode) return { ok: false, message: badCode(rawCode) }
    const issuerCode = rawIssuer.toUpperCase()
    const seq = seqOf(digits)
    if (seq === '0') return { ok: false, message: 'Số thứ tự trong số hiệu phải lớn hơn 0.' }
    const canonical = `${digits}-${typeCode}/${issuerCode}${unit ? `/${unit.toLowerCase()}` : ''}`
    return { ok: true, value: { text: canonical, style: 'dang', seq, typeCode, issuerCode, ...(unit ? { unit: unit.toLowerCase() } : {}) } }
  }

  const law = LAW.exec(text)
  if (law) {
    const [, digits, year, issuer] = law
    if (!plausibleYear(Number(year))) return { ok: false, message: `Năm ${year} trong số hiệu không hợp lệ.` }
    const issuerCode = issuer.toUpperCase()
    return { ok: true, value: { text: `${digits}/${year}/${issuerCode}`, style: 'nha-nuoc', seq: seqOf(digits), year: Number(year), issuerCode } }
  }

  const state = STATE.exec(text)
  if (state) {
    const [, digits, year, rawCode, rawIssuer] = state
    const typeCode = knownCode(rawCode)
    if (!typeCode) return { ok: false, message: badCode(rawCode) }
    if (year && !plausibleYear(Number(year))) return { ok: false, message: `Năm ${year} trong số hiệu không hợp lệ.` }
    if (seqOf(digits) === '0') return { ok: false, message: 'Số thứ tự trong số hiệu phải lớn hơn 0.' }
    const issuerCode = stateIssuerCase(rawIssuer)
    const value: DocumentNumber = {
      text: `${digits}/${year ? `${year}/` : ''}${typeCode}-${issuerCode}`,
      style: 'nha-nuoc',
      seq: seqOf(digits),
      typeCode,
      issuerCode,
    }
    if (year) value.year = Number(year)
    return { ok: true, value }
  }

  return { ok: false, message: `Số hiệu "${text}" không đúng định dạng; ${NUMBER_EXAMPLES}.` }
}

export function documentTypeLabel(value: string | null | undefined): string {
  return DOCUMENT_TYPES.find((t) => t.value === value)?.label ?? String(value ?? '')
}

/**
 * A number's type code must fit the chosen document type: a Kế hoạch is numbered "…-KH/…", a law has no
 * code. Returns the Vietnamese message when it does not, else null.
 */
export function typeCodeMismatch(number: DocumentNumber, documentType: string | null | undefined): string | null {
  const type = DOCUMENT_TYPES.find((t) => t.value === documentType)
  if (!type || ANY_CODE.includes(type.value)) return null
  const codes: readonly string[] = type.codes
  if (!number.typeCode) {
    return codes.length === 0 ? null : `Số hiệu ${number.text} không có mã loại văn bản, trong khi ${type.label} cần mã ${codes.join(' hoặc ')}.`
  }
  if (codes.includes(number.typeCode)) return null
  const meaning = TYPE_CODES.get(number.typeCode)?.join(', ')
  return `Số hiệu ${number.text} có mã "${number.typeCode}"${meaning ? ` (${meaning})` : ''}, không khớp với loại văn bản đã chọn là ${type.label}${codes.length ? ` (mã ${codes.join(' hoặc ')})` : ''}.`
}

/**
 * The key under which a number must be unique: per issuing organisation and year. Party numbers restart
 * with each term, so "01-NQ/TW" recurs across the years; a state number carries its year already.
 */
export function numberKey(issuerId: string | number, number: DocumentNumber, issuedYear: number | null | undefined): string {
  const year = number.year ?? issuedYear ?? 0
  return `${issuerId}|${year}|${codeKey(number.text)}`
}
