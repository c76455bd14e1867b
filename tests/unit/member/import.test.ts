import { readFileSync } from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { checkMemberRows, MAX_IMPORT_ROWS, readTable } from '@/lib/member/import'

const FIXTURE = path.resolve('tests/fixtures/import/danh-sach-dang-vien.csv')

const HEADER = ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Ngày vào Đảng', 'Ngày chính thức', 'Số thẻ đảng viên', 'Số định danh cá nhân', 'Số điện thoại', 'Chi bộ']
/** A clean member row matching HEADER; `n` keeps card numbers and citizen ids apart. */
const row = (n: number, overrides: Partial<Record<(typeof HEADER)[number], string>> = {}) => {
  const values: Record<string, string> = {
    STT: String(n),
    'Họ và tên': `Nguyễn Văn Thử ${n}`,
    'Ngày sinh': '15/03/1960',
    'Giới tính': 'Nam',
    'Ngày vào Đảng': '03/02/1985',
    'Ngày chính thức': '03/02/1986',
    'Số thẻ đảng viên': String(31800100 + n),
    'Số định danh cá nhân': `031060${String(700100 + n)}`,
    'Số điện thoại': `0912 000 ${String(n).padStart(3, '0')}`,
    'Chi bộ': 'Chi bộ Khu dân cư số 3',
    ...overrides,
  }
  return HEADER.map((h) => values[h])
}
const csv = (lines: (string | string[])[], delimiter = ',') =>
  lines.map((l) => (Array.isArray(l) ? Papa.unparse([l], { delimiter }) : l)).join('\r\n')
const parseCsv = async (text: string) => checkMemberRows(await readTable(Buffer.from(text, 'utf8'), 'danh-sach.csv'))

