/**
 * The real documents of the corpus come out clean and correctly structured: Quy định 339-QĐ/TW
 * (clean text), Kế hoạch 23-KH/ĐU (PDF extraction with broken lines), and news items, one of them
 * a web page with site navigation and related links around the article.
 */
import { describe, expect, test } from '@jest/globals'
import { canonical } from '@/lib/vi/text'
import { parseDocument, proposeMetadata, sentences, toPlainText, type Block, type Section, type StructuredDocument } from '@/lib/document'
import { fixture } from './fixtures'

const sections = (blocks: Block[]): Section[] => blocks.filter((b): b is Section => b.type === 'section')

function allSections(doc: StructuredDocument): Section[] {
  const out: Section[] = []
  const visit = (blocks: Block[]): void => {
    for (const s of sections(blocks)) {
      out.push(s)
      visit(s.children)
    }
  }
  visit(doc.body)
  return out
}

/** Letters and digits only, canonical: compares text regardless of line breaks, spacing and bullets. */
const letters = (text: string): string => canonical(text).replace(/[^\p{L}\p{N}]/gu, '')

/**
 * A broken mid-sentence join left in the output: a line that does not end a sentence followed by a
 * line that starts in lower case.
 */
function brokenJoins(text: string): string[] {
  const lines = text.split('\n')
  return lines.filter((line, i) => line && !/[.:;!?…]$/.test(line) && /^\p{Ll}/u.test(lines[i + 1] ?? ''))
}

