/**
 * The real synthesiser decides: eSpeak NG's Vietnamese voice marks every stretch it reads with another
 * language ("(en)…(vi)" in its phoneme output, -x). Normalised text must never trigger such a switch,
 * while the raw inputs do (which shows the check can fail).
 */
import { describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import ESpeakNg from 'espeak-ng'
import { ABBREVIATIONS, LOANWORDS } from '@/lib/vi/speech/dictionary'
import { spell } from '@/lib/vi/speech/letters'
import { normalizeForSpeech } from '@/lib/vi/speech/normalize'
import { UNITS } from '@/lib/vi/speech/rules/units'

const require = createRequire(import.meta.url)
const wasmPath = path.join(path.dirname(require.resolve('espeak-ng/package.json')), 'dist', 'espeak-ng.wasm')
let compiled: Promise<WebAssembly.Module> | undefined

/** eSpeak NG's phoneme transcription of `text` with the Vietnamese voice. */
async function phonemes(text: string): Promise<string> {
  compiled ??= readFile(wasmPath).then((bytes) => WebAssembly.compile(bytes))
  const module = await compiled
  // Start-up raises many expected file-system errors; building their stack traces doubles its cost.
  const stackTraceLimit = Error.stackTraceLimit
  const instance = (await ESpeakNg({
    arguments: ['-q', '-b', '1', '-x', '--phonout', 'out', '-v', 'vi', text],
    print: () => {},
    printErr: () => {},
    preRun: [() => void (Error.stackTraceLimit = 0)],
    postRun: [() => void (Error.stackTraceLimit = stackTraceLimit)],
    instantiateWasm: (imports, receive) => {
      void WebAssembly.instantiate(module, imports).then(receive)
      return {}
    },
  })) as { FS: { readFile: (file: string, options: { encoding: 'utf8' }) => string } }
  return instance.FS.readFile('out', { encoding: 'utf8' })
}

/** Stretches read in another language, over texts batched into calls of moderate length. */
async function foreignStretches(texts: string[]): Promise<string[]> {
  const batches: string[] = []
  for (const text of texts) {
    const last = batches.length - 1
    if (last >= 0 && batches[last].length + text.length < 3000) batches[last] += `\n${text}`
    else batches.push(text)
  }
  const found: string[] = []
  for (const batch of batches) found.push(...((await phonemes(batch)).match(/\([a-z-]+\)[^(]*\(vi\)/g) ?? []))
  return found
}

const INPUTS = [
  'Quy định số 339-QĐ/TW ngày 10/7/2025 của Ban Bí thư về Sổ tay đảng viên điện tử (STĐVĐT).',
  'HĐND, UBND và UBMTTQVN phường; BCH TW khóa XIII; BTGDVTW; CNH, HĐH; KT-XH; CT-XH.',
  'Truy cập https://sotaydangvien.dangcongsan.vn hoặc gửi email về vanphong@example.vn.',
  'Tải ứng dụng trên App Store, Google Play; đăng nhập bằng tài khoản Zalo, Facebook.',
  'Dịch COVID-19, virus H5N1, mạng 5G, chỉ số GDP, CPI, FDI, ODA; chuẩn ISO 9001:2015.',
  'Đồng chí V.I. Lênin, C.Mác và Ph.Ăngghen; Ph.D. Nguyễn Văn A.',
  'Nhiệt độ 25°C, gió 10 km/h, diện tích 120 m², giá 50.000đ, 20 USD, 5 kg.',
  'Liên hệ 0912 345 678, +84 24 3822 1234, hotline 1900 1234, fax (024) 3822 5678.',
  'Xem Phụ lục B, nhóm C; đạt loại A; chương trình online; file PDF; video clip; website.',
  'I love Vietnam. Hello world! The quick brown fox.',
]

describe('eSpeak NG reads normalised text in Vietnamese only', () => {
  it('switches language on the raw inputs (the check can fail)', async () => {
    expect((await foreignStretches(INPUTS)).length).toBeGreaterThan(10)
  })

  it('never switches language on normalised text', async () => {
    const outputs = INPUTS.map((input) => normalizeForSpeech(input))
    expect(await foreignStretches(outputs)).toEqual([])
  })

  it('never switches language on the dictionary readings and letter names', async () => {
    const readings = [...Object.values(ABBREVIATIONS), ...Object.values(LOANWORDS), ...Object.values(UNITS)]
    const letters = spell('abcdefghijklmnopqrstuvwxyzđăâêôơư')
    expect(await foreignStretches([...readings.map((r) => `${r}.`), letters])).toEqual([])
  })
})
