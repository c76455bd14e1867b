/**
 * Task `speak`: Vietnamese audio of the full text and of the summary (eSpeak NG, sentence by sentence, MP3
 * mono 48 kbps) with the timing map (sentence id → start/end ms) and chapter marks. Each track is keyed
 * by the hash of what it reads; an unchanged track is not synthesised again. New files get content-hash
 * names under DATA_DIR/pipeline/audio and are only published by `publish-outputs`.
 */
import type { Payload, TaskConfig } from 'payload'
import { createEspeakEngine, renderSpeech, type SpeechSentence, type TtsEngine } from '../src/lib/speech'
import { entriesUsed, normalizeForSpeech } from '../src/lib/vi/speech'
import { failOnLastAttempt, pipelineInputSchema, type PipelineInput } from './extract-text'
import { ENGINE_VERSIONS, ensureOutput, loadExtraction, readStaging, sha256, updateOutput, writeAudio, writeStaging, type SummaryOut, type TrackOut } from './pipeline'
import { speechSentences } from './reading'

let engine: TtsEngine | undefined
const ttsEngine = () => (engine ??= createEspeakEngine())

type Dictionary = Readonly<Record<string, string>>

/** The editors' pronunciation dictionary (collection `pronunciations`): term → reading. */
export async function loadPronunciations(payload: Payload): Promise<Dictionary> {
  const found = await payload.find({ collection: 'pronunciations', pagination: false, depth: 0, select: { term: true, reading: true }, overrideAccess: true })
  return Object.fromEntries((found.docs as { term?: string; reading?: string }[]).filter((e) => e.term && e.reading).map((e) => [e.term!, e.reading!]))
}

/**
 * The key of a track: what it reads, the engine, and the editors' entries its text uses — a changed
 * entry re-voices only the tracks that use it (none used: the same key as without a dictionary).
 */
export function trackHash(kind: 'speech-full' | 'speech-summary', contentHash: string, used: Dictionary): string {
  const entries = Object.entries(used).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return entries.length ? sha256(kind, ENGINE_VERSIONS.speech, contentHash, JSON.stringify(entries)) : sha256(kind, ENGINE_VERSIONS.speech, contentHash)
}

/** Renders `sentences` of one source (`owner`, e.g. "documents-12") to an MP3 file under its content hash. */
export async function renderTrack(sentences: SpeechSentence[], hash: string, owner: string, dictionary: Dictionary = {}): Promise<TrackOut> {
  const track = await renderSpeech(sentences, { engine: ttsEngine(), normalize: (text) => normalizeForSpeech(text, { dictionary }), bitrateKbps: 48 })
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
    const dictionary = await loadPronunciations(payload)
    const { structure } = await loadExtraction(record, input.extractHash)
    const fullSentences = speechSentences(structure)
    const fullUsed = entriesUsed(fullSentences.map((s) => s.text), dictionary)
    const fullHash = trackHash('speech-full', input.extractHash, fullUsed)
    const summary = await readStaging<SummaryOut>(`${input.source}-${input.id}-summary-${input.summaryHash}`)
    const summarySentences = (summary?.sentences ?? []).map((s) => ({ id: s.id, text: s.text }))
    const summaryUsed = entriesUsed(summarySentences.map((s) => s.text), dictionary)
    const summaryAudioHash = trackHash('speech-summary', input.summaryHash, summaryUsed)
    const same = (hash: string, track: TrackOut | undefined) => !input.force && track?.hash === hash
    const owner = `${input.source}-${input.id}`
    let changed = false

    if (!same(fullHash, record.audio?.full)) {
      await updateOutput(payload, record.id, { status: 'dang-xu-ly', stage: `${SPEECH_STAGE}: toàn văn` })
      await writeStaging(`${owner}-speech-${fullHash}`, await renderTrack(fullSentences, fullHash, owner, fullUsed))
      changed = true
    }
    if (!same(summaryAudioHash, record.audio?.summary)) {
      if (summarySentences.length > 0) {
        await updateOutput(payload, record.id, { status: 'dang-xu-ly', stage: `${SPEECH_STAGE}: bản tóm tắt` })
        await writeStaging(`${owner}-speech-${summaryAudioHash}`, await renderTrack(summarySentences, summaryAudioHash, owner, summaryUsed))
      } else await writeStaging(`${owner}-speech-${summaryAudioHash}`, null)
      changed = true
    }
    return { output: { fullHash, summaryAudioHash, changed } }
  },
}
