/**
 * One call of one of our action endpoints from a browser (the admin's sidebars, the member site): the
 * answer's Vietnamese message, or the error's, or a plain sentence when the server could not be reached.
 */
export type ActionAnswer = { ok: boolean; text: string; body: Record<string, any> }

export async function callAction(url: string, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', body?: unknown): Promise<ActionAnswer> {
  try {
    const res = await fetch(url, {
      method,
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    })
    const answer = (await res.json().catch(() => ({}))) as Record<string, any>
    const text: string = res.ok ? (answer.message ?? 'Đã thực hiện.') : (answer.errors?.[0]?.message ?? 'Không thực hiện được, vui lòng thử lại.')
    return { ok: res.ok, text, body: answer }
  } catch {
    return { ok: false, text: 'Không kết nối được với máy chủ.', body: {} }
  }
}
