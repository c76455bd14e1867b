import { describe, expect, it } from '@jest/globals'
import { containsPhrase } from '@/lib/vi/speech/check'
import { isSyllable } from '@/lib/vi/speech/letters'
import { normalizeForSpeech } from '@/lib/vi/speech/normalize'

/** Problems that would make eSpeak NG read digits or switch to English. */
function unspeakable(output: string): string[] {
  const problems: string[] = []
  if (/\p{N}/u.test(output)) problems.push(`digit in "${output}"`)
  for (const word of output.match(/\p{L}+/gu) ?? []) {
    if (/^[A-Z]{2,}$/.test(word)) problems.push(`acronym "${word}"`)
    if (/^[A-Za-z]+$/.test(word) && !isSyllable(word)) problems.push(`non-Vietnamese word "${word}"`)
  }
  if (/[^\p{L}\p{M}\s.,;:?!]/u.test(output)) problems.push(`symbol in "${output}"`)
  return problems
}

/** Normalises and checks the invariants every output must satisfy. */
function say(input: string, dictionary?: Record<string, string>): string {
  const output = normalizeForSpeech(input, { dictionary })
  expect(unspeakable(output)).toEqual([])
  return output
}

function expectSays(input: string, ...phrases: string[]): string {
  const output = say(input)
  for (const phrase of phrases) {
    if (!containsPhrase(output, phrase)) throw new Error(`"${input}" → "${output}": missing "${phrase}"`)
  }
  return output
}

function expectNotSays(input: string, ...phrases: string[]): void {
  const output = say(input)
  for (const phrase of phrases) {
    if (containsPhrase(output, phrase)) throw new Error(`"${input}" → "${output}": unexpected "${phrase}"`)
  }
}

describe('numbers in running text', () => {
  it('reads quantities with thousands separators and decimal commas', () => {
    expectSays('Toàn Đảng có 5.418.000 đảng viên.', 'năm triệu bốn trăm mười tám nghìn đảng viên')
    expectSays('Đạt 92,5 điểm.', 'chín mươi hai phẩy năm điểm')
    expectSays('Có 3 chi bộ và 105 đảng viên.', 'ba chi bộ', 'một trăm linh năm đảng viên')
    expectSays('Các Điều 1,2,3 của Quy định.', 'điều một', 'hai', 'ba')
  })

  it('reads percentages, decimals and ranges', () => {
    expectSays('Tăng 12,5% so với cùng kỳ.', 'mười hai phẩy năm phần trăm')
    expectSays('Khoảng 5-7% số phiếu.', 'năm đến bảy phần trăm')
    expectSays('Nhiệm kỳ 2025-2030.', 'hai nghìn không trăm hai mươi lăm đến hai nghìn không trăm ba mươi')
    expectSays('Nhiệt độ -3°C về đêm.', 'âm ba độ')
  })

  it('reads ordinals after "thứ" and months after "tháng"', () => {
    expectSays('Lần thứ 1 và lần thứ 4.', 'lần thứ nhất', 'lần thứ tư')
    expectSays('Sinh hoạt vào thứ 2 hằng tuần.', 'thứ hai')
    expectSays('Từ tháng 4 đến tháng 12.', 'tháng tư', 'tháng mười hai')
  })

  it('reads fractions as parts, but not dates and document numbers', () => {
    expectSays('Hơn 2/3 số đại biểu tán thành.', 'hai phần ba')
    expectSays('Chiếm 1/4 kinh phí.', 'một phần tư')
    expectSays('Có 18/20 chi bộ hoàn thành.', 'mười tám trên hai mươi')
    expectNotSays('Hạn chót ngày 15/8.', 'phần')
    expectNotSays('Nghị định 100/2019/NĐ-CP.', 'phần', 'trên')
  })
})

