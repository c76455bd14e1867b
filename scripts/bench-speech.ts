/**
 * Speech benchmark: reads a realistic Vietnamese document aloud (normalisation for speech, synthesis with
 * eSpeak NG, MP3 encoding) several times and prints medians: audio duration, wall time of synthesis and of
 * encoding, and real-time factors (seconds of speech per second of wall time; target ≥ 20× overall).
 *
 * In `renderSpeech` the two stages overlap (the encoder thread encodes a batch while the next is
 * synthesised), so each run measures: synthesis = time inside the engine's calls during the render;
 * encoding = a separate pass encoding the same clips alone; total = the render end to end. The machine is
 * shared, so the process CPU time (all threads) is printed too.
 *
 * Text: ../shared/corpus/quy-dinh-339-QD-TW.txt when present, else a built-in sample.
 * Usage: npx tsx scripts/bench-speech.ts [--runs N]   (default 5)
 */
import { existsSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { createEspeakEngine, renderSpeech, sentencesFromPlainText, type TtsEngine } from '../src/lib/speech'
import { Mp3Writer } from '../src/lib/speech/mp3'
import { normalizeForSpeech } from '../src/lib/vi/speech'

const SAMPLE = `Điều 1. Phạm vi điều chỉnh, đối tượng áp dụng
1. Quy định này quy định mục đích, yêu cầu, nội dung, nguyên tắc và cách thức triển khai sử dụng ứng dụng Sổ tay đảng viên trên môi trường số của Đảng Cộng sản Việt Nam.
2. Ứng dụng dùng cho đảng viên chính thức và đảng viên dự bị, cấp ủy, chi bộ trong toàn Đảng.
Điều 2. Mục đích, yêu cầu
1. Ứng dụng là công cụ hỗ trợ đảng viên trong học tập, nghiên cứu, quán triệt các chủ trương, nghị quyết của Đảng, chính sách, pháp luật của Nhà nước; góp phần nâng cao chất lượng sinh hoạt chi bộ, đổi mới phương thức lãnh đạo của Đảng.
2. Bảo đảm an toàn, an ninh thông tin, bảo vệ bí mật nhà nước và dữ liệu cá nhân của đảng viên theo quy định.
Điều 3. Nội dung chủ yếu
Ứng dụng cung cấp văn bản, tài liệu của Đảng; tin tức, thông báo của cấp ủy; lịch sinh hoạt chi bộ; sổ tay ghi chép cá nhân và các tiện ích khác phục vụ hoạt động của đảng viên.`

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } })
const runs = Math.max(1, Number(values.runs) || 5)

const corpusFile = path.resolve(process.cwd(), '../shared/corpus/quy-dinh-339-QD-TW.txt')
const source = existsSync(corpusFile) ? corpusFile : 'mẫu có sẵn (built-in sample)'
const text = existsSync(corpusFile) ? readFileSync(corpusFile, 'utf8') : SAMPLE
const sentences = sentencesFromPlainText(text)

/** Wraps an engine to add up the wall time spent synthesising and keep the clips. */
function timed(engine: TtsEngine) {
  const wrapper = {
    ...engine,
    synthesisMs: 0,
    sampleRate: 0,
    clips: [] as Int16Array[],
    async synthesize(...args: Parameters<TtsEngine['synthesize']>) {
      const started = performance.now()
      const result = await engine.synthesize(...args)
      wrapper.synthesisMs += performance.now() - started
      wrapper.sampleRate = result.sampleRate
      wrapper.clips.push(...result.clips)
      return result
    },
  }
  return wrapper
}

async function encodeAlone(clips: Int16Array[], sampleRate: number): Promise<number> {
  const started = performance.now()
  const writer = new Mp3Writer(sampleRate, 48)
  for (const clip of clips) await writer.write(clip)
  await writer.finish()
  return (performance.now() - started) / 1000
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const results: Array<{ audioS: number; synthS: number; encodeS: number; clipsS: number; totalS: number; cpuS: number; bytes: number }> = []
for (let run = 1; run <= runs; run++) {
  const engine = timed(createEspeakEngine())
  const started = performance.now()
  const cpuStart = process.cpuUsage()
  const track = await renderSpeech(sentences, { engine, normalize: (sentence) => normalizeForSpeech(sentence) })
  const cpu = process.cpuUsage(cpuStart)
  const totalS = (performance.now() - started) / 1000
  const cpuS = (cpu.user + cpu.system) / 1e6
  const synthS = engine.synthesisMs / 1000
  const audioS = track.timing.durationMs / 1000
  const clipsS = engine.clips.reduce((sum, clip) => sum + clip.length, 0) / engine.sampleRate
  const encodeS = await encodeAlone(engine.clips, engine.sampleRate)
  results.push({ audioS, synthS, encodeS, clipsS, totalS, cpuS, bytes: track.mp3.length })
  console.log(
    `run ${run}: ${audioS.toFixed(1)} s audio · synthesis ${synthS.toFixed(2)} s · encoding alone ${encodeS.toFixed(2)} s` +
      ` · total ${totalS.toFixed(2)} s (${(audioS / totalS).toFixed(1)}×) · CPU ${cpuS.toFixed(2)} s`,
  )
}

const { audioS, clipsS, bytes } = results[0]
const synthS = median(results.map((r) => r.synthS))
const encodeS = median(results.map((r) => r.encodeS))
const totalS = median(results.map((r) => r.totalS))
const cpuS = median(results.map((r) => r.cpuS))
console.log(`
text: ${source} (${text.length} characters, ${sentences.length} sentences)
audio: ${audioS.toFixed(1)} s (${clipsS.toFixed(1)} s of synthesised clips before trimming and pauses), MP3 ${(bytes / 1024).toFixed(0)} KB (${((bytes * 8) / audioS / 1000).toFixed(1)} kbps)
medians of ${runs} runs:
  synthesis (espeak-ng)      ${synthS.toFixed(2)} s   ${(clipsS / synthS).toFixed(0)}× real time
  encoding alone (lamejs)    ${encodeS.toFixed(2)} s   ${(clipsS / encodeS).toFixed(1)}× real time
  total, end to end          ${totalS.toFixed(2)} s   ${(audioS / totalS).toFixed(1)}× real time (target ≥ 20×)
  CPU time of the render     ${cpuS.toFixed(2)} s   ${(audioS / cpuS).toFixed(1)}× real time
load average at the end: ${os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(' ')} (${os.cpus().length} cores, shared)`)
