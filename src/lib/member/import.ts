/**
 * Reading a member list exported from the Party member database (CSV or XLSX) and checking it row by row.
 * Exports carry title rows above the header, an "STT" column and dates as dd/mm/yyyy text or date cells;
 * columns are recognised by their Vietnamese headings, with or without diacritics.
 */
import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { fold } from '../vi/text'
import {
  checkCitizenId,
  checkMemberDates,
  checkMobilePhone,
  checkPartyCardNumber,
  parseDate,
  type Gender,
} from './identity'

export type MemberColumn =
  | 'fullName' | 'birthDate' | 'gender' | 'partyJoinDate' | 'officialDate' | 'cardNumber' | 'branch' | 'citizenId' | 'phone' | 'email'

const HEADINGS: Record<MemberColumn, string[]> = {
  fullName: ['ho va ten', 'ho ten', 'ho va ten dang vien'],
  birthDate: ['ngay sinh', 'ngay thang nam sinh'],
  gender: ['gioi tinh'],
  partyJoinDate: ['ngay vao dang', 'ngay ket nap', 'ngay ket nap dang'],
  officialDate: ['ngay chinh thuc', 'ngay cong nhan chinh thuc', 'ngay dang vien chinh thuc'],
  cardNumber: ['so the dang vien', 'so the', 'so the dv'],
  branch: ['chi bo', 'ten chi bo', 'ma chi bo', 'chi bo sinh hoat'],
  citizenId: [
    'so dinh danh ca nhan', 'so dinh danh', 'so cccd', 'cccd', 'so can cuoc', 'so can cuoc cong dan', 'can cuoc cong dan',
    'so cmnd cccd', 'so cccd ddcn', 'so ddcn',
  ],
  phone: ['so dien thoai', 'dien thoai', 'sdt', 'so dien thoai di dong'],
  email: ['email', 'thu dien tu', 'dia chi email'],
}
const REQUIRED: MemberColumn[] = ['fullName', 'birthDate', 'gender', 'partyJoinDate', 'cardNumber', 'branch', 'citizenId']
const LABELS: Record<MemberColumn, string> = {
  fullName: 'Họ và tên', birthDate: 'Ngày sinh', gender: 'Giới tính', partyJoinDate: 'Ngày vào Đảng',
  officialDate: 'Ngày chính thức', cardNumber: 'Số thẻ đảng viên', branch: 'Chi bộ', citizenId: 'Số định danh cá nhân',
  phone: 'Số điện thoại', email: 'Email',
}

export const MAX_IMPORT_ROWS = 20000
/** The header must be among the first rows of the sheet (title rows above it are skipped). */
const HEADER_SEARCH_ROWS = 15
/** A row is the header when it names at least this many member columns. */
const MIN_HEADER_COLUMNS = 3
/** Same bound as the profile's "Họ và tên" field. */
const MAX_NAME_LENGTH = 120

export type RawRow = { line: number; cells: unknown[] }
export type MemberRow = {
  line: number
  fullName: string
  birthDate: string
  gender: Gender
  partyJoinDate: string
  officialDate: string | null
  cardNumber: string
  branch: string
  citizenId: string
  phone: string | null
  email: string | null
}
export type RowError = { line: number; messages: string[] }
export type ParsedList = { rows: MemberRow[]; errors: RowError[]; total: number }

/** "Ngày sinh (ngày/tháng/năm) *" → "ngay sinh": no diacritics, no bracketed notes, no punctuation. */
const headingKey = (text: unknown) =>
  fold(String(text ?? '')).toLowerCase().replace(/\(.*?\)/g, ' ').replace(/[^a-z0-9]+/g, ' ').trim()

function columnOf(cell: unknown): MemberColumn | null {
  const key = headingKey(cell)
  for (const [column, names] of Object.entries(HEADINGS)) if (names.includes(key)) return column as MemberColumn
  return null
}

const recognisedColumns = (cells: unknown[]) => cells.filter((c) => columnOf(c)).length

const isBlank = (v: unknown) => String(v ?? '').trim() === ''

/**
 * Reads the first sheet holding a member list of an XLSX file, or a CSV file (UTF-8 with or without BOM,
 * or the UTF-16 "Unicode text" Excel saves; comma, semicolon or tab separated). Line numbers are the row
 * numbers the user sees in Excel. Throws an Error with a Vietnamese message on a file it cannot read.
 */
export async function readTable(file: Buffer, filename: string): Promise<RawRow[]> {
  const extension = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase()
  if (extension === 'xls')
    throw new Error('Tệp .xls (Excel 97–2003) chưa được hỗ trợ: hãy mở tệp bằng Excel và lưu lại dưới dạng .xlsx hoặc CSV UTF-8.')
  if (extension !== 'xlsx' && extension !== 'csv' && extension !== 'txt')
    throw new Error('Chỉ nhận tệp .csv hoặc .xlsx (xuất từ cơ sở dữ liệu đảng viên).')
  // An Excel workbook saved under a .csv name is still read as the workbook it is.
  return extension === 'xlsx' || isZip(file) ? readWorkbook(file) : readCsv(file)
}

