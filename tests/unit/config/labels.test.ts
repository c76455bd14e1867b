/** Every collection and every field an editor can see carries a Vietnamese label. */
import type { Field } from 'payload'
import { collections } from '../../../collections'

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i

type Named = { name: string; label?: unknown; hidden?: boolean; fields?: Field[]; type: string }

function visibleFields(fields: Field[], prefix = ''): { path: string; label: unknown }[] {
  const out: { path: string; label: unknown }[] = []
  for (const field of fields as unknown as Named[]) {
    if ('name' in field && field.name) {
      if (!field.hidden && field.type !== 'ui') out.push({ path: prefix + field.name, label: field.label })
      if (field.fields) out.push(...visibleFields(field.fields, `${prefix}${field.name}.`))
    } else if (field.fields) out.push(...visibleFields(field.fields, prefix)) // rows, collapsibles
  }
  return out
}

describe.each(collections.map((c) => [c.slug, c] as const))('%s', (_slug, collection) => {
  it('has Vietnamese singular and plural labels', () => {
    expect(String(collection.labels?.singular)).toMatch(VIETNAMESE)
    expect(String(collection.labels?.plural)).toMatch(VIETNAMESE)
  })
  it('labels every visible field in Vietnamese', () => {
    const unlabelled = visibleFields(collection.fields).filter((f) => typeof f.label !== 'string' || !VIETNAMESE.test(f.label))
    expect(unlabelled.map((f) => f.path)).toEqual([])
  })
})
