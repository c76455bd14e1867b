/** The default engine: needs no model. Sentences are compared as TF-IDF vectors of their syllables. */
import { extractSummary } from './extractive'
import type { SummaryEngine, SummaryInput, SummaryResult } from './types'

export class LexicalSummaryEngine implements SummaryEngine {
  readonly name = 'lexical'

  summarize(input: SummaryInput): Promise<SummaryResult> {
    return extractSummary(this.name, input)
  }
}
