import { describe, expect, it } from '@jest/globals'
import {
  readCardinal,
  readDigits,
  readMonth,
  readNumberToken,
  readOrdinal,
} from '@/lib/vi/speech/numbers'
import { parseRoman } from '@/lib/vi/speech/roman'

/**
 * An independent reader of Vietnamese number words back into a value, written from the grammar
 * (not from the implementation): digit words, "mười"/"mươi", "trăm", "linh"/"lẻ", and the scales.
 */
const DIGITS: Record<string, bigint> = {
  không: 0n, một: 1n, mốt: 1n, hai: 2n, ba: 3n, bốn: 4n, tư: 4n, năm: 5n, lăm: 5n, sáu: 6n, bảy: 7n, tám: 8n, chín: 9n,
}
const SCALES: Record<string, bigint> = { nghìn: 1000n, triệu: 1_000_000n, tỷ: 1_000_000_000n }

function parseVietnameseNumber(words: string): bigint {
  let total = 0n // everything before the last "tỷ" has been multiplied in
  let section = 0n // value below the current scale
  let group = 0n // value below one thousand
  let pending = 0n // last digit word, waiting for "trăm"/"mươi"
  for (const word of words.split(' ')) {
    if (word in DIGITS) pending = DIGITS[word]
    else if (word === 'mười') group += 10n
    else if (word === 'mươi') {
      group += pending * 10n
      pending = 0n
    }
    else if (word === 'trăm') {
      group += pending * 100n
      pending = 0n
    }
    else if (word === 'linh' || word === 'lẻ') continue
    else if (word in SCALES) {
      const scale = SCALES[word]
      const value = group + pending
      group = pending = 0n
      if (scale === SCALES.tỷ) {
        total = (total + section + value) * scale
        section = 0n
      } else section += value * scale
    } else throw new Error(`unexpected word "${word}" in "${words}"`)
  }
  return total + section + group + pending
}

describe('readCardinal(): Vietnamese rules', () => {
  it.each([
    ['0', 'không'],
    ['1', 'một'],
    ['4', 'bốn'],
    ['5', 'năm'],
    ['10', 'mười'],
    ['11', 'mười một'],
    ['14', 'mười bốn'],
    ['15', 'mười lăm'],
    ['20', 'hai mươi'],
    ['21', 'hai mươi mốt'],
    ['24', 'hai mươi tư'],
    ['25', 'hai mươi lăm'],
    ['31', 'ba mươi mốt'],
    ['64', 'sáu mươi tư'],
    ['100', 'một trăm'],
    ['101', 'một trăm linh một'],
    ['104', 'một trăm linh bốn'],
    ['105', 'một trăm linh năm'],
    ['110', 'một trăm mười'],
    ['115', 'một trăm mười lăm'],
    ['1005', 'một nghìn không trăm linh năm'],
    ['1850', 'một nghìn tám trăm năm mươi'],
    ['2026', 'hai nghìn không trăm hai mươi sáu'],
    ['5600000', 'năm triệu sáu trăm nghìn'],
    ['1000005', 'một triệu không trăm linh năm'],
    ['2500000000', 'hai tỷ năm trăm triệu'],
    ['1000000000000', 'một nghìn tỷ'],
    ['500003000000000', 'năm trăm nghìn không trăm linh ba tỷ'],
    ['12345678901', 'mười hai tỷ ba trăm bốn mươi lăm triệu sáu trăm bảy mươi tám nghìn chín trăm linh một'],
  ])('%s → %s', (digits, words) => {
    expect(readCardinal(digits)).toBe(words)
  })

  it('reads back to the same value for numbers of every size (independent parser)', () => {
    let seed = 20250710
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    for (let i = 0; i < 3000; i++) {
      const digits = 1 + Math.floor(random() * 18)
      const n = BigInt(Array.from({ length: digits }, () => Math.floor(random() * 10)).join(''))
      expect(parseVietnameseNumber(readCardinal(String(n)))).toBe(n)
    }
  })

  it('follows the spelling rules of units and tens in every number up to 100 000', () => {
    for (let n = 0; n <= 100_000; n += n < 2000 ? 1 : 37) {
      const words = readCardinal(String(n)).split(' ')
      words.forEach((word, i) => {
        const previous = words[i - 1]
        if (word === 'mốt' || word === 'tư') expect(previous).toBe('mươi')
        if (word === 'lăm') expect(['mươi', 'mười']).toContain(previous)
        if (word === 'linh') expect(previous).toBe('trăm')
        if (word === 'mươi') expect(['hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín']).toContain(previous)
        if (previous === 'mươi') expect(['một', 'bốn', 'năm']).not.toContain(word)
        if (previous === 'mười') expect(word).not.toBe('năm')
      })
    }
  })

  it('reads a digit string too long to be a quantity digit by digit', () => {
    expect(readCardinal('1234567890123456789012')).toBe(readDigits('1234567890123456789012'))
  })
})

describe('readNumberToken(): Vietnamese notation', () => {
  it.each([
    ['1.234.567', 'một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy'],
    ['1.850', 'một nghìn tám trăm năm mươi'],
    ['1,5', 'một phẩy năm'],
    ['2,5', 'hai phẩy năm'],
    ['87,25', 'tám mươi bảy phẩy hai mươi lăm'],
    ['0,05', 'không phẩy không năm'],
    ['1.234,5', 'một nghìn hai trăm ba mươi tư phẩy năm'],
    ['05', 'năm'],
    ['007', 'không không bảy'],
    ['4.0', 'bốn chấm không'],
    ['01.004567', 'không một chấm không không bốn năm sáu bảy'],
  ])('%s → %s', (token, words) => {
    expect(readNumberToken(token)).toBe(words)
  })
})

describe('ordinals, months, Roman numerals', () => {
  it('uses nhất and tư after "thứ", the cardinal otherwise', () => {
    expect([1, 2, 3, 4, 5, 14].map(readOrdinal)).toEqual(['nhất', 'hai', 'ba', 'tư', 'năm', 'mười bốn'])
  })

  it('says tháng tư but tháng một, tháng mười hai', () => {
    expect([1, 4, 12].map(readMonth)).toEqual(['một', 'tư', 'mười hai'])
  })

  it('parses well-formed upper-case numerals only', () => {
    expect(['I', 'IV', 'IX', 'XII', 'XIII', 'XIV', 'XXI', 'XL'].map(parseRoman)).toEqual([1, 4, 9, 12, 13, 14, 21, 40])
    for (const bad of ['', 'IIII', 'IC', 'VX', 'xiv', 'ABC']) expect(parseRoman(bad)).toBeNull()
  })
})
