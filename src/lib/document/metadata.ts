/**
 * Metadata proposed from the header and closing blocks, for documents whose editor left the
 * metadata empty: số hiệu, ngày ban hành, người ký and chức vụ, cơ quan ban hành, loại văn bản.
 */
import { capacityCase, readableCase } from './casing'
import type { ProposedMetadata, StructuredDocument } from './types'

/** Type abbreviations used in document numbers ("23-KH/ĐU" → Kế hoạch). QĐ is ambiguous and left out. */
const TYPE_BY_ABBREVIATION: Record<string, string> = {
  NQ: 'Nghị quyết',
  CT: 'Chỉ thị',
  KL: 'Kết luận',
  KH: 'Kế hoạch',
  HD: 'Hướng dẫn',
  TB: 'Thông báo',
  BC: 'Báo cáo',
  QC: 'Quy chế',
  CTr: 'Chương trình',
  TTr: 'Tờ trình',
  CV: 'Công văn',
  NĐ: 'Nghị định',
  TT: 'Thông tư',
}

function typeFromNumber(number: string | undefined): string | undefined {
  const abbreviation = number ? /^\d+[-/]([\p{L}]+)/u.exec(number)?.[1] : undefined
  return abbreviation ? TYPE_BY_ABBREVIATION[abbreviation] : undefined
}

/** Proposes metadata read from the document's header and closing blocks; absent fields were not found. */
export function proposeMetadata(doc: StructuredDocument): ProposedMetadata {
  const meta: ProposedMetadata = {}
  const { header, title, closing } = doc
  if (header.number) meta.number = header.number
  if (header.date) meta.issuedDate = header.date
  if (header.place) meta.place = header.place
  const issuer = header.issuers[header.issuers.length - 1]
  if (issuer) meta.issuer = readableCase(issuer)
  const type = title?.type ? readableCase(title.type) : typeFromNumber(header.number)
  if (type) meta.documentType = type
  if (title?.type && title.text) meta.subject = readableCase(title.text)
  const signature = closing.signatures.find((s) => s.name) ?? closing.signatures[0]
  if (signature?.name) meta.signer = signature.name
  if (signature?.positions.length) meta.signerPosition = readableCase(signature.positions.join(' '))
  if (signature?.capacity) meta.signingCapacity = capacityCase(signature.capacity)
  return meta
}