async function xlsx(build: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  build(workbook)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

describe('a realistic export (fixture): title rows, STT, Quê quán with commas, footer', () => {
  it('reads every member, normalised, with the line number the user sees', async () => {
    const parsed = checkMemberRows(await readTable(readFileSync(FIXTURE), 'danh-sach-dang-vien.csv'))
    expect(parsed.errors).toEqual([])
    expect(parsed.total).toBe(5) // "Tổng số" and "Người lập biểu" rows are not members
    expect(parsed.rows.map((r) => r.line)).toEqual([8, 9, 10, 11, 12])
    expect(parsed.rows[0]).toEqual({
      line: 8,
      fullName: 'Nguyễn Văn Hùng',
      birthDate: '1960-03-15',
      gender: 'nam',
      partyJoinDate: '1985-02-03',
      officialDate: '1986-02-03',
      cardNumber: '31800001',
      branch: 'Chi bộ Khu dân cư số 3',
      citizenId: '031060700001',
      phone: '0912345678',
      email: null,
    })
    expect(parsed.rows.map((r) => [r.gender, r.phone, r.branch])).toEqual([
      ['nam', '0912345678', 'Chi bộ Khu dân cư số 3'],
      ['nu', '0983111222', 'HP.BD.CB03'],
      ['nam', '0383456789', 'Chi bộ Trường THCS Bạch Đằng'],
      ['nu', null, 'HP.BD.CB04'],
      ['nam', '0868000555', 'Chi bộ Khu dân cư số 3'],
    ])
  })
})

describe('header detection', () => {
  it('finds the header under title rows and keeps file line numbers', async () => {
    const parsed = await parseCsv(csv(['DANH SÁCH ĐẢNG VIÊN', 'Đảng ủy phường Bạch Đằng', '', HEADER, row(1), '', row(2)]))
    expect(parsed.errors).toEqual([])
    expect(parsed.rows.map((r) => r.line)).toEqual([5, 7])
  })

  it('recognises headings without diacritics, in capitals, with notes in brackets and required-marks', async () => {
    const header = ['stt', 'HO VA TEN', 'Ngay sinh (dd/mm/yyyy)', 'Gioi tinh', 'Ngay ket nap', 'Ngày công nhận chính thức', 'So the DV *', 'Số CCCD', 'SĐT', 'Mã chi bộ']
    const parsed = await parseCsv(csv([header, row(1)]))
    expect(parsed.errors).toEqual([])
    expect(parsed.rows[0]).toMatchObject({ fullName: 'Nguyễn Văn Thử 1', birthDate: '1960-03-15', officialDate: '1986-02-03', citizenId: '031060700101', phone: '0912000001' })
  })

  it('names every missing required column', async () => {
    const header = ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số thẻ đảng viên', 'Chi bộ']
    await expect(parseCsv(csv([header, ['1', 'Nguyễn Văn A', '15/03/1960', 'Nam', '31800001', 'HP.BD.CB03']]))).rejects.toThrow(
      'Thiếu cột bắt buộc: Ngày vào Đảng, Số định danh cá nhân.',
    )
  })

  it('explains when there is no header at all', async () => {
    await expect(parseCsv('a,b,c\n1,2,3\n')).rejects.toThrow(/Không tìm thấy dòng tiêu đề: tệp cần các cột Họ và tên/)
  })

  it('takes the first filled of two columns naming the same field (Tên chi bộ and Mã chi bộ)', async () => {
    const header = [...HEADER.slice(0, -1), 'Tên chi bộ', 'Mã chi bộ']
    const parsed = await parseCsv(csv([header, [...row(1).slice(0, -1), '', 'HP.BD.CB03'], [...row(2).slice(0, -1), 'Chi bộ Khu dân cư số 3', 'HP.BD.CB03']]))
    expect(parsed.errors).toEqual([])
    expect(parsed.rows.map((r) => r.branch)).toEqual(['HP.BD.CB03', 'Chi bộ Khu dân cư số 3'])
  })
})

describe('bad rows', () => {
  it('reports every bad row with its line number and Vietnamese messages, and keeps no row of a bad line', async () => {
    const lines = [
      'DANH SÁCH ĐẢNG VIÊN', // 1
      HEADER, // 2
      row(1), // 3 clean
      row(2, { 'Ngày sinh': '31/02/1960' }), // 4
      row(3, { 'Ngày chính thức': '01/01/1984' }), // 5
      row(4, { 'Số định danh cá nhân': '03106070010' }), // 6
      row(5, { 'Số định danh cá nhân': '999060700105' }), // 7
      row(6, { 'Số định danh cá nhân': '031075700106' }), // 8
      row(7, { 'Giới tính': 'Nữ' }), // 9: the id says nam
      row(8, { 'Số điện thoại': '02253 123 456' }), // 10
      row(9, { 'Họ và tên': '', 'Số thẻ đảng viên': '' }), // 11
      row(10, { 'Giới tính': 'Khác' }), // 12
      row(11, { 'Ngày vào Đảng': '01/01/2099' }), // 13
      row(12), // 14 clean
    ]
    const parsed = await parseCsv(csv(lines))
    expect(parsed.total).toBe(12)
    expect(parsed.rows.map((r) => r.line)).toEqual([3, 14])
    const byLine = Object.fromEntries(parsed.errors.map((e) => [e.line, e.messages.join(' ')]))
    expect(Object.keys(byLine).map(Number)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13])
    expect(byLine[4]).toMatch(/Ngày sinh không hợp lệ: "31\/02\/1960"/)
    expect(byLine[5]).toMatch(/Ngày chính thức không được trước ngày vào Đảng/)
    expect(byLine[6]).toMatch(/đúng 12 chữ số/)
    expect(byLine[7]).toMatch(/mã tỉnh "999"/)
    expect(byLine[8]).toMatch(/không khớp năm sinh/)
    expect(byLine[9]).toMatch(/không khớp giới tính/)
    expect(byLine[10]).toMatch(/Số điện thoại di động không hợp lệ/)
    expect(byLine[11]).toMatch(/Thiếu Họ và tên\. Thiếu Số thẻ đảng viên\./)
    expect(byLine[12]).toMatch(/Giới tính không hợp lệ: "Khác" \(ghi Nam hoặc Nữ\)/)
    expect(byLine[13]).toMatch(/Ngày vào Đảng không thể ở tương lai/)
  })

  it('refuses duplicates inside the file, naming the earlier line', async () => {
    const header = [...HEADER, 'Email']
    const parsed = await parseCsv(
      csv([
        header,
        [...row(1), 'a@example.vn'], // 2
        [...row(2, { 'Số thẻ đảng viên': '31800101' }), ''], // 3: card of line 2
        [...row(3, { 'Số định danh cá nhân': '031060700101' }), ''], // 4: citizen id of line 2
        [...row(4), 'A@Example.vn'], // 5: email of line 2, other case
        [...row(5, { 'Số thẻ đảng viên': '31.800.101' }), ''], // 6: card of line 2, written with dots
      ]),
    )
    expect(parsed.rows.map((r) => r.line)).toEqual([2])
    expect(parsed.errors).toEqual([
      { line: 3, messages: ['Số thẻ đảng viên 31800101 trùng với dòng 2.'] },
      { line: 4, messages: ['Số định danh cá nhân trùng với dòng 2.'] },
      { line: 5, messages: ['Email a@example.vn trùng với dòng 2.'] },
      { line: 6, messages: ['Số thẻ đảng viên 31800101 trùng với dòng 2.'] },
    ])
  })

  it('hints at what Excel did to a citizen id typed as a number', async () => {
    const parsed = await parseCsv(csv([HEADER, row(1, { 'Số định danh cá nhân': '31060700101' }), row(2, { 'Số định danh cá nhân': '3.10607E+10' })]))
    expect(parsed.errors[0].messages.join(' ')).toMatch(/Có thể Excel đã bỏ số 0 ở đầu/)
    expect(parsed.errors[1].messages.join(' ')).toMatch(/dạng khoa học/)
  })

  it('refuses a name longer than the profile allows and a malformed email', async () => {
    const parsed = await parseCsv(csv([[...HEADER, 'Email'], [...row(1, { 'Họ và tên': 'Nguyễn '.repeat(20) + 'A' }), ''], [...row(2), 'khong-phai-email']]))
    expect(parsed.errors.map((e) => e.messages.join(' '))).toEqual([
      'Họ và tên quá dài (tối đa 120 ký tự).',
      'Email không hợp lệ: "khong-phai-email".',
    ])
  })

  it(`refuses more than ${MAX_IMPORT_ROWS} rows at once`, async () => {
    const body = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `${i + 1},Nguyễn Văn A`)
    await expect(parseCsv(['STT,Họ và tên,Ngày sinh,Giới tính,Ngày vào Đảng,Số thẻ đảng viên,Số định danh cá nhân,Chi bộ', ...body].join('\n'))).rejects.toThrow(
      /vượt quá giới hạn 20000 dòng/,
    )
  })
})

