import type { Metadata } from 'next'

export const metadata: Metadata = { title: 'Không có mạng' }
export const dynamic = 'force-static'

/** Shown by the service worker for a page that is not saved on this phone when there is no network. */
export default function OfflinePage() {
  return (
    <>
      <h1>Không có kết nối mạng</h1>
      <p className="lead">Trang này chưa được lưu trên máy nên chưa mở được khi không có mạng.</p>
      <p>Những văn bản đồng chí đã bấm “Lưu” vẫn đọc và nghe được. Khi có mạng trở lại, đồng chí tải lại trang.</p>
      <p>
        <a className="button" href="/">Về trang chủ</a>
      </p>
    </>
  )
}
