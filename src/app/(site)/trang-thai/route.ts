/**
 * POST /trang-thai — the member's reading state of one item: save / unsave ("Lưu") and the listening
 * position. Takes a plain form (the "Lưu" button without JavaScript: answers with a redirect back to the
 * page) or JSON from the player (answers JSON). Only the signed-in account's own row is changed.
 */
import { NextResponse, type NextRequest } from 'next/server'
import { currentUser, isMember, oneDocument, oneNews, updateState, type State } from '../_lib/content'
import { sitePayload } from '../_lib/server'
import { fromThisSite, localPath } from '@/lib/http/sameSite'

export const dynamic = 'force-dynamic'

type Input = { kind?: string; id?: string; action?: string; positionMs?: unknown; sentenceId?: unknown; track?: unknown; back?: string }

async function readInput(req: NextRequest): Promise<{ input: Input; form: boolean }> {
  if ((req.headers.get('content-type') ?? '').includes('application/json')) {
    const json = await req.json().catch(() => ({}))
    return { input: json && typeof json === 'object' ? json : {}, form: false }
  }
  const data = await req.formData().catch(() => null)
  const input: Input = {}
  for (const key of ['kind', 'id', 'action', 'back'] as const) {
    const v = data?.get(key)
    if (typeof v === 'string') input[key] = v
  }
  return { input, form: true }
}

const fail = (form: boolean, status: number, message: string) =>
  form ? new NextResponse(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } }) : NextResponse.json({ error: message }, { status })

export async function POST(req: NextRequest) {
  // Forms from other sites must not change a member's state.
  if (!fromThisSite(req.headers.get('origin'), req.headers.get('host'))) return fail(true, 403, 'Yêu cầu không hợp lệ.')
  const { input, form } = await readInput(req)
  const user = await currentUser()
  if (!user) return fail(form, 401, 'Đồng chí cần đăng nhập để lưu văn bản và vị trí nghe.')
  if (!isMember(user)) return fail(form, 403, 'Tài khoản của đồng chí chưa được duyệt.')
  const kind = input.kind === 'news' ? 'news' : 'documents'
  const id = String(input.id ?? '')
  const item = kind === 'news' ? await oneNews(user, id) : await oneDocument(user, id)
  if (!item) return fail(form, 404, 'Không tìm thấy văn bản, hoặc đồng chí không có quyền đọc văn bản này.')

  const now = new Date().toISOString()
  let data: Partial<State>
  if (input.action === 'save') data = { saved: true, savedAt: now, openedAt: now }
  else if (input.action === 'unsave') data = { saved: false, savedAt: null }
  else if (input.action === 'position') {
    const ms = Number(input.positionMs)
    if (!Number.isFinite(ms) || ms < 0 || ms > 100 * 3600_000) return fail(form, 400, 'Vị trí nghe không hợp lệ.')
    data = {
      positionMs: Math.round(ms),
      sentenceId: typeof input.sentenceId === 'string' ? input.sentenceId.slice(0, 200) : null,
      track: input.track === 'summary' ? 'summary' : 'full',
      listenedAt: now,
    }
  } else return fail(form, 400, 'Thao tác không hợp lệ.')

  const state = await updateState(await sitePayload(), user, kind, item.id, data)
  if (form) {
    const back = localPath(input.back) ?? `/${kind === 'news' ? 'tin-tuc' : 'van-ban'}/${item.id}`
    return new NextResponse(null, { status: 303, headers: { location: back } })
  }
  return NextResponse.json({ saved: !!state.saved, positionMs: state.positionMs ?? 0, sentenceId: state.sentenceId ?? null })
}
