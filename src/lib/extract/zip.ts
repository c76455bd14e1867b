/**
 * Just enough of the ZIP format to vet an archive before a library inflates it: the central
 * directory (names, declared sizes) and capped inflation of chosen entries, so that a "zip bomb"
 * is refused with bounded memory whether its headers tell the truth or not.
 */
import { inflateRawSync } from 'node:zlib'

export interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  /** As declared in the central directory; a hostile archive may lie. */
  uncompressedSize: number
  localHeaderOffset: number
}

const END_OF_DIRECTORY = 0x06054b50
const CENTRAL_HEADER = 0x02014b50
const LOCAL_HEADER = 0x04034b50
const STORED = 0
const DEFLATED = 8
/** End record (22 bytes) plus the longest comment. */
const END_SEARCH = 22 + 0xffff

export class ZipFormatError extends Error {}

function view(data: Uint8Array): DataView {
  return new DataView(data.buffer, data.byteOffset, data.byteLength)
}

function findEndOfDirectory(data: Uint8Array): number {
  const dv = view(data)
  for (let at = data.length - 22; at >= Math.max(0, data.length - END_SEARCH); at--) {
    if (dv.getUint32(at, true) === END_OF_DIRECTORY) return at
  }
  throw new ZipFormatError('no end of central directory')
}

/** Entries of the central directory. ZIP64 archives (over 4 GB) are refused: no document needs one. */
export function listZip(data: Uint8Array): ZipEntry[] {
  const dv = view(data)
  const end = findEndOfDirectory(data)
  const count = dv.getUint16(end + 10, true)
  let at = dv.getUint32(end + 16, true)
  if (count === 0xffff || at === 0xffffffff) throw new ZipFormatError('ZIP64 archive')
  const decoder = new TextDecoder()
  const entries: ZipEntry[] = []
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || dv.getUint32(at, true) !== CENTRAL_HEADER) throw new ZipFormatError('bad central directory')
    const nameLength = dv.getUint16(at + 28, true)
    const extraLength = dv.getUint16(at + 30, true)
    const commentLength = dv.getUint16(at + 32, true)
    entries.push({
      name: decoder.decode(data.subarray(at + 46, at + 46 + nameLength)),
      method: dv.getUint16(at + 10, true),
      compressedSize: dv.getUint32(at + 20, true),
      uncompressedSize: dv.getUint32(at + 24, true),
      localHeaderOffset: dv.getUint32(at + 42, true),
    })
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/**
 * Inflates one entry, never producing more than `maxBytes`: returns `null` when the content is
 * larger (whatever the header says).
 */
export function inflateEntry(data: Uint8Array, entry: ZipEntry, maxBytes: number): Buffer | null {
  const dv = view(data)
  const at = entry.localHeaderOffset
  if (at + 30 > data.length || dv.getUint32(at, true) !== LOCAL_HEADER) throw new ZipFormatError('bad local header')
  const start = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true)
  const body = data.subarray(start, start + entry.compressedSize)
  if (entry.method === STORED) return body.length > maxBytes ? null : Buffer.from(body)
  if (entry.method !== DEFLATED) throw new ZipFormatError(`compression method ${entry.method}`)
  try {
    return inflateRawSync(body, { maxOutputLength: Math.max(1, maxBytes) })
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return null
    throw new ZipFormatError(`cannot inflate ${entry.name}`)
  }
}