const isZip = (file: Buffer) => file.length >= 4 && file.readUInt32LE(0) === 0x04034b50

async function readWorkbook(file: Buffer): Promise<RawRow[]> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer)
  } catch {
    throw new Error('Không đọc được tệp Excel: tệp hỏng hoặc không phải định dạng .xlsx.')
  }
  const sheets = workbook.worksheets.map(sheetRows)
  if (sheets.length === 0) throw new Error('Tệp Excel không có trang tính nào.')
  return sheets.find((rows) => rows.slice(0, HEADER_SEARCH_ROWS).some((r) => recognisedColumns(r.cells) >= MIN_HEADER_COLUMNS)) ?? sheets[0]
}

function sheetRows(sheet: ExcelJS.Worksheet): RawRow[] {
  const rows: RawRow[] = []
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells = (row.values as ExcelJS.CellValue[]).slice(1).map(cellValue)
    if (!cells.every(isBlank)) rows.push({ line, cells })
  })
  return rows
}

/** The value a cell shows: text of rich text and hyperlinks, the result of a formula, the code of an error. */
function cellValue(value: ExcelJS.CellValue): unknown {
  if (value == null || typeof value !== 'object' || value instanceof Date) return value
  if ('richText' in value) return value.richText.map((part) => part.text).join('')
  if ('result' in value) return cellValue(value.result as ExcelJS.CellValue)
  if ('text' in value) return value.text
  if ('error' in value) return value.error
  return ''
}

const NOT_UTF8 =
  'Tệp CSV phải được lưu với mã hóa UTF-8 (trong Excel: Lưu thành → "CSV UTF-8 (Comma delimited)"). Tệp này dùng bảng mã khác nên tiếng Việt bị lỗi.'

function decodeText(file: Buffer): string {
  if (file[0] === 0xff && file[1] === 0xfe) return new TextDecoder('utf-16le').decode(file)
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file)
  } catch {
    throw new Error(NOT_UTF8)
  }
}

function readCsv(file: Buffer): RawRow[] {
  const text = decodeText(file)
  const parsed = Papa.parse<string[]>(text, { delimiter: delimiterOf(text), skipEmptyLines: false })
  return parsed.data.map((cells, i) => ({ line: i + 1, cells })).filter((r) => !r.cells.every(isBlank))
}

/**
 * The separator that splits the header row into member columns. Papa Parse's own guess compares field
 * counts of the first rows, which title rows and commas inside quoted addresses easily mislead.
 * Undefined (let Papa Parse guess) when no separator yields a header; the header check then reports it.
 */
function delimiterOf(text: string): string | undefined {
  let best: { delimiter: string; columns: number } | undefined
  for (const delimiter of [',', ';', '\t']) {
    const { data } = Papa.parse<string[]>(text, { delimiter, preview: 4 * HEADER_SEARCH_ROWS })
    const columns = Math.max(0, ...data.map(recognisedColumns))
    if (columns >= MIN_HEADER_COLUMNS && columns > (best?.columns ?? 0)) best = { delimiter, columns }
  }
  return best?.delimiter
}

function parseGender(value: string): Gender | null {
  const v = headingKey(value)
  if (v === 'nam' || v === 'm') return 'nam'
  if (v === 'nu' || v === 'f') return 'nu'
  return null
}

const cellText = (v: unknown): string => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? '').trim())

/**
 * A number cell cannot keep leading zeros: Excel shows citizen id 031060123456 as 31060123456 and phone
 * 0912345678 as 912345678 unless the column is formatted as text. Every citizen id and mobile number
 * starts with 0, so the zero is restored for number cells (CSV cells are text and are left as written).
 */
function restoreLeadingZero(column: 'citizenId' | 'phone', value: unknown): unknown {
  if (typeof value !== 'number' || !Number.isInteger(value)) return value
  return String(value).padStart(column === 'citizenId' ? 12 : 10, '0')
}

/** What a spreadsheet may have done to a long number typed into a cell not formatted as text. */
function spreadsheetHint(raw: string): string {
  if (/^\d{11}$/.test(raw)) return ' Có thể Excel đã bỏ số 0 ở đầu: hãy định dạng cột là Văn bản (Text) rồi nhập lại.'
  if (/e\+?\d+$/i.test(raw)) return ' Excel đã đổi số thành dạng khoa học (ví dụ 3,1E+10): hãy định dạng cột là Văn bản (Text) rồi nhập lại.'
  return ''
}

