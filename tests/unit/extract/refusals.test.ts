/**
 * Bad files: each ends in an `ExtractError` with its code and a Vietnamese message, quickly and
 * without unpacking or parsing more than the limits allow.
 */
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DEFAULT_LIMITS, ExtractError, extractDocument, extractFile, type ExtractErrorCode } from '@/lib/extract'
import { hasDiacritics } from '@/lib/vi/text'
import { buildDocx, buildDocxFromXml, buildPdf, buildZip, buildZipBomb, WORD_NAMESPACE } from '../../fixtures/extract/builders'

const dir = mkdtempSync(path.join(tmpdir(), 'extract-'))

async function refusal(work: Promise<unknown>): Promise<ExtractError> {
  const error = await work.then(
    () => null,
    (err: unknown) => err,
  )
  if (!(error instanceof ExtractError)) throw new Error(`expected an ExtractError, got ${String(error)}`)
  expect(hasDiacritics(error.message)).toBe(true)
  return error
}

async function expectRefused(work: Promise<unknown>, code: ExtractErrorCode): Promise<ExtractError> {
  const error = await refusal(work)
  expect(error.code).toBe(code)
  return error
}

const page = { lines: ['Điều 1. Phạm vi điều chỉnh, đối tượng áp dụng của Quy định này.'] }

describe('refused inputs', () => {
  test('a file of zero bytes', async () => {
    const file = path.join(dir, 'rong.pdf')
    writeFileSync(file, '')
    await expectRefused(extractFile(file), 'empty')
  })

  test('a file over the size limit is refused from its size, before it is read', async () => {
    const file = path.join(dir, 'qua-lon.pdf')
    writeFileSync(file, '')
    truncateSync(file, DEFAULT_LIMITS.maxBytes + 1) // sparse: no bytes written
    const error = await expectRefused(extractFile(file), 'too-large')
    expect(error.message).toMatch(/50 MB/)
    await expectRefused(extractDocument(Buffer.from('Văn bản dài hơn giới hạn cho phép.'), { limits: { maxBytes: 10 } }), 'too-large')
  })

  test('an executable renamed .pdf is refused as an executable', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(120), Buffer.from('PE\0\0%PDF-1.7', 'latin1')])
    const file = path.join(dir, 'van-ban.pdf')
    writeFileSync(file, exe)
    await expectRefused(extractFile(file), 'executable')
    await expectRefused(extractDocument(Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01', 'latin1'), Buffer.alloc(64)])), 'executable')
  })

  test('a corrupt PDF and a truncated PDF', async () => {
    const garbage = Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919 + 13) % 256))
    await expectRefused(extractDocument(Buffer.concat([Buffer.from('%PDF-1.7\n'), garbage])), 'pdf-corrupt')
    const whole = buildPdf([page, page])
    await expectRefused(extractDocument(whole.subarray(0, Math.floor(whole.length / 3))), 'pdf-corrupt')
  })

  test('a PDF that needs a password', async () => {
    const pdf = buildPdf([page], { userPassword: 'matkhau', ownerPassword: 'chusohuu' })
    const error = await expectRefused(extractDocument(pdf), 'pdf-encrypted')
    expect(error.message).toMatch(/mật khẩu/)
  })

  test('a 2,000-page PDF is refused from its page count, quickly', async () => {
    const pdf = buildPdf(Array.from({ length: 2000 }, () => page))
    const started = Date.now()
    const error = await expectRefused(extractDocument(pdf), 'too-many-pages')
    expect(error.message).toContain('2.000 trang')
    expect(error.message).toContain(`${DEFAULT_LIMITS.maxPages} trang`)
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  test('a PDF whose text layer is empty and that holds no scan', async () => {
    await expectRefused(extractDocument(buildPdf([{ lines: [] }, { lines: [] }])), 'no-text')
  })

  test('the time budget stops extraction', async () => {
    await expectRefused(extractDocument(buildPdf([page, page, page]), { limits: { timeoutMs: 1 } }), 'timeout')
  })

  test('a DOCX zip bomb is refused from its declared sizes (1 GB of zeros in a 1 MB file)', async () => {
    const bomb = buildZipBomb(4, 256)
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024)
    await expectRefused(extractDocument(bomb), 'zip-bomb')
  })

  test('a DOCX zip bomb that lies about its sizes is refused without unpacking beyond the limit', async () => {
    const liar = buildZipBomb(1, 300, { declaredSize: 1000, name: () => 'word/footnotes.xml' })
    const before = process.memoryUsage().rss
    await expectRefused(extractDocument(liar), 'zip-bomb')
    expect(process.memoryUsage().rss - before).toBeLessThan(300 * 1024 * 1024)
  })

  test('a DOCX with too many parts', async () => {
    const parts = Array.from({ length: 50 }, (_, i) => ({ name: `word/media/a${i}.png`, data: Buffer.from('x') }))
    const docx = buildZip([...parts, { name: 'word/document.xml', data: Buffer.from('<w:document/>') }])
    await expectRefused(extractDocument(docx, { limits: { maxZipEntries: 20 } }), 'zip-bomb')
  })

  test('a DOCX with an XML entity bomb ("billion laughs") is not expanded', async () => {
    let entities = '<!ENTITY lol "lololololol">'
    for (let i = 1; i <= 9; i++) entities += `<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`
    const xml = `<?xml version="1.0"?><!DOCTYPE w:document [${entities}]><w:document ${WORD_NAMESPACE}><w:body><w:p><w:r><w:t>Xin chào &lol9;</w:t></w:r></w:p></w:body></w:document>`
    await expectRefused(extractDocument(buildDocxFromXml(xml)), 'docx-corrupt')
  })

  test('a corrupt DOCX', async () => {
    const docx = buildDocx(['Nội dung văn bản.'])
    await expectRefused(extractDocument(docx.subarray(0, docx.length - 30)), 'docx-corrupt')
  })

  test('legacy Word .doc asks to re-save as DOCX or PDF', async () => {
    const doc = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)])
    const file = path.join(dir, 'van-ban.docx')
    writeFileSync(file, doc)
    const error = await expectRefused(extractFile(file), 'legacy-office')
    expect(error.message).toMatch(/DOCX hoặc PDF/)
  })

  test('other formats ask to re-save as DOCX or PDF', async () => {
    const xlsx = buildZip([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }])
    expect((await expectRefused(extractDocument(xlsx), 'unsupported')).message).toMatch(/Excel.*DOCX hoặc PDF/)
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)])
    expect((await expectRefused(extractDocument(png), 'unsupported')).message).toMatch(/ảnh PNG/)
    await expectRefused(extractDocument(Buffer.from('{\\rtf1\\ansi Văn bản}')), 'unsupported')
  })

  test('text in a legacy Vietnamese encoding (TCVN3) is refused, not guessed', async () => {
    const tcvn3 = Buffer.from('Céng hoµ x· héi chñ nghÜa ViÖt Nam', 'latin1')
    const error = await expectRefused(extractDocument(tcvn3), 'text-encoding')
    expect(error.message).toMatch(/UTF-8/)
  })
})
