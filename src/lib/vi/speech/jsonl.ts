/**
 * The JSON-lines protocol of `sotay normalize`: each line `{"id", "input"}` becomes `{"id", "output"}`;
 * a line that cannot be read becomes `{"id", "error"}` with a message in Vietnamese.
 */
import { type NormalizeOptions, normalizeForSpeech } from './normalize'

export type NormalizeResult = { id: unknown; output: string } | { id: unknown; error: string }

export function normalizeRecord(line: string, options: NormalizeOptions = {}): NormalizeResult {
  let record: unknown
  try {
    record = JSON.parse(line)
  } catch {
    return { id: null, error: 'Dòng không phải JSON hợp lệ.' }
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record))
    return { id: null, error: 'Mỗi dòng phải là một đối tượng JSON {"id", "input"}.' }
  const { id = null, input } = record as { id?: unknown; input?: unknown }
  if (typeof input !== 'string') return { id, error: 'Thiếu trường "input" kiểu chuỗi.' }
  return { id, output: normalizeForSpeech(input, options) }
}
