'use client'
/**
 * The small client-side machinery shared by the member site's forms: reading the boxes, sending JSON to the
 * API, turning Payload's error answers into messages next to the right boxes, and announcing the outcome.
 */
import { useEffect, useRef } from 'react'
import type { FieldErrors, Values } from '../_lib/checks'

/** What went wrong: a sentence for the whole form and, where known, one message per field. */
export type Problem = { message: string; fields: FieldErrors }

type ApiError = { message?: string; data?: { errors?: { path?: string; message?: string }[] } }

/** Payload reports a card number already in use as a clash on the login name it copies it into. */
const FIELD_ALIASES: Record<string, string> = { username: 'cardNumber' }

/** Payload's own field messages ("Lỗi - Giá trị không được trùng lặp."), said plainly. */
const NOT_UNIQUE = /^(Lỗi\s*-\s*Giá trị không được trùng lặp|Value must be unique)/i
const plain = (message: string) => (NOT_UNIQUE.test(message) ? 'Đã được dùng cho một tài khoản khác.' : message.replace(/^Lỗi\s*-\s*/, ''))

const NETWORK_PROBLEM = 'Không kết nối được với máy chủ. Vui lòng kiểm tra mạng rồi thử lại.'
export const FIX_FIELDS = 'Vui lòng sửa các mục được đánh dấu bên dưới.'

/** The boxes' values, trimmed — except passwords, which are taken exactly as typed. */
export function readValues(form: HTMLFormElement): Values {
  const values: Values = {}
  for (const [name, value] of new FormData(form))
    if (typeof value === 'string') values[name] = name.startsWith('password') ? value : value.trim()
  return values
}

/** The problem carried by an error answer of the API ({ errors: [{ message, data: { errors: [{ path, message }] } }] }). */
export function problemFrom(body: unknown, fallback: string): Problem {
  const errors = ((body as { errors?: ApiError[] } | null)?.errors ?? []) as ApiError[]
  const fields: FieldErrors = {}
  for (const e of errors)
    for (const f of e.data?.errors ?? []) {
      const path = FIELD_ALIASES[f.path ?? ''] ?? f.path
      if (path && f.message) fields[path] ??= plain(f.message)
    }
  if (Object.keys(fields).length > 0) return { message: FIX_FIELDS, fields }
  const message = errors.map((e) => e.message).filter(Boolean).join(' ')
  return { message: message || fallback, fields }
}

export type Sent = { ok: true; body: any } | { ok: false; status: number; problem: Problem }

/** Sends `body` as JSON with the session cookie; never throws. */
export async function sendJson(url: string, method: 'POST' | 'PATCH', body: unknown, fallback: string): Promise<Sent> {
  let res: Response
  try {
    res = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    })
  } catch {
    return { ok: false, status: 0, problem: { message: NETWORK_PROBLEM, fields: {} } }
  }
  const parsed = await res.json().catch(() => null)
  if (res.ok) return { ok: true, body: parsed }
  return { ok: false, status: res.status, problem: problemFrom(parsed, fallback) }
}

/**
 * The error box at the top of a form: announced at once (role="alert"), focused so that keyboard and
 * screen-reader users land on it, with a link to each box that needs fixing.
 */
export function ErrorSummary({ problem, idPrefix, labels }: { problem: Problem | null; idPrefix: string; labels: Record<string, string> }) {
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!problem || !box.current) return
    box.current.focus({ preventScroll: true })
    box.current.scrollIntoView({ block: 'start' })
  }, [problem])
  return (
    <div ref={box} tabIndex={-1} role="alert" className={problem ? 'error-summary' : 'visually-hidden'}>
      {problem && (
        <>
          <p className="error-summary-title">{problem.message}</p>
          {Object.keys(problem.fields).length > 0 && (
            <ul>
              {Object.entries(problem.fields).map(([field, message]) => (
                <li key={field}>
                  <a href={`#${idPrefix}-${field}`}>
                    {labels[field] ? `${labels[field]}: ` : ''}
                    {message}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  )
}
