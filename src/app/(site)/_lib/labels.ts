/** Labels and dates as the member site writes them. */
import { EFFECT_STATUS } from '../../../../collections/Documents/relations'
import { DOCUMENT_TYPES } from '@/lib/document/number'

export const TYPE_LABELS: Record<string, string> = Object.fromEntries(DOCUMENT_TYPES.map((t) => [t.value, t.label]))
export const STATUS_LABELS: Record<string, string> = { ...EFFECT_STATUS }
export const TYPE_OPTIONS = DOCUMENT_TYPES.map((t) => ({ value: t.value as string, label: t.label as string }))
export const STATUS_OPTIONS = Object.entries(EFFECT_STATUS).map(([value, label]) => ({ value, label }))

/** Made once: building a DateTimeFormat (locale and time zone data) costs far more than formatting. */
const DAY_FORMAT = new Intl.DateTimeFormat('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' })

/** An ISO date (or date-time) as dd/mm/yyyy, in Vietnam's time zone; '' when missing. */
export function day(value: unknown): string {
  if (typeof value !== 'string' || !value) return ''
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) return ''
  return DAY_FORMAT.format(d)
}

/** Whole days from today to `value` (negative when past). */
export function daysUntil(value: unknown): number | null {
  if (typeof value !== 'string') return null
  const t = new Date(value).getTime()
  if (Number.isNaN(t)) return null
  return Math.ceil((t - Date.now()) / 86_400_000)
}

/** "12 phút 5 giây" from milliseconds. */
export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000))
  const m = Math.floor(s / 60)
  return m > 0 ? `${m} phút ${s % 60} giây` : `${s} giây`
}
