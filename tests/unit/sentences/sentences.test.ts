import { describe, expect, it } from '@jest/globals'
import { splitSentences, splitSentenceSpans } from '@/lib/vi/sentences'

describe('splitSentences — sentence ends', () => {
  it('splits on full stops, question and exclamation marks', () => {
    expect(splitSentences('Hôm nay trời đẹp. Chi bộ họp lúc 8 giờ! Ai chủ trì? Bí thư chủ trì.')).toEqual([
      'Hôm nay trời đẹp.',
      'Chi bộ họp lúc 8 giờ!',
      'Ai chủ trì?',
      'Bí thư chủ trì.',
    ])
  })

  it('does not split before a word in lower case', () => {
    expect(splitSentences('Ông Nguyễn Văn A. cho biết như vậy.')).toHaveLength(1)
    expect(splitSentences('Các hội phụ nữ... để hướng dẫn đảng viên.')).toHaveLength(1)
  })

  it('splits after an ellipsis followed by a capital', () => {
    expect(splitSentences('Còn nhiều việc… Sau đó chi bộ họp. Hết...  Tiếp theo là phần hai.')).toEqual([
      'Còn nhiều việc…',
      'Sau đó chi bộ họp.',
      'Hết...',
      'Tiếp theo là phần hai.',
    ])
  })

  it('keeps closing quotes and brackets with the sentence they close', () => {
    expect(splitSentences('Ông nói: “Đúng vậy.” Sau đó ông về.')).toEqual(['Ông nói: “Đúng vậy.”', 'Sau đó ông về.'])
    expect(splitSentences('Xem quy định (tại Điều 3.) Tiếp theo là Điều 4.')).toEqual([
      'Xem quy định (tại Điều 3.)',
      'Tiếp theo là Điều 4.',
    ])
    expect(splitSentences('Anh hỏi: "Sao vậy?" rồi bỏ đi. Chị không đáp.')).toEqual([
      'Anh hỏi: "Sao vậy?" rồi bỏ đi.',
      'Chị không đáp.',
    ])
  })
})

describe('splitSentences — abbreviations', () => {
  it.each([
    'Đoàn công tác đến TP. Hồ Chí Minh sáng nay.',
    'Hội thảo do PGS.TS. Nguyễn Văn Bình chủ trì.',
    'Báo cáo của Th.S Lê Thị Hoa được đánh giá cao.',
    'Báo cáo của ThS. Trần Văn Nam được đánh giá cao.',
    'GS. Phan Huy Lê phát biểu khai mạc.',
    'Đảng bộ Tp.HCM tổ chức đại hội.',
    'Đ/c Nguyễn Văn Hùng được bầu làm Bí thư.',
    'Ông Nguyễn V. Hùng được bầu làm Bí thư.',
  ])('keeps "%s" whole', (text) => {
    expect(splitSentences(text)).toEqual([text])
  })

  it('ends a sentence at v.v. when a capital follows, but not before lower case', () => {
    expect(splitSentences('Gồm sách, báo, tài liệu, v.v. Các chi bộ cần lưu ý.')).toHaveLength(2)
    expect(splitSentences('Gồm sách, báo, v.v. và nhiều thứ khác.')).toHaveLength(1)
  })

  it('ends a sentence at a capital letter after a lower-case word', () => {
    expect(splitSentences('Đội bóng xếp hạng A. Sau đó họ thi đấu tiếp.')).toHaveLength(2)
  })
})

describe('splitSentences — numbers and document numbers', () => {
  it.each([
    'Kinh phí là 1.234,5 triệu đồng cho năm nay.',
    'Tỉnh có 1.234.567 dân, tăng 2.5% so với trước.',
    'Quy định ban hành ngày 10.7.2025 tại Hà Nội.',
    'Thực hiện Quy định số 339-QĐ/TW của Ban Bí thư và Nghị định 100/2019/NĐ-CP của Chính phủ.',
  ])('keeps "%s" whole', (text) => {
    expect(splitSentences(text)).toEqual([text])
  })

  it('splits after a number or a document number that ends a sentence', () => {
    expect(splitSentences('Quy định số 339-QĐ/TW. Quy định có hiệu lực từ năm 2025. Đảng viên thực hiện.')).toEqual([
      'Quy định số 339-QĐ/TW.',
      'Quy định có hiệu lực từ năm 2025.',
      'Đảng viên thực hiện.',
    ])
  })
})

