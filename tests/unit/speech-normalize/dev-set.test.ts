import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { checkSpoken, containsPhrase } from '@/lib/vi/speech/check'
import { normalizeForSpeech } from '@/lib/vi/speech/normalize'

interface Case {
  id: string
  input: string
  must?: string[]
  any?: string[][]
}

/** A copy of /work/shared/eval/tts/normalize-dev.jsonl (tests must not read ../shared). */
const cases: Case[] = readFileSync(path.join(process.cwd(), 'tests/fixtures/speech-normalize/normalize-dev.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line))

describe('checkSpoken(): the pass rules of the evaluation set', () => {
  it('matches whole syllables, ignoring case, punctuation and tone-mark placement', () => {
    expect(containsPhrase('Khóa XIII, khoá mười ba.', 'khoá mười ba')).toBe(true)
    expect(containsPhrase('Hoà bình', 'hòa bình')).toBe(true)
    expect(containsPhrase('mười ba, bốn', 'ba bốn')).toBe(true)
    expect(containsPhrase('hai mươi mốt', 'mươi mố')).toBe(false)
    expect(containsPhrase('ba mươi', 'hai ba')).toBe(false)
  })

  it('requires every must phrase, one phrase of each any group, and no digit', () => {
    expect(checkSpoken('một phần tư', { must: ['một phần tư'] }).pass).toBe(true)
    expect(checkSpoken('một phần tư', { must: ['một phần ba'] }).pass).toBe(false)
    expect(checkSpoken('lẻ bốn', { any: [['linh bốn', 'lẻ bốn']] }).pass).toBe(true)
    expect(checkSpoken('không bốn', { any: [['linh bốn', 'lẻ bốn']] }).pass).toBe(false)
    expect(checkSpoken('điều 5', {}).pass).toBe(false)
  })
})

describe('development set', () => {
  it('has its cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30)
  })

  it.each(cases.map((c) => [c.id, c] as const))('%s passes', (_id, c) => {
    const output = normalizeForSpeech(c.input)
    expect({ output, problems: checkSpoken(output, c).problems }).toEqual({ output, problems: [] })
  })
})
