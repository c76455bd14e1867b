import {
  checkCitizenId,
  checkMemberDates,
  checkMobilePhone,
  checkPartyCardNumber,
  maskCitizenId,
  parseDate,
  PROVINCE_CODES,
} from '@/lib/member/identity'

const valueOf = (checked: { ok: boolean; value?: string; message?: string }) => (checked.ok ? checked.value : `LỖI: ${checked.message}`)

describe('checkCitizenId: số định danh cá nhân', () => {
  // 031 = Hải Phòng; 4th digit: 0 nam / 1 nữ born 19xx, 2 nam / 3 nữ born 20xx; then two digits of the year.
  it.each([
    ['031060123456', { birthDate: '1960-03-15', gender: 'nam' }],
    ['031160123456', { birthDate: '15/03/1960', gender: 'nu' }],
    ['038205123456', { birthDate: '2005-07-01', gender: 'nam' }],
    ['001305123456', { birthDate: '01/07/2005', gender: 'nu' }],
    ['096099000001', { birthDate: '1999-12-31', gender: 'nam' }],
  ] as const)('accepts %s for %j', (id, context) => {
    expect(checkCitizenId(id, context)).toEqual({ ok: true, value: id })
  })

  it('drops the spaces, dots and dashes people type and returns the 12 digits', () => {
    expect(valueOf(checkCitizenId(' 031 060 123 456 '))).toBe('031060123456')
    expect(valueOf(checkCitizenId('031.060.123.456'))).toBe('031060123456')
    expect(valueOf(checkCitizenId('031-060-123456'))).toBe('031060123456')
  })

  it.each([
    ['', /Vui lòng nhập số định danh/],
    [null, /Vui lòng nhập số định danh/],
    ['03106012345', /đúng 12 chữ số/],
    ['0310601234567', /đúng 12 chữ số/],
    ['03106012345a', /đúng 12 chữ số/],
    ['999060123456', /mã tỉnh "999" không tồn tại/],
    ['000060123456', /mã tỉnh "000" không tồn tại/],
    ['003060123456', /mã tỉnh "003"/], // codes skip numbers (002 Hà Giang, 004 Cao Bằng)
  ])('refuses %p', (id, message) => {
    const checked = checkCitizenId(id)
    expect(checked.ok).toBe(false)
    expect(checked.ok ? '' : checked.message).toMatch(message)
  })

  it('knows the 63 province codes of Thông tư 59/2021/TT-BCA', () => {
    expect(Object.keys(PROVINCE_CODES)).toHaveLength(63)
    expect(PROVINCE_CODES['031']).toBe('Hải Phòng')
    expect(PROVINCE_CODES['038']).toBe('Thanh Hóa')
    expect(PROVINCE_CODES['079']).toBe('TP. Hồ Chí Minh')
  })

  it.each(['4', '5', '6', '7', '8', '9'])('refuses century digit %s: no living person was born in the 22nd century or later', (digit) => {
    const checked = checkCitizenId(`031${digit}60123456`)
    expect(checked.ok).toBe(false)
    expect(checked.ok ? '' : checked.message).toMatch(/chữ số thứ 4 .* phải là 0, 1, 2 hoặc 3/)
  })

  it('refuses a birth year in the future (digit 2 means 20xx)', () => {
    const today = new Date('2026-06-01T00:00:00Z')
    expect(checkCitizenId('031226123456', {}, today).ok).toBe(true)
    const checked = checkCitizenId('031227123456', {}, today)
    expect(checked.ok ? '' : checked.message).toMatch(/năm sinh 2027 ở tương lai/)
  })

  it('checks the year of birth, including its century', () => {
    const wrongYear = checkCitizenId('031075123456', { birthDate: '1960-03-15' })
    expect(wrongYear.ok ? '' : wrongYear.message).toMatch(/không khớp năm sinh .*1975.*1960/)
    // Same two digits, other century: digit 2 means born 2005, not 1905.
    const wrongCentury = checkCitizenId('031205123456', { birthDate: '1905-01-01' })
    expect(wrongCentury.ok ? '' : wrongCentury.message).toMatch(/2005.*1905/)
    // The birth date as people write it (dd/mm/yyyy) is understood too.
    const written = checkCitizenId('031075123456', { birthDate: '15/03/1960' })
    expect(written.ok).toBe(false)
  })

  it('checks the gender: even digit nam, odd digit nữ', () => {
    const male = checkCitizenId('031060123456', { gender: 'nu' })
    expect(male.ok ? '' : male.message).toMatch(/không khớp giới tính .*Nam/)
    const female = checkCitizenId('031360123456', { birthDate: '2060-01-01', gender: 'nam' }, new Date('2070-01-01'))
    expect(female.ok ? '' : female.message).toMatch(/giới tính .*Nữ/)
    expect(checkCitizenId('031305123456', { gender: 'nu' }).ok).toBe(true)
    expect(checkCitizenId('031205123456', { gender: 'nam' }).ok).toBe(true)
  })
})

