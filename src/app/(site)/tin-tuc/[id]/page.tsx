import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { ReadAndListen } from '../../_components/ItemPage'
import { currentUser, isMember, markOpened, oneNews, statesFor } from '../../_lib/content'
import { day } from '../../_lib/labels'
import { newsReading } from '../../_lib/reading'

export const dynamic = 'force-dynamic'

type Params = { params: Promise<{ id: string }> }

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const item = await oneNews(await currentUser(), (await params).id)
  return { title: item ? item.title : 'Không tìm thấy tin' }
}

export default async function NewsPage({ params }: Params) {
  const { id } = await params
  const user = await currentUser()
  const item = await oneNews(user, id)
  if (!item) notFound()
  const member = isMember(user)
  const states = await statesFor(member ? user : null, 'news', [item.id])
  const state = states.get(String(item.id))
  await markOpened(member ? user : null, 'news', item.id, state)
  const reading = await newsReading(item as any)
  const issuer = item.issuer && typeof item.issuer === 'object' ? item.issuer.name : ''
  const cover = item.cover && typeof item.cover === 'object' ? item.cover : null
  const related = ((item.relatedDocuments ?? []) as any[]).filter((d) => d && typeof d === 'object')
  return (
    <article>
      <p className="meta">Tin tức</p>
      <h1>{item.title}</h1>
      <p className="meta">{[issuer, day(item.publishedAt), item.source ? `Nguồn: ${item.source}` : ''].filter(Boolean).join(' · ')}</p>
      {/* Uploads are served by Payload under the document's access rules, not through Next's image optimiser. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      {cover?.url && <img src={cover.url} alt={cover.alt ?? ''} width={cover.width ?? undefined} height={cover.height ?? undefined} style={{ width: '100%', height: 'auto' }} />}
      <ReadAndListen kind="news" id={item.id} path={`/tin-tuc/${item.id}`} reading={reading} state={state} signedIn={!!user} member={member} />
      {related.length > 0 && (
        <section className="related" aria-labelledby="lien-quan">
          <h2 id="lien-quan">Văn bản liên quan</h2>
          <ul className="list">
            {related.map((d) => (
              <li key={d.id}>
                <a href={`/van-ban/${d.id}`}>
                  {d.number ? `${d.number}: ` : ''}
                  {d.title}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  )
}
