'use client'
/**
 * Sidebar of a document or news item in the admin: what the pipeline made of it (chờ xử lý, đang xử lý,
 * hoàn tất, lỗi + the reason), the summary with its "ghim" state, and the editors' actions — "Xử lý lại",
 * edit the summary, pin or unpin it. Every action calls the endpoints in ../endpoints.ts, which check the
 * rights again; the panel refreshes itself while the pipeline is at work.
 */
import { Button, toast, useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useCallback, useEffect, useId, useState } from 'react'
import { callAction } from '../../../src/lib/http/action'
import './pipeline.css'

type Reading = {
  status: 'cho-xu-ly' | 'dang-xu-ly' | 'hoan-tat' | 'loi'
  error?: string
  processedAt: string | null
  summaryPinned?: boolean
  summary: { sentences: { id: string; text: string }[] } | null
  audio: { full?: { url: string; durationMs: number }; summary?: { url: string; durationMs: number } }
}

const STATUS_LABELS: Record<Reading['status'], string> = {
  'cho-xu-ly': 'Chờ xử lý',
  'dang-xu-ly': 'Đang xử lý',
  'hoan-tat': 'Hoàn tất',
  loi: 'Lỗi',
}
const WORKING = new Set(['cho-xu-ly', 'dang-xu-ly'])

const minutes = (ms: number) => {
  const s = Math.round(ms / 1000)
  return `${Math.floor(s / 60)} phút ${String(s % 60).padStart(2, '0')} giây`
}
const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('vi-VN', { dateStyle: 'short', timeStyle: 'short' }) : '')

export function PipelinePanel() {
  const { id, collectionSlug } = useDocumentInfo()
  const { config } = useConfig()
  const uid = useId()
  const [reading, setReading] = useState<Reading | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState('')
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null)
  const base = `${config.serverURL}${config.routes.api}/${collectionSlug}/${id}`

  const load = useCallback(async () => {
    if (!id) return
    try {
      const res = await fetch(`${base}/reading`, { credentials: 'include', cache: 'no-store' })
      const body = await res.json().catch(() => ({}))
      if (!res.ok) return setLoadError(body.errors?.[0]?.message ?? 'Không đọc được trạng thái xử lý.')
      setLoadError(null)
      setReading(body as Reading)
    } catch {
      setLoadError('Không kết nối được với máy chủ.')
    }
  }, [base, id])

  useEffect(() => {
    void load()
  }, [load])
  // While the workers are at it, look again every few seconds.
  useEffect(() => {
    if (!reading || !WORKING.has(reading.status)) return
    const timer = setInterval(() => void load(), 4000)
    return () => clearInterval(timer)
  }, [reading, load])

  async function act(path: string, method: 'POST' | 'PUT', body?: unknown) {
    setBusy(true)
    setMessage(null)
    const { ok, text } = await callAction(`${base}/${path}`, method, body)
    setMessage({ text, error: !ok })
    if (ok) {
      toast.success(text)
      setEditing(false)
      await load()
    } else toast.error(text)
    setBusy(false)
  }

  if (!id) return null
  const sentences = reading?.summary?.sentences ?? []
  return (
    <section className="pipeline-panel" aria-labelledby={`${uid}-title`}>
      <h3 id={`${uid}-title`} className="pipeline-panel__title">
        Xử lý tự động
      </h3>
      {loadError && <p className="pipeline-panel__message pipeline-panel__message--error">{loadError}</p>}
      {reading && (
        <>
          <p className={`pipeline-panel__status pipeline-panel__status--${reading.status}`} data-status={reading.status}>
            {STATUS_LABELS[reading.status]}
          </p>
          {reading.status === 'loi' && reading.error && <p className="pipeline-panel__error">Lý do: {reading.error}</p>}
          {reading.status === 'hoan-tat' && reading.processedAt && <p className="pipeline-panel__hint">Xử lý xong lúc {when(reading.processedAt)}.</p>}
          <ul className="pipeline-panel__outputs">
            <li>Bản đọc toàn văn: {reading.audio.full ? minutes(reading.audio.full.durationMs) : 'chưa có'}</li>
            <li>Bản đọc tóm tắt: {reading.audio.summary ? minutes(reading.audio.summary.durationMs) : 'chưa có'}</li>
          </ul>

          <h4 className="pipeline-panel__subtitle">
            Tóm tắt {reading.summaryPinned ? <span className="pipeline-panel__pin">(đã ghim)</span> : null}
          </h4>
          {!editing && (sentences.length ? (
            <ol className="pipeline-panel__summary">
              {sentences.map((s) => (
                <li key={s.id}>{s.text}</li>
              ))}
            </ol>
          ) : (
            <p className="pipeline-panel__hint">Chưa có tóm tắt.</p>
          ))}
          {editing && (
            <div className="pipeline-panel__edit">
              <label htmlFor={`${uid}-summary`} className="pipeline-panel__label">
                Các câu tóm tắt, mỗi câu một dòng
              </label>
              <textarea id={`${uid}-summary`} rows={8} value={draft} onChange={(e) => setDraft(e.target.value)} aria-describedby={`${uid}-summary-hint`} />
              <p id={`${uid}-summary-hint`} className="pipeline-panel__hint">
                Tối đa 8 câu, 120 chữ. Nên giữ nguyên văn câu chữ của văn bản. Tóm tắt đã sửa được ghim: lần xử lý sau không thay.
              </p>
              <div className="pipeline-panel__buttons">
                <Button buttonStyle="primary" size="large" margin={false} disabled={busy} onClick={() => act('summary', 'PUT', { sentences: draft.split('\n') })}>
                  Lưu tóm tắt
                </Button>
                <Button buttonStyle="secondary" size="large" margin={false} disabled={busy} onClick={() => setEditing(false)}>
                  Hủy
                </Button>
              </div>
            </div>
          )}
          {!editing && (
            <div className="pipeline-panel__buttons">
              <Button buttonStyle="secondary" size="large" margin={false} disabled={busy} onClick={() => (setDraft(sentences.map((s) => s.text).join('\n')), setEditing(true))}>
                Sửa tóm tắt
              </Button>
              {sentences.length > 0 && (
                <Button buttonStyle="secondary" size="large" margin={false} disabled={busy} onClick={() => act('summary', 'PUT', { pinned: !reading.summaryPinned })}>
                  {reading.summaryPinned ? 'Bỏ ghim tóm tắt' : 'Ghim tóm tắt'}
                </Button>
              )}
              <Button buttonStyle="primary" size="large" margin={false} disabled={busy} onClick={() => act('reprocess', 'POST')}>
                Xử lý lại
              </Button>
            </div>
          )}
        </>
      )}
      <p role="status" aria-live="polite" className={message?.error ? 'pipeline-panel__message pipeline-panel__message--error' : 'pipeline-panel__message'}>
        {message?.text}
      </p>
    </section>
  )
}
