/**
 * Rich text (Payload's Lexical JSON) from the structured text of a document or article
 * (src/lib/document): section headings by level, numbered items with their markers, bullet lists,
 * the recipients and signature of the closing block. Used to import documents given as text.
 */
import type { Block, ClosingBlock, Paragraph, Section, StructuredDocument } from '../../src/lib/document/types'

type Node = Record<string, unknown>
export type LexicalValue = { root: Node & { children: Node[] } }

const base = { format: '', indent: 0, version: 1, direction: 'ltr' as const }
const text = (value: string, bold = false): Node => ({ type: 'text', text: value, format: bold ? 1 : 0, mode: 'normal', style: '', detail: 0, version: 1 })
const paragraph = (children: Node[], align = ''): Node => ({ type: 'paragraph', ...base, format: align, textFormat: 0, textStyle: '', children })
const heading = (tag: 'h2' | 'h3' | 'h4', value: string): Node => ({ type: 'heading', tag, ...base, children: [text(value)] })
const bulletList = (items: string[]): Node => ({
  type: 'list',
  listType: 'bullet',
  tag: 'ul',
  start: 1,
  ...base,
  children: items.map((item, i) => ({ type: 'listitem', value: i + 1, checked: undefined, ...base, children: [text(item)] })),
})

/** Heading levels of the section kinds that carry a heading; the others are numbered paragraphs. */
const HEADING: Partial<Record<Section['kind'], 'h2' | 'h3' | 'h4'>> = { phan: 'h2', chuong: 'h2', muc: 'h3', roman: 'h2', dieu: 'h3' }

/** Consecutive bullet items become one list. */
function paragraphs(items: Paragraph[]): Node[] {
  const out: Node[] = []
  let bullets: string[] = []
  const flush = () => {
    if (bullets.length > 0) out.push(bulletList(bullets))
    bullets = []
  }
  for (const p of items) {
    if (p.bullet) bullets.push(p.text)
    else {
      flush()
      out.push(paragraph([text(p.text)]))
    }
  }
  flush()
  return out
}

function blocks(items: Block[]): Node[] {
  const out: Node[] = []
  let run: Paragraph[] = []
  const flush = () => {
    out.push(...paragraphs(run))
    run = []
  }
  for (const block of items) {
    if (block.type === 'paragraph') run.push(block)
    else {
      flush()
      out.push(...section(block))
    }
  }
  flush()
  return out
}

function section(s: Section): Node[] {
  const level = HEADING[s.kind]
  if (level) return [heading(level, [s.marker, s.title].filter(Boolean).join(' ')), ...blocks(s.children)]
  if (s.title) return [heading('h4', `${s.marker} ${s.title}`), ...blocks(s.children)]
  // "1." / "a)" items: the marker opens the item's first paragraph.
  const [first, ...rest] = s.children
  if (first?.type === 'paragraph' && !first.bullet) return [paragraph([text(`${s.marker} `, true), text(first.text)]), ...blocks(rest)]
  return [paragraph([text(s.marker, true)]), ...blocks(s.children)]
}

function closing(c: ClosingBlock): Node[] {
  const out: Node[] = []
  for (const sig of c.signatures) {
    const lines = [sig.capacity, ...sig.positions, sig.name].filter((l): l is string => !!l)
    out.push(...lines.map((line) => paragraph([text(line, line !== sig.name)], 'right')))
  }
  if (c.recipients.length > 0) out.push(paragraph([text('Nơi nhận:', true)]), bulletList(c.recipients))
  return out
}

/** The body of a parsed document or article as Lexical rich text (title and header stay metadata). */
export function documentToLexical(doc: StructuredDocument): LexicalValue {
  return { root: { type: 'root', ...base, children: [...paragraphs(doc.preamble), ...blocks(doc.body), ...closing(doc.closing)] } }
}

/** Plain paragraphs as Lexical rich text. */
export function paragraphsToLexical(texts: string[]): LexicalValue {
  return { root: { type: 'root', ...base, children: texts.map((t) => paragraph([text(t)])) } }
}

/** `values` one after the other. */
export function concatLexical(...values: LexicalValue[]): LexicalValue {
  return { root: { ...values[0].root, children: values.flatMap((v) => v.root.children) } }
}
