/**
 * `GET /api/search?q=&kind=&type=&issuer=&inProvince=&year=&status=&sort=&page=&pageSize=`
 *
 * Full-text search over the documents and news the caller may read (session cookie or JWT header; the
 * scope goes into the engine query, see ./scope). Answers
 * `{ hits, total, page, pageSize, facets, facetLabels, suggestion?, tookMs }`; each hit links to its page
 * (`/van-ban/<id>`, `/tin-tuc/<id>`) and to its best-matching section.
 *
 * `inProvince` restricts to what was issued within an organisation's subtree: an organisation id, or
 * `mine` for the caller's own tỉnh ủy / thành ủy ("anything issued within my province").
 * Bad parameters get a 400 with a Vietnamese message; any text is accepted as a query.
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { viewerOf } from '../collections/Documents/publishing/viewer'
import { EFFECT_STATUS } from '../collections/Documents/relations'
import { refId } from '../src/lib/member/roles'
import { DOCUMENT_TYPES } from '../src/lib/document/number'
import { idsOnPath, isWithin } from '../src/lib/org-tree/path'
import { fail, json } from '../src/server/respond'
import { isDiskError, SEARCH_REFUSED } from '../src/server/disk'
import { searchEngine } from '../src/server/search'
import { organizations, type Org } from './organizations'
import { scopeOf } from './scope'
import { parseSearchId } from './content'
import { MAX_PAGE_SIZE, type Scope, type SearchFilters, type SearchHit, type SearchKind, type SearchSort } from './types'

/** Longer queries are cut (nobody types more; it bounds the work). */
const MAX_QUERY_CHARS = 500
const MAX_PAGE = 500

/** The caller's scope: what their viewer (shared between requests, see viewer.ts) may read. */
const scopeFor = (req: PayloadRequest): Promise<Scope> => viewerOf(req).then(scopeOf)

class BadRequest extends Error {}

const TYPES = new Set<string>(DOCUMENT_TYPES.map((t) => t.value))
const STATUSES = new Set(Object.keys(EFFECT_STATUS))
const KINDS: Record<string, SearchKind> = { document: 'document', 'van-ban': 'document', news: 'news', 'tin-tuc': 'news' }
const ID = /^[A-Za-z0-9_-]{1,64}$/

function integer(params: URLSearchParams, name: string, label: string, min: number, max: number): number | undefined {
  const raw = params.get(name)?.trim()
  if (!raw) return undefined
  const n = Number(raw)
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n < min || n > max) throw new BadRequest(`${label} phải là số nguyên từ ${min} đến ${max}.`)
  return n
}

type Parsed = { q: string; filters: SearchFilters; inProvince?: string; sort: SearchSort; page: number; pageSize: number }

function parse(params: URLSearchParams): Parsed {
  const q = (params.get('q') ?? '').slice(0, MAX_QUERY_CHARS)
  const filters: SearchFilters = {}
  const kind = params.get('kind')?.trim()
  if (kind) {
    if (!KINDS[kind]) throw new BadRequest('Tham số kind chỉ nhận "document" (văn bản) hoặc "news" (tin tức).')
    filters.kind = KINDS[kind]
  }
  const type = params.get('type')?.trim()
  if (type) {
    if (!TYPES.has(type)) throw new BadRequest(`Loại văn bản "${type.slice(0, 40)}" không tồn tại. Hãy chọn một loại trong danh sách bộ lọc.`)
    filters.type = type
  }
  const status = params.get('status')?.trim()
  if (status) {
    if (!STATUSES.has(status)) throw new BadRequest(`Tình trạng hiệu lực "${status.slice(0, 40)}" không hợp lệ; dùng một trong: ${[...STATUSES].join(', ')}.`)
    filters.status = status
  }
  const issuer = params.get('issuer')?.trim()
  if (issuer) {
    if (!ID.test(issuer)) throw new BadRequest('Mã cơ quan ban hành không hợp lệ.')
    filters.issuer = issuer
  }
  const year = integer(params, 'year', 'Năm ban hành', 1900, 2100)
  if (year !== undefined) filters.year = year
  const inProvince = params.get('inProvince')?.trim() || undefined
  if (inProvince && inProvince !== 'mine' && !ID.test(inProvince)) throw new BadRequest('Tham số inProvince nhận mã một tổ chức hoặc "mine" (tỉnh, thành của đồng chí).')
  const sortRaw = params.get('sort')?.trim() || 'relevance'
  if (sortRaw !== 'relevance' && sortRaw !== 'newest') throw new BadRequest('Tham số sort chỉ nhận "relevance" (liên quan nhất) hoặc "newest" (mới nhất).')
  const page = integer(params, 'page', 'Số trang', 1, MAX_PAGE) ?? 1
  const pageSize = integer(params, 'pageSize', 'Số kết quả mỗi trang', 1, MAX_PAGE_SIZE) ?? 10
  return { q, filters, inProvince, sort: sortRaw, page, pageSize }
}

