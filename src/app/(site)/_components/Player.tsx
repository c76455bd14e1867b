'use client'
/**
 * Nghe văn bản: a small audio player over the sentences the server rendered. Play/pause, speed
 * 0.75–2×, ±15 s, previous/next sentence, chapters by section, the sentence being read highlighted and
 * kept in view, tap a sentence to listen from there, resume where the member stopped (saved to the
 * account, at most every 10 s, and in this browser), a sleep timer, download for offline listening.
 * On a phone it is a small bar fixed to the bottom of the screen, so the controls stay in reach while the
 * member reads along; the options fold away behind "Tùy chọn".
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react'
import { hasAudio, keepAudio } from './offline'

export type Track = { url: string; durationMs: number; timings: { sentenceId: string; startMs: number; endMs: number }[] }
type Props = {
  kind: 'documents' | 'news'
  id: string | number
  tracks: { full?: Track; summary?: Track }
  chapters: { id: string; heading: string; sentenceId: string }[]
  resume: { track: 'full' | 'summary'; positionMs: number } | null
  signedIn: boolean
}

const SPEEDS = [0.75, 1, 1.25, 1.5, 1.75, 2]
const SLEEP = [0, 15, 30, 45, 60]
const SAVE_EVERY_MS = 10_000

const clock = (ms: number) => {
  const s = Math.max(0, Math.floor(ms / 1000))
  const h = Math.floor(s / 3600)
  const mm = String(Math.floor((s % 3600) / 60)).padStart(h ? 2 : 1, '0')
  return `${h ? `${h}:` : ''}${mm}:${String(s % 60).padStart(2, '0')}`
}

/** Index of the sentence playing at `ms` (the last one started), -1 before the first. */
function indexAt(timings: Track['timings'], ms: number): number {
  let lo = 0
  let hi = timings.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (timings[mid].startMs <= ms) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

export function Player({ kind, id, tracks, chapters, resume, signedIn }: Props) {
  const initialTrack = resume?.track === 'summary' && tracks.summary ? 'summary' : tracks.full ? 'full' : 'summary'
  const [trackName, setTrackName] = useState<'full' | 'summary'>(initialTrack)
  const track = tracks[trackName]!
  const audioRef = useRef<HTMLAudioElement>(null)
  const [playing, setPlaying] = useState(false)
  const [now, setNow] = useState(resume && resume.track === initialTrack ? resume.positionMs : 0)
  const [speed, setSpeed] = useState(1)
  const [sleepAt, setSleepAt] = useState<number | null>(null)
  const [sleepChoice, setSleepChoice] = useState(0)
  /** The options panel (track, speed, timer, chapters, download), folded away so the bar stays small. */
  const [more, setMore] = useState(false)
  const panelId = useId()
  const [offline, setOffline] = useState('')
  const [current, setCurrent] = useState(-1)
  const lastSaved = useRef(0)
  /** Whether the member played or moved the audio on this visit: only then is there a position to keep. */
  const touched = useRef(false)
  const pendingSeek = useRef<number | null>(resume && resume.track === initialTrack ? resume.positionMs : null)
  const storeKey = `sotay-pos:${kind}:${id}`

  const save = useCallback(
    (force = false) => {
      const audio = audioRef.current
      // Opening the page and leaving it again must not overwrite the position kept in the account.
      if (!audio || !touched.current) return
      const ms = Math.round(audio.readyState >= 1 ? audio.currentTime * 1000 : (pendingSeek.current ?? audio.currentTime * 1000))
      const sentenceId = track.timings[indexAt(track.timings, ms)]?.sentenceId ?? null
      try {
        localStorage.setItem(storeKey, JSON.stringify({ track: trackName, positionMs: ms }))
      } catch {}
      if (!signedIn || (!force && Date.now() - lastSaved.current < SAVE_EVERY_MS)) return
      lastSaved.current = Date.now()
      const body = JSON.stringify({ kind, id, action: 'position', positionMs: ms, sentenceId, track: trackName })
      if (force && navigator.sendBeacon) navigator.sendBeacon('/trang-thai', new Blob([body], { type: 'application/json' }))
      else fetch('/trang-thai', { method: 'POST', headers: { 'content-type': 'application/json' }, body, keepalive: true }).catch(() => undefined)
    },
    [id, kind, signedIn, storeKey, track, trackName],
  )

  // The newer of the account's position and this browser's.
  useEffect(() => {
    try {
      const local = JSON.parse(localStorage.getItem(storeKey) || 'null')
      if (local && tracks[local.track as 'full'] && (!resume || local.positionMs > resume.positionMs) && local.track === trackName) {
        pendingSeek.current = local.positionMs
        setNow(local.positionMs)
      }
    } catch {}
    hasAudio([track.url]).then((yes) => yes && setOffline('Đã tải về máy: nghe được khi không có mạng.'))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  // Highlight the sentence being read and keep it in view.
  useEffect(() => {
    const t = track.timings[current]
    if (!t) return
    const el =
      document.querySelector(`.sentence[data-track="${trackName}"][data-sid="${CSS.escape(t.sentenceId)}"]`) ??
      // The title is read first; the page shows it as its main heading.
      (trackName === 'full' && t.sentenceId.startsWith('tieu-de.') ? document.querySelector('main h1') : null)
    if (!el) return
    el.classList.add('current')
    el.setAttribute('aria-current', 'true')
    const r = el.getBoundingClientRect()
    const player = document.querySelector('.player')?.getBoundingClientRect().height ?? 0
    if (r.top < 80 || r.bottom > window.innerHeight - player) el.scrollIntoView({ block: 'center', behavior: 'smooth' })
    return () => {
      el.classList.remove('current')
      el.removeAttribute('aria-current')
    }
  }, [current, track, trackName])

  const seek = useCallback((ms: number, play = false) => {
    const audio = audioRef.current
    if (!audio) return
    const target = Math.max(0, Math.min(ms, track.durationMs)) / 1000
    touched.current = true
    if (audio.readyState >= 1) audio.currentTime = target
    else pendingSeek.current = target * 1000
    setNow(target * 1000)
    setCurrent(indexAt(track.timings, target * 1000))
    if (play) audio.play().catch(() => undefined)
  }, [track])

  // Tap a sentence of this track: listen from there.
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const el = (event.target as Element).closest?.(`.sentence[data-track="${trackName}"]`) as HTMLElement | null
      if (!el) return
      const t = track.timings.find((x) => x.sentenceId === el.dataset.sid)
      if (t) seek(t.startMs, true)
    }
    document.addEventListener('click', onClick)
    return () => document.removeEventListener('click', onClick)
  }, [seek, track, trackName])

  // Sleep timer.
  useEffect(() => {
    if (!sleepAt) return
    const timer = setTimeout(() => {
      audioRef.current?.pause()
      setSleepAt(null)
      setSleepChoice(0)
    }, Math.max(0, sleepAt - Date.now()))
    return () => clearTimeout(timer)
  }, [sleepAt])

  useEffect(() => {
    const onHide = () => save(true)
    window.addEventListener('pagehide', onHide)
    return () => window.removeEventListener('pagehide', onHide)
  }, [save])

  const toggle = () => {
    const audio = audioRef.current
    if (!audio) return
    if (audio.paused) audio.play().catch(() => setOffline('Chưa phát được. Đồng chí kiểm tra kết nối mạng rồi bấm lại.'))
    else audio.pause()
  }
  const step = (delta: number) => {
    const i = indexAt(track.timings, now)
    const t = track.timings[Math.max(0, Math.min(track.timings.length - 1, i + delta))]
    if (t) seek(t.startMs)
  }
  const chapterIndex = (() => {
    let found = -1
    chapters.forEach((c, i) => {
      const t = track.timings.find((x) => x.sentenceId === c.sentenceId)
      if (t && t.startMs <= now) found = i
    })
    return found
  })()
  const chapterStart = (c: { sentenceId: string }) => track.timings.find((x) => x.sentenceId === c.sentenceId)?.startMs
  const usableChapters = trackName === 'full' ? chapters.filter((c) => chapterStart(c) !== undefined) : []

  const download = async () => {
    setOffline('Đang tải bản nghe về máy…')
    try {
      await keepAudio([track.url])
      setOffline('Đã tải về máy: nghe được khi không có mạng.')
    } catch (err) {
      setOffline(err instanceof Error ? err.message : 'Chưa tải được, đồng chí thử lại.')
    }
  }

  return (
    <section className="player" aria-label="Trình nghe văn bản" id="nghe">
      <audio
        ref={audioRef}
        src={track.url}
        preload="none"
        onLoadedMetadata={(e) => {
          if (pendingSeek.current !== null) e.currentTarget.currentTime = pendingSeek.current / 1000
          pendingSeek.current = null
          e.currentTarget.playbackRate = speed
        }}
        onPlay={(e) => {
          touched.current = true
          e.currentTarget.playbackRate = speed
          setPlaying(true)
        }}
        onPause={() => {
          setPlaying(false)
          save(true)
        }}
        onEnded={() => {
          setPlaying(false)
          save(true)
        }}
        onTimeUpdate={(e) => {
          const ms = e.currentTarget.currentTime * 1000
          setNow(ms)
          setCurrent(indexAt(track.timings, ms))
          save()
        }}
      />
      <progress max={track.durationMs} value={Math.min(now, track.durationMs)} aria-label="Đã nghe" />
      <div className="player-status">
        <p className="time">
          {clock(now)} / {clock(track.durationMs)}
          {tracks.full && tracks.summary ? ` · ${trackName === 'full' ? 'Toàn văn' : 'Tóm tắt'}` : ''}
          {chapterIndex >= 0 && trackName === 'full' ? ` · ${chapters[chapterIndex].heading}` : ''}
        </p>
        <button type="button" aria-expanded={more} aria-controls={panelId} onClick={() => setMore(!more)}>
          {more ? 'Thu gọn' : 'Tùy chọn'}
        </button>
      </div>
      <div className="player-row player-main">
        <button type="button" onClick={() => seek(now - 15000)} aria-label="Lùi 15 giây">−15 giây</button>
        <button type="button" className="play" onClick={toggle} aria-label={playing ? 'Tạm dừng' : 'Nghe'}>
          {playing ? '❚❚ Tạm dừng' : '▶ Nghe'}
        </button>
        <button type="button" onClick={() => seek(now + 15000)} aria-label="Tiến 15 giây">+15 giây</button>
      </div>
      <div className="player-row player-main">
        <button type="button" onClick={() => step(-1)} aria-label="Câu trước">« Câu trước</button>
        <button type="button" onClick={() => step(1)} aria-label="Câu sau">Câu sau »</button>
      </div>
      <div className="player-more" id={panelId} hidden={!more}>
        {tracks.full && tracks.summary && (
          <div className="player-row" role="group" aria-label="Bản nghe">
            {(['full', 'summary'] as const).map((name) => (
              <button
                key={name}
                type="button"
                aria-pressed={trackName === name}
                onClick={() => {
                  audioRef.current?.pause()
                  setTrackName(name)
                  setNow(0)
                  setCurrent(-1)
                }}
              >
                {name === 'full' ? 'Nghe toàn văn' : 'Nghe tóm tắt'}
              </button>
            ))}
          </div>
        )}
        <div className="player-row">
          <label>
            Tốc độ
            <select
              value={speed}
              onChange={(e) => {
                const v = Number(e.target.value)
                setSpeed(v)
                if (audioRef.current) audioRef.current.playbackRate = v
              }}
            >
              {SPEEDS.map((s) => (
                <option key={s} value={s}>
                  {String(s).replace('.', ',')}×
                </option>
              ))}
            </select>
          </label>
          <label>
            Hẹn giờ tắt
            <select
              value={sleepChoice}
              onChange={(e) => {
                const m = Number(e.target.value)
                setSleepChoice(m)
                setSleepAt(m ? Date.now() + m * 60_000 : null)
              }}
            >
              {SLEEP.map((m) => (
                <option key={m} value={m}>
                  {m ? `${m} phút` : 'Không'}
                </option>
              ))}
            </select>
          </label>
        </div>
        {usableChapters.length > 1 && (
          <div className="player-row">
            <label>
              Chương, mục
              <select
                value={chapterIndex >= 0 ? chapters[chapterIndex].id : ''}
                onChange={(e) => {
                  const c = chapters.find((x) => x.id === e.target.value)
                  const start = c && chapterStart(c)
                  if (start !== undefined) seek(start, true)
                }}
              >
                <option value="" disabled>
                  Chọn phần để nghe
                </option>
                {usableChapters.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.heading}
                  </option>
                ))}
              </select>
            </label>
          </div>
        )}
        <div className="player-row">
          <button type="button" onClick={download}>
            Tải về để nghe khi không có mạng
          </button>
        </div>
      </div>
      <p className="status" role="status">
        {offline}
      </p>
    </section>
  )
}
