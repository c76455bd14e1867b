import { checkPronunciation, entriesUsed, normalizeForSpeech } from '../../../src/lib/vi/speech'

describe('checkPronunciation', () => {
  it('tidies a good entry', () => {
    expect(checkPronunciation('  XKLĐ ', ' Xuất  khẩu, lao động ')).toEqual({ ok: true, term: 'XKLĐ', reading: 'xuất khẩu lao động' })
    expect(checkPronunciation('COVID-19', 'cô vít mười chín')).toEqual({ ok: true, term: 'COVID-19', reading: 'cô vít mười chín' })
    // one tone-mark placement: "hoà" and "hòa" are the same reading
    expect(checkPronunciation('HĐ', 'hoà đồng')).toMatchObject({ ok: true, reading: 'hòa đồng' })
  })
  it.each([
    [undefined, 'trung ương', 'term', /Hãy nhập từ cần đọc/],
    ['hai từ', 'hai từ', 'term', /một từ liền/],
    ['-TW', 'trung ương', 'term', /một từ liền/],
    ['2025', 'hai nghìn', 'term', /chữ cái/],
    ['TW', '  ', 'reading', /Hãy nhập cách đọc/],
    ['TW', 'trung 2', 'reading', /chữ số/],
    ['CEO', 'chief executive', 'reading', /"chief" không phải một âm tiết tiếng Việt/],
  ])('refuses %p → %p', (term, reading, field, message) => {
    const checked = checkPronunciation(term, reading)
    expect(checked.ok).toBe(false)
    if (!checked.ok) {
      expect(checked.field).toBe(field)
      expect(checked.message).toMatch(message)
    }
  })
})

describe('entriesUsed', () => {
  const dictionary = { XKLĐ: 'xuất khẩu lao động', KLĐ: 'không lời', email: 'i meo', 'COVID-19': 'cô vít mười chín' }
  it('finds whole words only, capitals exactly, lower-case terms in any case', () => {
    expect(entriesUsed(['Hồ sơ XKLĐ đã nộp.', 'Gửi Email cho chi bộ.'], dictionary)).toEqual({ XKLĐ: 'xuất khẩu lao động', email: 'i meo' })
    expect(entriesUsed(['hồ sơ xklđ', 'emails'], dictionary)).toEqual({})
    expect(entriesUsed(['Phòng, chống COVID-19.'], dictionary)).toEqual({ 'COVID-19': 'cô vít mười chín' })
  })
  it('matches what the normaliser reads with the entry', () => {
    const used = entriesUsed(['Hồ sơ XKLĐ đã nộp.'], dictionary)
    expect(normalizeForSpeech('Hồ sơ XKLĐ đã nộp.', { dictionary: used })).toContain('xuất khẩu lao động')
  })
})