describe('Quy định 339-QĐ/TW', () => {
  const raw = fixture('quy-dinh-339-QD-TW.txt')
  const doc = parseDocument(raw)

  test('header block, title and preamble', () => {
    expect(doc.kind).toBe('formal')
    expect(doc.header.issuers).toEqual(['BAN CHẤP HÀNH TRUNG ƯƠNG'])
    expect(doc.header.motto).toEqual(['ĐẢNG CỘNG SẢN VIỆT NAM'])
    expect(doc.header.numberLine).toBe('Số 339-QĐ/TW')
    expect(doc.header.placeDateLine).toBe('Hà Nội, ngày 10 tháng 7 năm 2025')
    expect(doc.title?.type).toBe('QUY ĐỊNH')
    expect(doc.title?.text).toBe('VỀ SỬ DỤNG ỨNG DỤNG SỔ TAY ĐẢNG VIÊN ĐIỆN TỬ')
    expect(doc.preamble.map((p) => p.text.slice(0, 7))).toEqual(['Căn cứ ', 'Căn cứ ', 'Căn cứ ', 'Ban Bí '])
    expect(doc.preamble.slice(0, 3).every((p) => p.bullet === '-')).toBe(true)
    expect(doc.preamble[3].text).toMatch(/như sau:$/)
  })

  test('six Điều with their titles and khoản, as in the text', () => {
    const articles = sections(doc.body)
    const rawTitles = raw
      .split('\n')
      .filter((l) => /^Điều \d+\. /.test(l))
      .map((l) => l.replace(/^Điều \d+\. /, '').trim())
    expect(articles.map((a) => a.label)).toEqual(['Điều 1', 'Điều 2', 'Điều 3', 'Điều 4', 'Điều 5', 'Điều 6'])
    expect(articles.map((a) => a.title)).toEqual(rawTitles)
    expect(articles.every((a) => a.kind === 'dieu')).toBe(true)
    // Khoản per Điều, counted on the text: numbered lines between two "Điều" lines.
    const rawCounts: number[] = []
    for (const line of raw.split('\n')) {
      if (/^Điều \d+\./.test(line)) rawCounts.push(0)
      else if (/^\d+\. /.test(line) && rawCounts.length) rawCounts[rawCounts.length - 1]++
    }
    expect(articles.map((a) => sections(a.children).filter((s) => s.kind === 'khoan').length)).toEqual(rawCounts)
    expect(rawCounts).toEqual([2, 3, 2, 2, 6, 2])
  })

  test('điểm a)–e) of Điều 3 khoản 2, and the paragraph after them back at khoản level', () => {
    const k2 = allSections(doc).find((s) => s.id === 'dieu-3.k2')
    expect(k2).toBeDefined()
    const points = sections(k2!.children)
    expect(points.map((p) => p.label)).toEqual(['Điểm a', 'Điểm b', 'Điểm c', 'Điểm d', 'Điểm e'])
    expect(points.every((p) => p.kind === 'diem')).toBe(true)
    const last = k2!.children[k2!.children.length - 1]
    expect(last.type).toBe('paragraph')
    expect(last.type === 'paragraph' && last.text.startsWith('Ứng dụng STĐVĐT được tích hợp')).toBe(true)
  })

  test('closing blocks and dropped source line', () => {
    expect(doc.closing.recipients).toEqual([
      'Các cơ quan, ban đảng Trung ương',
      'Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương',
      'Các đồng chí Ủy viên Ban Chấp hành Trung ương Đảng',
      'Lưu Văn phòng Trung ương Đảng',
    ])
    expect(doc.closing.signatures).toEqual([{ capacity: 'T/M BAN BÍ THƯ', positions: [], name: 'Trần Cẩm Tú' }])
    expect(doc.source).toBe('vanban.phaplyvn.com')
    expect(toPlainText(doc)).not.toMatch(/Nguồn tra cứu/)
  })

  test('proposed metadata', () => {
    expect(proposeMetadata(doc)).toEqual({
      number: '339-QĐ/TW',
      issuedDate: '2025-07-10',
      place: 'Hà Nội',
      issuer: 'Ban Chấp hành Trung ương',
      documentType: 'Quy định',
      subject: 'Về sử dụng ứng dụng Sổ tay đảng viên điện tử',
      signer: 'Trần Cẩm Tú',
      signingCapacity: 'T/M Ban Bí thư',
    })
  })

  test('sentence ids follow the section tree', () => {
    const list = [...sentences(doc)]
    const byId = new Map(list.map((s) => [s.id, s]))
    expect(byId.size).toBe(list.length)
    expect(byId.get('dieu-3.k2.s1')?.text).toBe('Ứng dụng STĐVĐT gồm các tính năng chính:')
    expect(byId.get('dieu-3.k2.s1')?.sectionPath).toEqual(['Điều 3', 'Khoản 2'])
    expect(byId.get('dieu-3.k2.diem-a.s1')?.text).toMatch(/^Sơ lược về đảng viên/)
    expect(byId.get('dieu-4.k1.s2')?.text).toBe('Thông tin trên ứng dụng STĐVĐT bảo đảm đúng quy định của Đảng, pháp luật của Nhà nước.')
    expect(byId.get('dieu-6.h')).toMatchObject({ text: 'Điều 6. Hiệu lực thi hành', role: 'heading' })
    expect(byId.get('tieu-de.s1')?.text).toBe('QUY ĐỊNH VỀ SỬ DỤNG ỨNG DỤNG SỔ TAY ĐẢNG VIÊN ĐIỆN TỬ')
    expect(byId.get('can-cu.s1')?.text).toBe('Căn cứ Điều lệ Đảng;')
  })

  test('no text is lost between the preamble and the signature', () => {
    const from = (text: string): string => letters(text.slice(text.indexOf('- Căn cứ Điều lệ Đảng')))
    const rawBody = raw.slice(0, raw.indexOf('Nguồn tra cứu'))
    expect(from(toPlainText(doc))).toBe(from(rawBody))
  })

  test('the same text laid out as a PDF page (wrapped lines, page numbers, running header) gives the same sentences and ids', () => {
    const pdfLike = layOutAsPdf(raw.slice(0, raw.indexOf('Nguồn tra cứu')))
    const again = parseDocument(pdfLike)
    expect([...sentences(again)]).toEqual([...sentences(doc)])
    expect(proposeMetadata(again)).toEqual(proposeMetadata(doc))
  })
})

/**
 * Wraps every body line at 75 columns with a blank line after each physical line (as pdftotext
 * does), numbers pages of 30 lines ("- 2 -") and repeats a running header on each page.
 */
function layOutAsPdf(text: string): string {
  const out: string[] = []
  const lines = text.split('\n')
  const headerEnd = lines.findIndex((l) => l.startsWith('- Căn cứ'))
  for (const [i, line] of lines.entries()) {
    if (i < headerEnd) {
      out.push(line)
      continue
    }
    let current = ''
    for (const word of line.split(' ')) {
      if (current && current.length + word.length + 1 > 75) {
        out.push(current, '')
        current = word
      } else current = current ? `${current} ${word}` : word
    }
    out.push(current, '')
  }
  const paged: string[] = []
  for (let i = 0; i < out.length; i += 30) {
    if (i > 0) paged.push('QUY ĐỊNH SỐ 339-QĐ/TW VỀ SỔ TAY ĐẢNG VIÊN ĐIỆN TỬ', '')
    paged.push(...out.slice(i, i + 30), `- ${i / 30 + 1} -`, '\f')
  }
  return paged.join('\n')
}

