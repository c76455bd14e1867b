/**
 * An editor's summary: the sentences they wrote or kept, checked and tied to the sentences of the text
 * they came from (so the player can still jump from a summary sentence to its place in the full text).
 * Pure: no Payload here, so the rules are tested on their own.
 */
import { canonical } from '../../src/lib/vi/text'
import type { ReadingStructure, SentenceOut, SummaryOut } from '../../workers/pipeline'

export const SUMMARY_LIMITS = { sentences: 8, words: 120, characters: 600 } as const

export type SummaryEditRequest = { pinned: boolean; sentences?: string[] }
export type SummaryEditParse = { ok: true; value: SummaryEditRequest } | { ok: false; message: string }

const words = (text: string) => text.split(/\s+/).filter(Boolean).length

/** Reads `{ pinned?, sentences? }`; every refusal is a sentence an editor can act on. */
export function parseSummaryEdit(body: unknown): SummaryEditParse {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { ok: false, message: 'Yêu cầu không hợp lệ: cần gửi danh sách câu tóm tắt hoặc lựa chọn ghim/bỏ ghim.' }
  const { pinned, sentences } = body as { pinned?: unknown; sentences?: unknown }
  if (pinned !== undefined && typeof pinned !== 'boolean') return { ok: false, message: 'Lựa chọn ghim tóm tắt phải là có hoặc không.' }
  if (sentences === undefined) {
    if (pinned === undefined) return { ok: false, message: 'Hãy nhập các câu tóm tắt, hoặc chọn ghim/bỏ ghim tóm tắt hiện có.' }
    return { ok: true, value: { pinned } }
  }
  if (pinned === false) return { ok: false, message: 'Tóm tắt do biên tập viên sửa luôn được giữ nguyên; muốn hệ thống tóm tắt lại, hãy chọn bỏ ghim.' }
  if (!Array.isArray(sentences) || sentences.some((s) => typeof s !== 'string')) return { ok: false, message: 'Tóm tắt phải là danh sách các câu.' }
  const cleaned = sentences.map((s) => canonical(s.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim())).filter(Boolean)
  if (cleaned.length === 0) return { ok: false, message: 'Tóm tắt đang trống: hãy nhập ít nhất một câu.' }
  if (cleaned.length > SUMMARY_LIMITS.sentences) return { ok: false, message: `Tóm tắt có ${cleaned.length} câu; tối đa ${SUMMARY_LIMITS.sentences} câu.` }
  const long = cleaned.findIndex((s) => s.length > SUMMARY_LIMITS.characters)
  if (long >= 0) return { ok: false, message: `Câu thứ ${long + 1} quá dài (tối đa ${SUMMARY_LIMITS.characters} ký tự).` }
  const total = cleaned.reduce((n, s) => n + words(s), 0)
  if (total > SUMMARY_LIMITS.words) return { ok: false, message: `Tóm tắt dài ${total} chữ; tóm tắt ngắn tối đa ${SUMMARY_LIMITS.words} chữ.` }
  return { ok: true, value: { pinned: true, sentences: cleaned } }
}

/**
 * The edited summary as the pipeline stores it: a sentence taken word for word from the text keeps that
 * sentence's id; a sentence the editor wrote gets an id of its own ("tt-2").
 */
export function editedSummary(sentences: string[], reading: ReadingStructure | null | undefined, previous: SummaryOut | null | undefined): SummaryOut {
  const idOfText = new Map<string, string>()
  for (const section of reading?.sections ?? []) for (const s of section.sentences) if (!idOfText.has(s.text)) idOfText.set(s.text, s.id)
  const used = new Set<string>()
  const out: SentenceOut[] = sentences.map((text, i) => {
    const known = idOfText.get(text)
    const id = known && !used.has(known) ? known : `tt-${i + 1}`
    used.add(id)
    return { id, text }
  })
  return { sentences: out, keyPoints: previous?.keyPoints ?? [], engine: 'bien-tap-vien' }
}
