/**
 * What the member site reads and listens to for one document or news item: what
 * `GET /api/documents/:id/reading` answers (text structure, summary, audio with sentence timings), read in
 * this process with the same `readingOf`. Until the
 * processing pipeline has produced that output, the structure is made here from the item's own body
 * (Lexical → text → src/lib/document), with no summary and no audio.
 */
import { parseDocument, sentences as sentencesOf } from '@/lib/document'
import { readingOf } from '../../../../collections/DocumentOutputs/reading'
import { sitePayload } from './server'

export type ReadingSentence = { id: string; text: string }
/** `headingId`: the id under which the heading is read aloud (processed output only). */
export type ReadingSection = { id: string; heading: string; headingId?: string; level: number; sentences: ReadingSentence[] }
export type Timing = { sentenceId: string; startMs: number; endMs: number }
export type AudioTrack = { url: string; durationMs: number; timings: Timing[] }
export type Reading = {
  status: string
  structure: { title: string; sections: ReadingSection[] }
  summary: { sentences: ReadingSentence[]; keyPoints: { sectionId: string; heading: string; text: string }[] }
  audio: { full?: AudioTrack; summary?: AudioTrack }
  /** 'processed' when it came from the reading endpoint, 'body' when made here from the body. */
  source: 'processed' | 'body'
}

type LexNode = { type?: string; text?: string; tag?: string; listType?: string; children?: LexNode[] }

const inline = (node: LexNode): string =>
  node.type === 'text' ? (node.text ?? '') : node.type === 'linebreak' ? '\n' : (node.children ?? []).map(inline).join('')

/** Lexical rich text as lines: one per paragraph, heading and list item (bullets keep a "-"). */
export function lexicalLines(value: unknown): string[] {
  const root = (value as { root?: LexNode } | null)?.root
  const lines: string[] = []
  const walk = (node: LexNode, bullet: boolean) => {
    if (node.type === 'list') {
      for (const item of node.children ?? []) walk(item, node.listType !== 'number')
      return
    }
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'quote' || node.type === 'listitem') {
      const nested = (node.children ?? []).filter((c) => c.type === 'list')
      const text = (node.children ?? []).filter((c) => c.type !== 'list').map(inline).join('').trim()
      if (text) lines.push(...text.split('\n').map((l, i) => (bullet && i === 0 ? `- ${l.trim()}` : l.trim())).filter(Boolean))
      for (const list of nested) walk(list, false)
      return
    }
    for (const child of node.children ?? []) walk(child, bullet)
  }
  if (root) walk(root, false)
  return lines
}

/** The plain text of a Lexical value (for excerpts). */
export const lexicalText = (value: unknown): string => lexicalLines(value).join('\n')

/** Sections and sentences from an item's body; a new section starts at each heading. */
export function structureFromBody(title: string, body: unknown): Reading['structure'] {
  const text = lexicalLines(body).join('\n')
  const sections: ReadingSection[] = []
  if (!text.trim()) return { title, sections }
  const parsed = parseDocument(text, { format: 'text' })
  let current: ReadingSection | null = null
  for (const s of sentencesOf(parsed)) {
    if (s.sectionId === 'tieu-de') {
      // A body that starts with a headline: keep it as text (the page title is the item's own).
      current ??= { id: 'mo-dau', heading: '', level: 1, sentences: [] }
      if (!sections.includes(current)) sections.push(current)
      current.sentences.push({ id: s.id, text: s.text })
      continue
    }
    if (s.role === 'heading') {
      current = { id: s.sectionId, heading: s.text, level: Math.max(1, Math.min(3, s.sectionPath.length)), sentences: [] }
      sections.push(current)
      continue
    }
    if (!current) {
      current = { id: s.sectionId === 'can-cu' ? 'can-cu' : 'mo-dau', heading: '', level: 1, sentences: [] }
      sections.push(current)
    }
    current.sentences.push({ id: s.id, text: s.text })
  }
  return { title, sections }
}

const isTrack = (t: any): t is AudioTrack => t && typeof t.url === 'string' && Array.isArray(t.timings)

/**
 * The processed reading output of an item, or null when there is none yet. Read in this process (no
 * request to our own API): the caller passes an item it has just read under the reader's own access.
 */
async function processedReading(source: 'documents' | 'news', id: string | number): Promise<Omit<Reading, 'source'> | null> {
  try {
    const json = await readingOf(await sitePayload(), source, id)
    const sections = json.structure?.sections
    if (!Array.isArray(sections) || sections.length === 0) return null
    return {
      status: String(json.status ?? 'ready'),
      structure: { title: String(json.structure?.title ?? ''), sections: sections as ReadingSection[] },
      summary: { sentences: json.summary?.sentences ?? [], keyPoints: (json.summary?.keyPoints ?? []).map((k) => ({ ...k, heading: k.heading ?? '' })) },
      audio: { full: isTrack(json.audio?.full) ? json.audio.full : undefined, summary: isTrack(json.audio?.summary) ? json.audio.summary : undefined },
    }
  } catch {
    return null
  }
}

/**
 * The structure made from an item's body, kept per item and version (its `updatedAt`): parsing a whole
 * regulation (sentences, Vietnamese normalisation) costs more than the rest of its page.
 */
const bodyStructures = new Map<string, Reading['structure']>()
const MAX_BODY_STRUCTURES = 200

function bodyStructure(key: string, updatedAt: unknown, title: string, body: unknown): Reading['structure'] {
  if (typeof updatedAt !== 'string') return structureFromBody(title, body)
  const versioned = `${key}|${updatedAt}|${title}`
  const known = bodyStructures.get(versioned)
  if (known) return known
  const made = structureFromBody(title, body)
  if (bodyStructures.size >= MAX_BODY_STRUCTURES) bodyStructures.delete(bodyStructures.keys().next().value as string)
  bodyStructures.set(versioned, made)
  return made
}

type Item = { id: string | number; title?: string | null; updatedAt?: unknown }

/** The reading view of a document: processed output when there is some, else made from its body. */
export async function documentReading(doc: Item & { content?: unknown }): Promise<Reading> {
  const processed = await processedReading('documents', doc.id)
  if (processed) return { ...processed, source: 'processed' }
  return {
    status: 'chua-xu-ly',
    structure: bodyStructure(`documents/${doc.id}`, doc.updatedAt, doc.title ?? '', doc.content),
    summary: { sentences: [], keyPoints: [] },
    audio: {},
    source: 'body',
  }
}

/** The reading view of a news item: processed output when there is some, else made from its body. */
export async function newsReading(item: Item & { body?: unknown }): Promise<Reading> {
  const processed = await processedReading('news', item.id)
  if (processed) return { ...processed, source: 'processed' }
  return { status: 'chua-xu-ly', structure: bodyStructure(`news/${item.id}`, item.updatedAt, item.title ?? '', item.body), summary: { sentences: [], keyPoints: [] }, audio: {}, source: 'body' }
}