/** Finds the header row, then checks every data row; every problem is reported with its line number. */
export function checkMemberRows(table: RawRow[]): ParsedList {
  const headerIndex = table.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => recognisedColumns(r.cells) >= MIN_HEADER_COLUMNS)
  if (headerIndex < 0)
    throw new Error('Không tìm thấy dòng tiêu đề: tệp cần các cột Họ và tên, Ngày sinh, Giới tính, Ngày vào Đảng, Số thẻ đảng viên, Chi bộ, Số định danh cá nhân.')
  const header = table[headerIndex].cells.map(columnOf)
  const missing = REQUIRED.filter((c) => !header.includes(c))
  if (missing.length) throw new Error(`Thiếu cột bắt buộc: ${missing.map((c) => LABELS[c]).join(', ')}.`)
  // Rows with nothing in any member column (a numbered blank row, a signature line under the table) are not members.
  const body = table.slice(headerIndex + 1).filter((raw) => header.some((c, i) => c && !isBlank(raw.cells[i])))
  if (body.length > MAX_IMPORT_ROWS) throw new Error(`Tệp có ${body.length} dòng, vượt quá giới hạn ${MAX_IMPORT_ROWS} dòng mỗi lần nhập.`)

  const rows: MemberRow[] = []
  const errors: RowError[] = []
  for (const raw of body) {
    const checked = checkRow(raw, header)
    if ('messages' in checked) errors.push(checked)
    else rows.push(checked)
  }
  errors.push(...duplicatesWithinFile(rows))
  const bad = new Set(errors.map((e) => e.line))
  return { rows: rows.filter((r) => !bad.has(r.line)), errors: mergeByLine(errors), total: body.length }
}

/** One data row: the member it describes, or every problem found in it. */
function checkRow(raw: RawRow, header: (MemberColumn | null)[]): MemberRow | RowError {
  // When two columns name the same field (e.g. "Tên chi bộ" and "Mã chi bộ"), the first filled one counts.
  const get = (c: MemberColumn) => raw.cells.find((v, i) => header[i] === c && !isBlank(v))
  const text = (c: MemberColumn) => cellText(get(c))
  const messages: string[] = []
  for (const c of REQUIRED) if (text(c) === '') messages.push(`Thiếu ${LABELS[c]}.`)

  const fullName = text('fullName').replace(/\s+/g, ' ')
  if (fullName.length > MAX_NAME_LENGTH) messages.push(`Họ và tên quá dài (tối đa ${MAX_NAME_LENGTH} ký tự).`)
  const gender = parseGender(text('gender'))
  if (text('gender') && !gender) messages.push(`Giới tính không hợp lệ: "${text('gender')}" (ghi Nam hoặc Nữ).`)
  messages.push(...checkMemberDates({ birthDate: get('birthDate'), partyJoinDate: get('partyJoinDate'), officialDate: get('officialDate') }))
  const card = text('cardNumber') ? checkPartyCardNumber(get('cardNumber')) : null
  if (card && !card.ok) messages.push(card.message)
  const citizenRaw = cellText(restoreLeadingZero('citizenId', get('citizenId')))
  const citizen = citizenRaw ? checkCitizenId(citizenRaw, { birthDate: parseDate(get('birthDate')), gender }) : null
  if (citizen && !citizen.ok) messages.push(citizen.message + spreadsheetHint(citizenRaw.replace(/[\s.-]/g, '')))
  const phoneRaw = cellText(restoreLeadingZero('phone', get('phone')))
  const phone = phoneRaw ? checkMobilePhone(phoneRaw) : null
  if (phone && !phone.ok) messages.push(phone.message)
  const email = text('email').toLowerCase() || null
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) messages.push(`Email không hợp lệ: "${email}".`)

  if (messages.length || !card?.ok || !citizen?.ok || !gender) return { line: raw.line, messages: [...new Set(messages)] }
  return {
    line: raw.line,
    fullName,
    birthDate: parseDate(get('birthDate'))!,
    gender,
    partyJoinDate: parseDate(get('partyJoinDate'))!,
    officialDate: parseDate(get('officialDate')),
    cardNumber: card.value,
    branch: text('branch'),
    citizenId: citizen.value,
    phone: phone?.ok ? phone.value : null,
    email,
  }
}

/** Later rows repeating the card number, citizen id or email of an earlier row. */
function duplicatesWithinFile(rows: MemberRow[]): RowError[] {
  const errors: RowError[] = []
  const seen = new Map<string, number>()
  for (const row of rows) {
    const keys: [string | null, string][] = [
      [`card:${row.cardNumber}`, `Số thẻ đảng viên ${row.cardNumber}`],
      [`cid:${row.citizenId}`, 'Số định danh cá nhân'],
      [row.email && `email:${row.email}`, `Email ${row.email}`],
    ]
    for (const [key, label] of keys) {
      if (!key) continue
      const first = seen.get(key)
      if (first !== undefined) errors.push({ line: row.line, messages: [`${label} trùng với dòng ${first}.`] })
      else seen.set(key, row.line)
    }
  }
  return errors
}

/** One entry per line, in line order, with all of that line's messages. */
function mergeByLine(errors: RowError[]): RowError[] {
  const byLine = new Map<number, string[]>()
  for (const e of [...errors].sort((a, b) => a.line - b.line)) byLine.set(e.line, [...(byLine.get(e.line) ?? []), ...e.messages])
  return [...byLine.entries()].map(([line, messages]) => ({ line, messages }))
}
