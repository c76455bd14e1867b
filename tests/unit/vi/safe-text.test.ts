import { unsafeTextProblem } from '@/lib/vi/safeText'

describe('unsafeTextProblem(): invisible characters in names and titles', () => {
  it('accepts ordinary Vietnamese, punctuation and the implicit direction marks', () => {
    for (const ok of ['Nguyễn Thị Minh Khai', 'Nghị quyết số 21-NQ/TW “về công tác bảo vệ”', 'Số: 339-QĐ/TW', 'A\u200eB', '']) expect(unsafeTextProblem(ok, 'Họ và tên')).toBeNull()
  })

  it('refuses NUL, naming the field', () => {
    expect(unsafeTextProblem('Nguyễn\u0000Văn A', 'Họ và tên')).toMatch(/^Họ và tên chứa ký tự rỗng \(NUL, U\+0000\)/)
  })

  it('refuses every other C0 and C1 control character with its code point', () => {
    for (const cp of [0x01, 0x07, 0x1b, 0x1f, 0x7f, 0x80, 0x85, 0x9f]) {
      const message = unsafeTextProblem(`Trích${String.fromCharCode(cp)}yếu`, 'Trích yếu')
      expect(message).toContain(`U+${cp.toString(16).toUpperCase().padStart(4, '0')}`)
      expect(message).toMatch(/^Trích yếu chứa ký tự điều khiển/)
    }
  })

  it('allows tab and line breaks only in multi-line text', () => {
    for (const ch of ['\t', '\n', '\r']) {
      expect(unsafeTextProblem(`dòng 1${ch}dòng 2`, 'Tiêu đề')).toMatch(/một dòng/)
      expect(unsafeTextProblem(`dòng 1${ch}dòng 2`, 'Tóm tắt', { multiline: true })).toBeNull()
    }
    expect(unsafeTextProblem('a\u000bb', 'Tóm tắt', { multiline: true })).toMatch(/U\+000B/)
    expect(unsafeTextProblem('a\u0000b', 'Tóm tắt', { multiline: true })).toMatch(/NUL/)
  })

  it('refuses bidirectional embeddings, overrides and isolates', () => {
    for (const cp of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) {
      const message = unsafeTextProblem(`baocao${String.fromCharCode(cp)}fdp.exe`, 'Tên tệp', { multiline: true })
      expect(message).toMatch(/^Tên tệp chứa ký tự đảo chiều văn bản/)
      expect(message).toContain(`U+${cp.toString(16).toUpperCase()}`)
    }
  })

  it('leaves values that are not strings to the field’s own rules', () => {
    for (const v of [undefined, null, 42, ['a\u0000']]) expect(unsafeTextProblem(v, 'Họ và tên')).toBeNull()
  })
})
