/**
 * Builds the section tree (Phần › Chương › Mục › Điều › Khoản › Điểm, or I. › 1. › 1.1. › a) for plans
 * and reports) from logical lines, and gives every section, paragraph and sentence a stable id
 * derived from its position: "dieu-3.k2.diem-a.s1".
 */
import { fold } from '../vi/text'
import { splitSentences } from '../vi/sentences'
import { isNextLetter, parseBullet, parseMarker, romanValue, type Marker } from './markers'
import type { Block, Paragraph, Section, SectionKind, Sentence } from './types'

/** Outermost first. Dotted numbers nest by depth (1.1. under 1., 1.1.1. under 1.1.). */
const RANK: Record<Marker['kind'], number> = {
  phan: 0,
  chuong: 1,
  muc: 2,
  roman: 3,
  dieu: 4,
  number: 5,
  subnumber: 6,
  letter: 20,
}

/** The concluding paragraph of a plan or report stands outside its last section. */
const CONCLUSION = /^Trên đây (là|Ban|Đảng|Tỉnh|Thành|Huyện|Chi)/u

const KEYWORD_KINDS: ReadonlyArray<Marker['kind']> = ['phan', 'chuong', 'muc', 'dieu']
/** Headings whose text after the marker is always a title, never body text. */
const TITLED_KINDS: ReadonlyArray<Marker['kind']> = [...KEYWORD_KINDS, 'roman']

interface Open {
  section: Section
  rank: number
  /** Sentences numbered so far among this section's own paragraphs. */
  sentenceCount: number
  paragraphCount: number
  /** A letter item's own text paragraph has been read: further plain paragraphs belong to its parent. */
  hasText: boolean
}

/** Root container: the body, or the preamble. */
export interface Container {
  id: string
  children: Block[]
}

function rankOf(marker: Marker): number {
  return marker.kind === 'subnumber' ? RANK.subnumber + marker.number.split('.').length - 2 : RANK[marker.kind]
}

function lastSectionOfKind(children: Block[], kind: Marker['kind']): Section | undefined {
  for (let i = children.length - 1; i >= 0; i--) {
    const b = children[i]
    if (b.type === 'section' && baseKind(b.kind) === kind) return b
  }
  return undefined
}

/** Kind of a marker before context (khoản is a number, điểm a letter). */
function baseKind(kind: SectionKind): Marker['kind'] {
  if (kind === 'khoan') return 'number'
  if (kind === 'diem') return 'letter'
  return kind
}

function isFirstNumber(marker: Marker): boolean {
  switch (marker.kind) {
    case 'roman':
      return romanValue(marker.number) === 1
    case 'number':
      return marker.number === '1'
    case 'subnumber':
      return marker.number.endsWith('.1')
    case 'letter':
      return marker.number === 'a'
    default:
      return true
  }
}

function followsInSequence(previous: string, marker: Marker): boolean {
  switch (marker.kind) {
    case 'roman':
      return romanValue(marker.number) === romanValue(previous) + 1
    case 'number':
      return Number(marker.number) === Number(previous) + 1
    case 'subnumber': {
      const a = previous.split('.')
      const b = marker.number.split('.')
      return a.length === b.length && a.slice(0, -1).join('.') === b.slice(0, -1).join('.') && Number(b.at(-1)) === Number(a.at(-1)) + 1
    }
    case 'letter':
      return isNextLetter(previous, marker.number)
    default:
      return true
  }
}

