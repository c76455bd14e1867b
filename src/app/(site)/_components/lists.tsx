/** Lists of documents and news as the member site shows them: title as a big link, then who and when. */
import { day, STATUS_LABELS, TYPE_LABELS } from '../_lib/labels'
import { issuerName, type DocRow, type NewsRow, type State } from '../_lib/content'

export function DocumentList({ docs, states, empty }: { docs: DocRow[]; states?: Map<string, State>; empty: string }) {
  if (docs.length === 0) return <p className="muted">{empty}</p>
  return (
    <ul className="list">
      {docs.map((d) => {
        const state = states?.get(String(d.id))
        return (
          <li key={d.id}>
            <a className="item" href={`/van-ban/${d.id}`}>
              {states && !state?.openedAt && <span className="badge new">Chưa đọc</span>}
              {d.documentType ? `${TYPE_LABELS[d.documentType] ?? ''} ` : ''}
              {d.number ? `${d.number}: ` : ''}
              {d.title}
            </a>
            <p className="meta">
              {[issuerName(d), d.issuedDate ? `ngày ${day(d.issuedDate)}` : '', d.effectStatus ? STATUS_LABELS[d.effectStatus] : ''].filter(Boolean).join(' · ')}
              {state?.saved && ' · Đã lưu'}
            </p>
          </li>
        )
      })}
    </ul>
  )
}

export function NewsList({ items, states, empty }: { items: NewsRow[]; states?: Map<string, State>; empty: string }) {
  if (items.length === 0) return <p className="muted">{empty}</p>
  return (
    <ul className="list">
      {items.map((n) => (
        <li key={n.id}>
          <a className="item" href={`/tin-tuc/${n.id}`}>
            {states && !states.get(String(n.id))?.openedAt && <span className="badge new">Chưa đọc</span>}
            {n.title}
          </a>
          <p className="meta">{[issuerName(n), day(n.publishedAt)].filter(Boolean).join(' · ')}</p>
        </li>
      ))}
    </ul>
  )
}
