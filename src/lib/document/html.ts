/**
 * Article extraction from a web page, offline and dependency-light: a forgiving HTML tokenizer and
 * tree builder, readability-style scoring of text density by block to find the article among menus,
 * sidebars, share buttons, related links and footers, then conversion of the article to text
 * blocks (one paragraph per line, blank lines between blocks).
 */
import { decodeHTML } from 'entities'

export interface HtmlElement {
  tag: string
  attrs: Record<string, string>
  children: HtmlNode[]
  parent: HtmlElement | null
}
export type HtmlNode = HtmlElement | string

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr'])
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'noscript', 'template', 'xmp'])
/** Opening one of these closes an open <p>. */
const CLOSES_P = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'details',
  'div',
  'dl',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'ul',
])
/** Elements closed implicitly by a sibling of the listed tags. */
const IMPLIED_END: Record<string, string[]> = {
  li: ['li'],
  dt: ['dt', 'dd'],
  dd: ['dt', 'dd'],
  tr: ['tr', 'tbody', 'thead', 'tfoot'],
  td: ['td', 'th', 'tr', 'tbody', 'thead', 'tfoot'],
  th: ['td', 'th', 'tr', 'tbody', 'thead', 'tfoot'],
  option: ['option', 'optgroup'],
}
const BLOCK = new Set([
  ...CLOSES_P,
  'li',
  'dd',
  'dt',
  'td',
  'th',
  'tr',
  'tbody',
  'thead',
  'tfoot',
  'caption',
  'body',
  'html',
  'center',
  'nav',
])

const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<![^>]*>|<\?[^>]*>|<\/?([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g
const ATTR = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g

function parseAttrs(source: string): Record<string, string> {
  const attrs: Record<string, string> = {}
  for (const m of source.matchAll(ATTR)) attrs[m[1].toLowerCase()] = decodeHTML(m[2] ?? m[3] ?? m[4] ?? '')
  return attrs
}

/** Parses HTML into a tree rooted at a synthetic "#root" element. Malformed markup is tolerated. */
export function parseHtml(html: string): HtmlElement {
  const root: HtmlElement = { tag: '#root', attrs: {}, children: [], parent: null }
  let current = root
  let last = 0
  const text = (s: string): void => {
    if (s) current.children.push(decodeHTML(s))
  }
  const close = (tag: string): void => {
    for (let el: HtmlElement | null = current; el && el !== root; el = el.parent) {
      if (el.tag === tag) {
        current = el.parent ?? root
        return
      }
    }
  }
  TOKEN.lastIndex = 0
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    text(html.slice(last, m.index))
    last = TOKEN.lastIndex
    const tag = m[1]?.toLowerCase()
    if (!tag) continue // comment, doctype, CDATA, processing instruction
    if (m[0][1] === '/') {
      close(tag)
      continue
    }
    if (CLOSES_P.has(tag) && hasOpen(current, 'p')) close('p')
    for (const [child, closers] of Object.entries(IMPLIED_END)) {
      if (closers.includes(tag) && current.tag === child) close(child)
    }
    const el: HtmlElement = { tag, attrs: parseAttrs(m[2]), children: [], parent: current }
    current.children.push(el)
    if (VOID.has(tag) || m[2].trimEnd().endsWith('/')) continue
    if (RAW_TEXT.has(tag)) {
      const endTag = new RegExp(`</${tag}`, 'gi')
      endTag.lastIndex = last
      const end = endTag.exec(html)?.index ?? -1
      const stop = end < 0 ? html.length : end
      if (tag === 'title' || tag === 'textarea') el.children.push(decodeHTML(html.slice(last, stop)))
      const gt = end < 0 ? html.length : html.indexOf('>', end)
      last = gt < 0 ? html.length : gt + 1
      TOKEN.lastIndex = last
      continue
    }
    current = el
  }
  text(html.slice(last))
  return root
}

function hasOpen(el: HtmlElement, tag: string): boolean {
  for (let e: HtmlElement | null = el; e; e = e.parent) {
    if (e.tag === tag) return true
    if (e.tag === 'table' || e.tag === 'div' || e.tag === 'li' || e.tag === 'td') return false
  }
  return false
}

/** True when `input` is an HTML page or fragment rather than plain text. */
export function looksLikeHtml(input: string): boolean {
  const head = input.slice(0, 2000).trimStart().toLowerCase()
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return true
  const tags = input.match(/<\/?(p|div|br|span|a|li|td|h[1-6]|body|article|section)\b[^>]*>/gi)
  return (tags?.length ?? 0) >= 3
}

// ---------------------------------------------------------------------------------------------
// Readability-style scoring

/** Removed before scoring: never article text. (<form> stays: ASP.NET portals wrap whole pages in one.) */
const DROP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'canvas',
  'iframe',
  'object',
  'embed',
  'button',
  'input',
  'select',
  'textarea',
  'nav',
  'aside',
  'footer',
  'menu',
  'dialog',
  'head',
  'figcaption',
  'video',
  'audio',
  'map',
])
const DROP_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'menu', 'menubar', 'search', 'dialog'])
const UNLIKELY =
  /(^|[\s_-])(banner|logo|brand|breadcrumbs?|menu|navbar|nav|navigation|sidebar|side-bar|footer|header|masthead|share|sharing|social|comment|comments|related|relate|lien-?quan|tinlienquan|tin-?khac|other-?news|more-?news|cung-?chuyen-?muc|widget|ads?|advert|advertisement|quang-?cao|popup|modal|cookie|login|search|tags?|toolbar|pagination|pager|print|rating|subscribe|hotline|copyright|caption|author-box|most-?read|doc-?nhieu|xem-?nhieu)([\s_-]|$)/i
