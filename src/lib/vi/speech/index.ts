/** Text normalisation for Vietnamese speech synthesis. */
export { normalizeForSpeech, type NormalizeOptions } from './normalize'
export { ABBREVIATIONS, LOANWORDS, DOCUMENT_TYPES } from './dictionary'
export { readCardinal, readDigits, readNumberToken, readOrdinal } from './numbers'
export { isSyllable, spell } from './letters'
export { checkPronunciation, entriesUsed, type PronunciationCheck } from './entry'
