/**
 * Views of a StructuredDocument for the member site and the later stages: the flat reading structure
 * (sections with headings, levels and sentences with their stable ids), the parts a summary is chosen
 * from (per Điều for regulations, else per top-level section), and the sentences to read aloud.
 */
import { sentences, type Block, type Section, type StructuredDocument } from '../src/lib/document'
import type { SpeechSentence } from '../src/lib/speech'
import type { ReadingStructure, SectionOut, SentenceOut } from './pipeline'

const headingLine = (s: Section) => (s.title ? `${s.marker} ${s.title}` : null)
const CHAPTER_KINDS = new Set(['phan', 'chuong', 'muc', 'dieu', 'roman'])

export function readingStructure(doc: StructuredDocument): ReadingStructure {
  const sections: SectionOut[] = []
  const paragraphsOf = (blocks: Block[]): SentenceOut[] =>
    blocks.flatMap((b) => (b.type === 'paragraph' ? b.sentences.map((s) => ({ id: s.id, text: s.text })) : []))
  const walk = (blocks: Block[], level: number) => {
    for (const block of blocks) {
      if (block.type !== 'section') continue
      const heading = headingLine(block)
      sections.push({ id: block.id, heading: heading ?? block.marker, ...(heading ? { headingId: `${block.id}.h` } : {}), level, sentences: paragraphsOf(block.children) })
      walk(block.children, level + 1)
    }
  }
  if (doc.preamble.length) sections.push({ id: 'can-cu', heading: null, level: 1, sentences: paragraphsOf(doc.preamble) })
  const rootSentences = paragraphsOf(doc.body)
  if (rootSentences.length) sections.push({ id: 'noi-dung', heading: null, level: 1, sentences: rootSentences })
  walk(doc.body, 1)
  return { title: doc.title?.text ?? null, sections }
}

export type SummaryPart = { sectionId: string; heading: string | null; sentences: SentenceOut[] }

const allSentences = (blocks: Block[]): SentenceOut[] =>
  blocks.flatMap((b) => (b.type === 'paragraph' ? b.sentences.map((s) => ({ id: s.id, text: s.text })) : allSentences(b.children)))

function findSections(blocks: Block[], kind: Section['kind']): Section[] {
  return blocks.flatMap((b) => (b.type !== 'section' ? [] : b.kind === kind ? [b] : findSections(b.children, kind)))
}

/** The parts a summary and its key points come from: each Điều of a regulation, else each top-level section. */
export function summaryParts(doc: StructuredDocument): SummaryPart[] {
  const parts: SummaryPart[] = []
  const root = doc.body.flatMap((b) => (b.type === 'paragraph' ? b.sentences.map((s) => ({ id: s.id, text: s.text })) : []))
  if (root.length) parts.push({ sectionId: 'noi-dung', heading: null, sentences: root })
  const articles = findSections(doc.body, 'dieu')
  const sections = articles.length ? articles : doc.body.filter((b): b is Section => b.type === 'section')
  for (const s of sections) {
    const list = allSentences(s.children)
    if (list.length) parts.push({ sectionId: s.id, heading: headingLine(s) ?? s.label, sentences: list })
  }
  return parts
}

/** Every sentence in reading order with chapter titles for Phần/Chương/Mục/Điều and I./II. headings. */
export function speechSentences(doc: StructuredDocument): SpeechSentence[] {
  const chapters = new Map<string, string>()
  const collect = (blocks: Block[]) => {
    for (const b of blocks) {
      if (b.type !== 'section') continue
      if (CHAPTER_KINDS.has(b.kind)) chapters.set(b.id, headingLine(b) ?? b.label)
      collect(b.children)
    }
  }
  collect(doc.body)
  let chapter: string | undefined
  return [...sentences(doc)].map((s) => {
    // A sentence belongs to the innermost chapter-level section on its path.
    const id = [...chapters.keys()].filter((k) => s.sectionId === k || s.sectionId.startsWith(`${k}.`)).sort((a, b) => b.length - a.length)[0]
    chapter = id ? chapters.get(id) : s.sectionId === 'tieu-de' || s.sectionId === 'can-cu' ? undefined : chapter
    return { id: s.id, text: s.text, chapter }
  })
}
