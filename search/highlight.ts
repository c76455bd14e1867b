/**
 * Highlights and snippets: matched words wrapped in <mark>, everything else HTML-escaped, so the
 * result can be inserted as HTML without opening a door to markup injection from indexed text.
 */
import { analyzeWithOffsets, contentTerms, type QueryPlan } from './analysis'

/** Which folded words to mark: whole words, plus prefixes for the word being typed. */
export interface MarkSet {
  words: ReadonlySet<string>
  prefixes: readonly string[]
}

const SNIPPET_WORDS = 36

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

function marks(fold: string, set: MarkSet): boolean {
  return set.words.has(fold) || set.prefixes.some((p) => fold.startsWith(p))
}

/** Escapes `text[from, to)` and wraps the matched words in <mark>. */
function render(text: string, from: number, to: number, set: MarkSet): string {
  let out = ''
  let at = from
  for (const w of analyzeWithOffsets(text.slice(from, to))) {
    const start = from + w.start
    const end = from + w.end
    if (!marks(w.syl.fold, set)) continue
    out += escapeHtml(text.slice(at, start)) + '<mark>' + escapeHtml(text.slice(start, end)) + '</mark>'
    at = end
  }
  return out + escapeHtml(text.slice(at, to))
}

/** The whole text, escaped, with matched words marked (for titles). */
export function highlightAll(text: string, set: MarkSet): string {
  return render(text, 0, text.length, set)
}

/**
 * A window of about {@link SNIPPET_WORDS} words around the densest cluster of matched words
 * (most distinct words first, then most matches), escaped and marked, with "…" where text was cut.
 */
export function snippet(text: string, set: MarkSet): string {
  const words = analyzeWithOffsets(text)
  if (words.length <= SNIPPET_WORDS) return render(text, 0, text.length, set)
  const hit = words.map((w) => (marks(w.syl.fold, set) ? w.syl.fold : ''))
  let best = 0
  let bestScore = -1
  for (let start = 0; start + SNIPPET_WORDS <= words.length; start++) {
    if (start > 0 && !hit[start]) continue // a best window can always start on a match
    const inWindow = hit.slice(start, start + SNIPPET_WORDS).filter(Boolean)
    const score = new Set(inWindow).size * 100 + inWindow.length
    if (score > bestScore) [best, bestScore] = [start, score]
  }
  // Begin a few words before the first match so it reads in context.
  const first = Math.max(0, best - 4)
  const last = Math.min(words.length, first + SNIPPET_WORDS)
  const from = first === 0 ? 0 : words[first].start
  const to = last === words.length ? text.length : words[last - 1].end
  return (from > 0 ? '… ' : '') + render(text, from, to, set) + (to < text.length ? ' …' : '')
}

/** Which folded words of a query to mark: content words, number parts and typo corrections. */
export function markSetFor(plan: QueryPlan, fixes: ReadonlyMap<number, readonly string[]> = new Map()): MarkSet {
  const marked = [...contentTerms(plan), ...plan.terms.filter((t) => t.inNumber)]
  const words = new Set(marked.map((t) => t.fold))
  for (const list of fixes.values()) for (const w of list) words.add(w)
  const prefixes = marked.filter((t) => t.prefix && t.fold.length >= 2).map((t) => t.fold)
  return { words, prefixes }
}
