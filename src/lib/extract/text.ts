/**
 * Bytes of a text or HTML file → string. UTF-8 (with or without BOM) and UTF-16 with a BOM are read;
 * anything else (TCVN3, VNI, Windows-1258 — legacy Vietnamese encodings) is refused with advice,
 * since guessing would put wrong letters into a legal text.
 */
import { ExtractError } from './errors'

function decoderFor(data: Uint8Array): { encoding: string; skip: number } {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return { encoding: 'utf-8', skip: 3 }
  if (data[0] === 0xff && data[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 }
  if (data[0] === 0xfe && data[1] === 0xff) return { encoding: 'utf-16be', skip: 2 }
  return { encoding: 'utf-8', skip: 0 }
}

export function decodeText(data: Uint8Array): string {
  const { encoding, skip } = decoderFor(data)
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(data.subarray(skip))
  } catch (err) {
    throw new ExtractError(
      'text-encoding',
      'Tệp văn bản không dùng bảng mã Unicode (UTF-8), có thể là bảng mã cũ TCVN3 hoặc VNI. Hãy mở tệp, chuyển sang Unicode (ví dụ bằng Unikey) và lưu lại với bảng mã UTF-8, hoặc lưu dưới dạng DOCX hay PDF.',
      { cause: err },
    )
  }
}
