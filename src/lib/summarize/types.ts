/**
 * Extractive summaries: an engine chooses sentences of the source and returns them verbatim, in the
 * order of the source. Official wording is never rewritten.
 */

/** A part of a document: an optional heading ("Điều 3. Nội dung …") and the sentences under it. */
export interface SummarySection {
  heading?: string
  sentences: string[]
}

interface SummaryLimits {
  /** Title of the document or article; sentences that share its words are preferred. */
  title?: string
  /** Most sentences to choose (default 3). */
  maxSentences?: number
  /** Most words (space-separated tokens holding a letter or digit) in the summary; a sentence that would pass it is skipped. */
  maxWords?: number
}

/** What to summarise: either a flat list of sentences, or sections of sentences. */
export type SummaryInput = SummaryLimits &
  ({ sentences: string[]; sections?: never } | { sections: SummarySection[]; sentences?: never })

/** One chosen sentence and where it came from. */
export interface SummarySentence {
  text: string
  /** Index of the section (0 for a flat list of sentences). */
  section: number
  /** Index of the sentence inside its section. */
  index: number
}

export interface SummaryResult {
  /** Name of the engine that chose the sentences. */
  engine: string
  /** The chosen sentences, in the order of the source. */
  sentences: SummarySentence[]
}

export interface SummaryEngine {
  readonly name: string
  summarize(input: SummaryInput): Promise<SummaryResult>
}

export const DEFAULT_MAX_SENTENCES = 3