describe('CSV encodings and separators', () => {
  const text = () => csv(['DANH SÁCH ĐẢNG VIÊN', HEADER, row(1), row(2)])

  it('reads UTF-8 with a BOM (as Excel saves "CSV UTF-8")', async () => {
    const parsed = checkMemberRows(await readTable(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text())]), 'ds.csv'))
    expect(parsed.errors).toEqual([])
    expect(parsed.rows.map((r) => r.fullName)).toEqual(['Nguyễn Văn Thử 1', 'Nguyễn Văn Thử 2'])
  })

  it('reads UTF-16 "Unicode text" with tabs, as Excel saves it', async () => {
    const tabbed = csv(['DANH SÁCH ĐẢNG VIÊN', HEADER, row(1)], '\t')
    const parsed = checkMemberRows(await readTable(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tabbed, 'utf16le')]), 'ds.txt'))
    expect(parsed.errors).toEqual([])
    expect(parsed.rows[0].fullName).toBe('Nguyễn Văn Thử 1')
  })

  it('reads semicolon-separated CSV (Excel with Vietnamese regional settings), even where Papa Parse guesses wrong', async () => {
    // Addresses with two commas and a title row make comma the most "consistent" separator for Papa Parse.
    const header = [...HEADER, 'Quê quán']
    const lines = ['DANH SÁCH ĐẢNG VIÊN', header, ...[1, 2, 3, 4, 5].map((n) => [...row(n), `Xã An Lư, huyện Thủy Nguyên, Hải Phòng`])]
    const semicolon = csv(lines, ';')
    expect(Papa.parse(semicolon).meta.delimiter).not.toBe(';')
    const parsed = await parseCsv(semicolon)
    expect(parsed.errors).toEqual([])
    expect(parsed.rows.map((r) => r.line)).toEqual([3, 4, 5, 6, 7])
    expect(parsed.rows[0].birthDate).toBe('1960-03-15')
  })

  it('refuses a CSV in another encoding (Windows-1258) with a clear message', async () => {
    // "Họ và tên,Ngày sinh" as Windows-1258 bytes: ọ = o + 0xF2 (combining dot), à = 0xE0, ê = 0xEA, à = 0xE0.
    const cp1258 = Buffer.from([0x48, 0x6f, 0xf2, 0x20, 0x76, 0xe0, 0x20, 0x74, 0xea, 0x6e, 0x2c, 0x4e, 0x67, 0xe0, 0x79, 0x20, 0x73, 0x69, 0x6e, 0x68, 0x0a])
    await expect(readTable(cp1258, 'ds.csv')).rejects.toThrow(/phải được lưu với mã hóa UTF-8/)
  })
})

