/** Sentences → one MP3 + timing map, with the real engine (eSpeak NG) and encoder (LAME). */
import { beforeAll, describe, expect, it } from '@jest/globals'
import {
  createEspeakEngine,
  readFrameHeader,
  readFrames,
  renderSpeech,
  SpeechInputError,
  type SpeechSentence,
  type SpeechTrack,
  type TtsEngine,
} from '@/lib/speech'

const engine = createEspeakEngine()
const PAUSES = { leadingMs: 150, sentenceMs: 300, chapterMs: 1000, trailingMs: 400 }
const SENTENCES: SpeechSentence[] = [
  { id: 'tieu-de', text: 'Quy định về sử dụng ứng dụng Sổ tay đảng viên điện tử.' },
  { id: 'dieu-1', text: 'Điều 1. Phạm vi điều chỉnh.', chapter: 'Điều 1. Phạm vi điều chỉnh' },
  { id: 'dieu-1.s1', text: 'Quy định này áp dụng cho đảng viên chính thức và đảng viên dự bị.', chapter: 'Điều 1. Phạm vi điều chỉnh' },
  { id: 'dieu-2', text: 'Điều 2. Mục đích.', chapter: 'Điều 2. Mục đích' },
  { id: 'dieu-2.s1', text: 'Ứng dụng hỗ trợ đảng viên học tập nghị quyết.', chapter: 'Điều 2. Mục đích' },
]

/** Wraps the real engine to record what it is asked to read. */
function recording(inner: TtsEngine): { engine: TtsEngine; calls: string[][] } {
  const calls: string[][] = []
  return { engine: { ...inner, synthesize: (texts, options) => (calls.push([...texts]), inner.synthesize(texts, options)) }, calls }
}

/**
 * Per frame, whether it carries sound: LAME codes digital silence as an all-zero payload, speech fills the
 * payload. (MPEG-2 mono: 4-byte header + 9 bytes of side information.)
 */
function soundingFrames(mp3: Uint8Array): boolean[] {
  const sounding: boolean[] = []
  for (let offset = 0; offset < mp3.length; ) {
    const { bytes } = readFrameHeader(mp3, offset)!
    const payload = mp3.subarray(offset + 13, offset + bytes)
    sounding.push(payload.filter((b) => b !== 0).length > payload.length * 0.3)
    offset += bytes
  }
  return sounding
}

let track: SpeechTrack
let calls: string[][]
beforeAll(async () => {
  const recorder = recording(engine)
  calls = recorder.calls
  track = await renderSpeech(SENTENCES, { engine: recorder.engine, pauses: PAUSES })
})

