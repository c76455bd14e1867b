/**
 * File type by content ("magic bytes"), never by name: an executable renamed .pdf is an executable.
 */

export type DetectedType =
  | { kind: 'pdf' }
  | { kind: 'zip' }
  | { kind: 'legacy-office' }
  | { kind: 'executable'; label: string }
  | { kind: 'other'; label: string }
  | { kind: 'text' }

interface Signature {
  /** Bytes at `offset`; `null` matches any byte. */
  bytes: (number | null)[]
  offset?: number
  type: DetectedType
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0))

const SIGNATURES: Signature[] = [
  { bytes: ascii('PK\x03\x04'), type: { kind: 'zip' } },
  { bytes: ascii('PK\x05\x06'), type: { kind: 'zip' } },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], type: { kind: 'legacy-office' } },
  { bytes: ascii('MZ'), type: { kind: 'executable', label: 'chương trình Windows (.exe/.dll)' } },
  { bytes: ascii('\x7fELF'), type: { kind: 'executable', label: 'chương trình Linux (ELF)' } },
  { bytes: [0xcf, 0xfa, 0xed, 0xfe], type: { kind: 'executable', label: 'chương trình macOS' } },
  { bytes: [0xce, 0xfa, 0xed, 0xfe], type: { kind: 'executable', label: 'chương trình macOS' } },
  { bytes: [0xca, 0xfe, 0xba, 0xbe], type: { kind: 'executable', label: 'chương trình macOS/Java' } },
  { bytes: ascii('\0asm'), type: { kind: 'executable', label: 'mô-đun WebAssembly' } },
  { bytes: ascii('{\\rtf'), type: { kind: 'other', label: 'văn bản RTF' } },
  { bytes: [0x89, 0x50, 0x4e, 0x47], type: { kind: 'other', label: 'ảnh PNG' } },
  { bytes: [0xff, 0xd8, 0xff], type: { kind: 'other', label: 'ảnh JPEG' } },
  { bytes: ascii('GIF8'), type: { kind: 'other', label: 'ảnh GIF' } },
  { bytes: ascii('II*\0'), type: { kind: 'other', label: 'ảnh TIFF' } },
  { bytes: ascii('MM\0*'), type: { kind: 'other', label: 'ảnh TIFF' } },
  { bytes: [...ascii('RIFF'), null, null, null, null, ...ascii('WEBP')], type: { kind: 'other', label: 'ảnh WebP' } },
  { bytes: ascii('Rar!'), type: { kind: 'other', label: 'tệp nén RAR' } },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], type: { kind: 'other', label: 'tệp nén 7z' } },
  { bytes: [0x1f, 0x8b], type: { kind: 'other', label: 'tệp nén gzip' } },
]

/** PDF readers accept the header anywhere in the first kilobyte. */
const PDF_HEADER_WINDOW = 1024
const TEXT_SAMPLE = 8192

function matches(data: Uint8Array, signature: Signature): boolean {
  const offset = signature.offset ?? 0
  if (data.length < offset + signature.bytes.length) return false
  return signature.bytes.every((b, i) => b === null || data[offset + i] === b)
}

function hasPdfHeader(data: Uint8Array): boolean {
  const head = Buffer.from(data.buffer, data.byteOffset, Math.min(data.length, PDF_HEADER_WINDOW)).toString('latin1')
  return head.includes('%PDF-')
}

/** UTF-16 text starts with a byte order mark; other text has no NUL and few control bytes. */
function looksLikeText(data: Uint8Array): boolean {
  if ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff)) return true
  const sample = data.subarray(0, TEXT_SAMPLE)
  let control = 0
  for (const b of sample) {
    if (b === 0) return false
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) control++
  }
  return control <= sample.length * 0.01
}

/** What the bytes are. A leading signature wins over a PDF header further in (a polyglot is not a PDF). */
export function detectType(data: Uint8Array): DetectedType {
  const signature = SIGNATURES.find((s) => matches(data, s))
  if (signature) return signature.type
  if (hasPdfHeader(data)) return { kind: 'pdf' }
  if (looksLikeText(data)) return { kind: 'text' }
  return { kind: 'other', label: 'tệp nhị phân không rõ định dạng' }
}
