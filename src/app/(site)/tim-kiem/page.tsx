import type { Metadata } from 'next'
import { SearchResults } from '../_components/SearchResults'
import { searchResponse } from '../../../../search/endpoint'
import { currentUser, libraryFacets, readerRequest, type User } from '../_lib/content'
import { STATUS_OPTIONS, TYPE_OPTIONS } from '../_lib/labels'
import { answerOf, searchParamsOf, SEARCH_KEYS, type SearchAnswer, type SearchQuery } from '../_lib/search'
import { FilterSelect } from '../_components/fields'

export const metadata: Metadata = { title: 'Tìm kiếm' }
export const dynamic = 'force-dynamic'

type Search = Record<string, string | string[] | undefined>
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim().slice(0, 200) || ''

/**
 * The answer of `GET /api/search` for this reader (their account, their scope), made in this process by
 * the endpoint's own function rather than by a request to our own API.
 */
async function search(user: User | null, query: SearchQuery): Promise<SearchAnswer | null> {
  if (!query.q) return null
  try {
    const res = await searchResponse(await readerRequest(user), searchParamsOf(query))
    return answerOf(res.status, await res.json().catch(() => null))
  } catch {
    return { ok: false, message: 'Chưa tìm được. Đồng chí thử lại sau ít phút.' }
  }
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams
  const query = Object.fromEntries(SEARCH_KEYS.map((k) => [k, one(params[k])])) as SearchQuery
  const user = await currentUser()
  const [answer, facets] = await Promise.all([search(user, query), libraryFacets(user)])
  return (
    <>
      <h1>Tìm kiếm</h1>
      <form id="tim-kiem-form" method="get" action="/tim-kiem" role="search" aria-label="Tìm văn bản, tin tức" className="search-form">
        <div className="field">
          <label className="label" htmlFor="tk-q">
            Từ cần tìm
          </label>
          <p className="hint" id="tk-q-hint">
            Gõ có dấu hay không dấu đều được, ví dụ: so tay dang vien
          </p>
          <div className="search-box">
            <input id="tk-q" name="q" type="search" defaultValue={query.q} aria-describedby="tk-q-hint" autoComplete="off" enterKeyHint="search" />
            <button type="submit" className="button">Tìm</button>
          </div>
        </div>
        <details className="disclosure">
          <summary>Lọc kết quả</summary>
          <FilterSelect idPrefix="tk" name="type" label="Loại văn bản" value={query.type} options={TYPE_OPTIONS} />
          <FilterSelect idPrefix="tk" name="issuer" label="Cơ quan ban hành" value={query.issuer} options={facets.issuers.map((i) => ({ value: i.id, label: i.name }))} />
          <FilterSelect idPrefix="tk" name="year" label="Năm ban hành" value={query.year} options={facets.years.map((y) => ({ value: String(y), label: String(y) }))} />
          <FilterSelect idPrefix="tk" name="status" label="Tình trạng hiệu lực" value={query.status} options={STATUS_OPTIONS} />
          <div className="field">
            <label className="label" htmlFor="tk-sort">
              Sắp xếp
            </label>
            <select id="tk-sort" name="sort" defaultValue={query.sort}>
              <option value="">Phù hợp nhất trước</option>
              <option value="newest">Mới nhất trước</option>
            </select>
          </div>
        </details>
      </form>
      <SearchResults formId="tim-kiem-form" initial={answer} query={query} />
    </>
  )
}
