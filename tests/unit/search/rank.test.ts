/**
 * The ranking extension (search/rank): sotay_bm25 given the phrases' row counts scores every row exactly
 * as FTS5's bm25() does, and the engine answers the same with and without it — on an index that has seen
 * updates and deletions. `npm install` builds the extension where a C compiler and SQLite's headers exist;
 * CI installs them, so there these tests run (elsewhere, without a compiler, they are skipped).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import Database from 'libsql'
import { EmbeddedSearchEngine } from '../../../search/embedded'
import { phrasesIn } from '../../../search/fts-query'
import { RANK_EXTENSION } from '../../../search/rank'
import { PUBLIC_AUDIENCE, type SearchDoc, type SearchQuery } from '../../../search/types'
import { corpus } from './contract'

const built = existsSync(RANK_EXTENSION)

it('the extension is built wherever CI runs', () => {
  if (process.env.CI) expect(built).toBe(true)
})

const suite = built ? describe : describe.skip

suite('sotay_bm25 against bm25()', () => {
  let dir: string
  let file: string
  let engine: EmbeddedSearchEngine

  /** Units beyond the contract corpus: shared words, titles repeated in bodies, several sections. */
  const extra: SearchDoc[] = Array.from({ length: 40 }, (_, i) => ({
    id: `them-${i}`,
    kind: i % 3 ? 'document' : 'news',
    title: `${['Kế hoạch', 'Hướng dẫn', 'Nghị quyết'][i % 3]} về bảo vệ môi trường và kỷ luật đảng viên số ${i}`,
    number: `${100 + i}-KH/TU`,
    type: ['ke-hoach', 'huong-dan', 'nghi-quyet'][i % 3],
    year: 2015 + (i % 10),
    audience: i % 2 ? [PUBLIC_AUDIENCE] : [PUBLIC_AUDIENCE, 'm:7'],
    sections: Array.from({ length: 1 + (i % 4) }, (_, k) => ({
      heading: `Điều ${k + 1}`,
      text: `Về việc bảo vệ môi trường ${'và giữ gìn kỷ luật '.repeat(k + 1)}trong chi bộ ${i}; đảng viên học tập nghị quyết ${k}.`,
    })),
  }))

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'sotay-rank-'))
    file = path.join(dir, 'search.db')
    engine = await EmbeddedSearchEngine.open({ path: file, resultCache: 0 })
    await engine.index([...corpus, ...extra])
    // Updates and deletions leave their marks in FTS5's segments: the counts must still agree.
    await engine.index(extra.slice(0, 10).map((d) => ({ ...d, title: `${d.title} (sửa đổi)` })))
    await engine.remove(extra.slice(30).map((d) => d.id))
  })
  afterAll(async () => {
    await engine.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const WEIGHTS = '2.5, 1.5, 1.5, 1, 1, 1, 0'
  const META = 'meta : ("a7075626c6963" OR "a6d3a37")'
  const EXPRESSIONS = [
    `({t_exact b_exact} : "bảo" OR {t_fold b_fold} : "bao" OR {t_pair b_pair} : "_bao_ve") AND ({t_exact b_exact} : "vệ" OR {t_fold b_fold} : "ve" OR {t_pair b_pair} : "_ve_moi") AND ({t_fold b_fold} : "moi")`,
    `{t_fold b_fold} : "ky" OR {t_fold b_fold} : "luat" OR {t_pair b_pair} : "_ky_luat" OR {t_fold b_fold} : "dang"`,
    `({t_fold b_fold} : "nghi") AND ({t_fold b_fold} : "qu" * OR {t_pair b_pair} : "_nghi_qu" *)`,
    `{t_fold b_fold} : "dang" AND {t_fold b_fold} : "vien"`,
  ]

  it('scores every row as bm25() does, from the counts of the term dictionary or counting itself', () => {
    const db = new Database(file)
    try {
      db.loadExtension(RANK_EXTENSION)
      const count = db.prepare('SELECT doc FROM fts_vocab WHERE term = ?')
      let compared = 0
      for (const text of EXPRESSIONS) {
        for (const match of [text, `(${text}) AND ${META}`]) {
          const phrases = phrasesIn(match)
          const given = phrases.map((p) => (p.prefix ? -1 : Number((count.get(p.term) as { doc?: number } | undefined)?.doc ?? 0))).join(' ')
          const counted = phrases.map(() => -1).join(' ')
          const expected = db.prepare(`SELECT rowid, bm25(fts, ${WEIGHTS}) AS r FROM fts WHERE fts MATCH ? ORDER BY rowid`).all(match) as { rowid: number; r: number }[]
          expect(expected.length).toBeGreaterThan(0)
          for (const hits of [given, counted]) {
            const ours = db.prepare(`SELECT rowid, sotay_bm25(fts, ?, ${WEIGHTS}) AS r FROM fts WHERE fts MATCH ? ORDER BY rowid`).all(hits, match) as { rowid: number; r: number }[]
            expect(ours.map((r) => r.rowid)).toEqual(expected.map((r) => r.rowid))
            ours.forEach((r, i) => expect(Math.abs(r.r - expected[i].r)).toBeLessThan(1e-9))
            compared += ours.length
          }
        }
      }
      expect(compared).toBeGreaterThan(100)
    } finally {
      db.close()
    }
  })

  it('the engine answers the same with the extension and without it (SEARCH_RANK_EXTENSION=off)', async () => {
    const previous = process.env.SEARCH_RANK_EXTENSION
    process.env.SEARCH_RANK_EXTENSION = 'off'
    const plain = await EmbeddedSearchEngine.open({ path: file, resultCache: 0 })
    if (previous === undefined) delete process.env.SEARCH_RANK_EXTENSION
    else process.env.SEARCH_RANK_EXTENSION = previous
    try {
      const scope = { audience: [PUBLIC_AUDIENCE, 'm:7'] }
      const queries: SearchQuery[] = [
        { text: 'bảo vệ môi trường', scope },
        { text: 'bao ve moi truong', scope, page: 2, pageSize: 5 },
        { text: 'kỷ luật đảng viên', scope: { audience: [PUBLIC_AUDIENCE] } },
        { text: 'nghị qu', scope },
        { text: 'ke hoach 105', scope },
        { text: 'đảng viên học tập nghị quyết trong chi bộ về việc giữ gìn kỷ luật', scope },
        { text: 'ky luat', scope, filters: { type: 'huong-dan' }, sort: 'newest' },
        { text: 'quy dinh 339', scope: { unrestricted: true } },
      ]
      let hits = 0
      for (const q of queries) {
        const [a, b] = [await engine.search(q), await plain.search(q)]
        expect(a).toEqual(b)
        hits += a.hits.length
      }
      expect(hits).toBeGreaterThan(20)
    } finally {
      await plain.close()
    }
  })
})
