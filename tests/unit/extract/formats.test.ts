/**
 * Type detection by content, and the text formats: plain text in UTF-8 or UTF-16, and HTML pages.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseDocument, proposeMetadata } from '@/lib/document'
import { detectType, extractDocument } from '@/lib/extract'
import { buildDocx, buildPdf } from '../../fixtures/extract/builders'

const fixture = (name: string) => readFileSync(path.join(process.cwd(), 'tests/fixtures/document', name))

describe('detection by magic bytes, never by name', () => {
  test.each([
    ['PDF', buildPdf([{ lines: ['Văn bản'] }]), 'pdf'],
    ['PDF after a few junk bytes', Buffer.concat([Buffer.from('\r\n\r\n'), buildPdf([{ lines: ['Văn bản'] }])]), 'pdf'],
    ['DOCX', buildDocx(['Văn bản']), 'zip'],
    ['Word 97–2003', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'legacy-office'],
    ['Windows executable with a PDF header inside', Buffer.from('MZ\x90\0%PDF-1.7\n', 'latin1'), 'executable'],
    ['Linux executable', Buffer.from('\x7fELF\x02\x01\x01\0', 'latin1'), 'executable'],
    ['JPEG photo', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'other'],
    ['UTF-8 text', Buffer.from('Điều 1. Phạm vi điều chỉnh'), 'text'],
    ['UTF-16 text', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Điều 1.', 'utf16le')]), 'text'],
    ['unknown binary', Buffer.from([1, 2, 3, 0, 0, 0, 250, 251]), 'other'],
  ])('%s', (_, data, kind) => {
    expect(detectType(data).kind).toBe(kind)
  })
})

describe('text files', () => {
  const text = fixture('quy-dinh-339-QD-TW.txt')

  test('UTF-8 text is parsed as it is, and can be parsed again from the kept source', async () => {
    const result = await extractDocument(text)
    expect(result.facts).toMatchObject({ format: 'text', method: 'text', bytes: text.length, ocrPages: [] })
    expect(result.document).toEqual(parseDocument(text.toString('utf8')))
    expect(parseDocument(result.source.text, { format: result.source.format })).toEqual(result.document)
    expect(result.metadata).toMatchObject({ number: '339-QĐ/TW', signer: 'Trần Cẩm Tú' })
  })

  test('UTF-8 with a byte order mark, and UTF-16 (Windows Notepad "Unicode")', async () => {
    const expected = (await extractDocument(text)).document
    const bom = await extractDocument(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text]))
    expect(bom.document).toEqual(expected)
    const utf16 = await extractDocument(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.toString('utf8'), 'utf16le')]))
    expect(utf16.document).toEqual(expected)
  })

  test('an HTML page goes through article extraction', async () => {
    const html = fixture('quy-dinh-339-trich.html')
    const result = await extractDocument(html)
    expect(result.facts).toMatchObject({ format: 'html', method: 'html' })
    expect(result.source.format).toBe('html')
    expect(result.document).toEqual(parseDocument(html.toString('utf8'), { format: 'html' }))
    expect(result.metadata).toEqual(proposeMetadata(result.document))
    expect(result.document.body.length).toBeGreaterThan(0)
  })
})
