/** Section tree, heading detection in context, stable ids, sentence stream and plain text. */
import { describe, expect, test } from '@jest/globals'
import { parseDocument, sentences, toPlainText, type Block, type Section } from '@/lib/document'

const sections = (blocks: Block[]): Section[] => blocks.filter((b): b is Section => b.type === 'section')

/** Outline of a block list: "id kind label [title]" per section, indented by depth. */
function outline(blocks: Block[], depth = 0): string[] {
  return sections(blocks).flatMap((s) => [
    `${'  '.repeat(depth)}${s.id} ${s.kind} ${s.label}${s.title ? ` [${s.title}]` : ''}`,
    ...outline(s.children, depth + 1),
  ])
}

const LAW = `Chương I
NHỮNG QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Quy định này quy định việc sử dụng ứng dụng.
Điều 2. Giải thích từ ngữ
1. Đảng viên là người được kết nạp vào Đảng.
2. Chi bộ gồm:
a) Chi bộ cơ sở;
b) Chi bộ trực thuộc đảng ủy cơ sở;
c) Chi bộ khác.
Chương II
TỔ CHỨC THỰC HIỆN
Mục 1. TRÁCH NHIỆM
Điều 3. Trách nhiệm của cấp ủy
1. Cấp ủy chỉ đạo, kiểm tra.
2. Chi bộ hướng dẫn:
a) Cài đặt ứng dụng.
b) Đăng ký tài khoản.
c) Đăng nhập.
d) Đổi mật khẩu.
đ) Cập nhật thông tin.
Điều 4. Hiệu lực thi hành
Quy định này có hiệu lực từ ngày ký.`

describe('section tree', () => {
  const doc = parseDocument(LAW)

  test('Chương › Mục › Điều › Khoản › Điểm with their ids, labels and titles', () => {
    expect(outline(doc.body)).toEqual([
      'chuong-i chuong Chương I [NHỮNG QUY ĐỊNH CHUNG]',
      '  chuong-i.dieu-1 dieu Điều 1 [Phạm vi điều chỉnh]',
      '  chuong-i.dieu-2 dieu Điều 2 [Giải thích từ ngữ]',
      '    chuong-i.dieu-2.k1 khoan Khoản 1',
      '    chuong-i.dieu-2.k2 khoan Khoản 2',
      '      chuong-i.dieu-2.k2.diem-a diem Điểm a',
      '      chuong-i.dieu-2.k2.diem-b diem Điểm b',
      '      chuong-i.dieu-2.k2.diem-c diem Điểm c',
      'chuong-ii chuong Chương II [TỔ CHỨC THỰC HIỆN]',
      '  chuong-ii.muc-1 muc Mục 1 [TRÁCH NHIỆM]',
      '    chuong-ii.muc-1.dieu-3 dieu Điều 3 [Trách nhiệm của cấp ủy]',
      '      chuong-ii.muc-1.dieu-3.k1 khoan Khoản 1',
      '      chuong-ii.muc-1.dieu-3.k2 khoan Khoản 2',
      '        chuong-ii.muc-1.dieu-3.k2.diem-a diem Điểm a',
      '        chuong-ii.muc-1.dieu-3.k2.diem-b diem Điểm b',
      '        chuong-ii.muc-1.dieu-3.k2.diem-c diem Điểm c',
      '        chuong-ii.muc-1.dieu-3.k2.diem-d diem Điểm d',
      '        chuong-ii.muc-1.dieu-3.k2.diem-dd diem Điểm đ',
      '    chuong-ii.muc-1.dieu-4 dieu Điều 4 [Hiệu lực thi hành]',
    ])
  })

  test('sentences carry their section path', () => {
    const list = [...sentences(doc)]
    expect(list.find((s) => s.id === 'chuong-i.dieu-2.k2.diem-b.s1')).toEqual({
      id: 'chuong-i.dieu-2.k2.diem-b.s1',
      text: 'Chi bộ trực thuộc đảng ủy cơ sở;',
      sectionPath: ['Chương I', 'Điều 2', 'Khoản 2', 'Điểm b'],
      sectionId: 'chuong-i.dieu-2.k2.diem-b',
      role: 'text',
    })
    expect(list.filter((s) => s.role === 'heading').map((s) => s.text)).toEqual([
      'Chương I NHỮNG QUY ĐỊNH CHUNG',
      'Điều 1. Phạm vi điều chỉnh',
      'Điều 2. Giải thích từ ngữ',
      'Chương II TỔ CHỨC THỰC HIỆN',
      'Mục 1. TRÁCH NHIỆM',
      'Điều 3. Trách nhiệm của cấp ủy',
      'Điều 4. Hiệu lực thi hành',
    ])
    expect(new Set(list.map((s) => s.id)).size).toBe(list.length)
  })

  test('ids do not depend on text elsewhere: editing Điều 1 leaves the ids of Điều 3 unchanged', () => {
    const edited = parseDocument(
      LAW.replace(
        'Quy định này quy định việc sử dụng ứng dụng.',
        'Quy định này quy định việc sử dụng ứng dụng. Câu mới thêm vào. Một câu nữa.',
      ),
    )
    const idsOf = (d: typeof doc): string[] => [...sentences(d)].filter((s) => s.id.includes('dieu-3')).map((s) => `${s.id}=${s.text}`)
    expect(idsOf(edited)).toEqual(idsOf(doc))
    expect([...sentences(edited)].filter((s) => s.id.startsWith('chuong-i.dieu-1.s'))).toHaveLength(3)
  })

  test('plain text renders headings and clauses on their own lines, and parses back to the same tree', () => {
    const text = toPlainText(doc)
    expect(text.startsWith('Chương I NHỮNG QUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\n')).toBe(true)
    expect(text).toContain('\n2. Chi bộ gồm:\na) Chi bộ cơ sở;\n')
    expect(outline(parseDocument(text).body)).toEqual(outline(doc.body))
  })
})