describe('dates and times', () => {
  it('reads full dates with any separator and keeps a single "ngày"', () => {
    expectSays('Ngày 02/9/1945 là ngày Quốc khánh.', 'ngày hai tháng chín năm một nghìn chín trăm bốn mươi lăm')
    expectSays('Ban hành ngày 15-3-2024.', 'ngày mười lăm tháng ba năm hai nghìn không trăm hai mươi tư')
    expectSays('Hà Nội, 01.01.2026', 'ngày một tháng một năm hai nghìn không trăm hai mươi sáu')
    expectNotSays('Ngày 15/3/2024 họp.', 'ngày ngày')
  })

  it('reads date ranges', () => {
    expectSays(
      'Đại hội diễn ra từ ngày 20-22/4/2025.',
      'ngày hai mươi đến hai mươi hai tháng tư năm hai nghìn không trăm hai mươi lăm',
    )
    expectSays('Từ 1/6 đến 30/6/2025 tổ chức kiểm tra.', 'ngày một tháng sáu đến ngày ba mươi tháng sáu năm')
  })

  it('reads months with years, and days with months where the context says it is a date', () => {
    expectSays('Báo cáo tháng 12/2025.', 'tháng mười hai năm hai nghìn không trăm hai mươi lăm')
    expectSays('Sơ kết quý 2/2025.', 'quý hai năm hai nghìn không trăm hai mươi lăm')
    expectSays('Chiều 19/5, lễ dâng hương diễn ra.', 'ngày mười chín tháng năm')
    expectSays('Năm 1930 Đảng ra đời.', 'năm một nghìn chín trăm ba mươi')
  })

  it('reads clock times and time ranges', () => {
    expectSays('Khai mạc lúc 14h30.', 'mười bốn giờ ba mươi')
    expectSays('Bắt đầu 8:00, kết thúc 11:45.', 'tám giờ', 'mười một giờ bốn mươi lăm')
    expectSays('Làm việc 7h30-11h.', 'bảy giờ ba mươi phút đến mười một giờ')
    expectSays('Họp lúc 9 giờ sáng.', 'chín giờ sáng')
  })
})

describe('Roman numerals in context', () => {
  it('reads them after words that number things', () => {
    expectSays('Đại hội XIV của Đảng.', 'đại hội mười bốn')
    expectSays('Quốc hội khóa XV, kỳ họp thứ VIII.', 'khóa mười lăm', 'kỳ họp thứ tám')
    expectSays('Phần I, Chương II, Mục IV.', 'phần một', 'chương hai', 'mục bốn')
    expectSays('Bước vào thế kỷ XXI.', 'thế kỷ hai mươi mốt')
    expectSays('Các khóa X, XI và XII.', 'khóa mười, mười một và mười hai')
    expectSays('Hội nghị lần thứ I.', 'lần thứ nhất')
  })

  it('reads heading numbers at the start of a line', () => {
    expectSays('III. TỔ CHỨC THỰC HIỆN', 'ba tổ chức thực hiện')
  })

  it('leaves a capital I that is not a number as the letter', () => {
    expectNotSays('Anh ấy nói: I am here.', 'một')
    expectNotSays('Loại A, loại C.', 'một trăm')
  })
})

