/** Số hiệu parsing, canonical form, type-code checks and the uniqueness key. */
import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { DOCUMENT_TYPES, numberKey, parseDocumentNumber, typeCodeMismatch, type DocumentNumber } from '@/lib/document/number'
import { parseDocument } from '@/lib/document'

const parsed = (text: string): DocumentNumber => {
  const result = parseDocumentNumber(text)
  if (!result.ok) throw new Error(`${text}: ${result.message}`)
  return result.value
}
const message = (text: string): string => {
  const result = parseDocumentNumber(text)
  if (result.ok) throw new Error(`${text} was accepted as ${result.value.text}`)
  return result.message
}

describe('Party style', () => {
  test.each([
    ['339-QĐ/TW', { text: '339-QĐ/TW', style: 'dang', seq: '339', typeCode: 'QĐ', issuerCode: 'TW' }],
    ['23-KH/ĐU', { text: '23-KH/ĐU', seq: '23', typeCode: 'KH', issuerCode: 'ĐU' }],
    ['26-HD/BTGDVTW', { text: '26-HD/BTGDVTW', typeCode: 'HD', issuerCode: 'BTGDVTW' }],
    ['16-HD/BTGDVTU', { text: '16-HD/BTGDVTU', issuerCode: 'BTGDVTU' }],
    ['05-CTr/TU', { text: '05-CTr/TU', typeCode: 'CTr' }],
    ['12-QĐi/ĐUK', { typeCode: 'QĐi', issuerCode: 'ĐUK' }],
    ['1234-CV/VPTW/nb', { text: '1234-CV/VPTW/nb', typeCode: 'CV', issuerCode: 'VPTW', unit: 'nb' }],
    ['07-NQ/CB', { seq: '7', text: '07-NQ/CB' }],
  ])('%s', (text, expected) => {
    expect(parsed(text)).toMatchObject(expected)
  })

  test('spacing, dashes, "Số", case of the type code and the Eth look-alike are normalised', () => {
    expect(parsed('Số 339 - QĐ / TW').text).toBe('339-QĐ/TW')
    expect(parsed('Số: 23–KH/ĐU').text).toBe('23-KH/ĐU')
    expect(parsed('339-qđ/tw').text).toBe('339-QĐ/TW')
    expect(parsed('339-QD/TW').text).toBe('339-QĐ/TW')
    expect(parsed('23-KH/\u00d0U').text).toBe('23-KH/ĐU')
    expect(parsed('5-ctr/tu').typeCode).toBe('CTr')
  })
})

describe('state style', () => {
  test.each([
    ['100/2019/NĐ-CP', { text: '100/2019/NĐ-CP', style: 'nha-nuoc', seq: '100', year: 2019, typeCode: 'NĐ', issuerCode: 'CP' }],
    ['12/2023/NQ-HĐND', { year: 2023, typeCode: 'NQ', issuerCode: 'HĐND' }],
    ['01/QĐ-TTg', { text: '01/QĐ-TTg', seq: '1', typeCode: 'QĐ', issuerCode: 'TTg' }],
    ['15/2025/QĐ-UBND', { issuerCode: 'UBND' }],
    ['45/2024/TT-BTC', { typeCode: 'TT', issuerCode: 'BTC' }],
    ['59/2020/QH14', { text: '59/2020/QH14', year: 2020, issuerCode: 'QH14' }],
    ['01/qđ-ttg', { text: '01/QĐ-TTg', issuerCode: 'TTg' }],
  ])('%s', (text, expected) => {
    expect(parsed(text)).toMatchObject(expected)
  })
  test('a law carries no type code', () => {
    expect(parsed('59/2020/QH14').typeCode).toBeUndefined()
  })
})

describe('invalid numbers get a Vietnamese explanation', () => {
  test.each([
    ['', /trống/],
    ['   ', /trống/],
    ['339', /không đúng định dạng.*339-QĐ\/TW/],
    ['QĐ/TW', /không đúng định dạng/],
    ['339-QĐ', /không đúng định dạng/],
    ['339-XYZ/TW', /Mã loại văn bản "XYZ"/],
    ['100/2019/ABC-CP', /Mã loại văn bản "ABC"/],
    ['0-KH/ĐU', /lớn hơn 0/],
    ['100/1850/NĐ-CP', /Năm 1850/],
    ['339-QĐ/TW; DROP TABLE', /không đúng định dạng/],
    ['339–QĐ/TW/', /không đúng định dạng/],
  ])('%j', (text, pattern) => {
    expect(message(text)).toMatch(pattern)
  })
})

describe('type code against the chosen document type', () => {
  test('matching codes pass', () => {
    expect(typeCodeMismatch(parsed('339-QĐ/TW'), 'quy-dinh')).toBeNull()
    expect(typeCodeMismatch(parsed('339-QĐ/TW'), 'quyet-dinh')).toBeNull()
    expect(typeCodeMismatch(parsed('23-KH/ĐU'), 'ke-hoach')).toBeNull()
    expect(typeCodeMismatch(parsed('100/2019/NĐ-CP'), 'nghi-dinh')).toBeNull()
    expect(typeCodeMismatch(parsed('59/2020/QH14'), 'luat')).toBeNull()
    expect(typeCodeMismatch(parsed('23-KH/ĐU'), 'tai-lieu-tham-khao')).toBeNull()
  })
  test('a mismatch names both sides', () => {
    expect(typeCodeMismatch(parsed('23-KH/ĐU'), 'quy-dinh')).toMatch(/mã "KH" \(Kế hoạch\).*Quy định/)
    expect(typeCodeMismatch(parsed('59/2020/QH14'), 'nghi-dinh')).toMatch(/không có mã loại văn bản.*Nghị định cần mã NĐ/)
  })
  test('every type with codes accepts a number built from its first code', () => {
    for (const type of DOCUMENT_TYPES.filter((t) => t.codes.length > 0)) {
      const number = parsed(`7-${type.codes[0]}/TW`)
      expect({ type: type.value, mismatch: typeCodeMismatch(number, type.value) }).toEqual({ type: type.value, mismatch: null })
    }
  })
})

describe('uniqueness key', () => {
  test('the same number written differently gives the same key', () => {
    expect(numberKey(5, parsed('23-KH/ĐU'), 2025)).toBe(numberKey(5, parsed('Số 23 - kh/ĐU'), 2025))
  })
  test('different issuers, years or numbers give different keys', () => {
    const base = numberKey(5, parsed('23-KH/ĐU'), 2025)
    expect(numberKey(6, parsed('23-KH/ĐU'), 2025)).not.toBe(base)
    expect(numberKey(5, parsed('23-KH/ĐU'), 2024)).not.toBe(base)
    expect(numberKey(5, parsed('24-KH/ĐU'), 2025)).not.toBe(base)
  })
  test('a state number’s own year wins over the issue date', () => {
    expect(numberKey(1, parsed('100/2019/NĐ-CP'), 2020)).toBe(numberKey(1, parsed('100/2019/NĐ-CP'), 2019))
  })
})

describe('corpus', () => {
  test('the numbers printed in the corpus headers parse to their canonical form', () => {
    const dir = path.resolve('tests/fixtures/corpus')
    for (const [file, expected] of [
      ['quy-dinh-339-QD-TW.txt', '339-QĐ/TW'],
      ['ke-hoach-23-KH-DU-bach-dang.txt', '23-KH/ĐU'],
    ]) {
      const header = parseDocument(readFileSync(path.join(dir, file), 'utf8')).header
      expect(parsed(header.numberLine!).text).toBe(expected)
    }
  })
})
