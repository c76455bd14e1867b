import { canonical, fold, hasDiacritics, syllables } from '@/lib/vi/text'

describe('canonical(): NFC and one tone-mark placement', () => {
  it.each([
    ['hoà', 'hòa'],
    ['khoá', 'khóa'],
    ['thuỷ', 'thủy'],
    ['Thành uỷ', 'Thành ủy'],
    ['hoè', 'hòe'],
  ])('%s → %s', (input: string, expected: string) => {
    expect(canonical(input)).toBe(expected)
  })

  it('keeps syllables whose placement is not a matter of style', () => {
    for (const w of ['hoàn', 'thuyết', 'người', 'quyết', 'giữa', 'quả', 'gì', 'nghị', 'khuya', 'chuyện', 'Đảng'])
      expect(canonical(w)).toBe(w.normalize('NFC'))
  })

  it('turns decomposed input into NFC', () => {
    const decomposed = 'Nghị quyết'.normalize('NFD')
    expect(decomposed).not.toBe('Nghị quyết')
    expect(canonical(decomposed)).toBe('Nghị quyết')
  })
})

describe('fold()', () => {
  it('removes diacritics and maps đ to d', () => {
    expect(fold('Đảng ủy phường Bạch Đằng')).toBe('Dang uy phuong Bach Dang')
    expect(fold('339-QĐ/TW')).toBe('339-QD/TW')
  })
})

describe('syllables() and hasDiacritics()', () => {
  it('lower-cases canonical syllables and drops punctuation', () => {
    expect(syllables('Quy định 339-QĐ/TW, hoà bình.')).toEqual(['quy', 'định', '339', 'qđ', 'tw', 'hòa', 'bình'])
  })
  it('tells accented text from plain', () => {
    expect(hasDiacritics('nghi quyet')).toBe(false)
    expect(hasDiacritics('nghị quyết')).toBe(true)
  })
})
