/**
 * Document numbers (số ký hiệu văn bản), read as a speaker says them:
 * - Party style "339-QĐ/TW" → "ba trăm ba mươi chín quy định trung ương" (number, kind, issuer);
 * - state style "100/2019/NĐ-CP" → "một trăm năm hai nghìn không trăm mười chín nghị định chính phủ";
 * - "123/QĐ-UBND" → "một trăm hai mươi ba quyết định ủy ban nhân dân".
 * The kind named just before the number picks among a code's readings (QĐ: quyết định or quy định).
 * The number is a quantity, so a leading zero is not read ("01-QĐ/TW" → "một quyết định …").
 */
import { type Rule, wordsBefore } from '../draft'
import type { DocumentFormat, Lexicon } from '../lexicon'
import { readCardinal } from '../numbers'

const CODE = '\\p{Lu}[\\p{L}\\d]*'
const CODES = `${CODE}(?:[-/]${CODE})*`
const START = '(?<![\\p{L}\\p{N}/.,-])'
const END = '(?![\\p{L}\\p{N}])'

const PARTY = new RegExp(`${START}(\\d{1,5})[^\\S\\n]?[-–][^\\S\\n]?(\\p{Lu}\\p{L}*)/(${CODES})${END}`, 'gu')
const STATE_WITH_YEAR = new RegExp(`${START}(\\d{1,5})/((?:19|20)\\d\\d)/(${CODES})${END}`, 'gu')
const STATE = new RegExp(`${START}(\\d{1,5})/(\\p{Lu}\\p{L}*\\p{Lu}\\p{L}*(?:[-/]${CODE})*)${END}`, 'gu')

/** Reads "NĐ-CP", "QĐ-UBND", "QH14": the first part may be a kind of document, the rest are issuers. */
function readParts(codes: string, format: DocumentFormat, before: string, lexicon: Lexicon, firstIsKind: boolean): string {
  return codes
    .split(/[-/]/)
    .map((code, i) => (i === 0 && firstIsKind ? lexicon.documentType(code, format, before) : lexicon.issuer(code, format)))
    .join(' ')
}

export function documentRules(lexicon: Lexicon): Rule[] {
  const kindFirst = (codes: string) => lexicon.isDocumentType(codes.split(/[-/]/)[0])
  return [
    {
      pattern: PARTY,
      replace: (m, text) => {
        const before = wordsBefore(text, m.index, 4)
        return `${readCardinal(m[1])} ${lexicon.documentType(m[2], 'party', before)} ${readParts(m[3], 'party', before, lexicon, false)}`
      },
    },
    {
      pattern: STATE_WITH_YEAR,
      replace: (m, text) =>
        `${readCardinal(m[1])} năm ${readCardinal(m[2])} ${readParts(m[3], 'state', wordsBefore(text, m.index, 4), lexicon, kindFirst(m[3]))}`,
    },
    {
      pattern: STATE,
      replace: (m, text) =>
        `${readCardinal(m[1])} ${readParts(m[2], 'state', wordsBefore(text, m.index, 4), lexicon, kindFirst(m[2]))}`,
    },
  ]
}
