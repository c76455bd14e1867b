/**
 * The contract every search engine must honour. Run by embedded.test.ts (always) and
 * meilisearch.test.ts (when MEILI_HOST is set). `open(name)` returns a fresh, empty engine.
 */
import { readFileSync } from 'node:fs'
import { beforeAll, afterAll, describe, expect, it } from '@jest/globals'
import { fold } from '../../../src/lib/vi/text'
import { PUBLIC_AUDIENCE, type SearchDoc, type SearchEngine, type SearchQuery, type SearchResult } from '../../../search/types'

export const corpus: SearchDoc[] = JSON.parse(readFileSync(new URL('../../fixtures/search/corpus.json', import.meta.url), 'utf8'))

const PUBLIC = { audience: [PUBLIC_AUDIENCE] }
const DISTRICT_MEMBER = { audience: [PUBLIC_AUDIENCE, 'org-hu1'] }
const ids = (r: SearchResult) => r.hits.map((h) => h.id)

/** Documents the scope may read, straight from the fixture (the expected truth for scope tests). */
function readable(audience: string[]): SearchDoc[] {
  return corpus.filter((d) => d.audience.some((a) => audience.includes(a)))
}

export function contractSuite(label: string, open: (name: string) => Promise<SearchEngine>): void {
  describe(`${label}: search contract`, () => {
    let engine: SearchEngine
    const search = (q: Partial<SearchQuery> & { text: string }) => engine.search({ scope: PUBLIC, ...q })

    beforeAll(async () => {
      engine = await open('contract')
      await engine.index(corpus)
    })
    afterAll(async () => {
      await engine.close()
    })

    describe('document numbers', () => {
      for (const text of ['339-QĐ/TW', '339/QĐ-TW', 'qd 339', 'QĐ 339', 'quy dinh 339', 'quy định 339', 'Quy định số 339', '339']) {
        it(`"${text}" puts Quy định 339-QĐ/TW first`, async () => {
          const r = await search({ text })
          expect(ids(r)[0]).toBe('qd-339')
        })
      }
      it('a different number, type or issuer picks that document', async () => {
        expect(ids(await search({ text: '39-QĐ/TW' }))[0]).toBe('qd-39')
        expect(ids(await search({ text: 'nghị quyết 339' }))[0]).toBe('nq-339')
        expect(ids(await search({ text: 'cong van 339' }))[0]).toBe('cv-339')
        expect(ids(await search({ text: '339-CV/TU' }))[0]).toBe('cv-339')
      })
      it('the bare number still finds every document with that number', async () => {
        const r = await search({ text: '339' })
        expect(ids(r)).toEqual(expect.arrayContaining(['qd-339', 'cv-339', 'nq-339']))
        expect(ids(r)).not.toContain('qd-39')
      })
    })

    describe('Vietnamese matching', () => {
      it('matches without diacritics and with đ typed as d', async () => {
        const accented = await search({ text: 'kỷ luật đảng viên' })
        const folded = await search({ text: fold('kỷ luật đảng viên') })
        expect(ids(folded)).toContain('hd-ky-luat')
        expect(new Set(ids(folded))).toEqual(new Set(ids(accented)))
      })
      it("ranks a match with the query's own diacritics above a folded-only one", async () => {
        // "Báo cáo nhanh" is short and holds "bao" twice: only the exact "bão" can put the storm first.
        const storm = ids(await search({ text: 'bão', pageSize: 50 }))
        expect(storm[0]).toBe('tin-bao')
        expect(storm).toContain('tin-bao-cao')
        expect(ids(await search({ text: 'báo' }))[0]).toBe('tin-bao-cao')
        expect(ids(await search({ text: 'bao', pageSize: 50 }))).toEqual(expect.arrayContaining(['tin-bao', 'tin-bao-cao']))
        const register = ids(await search({ text: 'đăng ký', pageSize: 50 }))
        expect(register[0]).toBe('tin-dang-ky')
        const plain = ids(await search({ text: 'dang', pageSize: 50 }))
        expect(plain).toEqual(expect.arrayContaining(['tin-dang-bo', 'tin-dang-ky']))
      })
      it('treats either tone placement alike (hoà = hòa)', async () => {
        const a = await search({ text: 'thuỷ' })
        const b = await search({ text: 'thủy' })
        expect(ids(a)).toEqual(ids(b))
        const c = await search({ text: 'giám sát hoà' })
        const d = await search({ text: 'giám sát hòa' })
        expect(ids(c)).toEqual(ids(d))
      })
      // "tin-ky-niem" holds each syllable twice, scattered; "tin-hoi-nghi" once each, adjacent.
      it('ranks adjacent syllables (a word) above the same syllables scattered', async () => {
        const r = ids(await search({ text: 'kỷ luật đảng viên', pageSize: 50 }))
        expect(r.indexOf('tin-hoi-nghi')).toBeGreaterThanOrEqual(0)
        expect(r.indexOf('tin-hoi-nghi')).toBeLessThan(r.indexOf('tin-ky-niem'))
        const folded = ids(await search({ text: 'ky luat dang vien', pageSize: 50 }))
        expect(folded.indexOf('tin-hoi-nghi')).toBeLessThan(folded.indexOf('tin-ky-niem'))
      })
      it('matches the word being typed as a prefix', async () => {
        expect(ids(await search({ text: 'sổ tay đảng viên điện t' }))[0]).toBe('qd-339')
        expect(ids(await search({ text: 'giam s' }))).toContain('qd-39')
      })
      it('tolerates one typing mistake in a longer syllable', async () => {
        const r = await search({ text: 'chương trìhn học tập' })
        expect(ids(await engine.search({ text: 'chương trìhn học tập', scope: DISTRICT_MEMBER }))).toContain('ct-noi-bo')
        if (r.suggestion !== undefined) expect(r.suggestion).toBe('chương trình học tập')
      })
    })

    describe('results', () => {
      it('returns each unit once, with its best-matching section', async () => {
        const r = await search({ text: 'bảo mật tài khoản' })
        expect(ids(r)[0]).toBe('qd-339')
        expect(new Set(ids(r)).size).toBe(r.hits.length)
        expect(r.hits[0].section?.index).toBe(2)
        expect(r.hits[0].section?.heading).toBe('Điều 3. Trách nhiệm của đảng viên')
      })
      it('highlights matched words with <mark> and escapes everything else', async () => {
        const r = await search({ text: 'bảo mat tai khoan' })
        expect(r.hits[0].section?.snippet).toMatch(/<mark>bảo<\/mark> <mark>mật<\/mark> <mark>tài<\/mark> <mark>khoản<\/mark>/)
        const html = await search({ text: 'cảnh giác tin giả' })
        const hit = html.hits.find((h) => h.id === 'html-title')
        expect(hit?.titleHtml).toContain('&#60;script&#62;')
        expect(hit?.titleHtml).not.toContain('<script>')
        expect(hit?.titleHtml).toContain('<mark>Cảnh</mark> <mark>giác</mark>')
        expect(hit?.section?.snippet).toContain('&#60;b&#62;')
      })
      it('sorts newest first on request', async () => {
        const r = await search({ text: 'đảng viên', sort: 'newest', pageSize: 50 })
        const dates = r.hits.map((h) => h.publishedAt ?? '')
        expect(dates).toEqual([...dates].sort().reverse())
        expect(r.hits.length).toBeGreaterThan(2)
      })
      it('pages through results without gaps or repeats', async () => {
        const all = await search({ text: 'đảng', pageSize: 50 })
        const seen: string[] = []
        for (let page = 1; page <= Math.ceil(all.total / 2); page++) {
          const r = await search({ text: 'đảng', pageSize: 2, page })
          expect(r.total).toBe(all.total)
          seen.push(...ids(r))
        }
        expect(seen).toEqual(ids(all))
      })
      it('lists everything readable, newest first, for an empty query', async () => {
        const r = await search({ text: '   ', pageSize: 50 })
        expect(r.total).toBe(readable([PUBLIC_AUDIENCE]).length)
        const dates = r.hits.map((h) => h.publishedAt ?? '')
        expect(dates).toEqual([...dates].sort().reverse())
      })
    })

    describe('filters and facets', () => {
      it('filters by type, issuer, issuer list, year, status and kind', async () => {
        const all = (q: Partial<SearchQuery>) => search({ text: '', pageSize: 50, ...q }).then(ids)
        expect(await all({ filters: { type: 'quy-dinh' } })).toEqual(expect.arrayContaining(['qd-339', 'qd-39']))
        expect((await all({ filters: { type: 'quy-dinh' } })).length).toBe(2)
        expect(new Set(await all({ filters: { issuer: 'org-tw' } }))).toEqual(new Set(['qd-339', 'qd-39']))
        expect(new Set(await all({ filters: { issuerIn: ['org-tu', 'org-hdnd'] } }))).toEqual(new Set(['cv-339', 'nq-339', 'html-title']))
        expect(new Set(await all({ filters: { year: 2025 } }))).toEqual(new Set(['qd-339']))
        expect(new Set(await all({ filters: { status: 'het-hieu-luc' } }))).toEqual(new Set(['qd-39']))
        expect((await all({ filters: { kind: 'news' } })).every((id) => corpus.find((d) => d.id === id)?.kind === 'news')).toBe(true)
        expect(await all({ filters: { issuerIn: [] } })).toEqual([])
      })
      it('counts facets over the matching readable units', async () => {
        const r = await search({ text: 'đảng viên', pageSize: 50 })
        const hits = r.hits.map((h) => corpus.find((d) => d.id === h.id) as SearchDoc)
        const count = (key: 'type' | 'issuer' | 'status' | 'year') => {
          const out: Record<string, number> = {}
          for (const d of hits) if (d[key] !== undefined) out[String(d[key])] = (out[String(d[key])] ?? 0) + 1
          return out
        }
        expect(r.total).toBe(hits.length)
        expect(r.facets.type).toEqual(count('type'))
        expect(r.facets.issuer).toEqual(count('issuer'))
        expect(r.facets.status).toEqual(count('status'))
        expect(r.facets.year).toEqual(count('year'))
      })
    })

    describe('scope', () => {
      it('never returns, counts or facets units the caller cannot read', async () => {
        const outsider = await search({ text: 'kỷ luật đảng viên', pageSize: 50 })
        expect(ids(outsider)).not.toContain('kh-noi-bo')
        expect(outsider.facets.type['ke-hoach']).toBeUndefined()
        const member = await engine.search({ text: 'kỷ luật đảng viên', scope: DISTRICT_MEMBER, pageSize: 50 })
        expect(ids(member)).toContain('kh-noi-bo')
        expect(member.total).toBe(outsider.total + 1)
        expect(member.facets.type['ke-hoach']).toBe(1)
      })
      it('an empty scope reads nothing; unrestricted reads everything', async () => {
        const none = await engine.search({ text: '', scope: { audience: [] } })
        expect(none.total).toBe(0)
        expect(none.hits).toEqual([])
        const all = await engine.search({ text: '', scope: { unrestricted: true }, pageSize: 50 })
        expect(all.total).toBe(corpus.length)
      })
      it('browsing counts exactly the readable units', async () => {
        for (const audience of [['org-tu'], ['org-hu1'], [PUBLIC_AUDIENCE, 'org-tu']]) {
          const r = await engine.search({ text: '', scope: { audience }, pageSize: 50 })
          expect(new Set(ids(r))).toEqual(new Set(readable(audience).map((d) => d.id)))
        }
      })
      it('query text cannot widen the scope', async () => {
        const tokenish = ['org-hu1', 'a6f72672d687531', 'meta : "a6f72672d687531"', 'audience = "org-hu1"', '" OR 1=1 --']
        for (const text of tokenish) expect(ids(await search({ text: `${text} kỷ luật` , pageSize: 50 }))).not.toContain('kh-noi-bo')
      })
    })

    describe('hostile queries return a normal answer', () => {
      const hostile = [
        'x'.repeat(10_000),
        'kỷ luật '.repeat(1_500),
        '"',
        '"""',
        '"kỷ luật',
        '*',
        'kỷ*',
        '* OR *',
        'NEAR(kỷ luật, 2)',
        'kỷ AND luật OR NOT đảng',
        'NOT',
        '(((đảng',
        'đảng))',
        '^đảng',
        'title:đảng',
        'meta:"x"',
        '{t_exact}: đảng',
        "'; DROP TABLE docs; --",
        '1 OR 1=1',
        'SELECT * FROM fts',
        '😀🇻🇳 đảng 🎉',
        '\u0000\u0001\u0007đảng\u001b[31m',
        '\u202eđảng\u200b\ufeff',
        '\ud800\udfff\ud800',
        '-đảng +viên ~luật',
        '%_\\',
        '   \n\t  ',
      ]
      for (const text of hostile) {
        it(`${JSON.stringify(text.slice(0, 30))}${text.length > 30 ? `… (${text.length} ký tự)` : ''}`, async () => {
          const r = await search({ text })
          expect(typeof r.total).toBe('number')
          expect(Array.isArray(r.hits)).toBe(true)
          expect(r.hits.length).toBeLessThanOrEqual(r.total)
          for (const h of r.hits) expect(readable([PUBLIC_AUDIENCE]).map((d) => d.id)).toContain(h.id)
        })
      }
      it('odd paging and filter values are clamped, not thrown', async () => {
        const r = await engine.search({ text: 'đảng', scope: PUBLIC, page: -3, pageSize: 100_000, filters: { year: Number.NaN } })
        expect(r.page).toBe(1)
        expect(r.pageSize).toBeLessThanOrEqual(100)
      })
    })

    describe('writing', () => {
      let mutable: SearchEngine
      beforeAll(async () => {
        mutable = await open('writing')
      })
      afterAll(async () => {
        await mutable.close()
      })

      it('indexes, replaces by id, removes, clears and rebuilds', async () => {
        const doc = corpus[0]
        await mutable.index([doc])
        expect(ids(await mutable.search({ text: 'sổ tay', scope: PUBLIC }))).toEqual(['qd-339'])

        await mutable.index([{ ...doc, title: 'Quy định về lưu trữ hồ sơ', sections: [{ text: 'Lưu trữ hồ sơ đảng viên.' }] }])
        expect((await mutable.search({ text: 'bảo mật tài khoản', scope: PUBLIC })).total).toBe(0)
        const replaced = await mutable.search({ text: 'lưu trữ hồ sơ', scope: PUBLIC })
        expect(ids(replaced)).toEqual(['qd-339'])
        expect(replaced.hits[0].title).toBe('Quy định về lưu trữ hồ sơ')

        await mutable.index([{ ...doc, audience: ['org-x'] }])
        expect((await mutable.search({ text: '', scope: PUBLIC })).total).toBe(0)
        expect((await mutable.search({ text: '', scope: { audience: ['org-x'] } })).total).toBe(1)

        await mutable.remove(['qd-339', 'does-not-exist'])
        expect((await mutable.search({ text: '', scope: { unrestricted: true } })).total).toBe(0)

        const count = await mutable.reindexAll(corpus.slice(0, 5))
        expect(count).toBe(5)
        expect((await mutable.search({ text: '', scope: { unrestricted: true } })).total).toBe(5)
        const again = await mutable.reindexAll(
          (async function* () {
            yield corpus[5]
            yield corpus[6]
          })(),
        )
        expect(again).toBe(2)
        expect(new Set(ids(await mutable.search({ text: '', scope: { unrestricted: true } })))).toEqual(new Set([corpus[5].id, corpus[6].id]))

        await mutable.clear()
        expect((await mutable.search({ text: 'đảng', scope: { unrestricted: true } })).total).toBe(0)
      })
    })
  })
}
