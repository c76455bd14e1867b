/**
 * Pronunciation entries that editors add in the admin ("Từ điển phát âm"): checking one entry before it
 * is stored, and finding which entries a text uses (so that only the audio of documents that use a
 * changed entry is made again). Matching follows the normaliser's rule: a term with a capital letter
 * matches exactly, an all-lower-case term in any case, always as a whole word.
 */
import { canonical } from '../text'
import { isSyllable } from './letters'

export type PronunciationCheck =
  | { ok: true; term: string; reading: string }
  | { ok: false; field: 'term' | 'reading'; message: string }

const TERM_MAX = 30
const READING_MAX = 200
/** One written word: letters and digits, with & . / - only between them ("BTCB", "TTg", "COVID-19", "P&G"). */
const TERM = /^[\p{L}\p{N}](?:[\p{L}\p{N}&./-]*[\p{L}\p{N}])?$/u

const fail = (field: 'term' | 'reading', message: string): PronunciationCheck => ({ ok: false, field, message })

/** Checks and tidies one entry: the term as written (NFC), the reading in lower-case Vietnamese syllables. */
export function checkPronunciation(termInput: unknown, readingInput: unknown): PronunciationCheck {
  const term = typeof termInput === 'string' ? canonical(termInput.normalize('NFC')).trim() : ''
  if (!term) return fail('term', 'Hãy nhập từ cần đọc (chữ viết tắt hoặc từ nước ngoài).')
  if (term.length > TERM_MAX) return fail('term', `Từ cần đọc dài tối đa ${TERM_MAX} ký tự.`)
  if (!TERM.test(term)) return fail('term', 'Từ cần đọc phải là một từ liền: chữ cái và chữ số, có thể có dấu & . / - ở giữa, không có khoảng trắng.')
  if (!/\p{L}/u.test(term)) return fail('term', 'Từ cần đọc phải có ít nhất một chữ cái: số đã được máy đọc đúng.')

  const reading = typeof readingInput === 'string' ? canonical(readingInput.normalize('NFC')).toLowerCase().replace(/[\s,]+/g, ' ').trim() : ''
  if (!reading) return fail('reading', 'Hãy nhập cách đọc bằng tiếng Việt, ví dụ "bí thư chi bộ".')
  if (reading.length > READING_MAX) return fail('reading', `Cách đọc dài tối đa ${READING_MAX} ký tự.`)
  if (/\p{N}/u.test(reading)) return fail('reading', 'Cách đọc không được có chữ số: hãy viết số bằng chữ, ví dụ "hai mươi".')
  const odd = reading.split(' ').find((word) => !isSyllable(word))
  if (odd !== undefined)
    return fail('reading', `"${odd}" không phải một âm tiết tiếng Việt nên máy sẽ đọc sai (theo tiếng Anh). Hãy viết cách đọc bằng âm tiết tiếng Việt, ví dụ "bê tê xê bê" hoặc "bí thư chi bộ".`)
  return { ok: true, term, reading }
}

/** Escapes regular-expression syntax (a bare - is literal outside a class, and escaping it is an error with the u flag). */
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

/** The entries of `dictionary` whose term occurs in one of `texts` as a whole word. */
export function entriesUsed(texts: readonly string[], dictionary: Readonly<Record<string, string>>): Record<string, string> {
  const used: Record<string, string> = {}
  const joined = texts.join('\n').normalize('NFC')
  for (const [term, reading] of Object.entries(dictionary)) {
    const flags = term === term.toLowerCase() ? 'iu' : 'u'
    if (new RegExp(`(?<![\\p{L}\\p{N}])${escape(term)}(?![\\p{L}\\p{N}])`, flags).test(joined)) used[term] = reading
  }
  return used
}
