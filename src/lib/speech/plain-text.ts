/**
 * Plain text → sentences to read. Sentences are numbered s1, s2… in reading order; each Phần / Chương /
 * Mục / Điều heading opens a chapter titled with the heading as printed ("Điều 3. Nội dung …"), so a
 * listener can jump to "Điều 3" (khoản and điểm are too fine-grained to be chapters).
 */
import { parseMarker } from '../document/markers'
import { splitSentenceSpans } from '../vi/sentences'
import type { SpeechSentence } from './types'

const CHAPTER_KINDS = new Set(['phan', 'chuong', 'muc', 'dieu'])

export function sentencesFromPlainText(text: string): SpeechSentence[] {
  let chapter: string | undefined
  return splitSentenceSpans(text.normalize('NFC')).map((span, index) => {
    const marker = parseMarker(span.text)
    if (marker && CHAPTER_KINDS.has(marker.kind)) chapter = span.text
    return { id: `s${index + 1}`, text: span.text, chapter }
  })
}
