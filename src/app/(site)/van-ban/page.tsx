import type { Metadata } from 'next'
import { DocumentList } from '../_components/lists'
import { currentUser, library, libraryFacets, statesFor } from '../_lib/content'
import { STATUS_OPTIONS, TYPE_OPTIONS } from '../_lib/labels'
import { FilterSelect } from '../_components/fields'

export const metadata: Metadata = { title: 'Văn bản' }
export const dynamic = 'force-dynamic'

type Search = Record<string, string | string[] | undefined>
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || ''

export default async function LibraryPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams
  const q = { type: one(params.loai), issuer: one(params.coquan), year: one(params.nam), status: one(params.hieuluc), page: Number(one(params.trang)) || 1 }
  const user = await currentUser()
  const [result, facets] = await Promise.all([library(user, q), libraryFacets(user)])
  const states = await statesFor(user, 'documents', result.docs.map((d: any) => d.id))
  const link = (page: number) => {
    const sp = new URLSearchParams()
    if (q.type) sp.set('loai', q.type)
    if (q.issuer) sp.set('coquan', q.issuer)
    if (q.year) sp.set('nam', q.year)
    if (q.status) sp.set('hieuluc', q.status)
    if (page > 1) sp.set('trang', String(page))
    const s = sp.toString()
    return `/van-ban${s ? `?${s}` : ''}`
  }
  const filtered = Boolean(q.type || q.issuer || q.year || q.status)
  return (
    <>
      <h1>Văn bản</h1>
      <p>{user ? 'Mọi văn bản đồng chí được đọc, mới nhất trước.' : 'Văn bản công khai. Đăng nhập để xem văn bản dành cho đảng viên.'}</p>
      <form method="get" action="/van-ban" className="filters" role="search" aria-label="Lọc văn bản">
        <FilterSelect idPrefix="loc" name="loai" label="Loại văn bản" value={q.type} options={TYPE_OPTIONS} />
        <FilterSelect idPrefix="loc" name="coquan" label="Cơ quan ban hành" value={q.issuer} options={facets.issuers.map((i) => ({ value: i.id, label: i.name }))} />
        <FilterSelect idPrefix="loc" name="nam" label="Năm ban hành" value={q.year} options={facets.years.map((y) => ({ value: String(y), label: String(y) }))} />
        <FilterSelect idPrefix="loc" name="hieuluc" label="Tình trạng hiệu lực" value={q.status} options={STATUS_OPTIONS} />
        <div className="actions">
          <button type="submit" className="button">Lọc văn bản</button>
          {filtered && <a className="button secondary" href="/van-ban">Bỏ lọc</a>}
        </div>
      </form>
      <h2 id="ket-qua">
        {result.totalDocs === 0 ? 'Không có văn bản nào' : `${result.totalDocs} văn bản`}
        {result.totalPages > 1 ? ` — trang ${result.page}/${result.totalPages}` : ''}
      </h2>
      <DocumentList docs={result.docs as any} states={user ? states : undefined} empty={filtered ? 'Không có văn bản khớp điều kiện lọc. Đồng chí thử bỏ bớt điều kiện.' : 'Chưa có văn bản.'} />
      {result.totalPages > 1 && (
        <nav className="pager" aria-label="Phân trang">
          {result.hasPrevPage ? <a className="button secondary" href={link(result.page! - 1)}>Trang trước</a> : <span />}
          {result.hasNextPage && <a className="button secondary" href={link(result.page! + 1)}>Trang sau</a>}
        </nav>
      )}
    </>
  )
}
