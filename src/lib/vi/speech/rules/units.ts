/**
 * Quantities with a unit or currency: "25°C", "10 km/h", "2 ha", "87,25%", "50.000đ", "$100", and units
 * after a slash ("người/km²" → "người trên ki lô mét vuông"). Units are only read after a number or a
 * slash, so a lone "m" or "g" elsewhere is left to the other rules.
 */
import type { Rule } from '../draft'
import { readNumberToken } from '../numbers'
import { NUMBER } from './patterns'

/** Unit symbols (case-sensitive) and how they are said. */
export const UNITS: Readonly<Record<string, string>> = {
  '%': 'phần trăm',
  '‰': 'phần nghìn',
  'km/h': 'ki lô mét trên giờ',
  'm/s': 'mét trên giây',
  'km²': 'ki lô mét vuông',
  km2: 'ki lô mét vuông',
  'm²': 'mét vuông',
  m2: 'mét vuông',
  'm³': 'mét khối',
  m3: 'mét khối',
  'cm²': 'xăng ti mét vuông',
  cm2: 'xăng ti mét vuông',
  ha: 'héc ta',
  km: 'ki lô mét',
  m: 'mét',
  dm: 'đề xi mét',
  cm: 'xăng ti mét',
  mm: 'mi li mét',
  kg: 'ki lô gam',
  g: 'gam',
  mg: 'mi li gam',
  l: 'lít',
  ml: 'mi li lít',
  '°C': 'độ xê',
  'ºC': 'độ xê',
  oC: 'độ xê',
  '°F': 'độ ép',
  '°': 'độ',
  kWh: 'ki lô oát giờ',
  kW: 'ki lô oát',
  MW: 'mê ga oát',
  W: 'oát',
  kV: 'ki lô vôn',
  V: 'vôn',
  Hz: 'héc',
  MHz: 'mê ga héc',
  GHz: 'gi ga héc',
  KB: 'ki lô bai',
  MB: 'mê ga bai',
  GB: 'gi ga bai',
  TB: 'tê ra bai',
  đ: 'đồng',
  VNĐ: 'đồng',
  VND: 'đồng',
  USD: 'đô la mỹ',
  EUR: 'ơ rô',
  '€': 'ơ rô',
  $: 'đô la',
  ms: 'mi li giây',
  s: 'giây',
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
const UNIT = Object.keys(UNITS)
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join('|')
/** A unit ends the word: "5 m" but not "5 mét", "2 ha" but not "2 hai". */
const UNIT_END = '(?![\\p{L}\\p{N}²³])'

export const unitRules: Rule[] = [
  {
    pattern: new RegExp(`(${NUMBER})[^\\S\\n]?(${UNIT})${UNIT_END}`, 'gu'),
    replace: (m) => `${readNumberToken(m[1])} ${UNITS[m[2]]}`,
  },
  {
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])\\$[^\\S\\n]?(${NUMBER})`, 'gu'),
    replace: (m) => `${readNumberToken(m[1])} đô la`,
  },
  {
    // đồng/km², người/km2
    pattern: new RegExp(`/(?<=\\p{L}[^\\S\\n]?/)[^\\S\\n]?(${UNIT})${UNIT_END}`, 'gu'),
    replace: (m) => `trên ${UNITS[m[1]]}`,
  },
]
