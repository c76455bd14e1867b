/** Shown only when the browser runs no JavaScript: the forms send their data with a script. */
export function NeedsScript() {
  return (
    <noscript>
      <p className="notice waiting">Để gửi thông tin, trình duyệt cần bật JavaScript. Đồng chí bật JavaScript rồi tải lại trang.</p>
    </noscript>
  )
}
