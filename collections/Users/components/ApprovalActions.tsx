'use client'
/** The buttons of the approval sidebar; each calls its endpoint, announces the answer and refreshes the record. */
import { Button, toast, useConfig } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useId, useState } from 'react'
import { callAction } from '../../../src/lib/http/action'
import './approval.css'

export type PendingChange = { label: string; from: string; to: string }

type Props = {
  id: string | number
  status: string
  statusLabel: string
  rejectionReason: string
  mayDecide: boolean
  pending: PendingChange[]
}

type Rejecting = null | 'reject' | 'reject-changes'

const REJECT_TITLES: Record<Exclude<Rejecting, null>, string> = {
  reject: 'Từ chối tài khoản',
  'reject-changes': 'Từ chối thay đổi thông tin',
}
const MIN_REASON = 5

export function ApprovalActions({ id, status, statusLabel, rejectionReason, mayDecide, pending }: Props) {
  const { config } = useConfig()
  const router = useRouter()
  const reasonId = useId()
  const [busy, setBusy] = useState(false)
  const [rejecting, setRejecting] = useState<Rejecting>(null)
  const [reason, setReason] = useState('')
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null)

  async function decide(action: 'approve' | 'reject' | 'approve-changes' | 'reject-changes', body?: { reason: string }) {
    setBusy(true)
    setMessage(null)
    const { ok, text } = await callAction(`${config.serverURL}${config.routes.api}/users/${id}/${action}`, 'POST', body)
    setMessage({ text, error: !ok })
    setBusy(false)
    if (!ok) return void toast.error(text)
    toast.success(text)
    setRejecting(null)
    setReason('')
    router.refresh()
  }

  const reasonTooShort = reason.trim().length < MIN_REASON
  return (
    <section className="account-approval" aria-labelledby={`${reasonId}-title`}>
      <h3 id={`${reasonId}-title`} className="account-approval__title">
        Trạng thái tài khoản
      </h3>
      <p className={`account-approval__status account-approval__status--${status}`}>{statusLabel}</p>
      {rejectionReason && <p>Lý do từ chối: {rejectionReason}</p>}

      {status === 'cho-duyet' && !mayDecide && <p>Chỉ bí thư hoặc phó bí thư chi bộ của đảng viên này mới được duyệt.</p>}
      {status === 'cho-duyet' && mayDecide && !rejecting && (
        <div className="account-approval__buttons">
          <Button buttonStyle="primary" size="large" disabled={busy} onClick={() => decide('approve')} margin={false}>
            Duyệt tài khoản
          </Button>
          <Button buttonStyle="secondary" size="large" disabled={busy} onClick={() => setRejecting('reject')} margin={false}>
            Từ chối
          </Button>
        </div>
      )}

      {pending.length > 0 && (
        <>
          <h4 className="account-approval__subtitle">Thay đổi thông tin chờ duyệt</h4>
          <ul className="account-approval__changes">
            {pending.map((c) => (
              <li key={c.label}>
                <strong>{c.label}:</strong> {c.from} → <strong>{c.to}</strong>
              </li>
            ))}
          </ul>
          {mayDecide && !rejecting && (
            <div className="account-approval__buttons">
              <Button buttonStyle="primary" size="large" disabled={busy} onClick={() => decide('approve-changes')} margin={false}>
                Duyệt thay đổi
              </Button>
              <Button buttonStyle="secondary" size="large" disabled={busy} onClick={() => setRejecting('reject-changes')} margin={false}>
                Từ chối thay đổi
              </Button>
            </div>
          )}
        </>
      )}

      {rejecting && (
        <div className="account-approval__reject">
          <h4 className="account-approval__subtitle">{REJECT_TITLES[rejecting]}</h4>
          <label htmlFor={reasonId} className="account-approval__label">
            Lý do từ chối (bắt buộc, đảng viên sẽ thấy lý do này)
          </label>
          <textarea id={reasonId} rows={4} required value={reason} onChange={(e) => setReason(e.target.value)} aria-describedby={`${reasonId}-hint`} />
          <p id={`${reasonId}-hint`} className="account-approval__hint">
            Ít nhất {MIN_REASON} ký tự, ví dụ: “Số thẻ đảng viên không khớp hồ sơ chi bộ”.
          </p>
          <div className="account-approval__buttons">
            <Button buttonStyle="error" size="large" disabled={busy || reasonTooShort} onClick={() => decide(rejecting, { reason: reason.trim() })} margin={false}>
              Xác nhận từ chối
            </Button>
            <Button buttonStyle="secondary" size="large" disabled={busy} onClick={() => setRejecting(null)} margin={false}>
              Hủy
            </Button>
          </div>
        </div>
      )}

      <p role="status" aria-live="polite" className={message?.error ? 'account-approval__message account-approval__message--error' : 'account-approval__message'}>
        {message?.text}
      </p>
    </section>
  )
}
