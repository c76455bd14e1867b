import type { Metadata } from 'next'
import { NeedsScript } from '../_components/NeedsScript'
import { LoginForm } from './LoginForm'

export const metadata: Metadata = { title: 'Đăng nhập' }

export default function LoginPage() {
  return (
    <>
      <h1>Đăng nhập</h1>
      <NeedsScript />
      <LoginForm />
      <p>
        Chưa có tài khoản? <a href="/dang-ky">Đăng ký tài khoản</a>
      </p>
      <p className="note">Quên mật khẩu? Đồng chí liên hệ bí thư chi bộ để được hỗ trợ.</p>
    </>
  )
}
