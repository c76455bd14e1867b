import { describe, expect, it } from '@jest/globals'
import { lcsLength, rouge, rougeL, rougeN, rougeTokens } from '@/lib/summarize/rouge'

describe('rougeTokens', () => {
  it('lower-cases, drops punctuation and splits on white space', () => {
    expect(rougeTokens('Hà Nội , ngày 10/7 ( thứ Năm ) : “Họp”.')).toEqual(['hà', 'nội', 'ngày', '10', '7', 'thứ', 'năm', 'họp'])
  })

  it('compares composed and decomposed Unicode alike', () => {
    expect(rougeTokens('Đảng'.normalize('NFD'))).toEqual(rougeTokens('đảng'))
  })
})

describe('ROUGE F1', () => {
  const candidate = ['a', 'b', 'c', 'd']
  const reference = ['a', 'b', 'e', 'd']

  it('computes ROUGE-1 and ROUGE-2 from clipped n-gram overlap', () => {
    expect(rougeN(candidate, reference, 1)).toBeCloseTo(0.75) // 3 shared of 4 and 4
    expect(rougeN(candidate, reference, 2)).toBeCloseTo(1 / 3) // "a b" shared of 3 and 3
    // clipping: "a" counted once: P = 1/3, R = 1
    expect(rougeN(['a', 'a', 'a'], ['a'], 1)).toBeCloseTo(0.5)
  })

  it('computes ROUGE-L from the longest common subsequence', () => {
    expect(lcsLength('ABCBDAB'.split(''), 'BDCABA'.split(''))).toBe(4)
    expect(rougeL(candidate, reference)).toBeCloseTo(0.75) // "a b d"
    expect(rougeL(['x', 'y'], ['y', 'x'])).toBeCloseTo(0.5)
  })

  it('scores identical texts 1 and disjoint or empty texts 0', () => {
    expect(rouge('Chi bộ họp.', 'chi bộ họp')).toEqual({ rouge1: 1, rouge2: 1, rougeL: 1 })
    expect(rouge('một hai', 'ba bốn')).toEqual({ rouge1: 0, rouge2: 0, rougeL: 0 })
    expect(rouge('', 'ba bốn')).toEqual({ rouge1: 0, rouge2: 0, rougeL: 0 })
  })

  it('weighs precision and recall evenly', () => {
    const short = rouge('đảng viên', 'đảng viên học tập nghị quyết')
    expect(short.rouge1).toBeCloseTo((2 * 1 * (2 / 6)) / (1 + 2 / 6))
  })
})
