/**
 * Readable casing for upper-case header lines ("BAN CHẤP HÀNH TRUNG ƯƠNG" → "Ban Chấp hành Trung ương",
 * "ĐẢNG ỦY PHƯỜNG BẠCH ĐẰNG" → "Đảng ủy phường Bạch Đằng"), following the capitalisation rules of
 * Party and state documents: names of bodies capitalise the syllables that name them, administrative
 * unit words stay lower case and the place names after them are capitalised.
 */

/** Fixed spellings of names and name parts, lower-case key → spelling. Longest match wins. */
const PHRASES = [
  'Đảng Cộng sản Việt Nam',
  'Cộng hòa xã hội chủ nghĩa Việt Nam',
  'Ban Chấp hành',
  'Ban Thường vụ',
  'Thường trực Ban Bí thư',
  'Ban Bí thư',
  'Bộ Chính trị',
  'Trung ương',
  'Ban Tổ chức',
  'Ban Tuyên giáo',
  'Ban Dân vận',
  'Dân vận',
  'Ban Nội chính',
  'Ban Kinh tế',
  'Ban Đối ngoại',
  'Ban Chính sách, chiến lược',
  'Ban Xây dựng Đảng',
  'Ban cán sự đảng',
  'Ủy ban Kiểm tra',
  'Ủy ban nhân dân',
  'Hội đồng nhân dân',
  'Mặt trận Tổ quốc Việt Nam',
  'Văn phòng',
  'Quốc hội',
  'Chính phủ',
  'Nhà nước',
  'Tỉnh ủy',
  'Thành ủy',
  'Huyện ủy',
  'Quận ủy',
  'Thị ủy',
  'Đảng ủy',
  'Đảng bộ',
  'Đảng đoàn',
  'Chi bộ',
  'Đảng',
  'Việt Nam',
  'Hồ Chí Minh',
  'Sổ tay đảng viên',
  'Bí thư',
  'Chủ tịch',
  'Tổng Bí thư',
].map((p) => ({ words: p.toLowerCase().split(' '), spelling: p.split(' ') }))
PHRASES.sort((a, b) => b.words.length - a.words.length)

/** Words after which a place name follows (its syllables are capitalised). */
const PLACE_UNITS = [['tỉnh'], ['thành', 'phố'], ['huyện'], ['quận'], ['thị', 'xã'], ['thị', 'trấn'], ['xã'], ['phường'], ['đặc', 'khu']]
/** Spellings after which a place name may follow directly ("Tỉnh ủy Thanh Hóa"). */
const PLACE_ORGANS = new Set(['ủy'])

/** A Vietnamese syllable (tone marks removed): optional onset, vowel nucleus, optional coda. */
const SYLLABLE = /^(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnpqrstvx])?[aăâeêioôơuưy]+(?:ch|ng|nh|[cmnpt])?$/u

/** "UBND", "HĐND", "MTTQ": upper-case words that are not syllables are acronyms and keep their case. */
function isAcronym(word: string): boolean {
  const bare = word
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '')
    .normalize('NFC')
  return /^\p{L}+$/u.test(bare) && !SYLLABLE.test(bare)
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

function matchAt(words: string[], i: number, pattern: string[]): boolean {
  return pattern.every((w, k) => words[i + k] === w)
}

/**
 * Sentence-cases an upper-case phrase, keeping names capitalised. Text that already has lower-case
 * letters is returned with only its first letter capitalised.
 */
export function readableCase(text: string): string {
  if (/\p{Ll}/u.test(text)) return capitalise(text)
  const printed = text.split(/\s+/).filter(Boolean)
  const words = printed.map((w) => w.toLowerCase())
  const out: string[] = []
  let inPlace = false
  for (let i = 0; i < words.length;) {
    const phrase = PHRASES.find((p) => matchAt(words, i, p.words))
    if (phrase) {
      out.push(...phrase.spelling)
      inPlace = PLACE_ORGANS.has(phrase.words[phrase.words.length - 1])
      i += phrase.words.length
      continue
    }
    const unit = PLACE_UNITS.find((u) => matchAt(words, i, u))
    if (unit) {
      out.push(...unit)
      inPlace = true
      i += unit.length
      continue
    }
    out.push(isAcronym(printed[i]) ? printed[i] : inPlace ? capitalise(words[i]) : words[i])
    i++
  }
  return capitalise(out.join(' '))
}

/** "T/M BAN BÍ THƯ" → "T/M Ban Bí thư": the abbreviation stays as printed. */
export function capacityCase(capacity: string): string {
  const m = /^(T\/M|TM\.?|K\/T|KT\.?|T\/L|TL\.?|TUQ\.?|Q\.)\s+(.*)$/u.exec(capacity)
  return m ? `${m[1]} ${readableCase(m[2])}` : readableCase(capacity)
}
