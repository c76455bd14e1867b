/**
 * The closing blocks of a document: "Nơi nhận:" with its recipient list, and the signature block
 * (thẩm quyền ký "T/M BAN BÍ THƯ", chức vụ "PHÓ BÍ THƯ", the signer's name). PDF extraction may set
 * the two side by side on the same lines; each column is classified on its own.
 */
import { collapseSpaces, splitColumns, type Line } from './clean'
import { parseBullet } from './markers'
import type { ClosingBlock, Signature } from './types'

const RECIPIENTS = /^Nơi\s+nhận\s*:?\s*(.*)$/iu
const CAPACITY = /^(T\/M|TM\.?|K\/T|KT\.?|T\/L|TL\.?|TUQ\.?|Q\.|THAY MẶT|KÝ THAY|THỪA LỆNH|THỪA ỦY QUYỀN)\s+\p{Lu}/u
const SIGNED_NOTE = /^[([]?\s*(đã ký|ký|chữ ký|ký tên|ký,|ký và|đóng dấu|daky)[^)\]]*[)\]]?$/iu
const NAME_WORD = /^\p{Lu}\p{Ll}*$/u
const TAIL_SCAN = 40

/** A person's name: 2 to 6 capitalised syllables, nothing else. */
function isPersonName(line: string): boolean {
  const words = line.split(' ')
  return words.length >= 2 && words.length <= 6 && words.every((w) => NAME_WORD.test(w))
}

function isUpper(line: string): boolean {
  return /\p{Lu}/u.test(line) && !/\p{Ll}/u.test(line)
}

/**
 * Index of the first closing line among the last lines: "Nơi nhận:", a signing capacity, or a
 * position line followed only by a name. Returns `lines.length` when the text has no closing block.
 */
export function findClosingStart(lines: Line[]): number {
  const from = Math.max(0, lines.length - TAIL_SCAN)
  for (let i = from; i < lines.length; i++) {
    const parts = splitColumns(lines[i].text)
    if (parts.some((p) => RECIPIENTS.test(p) || CAPACITY.test(p))) return i
  }
  const last = lines.length - 1
  if (last >= 1 && isPersonName(collapseSpaces(lines[last].text))) {
    let i = last
    while (i > 0 && isUpper(collapseSpaces(lines[i - 1].text)) && !parseBullet(collapseSpaces(lines[i - 1].text))) i--
    if (i < last) return i
  }
  return lines.length
}

/** Classifies the closing lines into recipients and signatures. */
export function parseClosing(lines: Line[]): ClosingBlock {
  const closing: ClosingBlock = { recipients: [], signatures: [] }
  let current: Signature | null = null
  const signature = (): Signature => {
    if (!current) {
      current = { positions: [] }
      closing.signatures.push(current)
    }
    return current
  }
  for (const line of lines) {
    for (const part of splitColumns(line.text)) {
      const recipients = RECIPIENTS.exec(part)
      const bullet = parseBullet(part)
      if (recipients) {
        if (recipients[1]) closing.recipients.push(recipients[1])
      } else if (bullet) {
        closing.recipients.push(bullet.text)
      } else if (CAPACITY.test(part)) {
        current = { capacity: part, positions: [] }
        closing.signatures.push(current)
      } else if (SIGNED_NOTE.test(part)) {
        continue
      } else if (isPersonName(part)) {
        signature().name = part
        current = null
      } else if (isUpper(part)) {
        signature().positions.push(part)
      } else if (closing.recipients.length > 0 && /^\p{Ll}/u.test(part)) {
        const lastIndex = closing.recipients.length - 1
        closing.recipients[lastIndex] = `${closing.recipients[lastIndex]} ${part}`
      } else {
        signature().positions.push(part)
      }
    }
  }
  closing.recipients = closing.recipients.map(trimRecipient)
  return closing
}

/** "- Lưu VPTW." → "Lưu VPTW": list punctuation is not part of a recipient. */
function trimRecipient(text: string): string {
  return text.replace(/[,;.]\s*$/, '').trim()
}
