'use client'
/** Self-registration (Điều 5.5): checked here first, then by POST /api/users/register. */
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { branchIdFrom, type BranchGroup } from '../_lib/branches'
import { checkNewPassword, checkProfile, type Values } from '../_lib/checks'
import { PROFILE_LABELS, tidyDateInput } from '../_lib/format'
import { BranchField, DateField, GenderField, PasswordField, ShowPasswords, TextField } from '../_components/fields'
import { ErrorSummary, FIX_FIELDS, readValues, sendJson, type Problem } from '../_components/form'

const FIELDS = ['fullName', 'birthDate', 'gender', 'partyJoinDate', 'officialDate', 'cardNumber', 'citizenId', 'branch', 'phone', 'email'] as const
const LABELS: Record<string, string> = { ...PROFILE_LABELS, password: 'Mật khẩu', passwordConfirm: 'Nhập lại mật khẩu' }
const ID = 'dk'

/** The body the register endpoint expects: the profile and the password, optional boxes left out when empty. */
function registration(values: Values, groups: BranchGroup[]): Record<string, string | number> {
  const body: Record<string, string | number> = { password: values.password }
  for (const field of FIELDS) if (values[field]) body[field] = values[field]
  body.branch = branchIdFrom(groups, values.branch)
  return body
}

export function RegistrationForm({ groups, minPassword }: { groups: BranchGroup[]; minPassword: number }) {
  const [problem, setProblem] = useState<Problem | null>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState(false)
  const success = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (done) success.current?.focus()
  }, [done])

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (busy) return
    const values = readValues(event.currentTarget)
    for (const field of ['birthDate', 'partyJoinDate', 'officialDate']) if (values[field]) values[field] = tidyDateInput(values[field])
    const fields = { ...checkProfile(values, FIELDS), ...checkNewPassword(values, minPassword) }
    if (Object.keys(fields).length > 0) return setProblem({ message: FIX_FIELDS, fields })
    setBusy(true)
    const sent = await sendJson('/api/users/register', 'POST', registration(values, groups), 'Chưa đăng ký được, vui lòng thử lại sau.')
    setBusy(false)
    if (sent.ok) setDone(true)
    else setProblem(sent.problem)
  }

  if (done)
    return (
      <div ref={success} tabIndex={-1} role="status" className="notice success">
        <h2>Đăng ký thành công</h2>
        <p>Tài khoản của đồng chí đang chờ bí thư chi bộ duyệt. Khi được duyệt, đồng chí sẽ dùng được đầy đủ Sổ tay.</p>
        <p>Đồng chí có thể đăng nhập ngay bằng số thẻ đảng viên (hoặc email) và mật khẩu vừa tạo để xem tình trạng tài khoản.</p>
        <a className="button" href="/dang-nhap">
          Đăng nhập
        </a>
      </div>
    )

  const err = problem?.fields ?? {}
  return (
    <form onSubmit={submit} method="post" noValidate className="form">
      <ErrorSummary problem={problem} idPrefix={ID} labels={LABELS} />

      <h2>Thông tin cá nhân</h2>
      <TextField idPrefix={ID} name="fullName" label="Họ và tên" autoComplete="name" maxLength={120} error={err.fullName} hint="Viết có dấu, ví dụ: Nguyễn Văn An" />
      <DateField idPrefix={ID} name="birthDate" label="Ngày sinh" autoComplete="bday" error={err.birthDate} />
      <GenderField idPrefix={ID} error={err.gender} />
      <TextField idPrefix={ID} name="citizenId" label="Số định danh cá nhân" inputMode="numeric" autoComplete="off" error={err.citizenId} hint="12 chữ số trên thẻ căn cước" />

      <h2>Thông tin đảng viên</h2>
      <DateField idPrefix={ID} name="partyJoinDate" label="Ngày vào Đảng" error={err.partyJoinDate} />
      <DateField idPrefix={ID} name="officialDate" label="Ngày chính thức" optional error={err.officialDate} hint="Bỏ trống nếu đồng chí là đảng viên dự bị. Ví dụ: 03/02/1986" />
      <TextField idPrefix={ID} name="cardNumber" label="Số thẻ đảng viên" inputMode="numeric" autoComplete="off" error={err.cardNumber} hint="Dùng để đăng nhập" />
      <BranchField idPrefix={ID} groups={groups} error={err.branch} />

      <h2>Liên hệ</h2>
      <TextField idPrefix={ID} name="phone" label="Số điện thoại" type="tel" inputMode="tel" autoComplete="tel" error={err.phone} hint="Số di động, ví dụ: 0912 345 678" />
      <TextField idPrefix={ID} name="email" label="Email" type="email" autoComplete="email" optional error={err.email} />

      <h2>Mật khẩu</h2>
      <PasswordField idPrefix={ID} name="password" label="Mật khẩu" autoComplete="new-password" error={err.password} hint={`Ít nhất ${minPassword} ký tự`} />
      <PasswordField idPrefix={ID} name="passwordConfirm" label="Nhập lại mật khẩu" autoComplete="new-password" error={err.passwordConfirm} />
      <ShowPasswords />

      <button type="submit" className="button" disabled={busy} aria-disabled={busy}>
        {busy ? 'Đang gửi…' : 'Đăng ký'}
      </button>
    </form>
  )
}
