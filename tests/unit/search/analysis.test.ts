import { describe, expect, it } from '@jest/globals'
import { analyze, cleanQuery, indexStreams, MAX_QUERY_CHARS, planQuery, telex } from '../../../search/analysis'
import { issuerLevel, parseDocNumber } from '../../../search/docnumber'
import { escapeHtml, highlightAll, snippet } from '../../../search/highlight'
import { bestCorrections, editsWithinOne, FOLDED_LETTERS } from '../../../search/typo'

describe('syllable analysis', () => {
  it('keeps accented (canonical) and folded forms of each syllable', () => {
    const s = analyze('Quy định HOÀ giải, Đảng!')
    expect(s.map((x) => x.exact)).toEqual(['quy', 'định', 'hòa', 'giải', 'đảng'])
    expect(s.map((x) => x.fold)).toEqual(['quy', 'dinh', 'hoa', 'giai', 'dang'])
  })
  it('indexes folded pairs of adjacent syllables as single tokens', () => {
    expect(indexStreams('Kỷ luật đảng').pairs).toBe('_ky_luat _luat_dang')
  })
  it('spells accented syllables in Telex', () => {
    expect(['đảng', 'nghiệp', 'trường', 'hòa', 'quyết'].map(telex)).toEqual(['ddangr', 'nghieepj', 'truwowngf', 'hoaf', 'quyeets'])
  })
  it('bounds and cleans raw queries', () => {
    expect(cleanQuery('a\u0000b\u200bc')).toBe('a b c')
    expect(cleanQuery('x'.repeat(50_000)).length).toBe(MAX_QUERY_CHARS)
  })
})

describe('query plans', () => {
  it('marks stop words only where unambiguous without diacritics', () => {
    const accented = planQuery('Hành vi nào bị cấm, đúng hay sai?')
    expect(accented.terms.filter((t) => t.stop).map((t) => t.exact)).toEqual(['nào', 'bị', 'đúng', 'hay', 'sai'])
    const folded = planQuery('co so nao su dung')
    expect(folded.terms.filter((t) => t.stop).map((t) => t.fold)).toEqual(['nao']) // "co", "dung" may be cơ, dụng
  })
  it('recognises document numbers however they are written', () => {
    for (const text of ['339-QĐ/TW', '339/QĐ-TW', 'qd 339', 'quy dinh 339', 'quy định số 339']) {
      const plan = planQuery(text)
      expect(plan.numberRef?.num).toBe('339')
      expect(plan.numberRef?.codes).toContain('qd')
      expect(plan.lookup).toBe(true)
    }
    expect(planQuery('339-QĐ/TW').numberRef?.org).toBe('tw')
    expect(planQuery('quyết định 12 về kỷ luật').lookup).toBe(false)
    expect(planQuery('người 18 tuổi').numberRef).toBeUndefined()
    expect(planQuery('kế hoạch 2025').numberRef).toBeUndefined()
    expect(planQuery('2025-KH/TU').numberRef).toEqual({ num: '2025', codes: ['kh'], org: 'tu' })
  })
  it('treats the last word as a prefix only while it is being typed', () => {
    expect(planQuery('sổ ta').terms.at(-1)?.prefix).toBe(true)
    expect(planQuery('sổ tay ').terms.at(-1)?.prefix).toBe(false)
    expect(planQuery('sổ tay?').terms.at(-1)?.prefix).toBe(false)
  })
})

describe('document numbers', () => {
  it('parses running number, type code and issuer', () => {
    expect(parseDocNumber('339-QĐ/TW')).toEqual({ num: '339', code: 'qd', org: 'tw' })
    expect(parseDocNumber('Số: 12/2023/NQ-HĐND')).toEqual({ num: '12', code: 'nq', org: 'hdnd' })
    expect(parseDocNumber('01/QĐ-TTg')).toEqual({ num: '1', code: 'qd', org: 'ttg' })
    expect(parseDocNumber('105')).toEqual({ num: '105' })
    expect(parseDocNumber('')).toBeUndefined()
  })
  it('ranks issuing bodies from the issuer code', () => {
    expect(issuerLevel('tw')).toBeGreaterThan(issuerLevel('tu'))
    expect(issuerLevel('ubkttw')).toBe(issuerLevel('tw'))
    expect(issuerLevel('tu')).toBeGreaterThan(issuerLevel('hu'))
    expect(issuerLevel('hu')).toBeGreaterThan(issuerLevel('du'))
  })
})

describe('typing mistakes', () => {
  it('generates every string one edit away', () => {
    const edits = editsWithinOne('luat', FOLDED_LETTERS)
    for (const e of ['lua', 'luatt', 'ulat', 'luot', 'lmuat']) expect(edits).toContain(e)
    expect(edits).not.toContain('luat')
    expect(edits).not.toContain('lt')
  })
  it('prefers the most frequent known correction', () => {
    expect(bestCorrections(new Map([['luat', 50], ['luot', 3], ['lua', 0]]), ['lua', 'luot', 'luat'])).toEqual(['luat', 'luot'])
  })
})

describe('highlighting', () => {
  const set = { words: new Set(['ky', 'luat']), prefixes: ['dan'] }
  it('marks folded matches and prefixes, escaping the rest', () => {
    expect(highlightAll('Kỷ luật <b>Đồng</b> & dân', set)).toBe('<mark>Kỷ</mark> <mark>luật</mark> &#60;b&#62;Đồng&#60;/b&#62; &#38; <mark>dân</mark>')
    expect(escapeHtml(`"'`)).toBe('&#34;&#39;')
  })
  it('cuts long text around the densest matches', () => {
    const text = `${'mở đầu '.repeat(60)}xét kỷ luật đảng viên ${'kết thúc '.repeat(60)}`
    const s = snippet(text, set)
    expect(s.startsWith('… ')).toBe(true)
    expect(s.endsWith(' …')).toBe(true)
    expect(s).toContain('<mark>kỷ</mark> <mark>luật</mark>')
    expect(s.length).toBeLessThan(400)
  })
})