describe('Kế hoạch 23-KH/ĐU (PDF extraction)', () => {
  const raw = fixture('ke-hoach-23-KH-DU-bach-dang.txt')
  const doc = parseDocument(raw)
  const text = toPlainText(doc)

  test('broken lines are re-joined, hyphenated numbers mended, nothing joined across headings', () => {
    expect(brokenJoins(text.slice(text.indexOf('Thực hiện')))).toEqual([])
    expect(text.match(/Hướng dẫn số 16-HD\/BTGDVTU/g)?.length).toBe(2)
    expect(text).toContain('thực hiện thắng lợi Nghị quyết Đại hội XIII, tiến tới Đại hội XIV của Đảng.')
    expect(text).toContain('xuyên tạc chủ nghĩa Mác-Lênin, tư tưởng Hồ Chí Minh')
    expect(text).not.toMatch(/ {2,}|^ | $/m)
    const preamble = doc.preamble.map((p) => p.text)
    expect(preamble).toHaveLength(1)
    expect(preamble[0]).toMatch(/^Thực hiện Quy định số 339-QĐ\/TW, ngày 10\/7\/2025 của Ban Bí thư và Hướng dẫn số 26-HD/)
    expect(preamble[0]).toMatch(/Ban Thường vụ Đảng ủy phường Bạch Đằng xây dựng kế hoạch tuyên truyền như sau:$/)
  })

  test('roman sections, numbered items and 1.1-style sub-items', () => {
    const top = sections(doc.body)
    expect(top.map((s) => `${s.number} ${s.title}`)).toEqual([
      'I MỤC ĐÍCH YÊU CẦU',
      'II NỘI DUNG TUYÊN TRUYỀN',
      'III HÌNH THỨC TUYÊN TRUYỀN',
      'IV TỔ CHỨC THỰC HIỆN',
    ])
    expect(top.map((s) => sections(s.children).length)).toEqual([3, 3, 3, 5])
    const ii1 = sections(top[1].children)[0]
    expect(sections(ii1.children).map((s) => s.number)).toEqual(['1.1', '1.2', '1.3', '1.4'])
    expect(sections(top[3].children).map((s) => s.title)).toEqual([
      'Ủy ban nhân dân phường',
      'Ban Xây dựng Đảng Đảng ủy',
      'Công an phường',
      'Ủy ban Mặt trận Tổ quốc Việt Nam phường',
      'Các chi bộ, đảng bộ trực thuộc Đảng ủy',
    ])
    // Section I.3 holds two paragraphs; the conclusion stands at root level.
    const i3 = sections(top[0].children)[2]
    expect(i3.children.filter((b) => b.type === 'paragraph')).toHaveLength(2)
    const last = doc.body[doc.body.length - 1]
    expect(last.type === 'paragraph' && last.text.startsWith('Trên đây là Kế hoạch')).toBe(true)
  })

  test('bullets stay separate paragraphs', () => {
    const ii12 = allSections(doc).find((s) => s.id === 'muc-ii.k1.k1-2')
    expect(ii12?.title).toBe('Mục đích, yêu cầu của ứng dụng STĐVĐT')
    expect(ii12?.children.map((b) => b.type === 'paragraph' && b.bullet)).toEqual(['-', '-', '-'])
  })

  test('proposed metadata', () => {
    expect(proposeMetadata(doc)).toEqual({
      number: '23-KH/ĐU',
      issuedDate: '2025-10-06',
      place: 'Bạch Đằng',
      issuer: 'Đảng ủy phường Bạch Đằng',
      documentType: 'Kế hoạch',
      subject: 'Tuyên truyền về sử dụng ứng dụng Sổ tay đảng viên điện tử',
      signer: 'Cao Thị Thanh Xuân',
      signerPosition: 'Phó Bí thư',
      signingCapacity: 'T/M Ban Thường vụ',
    })
    expect(doc.header.issuers).toEqual(['ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG', 'ĐẢNG ỦY PHƯỜNG BẠCH ĐẰNG'])
    expect(doc.closing.recipients).toHaveLength(7)
  })

  test('no text is lost from the preamble to the signature', () => {
    const from = (t: string): string => letters(t.slice(t.indexOf('Thực hiện Quy định')))
    expect(from(text)).toBe(from(raw))
  })
})

