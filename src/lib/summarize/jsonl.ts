/**
 * The JSON-lines protocol of `sotay summarize`: each input line is `{"id", "text", "title"?}` with one
 * sentence a line in `text`; each output line is `{"id", "summary"}` (the chosen sentences joined by a
 * newline, in source order) or `{"id"?, "line", "error"}` with a message in Vietnamese.
 */
import type { SummaryEngine } from './types'

export interface SummaryRequest {
  id: string | number
  text: string
  title?: string
}

export interface SummaryOptions {
  maxSentences: number
  maxWords?: number
}

export type SummaryReply = { id: string | number; summary: string } | { id?: string | number; line: number; error: string }

type Parsed = { request: SummaryRequest } | { error: string; id?: string | number }

function isId(value: unknown): value is string | number {
  return (typeof value === 'string' && value.length > 0) || (typeof value === 'number' && Number.isFinite(value))
}

/** Checks one input line; the error says in Vietnamese what is wrong. */
export function parseRequest(line: string): Parsed {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    return { error: 'Dòng không phải JSON hợp lệ.' }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { error: 'Mỗi dòng phải là một đối tượng JSON {"id", "text"}.' }
  }
  const record = value as Record<string, unknown>
  const id = isId(record.id) ? record.id : undefined
  if (id === undefined) return { error: 'Thiếu trường "id" (chuỗi hoặc số).' }
  if (typeof record.text !== 'string') return { id, error: 'Thiếu trường "text" (chuỗi, mỗi câu một dòng).' }
  if (record.title !== undefined && typeof record.title !== 'string') return { id, error: 'Trường "title" phải là chuỗi.' }
  return { request: { id, text: record.text, title: record.title as string | undefined } }
}

/** Summarises one request: its lines are the sentences. */
export async function summarizeRequest(
  engine: SummaryEngine,
  request: SummaryRequest,
  options: SummaryOptions,
): Promise<{ id: string | number; summary: string }> {
  const sentences = request.text
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
  const result = await engine.summarize({
    sentences,
    title: request.title,
    maxSentences: options.maxSentences,
    maxWords: options.maxWords,
  })
  return { id: request.id, summary: result.sentences.map((s) => s.text).join('\n') }
}

/** One output line for one input line (`lineNumber` counts from 1). */
export async function replyToLine(
  engine: SummaryEngine,
  line: string,
  lineNumber: number,
  options: SummaryOptions,
): Promise<SummaryReply> {
  const parsed = parseRequest(line)
  if ('error' in parsed) return { ...(parsed.id !== undefined ? { id: parsed.id } : {}), line: lineNumber, error: parsed.error }
  return summarizeRequest(engine, parsed.request, options)
}
