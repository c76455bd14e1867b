import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { isSystemAdmin } from '@/lib/member/roles'
import { NeedsScript } from '../_components/NeedsScript'
import { branchNames, type BranchGroup } from '../_lib/branches'
import { formValues, hasPendingChanges, profileRows, type Row } from '../_lib/profile'
import { loadBranchGroups, signedInMember, type Member } from '../_lib/server'
import { LogoutButton } from './LogoutButton'
import { ProfileForm } from './ProfileForm'

export const metadata: Metadata = { title: 'Tài khoản của tôi' }
export const dynamic = 'force-dynamic'

function ProfileList({ rows }: { rows: Row[] }) {
  return (
    <dl className="profile">
      {rows.map((row) => (
        <div key={row.key} className="profile-row">
          <dt>{row.label}</dt>
          <dd>
            {row.value || <span className="muted">Chưa có</span>}
            {row.pending !== undefined && (
              <span className="pending">
                Đề nghị sửa thành: <strong>{row.pending}</strong> (đang chờ duyệt)
              </span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  )
}

function PendingAccount({ member, rows }: { member: Member; rows: Row[] }) {
  return (
    <>
      <div className="notice waiting" role="status">
        <h2>Tài khoản đang chờ bí thư chi bộ duyệt</h2>
        <p>
          Đồng chí {member.fullName} đã đăng ký thành công. Khi bí thư hoặc phó bí thư chi bộ duyệt, đồng chí tải lại trang này để
          bắt đầu sử dụng Sổ tay.
        </p>
      </div>
      <h2>Thông tin đã gửi</h2>
      <ProfileList rows={rows} />
    </>
  )
}

function RejectedAccount({ member, groups }: { member: Member; groups: BranchGroup[] }) {
  return (
    <>
      <div className="notice rejected" role="status">
        <h2>Đăng ký chưa được duyệt</h2>
        <p>
          <strong>Lý do:</strong> {member.rejectionReason || 'Bí thư chi bộ chưa ghi lý do.'}
        </p>
        <p>Đồng chí sửa lại thông tin dưới đây rồi bấm “Gửi lại để duyệt”.</p>
      </div>
      <ProfileForm userId={member.id} mode="correct" initial={formValues(member)} groups={groups} />
    </>
  )
}

function ApprovedAccount({ member, rows, groups }: { member: Member; rows: Row[]; groups: BranchGroup[] }) {
  const initial = formValues(member)
  const mayUseAdmin = isSystemAdmin(member) || (member.roles?.length ?? 0) > 0
  return (
    <>
      <p className="lead">Đồng chí {member.fullName}</p>
      {hasPendingChanges(member) && (
        <div className="notice waiting" role="status">
          <p>Đề nghị sửa thông tin của đồng chí đang chờ bí thư chi bộ duyệt.</p>
        </div>
      )}
      <h2>Thông tin đảng viên</h2>
      <ProfileList rows={rows} />

      <h2>Số điện thoại và email</h2>
      <ProfileForm userId={member.id} mode="contact" initial={initial} />

      <details className="disclosure">
        <summary>Đề nghị sửa thông tin đảng viên</summary>
        <p>Thông tin mới chỉ được áp dụng sau khi bí thư chi bộ duyệt.</p>
        <ProfileForm userId={member.id} mode="request" initial={initial} groups={groups} />
      </details>

      {mayUseAdmin && (
        <p>
          <a className="button secondary" href="/admin">
            Vào trang quản trị
          </a>
        </p>
      )}
    </>
  )
}

export default async function AccountPage() {
  const member = await signedInMember()
  if (!member) redirect('/dang-nhap')
  const groups = await loadBranchGroups()
  const rows = profileRows(member, branchNames(groups))
  return (
    <>
      <h1>Tài khoản của tôi</h1>
      <NeedsScript />
      {member.status === 'da-duyet' || isSystemAdmin(member) ? (
        <ApprovedAccount member={member} rows={rows} groups={groups} />
      ) : member.status === 'tu-choi' ? (
        <RejectedAccount member={member} groups={groups} />
      ) : (
        <PendingAccount member={member} rows={rows} />
      )}
      <LogoutButton />
    </>
  )
}
