/** The default engine, run for real: eSpeak NG (WebAssembly) with its Vietnamese voices. */
import { describe, expect, it } from '@jest/globals'
import { createEspeakEngine, ESPEAK_VOICES, SpeechInputError } from '@/lib/speech'
import { splitToLines } from '@/lib/speech/espeak'

const engine = createEspeakEngine()
const SENTENCE = 'Đảng viên phải gương mẫu chấp hành nghị quyết của Đảng.' // 12 syllables
const seconds = (clip: Int16Array, sampleRate: number) => clip.length / sampleRate

function rms(clip: Int16Array): number {
  let sum = 0
  for (const v of clip) sum += v * v
  return Math.sqrt(sum / clip.length)
}

function peak(clip: Int16Array): number {
  let max = 0
  for (const v of clip) max = Math.max(max, Math.abs(v))
  return max
}

describe('eSpeak NG engine', () => {
  it('speaks a Vietnamese sentence: audible, unclipped, 0.15–0.6 s per syllable', async () => {
    const { sampleRate, clips } = await engine.synthesize([SENTENCE], { voice: 'vi', rate: 1 })
    expect(sampleRate).toBe(22050)
    expect(clips).toHaveLength(1)
    expect(rms(clips[0])).toBeGreaterThan(1000)
    expect(peak(clips[0])).toBeLessThan(32767)
    expect(seconds(clips[0], sampleRate)).toBeGreaterThan(12 * 0.15)
    expect(seconds(clips[0], sampleRate)).toBeLessThan(12 * 0.6)
  })

  it('returns one clip per text in a batch, in order, with an empty clip for a blank text', async () => {
    const texts = ['Xin chào.', '   ', SENTENCE, 'Chi bộ họp định kỳ mỗi tháng một lần.']
    const { sampleRate, clips } = await engine.synthesize(texts, { voice: 'vi', rate: 1 })
    expect(clips).toHaveLength(4)
    expect(clips[1]).toHaveLength(0)
    for (const i of [0, 2, 3]) expect(rms(clips[i])).toBeGreaterThan(1000)
    // 2 syllables < 9 syllables < 12 syllables
    expect(seconds(clips[0], sampleRate)).toBeLessThan(seconds(clips[3], sampleRate))
    expect(seconds(clips[3], sampleRate)).toBeLessThan(seconds(clips[2], sampleRate))
    // Exact boundaries: every clip starts silent and ends with eSpeak's ~300 ms end-of-text pause (no audio
    // leaked across clips), and is as long as the same text synthesised alone (give or take a few samples of
    // the engine's state-dependent jitter).
    for (const i of [0, 2, 3]) {
      expect(peak(clips[i].subarray(0, sampleRate * 0.005))).toBeLessThan(64)
      expect(peak(clips[i].subarray(clips[i].length - sampleRate * 0.25))).toBeLessThan(64)
      const alone = await engine.synthesize([texts[i]], { voice: 'vi', rate: 1 })
      expect(Math.abs(alone.clips[0].length - clips[i].length)).toBeLessThan(clips[i].length * 0.02)
    }
  })

  it('leaves the process exit code alone (the Emscripten runtime would set it to main’s status)', async () => {
    const before = process.exitCode
    await engine.synthesize(['Xin chào.'], { voice: 'vi', rate: 1 })
    expect(process.exitCode).toBe(before)
  })

  it('speaks faster at a higher rate', async () => {
    const normal = await engine.synthesize([SENTENCE], { voice: 'vi', rate: 1 })
    const fast = await engine.synthesize([SENTENCE], { voice: 'vi', rate: 2 })
    expect(fast.clips[0].length).toBeLessThan(normal.clips[0].length * 0.75)
  })

  it.each(ESPEAK_VOICES.map((voice) => [voice]))('has the Vietnamese voice %s', async (voice) => {
    const { clips } = await engine.synthesize(['Xin chào các đồng chí.'], { voice, rate: 1 })
    expect(rms(clips[0])).toBeGreaterThan(1000)
  })

  it('rejects an unknown voice or an out-of-range rate with a Vietnamese message', async () => {
    await expect(engine.synthesize(['Xin chào.'], { voice: 'en', rate: 1 })).rejects.toThrow(SpeechInputError)
    await expect(engine.synthesize(['Xin chào.'], { voice: 'en', rate: 1 })).rejects.toThrow(/Giọng đọc không được hỗ trợ/)
    await expect(engine.synthesize(['Xin chào.'], { voice: 'vi', rate: 9 })).rejects.toThrow(/Tốc độ đọc/)
  })

  it('reads a very long sentence in full (beyond the CLI’s 1000-byte line buffer)', async () => {
    const clause = 'tổ chức sinh hoạt chi bộ theo đúng quy định của Điều lệ Đảng'
    const long = Array.from({ length: 40 }, () => clause).join(', ') + '.'
    expect(Buffer.byteLength(long)).toBeGreaterThan(3000)
    const { sampleRate, clips } = await engine.synthesize([clause + '.', long], { voice: 'vi', rate: 1 })
    // Nothing dropped: 40 clauses last at least 35 times as long as one.
    expect(seconds(clips[1], sampleRate)).toBeGreaterThan(35 * seconds(clips[0], sampleRate) * 0.8)
  })

  it('survives text that is not language: a 5000-character token, control characters, "[[" ', async () => {
    const { clips } = await engine.synthesize(['x'.repeat(5000), 'a\u0000b\u0007c [[h@l@U]] d'], { voice: 'vi', rate: 1 })
    expect(clips[0].length).toBeGreaterThan(0)
    expect(clips[1].length).toBeGreaterThan(0)
  })
})

describe('splitToLines', () => {
  it('keeps short text whole', () => {
    expect(splitToLines('Xin chào.', 900)).toEqual(['Xin chào.'])
  })

  it('cuts long text within the byte limit, after clause punctuation, losing nothing', () => {
    const text = Array.from({ length: 30 }, (_, i) => `đảng viên thứ ${i} thực hiện nhiệm vụ`).join(', ')
    const lines = splitToLines(text, 200)
    expect(lines.length).toBeGreaterThan(1)
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(200)
    for (const line of lines.slice(0, -1)) expect(line.endsWith(',')).toBe(true)
    expect(lines.join(' ')).toBe(text)
  })

  it('cuts at a space when there is no punctuation, and anywhere inside an enormous token', () => {
    const words = Array.from({ length: 100 }, () => 'nghị quyết').join(' ')
    for (const line of splitToLines(words, 100)) {
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(100)
      expect(line).toMatch(/^(nghị|quyết)( (nghị|quyết))*$/) // whole words
    }
    const token = 'đ'.repeat(500) // 2 bytes each
    const pieces = splitToLines(token, 101)
    expect(pieces.join('')).toBe(token)
    for (const piece of pieces) expect(Buffer.byteLength(piece)).toBeLessThanOrEqual(101)
  })
})
