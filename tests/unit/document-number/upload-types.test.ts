/** Uploads recognised by content, with their extension and size checked (collections/Media/fileTypes). */
import { describe, expect, test } from '@jest/globals'
import { checkUpload, sniff, SIZE_LIMITS } from '../../../collections/Media/fileTypes'

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))))

const PDF = bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj\n')
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF')
const WEBP = bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ')
const DOCX = bytes([0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0], '[Content_Types].xml', 'PK\x03\x04', 'word/document.xml')
const ZIP = bytes([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0], 'data/report.csv')

describe('recognition by content', () => {
  test.each([
    ['PDF', PDF, 'application/pdf'],
    ['PNG', PNG, 'image/png'],
    ['JPEG', JPEG, 'image/jpeg'],
    ['WebP', WEBP, 'image/webp'],
    ['DOCX', DOCX, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ])('%s', (_name, data, mime) => {
    expect(sniff(data)?.mime).toBe(mime)
  })
  test('other files are not recognised: a plain ZIP, HTML, an executable, text', () => {
    for (const data of [ZIP, bytes('<!doctype html><script>'), bytes('MZ\x90\x00'), bytes('Nghị quyết')]) expect(sniff(data)).toBeUndefined()
  })
})

describe('checkUpload', () => {
  test('accepts a known type with its extension, in any letter case', () => {
    expect(checkUpload({ name: 'Ban-goc.PDF', data: PDF })).toMatchObject({ ok: true, type: { kind: 'tai-lieu' } })
    expect(checkUpload({ name: 'anh.jpeg', data: JPEG })).toMatchObject({ ok: true, type: { kind: 'hinh-anh' } })
  })
  test('refuses an unknown type, naming what is accepted', () => {
    const result = checkUpload({ name: 'cai-dat.exe', data: bytes('MZ\x90\x00') })
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/"cai-dat\.exe" không thuộc loại được hỗ trợ\. Chỉ nhận PDF, Word \(DOCX\), JPEG, PNG, WebP\./) })
  })
  test('refuses content that contradicts the extension', () => {
    expect(checkUpload({ name: 'van-ban.docx', data: PDF })).toEqual({ ok: false, message: expect.stringMatching(/nội dung PDF.*đổi tên thành \.pdf/) })
  })
  test('refuses an empty file', () => {
    expect(checkUpload({ name: 'trong.pdf', data: Buffer.alloc(0) })).toEqual({ ok: false, message: 'Tệp "trong.pdf" rỗng.' })
  })
  test('applies the limit of the kind: a size allowed for a document is too much for an image', () => {
    const size = SIZE_LIMITS['hinh-anh'] + 1
    expect(size).toBeLessThan(SIZE_LIMITS['tai-lieu'])
    expect(checkUpload({ name: 'ban-goc.pdf', data: PDF, size }).ok).toBe(true)
    expect(checkUpload({ name: 'anh.png', data: PNG, size })).toEqual({ ok: false, message: expect.stringMatching(/vượt quá dung lượng cho phép đối với hình ảnh: tối đa 5 MB/) })
    expect(checkUpload({ name: 'ban-goc.pdf', data: PDF, size: SIZE_LIMITS['tai-lieu'] + 1 })).toEqual({ ok: false, message: expect.stringMatching(/tối đa 15 MB/) })
  })
})
