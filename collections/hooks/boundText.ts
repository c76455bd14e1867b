/**
 * Text people type is bounded, field by field, on every save — drafts included (their validation is off,
 * so Payload's own maxLength does not run for them):
 *
 * - text and textarea fields: no longer than their `maxLength`, and no invisible control or
 *   bidirectional-override characters (src/lib/vi/safeText; a textarea may hold tabs and line breaks);
 * - rich text: at most {@link MAX_RICH_TEXT_DEPTH} levels of nesting and {@link MAX_RICH_TEXT_CHARS}
 *   characters once serialised. Measured without recursion: Payload's own walk over the nodes is recursive
 *   and a body nested ten thousand levels deep would overflow the stack (an HTTP 500).
 *
 * Run before the operation (before Payload's field hooks walk the data) and before the access rules; the
 * check reads only what the caller sent, so it reveals nothing about stored content. A 400 naming each field.
 */
import { ValidationError, type CollectionBeforeOperationHook, type FlattenedField } from 'payload'
import { unsafeTextProblem } from '../../src/lib/vi/safeText'

/** Nesting a real document never reaches (lists in lists, quotes, tables): 10 levels are already rare. */
export const MAX_RICH_TEXT_DEPTH = 64
/** The serialised body of a very long document (a whole statute is ~1 MB of Lexical JSON). */
export const MAX_RICH_TEXT_CHARS = 4_000_000

type FieldError = { path: string; message: string }

const labelOf = (field: FlattenedField) => {
  const label = (field as { label?: unknown }).label
  return typeof label === 'string' ? label : field.name
}

/** The nesting depth of a JSON value, counted without recursion; stops as soon as it exceeds `limit`. */
export function depthExceeds(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    if (node === null || typeof node !== 'object') continue
    if (depth > limit) return true
    for (const child of Array.isArray(node) ? node : Object.values(node)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1])
  }
  return false
}

function richTextProblem(value: unknown, label: string): string | null {
  if (value === null || typeof value !== 'object') return null
  // Each Lexical level is a node object and its `children` array: two JSON levels per level of the text.
  if (depthExceeds(value, MAX_RICH_TEXT_DEPTH * 2)) return `${label} lồng nhau quá sâu (quá ${MAX_RICH_TEXT_DEPTH} cấp danh sách, trích dẫn…): hãy trình bày phẳng hơn.`
  if (JSON.stringify(value).length > MAX_RICH_TEXT_CHARS) return `${label} quá dài: hãy tách thành nhiều văn bản hoặc đính kèm tệp bản gốc.`
  return null
}

function check(fields: FlattenedField[], data: Record<string, unknown>, prefix: string, errors: FieldError[]): void {
  for (const field of fields) {
    if (!('name' in field)) continue
    const value = data[field.name]
    if (value === undefined || value === null) continue
    const path = prefix + field.name
    const label = labelOf(field)
    if ((field.type === 'text' || field.type === 'textarea') && typeof value === 'string') {
      const max = field.maxLength
      const problem =
        unsafeTextProblem(value, label, { multiline: field.type === 'textarea' }) ??
        (max && value.length > max ? `${label} quá dài: tối đa ${max} ký tự (đang có ${value.length}).` : null)
      if (problem) errors.push({ path, message: problem })
    } else if (field.type === 'richText') {
      const problem = richTextProblem(value, label)
      if (problem) errors.push({ path, message: problem })
    } else if (field.type === 'array' && Array.isArray(value)) {
      value.forEach((row, i) => row && typeof row === 'object' && check(field.flattenedFields, row as Record<string, unknown>, `${path}.${i}.`, errors))
    } else if (field.type === 'group' && typeof value === 'object') {
      check(field.flattenedFields, value as Record<string, unknown>, `${path}.`, errors)
    }
  }
}

/** The beforeOperation hook of collections whose text people fill in. */
export const boundText: CollectionBeforeOperationHook = ({ args, operation, collection, req }) => {
  const data = (args as { data?: unknown }).data
  if ((operation !== 'create' && operation !== 'update') || !data || typeof data !== 'object') return args
  const errors: FieldError[] = []
  for (const one of Array.isArray(data) ? data : [data]) if (one && typeof one === 'object') check(collection.flattenedFields, one as Record<string, unknown>, '', errors)
  if (errors.length > 0) throw new ValidationError({ collection: collection.slug, errors }, req.t)
  return args
}