describe('news items', () => {
  test('web page text: site banner and related links are dropped', () => {
    const raw = fixture('tin-huong-dan-26-HD-BTGDVTW.txt')
    const doc = parseDocument(raw)
    const text = toPlainText(doc)
    expect(doc.kind).toBe('article')
    expect(doc.title?.text).toBe('Đẩy mạnh tuyên truyền về sử dụng ứng dụng Sổ tay đảng viên điện tử')
    expect(text).not.toMatch(/Banner|sub-site|Tin cùng chuyên mục|Tư tưởng Hồ Chí Minh về mối quan hệ|Lãnh tụ vĩ đại/)
    const list = [...sentences(doc)]
    expect(list[list.length - 1].text).toBe(
      'Tuyên truyền thông qua sinh hoạt chính trị - xã hội và hoạt động của đội ngũ báo cáo viên, tuyên truyền viên cơ sở.',
    )
    // Every article paragraph is kept, in order.
    const article = raw.slice(raw.indexOf('Ngày 27/8/2025'), raw.indexOf('Tin cùng chuyên mục'))
    expect(letters(text.slice(text.indexOf('Ngày 27/8/2025')))).toBe(letters(article))
  })

  test('date stamp before the headline becomes the date', () => {
    const doc = parseDocument(fixture('tin-thanh-hoa-so-tay-dang-vien.txt'))
    expect(doc.header.date).toBe('2025-11-19')
    expect(doc.title?.text).toBe('Sổ tay đảng viên điện tử: Bước tiến quan trọng trong công tác xây dựng Đảng')
    expect(proposeMetadata(doc)).toEqual({ issuedDate: '2025-11-19' })
    expect(doc.body.every((b) => b.type === 'paragraph')).toBe(true)
    expect(doc.body).toHaveLength(13)
  })

  test('plain news text: headline and paragraphs', () => {
    const raw = fixture('tin-hai-phong-huong-dan-16-HD-BTGDVTU.txt')
    const doc = parseDocument(raw)
    expect(doc.title?.text).toBe('Hải Phòng: Nâng cao nhận thức, hiệu quả sử dụng Sổ tay đảng viên điện tử')
    const paragraphs = raw
      .split('\n')
      .slice(1)
      .filter((l) => l.trim())
    expect(doc.body.map((b) => b.type === 'paragraph' && b.text)).toEqual(paragraphs.map((p) => canonical(p.trim())))
    expect(doc.closing).toEqual({ recipients: [], signatures: [] })
  })
})

describe('HTML pages', () => {
  test('news page: the article without menus, share buttons, related links, sidebar, footer or captions', () => {
    const html = fixture('tin-hai-phong.html')
    const doc = parseDocument(html)
    const text = toPlainText(doc)
    const raw = fixture('tin-hai-phong-huong-dan-16-HD-BTGDVTU.txt')
    const paragraphs = raw
      .split('\n')
      .slice(1)
      .filter((l) => l.trim())
    expect(doc.title?.text).toBe(raw.split('\n')[0])
    expect(doc.body.map((b) => b.type === 'paragraph' && b.text)).toEqual(paragraphs.map((p) => canonical(p.trim())))
    expect(doc.header.date).toBe('2025-09-08')
    for (const noise of [
      'Trang chủ',
      'Thời sự',
      'Tìm kiếm',
      'Facebook',
      'In bài',
      'Tin liên quan',
      'Hà Nội triển khai',
      'Đọc nhiều',
      'Giá vàng',
      'Bản quyền',
      'Ý kiến bạn đọc',
      'Giao diện ứng dụng',
      'Nội dung ẩn',
      'dataLayer',
      'Không phải nội dung',
      'Từ khóa',
      'Phương Anh',
    ]) {
      expect(text).not.toContain(noise)
    }
  })

  test('document page: header table, preamble, articles and signature table', () => {
    const doc = parseDocument(fixture('quy-dinh-339-trich.html'))
    expect(proposeMetadata(doc)).toEqual(proposeMetadata(parseDocument(fixture('quy-dinh-339-QD-TW.txt'))))
    expect(sections(doc.body).map((s) => s.label)).toEqual(['Điều 1', 'Điều 2'])
    expect(doc.preamble).toHaveLength(4)
    expect(doc.closing.recipients).toEqual(['Các cơ quan, ban đảng Trung ương', 'Lưu Văn phòng Trung ương Đảng'])
    expect(toPlainText(doc)).not.toMatch(/Văn bản liên quan|Tải về|Chia sẻ|Bản quyền|năm 2025 về sử dụng/)
  })
})

describe('round trip', () => {
  test.each([
    'quy-dinh-339-QD-TW.txt',
    'ke-hoach-23-KH-DU-bach-dang.txt',
    'tin-huong-dan-26-HD-BTGDVTW.txt',
    'tin-thanh-hoa-so-tay-dang-vien.txt',
  ])('%s: parsing the plain text again yields the same sentences and ids', (name) => {
    const doc = parseDocument(fixture(name))
    const again = parseDocument(toPlainText(doc))
    expect([...sentences(again)]).toEqual([...sentences(doc)])
  })
})