/** The caller's province: the tỉnh ủy / thành ủy on their branch's path. */
async function myProvince(req: PayloadRequest, orgs: Map<string, Org>): Promise<string> {
  const user = req.user as { branch?: unknown; orgPath?: string | null } | null
  if (!user) throw new BadRequest('Vui lòng đăng nhập để lọc theo tỉnh, thành của đồng chí.')
  const branch = refId(user.branch as never)
  const path = user.orgPath || (branch ? orgs.get(branch)?.path : undefined)
  const province = idsOnPath(path).find((id) => orgs.get(id)?.kind === 'tinh-uy')
  if (!province) throw new BadRequest('Tài khoản của đồng chí chưa thuộc một tỉnh ủy, thành ủy nào: hãy bỏ bộ lọc "trong tỉnh".')
  return province
}

/** A page anchor for a section: "dieu-3" for "Điều 3…", else its position. */
function anchorOf(section: SearchHit['section']): string | undefined {
  if (!section) return undefined
  const dieu = /^Điều\s+(\d+)/i.exec(section.heading ?? '')
  return dieu ? `dieu-${dieu[1]}` : `muc-${section.index + 1}`
}

const PAGES: Record<string, string> = { documents: '/van-ban', news: '/tin-tuc' }
const TYPE_LABELS: Record<string, string> = Object.fromEntries(DOCUMENT_TYPES.map((t) => [t.value, t.label]))

/**
 * The answer to a search with `params` (the query string above) for the caller of `req`: the endpoint's
 * whole work, also called in-process by the member site's search page.
 */
export async function searchResponse(req: PayloadRequest, params: URLSearchParams): Promise<Response> {
  const started = performance.now()
  let parsed: Parsed
  try {
    parsed = parse(params)
  } catch (err) {
    if (err instanceof BadRequest) return fail(400, err.message)
    throw err
  }
  try {
    const [scope, orgs, engine] = await Promise.all([scopeFor(req), organizations(req.payload), searchEngine(req.payload)])
    const filters = { ...parsed.filters }
    if (parsed.inProvince) {
      const root = parsed.inProvince === 'mine' ? await myProvince(req, orgs) : parsed.inProvince
      if (!orgs.has(root)) return fail(400, 'Không tìm thấy tổ chức dùng cho bộ lọc "trong tỉnh". Hãy chọn lại.')
      filters.issuerIn = [...orgs.values()].filter((o) => isWithin(o.path, root)).map((o) => o.id)
    }
    const result = await engine.search({ text: parsed.q, scope, filters, sort: parsed.sort, page: parsed.page, pageSize: parsed.pageSize })
    const hits = result.hits.map((hit) => {
      const ref = parseSearchId(hit.id)
      const url = ref ? `${PAGES[ref.collection]}/${ref.id}` : undefined
      const anchor = anchorOf(hit.section)
      return {
        ...hit,
        id: ref?.id ?? hit.id,
        collection: ref?.collection,
        url,
        ...(hit.section && url ? { section: { ...hit.section, url: `${url}#${anchor}` } } : {}),
        issuerName: hit.issuer ? orgs.get(hit.issuer)?.name : undefined,
        typeLabel: hit.type ? TYPE_LABELS[hit.type] : undefined,
        statusLabel: hit.status ? EFFECT_STATUS[hit.status as keyof typeof EFFECT_STATUS] : undefined,
      }
    })
    const facetLabels = {
      type: Object.fromEntries(Object.keys(result.facets.type).map((k) => [k, TYPE_LABELS[k] ?? k])),
      issuer: Object.fromEntries(Object.keys(result.facets.issuer).map((k) => [k, orgs.get(k)?.name ?? k])),
      status: Object.fromEntries(Object.keys(result.facets.status).map((k) => [k, EFFECT_STATUS[k as keyof typeof EFFECT_STATUS] ?? k])),
    }
    return json({
      hits,
      total: result.total,
      page: result.page,
      pageSize: result.pageSize,
      facets: result.facets,
      facetLabels,
      ...(result.suggestion ? { suggestion: result.suggestion } : {}),
      tookMs: Math.round((performance.now() - started) * 10) / 10,
    })
  } catch (err) {
    if (err instanceof BadRequest) return fail(400, err.message)
    if (isDiskError(err)) return fail(503, SEARCH_REFUSED) // its guard logged the cause once (src/server/disk.ts)
    req.payload.logger.error({ err, msg: 'Tìm kiếm: lỗi khi trả lời truy vấn.' })
    return fail(503, 'Tìm kiếm tạm thời không hoạt động, vui lòng thử lại sau ít phút.')
  }
}

export const searchEndpoint: Endpoint = {
  path: '/search',
  method: 'get',
  handler: (req) => searchResponse(req, req.searchParams ?? new URLSearchParams()),
}
