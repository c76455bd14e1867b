/**
 * Vietnamese text → what a Vietnamese speaker says, ready for eSpeak NG's Vietnamese voice: no digit,
 * no abbreviation, no Latin word that would make the synthesiser switch to English; the pause marks
 * . , ; : ? ! are kept so that sentences and clauses still pause.
 *
 * The rules run in a fixed order, most specific first (web addresses, document numbers, dates, times,
 * telephone numbers before plain numbers), each on the text no earlier rule has spoken (see `Draft`).
 */
import { canonical } from '../text'
import { Draft, type Rule } from './draft'
import { type Lexicon, lexiconFor } from './lexicon'
import { abbreviationRules } from './rules/abbreviations'
import { finish } from './rules/cleanup'
import { dateRules } from './rules/dates'
import { definitionRules, findDefinitions } from './rules/definitions'
import { documentRules } from './rules/documents'
import { latinRules } from './rules/latin'
import { numberRules, signRules } from './rules/numbers'
import { phoneRules } from './rules/phones'
import { romanRules } from './rules/roman'
import { timeRules } from './rules/times'
import { unitRules } from './rules/units'
import { webRules } from './rules/web'

export interface NormalizeOptions {
  /**
   * Extra pronunciations, e.g. `{ BTCB: 'bí thư chi bộ', 'Ph.': 'phờ ri đích' }`. They win over the
   * built-in dictionary and over abbreviations the text defines. A key with a capital matches exactly,
   * an all-lower-case key in any case. The object is compiled once and cached: pass a new object
   * rather than changing one already used.
   */
  dictionary?: Readonly<Record<string, string>>
}

function rulesFor(lexicon: Lexicon): Rule[] {
  return [
    ...webRules,
    ...definitionRules,
    ...documentRules(lexicon),
    ...dateRules,
    ...timeRules,
    ...phoneRules,
    ...romanRules,
    ...signRules,
    ...unitRules,
    ...abbreviationRules(lexicon),
    ...numberRules,
    ...latinRules(lexicon),
  ]
}

/** Uniform white space, line breaks, dashes, full-width forms and vulgar fractions ("½" → "1/2"). */
function prepare(text: string): string {
  return canonical(text)
    .replace(/\r\n?/g, '\n')
    .replace(/(?<=\d)[\u2009\u202f](?=\d{3}(?!\d))/g, '.') // "1 250" with a thin space groups thousands
    .replace(/[\t\u00a0\u2000-\u200b\u202f\u205f\u3000]/g, ' ')
    .replace(/[\u2010\u2011\u2212]/g, '-')
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\u00bc-\u00be\u2150-\u215e]/g, (ch) => ch.normalize('NFKC').replace('\u2044', '/'))
}

/** Turns Vietnamese text into its spoken form (see the module comment). */
export function normalizeForSpeech(text: string, options: NormalizeOptions = {}): string {
  const source = prepare(text)
  const lexicon = lexiconFor(options.dictionary).withDefinitions(findDefinitions(source))
  return finish(Draft.of(source).applyAll(rulesFor(lexicon)).text)
}
