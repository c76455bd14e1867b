import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { ReadAndListen } from '../../_components/ItemPage'
import { currentUser, idOf, isMember, markOpened, oneDocument, statesFor } from '../../_lib/content'
import { day, STATUS_LABELS, TYPE_LABELS } from '../../_lib/labels'
import { documentReading } from '../../_lib/reading'
import { RELATION_TYPES } from '../../../../../collections/Documents/relations'

export const dynamic = 'force-dynamic'

type Params = { params: Promise<{ id: string }> }

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const doc = await oneDocument(await currentUser(), (await params).id)
  return { title: doc ? `${doc.number ? `${doc.number} ` : ''}${doc.title}` : 'Không tìm thấy văn bản' }
}

const fileSize = (bytes: unknown) => (typeof bytes === 'number' ? ` (${Math.max(1, Math.round(bytes / 1024))} KB)` : '')

export default async function DocumentPage({ params }: Params) {
  const { id } = await params
  const user = await currentUser()
  const doc = await oneDocument(user, id)
  if (!doc) notFound()
  const member = isMember(user)
  const [reading, states] = await Promise.all([documentReading(doc as any), statesFor(member ? user : null, 'documents', [doc.id])])
  const state = states.get(String(doc.id))
  await markOpened(member ? user : null, 'documents', doc.id, state)

  const issuer = doc.issuer && typeof doc.issuer === 'object' ? doc.issuer.name : ''
  const original = doc.originalFile && typeof doc.originalFile === 'object' ? doc.originalFile : null
  const rows: [string, string][] = [
    ['Loại văn bản', TYPE_LABELS[doc.documentType] ?? ''],
    ['Số hiệu', doc.number ?? ''],
    ['Cơ quan ban hành', issuer],
    ['Ngày ban hành', day(doc.issuedDate)],
    ['Ngày hiệu lực', day(doc.effectiveDate)],
    ['Tình trạng hiệu lực', STATUS_LABELS[doc.effectStatus] ?? ''],
    ['Người ký', [doc.signingCapacity, doc.signerPosition, doc.signer].filter(Boolean).join(', ')],
  ]
  const outgoing = ((doc.relations ?? []) as any[]).filter((r) => r.target && typeof r.target === 'object')
  const incoming = (doc.incomingRelations ?? []) as any[]
  const forwards = (doc.forwards ?? []) as any[]
  const path = `/van-ban/${doc.id}`
  return (
    <article>
      <p className="meta">{[TYPE_LABELS[doc.documentType], doc.number].filter(Boolean).join(' ')}</p>
      <h1>{doc.title}</h1>
      <dl className="doc-meta">
        {rows
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k}>
              <dt>{k}:</dt>
              <dd>{v}</dd>
            </div>
          ))}
      </dl>
      {forwards.map((f) => (
        <div key={f.id} className="forward-note">
          <p>
            <strong>{f.organization?.name ?? 'Cấp ủy'} chuyển đến</strong>
            {f.deadline ? <span className="deadline"> · Hạn triển khai: {day(f.deadline)}</span> : null}
          </p>
          {f.note && <p>{f.note}</p>}
        </div>
      ))}
      {original?.url && (
        <p>
          <a className="button secondary" href={original.url}>
            Mở tệp bản gốc{fileSize(original.filesize)}
          </a>
        </p>
      )}
      <ReadAndListen kind="documents" id={doc.id} path={path} reading={reading} state={state} signedIn={!!user} member={member} />
      {(outgoing.length > 0 || incoming.length > 0) && (
        <section className="related" aria-labelledby="lien-quan">
          <h2 id="lien-quan">Văn bản liên quan</h2>
          <ul className="list">
            {outgoing.map((r, i) => (
              <li key={`o${i}`}>
                <span className="badge">{RELATION_TYPES[r.type as keyof typeof RELATION_TYPES]?.label ?? r.type}{r.partial ? ' (một phần)' : ''}</span>
                <a href={`/van-ban/${idOf(r.target)}`}>
                  {r.target.number ? `${r.target.number}: ` : ''}
                  {r.target.title}
                </a>
              </li>
            ))}
            {incoming.map((r, i) => (
              <li key={`i${i}`}>
                <span className="badge">{r.label}{r.partial ? ' (một phần)' : ''}</span>
                <a href={`/van-ban/${r.document.id}`}>
                  {r.document.number ? `${r.document.number}: ` : ''}
                  {r.document.title}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  )
}
