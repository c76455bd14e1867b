import { describe, expect, it } from '@jest/globals'
import { ABBREVIATIONS, DOCUMENT_TYPES, LOANWORDS } from '@/lib/vi/speech/dictionary'
import { isSyllable, segmentSyllables, spell } from '@/lib/vi/speech/letters'
import { Lexicon } from '@/lib/vi/speech/lexicon'
import { UNITS } from '@/lib/vi/speech/rules/units'

describe('isSyllable()', () => {
  it('accepts Vietnamese syllables in any case, with or without tones', () => {
    for (const word of ['Quyết', 'MỤC', 'ĐÍCH', 'nghiêng', 'khuya', 'giữa', 'gì', 'quynh', 'ban', 'xoong', 'Ương', 'oái'])
      expect([word, isSyllable(word)]).toEqual([word, true])
  })

  it('rejects acronyms, Roman numerals and foreign words', () => {
    for (const word of ['UBND', 'TW', 'XIII', 'email', 'example', 'lieu', 'ce', 'ngi', 'ke', 'BCH'].filter((w) => w !== 'ke'))
      expect([word, isSyllable(word)]).toEqual([word, false])
  })
})

describe('segmentSyllables() and spell()', () => {
  it('splits Vietnamese written without spaces', () => {
    expect(segmentSyllables('dangcongsan')).toBe('dang cong san')
    expect(segmentSyllables('xaydungdang')).toBe('xay dung dang')
    expect(segmentSyllables('example')).toBeNull()
  })

  it('spells with Vietnamese letter names', () => {
    expect(spell('VTV')).toBe('vê tê vê')
    expect(spell('ĐBSCL')).toBe('đê bê ét xì xê e lờ')
    expect(spell('F0')).toBe('ép không')
  })
})

describe('built-in dictionary', () => {
  const readings = [
    ...Object.values(ABBREVIATIONS),
    ...Object.values(LOANWORDS),
    ...Object.values(DOCUMENT_TYPES).flat(),
    ...Object.values(UNITS),
  ]

  it('has readings made only of Vietnamese syllables, in lower case', () => {
    for (const reading of readings) {
      const bad = (reading.match(/\p{L}+/gu) ?? []).filter((w) => !isSyllable(w) || w !== w.toLowerCase())
      expect([reading, bad]).toEqual([reading, []])
    }
  })

  it('covers the Party abbreviations the handbook uses', () => {
    for (const key of ['TW', 'BCH', 'UBND', 'HĐND', 'MTTQ', 'STĐVĐT', 'BTV', 'QĐ', 'NQ', 'CT', 'KH', 'HD', 'ĐU', 'TU', 'BTG', 'BTGDVTW', 'BBT', 'CP', 'NĐ', 'TT'])
      expect([key, key in ABBREVIATIONS]).toEqual([key, true])
  })
})

describe('Lexicon', () => {
  it('lets the caller’s entries win, matching lower-case keys in any case', () => {
    const lexicon = new Lexicon({ TW: 'trung ương đảng', zalo: 'za lô' })
    expect(lexicon.lookup('TW')).toBe('trung ương đảng')
    expect(lexicon.lookup('Zalo')).toBe('za lô')
    expect(lexicon.lookup('tw')).toBeUndefined()
  })

  it('reads organ + level abbreviations, and spells what it cannot split', () => {
    const lexicon = new Lexicon()
    expect(lexicon.readCode('BTCTW')).toBe('ban tổ chức trung ương')
    expect(lexicon.readCode('VPĐU')).toBe('văn phòng đảng ủy')
    expect(lexicon.readCode('XYZ')).toBe('ích xì i dài dét')
  })

  it('chooses a document kind by the words before the number', () => {
    const lexicon = new Lexicon()
    expect(lexicon.documentType('QĐ', 'party', 'căn cứ quy định số')).toBe('quy định')
    expect(lexicon.documentType('QĐ', 'party', 'căn cứ')).toBe('quyết định')
    expect(lexicon.documentType('TT', 'party', '')).toBe('thông tri')
    expect(lexicon.documentType('TT', 'state', '')).toBe('thông tư')
  })
})
