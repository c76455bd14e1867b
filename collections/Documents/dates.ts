/**
 * Calendar days of documents (ngày ban hành, ngày hiệu lực, hạn triển khai). The admin's day picker
 * sends local midnight as UTC ("2025-07-09T17:00:00.000Z" for 10/7/2025 in Vietnam), API clients send
 * "2025-07-10" or "10/07/2025": all become the same day, stored as "2025-07-10T00:00:00.000Z".
 */
import { parseDate } from '../../src/lib/member/identity'

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000

/** The calendar day ("YYYY-MM-DD") meant by `input`, or null when it is not a real date. */
export function calendarDay(input: unknown): string | null {
  if (input == null || input === '') return null
  const text = input instanceof Date ? input.toISOString() : String(input).trim()
  const timestamp = /^\d{4}-\d{2}-\d{2}T(?!00:00:00(?:\.000)?Z$)/.test(text) ? Date.parse(text) : NaN
  if (!Number.isNaN(timestamp)) return new Date(timestamp + VIETNAM_OFFSET_MS).toISOString().slice(0, 10)
  return parseDate(text)
}

export const storedDay = (day: string): string => `${day}T00:00:00.000Z`

/** Today in Vietnam, "YYYY-MM-DD". */
export const today = (now = new Date()): string => new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10)

/** dd/mm/yyyy for messages. */
export const displayDay = (day: string): string => day.split('-').reverse().join('/')
