/**
 * Task `publish-outputs`: swaps the new outputs in with ONE update of the output record — structure,
 * summary and both audio tracks together, so a member never gets a summary of the new text with audio of
 * the old — then deletes the audio files the record no longer refers to and the staging files.
 */
import type { Payload, TaskConfig } from 'payload'
import { failOnLastAttempt, pipelineInputSchema, type PipelineInput } from './extract-text'
import {
  audioFiles,
  editedSummaryHash,
  ensureOutput,
  loadExtraction,
  readStaging,
  removeAudio,
  removeStaging,
  updateOutput,
  type AudioOut,
  type OutputRecord,
  type SourceCollection,
  type SummaryOut,
  type TrackOut,
} from './pipeline'
import { readingStructure } from './reading'

export type PublishInput = PipelineInput & { extractHash: string; summaryHash: string; fullHash: string; summaryAudioHash: string }

/** Metadata read from the header, for the fields the editor left empty. */
async function proposals(payload: Payload, source: SourceCollection, id: string, proposed: Record<string, unknown>): Promise<Record<string, unknown>> {
  if (source !== 'documents') return {}
  const doc = (await payload.findByID({ collection: source, id, depth: 0, overrideAccess: true })) as unknown as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const field of ['number', 'issuedDate', 'signer', 'signerPosition', 'signingCapacity'] as const) {
    if (proposed[field] && !doc[field]) out[field] = proposed[field]
  }
  return out
}

async function track(record: OutputRecord, key: 'full' | 'summary', hash: string): Promise<TrackOut | undefined> {
  const current = record.audio?.[key]
  if (current?.hash === hash) return current
  return (await readStaging<TrackOut | null>(`${record.source}-${record.sourceId}-speech-${hash}`)) ?? undefined
}

export const publishOutputsTask: TaskConfig<{ input: PublishInput; output: { published: boolean } }> = {
  slug: 'publish-outputs',
  label: 'Công bố kết quả xử lý',
  inputSchema: [
    ...pipelineInputSchema,
    { name: 'extractHash', type: 'text', required: true },
    { name: 'summaryHash', type: 'text', required: true },
    { name: 'fullHash', type: 'text', required: true },
    { name: 'summaryAudioHash', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'published', type: 'checkbox' }],
  retries: { attempts: 3, backoff: { type: 'exponential', delay: 2000 } },
  onFail: failOnLastAttempt('Công bố kết quả', 3),
  handler: async ({ input, req }) => {
    const { payload } = req
    const record = await ensureOutput(payload, input.source, input.id)
    const h = record.hashes ?? {}
    const unchanged =
      record.status === 'hoan-tat' &&
      record.inputHash === input.extractHash &&
      h.summary === input.summaryHash &&
      record.audio?.full?.hash === input.fullHash &&
      (record.audio?.summary?.hash ?? h.speechSummary) === input.summaryAudioHash
    const staging = [`${input.source}-${input.id}-extract-${input.extractHash}`, `${input.source}-${input.id}-summary-${input.summaryHash}`, `${input.source}-${input.id}-speech-${input.fullHash}`, `${input.source}-${input.id}-speech-${input.summaryAudioHash}`]
    if (unchanged && !input.force) {
      await removeStaging(staging)
      return { output: { published: false } }
    }

    const extraction = await loadExtraction(record, input.extractHash)
    // An editor's summary saved while this run was under way wins over what the run computed: keep it,
    // with its own audio if it has some already (the run the edit queued reads it aloud otherwise).
    const editedMeanwhile = !!record.summaryEdited && !!record.summary && editedSummaryHash(record.summary) !== input.summaryHash
    const summary = editedMeanwhile ? (record.summary as SummaryOut) : await readStaging<SummaryOut>(`${input.source}-${input.id}-summary-${input.summaryHash}`)
    const audio: AudioOut = {}
    const full = await track(record, 'full', input.fullHash)
    const short = editedMeanwhile ? record.audio?.summary : await track(record, 'summary', input.summaryAudioHash)
    if (full) audio.full = full
    if (short) audio.summary = short

    await updateOutput(payload, record.id, {
      status: 'hoan-tat',
      stage: null,
      error: null,
      inputHash: input.extractHash,
      hashes: editedMeanwhile
        ? { extract: input.extractHash, summary: h.summary, speechFull: input.fullHash, speechSummary: h.speechSummary }
        : { extract: input.extractHash, summary: input.summaryHash, speechFull: input.fullHash, speechSummary: input.summaryAudioHash },
      structure: extraction.structure,
      reading: readingStructure(extraction.structure),
      plainText: extraction.plainText,
      summary,
      audio,
      proposedMetadata: await proposals(payload, input.source, input.id, extraction.proposedMetadata as Record<string, unknown>),
      processedAt: new Date().toISOString(),
    })
    const keep = new Set(audioFiles(audio))
    await removeAudio(audioFiles(record.audio).filter((f) => !keep.has(f)))
    await removeStaging(staging)
    return { output: { published: true } }
  },
}
