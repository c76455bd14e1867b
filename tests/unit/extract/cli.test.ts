/** `sotay extract`, run as a user runs it: node bin/sotay.js extract FILE [--text]. */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { buildDocx } from '../../fixtures/extract/builders'

function sotay(args: string[]) {
  const result = spawnSync(process.execPath, ['bin/sotay.js', 'extract', ...args], {
    cwd: process.cwd(),
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '--no-deprecation' },
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

const dir = mkdtempSync(path.join(tmpdir(), 'sotay-extract-'))
const docx = path.join(dir, 'ke-hoach.docx')
writeFileSync(
  docx,
  buildDocx([
    { row: [['ĐẢNG ỦY PHƯỜNG BẠCH ĐẰNG', 'Số 23-KH/ĐU'], ['ĐẢNG CỘNG SẢN VIỆT NAM', 'Bạch Đằng, ngày 06 tháng 10 năm 2025']] },
    { heading: 1, text: 'KẾ HOẠCH' },
    'tuyên truyền về sử dụng ứng dụng Sổ tay đảng viên điện tử',
    { heading: 2, text: 'I. MỤC ĐÍCH, YÊU CẦU' },
    { list: 'number', text: 'Nâng cao nhận thức của cán bộ, đảng viên về ứng dụng.' },
  ]),
)

describe('sotay extract', () => {
  test('prints the structured document, metadata and facts as JSON', () => {
    const run = sotay([docx])
    expect(run.code).toBe(0)
    const out = JSON.parse(run.stdout)
    expect(out.facts).toMatchObject({ format: 'docx', method: 'docx' })
    expect(out.metadata).toMatchObject({ number: '23-KH/ĐU', issuedDate: '2025-10-06', documentType: 'Kế hoạch' })
    expect(out.document.body[0]).toMatchObject({ kind: 'roman', label: 'I' })
  })

  test('--text prints the clean plain text', () => {
    const run = sotay(['--text', docx])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('I. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức của cán bộ, đảng viên về ứng dụng.')
  })

  test('a bad file ends with the Vietnamese message and exit code 1', () => {
    const exe = path.join(dir, 'tai-lieu.pdf')
    writeFileSync(exe, Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]))
    const run = sotay([exe])
    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(/^Lỗi \(executable\): Tệp này là chương trình Windows/)
  })

  test('a missing file', () => {
    expect(sotay([path.join(dir, 'khong-co.pdf')])).toMatchObject({ code: 1, stderr: expect.stringContaining('Không đọc được tệp') })
  })
})
