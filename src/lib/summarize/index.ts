/** Extractive summaries of Vietnamese text: engines, document-level summaries, ROUGE. */
export type { SummaryEngine, SummaryInput, SummaryResult, SummarySection, SummarySentence } from './types'
export { LexicalSummaryEngine } from './lexical-engine'
export { EmbeddingSummaryEngine, loadSentenceEncoder, type EmbeddingModelOptions, type SentenceEncoder } from './embedding-engine'
export { createSummaryEngine, type SummaryEngineOptions } from './factory'
export { summarizeDocument, type DocumentInput, type DocumentSummary, type KeyPoint } from './document'
export { boilerplateKind, type BoilerplateKind } from './boilerplate'
export { rouge, type RougeScores } from './rouge'
