'use client'
/** Sign-in with the party card number or the email, through Payload's POST /api/users/login (sets the session cookie). */
import { useState, type FormEvent } from 'react'
import { PasswordField, ShowPasswords, TextField } from '../_components/fields'
import { ErrorSummary, readValues, sendJson, type Problem } from '../_components/form'

const ID = 'dn'
const LABELS = { identifier: 'Số thẻ đảng viên hoặc email', password: 'Mật khẩu' }
const WRONG = 'Số thẻ đảng viên (hoặc email) hoặc mật khẩu chưa đúng. Đồng chí kiểm tra lại rồi thử lại.'
const LOCKED = 'Tài khoản đang tạm khóa vì nhập sai mật khẩu nhiều lần. Đồng chí vui lòng đợi ít phút rồi thử lại.'

/** A card number is sent as the login name without the spaces and dots printed on the card. */
const credentials = (identifier: string) =>
  identifier.includes('@') ? { email: identifier } : { username: identifier.replace(/[\s.]/g, '') }

/** Payload answers 401 both for wrong credentials and for a locked account; only its message tells them apart. */
const loginProblem = (status: number, message: string): Problem => ({
  message: status === 401 ? (/khóa|locked/i.test(message) ? LOCKED : WRONG) : message,
  fields: {},
})

export function LoginForm() {
  const [problem, setProblem] = useState<Problem | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (busy) return
    const { identifier = '', password = '' } = readValues(event.currentTarget)
    const fields: Record<string, string> = {}
    if (!identifier) fields.identifier = 'Vui lòng nhập số thẻ đảng viên hoặc email.'
    if (!password) fields.password = 'Vui lòng nhập mật khẩu.'
    if (Object.keys(fields).length > 0) return setProblem({ message: 'Vui lòng nhập đủ thông tin đăng nhập.', fields })
    setBusy(true)
    const sent = await sendJson('/api/users/login', 'POST', { ...credentials(identifier), password }, 'Chưa đăng nhập được, vui lòng thử lại sau.')
    if (sent.ok) return window.location.assign('/tai-khoan')
    setBusy(false)
    setProblem(loginProblem(sent.status, sent.problem.message))
  }

  const err = problem?.fields ?? {}
  return (
    <form onSubmit={submit} method="post" noValidate className="form">
      <ErrorSummary problem={problem} idPrefix={ID} labels={LABELS} />
      <TextField idPrefix={ID} name="identifier" label={LABELS.identifier} autoComplete="username" autoCapitalize="none" spellCheck={false} error={err.identifier} hint="Ví dụ: 12345678 hoặc ten@gmail.com" />
      <PasswordField idPrefix={ID} name="password" label={LABELS.password} autoComplete="current-password" error={err.password} />
      <ShowPasswords />
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Đang đăng nhập…' : 'Đăng nhập'}
      </button>
    </form>
  )
}
