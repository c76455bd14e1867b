'use client'
/**
 * Search as you type: the page's GET form keeps working without JavaScript; with it, results follow
 * the typing (a short pause after each change) and the address follows the query.
 */
import { useEffect, useRef, useState } from 'react'
import { answerOf, hitHref, safeHighlight, searchParamsOf, type SearchAnswer, type SearchQuery } from '../_lib/search'

export function SearchResults({ formId, initial, query }: { formId: string; initial: SearchAnswer | null; query: SearchQuery }) {
  const [answer, setAnswer] = useState<SearchAnswer | null>(initial)
  const [q, setQ] = useState(query.q)
  const [busy, setBusy] = useState(false)
  const seq = useRef(0)

  useEffect(() => {
    const form = document.getElementById(formId) as HTMLFormElement | null
    if (!form) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const run = () => {
      const data = Object.fromEntries(new FormData(form).entries()) as Record<string, string>
      const params = searchParamsOf({ ...data, page: '' })
      const text = (data.q ?? '').trim()
      history.replaceState(null, '', `/tim-kiem${params.size ? `?${params}` : ''}`)
      setQ(text)
      const mine = ++seq.current
      if (!text) {
        setAnswer(null)
        return
      }
      setBusy(true)
      fetch(`/api/search?${params}`, { headers: { accept: 'application/json' } })
        .then(async (res) => answerOf(res.status, await res.json().catch(() => null)))
        .catch((): SearchAnswer => ({ ok: false, message: 'Không có mạng. Đồng chí thử lại khi có mạng.' }))
        .then((a) => {
          if (mine !== seq.current) return
          setAnswer(a)
          setBusy(false)
        })
    }
    const onInput = () => {
      clearTimeout(timer)
      timer = setTimeout(run, 300)
    }
    form.addEventListener('input', onInput)
    form.addEventListener('change', onInput)
    return () => {
      form.removeEventListener('input', onInput)
      form.removeEventListener('change', onInput)
    }
  }, [formId])

  return (
    <section aria-labelledby="ket-qua" aria-busy={busy}>
      <h2 id="ket-qua" aria-live="polite">
        {!q ? 'Gõ từ cần tìm vào ô trên' : !answer ? 'Đang tìm…' : answer.ok ? `Tìm thấy ${answer.result.total} kết quả cho “${q}”` : 'Chưa tìm được'}
      </h2>
      {answer && !answer.ok && <p className="notice">{answer.message}</p>}
      {answer?.ok && answer.result.suggestion && (
        <p>
          Có phải đồng chí muốn tìm: <a href={`/tim-kiem?q=${encodeURIComponent(answer.result.suggestion)}`}>{answer.result.suggestion}</a>
        </p>
      )}
      {answer?.ok && answer.result.total === 0 && q && <p className="muted">Không có kết quả. Đồng chí thử từ khác, hoặc bỏ bớt điều kiện lọc.</p>}
      {answer?.ok && (
        <ul className="list">
          {answer.result.hits.map((hit) => (
            <li key={`${hit.kind}:${hit.id}`} className="hit">
              <a className="item" href={hitHref(hit)}>
                {hit.typeLabel ? `${hit.typeLabel} ` : ''}
                {hit.number ? `${hit.number}: ` : ''}
                <span dangerouslySetInnerHTML={{ __html: hit.titleHtml ? safeHighlight(hit.titleHtml) : safeHighlight(hit.title) }} />
              </a>
              {hit.section && (
                <p className="snippet">
                  {hit.section.heading && <strong>{hit.section.heading}: </strong>}
                  <span dangerouslySetInnerHTML={{ __html: safeHighlight(hit.section.snippet) }} />
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
