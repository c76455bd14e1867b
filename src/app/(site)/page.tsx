import type { Metadata } from 'next'
import { DocumentList, NewsList } from './_components/lists'
import { continueListening, currentUser, forwardedToMe, isMember, itemStates, latest, savedDocuments } from './_lib/content'
import { day, daysUntil, duration } from './_lib/labels'

export const metadata: Metadata = { title: { absolute: 'Sổ tay đảng viên điện tử' } }
export const dynamic = 'force-dynamic'

function SignedOut({ docs }: { docs: Awaited<ReturnType<typeof latest>> }) {
  return (
    <>
      <h1>Sổ tay đảng viên điện tử</h1>
      <p>
        Nơi đảng viên đọc, nghe và tra cứu văn kiện, tài liệu của Đảng; tham gia sinh hoạt chi bộ, học tập nghị quyết và
        gửi ý kiến tới chi bộ, cấp ủy — theo Quy định số 339-QĐ/TW ngày 10/7/2025 của Ban Bí thư.
      </p>
      <div className="actions">
        <a className="button" href="/dang-nhap">Đăng nhập</a>
        <a className="button secondary" href="/dang-ky">Đăng ký tài khoản</a>
      </div>
      <p className="note">Văn bản dành cho đảng viên chỉ hiện sau khi đồng chí vào Sổ tay. Tài khoản mới cần được bí thư hoặc phó bí thư chi bộ duyệt.</p>
      <h2>Văn bản công khai mới</h2>
      <DocumentList docs={docs.documents} empty="Chưa có văn bản công khai." />
      <h2>Tin tức công khai</h2>
      <NewsList items={docs.news} empty="Chưa có tin công khai." />
    </>
  )
}

export default async function HomePage() {
  const user = await currentUser()
  if (!isMember(user)) {
    const docs = await latest(null)
    return (
      <>
        {user && (
          <div className="notice waiting" role="status">
            <p>
              Tài khoản của đồng chí chưa được duyệt nên chỉ xem được văn bản công khai. Xem tình trạng ở trang <a href="/tai-khoan">Tài khoản của tôi</a>.
            </p>
          </div>
        )}
        <SignedOut docs={docs} />
      </>
    )
  }
  const [fresh, forwards, listening, saved] = await Promise.all([latest(user, 8), forwardedToMe(user), continueListening(user), savedDocuments(user, 5)])
  const { documents: docStates, news: newsStates } = await itemStates(user, { documents: fresh.documents.map((d) => d.id), news: fresh.news.map((n) => n.id) })
  const unread = fresh.documents.filter((d) => !docStates.get(String(d.id))?.openedAt).length + fresh.news.filter((n) => !newsStates.get(String(n.id))?.openedAt).length
  return (
    <>
      <h1>Chào đồng chí {user!.fullName ?? ''}</h1>
      <p className="lead">{unread > 0 ? `Có ${unread} văn bản, tin mới đồng chí chưa đọc.` : 'Đồng chí đã đọc hết văn bản, tin mới.'}</p>

      {listening.length > 0 && (
        <section aria-labelledby="nghe-tiep">
          <h2 id="nghe-tiep">Nghe tiếp</h2>
          <ul className="list">
            {listening.map((s) => (
              <li key={s.id}>
                <a className="item" href={`/van-ban/${s.document.id}#nghe`}>
                  {s.document.number ? `${s.document.number}: ` : ''}
                  {s.document.title}
                </a>
                <p className="meta">Đã nghe {duration(s.positionMs ?? 0)}{s.track === 'summary' ? ' (bản tóm tắt)' : ''}</p>
              </li>
            ))}
          </ul>
        </section>
      )}

      {forwards.length > 0 && (
        <section aria-labelledby="chuyen-tiep">
          <h2 id="chuyen-tiep">Văn bản cấp ủy chuyển đến, có hạn triển khai</h2>
          <ul className="list">
            {forwards.map((f) => {
              const left = daysUntil(f.deadline)
              return (
                <li key={f.id}>
                  <a className="item" href={`/van-ban/${f.document.id}`}>
                    {f.document.number ? `${f.document.number}: ` : ''}
                    {f.document.title}
                  </a>
                  {f.deadline && (
                    <p className="deadline">
                      Hạn triển khai: {day(f.deadline)}
                      {left !== null && (left >= 0 ? ` (còn ${left} ngày)` : ' (đã quá hạn)')}
                    </p>
                  )}
                  {f.note && <p className="meta">{f.organization?.name ? `${f.organization.name}: ` : ''}{f.note}</p>}
                </li>
              )
            })}
          </ul>
        </section>
      )}

      <section aria-labelledby="van-ban-moi">
        <h2 id="van-ban-moi">Văn bản mới</h2>
        <DocumentList docs={fresh.documents} states={docStates} empty="Chưa có văn bản nào gửi tới đồng chí." />
        <p>
          <a className="button secondary" href="/van-ban">Xem tất cả văn bản</a>
        </p>
      </section>

      <section aria-labelledby="tin-moi">
        <h2 id="tin-moi">Tin tức mới</h2>
        <NewsList items={fresh.news} states={newsStates} empty="Chưa có tin nào." />
      </section>

      {saved.length > 0 && (
        <section aria-labelledby="da-luu">
          <h2 id="da-luu">Đã lưu (đọc được cả khi không có mạng)</h2>
          <ul className="list">
            {saved.map((s) => (
              <li key={s.id}>
                <a className="item" href={`/van-ban/${s.document.id}`}>
                  {s.document.number ? `${s.document.number}: ` : ''}
                  {s.document.title}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  )
}
