'use client'
/**
 * "Lưu": keeps the document in the member's account (ReadingState) and, on this phone, its page and
 * audio in the browser's cache so that it opens and plays without a network. Without JavaScript the
 * same form posts to /trang-thai and comes back to the page.
 */
import { useEffect, useState } from 'react'
import { keepOffline, dropOffline } from './offline'

type Props = { kind: 'documents' | 'news'; id: string | number; saved: boolean; audio: string[]; back: string }

export function SaveButton({ kind, id, saved: initial, audio, back }: Props) {
  const [saved, setSaved] = useState(initial)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState('')

  // Saved on another device: keep this phone's copy current too.
  useEffect(() => {
    if (initial) keepOffline(back, audio).catch(() => undefined)
  }, [initial, back, audio])

  async function toggle(event: React.FormEvent) {
    event.preventDefault()
    if (busy) return
    setBusy(true)
    setMessage('')
    const next = !saved
    try {
      const res = await fetch('/trang-thai', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind, id, action: next ? 'save' : 'unsave' }),
      })
      if (!res.ok) throw new Error((await res.json().catch(() => null))?.error ?? 'Chưa lưu được, đồng chí thử lại.')
      setSaved(next)
      if (next) {
        setMessage('Đang tải về máy để đọc khi không có mạng…')
        await keepOffline(back, audio)
        setMessage('Đã lưu. Văn bản đọc được cả khi không có mạng.')
      } else {
        await dropOffline(back)
        setMessage('Đã bỏ lưu.')
      }
    } catch (err) {
      setMessage(err instanceof Error ? err.message : 'Chưa lưu được, đồng chí thử lại.')
    } finally {
      setBusy(false)
    }
  }

  return (
    <form method="post" action="/trang-thai" className="save-form" onSubmit={toggle}>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={String(id)} />
      <input type="hidden" name="action" value={saved ? 'unsave' : 'save'} />
      <input type="hidden" name="back" value={back} />
      <button type="submit" className={`button ${saved ? 'saved' : 'secondary'}`} aria-pressed={saved} disabled={busy}>
        {saved ? '✓ Đã lưu' : 'Lưu'}
      </button>
      <span role="status" className="save-status">{message && <span className="offline-badge"> {message}</span>}</span>
    </form>
  )
}
