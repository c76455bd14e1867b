/**
 * The pronunciation lexicon used for one normalisation: the built-in dictionary, overridden by the
 * abbreviations a text defines for itself ("Sổ tay đảng viên điện tử (STĐVĐT)") and then by the entries
 * the caller passes in. Reads any abbreviation: known, a known organ and its level (BTCTW = BTC + TW),
 * or spelled.
 */
import { canonical } from '../text'
import { ABBREVIATIONS, DOCUMENT_TYPES, LOANWORDS, PARTY_DOCUMENT_TYPES, STATE_ISSUERS } from './dictionary'
import { spell } from './letters'
import { readCardinal } from './numbers'

export type DocumentFormat = 'party' | 'state'

/**
 * A pattern matching every key of a lexicon, longest key first, not preceded by a letter or digit. Whether
 * the match also ends a word is checked by `endsWord` (per-key lookarounds make the pattern slow to compile).
 */
function keysPattern(keys: string[], flags: string): RegExp | null {
  if (keys.length === 0) return null
  const alternatives = [...keys]
    .sort((a, b) => b.length - a.length)
    .map((key) => key.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})`, flags)
}

/** A key ending in a letter may touch digits ("QH14") but not another letter; one ending in a digit, no digit. */
export function endsWord(key: string, next: string | undefined): boolean {
  if (!next) return true
  if (/\p{L}$/u.test(key)) return !/\p{L}/u.test(next)
  if (/\p{N}$/u.test(key)) return !/\p{N}/u.test(next)
  return true
}

/** Readings are spoken text: canonical, lower case, digits read out. */
function toReading(value: string): string {
  return canonical(value)
    .toLowerCase()
    .replace(/\d+/g, (digits) => ` ${readCardinal(digits)} `)
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * Suffixes naming the level of an organ: BTC + TW = Ban Tổ chức Trung ương, UBKT + TU = Ủy ban Kiểm tra
 * Tỉnh ủy. Only these splits are tried: joining arbitrary known pieces misreads (CT + HĐND is not
 * "chỉ thị hội đồng nhân dân" but Chủ tịch HĐND).
 */
const LEVELS = ['TW', 'TU', 'ThU', 'HU', 'QU', 'ĐU', 'ĐUK', 'VN']

export class Lexicon {
  /** Exact-case entries (keys with an upper-case letter). */
  private readonly exact = new Map<string, string>()
  /** Case-insensitive entries (all-lower-case keys), keyed in lower case. */
  private readonly anyCase = new Map<string, string>()
  /** Keys the caller supplied: they also override document-type readings. */
  private readonly userKeys: ReadonlySet<string>
  readonly exactPattern: RegExp | null
  readonly anyCasePattern: RegExp | null

  constructor(
    private readonly user: Readonly<Record<string, string>> = {},
    private readonly defined: Readonly<Record<string, string>> = {},
  ) {
    for (const source of [ABBREVIATIONS, LOANWORDS, defined, user])
      for (const [key, value] of Object.entries(source)) this.add(key, value)
    this.userKeys = new Set(Object.keys(user).map((k) => canonical(k.trim())))
    this.exactPattern = keysPattern([...this.exact.keys()], 'gu')
    this.anyCasePattern = keysPattern([...this.anyCase.keys()], 'giu')
  }

  private add(rawKey: string, value: string): void {
    const key = canonical(rawKey.trim())
    const reading = toReading(value)
    if (!key || !reading) return
    if (key === key.toLowerCase()) this.anyCase.set(key, reading)
    else this.exact.set(key, reading)
  }

  /** The same lexicon plus abbreviations defined by the text itself (the caller's entries still win). */
  withDefinitions(defined: Readonly<Record<string, string>>): Lexicon {
    return Object.keys(defined).length ? new Lexicon(this.user, { ...this.defined, ...defined }) : this
  }

  /** The reading of a key as written, or undefined. */
  lookup(token: string): string | undefined {
    return this.exact.get(token) ?? this.anyCase.get(token.toLowerCase())
  }

  /**
   * Reads an abbreviation or any Latin token: a known entry, a known organ and its level
   * ("BTCTW" → ban tổ chức trung ương), or letter by letter.
   */
  readCode(token: string): string {
    return this.lookup(token) ?? this.readWithLevel(token) ?? spell(token)
  }

  private readWithLevel(token: string): string | undefined {
    for (const level of LEVELS) {
      const organ = token.endsWith(level) ? this.lookup(token.slice(0, -level.length)) : undefined
      if (organ && token.length - level.length >= 2) return `${organ} ${this.lookup(level)}`
    }
    return undefined
  }

  /** Reads the kind-of-document code of a document number; `before` is the text preceding the number. */
  documentType(code: string, format: DocumentFormat, before: string): string {
    if (this.userKeys.has(code)) return this.lookup(code)!
    const readings = (format === 'party' && PARTY_DOCUMENT_TYPES[code]) || DOCUMENT_TYPES[code]
    if (!readings) return this.readCode(code)
    const context = canonical(before).toLowerCase()
    const named = readings
      .map((reading) => ({ reading, at: context.lastIndexOf(reading) }))
      .filter((r) => r.at >= 0)
      .sort((a, b) => b.at - a.at)[0]
    return named?.reading ?? readings[0]
  }

  /** True when `code` names a kind of document (NQ, QĐ, TT…). */
  isDocumentType(code: string): boolean {
    return code in DOCUMENT_TYPES
  }

  /** Reads the issuer part of a document number ("TW", "BTGDVTW", "UBND-VP", "QH14"). */
  issuer(code: string, format: DocumentFormat): string {
    if (!this.userKeys.has(code) && format === 'state' && STATE_ISSUERS[code]) return STATE_ISSUERS[code]
    const match = /^(\p{L}+?)(\d+)$/u.exec(code)
    if (match && !this.lookup(code)) return `${this.readCode(match[1])} ${readCardinal(match[2])}`
    return this.readCode(code)
  }
}

const defaultLexicon = new Lexicon()
/** Lexicons built for callers' dictionaries, so that a dictionary reused across calls is compiled once. */
const extended = new WeakMap<object, Lexicon>()

/** The lexicon for a call: the shared built-in one, or one extended by the caller's entries. */
export function lexiconFor(user?: Readonly<Record<string, string>>): Lexicon {
  if (!user || Object.keys(user).length === 0) return defaultLexicon
  let lexicon = extended.get(user)
  if (!lexicon) extended.set(user, (lexicon = new Lexicon(user)))
  return lexicon
}
