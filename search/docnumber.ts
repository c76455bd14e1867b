/**
 * Document numbers (số hiệu) of Party and State documents: "339-QĐ/TW", "12/2023/NQ-HĐND", "01/QĐ-TTg".
 *
 * A number has three parts that matter for search: the running number ("339"), the type code ("QĐ",
 * folded to "qd") and the issuer code ("TW"). Queries name documents in many ways — "339-QĐ/TW",
 * "339/QĐ-TW", "qd 339", "quy định 339", "quy dinh so 339", "339" — and all of them reduce to a
 * {@link NumberRef} that the engines compare with the parsed number of each indexed document.
 */
import { fold } from '../src/lib/vi/text'

/** Type codes used in document numbers and the document types (loại văn bản) they stand for. */
export const TYPE_CODES: Readonly<Record<string, readonly string[]>> = {
  QĐ: ['quy định', 'quyết định'],
  QĐi: ['quy định'],
  NQ: ['nghị quyết'],
  CT: ['chỉ thị'],
  KL: ['kết luận'],
  HD: ['hướng dẫn'],
  KH: ['kế hoạch'],
  TB: ['thông báo'],
  BC: ['báo cáo'],
  CV: ['công văn'],
  TT: ['thông tri', 'thông tư'],
  QC: ['quy chế'],
  TTr: ['tờ trình'],
  CTr: ['chương trình'],
  ĐA: ['đề án'],
  PA: ['phương án'],
  NĐ: ['nghị định'],
  PL: ['pháp lệnh'],
  BB: ['biên bản'],
  GM: ['giấy mời'],
}

/** Folded, lower-case code → folded type names ("qd" → ["quy dinh", "quyet dinh"]). */
const CODE_NAMES = new Map<string, string[]>()
/** Folded type name → folded codes ("quy dinh" → ["qd", "qdi"]). */
const NAME_CODES = new Map<string, string[]>()
for (const [code, names] of Object.entries(TYPE_CODES)) {
  const key = normal(code)
  CODE_NAMES.set(key, names.map(normal))
  for (const name of names.map(normal)) NAME_CODES.set(name, [...(NAME_CODES.get(name) ?? []), key])
}

function normal(text: string): string {
  return fold(text).toLowerCase()
}

/** The parts of a document number, folded and lower-cased. */
export interface DocNumber {
  num: string
  code?: string
  org?: string
}

/** How a query refers to a document number; `codes` lists every type code the words may mean. */
export interface NumberRef {
  num: string
  codes: string[]
  org?: string
}

const NUMBER_PATTERN = /(\d+)(?:\s*\/\s*(?:19|20)\d\d)?\s*[-/]\s*([a-z]+)(?:\s*[-/.]\s*([a-z][a-z0-9.-]*))?/

/** Parses "339-QĐ/TW", "339/QĐ-TW", "12/2023/NQ-HĐND"; a bare "339" gives only the running number. */
export function parseDocNumber(text: string | undefined | null): DocNumber | undefined {
  if (!text) return undefined
  const folded = normal(text)
  const match = NUMBER_PATTERN.exec(folded)
  if (match) {
    const org = match[3]?.replace(/[^a-z0-9]/g, '')
    return { num: stripZeros(match[1]), code: match[2], org: org || undefined }
  }
  const bare = /\d+/.exec(folded)
  return bare ? { num: stripZeros(bare[0]) } : undefined
}

/** "01" and "1" name the same document number. */
function stripZeros(num: string): string {
  return num.replace(/^0+(?=\d)/, '')
}

/** True when `token` (folded) is a known type code such as "qd" or "nq". */
export function isTypeCode(token: string): boolean {
  return CODE_NAMES.has(token)
}

/** Codes a two-syllable folded type name stands for ("quy dinh" → ["qd", "qdi"]), or none. */
export function codesForName(name: string): string[] {
  return NAME_CODES.get(name) ?? []
}

/** Folded type names a code stands for, e.g. for search-engine synonyms ("qd" → ["quy dinh", "quyet dinh"]). */
export function namesForCode(code: string): string[] {
  return CODE_NAMES.get(code) ?? []
}

/** All folded codes with their folded names, for engines that manage synonyms. */
export function typeCodeEntries(): [string, string[]][] {
  return [...CODE_NAMES.entries()]
}

/**
 * How high the issuing body of a document number sits, from its issuer code:
 * 3 central (…TW, Chính phủ, Thủ tướng, Quốc hội), 2 provincial (Tỉnh ủy, Thành ủy, HĐND/UBND), 1 district,
 * 0 grassroots or unknown. Used only to order otherwise equal matches of a bare number.
 */
export function issuerLevel(org: string | undefined): number {
  if (!org) return 0
  if (/tw$/.test(org) || ['cp', 'ttg', 'qh', 'ubtvqh', 'ctn', 'bct', 'bbt'].includes(org)) return 3
  if (['tu', 'thu', 'duk', 'hdnd', 'ubnd'].includes(org)) return 2
  if (['hu', 'qu', 'txu', 'tpu'].includes(org)) return 1
  return 0
}

/**
 * Finds a document number in a query given as folded syllables (`terms`) plus the raw text.
 * Returns the reference and the indexes of the terms it consumed (the number, its code or type name,
 * the issuer code), or undefined when the query names no number. A year after a type name
 * ("kế hoạch 2025") is a year, not a number; written with its code ("2025-KH/TU") it is a number.
 */
export function findNumberRef(raw: string, terms: readonly string[]): { ref: NumberRef; used: number[] } | undefined {
  for (let i = 0; i < terms.length; i++) {
    if (!/^\d+$/.test(terms[i])) continue
    const num = stripZeros(terms[i])
    const after = terms[i + 1]
    if (after && isTypeCode(after)) {
      const org = terms[i + 2] && explicitOrg(raw, num, after, terms[i + 2]) ? terms[i + 2] : undefined
      const used = org ? [i, i + 1, i + 2] : [i, i + 1]
      return { ref: { num, codes: [after], org }, used }
    }
    const before = typeBefore(terms, i)
    if (before && !/^(19|20)\d\d$/.test(num)) return { ref: { num, codes: before.codes }, used: [...before.used, i] }
  }
  return undefined
}

/** A bare number in the query ("339"), when the query names nothing else. */
export function bareNumberRef(terms: readonly string[]): { ref: NumberRef; used: number[] } | undefined {
  if (terms.length !== 1 || !/^\d+$/.test(terms[0])) return undefined
  return { ref: { num: stripZeros(terms[0]), codes: [] }, used: [0] }
}

/** The issuer code follows the type code only inside a written number ("339-QĐ/TW", "339/QĐ-TW"). */
function explicitOrg(raw: string, num: string, code: string, org: string): boolean {
  const parsed = parseDocNumber(raw)
  return parsed?.num === num && parsed.code === code && parsed.org === org
}

/** A type code or name right before the number, optionally with "số": "qd 339", "quy định số 339". */
function typeBefore(terms: readonly string[], i: number): { codes: string[]; used: number[] } | undefined {
  let j = i - 1
  if (j >= 0 && terms[j] === 'so') j--
  if (j < 0) return undefined
  const used = (from: number) => Array.from({ length: i - from }, (_, k) => from + k)
  if (isTypeCode(terms[j])) return { codes: [terms[j]], used: used(j) }
  if (j >= 1) {
    const codes = codesForName(`${terms[j - 1]} ${terms[j]}`)
    if (codes.length) return { codes, used: used(j - 1) }
  }
  return undefined
}