const LIKELY =
  /(^|[\s_-])(article|content|contents|main|post|entry|story|detail|details|chi-?tiet|noi-?dung|noidung|chitiet|body|text|news-?content|fck|baiviet|bai-?viet)([\s_-]|$)/i
const NEGATIVE_WEIGHT = /(comment|footer|meta|sidebar|sponsor|share|social|related|widget|menu|banner|lienquan|lien-quan|tinkhac|tin-khac)/i

function classAndId(el: HtmlElement): string {
  return `${el.attrs.class ?? ''} ${el.attrs.id ?? ''}`.trim()
}

function isHidden(el: HtmlElement): boolean {
  const style = (el.attrs.style ?? '').replace(/\s+/g, '').toLowerCase()
  return 'hidden' in el.attrs || el.attrs['aria-hidden'] === 'true' || style.includes('display:none') || style.includes('visibility:hidden')
}

/** Removes elements that are never part of an article: scripts, navigation, asides, hidden or unlikely blocks. */
function prune(el: HtmlElement, insideLikely: boolean): void {
  el.children = el.children.filter((child) => {
    if (typeof child === 'string') return true
    if (DROP_TAGS.has(child.tag) || DROP_ROLES.has(child.attrs.role ?? '') || isHidden(child)) return false
    const names = classAndId(child)
    const likely = LIKELY.test(names)
    if (!likely && UNLIKELY.test(names) && child.tag !== 'body' && child.tag !== 'article' && child.tag !== 'main') {
      // An unlikely-named wrapper that still holds the page's main heading stays.
      if (!insideLikely || !containsTag(child, 'h1')) return false
    }
    if (child.tag === 'header' && linkDensity(child) > 0.3) return false
    prune(child, insideLikely || likely)
    return true
  })
}

function containsTag(el: HtmlElement, tag: string): boolean {
  return el.children.some((c) => typeof c !== 'string' && (c.tag === tag || containsTag(c, tag)))
}

/** Visible text of a subtree, white space collapsed. */
export function textOf(node: HtmlNode): string {
  return (typeof node === 'string' ? node : node.children.map(textOf).join(' ')).replace(/\s+/g, ' ').trim()
}

function linkTextLength(el: HtmlElement): number {
  let n = 0
  for (const c of el.children) if (typeof c !== 'string') n += c.tag === 'a' ? textOf(c).length : linkTextLength(c)
  return n
}

function linkDensity(el: HtmlElement): number {
  const total = textOf(el).length
  return total === 0 ? 0 : linkTextLength(el) / total
}

