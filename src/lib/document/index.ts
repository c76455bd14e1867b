/**
 * Structured text of Vietnamese Party/state documents and news articles: clean-up of extracted text
 * or HTML, header/title/preamble/sections/closing, stable sentence ids, proposed metadata.
 */
export { parseDocument, type ParseOptions } from './parse'
export { toPlainText, sentences } from './output'
export { proposeMetadata } from './metadata'
export { extractArticle } from './html'
export type * from './types'
