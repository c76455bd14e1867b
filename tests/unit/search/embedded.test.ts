import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { EmbeddedSearchEngine } from '../../../search/embedded'
import { createSearchEngine } from '../../../search/index'
import { PUBLIC_AUDIENCE } from '../../../search/types'
import { contractSuite, corpus } from './contract'

contractSuite('embedded (SQLite FTS5)', () => EmbeddedSearchEngine.open({ path: ':memory:' }))
// In a file, as the server keeps it: there reads rank through the ranking extension when it is built
// (search/rank; CI builds it), in memory with FTS5's bm25().
const files = mkdtempSync(path.join(os.tmpdir(), 'sotay-contract-'))
afterAll(() => rmSync(files, { recursive: true, force: true }))
contractSuite('embedded (SQLite FTS5, in a file)', (name) => EmbeddedSearchEngine.open({ path: path.join(files, `${name}.db`) }))

describe('embedded engine specifics', () => {
  it('repeated searches: a kept answer goes only to the same scope, and any write — from another process too — retires it', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sotay-search-'))
    const file = path.join(dir, 'search.db')
    const unit = (id: string, audience: string[], title: string) => ({ id, kind: 'document' as const, title, audience, sections: [{ text: 'Nội dung vorquelan.' }] })
    const web = await EmbeddedSearchEngine.open({ path: file })
    const worker = await EmbeddedSearchEngine.open({ path: file, resultCache: 0 })
    try {
      await web.index([unit('a', ['m:1'], 'Thông báo vorquelan một'), unit('b', ['m:2'], 'Thông báo vorquelan hai')])
      const ids = async (audience: string[]) => (await web.search({ text: 'vorquelan', scope: { audience } })).hits.map((h) => h.id)
      for (let i = 0; i < 2; i++) {
        expect(await ids(['public', 'm:1'])).toEqual(['a'])
        expect(await ids(['public', 'm:2'])).toEqual(['b'])
        expect(await ids(['m:1', 'public'])).toEqual(['a'])
      }
      const first = await web.search({ text: 'vorquelan', scope: { audience: ['m:1'] } })
      first.hits.length = 0 // a caller changing its answer does not change the kept one
      expect((await web.search({ text: 'vorquelan', scope: { audience: ['m:1'] } })).total).toBe(1)
      // Another process writes the same file: the next identical search sees it at once.
      await worker.index([unit('c', ['m:1'], 'Thông báo vorquelan ba')])
      expect((await ids(['m:1'])).sort()).toEqual(['a', 'c'])
      await worker.remove(['a'])
      expect(await ids(['m:1'])).toEqual(['c'])
      await web.remove(['c'])
      expect(await ids(['m:1'])).toEqual([])
    } finally {
      await web.close()
      await worker.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('a typed word with no longer word in the index matches as itself, and as a prefix once a longer word is indexed (by another connection too, in any script)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sotay-search-'))
    const file = path.join(dir, 'search.db')
    const unit = (id: string, text: string) => ({ id, kind: 'document' as const, title: `Thông báo ${id}`, audience: ['public'], sections: [{ text }] })
    const web = await EmbeddedSearchEngine.open({ path: file, resultCache: 0 })
    const worker = await EmbeddedSearchEngine.open({ path: file, resultCache: 0 })
    try {
      await web.index([unit('a', 'Họp bàn về việc trồng cây xoan.'), unit('b', 'Sinh hoạt chuyên đề xoay quanh việc học tập.')])
      const ids = async (text: string) => (await web.search({ text, scope: { audience: ['public'] } })).hits.map((h) => h.id).sort()
      // "xoan": nothing longer is indexed, so the word alone; "xoa": "xoan" and "xoay".
      expect(await ids('cây xoan')).toEqual(['a'])
      expect(await ids('xoa')).toEqual(['a', 'b'])
      expect((await web.search({ text: 'xoan', scope: { audience: ['public'] } })).hits[0]?.section?.snippet).toContain('<mark>xoan</mark>')
      // A longer word arrives through another connection: "xoan" now also finds it while being typed.
      await worker.index([unit('c', 'Hội nghị bàn về xoang mũi và sức khỏe.')])
      expect(await ids('xoan')).toEqual(['a', 'c'])
      expect(await ids('xoan ')).toEqual(['a']) // a finished word is not a prefix
      await worker.remove(['c'])
      expect(await ids('xoan')).toEqual(['a'])
      // Words in other scripts are typed too: their longer forms are found the same way.
      await web.index([unit('d', 'Bản dịch tiếng Nga: дома и улицы.')])
      expect(await ids('дом')).toEqual(['d'])
    } finally {
      await web.close()
      await worker.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('keeps its index in a file across restarts', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sotay-search-'))
    try {
      const file = path.join(dir, 'nested', 'search.db')
      const first = await createSearchEngine({ SEARCH_DB_PATH: file })
      await first.index(corpus)
      await first.close()
      const second = await createSearchEngine({ SEARCH_DB_PATH: file })
      const r = await second.search({ text: 'quy định 339', scope: { audience: [PUBLIC_AUDIENCE] } })
      expect(r.hits[0]?.id).toBe('qd-339')
      await second.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('offers "Có phải bạn muốn tìm" with the accented correction', async () => {
    const engine = await EmbeddedSearchEngine.open({ path: ':memory:' })
    await engine.index(corpus)
    const r = await engine.search({ text: 'giám sátt', scope: { audience: [PUBLIC_AUDIENCE] } })
    expect(r.suggestion).toBe('giám sát')
    expect(r.hits[0]?.id).toBe('qd-39')
    const folded = await engine.search({ text: 'giam satt', scope: { audience: [PUBLIC_AUDIENCE] } })
    expect(folded.suggestion).toBe('giam sat')
    const fine = await engine.search({ text: 'giám sát', scope: { audience: [PUBLIC_AUDIENCE] } })
    expect(fine.suggestion).toBeUndefined()
    await engine.close()
  })

  it('long questions match any word and still rank the answer first', async () => {
    const engine = await EmbeddedSearchEngine.open({ path: ':memory:' })
    await engine.index(corpus)
    const r = await engine.search({
      text: 'Đảng viên có trách nhiệm gì trong việc bảo mật tài khoản được cấp trên sổ tay đảng viên điện tử, đúng hay sai?',
      scope: { audience: [PUBLIC_AUDIENCE] },
    })
    expect(r.hits[0]?.id).toBe('qd-339')
    expect(r.hits[0]?.section?.index).toBe(2)
    await engine.close()
  })

  it('the plain baseline ranks by single syllables only', async () => {
    const engine = await EmbeddedSearchEngine.open({ path: ':memory:', ranking: 'plain' })
    await engine.index(corpus)
    const r = await engine.search({ text: 'kỷ luật', scope: { audience: [PUBLIC_AUDIENCE] }, pageSize: 50 })
    expect(r.hits.map((h) => h.id)).toContain('hd-ky-luat')
    await engine.close()
  })
})
