/**
 * The checks of a document's own data, before anything is saved: calendar days, a well-formed số hiệu
 * that fits the loại văn bản and is not used twice by the same issuer in a year, ngày hiệu lực not
 * before ngày ban hành, and — to publish — a body or an original file.
 */
import type { CollectionBeforeValidateHook, PayloadRequest } from 'payload'
import { numberKey, parseDocumentNumber, typeCodeMismatch } from '../../src/lib/document/number'
import { refId } from '../../src/lib/member/roles'
import { calendarDay, displayDay, storedDay } from './dates'
import { invalid, type FieldError } from './publishing/errors'
import { isDraftSave } from './publishing/workflow'

const DAY_FIELDS = { issuedDate: 'Ngày ban hành', effectiveDate: 'Ngày hiệu lực' } as const

const present = (v: unknown) => v !== undefined && v !== null && v !== ''

/** True when a Lexical value holds some text. */
export function hasText(node: unknown): boolean {
  if (!node || typeof node !== 'object') return false
  const n = node as { text?: unknown; root?: unknown; children?: unknown[] }
  if (typeof n.text === 'string' && n.text.trim()) return true
  if (n.root) return hasText(n.root)
  return Array.isArray(n.children) && n.children.some(hasText)
}

async function numberTakenBy(req: PayloadRequest, key: string, selfId: unknown): Promise<{ id: string | number; title?: string } | null> {
  const holder = await req.payload.db.findOne<{ id: string | number; title?: string }>({ collection: 'documents', where: { numberKey: { equals: key } }, req })
  return holder && String(holder.id) !== String(selfId ?? '') ? holder : null
}

export const validateDocument: CollectionBeforeValidateHook = async ({ data, originalDoc, req }) => {
  if (!data) return data
  const errors: FieldError[] = []
  const merged = { ...originalDoc, ...data }

  const days: Partial<Record<keyof typeof DAY_FIELDS, string>> = {}
  for (const [field, label] of Object.entries(DAY_FIELDS) as [keyof typeof DAY_FIELDS, string][]) {
    if (!present(merged[field])) continue
    const day = calendarDay(merged[field])
    if (!day) errors.push({ path: field, message: `${label} không hợp lệ; hãy nhập theo dạng ngày/tháng/năm.` })
    else {
      days[field] = day
      if (data[field] !== undefined) data[field] = storedDay(day)
    }
  }
  if (days.issuedDate && days.effectiveDate && days.effectiveDate < days.issuedDate)
    errors.push({ path: 'effectiveDate', message: `Ngày hiệu lực (${displayDay(days.effectiveDate)}) không được trước ngày ban hành (${displayDay(days.issuedDate)}).` })

  if (present(merged.number)) {
    const parsed = parseDocumentNumber(merged.number)
    if (!parsed.ok) errors.push({ path: 'number', message: parsed.message })
    else {
      const mismatch = typeCodeMismatch(parsed.value, merged.documentType)
      if (mismatch) errors.push({ path: 'number', message: mismatch })
      const number = parsed.value
      Object.assign(data, { number: number.text, numberSeq: number.seq, typeCode: number.typeCode ?? null, issuerCode: number.issuerCode, numberYear: number.year ?? null })
      const issuerId = refId(merged.issuer)
      if (issuerId) {
        const key = numberKey(issuerId, number, days.issuedDate ? Number(days.issuedDate.slice(0, 4)) : null)
        const holder = await numberTakenBy(req, key, originalDoc?.id)
        if (holder)
          errors.push({ path: 'number', message: `Số hiệu ${number.text} đã được cơ quan ban hành này dùng cho văn bản "${holder.title ?? holder.id}" trong cùng năm.` })
        data.numberKey = key
      }
    }
  } else if (data.number !== undefined) {
    Object.assign(data, { number: null, numberSeq: null, typeCode: null, issuerCode: null, numberYear: null, numberKey: null })
  }

  const publishing = data._status === 'published' || (originalDoc?._status === 'published' && !isDraftSave(req, 'documents'))
  if (publishing && !hasText(merged.content) && !refId(merged.originalFile))
    errors.push({ path: 'content', message: 'Văn bản cần có nội dung hoặc tệp bản gốc trước khi phát hành.' })

  if (errors.length > 0) invalid(req, 'documents', errors)
  return data
}
