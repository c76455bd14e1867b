'use client'
/**
 * The account page's edit forms, all through PATCH /api/users/:id (the server decides what waits):
 * - contact: phone and email, applied at once;
 * - request: identity fields and branch of an approved member, held for the branch secretary;
 * - correct: the whole profile of a rejected registration, which goes back to the secretary.
 */
import { useRouter } from 'next/navigation'
import { useState, type FormEvent } from 'react'
import { branchIdFrom, type BranchGroup } from '../_lib/branches'
import { checkProfile, type Values } from '../_lib/checks'
import { PROFILE_LABELS, tidyDateInput } from '../_lib/format'
import { CONTACT_KEYS, IDENTITY_KEYS } from '../_lib/profile'
import { BranchField, DateField, GenderField, TextField } from '../_components/fields'
import { ErrorSummary, FIX_FIELDS, readValues, sendJson, type Problem } from '../_components/form'

type Mode = 'contact' | 'request' | 'correct'

const MODES: Record<Mode, { keys: readonly string[]; submit: string; done: string }> = {
  contact: { keys: CONTACT_KEYS, submit: 'Lưu số điện thoại và email', done: 'Đã lưu số điện thoại và email.' },
  request: {
    keys: IDENTITY_KEYS,
    submit: 'Gửi đề nghị sửa',
    done: 'Đã gửi đề nghị sửa thông tin. Thông tin mới sẽ được áp dụng khi bí thư chi bộ duyệt.',
  },
  correct: { keys: [...IDENTITY_KEYS, ...CONTACT_KEYS], submit: 'Gửi lại để duyệt', done: 'Đã gửi lại thông tin. Tài khoản đang chờ bí thư chi bộ duyệt.' },
}

/** What to send: every field when correcting a registration, otherwise only what the member changed. */
function changes(mode: Mode, values: Values, initial: Values, groups: BranchGroup[]): Record<string, string | number | null> {
  const body: Record<string, string | number | null> = {}
  for (const key of MODES[mode].keys)
    if (mode === 'correct' || values[key] !== initial[key]) body[key] = values[key] === '' ? null : values[key]
  if (body.branch) body.branch = branchIdFrom(groups, values.branch)
  return body
}

type Props = { userId: string | number; mode: Mode; initial: Values; groups?: BranchGroup[] }

export function ProfileForm({ userId, mode, initial, groups = [] }: Props) {
  const router = useRouter()
  const [problem, setProblem] = useState<Problem | null>(null)
  const [done, setDone] = useState('')
  const [busy, setBusy] = useState(false)
  const { keys, submit: submitLabel, done: doneMessage } = MODES[mode]
  const id = `tk-${mode}`

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (busy) return
    setDone('')
    const values = readValues(event.currentTarget)
    for (const key of ['birthDate', 'partyJoinDate', 'officialDate']) if (values[key]) values[key] = tidyDateInput(values[key])
    const fields = checkProfile(values, keys)
    if (Object.keys(fields).length > 0) return setProblem({ message: FIX_FIELDS, fields })
    const body = changes(mode, values, initial, groups)
    if (Object.keys(body).length === 0) return setProblem({ message: 'Đồng chí chưa thay đổi thông tin nào.', fields: {} })
    setBusy(true)
    const sent = await sendJson(`/api/users/${userId}`, 'PATCH', body, 'Chưa lưu được, vui lòng thử lại sau.')
    setBusy(false)
    if (!sent.ok) return setProblem(sent.problem)
    setProblem(null)
    setDone(doneMessage)
    router.refresh()
  }

  const err = problem?.fields ?? {}
  const has = (key: string) => keys.includes(key)
  return (
    <form onSubmit={submit} method="post" noValidate className="form">
      <ErrorSummary problem={problem} idPrefix={id} labels={PROFILE_LABELS} />
      {has('fullName') && <TextField idPrefix={id} name="fullName" label="Họ và tên" autoComplete="name" maxLength={120} defaultValue={initial.fullName} error={err.fullName} />}
      {has('birthDate') && <DateField idPrefix={id} name="birthDate" label="Ngày sinh" autoComplete="bday" defaultValue={initial.birthDate} error={err.birthDate} />}
      {has('gender') && <GenderField idPrefix={id} defaultValue={initial.gender} error={err.gender} />}
      {has('citizenId') && <TextField idPrefix={id} name="citizenId" label="Số định danh cá nhân" inputMode="numeric" autoComplete="off" defaultValue={initial.citizenId} error={err.citizenId} hint="12 chữ số trên thẻ căn cước" />}
      {has('partyJoinDate') && <DateField idPrefix={id} name="partyJoinDate" label="Ngày vào Đảng" defaultValue={initial.partyJoinDate} error={err.partyJoinDate} />}
      {has('officialDate') && <DateField idPrefix={id} name="officialDate" label="Ngày chính thức" optional defaultValue={initial.officialDate} error={err.officialDate} hint="Bỏ trống nếu đồng chí là đảng viên dự bị. Ví dụ: 03/02/1986" />}
      {has('cardNumber') && <TextField idPrefix={id} name="cardNumber" label="Số thẻ đảng viên" inputMode="numeric" autoComplete="off" defaultValue={initial.cardNumber} error={err.cardNumber} />}
      {has('branch') && <BranchField idPrefix={id} groups={groups} defaultValue={initial.branch} error={err.branch} />}
      {has('phone') && <TextField idPrefix={id} name="phone" label="Số điện thoại" type="tel" inputMode="tel" autoComplete="tel" defaultValue={initial.phone} error={err.phone} hint="Số di động, ví dụ: 0912 345 678" />}
      {has('email') && <TextField idPrefix={id} name="email" label="Email" type="email" autoComplete="email" optional defaultValue={initial.email} error={err.email} />}
      <p role="status" className={done ? 'notice success' : 'visually-hidden'}>
        {done}
      </p>
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Đang gửi…' : submitLabel}
      </button>
    </form>
  )
}