describe('checkMobilePhone: normalised to 0xxxxxxxxx', () => {
  it.each([
    ['0912345678', '0912345678'],
    ['0912 345 678', '0912345678'],
    ['0912.345.678', '0912345678'],
    ['0912-345-678', '0912345678'],
    ['(091) 234 5678', '0912345678'],
    ['+84912345678', '0912345678'],
    ['+84 912 345 678', '0912345678'],
    ['+84 (0) 912 345 678', '0912345678'],
    ['0084 912 345 678', '0912345678'],
    ['84912345678', '0912345678'],
    ['84 3 8888 9999', '0388889999'],
    ['0701234567', '0701234567'],
    ['0581234567', '0581234567'],
    ['0861234567', '0861234567'],
  ])('%s → %s', (input, expected) => {
    expect(valueOf(checkMobilePhone(input))).toBe(expected)
  })

  it.each([
    ['', /Vui lòng nhập số điện thoại/],
    ['02253 123 456', /không hợp lệ/], // a landline (Hải Phòng)
    ['0412345678', /không hợp lệ/],
    ['091234567', /không hợp lệ/],
    ['09123456789', /không hợp lệ/],
    ['+1 650 253 0000', /không hợp lệ/],
    ['0912abc678', /không hợp lệ/],
  ])('refuses %p', (input, message) => {
    const checked = checkMobilePhone(input)
    expect(checked.ok ? '' : checked.message).toMatch(message)
  })

  it('names the new number of an old 11-digit mobile number (renumbered in 2018)', () => {
    const checked = checkMobilePhone('0168 123 4567')
    expect(checked.ok).toBe(false)
    expect(checked.ok ? '' : checked.message).toMatch(/đầu số cũ.*0381234567/)
    expect(checkMobilePhone('+84 168 123 4567').ok).toBe(false)
  })
})

describe('checkPartyCardNumber', () => {
  it('keeps the digits, dropping dots and spaces as printed on the card', () => {
    expect(valueOf(checkPartyCardNumber('31100001'))).toBe('31100001')
    expect(valueOf(checkPartyCardNumber('31.100.001'))).toBe('31100001')
    expect(valueOf(checkPartyCardNumber(' 31 100 001 '))).toBe('31100001')
    expect(valueOf(checkPartyCardNumber(31100001))).toBe('31100001')
  })

  it.each([
    ['', /Vui lòng nhập số thẻ/],
    ['12345', /từ 6 đến 12 chữ số/],
    ['1234567890123', /từ 6 đến 12 chữ số/],
    ['3110A001', /chỉ gồm chữ số/],
    ['-31100001', /chỉ gồm chữ số/],
  ])('refuses %p', (input, message) => {
    const checked = checkPartyCardNumber(input)
    expect(checked.ok ? '' : checked.message).toMatch(message)
  })
})

