/**
 * Task `speak`: Vietnamese audio of the full text and of the summary (eSpeak NG, sentence by sentence, MP3
 * mono 48 kbps) with the timing map (sentence id → start/end ms) and chapter marks. Each track is keyed
 * by the hash of what it reads; an unchanged track is not synthesised again. New files get content-hash
 * names under DATA_DIR/pipeline/audio and are only published by `publish-outputs`.
 */
import type { TaskConfig } from 'payload'
import { createEspeakEngine, renderSpeech, type SpeechSentence, type TtsEngine } from '../src/lib/speech'
import { normalizeForSpeech } from '../src/lib/vi/speech'
import { failOnLastAttempt, pipelineInputSchema, type PipelineInput } from './extract-text'
import { ENGINE_VERSIONS, ensureOutput, loadExtraction, readStaging, sha256, updateOutput, writeAudio, writeStaging, type SummaryOut, type TrackOut } from './pipeline'
import { speechSentences } from './reading'

let engine: TtsEngine | undefined
const ttsEngine = () => (engine ??= createEspeakEngine())

/** Renders `sentences` of one source (`owner`, e.g. "documents-12") to an MP3 file under its content hash. */
export async function renderTrack(sentences: SpeechSentence[], hash: string, owner: string): Promise<TrackOut> {
  const track = await renderSpeech(sentences, { engine: ttsEngine(), normalize: (text) => normalizeForSpeech(text), bitrateKbps: 48 })
  const { file } = await writeAudio(track.mp3, owner)
  return {
    file,
    hash,
    bytes: track.mp3.byteLength,
    durationMs: track.timing.durationMs,
    timings: track.timing.sentences.map((s) => ({ sentenceId: s.id, startMs: s.startMs, endMs: s.endMs })),
    chapters: track.timing.chapters,
  }
}

export type SpeakInput = PipelineInput & { extractHash: string; summaryHash: string }
export type SpeakOutput = { fullHash: string; summaryAudioHash: string; changed: boolean }
export const SPEECH_STAGE = 'Đọc thành tiếng'

export const speakTask: TaskConfig<{ input: SpeakInput; output: SpeakOutput }> = {
  slug: 'speak',
  label: 'Đọc thành tiếng',
  inputSchema: [...pipelineInputSchema, { name: 'extractHash', type: 'text', required: true }, { name: 'summaryHash', type: 'text', required: true }],
  outputSchema: [
    { name: 'fullHash', type: 'text', required: true },
    { name: 'summaryAudioHash', type: 'text', required: true },
    { name: 'changed', type: 'checkbox' },
  ],
  retries: { attempts: 2, backoff: { type: 'exponential', delay: 10_000 } },
  onFail: failOnLastAttempt(SPEECH_STAGE, 2),
  handler: async ({ input, req }) => {
    const { payload } = req
    const record = await ensureOutput(payload, input.source, input.id)
    const fullHash = sha256('speech-full', ENGINE_VERSIONS.speech, input.extractHash)
    const summaryAudioHash = sha256('speech-summary', ENGINE_VERSIONS.speech, input.summaryHash)
    const same = (hash: string, track: TrackOut | undefined) => !input.force && track?.hash === hash
    let changed = false

    if (!same(fullHash, record.audio?.full)) {
      await updateOutput(payload, record.id, { status: 'dang-xu-ly', stage: `${SPEECH_STAGE}: toàn văn` })
      const { structure } = await loadExtraction(record, input.extractHash)
      await writeStaging(`${input.source}-${input.id}-speech-${fullHash}`, await renderTrack(speechSentences(structure), fullHash, `${input.source}-${input.id}`))
      changed = true
    }
    if (!same(summaryAudioHash, record.audio?.summary)) {
      const summary = await readStaging<SummaryOut>(`${input.source}-${input.id}-summary-${input.summaryHash}`)
      if (summary.sentences.length > 0) {
        await updateOutput(payload, record.id, { status: 'dang-xu-ly', stage: `${SPEECH_STAGE}: bản tóm tắt` })
        await writeStaging(`${input.source}-${input.id}-speech-${summaryAudioHash}`, await renderTrack(summary.sentences.map((s) => ({ id: s.id, text: s.text })), summaryAudioHash, `${input.source}-${input.id}`))
      } else await writeStaging(`${input.source}-${input.id}-speech-${summaryAudioHash}`, null)
      changed = true
    }
    return { output: { fullHash, summaryAudioHash, changed } }
  },
}