describe('document numbers', () => {
  it('reads Party document numbers as number, kind and issuer', () => {
    expectSays('Chỉ thị số 35-CT/TW.', 'ba mươi lăm chỉ thị trung ương')
    expectSays('Kết luận 21-KL/TW.', 'hai mươi mốt kết luận trung ương')
    expectSays('Kế hoạch 15-KH/TU.', 'mười lăm kế hoạch tỉnh ủy')
    expectSays('Hướng dẫn số 16-HD/BTGDVTW.', 'mười sáu hướng dẫn ban tuyên giáo và dân vận trung ương')
  })

  it('picks the kind of document named before the number', () => {
    expectSays('Quy định số 339-QĐ/TW.', 'ba trăm ba mươi chín quy định trung ương')
    expectSays('Quyết định số 99-QĐ/TW.', 'chín mươi chín quyết định trung ương')
    expectSays('Thông tri 12-TT/TW.', 'mười hai thông tri trung ương')
  })

  it('reads state document numbers with their year', () => {
    expectSays('Luật số 59/2020/QH14.', 'năm mươi chín năm hai nghìn không trăm hai mươi quốc hội mười bốn')
    expectSays('Thông tư 01/2024/TT-BNV.', 'một năm hai nghìn không trăm hai mươi tư thông tư bộ nội vụ')
    expectSays('Quyết định 1234/QĐ-UBND.', 'một nghìn hai trăm ba mươi tư quyết định ủy ban nhân dân')
    expectSays('Chỉ thị 15/CT-TTg.', 'mười lăm chỉ thị thủ tướng chính phủ')
  })
})

describe('telephone numbers and codes', () => {
  it('reads telephone numbers digit by digit in their groups', () => {
    expectSays('Liên hệ 0912 345 678.', 'không chín một hai, ba bốn năm, sáu bảy tám')
    expectSays('Gọi 0987654321.', 'không chín tám bảy, sáu năm bốn, ba hai một')
    expectSays('Số máy +84 24 3822 1234.', 'cộng tám bốn')
    expectSays('Tổng đài 1900 1234.', 'một chín không không, một hai ba bốn')
  })

  it('reads codes after words such as "mã số" digit by digit', () => {
    expectSays('Số tài khoản 102010000123456 tại ngân hàng.', 'một không hai không một không không không không một hai ba bốn năm sáu')
    expectNotSays('Điện thoại 15 lần.', 'một năm lần')
  })
})

describe('units and currency', () => {
  it('reads metric units and temperatures', () => {
    expectSays('Diện tích 25 ha.', 'hai mươi lăm héc ta')
    expectSays('Nhà rộng 80 m².', 'tám mươi mét vuông')
    expectSays('Quãng đường 120 km.', 'một trăm hai mươi ki lô mét')
    expectSays('Nặng 50kg.', 'năm mươi ki lô gam')
    expectSays('Trời nóng 38°C.', 'ba mươi tám độ')
    expectSays('Mật độ 1.200 người/km².', 'một nghìn hai trăm người trên ki lô mét vuông')
  })

  it('reads money', () => {
    expectSays('Đảng phí 50.000đ mỗi tháng.', 'năm mươi nghìn đồng')
    expectSays('Tổng 1.500.000 VNĐ.', 'một triệu năm trăm nghìn đồng')
    expectSays('Viện trợ 20 triệu USD.', 'hai mươi triệu đô la mỹ')
    expectSays('Kinh phí 3,2 tỷ đồng.', 'ba phẩy hai tỷ đồng')
  })

  it('leaves letters that are not after a number alone', () => {
    expectNotSays('Điều 5 mục 2.', 'mét')
  })
})

