/**
 * A text being turned into speech, in which every character is either still as written or already
 * spoken (produced by a rule). Rules only rewrite written text, so a reading such as "hai mươi" can
 * never be picked up again by a later rule, while later rules still see it as context.
 */

/** Produces the spoken form of one match, or `undefined` to leave the match as written. */
export type Replacer = (match: RegExpExecArray, text: string) => string | undefined

/** A rewriting step: every match of `pattern` (which must carry the `g` flag) goes through `replace`. */
export interface Rule {
  pattern: RegExp
  replace: Replacer
}

const WORD_CHAR = /[\p{L}\p{N}]/u

export class Draft {
  private constructor(
    readonly text: string,
    /** 1 where the character is spoken output, 0 where it is still as written. */
    private readonly spoken: Uint8Array,
  ) {}

  static of(text: string): Draft {
    return new Draft(text, new Uint8Array(text.length))
  }

  /** True when any character in [start, end) is spoken output. */
  private touchesSpoken(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.spoken[i]) return true
    return false
  }

  /**
   * Applies one rule. Matches that overlap spoken output are skipped (the search resumes one character
   * later). Replacements are separated by a space from adjacent letters or digits, so "QH14" becomes
   * "quốc hội 14" rather than "quốc hội14".
   */
  apply(rule: Rule): Draft {
    const { pattern, replace } = rule
    if (!pattern.global) throw new Error('Rule patterns must be global')
    const parts: string[] = []
    const flags: number[] = []
    let lastChar = ''
    let cursor = 0
    let changed = false
    const push = (chunk: string, spoken: boolean, from = 0) => {
      parts.push(chunk)
      for (let i = 0; i < chunk.length; i++) flags.push(spoken ? 1 : this.spoken[from + i])
      if (chunk) lastChar = chunk[chunk.length - 1]
    }
    pattern.lastIndex = 0
    for (let m = pattern.exec(this.text); m; m = pattern.exec(this.text)) {
      const start = m.index
      const end = start + m[0].length
      if (end === start) {
        pattern.lastIndex++
        continue
      }
      if (this.touchesSpoken(start, end)) {
        pattern.lastIndex = start + 1
        continue
      }
      const out = replace(m, this.text)
      if (out === undefined) continue
      push(this.text.slice(cursor, start), false, cursor)
      const before = WORD_CHAR.test(lastChar) && WORD_CHAR.test(out[0] ?? '') ? ' ' : ''
      const after = WORD_CHAR.test(this.text[end] ?? '') && WORD_CHAR.test(out.at(-1) ?? '') ? ' ' : ''
      push(before + out + after, true)
      cursor = end
      changed = true
    }
    if (!changed) return this
    push(this.text.slice(cursor), false, cursor)
    return new Draft(parts.join(''), Uint8Array.from(flags))
  }

  /** Applies rules in order. */
  applyAll(rules: readonly Rule[]): Draft {
    return rules.reduce<Draft>((draft, rule) => draft.apply(rule), this)
  }
}

/** The word (run of letters) just before `index`, lower-cased, skipping white space; '' if none. */
export function wordBefore(text: string, index: number): string {
  return /(\p{L}+)[^\S\n]*$/u.exec(text.slice(Math.max(0, index - 40), index))?.[1].toLowerCase() ?? ''
}

/** The text of up to `count` words before `index` (same line), lower-cased. */
export function wordsBefore(text: string, index: number, count: number): string {
  const line = text.slice(Math.max(0, index - 120), index).split('\n').pop() ?? ''
  const words = line.toLowerCase().match(/\p{L}+/gu) ?? []
  return words.slice(-count).join(' ')
}