/** Text after a number/letter marker is a title when it is a short phrase, not a sentence. */
function isTitlePhrase(text: string): boolean {
  return text.length > 0 && !/[.!?…:;,]["'”’)\]]*$/u.test(text) && text.split(' ').length <= 20
}

/** Id segment of a section: "dieu-3", "k2", "k1-2", "diem-a", "muc-ii", "chuong-ii", "phan-thu-nhat". */
function idSegment(kind: SectionKind, number: string): string {
  const slug = fold(number)
    .toLowerCase()
    .replace(/đ/g, 'dd')
    .replace(/[^a-z0-9]+/g, '-')
  switch (kind) {
    case 'khoan':
    case 'number':
      return `k${slug}`
    case 'subnumber':
      return `k${slug}`
    case 'diem':
    case 'letter':
      return `diem-${number === 'đ' ? 'dd' : slug}`
    case 'roman':
      return `muc-${slug}`
    default:
      return `${kind}-${slug}`
  }
}

function labelOf(kind: SectionKind, number: string, marker: string): string {
  switch (kind) {
    case 'phan':
    case 'chuong':
    case 'muc':
    case 'dieu':
      return marker.replace(/[.:\-–\s]+$/u, '')
    case 'khoan':
      return `Khoản ${number}`
    case 'diem':
      return `Điểm ${number}`
    default:
      return number
  }
}

/**
 * Streams logical lines into a tree. `root` receives root-level paragraphs and top sections;
 * ids of root-level sentences are prefixed with `root.id`.
 */
export class TreeBuilder {
  private stack: Open[] = []
  private rootState: Open
  private usedIds = new Set<string>()

  constructor(root: Container) {
    // The root behaves as an open section of lowest rank that never closes.
    this.rootState = {
      section: { type: 'section', id: root.id, kind: 'number', number: '', marker: '', label: '', children: root.children },
      rank: -1,
      sentenceCount: 0,
      paragraphCount: 0,
      hasText: false,
    }
  }

  /** Adds one logical line: a heading, a list item or a plain paragraph. `next` lets a bare heading take its title. */
  add(line: string, next?: string): { consumedNext: boolean } {
    const marker = parseMarker(line)
    if (marker && this.accepts(marker)) return this.openSection(marker, next)
    const bullet = parseBullet(line)
    if (!bullet && CONCLUSION.test(line)) this.stack = []
    this.addParagraph(bullet ? bullet.text : line, bullet?.bullet)
    return { consumedNext: false }
  }

  private top(): Open {
    return this.stack[this.stack.length - 1] ?? this.rootState
  }

  /** The parent a section of this rank would get, without changing the stack. */
  private parentFor(rank: number): Open {
    for (let i = this.stack.length - 1; i >= 0; i--) if (this.stack[i].rank < rank) return this.stack[i]
    return this.rootState
  }

  /** Keyword headings always open a section; numbered ones only when they continue a sequence or start one. */
  private accepts(marker: Marker): boolean {
    if (KEYWORD_KINDS.includes(marker.kind)) return true
    const parent = this.parentFor(rankOf(marker))
    const previous = lastSectionOfKind(parent.section.children, marker.kind)
    if (previous) return followsInSequence(previous.number, marker) || (isFirstNumber(marker) && marker.kind !== 'roman')
    // A fragment may start mid-sequence: accept a capitalised item, or an all-capitals roman heading.
    if (marker.kind === 'roman') return isFirstNumber(marker) || !/\p{Ll}/u.test(marker.rest)
    return isFirstNumber(marker) || /^\p{Lu}/u.test(marker.rest)
  }

  private openSection(marker: Marker, next?: string): { consumedNext: boolean } {
    const rank = rankOf(marker)
    while (this.stack.length && this.top().rank >= rank) this.stack.pop()
    const parent = this.top()
    const kind = this.contextKind(marker.kind)
    const segment = idSegment(kind, marker.number)
    const section: Section = {
      type: 'section',
      id: this.uniqueId(parent === this.rootState ? segment : `${parent.section.id}.${segment}`),
      kind,
      number: marker.number,
      marker: marker.marker,
      label: labelOf(kind, marker.number, marker.marker),
      children: [],
    }
    parent.section.children.push(section)
    this.stack.push({ section, rank, sentenceCount: 0, paragraphCount: 0, hasText: false })
    let consumedNext = false
    if (TITLED_KINDS.includes(marker.kind)) {
      if (marker.rest) section.title = marker.rest
      else if (next && isTitlePhrase(next) && !parseMarker(next) && !parseBullet(next)) {
        section.title = next
        consumedNext = true
      }
    } else if (isTitlePhrase(marker.rest)) {
      section.title = marker.rest
    } else {
      this.addParagraph(marker.rest)
    }
    return { consumedNext }
  }

  /** Numbers inside an Điều are khoản, letters inside an Điều are điểm. */
  private contextKind(kind: Marker['kind']): SectionKind {
    const inArticle = this.stack.some((o) => o.section.kind === 'dieu')
    if (inArticle && kind === 'number') return 'khoan'
    if (inArticle && kind === 'letter') return 'diem'
    return kind
  }

  private uniqueId(id: string): string {
    let candidate = id
    for (let n = 2; this.usedIds.has(candidate); n++) candidate = `${id}-${n}`
    this.usedIds.add(candidate)
    return candidate
  }

  private addParagraph(text: string, bullet?: string): void {
    let open = this.top()
    // An untitled lettered point holds one paragraph; a plain paragraph after it goes back to its parent.
    while (!bullet && open !== this.rootState && baseKind(open.section.kind) === 'letter' && open.hasText && !open.section.title) {
      this.stack.pop()
      open = this.top()
    }
    const prefix = open.section.id
    const paragraph: Paragraph = {
      type: 'paragraph',
      id: `${prefix}.p${++open.paragraphCount}`,
      text,
      sentences: splitSentences(text).map((s): Sentence => ({ id: `${prefix}.s${++open.sentenceCount}`, text: s })),
    }
    if (bullet) paragraph.bullet = bullet
    open.section.children.push(paragraph)
    if (!bullet) open.hasText = true
  }
}