describe('parseDate', () => {
  it.each([
    ['15/03/1960', '1960-03-15'],
    ['5/3/1960', '1960-03-05'],
    ['05-03-1960', '1960-03-05'],
    ['05.03.1960', '1960-03-05'],
    ['1960-03-15', '1960-03-15'],
    ['1960-03-15T00:00:00.000Z', '1960-03-15'],
    ['29/02/2024', '2024-02-29'],
    [' 15/03/1960 ', '1960-03-15'],
  ])('%p → %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected)
  })

  it('reads Date objects (Excel date cells) as their UTC calendar day', () => {
    expect(parseDate(new Date(Date.UTC(1960, 2, 15)))).toBe('1960-03-15')
    expect(parseDate(new Date('invalid'))).toBeNull()
  })

  it.each(['31/02/1960', '29/02/2023', '32/01/2000', '15/13/2000', '00/01/2000', '15/03/60', '1960/03/15', 'mười lăm tháng ba', '', null, undefined])(
    'refuses the impossible or unreadable date %p',
    (input) => {
      expect(parseDate(input)).toBeNull()
    },
  )
})

describe('checkMemberDates', () => {
  const today = new Date('2025-06-01T05:00:00Z')

  it('accepts a consistent profile', () => {
    expect(checkMemberDates({ birthDate: '15/03/1960', partyJoinDate: '03/02/1985', officialDate: '03/02/1986' }, today)).toEqual([])
  })

  it('ngày chính thức not before ngày vào Đảng (the same day is allowed)', () => {
    expect(checkMemberDates({ partyJoinDate: '03/02/1985', officialDate: '02/02/1985' }, today)).toEqual([
      'Ngày chính thức không được trước ngày vào Đảng.',
    ])
    expect(checkMemberDates({ partyJoinDate: '03/02/1985', officialDate: '03/02/1985' }, today)).toEqual([])
  })

  it('joining the Party needs 18 full years, counted to the day', () => {
    const born = '15/06/1960'
    expect(checkMemberDates({ birthDate: born, partyJoinDate: '14/06/1978' }, today)).toEqual([
      'Ngày vào Đảng không hợp lệ: đảng viên phải đủ 18 tuổi khi vào Đảng.',
    ])
    expect(checkMemberDates({ birthDate: born, partyJoinDate: '15/06/1978' }, today)).toEqual([])
    expect(checkMemberDates({ birthDate: born, partyJoinDate: '01/01/1950' }, today)).toHaveLength(1)
  })

  it('refuses dates in the future, by the calendar in Việt Nam', () => {
    expect(checkMemberDates({ partyJoinDate: '02/06/2025' }, today)).toEqual(['Ngày vào Đảng không thể ở tương lai.'])
    // 18:00 UTC on 1 June is already 2 June in Việt Nam (UTC+7).
    expect(checkMemberDates({ partyJoinDate: '02/06/2025' }, new Date('2025-06-01T18:00:00Z'))).toEqual([])
    expect(checkMemberDates({ birthDate: '01/01/2030' }, today)).toEqual(['Ngày sinh không thể ở tương lai.'])
  })

  it('names each impossible date with the value written, and reports every problem at once', () => {
    const errors = checkMemberDates({ birthDate: '31/02/1960', partyJoinDate: '30/02/1985', officialDate: '01/01/2099' }, today)
    expect(errors).toEqual([
      'Ngày sinh không hợp lệ: "31/02/1960" (nhập theo dạng ngày/tháng/năm).',
      'Ngày vào Đảng không hợp lệ: "30/02/1985" (nhập theo dạng ngày/tháng/năm).',
      'Ngày chính thức không thể ở tương lai.',
    ])
  })

  it('leaves missing dates to the caller', () => {
    expect(checkMemberDates({}, today)).toEqual([])
  })
})

it('maskCitizenId shows only the last three digits', () => {
  expect(maskCitizenId('031060123456')).toBe('*********456')
  expect(maskCitizenId('12')).toBe('***')
})
