export const dynamic = 'force-static'

export default function HomePage() {
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
        <a className="button secondary" href="/tai-khoan">Tài khoản của tôi</a>
      </div>
      <ul className="features">
        <li>Văn kiện, tài liệu, tin tức của cấp ủy các cấp, đúng phân cấp và thẩm quyền.</li>
        <li>Nghe đọc văn bản và bản tóm tắt bằng tiếng Việt.</li>
        <li>Sinh hoạt chi bộ, học tập nghị quyết, góp ý và phản ánh.</li>
      </ul>
      <p className="note">Tài khoản mới cần được bí thư hoặc phó bí thư chi bộ duyệt trước khi sử dụng.</p>
    </>
  )
}
