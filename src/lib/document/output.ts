/**
 * Views of a `StructuredDocument` for later stages: clean plain text for display and summaries,
 * and a flat sentence stream with stable ids for speech.
 */
import { PART_IDS } from './parse'
import type { Block, Paragraph, Section, SentenceRef, StructuredDocument } from './types'

function paragraphLine(p: Paragraph): string {
  return p.bullet ? `${p.bullet} ${p.text}` : p.text
}

/** Heading line of a section: "Điều 3. Nội dung …", "II. NỘI DUNG …"; for an untitled khoản, its marker. */
function headingLine(s: Section): string {
  return s.title ? `${s.marker} ${s.title}` : s.marker
}

function blockLines(blocks: Block[]): string[] {
  const lines: string[] = []
  for (const block of blocks) {
    if (block.type === 'paragraph') {
      lines.push(paragraphLine(block))
      continue
    }
    const [first, ...rest] = block.children
    // An untitled khoản or điểm reads "1. Text of the clause." on one line.
    if (!block.title && first?.type === 'paragraph' && !first.bullet) {
      lines.push(`${block.marker} ${first.text}`)
      lines.push(...blockLines(rest))
    } else {
      lines.push(headingLine(block))
      lines.push(...blockLines(block.children))
    }
  }
  return lines
}

/**
 * The document as clean text: one paragraph per line, header, title, preamble, body and closing
 * separated by blank lines.
 */
export function toPlainText(doc: StructuredDocument): string {
  const parts: string[][] = []
  const h = doc.header
  const header = [...h.issuers, ...h.motto, h.numberLine, h.placeDateLine].filter((l): l is string => Boolean(l))
  if (header.length) parts.push(header)
  if (doc.title) parts.push([doc.title.type, doc.title.text].filter((l): l is string => Boolean(l)))
  if (doc.preamble.length) parts.push(doc.preamble.map(paragraphLine))
  if (doc.body.length) parts.push(blockLines(doc.body))
  const closing: string[] = []
  if (doc.closing.recipients.length) closing.push('Nơi nhận:', ...doc.closing.recipients.map((r) => `- ${r}`))
  for (const s of doc.closing.signatures) closing.push(...[s.capacity, ...s.positions, s.name].filter((l): l is string => Boolean(l)))
  if (closing.length) parts.push(closing)
  return parts.map((p) => p.join('\n')).join('\n\n') + '\n'
}

function* blockSentences(blocks: Block[], path: string[], sectionId: string): Generator<SentenceRef> {
  for (const block of blocks) {
    if (block.type === 'paragraph') {
      for (const s of block.sentences) yield { id: s.id, text: s.text, sectionPath: path, sectionId, role: 'text' }
      continue
    }
    const inner = [...path, block.label]
    if (block.title) yield { id: `${block.id}.h`, text: headingLine(block), sectionPath: inner, sectionId: block.id, role: 'heading' }
    yield* blockSentences(block.children, inner, block.id)
  }
}

/**
 * Every sentence in reading order — title, preamble, section headings and body text — with its
 * stable id and the labels of its enclosing sections. The header and closing blocks are not read.
 */
export function* sentences(doc: StructuredDocument): Generator<SentenceRef> {
  for (const s of doc.title?.sentences ?? []) yield { id: s.id, text: s.text, sectionPath: [], sectionId: PART_IDS.title, role: 'heading' }
  yield* blockSentences(doc.preamble, [], PART_IDS.preamble)
  yield* blockSentences(doc.body, [], PART_IDS.body)
}
