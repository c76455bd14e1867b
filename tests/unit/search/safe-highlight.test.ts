/**
 * The member site inserts the search API's highlights as HTML (safeHighlight): every character of the
 * indexed text must show as typed — quotation marks, ampersands, angle brackets — escaped exactly once,
 * and only the highlight tags may become markup.
 */
import { decodeHTML } from 'entities'
import { highlightAll, snippet } from '../../../search/highlight'
import { safeHighlight } from '../../../src/app/(site)/_lib/search'

const set = { words: new Set(['tin', 'gia']), prefixes: [] }
/** The text a browser shows for `html` (tags dropped, references decoded). */
const shown = (html: string) => decodeHTML(html.replace(/<\/?(mark|em|b)>/g, ''))

describe('safeHighlight() over the API’s highlights', () => {
  const text = `Không chia sẻ "tin giả" & 'câu view'; <script>alert(1)</script> <mark>x</mark>`

  it('shows the text exactly as typed, without "&#34;"', () => {
    for (const html of [highlightAll(text, set), snippet(text, set)]) {
      const safe = safeHighlight(html)
      expect(safe).not.toMatch(/&amp;#|&amp;(amp|lt|gt|quot);/)
      expect(shown(safe)).toBe(text)
    }
  })

  it('lets no markup through but the highlight', () => {
    const safe = safeHighlight(highlightAll(text, set))
    expect(safe).not.toMatch(/<script|<\/script|<mark>x<\/mark>/)
    expect(safe.match(/<mark>/g)).toHaveLength(2)
  })

  it('still escapes raw markup and a bare ampersand from elsewhere', () => {
    expect(safeHighlight('<img src=x onerror=alert(1)> & <mark>ok</mark> <strong>b</strong>')).toBe('&lt;img src=x onerror=alert(1)&gt; &amp; <mark>ok</mark> <b>b</b>')
    expect(safeHighlight('&#60;script&#62; &#x3c; &amp;')).toBe('&#60;script&#62; &#x3c; &amp;')
    expect(safeHighlight('&#99999999; &foo;')).toBe('&amp;#99999999; &amp;foo;')
  })
})
