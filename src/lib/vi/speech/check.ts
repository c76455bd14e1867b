/**
 * Checks a spoken text against expectations, with the rules of the evaluation set
 * (/work/shared/eval/README.md): after lower-casing, replacing punctuation by spaces and ignoring where
 * the tone mark sits, every `must` phrase appears as whole syllables, one phrase of each `any` group
 * appears, and the text holds no digit.
 */
import { canonical } from '../text'

export interface SpeechExpectation {
  must?: readonly string[]
  any?: readonly (readonly string[])[]
}

export interface SpeechCheck {
  pass: boolean
  /** What failed, in Vietnamese: missing phrases, digits. */
  problems: string[]
}

/** Lower-case syllables with canonical tone placement; punctuation separates. */
function syllablesOf(text: string): string[] {
  return canonical(text).toLowerCase().split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean)
}

/** True when `phrase` occurs in `text` as a run of whole syllables. */
export function containsPhrase(text: string, phrase: string): boolean {
  const haystack = ` ${syllablesOf(text).join(' ')} `
  return haystack.includes(` ${syllablesOf(phrase).join(' ')} `)
}

export function checkSpoken(output: string, expected: SpeechExpectation): SpeechCheck {
  const problems: string[] = []
  for (const phrase of expected.must ?? []) if (!containsPhrase(output, phrase)) problems.push(`thiếu "${phrase}"`)
  for (const group of expected.any ?? [])
    if (!group.some((phrase) => containsPhrase(output, phrase))) problems.push(`thiếu một trong ${JSON.stringify(group)}`)
  if (/\p{N}/u.test(output)) problems.push('còn chữ số')
  return { pass: problems.length === 0, problems }
}