describe('renderSpeech', () => {
  it('produces an MPEG-2 Layer III, mono, 48 kbps, 22.05 kHz stream made only of frames', () => {
    expect(track.mp3.subarray(0, 3)).not.toEqual(Buffer.from('ID3'))
    const frames = readFrames(track.mp3) // throws on anything but back-to-back frames
    expect(frames.length).toBeGreaterThan(100)
    for (const frame of frames) expect(frame).toMatchObject({ version: 2, sampleRate: 22050, channels: 1, bitrateKbps: 48 })
    expect(track.timing.audio).toEqual({ codec: 'mp3', sampleRate: 22050, channels: 1, bitrateKbps: 48 })
    expect(track.timing).toMatchObject({ version: 1, voice: 'vi', rate: 1, engine: expect.stringMatching(/^espeak-ng/) })
  })

  it('reports the duration of the encoded audio, which ends just after the last sentence', () => {
    const { durationMs, sentences } = track.timing
    const frames = readFrames(track.mp3)
    expect(Math.abs(durationMs - (frames.length * 576 * 1000) / 22050)).toBeLessThanOrEqual(1)
    expect(Math.abs(durationMs - (track.mp3.length * 8) / 48)).toBeLessThan(30) // constant bitrate
    const tail = durationMs - sentences[sentences.length - 1].endMs
    expect(tail).toBeGreaterThanOrEqual(PAUSES.trailingMs)
    expect(tail).toBeLessThanOrEqual(PAUSES.trailingMs + 110) // + codec delay + padding of the last frame
  })

  it('maps every sentence, in order, without overlap, with the configured pauses between them', () => {
    const { sentences } = track.timing
    expect(sentences.map((s) => s.id)).toEqual(SENTENCES.map((s) => s.id))
    for (const s of sentences) expect(s.endMs).toBeGreaterThan(s.startMs)
    // The first sentence is heard after the lead-in and the ≈ 50 ms codec delay.
    expect(sentences[0].startMs).toBe(Math.round(PAUSES.leadingMs + (1105 / 22050) * 1000))
    const gaps = sentences.slice(1).map((s, i) => s.startMs - sentences[i].endMs)
    const chapterStarts = [1, 3] // dieu-1 and dieu-2 open chapters
    gaps.forEach((gap, i) => {
      const expected = chapterStarts.includes(i + 1) ? PAUSES.chapterMs : PAUSES.sentenceMs
      expect(Math.abs(gap - expected)).toBeLessThanOrEqual(1)
    })
  })

  it('gives each sentence a duration that fits its number of syllables', () => {
    for (const [i, s] of track.timing.sentences.entries()) {
      const syllables = SENTENCES[i].text.split(/\s+/).length
      const seconds = (s.endMs - s.startMs) / 1000
      expect(seconds).toBeGreaterThan(syllables * 0.12)
      expect(seconds).toBeLessThan(syllables * 0.6)
    }
  })

  it('marks chapters where their first sentence starts', () => {
    const start = (id: string) => track.timing.sentences.find((s) => s.id === id)!.startMs
    expect(track.timing.chapters).toEqual([
      { title: 'Điều 1. Phạm vi điều chỉnh', startMs: start('dieu-1') },
      { title: 'Điều 2. Mục đích', startMs: start('dieu-2') },
    ])
  })

  it('puts the sound where the timing map says: speech at each sentence’s edges, silence in the pauses', () => {
    const sounding = soundingFrames(track.mp3)
    const frameMs = (576 / 22050) * 1000
    const framesOverlapping = (fromMs: number, toMs: number) =>
      sounding.filter((_, i) => (i + 1) * frameMs > fromMs && i * frameMs < toMs)
    const { sentences } = track.timing
    for (const s of sentences) {
      expect(framesOverlapping(s.startMs, s.startMs + 80)).toContain(true)
      expect(framesOverlapping(s.endMs - 80, s.endMs)).toContain(true)
    }
    const pauses = [{ startMs: 0, endMs: sentences[0].startMs }, ...sentences.slice(1).map((s, i) => ({ startMs: sentences[i].endMs, endMs: s.startMs }))]
    for (const pause of pauses) {
      // MDCT frames overlap their neighbours: leave a 60–80 ms guard on each side.
      expect(framesOverlapping(pause.startMs + 60, pause.endMs - 80)).not.toContain(true)
    }
  })

  it('sends the engine every sentence in one batch when they fit', () => {
    expect(calls).toEqual([SENTENCES.map((s) => s.text)])
  })

  it('gives the same timing when sentences are synthesised in several batches', async () => {
    const recorder = recording(engine)
    const batched = await renderSpeech(SENTENCES, { engine: recorder.engine, pauses: PAUSES, batchChars: 100 })
    expect(recorder.calls.length).toBeGreaterThan(2)
    expect(recorder.calls.flat()).toEqual(SENTENCES.map((s) => s.text))
    batched.timing.sentences.forEach((s, i) => {
      const single = track.timing.sentences[i]
      expect(s.id).toBe(single.id)
      expect(Math.abs(s.endMs - s.startMs - (single.endMs - single.startMs))).toBeLessThan(50)
    })
  })

  it('reads through the injected normaliser', async () => {
    const recorder = recording(engine)
    const normalize = (text: string) => text.replace('339-QĐ/TW', 'ba trăm ba mươi chín quy định trung ương')
    const result = await renderSpeech([{ id: 'a', text: 'Quy định 339-QĐ/TW.' }], { engine: recorder.engine, normalize })
    expect(recorder.calls).toEqual([['Quy định ba trăm ba mươi chín quy định trung ương.']])
    expect(result.timing.sentences.map((s) => s.id)).toEqual(['a'])
  })

  it('reads a very long sentence whole', async () => {
    const clause = 'chi bộ tổ chức sinh hoạt định kỳ theo đúng quy định của Điều lệ Đảng'
    const long = Array.from({ length: 13 }, () => clause).join(', ') + '.'
    expect(Buffer.byteLength(long)).toBeGreaterThan(1000)
    const result = await renderSpeech(
      [
        { id: 'short', text: `${clause}.` },
        { id: 'long', text: long },
      ],
      { engine, rate: 2 }, // fast speech keeps the test quick
    )
    const [short, whole] = result.timing.sentences.map((s) => s.endMs - s.startMs)
    expect(whole).toBeGreaterThan(13 * short * 0.8)
    expect(result.timing.durationMs).toBeGreaterThan(result.timing.sentences[1].endMs)
  })

  it('gives a zero-length span to a sentence with nothing to pronounce', async () => {
    const result = await renderSpeech(
      [
        { id: 'a', text: 'Xin chào.' },
        { id: 'dots', text: '…' },
        { id: 'b', text: 'Tạm biệt.' },
      ],
      { engine },
    )
    const [a, dots, b] = result.timing.sentences
    expect(dots.startMs).toBe(dots.endMs)
    expect(dots.startMs).toBeGreaterThanOrEqual(a.endMs)
    expect(b.startMs).toBeGreaterThanOrEqual(dots.endMs)
  })

  it.each<[string, SpeechSentence[], RegExp]>([
    ['no sentences', [], /Không có câu nào để đọc/],
    ['only white space', [{ id: 'a', text: '  \n\t ' }, { id: 'b', text: '' }], /trống/],
    ['nothing pronounceable', [{ id: 'a', text: '…' }], /không có nội dung nào phát âm được/],
    ['duplicate ids', [{ id: 'a', text: 'Một.' }, { id: 'a', text: 'Hai.' }], /Mã câu bị trùng: "a"/],
    ['a missing id', [{ id: '', text: 'Một.' }], /thiếu mã câu/],
  ])('rejects %s with a Vietnamese message', async (_, sentences, message) => {
    const attempt = renderSpeech(sentences, { engine })
    await expect(attempt).rejects.toThrow(SpeechInputError)
    await expect(renderSpeech(sentences, { engine })).rejects.toThrow(message)
  })

  it('rejects an unsupported bitrate or voice', async () => {
    const sentences = [{ id: 'a', text: 'Xin chào.' }]
    await expect(renderSpeech(sentences, { engine, bitrateKbps: 50 })).rejects.toThrow(/Tốc độ bit không hợp lệ/)
    await expect(renderSpeech(sentences, { engine, voice: 'fr' })).rejects.toThrow(/Giọng đọc không được hỗ trợ/)
  })
})
