import type { Metadata } from 'next'
import { MIN_PASSWORD } from '../../../../collections/Users/endpoints/register'
import { NeedsScript } from '../_components/NeedsScript'
import { loadBranchGroups } from '../_lib/server'
import { RegistrationForm } from './RegistrationForm'

export const metadata: Metadata = { title: 'Đăng ký tài khoản' }
// The chi bộ list is read from the database on each visit.
export const dynamic = 'force-dynamic'

export default async function RegisterPage() {
  const groups = await loadBranchGroups()
  return (
    <>
      <h1>Đăng ký tài khoản</h1>
      <p>
        Đồng chí điền thông tin đúng như trên thẻ đảng viên và thẻ căn cước. Bí thư chi bộ sẽ kiểm tra và duyệt tài khoản.
      </p>
      <p>
        Đã có tài khoản? <a href="/dang-nhap">Đăng nhập</a>
      </p>
      <NeedsScript />
      <RegistrationForm groups={groups} minPassword={MIN_PASSWORD} />
    </>
  )
}
