/** Roman numerals as used in document structure and congress numbering (Đại hội XIII, Chương IV). */

const VALID = /^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/
const VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 }

/** The value of a well-formed upper-case Roman numeral ("XIV" → 14), or null ("IIII", "IC", "xiv", ""). */
export function parseRoman(text: string): number | null {
  if (!text || !VALID.test(text)) return null
  let total = 0
  for (let i = 0; i < text.length; i++) {
    const value = VALUES[text[i]]
    const next = i + 1 < text.length ? VALUES[text[i + 1]] : 0
    total += value < next ? -value : value
  }
  return total
}
