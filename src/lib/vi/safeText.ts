/**
 * Characters a name or a title must not carry: they are invisible, yet change what is stored or shown.
 *
 * - C0/C1 control characters (U+0000–U+001F, U+007F–U+009F), NUL among them: NUL cuts strings short in C
 *   libraries and file systems (a stored name silently truncated), the others are invisible in a list.
 *   Tab and line breaks are allowed in multi-line text only.
 * - Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): a right-to-left
 *   override makes "gpj.exe" look like "exe.jpg" and a name read backwards (the "Trojan Source" trick).
 *   Vietnamese never needs them; the implicit marks (LRM, RLM) stay allowed.
 */

const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F]/u
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u
const BIDI = /[\u202A-\u202E\u2066-\u2069]/u

export type SafeTextOptions = {
  /** Tab, line feed and carriage return are allowed (a summary, a note); never in a name or title. */
  multiline?: boolean
}

const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`

/**
 * The problem with `value` as the field `label` ("Họ và tên", "Trích yếu"…), in Vietnamese, or null when it
 * is fine. Values that are not strings are left to the field's own rules.
 */
export function unsafeTextProblem(value: unknown, label: string, { multiline = false }: SafeTextOptions = {}): string | null {
  if (typeof value !== 'string') return null
  const control = value.match(multiline ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE)
  if (control) {
    const ch = control[0]
    if (ch === '\u0000') return `${label} chứa ký tự rỗng (NUL, U+0000), không thể lưu: hãy nhập lại, không dán từ tệp nhị phân.`
    if (ch === '\n' || ch === '\r' || ch === '\t') return `${label} chỉ được viết trên một dòng: hãy bỏ dấu xuống dòng hoặc tab.`
    return `${label} chứa ký tự điều khiển không hiển thị (${codePoint(ch)}): hãy xóa ký tự đó rồi lưu lại.`
  }
  const bidi = value.match(BIDI)
  if (bidi) return `${label} chứa ký tự đảo chiều văn bản (${codePoint(bidi[0])}), có thể làm chữ hiển thị sai lệch: hãy xóa ký tự đó rồi lưu lại.`
  return null
}