function tagWeight(tag: string): number {
  if (tag === 'article' || tag === 'main') return 10
  if (tag === 'div' || tag === 'section') return 5
  if (tag === 'pre' || tag === 'td' || tag === 'blockquote') return 3
  if (['address', 'ol', 'ul', 'dl', 'dd', 'dt', 'li', 'form'].includes(tag)) return -3
  if (/^h[1-6]$/.test(tag) || tag === 'th') return -5
  return 0
}

function classWeight(el: HtmlElement): number {
  const names = classAndId(el)
  let w = 0
  if (LIKELY.test(names)) w += 25
  if (NEGATIVE_WEIGHT.test(names)) w -= 25
  return w
}

/** Elements whose own text forms paragraphs: <p>, <pre>, <td>, <li>, and <div>s without block children. */
function isParagraphLike(el: HtmlElement): boolean {
  if (['p', 'pre', 'td', 'li', 'blockquote', 'dd'].includes(el.tag)) return true
  return el.tag === 'div' && !el.children.some((c) => typeof c !== 'string' && BLOCK.has(c.tag))
}

function walk(el: HtmlElement, visit: (e: HtmlElement) => void): void {
  visit(el)
  for (const c of el.children) if (typeof c !== 'string') walk(c, visit)
}

/**
 * Scores containers by the paragraphs inside them (length, commas), passing each paragraph's score
 * to its parent in full and to its grandparent by half, then discounts by link density.
 */
function bestCandidate(root: HtmlElement): HtmlElement | null {
  const scores = new Map<HtmlElement, number>()
  const init = (el: HtmlElement): number => {
    if (!scores.has(el)) scores.set(el, tagWeight(el.tag) + classWeight(el))
    return scores.get(el) as number
  }
  walk(root, (el) => {
    if (!isParagraphLike(el) || !el.parent) return
    const text = textOf(el)
    if (text.length < 25) return
    const score = 1 + (text.match(/[,،、]/g)?.length ?? 0) + Math.min(3, Math.floor(text.length / 100))
    const levels: Array<[HtmlElement | null, number]> = [
      [el.parent, 1],
      [el.parent.parent, 2],
      [el.parent.parent?.parent ?? null, 3],
    ]
    for (const [ancestor, divider] of levels) {
      if (!ancestor || ancestor.tag === '#root') continue
      scores.set(ancestor, init(ancestor) + score / divider)
    }
  })
  let best: HtmlElement | null = null
  let bestScore = -Infinity
  for (const [el, score] of scores) {
    const final = score * (1 - linkDensity(el))
    if (final > bestScore) {
      best = el
      bestScore = final
    }
  }
  return best
}

// ---------------------------------------------------------------------------------------------
// Blocks

/** Text blocks of a subtree: headings, paragraphs, list items ("- " / "1. "), table cells, <br> breaks. */
function toBlocks(el: HtmlElement): string[] {
  const blocks: string[] = []
  let inline = ''
  const flush = (): void => {
    const lines = inline
      .split('\n')
      .map((l) => l.replace(/[ \t\r\f]+/g, ' ').trim())
      .filter(Boolean)
    if (lines.length) blocks.push(lines.join('\n'))
    inline = ''
  }
  const visit = (node: HtmlNode, listPrefix?: string): void => {
    if (typeof node === 'string') {
      inline += node.replace(/\s+/g, ' ')
      return
    }
    if (node.tag === 'br') {
      inline += '\n'
      return
    }
    if (node.tag === 'img' || node.tag === 'hr') return
    const isBlock = BLOCK.has(node.tag) || /^h[1-6]$/.test(node.tag)
    if (isBlock) flush()
    if (node.tag === 'li' && listPrefix !== undefined) inline += listPrefix
    let n = 0
    for (const child of node.children) {
      const prefix = node.tag === 'ul' ? '- ' : node.tag === 'ol' ? `${++n}. ` : undefined
      if (prefix !== undefined && typeof child !== 'string' && child.tag === 'li') visit(child, prefix)
      else if (typeof child !== 'string' || prefix === undefined) visit(child)
    }
    if (isBlock) flush()
  }
  visit(el)
  flush()
  return blocks
}

