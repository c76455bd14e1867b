import { ValidationError, type CollectionBeforeValidateHook } from 'payload'
import { checkPronunciation } from '../../../src/lib/vi/speech'

/** Tidies the term and reading and refuses, in Vietnamese, what the synthesiser would misread; one entry per term. */
export const checkEntry: CollectionBeforeValidateHook = async ({ data, originalDoc, req }) => {
  if (!data) return data
  const term = data.term !== undefined ? data.term : originalDoc?.term
  const reading = data.reading !== undefined ? data.reading : originalDoc?.reading
  const checked = checkPronunciation(term, reading)
  if (!checked.ok) throw new ValidationError({ collection: 'pronunciations', errors: [{ path: checked.field, message: checked.message }] }, req.t)
  const holder = await req.payload.db.findOne<{ id: string | number }>({ collection: 'pronunciations', where: { term: { equals: checked.term } }, req })
  if (holder && String(holder.id) !== String(originalDoc?.id ?? ''))
    throw new ValidationError({ collection: 'pronunciations', errors: [{ path: 'term', message: `Từ điển đã có cách đọc cho "${checked.term}": hãy sửa mục đó.` }] }, req.t)
  return { ...data, term: checked.term, reading: checked.reading }
}