describe('XLSX', () => {
  it('reads real date cells, numbers that lost their leading zero, rich text, formulas and hyperlinks', async () => {
    const file = await xlsx((workbook) => {
      const sheet = workbook.addWorksheet('Danh sách')
      sheet.addRow(['DANH SÁCH ĐẢNG VIÊN'])
      sheet.mergeCells('A1:K1')
      sheet.addRow([])
      sheet.addRow([...HEADER, 'Email'])
      sheet.addRow([1, 'Nguyễn Văn Hùng', new Date(Date.UTC(1960, 2, 15)), 'Nam', new Date(Date.UTC(1985, 1, 3)), new Date(Date.UTC(1986, 1, 3)), 31800001, 31060700001, 912345678, 'HP.BD.CB03', { text: 'hung@example.vn', hyperlink: 'mailto:hung@example.vn' }])
      sheet.addRow([
        { formula: 'A4+1', result: 2 },
        { richText: [{ text: 'Trần Thị ', font: { bold: true } }, { text: 'Lan' }] },
        '02/09/1972',
        'Nữ',
        new Date(Date.UTC(1998, 4, 19)),
        null,
        { formula: '"318"&"00002"', result: '31800002' },
        '031172700002',
        '0983 111 222',
        'Chi bộ Khu dân cư số 3',
        null,
      ])
      for (const column of [3, 5, 6]) sheet.getColumn(column).numFmt = 'dd/mm/yyyy'
    })
    const parsed = checkMemberRows(await readTable(file, 'Danh sach dang vien.XLSX'))
    expect(parsed.errors).toEqual([])
    expect(parsed.rows).toEqual([
      { line: 4, fullName: 'Nguyễn Văn Hùng', birthDate: '1960-03-15', gender: 'nam', partyJoinDate: '1985-02-03', officialDate: '1986-02-03', cardNumber: '31800001', branch: 'HP.BD.CB03', citizenId: '031060700001', phone: '0912345678', email: 'hung@example.vn' },
      { line: 5, fullName: 'Trần Thị Lan', birthDate: '1972-09-02', gender: 'nu', partyJoinDate: '1998-05-19', officialDate: null, cardNumber: '31800002', branch: 'Chi bộ Khu dân cư số 3', citizenId: '031172700002', phone: '0983111222', email: null },
    ])
  })

  it('reports bad rows by their Excel row number, date cells included', async () => {
    const file = await xlsx((workbook) => {
      const sheet = workbook.addWorksheet('DS')
      sheet.addRow(['DANH SÁCH ĐẢNG VIÊN'])
      sheet.addRow(HEADER)
      sheet.addRow(row(1))
      sheet.addRow([]) // an empty row keeps its number
      sheet.addRow([2, 'Lê Văn B', new Date(Date.UTC(1990, 0, 1)), 'Nam', new Date(Date.UTC(2005, 0, 1)), new Date(Date.UTC(2004, 0, 1)), 31800202, '031090700202', '', 'HP.BD.CB03'])
      sheet.addRow([3, 'Lê Văn C', { error: '#N/A' }, 'Nam', '01/01/2010', '', 31800203, '031090700203', '', 'HP.BD.CB03'])
    })
    const parsed = checkMemberRows(await readTable(file, 'ds.xlsx'))
    expect(parsed.rows.map((r) => r.line)).toEqual([3])
    expect(parsed.errors.map((e) => e.line)).toEqual([5, 6])
    expect(parsed.errors[0].messages.join(' ')).toMatch(/đủ 18 tuổi.*Ngày chính thức không được trước ngày vào Đảng/)
    expect(parsed.errors[1].messages.join(' ')).toMatch(/Ngày sinh không hợp lệ: "#N\/A"/)
  })

  it('uses the sheet holding the list when a cover sheet comes first', async () => {
    const file = await xlsx((workbook) => {
      workbook.addWorksheet('Bìa').addRow(['ĐẢNG ỦY PHƯỜNG BẠCH ĐẰNG — Báo cáo năm 2025'])
      const sheet = workbook.addWorksheet('Danh sách')
      sheet.addRow(HEADER)
      sheet.addRow(row(1))
    })
    const parsed = checkMemberRows(await readTable(file, 'ds.xlsx'))
    expect(parsed.rows.map((r) => r.fullName)).toEqual(['Nguyễn Văn Thử 1'])
  })

  it('reads a workbook saved under a .csv name as the workbook it is', async () => {
    const file = await xlsx((workbook) => {
      const sheet = workbook.addWorksheet('DS')
      sheet.addRow(HEADER)
      sheet.addRow(row(1))
    })
    const parsed = checkMemberRows(await readTable(file, 'ds.csv'))
    expect(parsed.rows).toHaveLength(1)
  })

  it('refuses a corrupt workbook with a clear message', async () => {
    const good = await xlsx((workbook) => workbook.addWorksheet('DS').addRow(HEADER))
    await expect(readTable(good.subarray(0, Math.floor(good.length / 2)), 'ds.xlsx')).rejects.toThrow(/Không đọc được tệp Excel: tệp hỏng/)
    await expect(readTable(Buffer.from('không phải tệp Excel'), 'ds.xlsx')).rejects.toThrow(/Không đọc được tệp Excel/)
  })
})

describe('file types', () => {
  it.each(['ds.pdf', 'ds.docx', 'ds.ods', 'danh-sach', 'ds.csv.exe'])('refuses %s', async (name) => {
    await expect(readTable(Buffer.from('STT,Họ và tên'), name)).rejects.toThrow('Chỉ nhận tệp .csv hoặc .xlsx (xuất từ cơ sở dữ liệu đảng viên).')
  })

  it('explains how to convert an old .xls workbook', async () => {
    await expect(readTable(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), 'ds.xls')).rejects.toThrow(/\.xls \(Excel 97–2003\) chưa được hỗ trợ.*\.xlsx/)
  })
})