/** The page's own title, read before pruning: og:title, else <title>, without a trailing site name. */
function metaTitle(root: HtmlElement): string | undefined {
  let title: string | undefined
  let og: string | undefined
  walk(root, (el) => {
    if (!title && el.tag === 'title') title = textOf(el)
    if (!og && el.tag === 'meta' && el.attrs.property === 'og:title') og = el.attrs.content
  })
  // "Tiêu đề bài - Tên trang": drop the site name after the last separator.
  return (og ?? title)?.replace(/\s+[|–—-]\s+[^|–—-]{2,60}$/, '').trim() || undefined
}

function publishedAt(root: HtmlElement): string | undefined {
  let meta: string | undefined
  let time: string | undefined
  walk(root, (el) => {
    if (!meta && el.tag === 'meta' && el.attrs.property === 'article:published_time') meta = el.attrs.content
    if (!time && el.tag === 'time' && el.attrs.datetime) time = el.attrs.datetime
  })
  return meta ?? time
}

/** The article heading: the first <h1> left after pruning (logos and menus are gone), else the meta title. */
function articleTitle(pruned: HtmlElement, fallback: string | undefined): string | undefined {
  let h1: string | undefined
  walk(pruned, (el) => {
    if (!h1 && el.tag === 'h1' && textOf(el)) h1 = textOf(el)
  })
  return h1 ?? fallback
}

export interface ExtractedArticle {
  /** The article heading (<h1>), else the page's og:title or <title>. */
  title?: string
  /** Text blocks of the article, in order; a block may hold several lines (<br>). */
  blocks: string[]
  /** Publication date/time as given by article:published_time or the first <time datetime>. */
  published?: string
}

/** Finds the article of a web page. Pages with no recognisable article yield the blocks of the whole body. */
export function extractArticleBlocks(html: string): ExtractedArticle {
  const root = parseHtml(html)
  const fallbackTitle = metaTitle(root)
  const published = publishedAt(root)
  prune(root, false)
  const candidate = bestCandidate(root) ?? root
  const parts = withSiblings(candidate)
  const links = linkTexts(candidate)
  const blocks = parts.flatMap(toBlocks).filter((b) => !isLinkList(b, links))
  // An article that opens with its own heading needs no title from the page's metadata.
  const title = articleTitle(root, startsWithHeading(parts[0]) ? undefined : fallbackTitle)
  return { title, blocks, published }
}

/** The article of a web page as text: its title, then its blocks separated by blank lines. */
export function extractArticle(html: string): string {
  const { title, blocks } = extractArticleBlocks(html)
  return (title && !blocks.includes(title) ? [title, ...blocks] : blocks).join('\n\n')
}

/** True when the first element with text in `el` is a heading (<h1>–<h6>). */
function startsWithHeading(el: HtmlElement | undefined): boolean {
  for (let node: HtmlNode | undefined = el; node && typeof node !== 'string';) {
    if (/^h[1-6]$/.test(node.tag)) return true
    node = node.children.find((c) => textOf(c) !== '')
  }
  return false
}

/** The candidate plus sibling paragraphs that read like article text (split article containers). */
function withSiblings(candidate: HtmlElement): HtmlElement[] {
  const parent = candidate.parent
  if (!parent) return [candidate]
  return parent.children.filter((c): c is HtmlElement => {
    if (typeof c === 'string') return false
    if (c === candidate) return true
    const text = textOf(c)
    return c.tag === 'p' && text.length > 80 && linkDensity(c) < 0.25 && /[.!?]$/.test(text)
  })
}

/** Texts of the links inside `container`. */
function linkTexts(container: HtmlElement): Set<string> {
  const texts = new Set<string>()
  walk(container, (el) => {
    if (el.tag === 'a') texts.add(textOf(el))
  })
  return texts
}

/** A block that is nothing but the text of a link (a list of links, not a sentence). */
function isLinkList(block: string, links: Set<string>): boolean {
  return !/[.!?:;]$/.test(block) && block.length <= 200 && links.has(block)
}