describe('headings in context', () => {
  test('numbers and letters out of sequence are text, not headings', () => {
    const doc = parseDocument(
      ['I. MỤC ĐÍCH', '1. Nâng cao nhận thức.', '3. năm 2025 là năm bản lề.', '2. Thống nhất hành động.'].join('\n'),
    )
    expect(outline(doc.body)).toEqual(['muc-i roman I [MỤC ĐÍCH]', '  muc-i.k1 number 1', '  muc-i.k2 number 2'])
    const k1 = sections(sections(doc.body)[0].children)[0]
    expect(k1.children.map((b) => b.type === 'paragraph' && b.text)).toEqual(['Nâng cao nhận thức.', '3. năm 2025 là năm bản lề.'])
  })

  test('a roman numeral that does not start or continue a sequence is text ("V. I. Lênin")', () => {
    const doc = parseDocument('Học tập tư tưởng của các nhà kinh điển.\nV. I. Lênin đã chỉ rõ vai trò của Đảng.')
    expect(sections(doc.body)).toEqual([])
  })

  test('a bare heading takes its title from the next line; Phần thứ … is recognised', () => {
    const doc = parseDocument('PHẦN THỨ NHẤT\nĐÁNH GIÁ KẾT QUẢ\nI. KẾT QUẢ ĐẠT ĐƯỢC\n1. Công tác tuyên truyền được chú trọng.')
    expect(outline(doc.body)).toEqual([
      'phan-thu-nhat phan PHẦN THỨ NHẤT [ĐÁNH GIÁ KẾT QUẢ]',
      '  phan-thu-nhat.muc-i roman I [KẾT QUẢ ĐẠT ĐƯỢC]',
      '    phan-thu-nhat.muc-i.k1 number 1',
    ])
  })

  test('numbered items with short phrases are titled; items with sentences are not', () => {
    const doc = parseDocument(
      'IV. TỔ CHỨC THỰC HIỆN\n1. Công an phường\nChủ trì bảo đảm an ninh mạng.\n2. Các chi bộ tổ chức tuyên truyền sâu rộng.',
    )
    const items = sections(sections(doc.body)[0].children)
    expect(items.map((s) => s.title)).toEqual(['Công an phường', undefined])
    expect(items[0].children.map((b) => b.type === 'paragraph' && b.text)).toEqual(['Chủ trì bảo đảm an ninh mạng.'])
  })

  test('a plain paragraph after an untitled point goes back to the clause; bullets stay in a titled point', () => {
    const doc = parseDocument(
      [
        'Điều 1. Nội dung',
        '1. Gồm các tính năng:',
        'a) Tra cứu văn bản.',
        'b) Học tập nghị quyết.',
        'Các tính năng được mở rộng dần.',
        '2. Ưu tiên:',
        'a) Ưu điểm',
        '- Dễ sử dụng.',
        '- Miễn phí.',
      ].join('\n'),
    )
    const [k1, k2] = sections(sections(doc.body)[0].children)
    expect(k1.children.map((b) => (b.type === 'section' ? b.label : b.text))).toEqual([
      'Gồm các tính năng:',
      'Điểm a',
      'Điểm b',
      'Các tính năng được mở rộng dần.',
    ])
    const pointA = sections(k2.children)[0]
    expect(pointA.title).toBe('Ưu điểm')
    expect(pointA.children.map((b) => b.type === 'paragraph' && b.bullet)).toEqual(['-', '-'])
  })

  test('repeated numbers get distinct ids', () => {
    const doc = parseDocument('Điều 1. A\nĐiều 1. B')
    expect(sections(doc.body).map((s) => s.id)).toEqual(['dieu-1', 'dieu-1-2'])
  })

  test('the concluding "Trên đây là …" paragraph stands outside the last section', () => {
    const doc = parseDocument('I. NỘI DUNG\n1. Tuyên truyền sâu rộng.\nTrên đây là Kế hoạch tuyên truyền của Đảng ủy.')
    const last = doc.body[doc.body.length - 1]
    expect(last).toMatchObject({ type: 'paragraph', id: 'noi-dung.p1', text: 'Trên đây là Kế hoạch tuyên truyền của Đảng ủy.' })
    expect([...sentences(doc)].at(-1)).toMatchObject({ id: 'noi-dung.s1', sectionPath: [] })
  })
})