describe('abbreviations', () => {
  it('expands Party and state abbreviations', () => {
    expectSays('BCH TW, BTV, BBT.', 'ban chấp hành trung ương', 'ban thường vụ', 'ban bí thư')
    expectSays('UBND, HĐND và MTTQ cấp xã.', 'ủy ban nhân dân', 'hội đồng nhân dân', 'mặt trận tổ quốc')
    expectSays('Đồng chí Bí thư ĐU, TU.', 'đảng ủy', 'tỉnh ủy')
    expectSays('Phát triển KT-XH, bảo đảm QP-AN.', 'kinh tế xã hội', 'quốc phòng an ninh')
    expectSays('Sở GD&ĐT tỉnh.', 'giáo dục và đào tạo')
    expectSays('Tại TP. Hà Nội, TP.HCM.', 'thành phố hà nội', 'thành phố hồ chí minh')
    expectSays('Sách, báo, v.v.', 'vân vân')
    expectSays('Gửi đ/c Bí thư; V/v triển khai.', 'đồng chí bí thư', 'về việc triển khai')
  })

  it('reads an organ followed by its level (TW, TU, ĐU…) even when the whole is not listed', () => {
    expectSays('BTCTW và UBKTTU.', 'ban tổ chức trung ương', 'ủy ban kiểm tra tỉnh ủy')
  })

  it('uses abbreviations the text defines, and does not read the definition twice', () => {
    const output = expectSays(
      'Chương trình chuyển đổi số (CTCĐS) được triển khai. CTCĐS gồm ba giai đoạn.',
      'chương trình chuyển đổi số gồm ba giai đoạn',
    )
    expect(output.toLowerCase().match(/chương trình chuyển đổi số/g)).toHaveLength(2)
  })

  it('spells unknown abbreviations with Vietnamese letter names', () => {
    expectSays('Vùng ĐBSCL.', 'đê bê ét xì xê e lờ')
    expectSays('Đài VTV và HTV.', 'vê tê vê', 'hát tê vê')
    expectSays('Phụ lục B.', 'phụ lục bê')
  })

  it('reads headings written in capitals as words, even where a word is also an abbreviation', () => {
    expectSays('CA NGỢI TRUYỀN THỐNG VẺ VANG', 'ca ngợi truyền thống vẻ vang')
    expectSays('Giám đốc CA tỉnh.', 'công an tỉnh')
  })
})

describe('web addresses, e-mail and foreign words', () => {
  it('announces a URL by its site name', () => {
    expectSays('Truy cập https://dangcongsan.vn/thoi-su/abc-123.html để xem.', 'đường dẫn dang cong san chấm vê en nờ')
  })

  it('reads an e-mail address with "a còng"', () => {
    expectSays('Gửi về banbientap@dangcongsan.vn.', 'a còng dang cong san chấm vê en nờ')
  })

  it('reads common foreign words the Vietnamese way', () => {
    expectSays('Đăng tải trên website và Facebook.', 'oép sai', 'phây búc')
    expectSays('Dịch COVID-19.', 'cô vít mười chín')
  })
})

describe('the caller’s dictionary', () => {
  it('adds entries and overrides built-in ones, also inside document numbers', () => {
    const dictionary = { BTCB: 'bí thư chi bộ', TW: 'trung ương đảng', 'Ph.': 'phờ ri đích' }
    const output = say('BTCB báo cáo Nghị quyết 21-NQ/TW; Ph. Ăngghen.', dictionary)
    expect(containsPhrase(output, 'bí thư chi bộ báo cáo')).toBe(true)
    expect(containsPhrase(output, 'nghị quyết trung ương đảng')).toBe(true)
    expect(containsPhrase(output, 'phờ ri đích ăngghen')).toBe(true)
  })

  it('reads digits in the caller’s readings', () => {
    expect(say('Chương trình CT4.0 mới.', { 'CT4.0': 'chương trình 4 chấm 0' })).toContain('chương trình bốn chấm không')
  })
})

describe('pauses and shape', () => {
  it('keeps the punctuation that marks pauses', () => {
    const output = say('Thứ nhất, học tập; thứ hai: làm theo. Vì sao? Vì Đảng!')
    expect(output.replace(/[^.,;:?!]/g, '')).toBe(',;:.?!')
  })

  it('turns brackets and dashes into pauses and drops other marks', () => {
    expect(say('Đảng viên (chính thức) – và “dự bị”.')).toBe('Đảng viên, chính thức, và dự bị.')
  })

  it('keeps one output line per input line', () => {
    const input = 'ĐIỀU LỆ ĐẢNG\n\nChương I\nĐẢNG VIÊN\nĐiều 1. Đảng viên Đảng Cộng sản Việt Nam'
    expect(say(input).split('\n')).toHaveLength(5)
  })

  it('handles empty and punctuation-only text', () => {
    expect(say('')).toBe('')
    expect(say(' ... ')).toBe('')
  })
})
