/**
 * The search contract against a real Meilisearch server. Runs only when MEILI_HOST is set (with
 * MEILI_API_KEY if the server needs one); each run works in its own throw-away indexes.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { Meilisearch } from 'meilisearch'
import { planQuery } from '../../../search/analysis'
import { MeiliSearchEngine, meiliQuery, meiliSettings } from '../../../search/meilisearch'
import { contractSuite } from './contract'

const host = process.env.MEILI_HOST?.trim()
const apiKey = process.env.MEILI_API_KEY || undefined

describe('Meilisearch query and settings (no server needed)', () => {
  it('rebuilds the query from syllables, Telex spellings and number tokens only', () => {
    const q = meiliQuery(planQuery('"quy định" -339/QĐ-TW OR *'))
    expect(q).not.toMatch(/["*\-/]/)
    expect(q.split(' ')).toEqual(expect.arrayContaining(['n339cqdotw', 'n339cqd', 'n339', 'quy', 'định', 'ddinhj', 'qdd']))
    expect(q.endsWith('or')).toBe(true) // the typed words come last, for prefix matching
  })
  it('manages filterable, sortable and searchable attributes, distinct unit and synonyms', () => {
    const s = meiliSettings()
    expect(s.filterableAttributes).toEqual(expect.arrayContaining(['audience', 'type', 'issuer', 'year', 'status', 'kind', 'doc']))
    expect(s.distinctAttribute).toBe('doc')
    expect(s.sortableAttributes).toContain('publishedTs')
    expect(s.synonyms?.qd).toEqual(['quy dinh', 'quyet dinh'])
  })
})

if (host) {
  const run = `sotay_test_${Date.now().toString(36)}`
  const used: string[] = []
  contractSuite('Meilisearch', async (name) => {
    const index = `${run}_${name}`
    used.push(index, `${index}_next`)
    return MeiliSearchEngine.open({ host, apiKey, index })
  })
  afterAll(async () => {
    const client = new Meilisearch({ host, apiKey })
    for (const uid of used) await client.deleteIndexIfExists(uid)
  })
} else {
  describe.skip('Meilisearch contract — skipped: set MEILI_HOST (and MEILI_API_KEY) to run it against a server', () => {
    it('runs the shared contract suite', () => {})
  })
}
