/**
 * The files the platform accepts, recognised by their content (not by the name or the type the browser
 * claims), with a size limit per kind. Pure: no Payload.
 */

export type FileKind = 'tai-lieu' | 'hinh-anh'

export type FileType = { mime: string; extensions: string[]; kind: FileKind; label: string }

export const FILE_TYPES: FileType[] = [
  { mime: 'application/pdf', extensions: ['pdf'], kind: 'tai-lieu', label: 'PDF' },
  {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    kind: 'tai-lieu',
    label: 'Word (DOCX)',
  },
  { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'], kind: 'hinh-anh', label: 'JPEG' },
  { mime: 'image/png', extensions: ['png'], kind: 'hinh-anh', label: 'PNG' },
  { mime: 'image/webp', extensions: ['webp'], kind: 'hinh-anh', label: 'WebP' },
]

const MB = 1024 * 1024
/**
 * Size limits per kind: a scanned original of tens of pages fits in 15 MB; a cover image never needs more
 * than 5 MB. Both stay below the 20 MB at which Payload stops reading an upload (its `upload.limits`).
 */
export const SIZE_LIMITS: Record<FileKind, number> = { 'tai-lieu': 15 * MB, 'hinh-anh': 5 * MB }
export const KIND_LABELS: Record<FileKind, string> = { 'tai-lieu': 'tài liệu (PDF, Word)', 'hinh-anh': 'hình ảnh' }

export const mimeTypesOf = (kind: FileKind): string[] => FILE_TYPES.filter((t) => t.kind === kind).map((t) => t.mime)
export const kindOfMime = (mime: string | null | undefined): FileKind | undefined => FILE_TYPES.find((t) => t.mime === mime)?.kind

const startsWith = (data: Uint8Array, bytes: number[], offset = 0) => bytes.every((b, i) => data[offset + i] === b)
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0))

/** A DOCX is a ZIP package holding word/document.xml; its entry names are stored uncompressed. */
function isDocx(data: Uint8Array): boolean {
  if (!startsWith(data, [0x50, 0x4b, 0x03, 0x04])) return false
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).includes('word/document.xml')
}

/** The type of `data` recognised from its first bytes, or undefined when it is none of FILE_TYPES. */
export function sniff(data: Uint8Array): FileType | undefined {
  const byMime = (mime: string) => FILE_TYPES.find((t) => t.mime === mime)
  if (startsWith(data, ascii('%PDF-'))) return byMime('application/pdf')
  if (startsWith(data, [0xff, 0xd8, 0xff])) return byMime('image/jpeg')
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return byMime('image/png')
  if (startsWith(data, ascii('RIFF')) && startsWith(data, ascii('WEBP'), 8)) return byMime('image/webp')
  if (isDocx(data)) return byMime('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  return undefined
}

const megabytes = (bytes: number) => `${(bytes / MB).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`
const extensionOf = (name: string) => (/\.([^.]+)$/.exec(name)?.[1] ?? '').toLowerCase()

export type FileCheck = { ok: true; type: FileType } | { ok: false; message: string }

/** Checks an upload: a known type by content, a matching extension, within the size limit of its kind. */
export function checkUpload(file: { name: string; data: Uint8Array; size?: number }): FileCheck {
  const size = file.size ?? file.data.byteLength
  if (size === 0) return { ok: false, message: `Tệp "${file.name}" rỗng.` }
  const type = sniff(file.data)
  const accepted = FILE_TYPES.map((t) => t.label).join(', ')
  if (!type) return { ok: false, message: `Tệp "${file.name}" không thuộc loại được hỗ trợ. Chỉ nhận ${accepted}.` }
  if (!type.extensions.includes(extensionOf(file.name)))
    return { ok: false, message: `Tệp "${file.name}" có nội dung ${type.label} nhưng phần mở rộng không khớp; hãy đổi tên thành .${type.extensions[0]}.` }
  const limit = SIZE_LIMITS[type.kind]
  if (size > limit)
    return { ok: false, message: `Tệp "${file.name}" (${megabytes(size)}) vượt quá dung lượng cho phép đối với ${KIND_LABELS[type.kind]}: tối đa ${megabytes(limit)}.` }
  return { ok: true, type }
}