describe('splitSentences — headings, lists and lines', () => {
  it('keeps "Điều 3." with its heading and list markers with their item', () => {
    const text = [
      'Điều 3. Nội dung của ứng dụng',
      '1. Ứng dụng được thể hiện bằng tiếng Việt.',
      '2. Ứng dụng gồm các tính năng chính:',
      'a) Sơ lược về đảng viên.',
      'b) Hỗ trợ sinh hoạt chi bộ.',
      'I. MỤC ĐÍCH YÊU CẦU',
      '- Tuyên truyền sâu rộng;',
      '- Bảo đảm thiết thực.',
    ].join('\n')
    expect(splitSentences(text)).toEqual(text.split('\n'))
  })

  it('splits "Điều 6." headings from a following sentence on the next line', () => {
    expect(splitSentences('Điều 6. Hiệu lực thi hành\nQuy định này có hiệu lực từ ngày ký.')).toEqual([
      'Điều 6. Hiệu lực thi hành',
      'Quy định này có hiệu lực từ ngày ký.',
    ])
  })

  it('joins lines wrapped inside a sentence and rejoins a hyphenated document number', () => {
    const text = 'Thực hiện Hướng dẫn số 16-\n\nHD/BTGDVTU của Ban Tuyên giáo và \n\nDân vận Thành ủy về sử dụng\nứng dụng Sổ tay.'
    expect(splitSentences(text)).toEqual([
      'Thực hiện Hướng dẫn số 16-HD/BTGDVTU của Ban Tuyên giáo và Dân vận Thành ủy về sử dụng ứng dụng Sổ tay.',
    ])
  })

  it('keeps the lines of a document header and signature apart, dropping rule lines', () => {
    const text = [
      'BAN CHẤP HÀNH TRUNG ƯƠNG',
      '*',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      '---------------',
      'Số 339-QĐ/TW',
      'Hà Nội, ngày 10 tháng 7 năm 2025',
      'QUY ĐỊNH',
      'VỀ SỬ DỤNG ỨNG DỤNG SỔ TAY ĐẢNG VIÊN ĐIỆN TỬ',
    ].join('\n')
    expect(splitSentences(text)).toEqual([
      'BAN CHẤP HÀNH TRUNG ƯƠNG',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Số 339-QĐ/TW',
      'Hà Nội, ngày 10 tháng 7 năm 2025',
      'QUY ĐỊNH VỀ SỬ DỤNG ỨNG DỤNG SỔ TAY ĐẢNG VIÊN ĐIỆN TỬ',
    ])
    expect(splitSentences('Nơi nhận:\n- Các tỉnh ủy,\n- Lưu Văn phòng.\nT/M BAN BÍ THƯ\nTrần Cẩm Tú')).toEqual([
      'Nơi nhận:',
      '- Các tỉnh ủy,',
      '- Lưu Văn phòng.',
      'T/M BAN BÍ THƯ',
      'Trần Cẩm Tú',
    ])
  })

  it('joins a hard-wrapped paragraph even where a wrapped line ends before a capital', () => {
    const text = [
      'Thông qua việc tuyên truyền góp phần khơi dậy, bồi đắp niềm tin với Đảng, Nhà nước trong',
      'công cuộc chuyển đổi số quốc gia để đưa đất nước phát triển mạnh mẽ trong kỷ nguyên mới;',
      'cổ vũ, động viên cán bộ, đảng viên và Nhân dân, phấn đấu thực hiện thắng lợi Nghị quyết',
      'Đại hội XIII, tiến tới Đại hội XIV của Đảng. Tổ chức quán triệt kịp thời, nghiêm túc các',
      'quy định, xác định đây là nhiệm vụ quan trọng của cấp ủy, tổ chức đảng, chính quyền các',
      'cấp, nhất là người đứng đầu.',
    ].join('\n\n')
    const sentences = splitSentences(text)
    expect(sentences).toHaveLength(2)
    expect(sentences[0]).toContain('thực hiện thắng lợi Nghị quyết Đại hội XIII')
  })
})

describe('splitSentenceSpans', () => {
  it('gives offsets that point at each sentence in the input', () => {
    const text = '  Chi bộ họp. Ông nói: “Đúng vậy.”\nĐiều 3. Nội dung\n1. Ứng dụng dùng tiếng Việt.  '
    const spans = splitSentenceSpans(text)
    expect(spans.map((s) => s.text)).toEqual([
      'Chi bộ họp.',
      'Ông nói: “Đúng vậy.”',
      'Điều 3. Nội dung',
      '1. Ứng dụng dùng tiếng Việt.',
    ])
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text)
    for (let i = 1; i < spans.length; i++) expect(spans[i].start).toBeGreaterThanOrEqual(spans[i - 1].end)
  })

  it('spans the original lines of a wrapped sentence', () => {
    const text = 'Ban Tuyên giáo và\nDân vận Trung ương ban hành hướng dẫn.'
    const [span] = splitSentenceSpans(text)
    expect(span).toEqual({ text: 'Ban Tuyên giáo và Dân vận Trung ương ban hành hướng dẫn.', start: 0, end: text.length })
  })

  it('returns nothing for empty or punctuation-only input', () => {
    expect(splitSentenceSpans('')).toEqual([])
    expect(splitSentenceSpans(' \n * \n --- ')).toEqual([])
  })
})
