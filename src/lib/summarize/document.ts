/**
 * Summaries of a Party or state document given as sections (another module parses the document
 * structure; a regulation's sections are its articles, "Điều 1. …", "Điều 2. …"):
 *  - a short summary: 3 to 5 sentences, at most 120 words, in document order;
 *  - one key point per section: the sentence of the section that best states it.
 * Header, preamble, recipients and signature blocks are removed first, so they never appear.
 */
import { boilerplateMask, isClosingHeading } from './boilerplate'
import type { SummaryEngine, SummarySection, SummarySentence } from './types'

export interface DocumentInput {
  /** Title of the document ("Quy định về sử dụng ứng dụng Sổ tay đảng viên điện tử"). */
  title?: string
  sections: SummarySection[]
}

export interface KeyPoint {
  /** Index of the section in the input. */
  section: number
  heading?: string
  sentence: SummarySentence
}

export interface DocumentSummary {
  engine: string
  /** The short summary, in document order (indices refer to the input sections). */
  summary: SummarySentence[]
  /** One key point for each section that has content, in document order. */
  keyPoints: KeyPoint[]
}

export const SUMMARY_MAX_SENTENCES = 5
export const SUMMARY_MAX_WORDS = 120

/** A section stripped of boilerplate, remembering where each kept sentence came from. */
interface BodySection {
  section: number
  heading?: string
  sentences: string[]
  originalIndex: number[]
}

function bodyOf(sections: SummarySection[]): BodySection[] {
  const body: BodySection[] = []
  sections.forEach((s, section) => {
    if (s.heading && isClosingHeading(s.heading)) return
    const mask = boilerplateMask(s.sentences)
    const kept = s.sentences.map((text, i) => ({ text, i })).filter(({ i }) => !mask[i])
    if (kept.length === 0) return
    body.push({ section, heading: s.heading, sentences: kept.map((k) => k.text), originalIndex: kept.map((k) => k.i) })
  })
  return body
}

/** Maps a sentence chosen among `body` back to the input sections. */
function original(body: BodySection[], chosen: SummarySentence): SummarySentence {
  const b = body[chosen.section]
  return { text: chosen.text, section: b.section, index: b.originalIndex[chosen.index] }
}

export async function summarizeDocument(engine: SummaryEngine, doc: DocumentInput): Promise<DocumentSummary> {
  const body = bodyOf(doc.sections)
  const overall = await engine.summarize({
    title: doc.title,
    sections: body.map((b) => ({ heading: b.heading, sentences: b.sentences })),
    maxSentences: SUMMARY_MAX_SENTENCES,
    maxWords: SUMMARY_MAX_WORDS,
  })
  const keyPoints: KeyPoint[] = []
  for (const [i, b] of body.entries()) {
    const point = await engine.summarize({ title: b.heading ?? doc.title, sentences: b.sentences, maxSentences: 1 })
    const chosen = point.sentences[0]
    if (chosen) keyPoints.push({ section: b.section, heading: b.heading, sentence: original(body, { ...chosen, section: i }) })
  }
  return { engine: overall.engine, summary: overall.sentences.map((s) => original(body, s)), keyPoints }
}
