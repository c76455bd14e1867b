/**
 * The search API (`GET /api/search`) as the search page uses it, shared by the server render (plain GET
 * form, no JavaScript) and the search-as-you-type component. Highlight markup from the API is reduced to
 * <mark>, <em> and <b>; everything else is shown as text.
 */
export type Hit = { id: string | number; kind: string; collection?: string; title: string; titleHtml?: string; number?: string; section?: { heading?: string; snippet?: string; url?: string }; url?: string; typeLabel?: string; issuerName?: string }
export type SearchResult = { hits: Hit[]; total: number; facets?: unknown; suggestion?: string; tookMs?: number }
export type SearchQuery = { q: string; type: string; issuer: string; year: string; status: string; sort: string; page: string }

export const SEARCH_KEYS = ['q', 'type', 'issuer', 'year', 'status', 'sort', 'page'] as const

export function searchParamsOf(query: Partial<SearchQuery>): URLSearchParams {
  const sp = new URLSearchParams()
  for (const key of SEARCH_KEYS) {
    const v = query[key]?.trim()
    if (v) sp.set(key, v)
  }
  return sp
}

const ALLOWED = /&lt;(\/?)(mark|em|b|strong)&gt;/g

/**
 * HTML safe to insert: the text escaped, then only highlight tags restored. The API already escapes its
 * text (numeric references such as `&#34;`, search/highlight.ts): character references are kept as they
 * are — escaping them again showed members a literal "&#34;" — and only a bare `&` is escaped. A reference
 * stands for a character of text, never for markup (`&#60;script&#62;` shows as "<script>").
 */
export function safeHighlight(html: string | undefined): string {
  if (!html) return ''
  return html
    .replace(/&(?!(?:amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(ALLOWED, (_m, slash, tag) => `<${slash}${tag === 'strong' ? 'b' : tag}>`)
}

/** Where a hit leads on the member site (the API's url may point at the API or another path). */
export function hitHref(hit: Hit): string {
  const own = (u?: string) => typeof u === 'string' && u.startsWith('/') && !u.startsWith('//') && !u.startsWith('/api/')
  if (own(hit.section?.url)) return hit.section!.url!
  if (hit.collection === 'news' || hit.kind === 'news') return `/tin-tuc/${hit.id}`
  if (own(hit.url)) return hit.url!
  return `/van-ban/${hit.id}`
}

export type SearchAnswer = { ok: true; result: SearchResult } | { ok: false; message: string }

export function answerOf(status: number, json: any): SearchAnswer {
  if (status === 404) return { ok: false, message: 'Chức năng tìm kiếm chưa sẵn sàng. Đồng chí dùng trang Văn bản để lọc theo loại, cơ quan, năm.' }
  if (status >= 400 || !json || !Array.isArray(json.hits))
    return { ok: false, message: typeof json?.error === 'string' ? json.error : typeof json?.errors?.[0]?.message === 'string' ? json.errors[0].message : 'Chưa tìm được. Đồng chí thử lại sau ít phút.' }
  return { ok: true, result: { hits: json.hits, total: Number(json.total) || json.hits.length, suggestion: json.suggestion, tookMs: json.tookMs } }
}
