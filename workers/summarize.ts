/**
 * Task `summarize`: the short extractive summary (3–5 sentences, ≤ 120 words, official wording kept) and
 * one key point per Điều (or per top-level section), with the ids of the chosen sentences. Keyed by the
 * extraction hash and the engine; a summary an editor edited or pinned is kept as it is.
 */
import type { TaskConfig } from 'payload'
import { createSummaryEngine, summarizeDocument, type SummaryEngine } from '../src/lib/summarize'
import type { StructuredDocument } from '../src/lib/document'
import { failOnLastAttempt, pipelineInputSchema, type PipelineInput } from './extract-text'
import { editedSummaryHash, ENGINE_VERSIONS, ensureOutput, loadExtraction, sha256, updateOutput, writeStaging, type SummaryOut } from './pipeline'
import { summaryParts } from './reading'
import { env } from '../src/server/config'

let engine: Promise<SummaryEngine> | undefined
/** The engine of this process: the embedding engine when an operator configured a local model. */
export const summaryEngine = () =>
  (engine ??= createSummaryEngine({ modelDir: env('SOTAY_SUMMARY_MODEL_DIR') || undefined, model: env('SOTAY_SUMMARY_MODEL') || undefined }))

export async function summarizeStructure(doc: StructuredDocument, use: SummaryEngine): Promise<SummaryOut> {
  const parts = summaryParts(doc)
  const result = await summarizeDocument(use, {
    title: doc.title?.text,
    sections: parts.map((p) => ({ heading: p.heading ?? undefined, sentences: p.sentences.map((s) => s.text) })),
  })
  const at = (section: number, index: number) => parts[section].sentences[index]
  return {
    engine: result.engine,
    sentences: result.summary.map((s) => at(s.section, s.index)),
    keyPoints: result.keyPoints.map((k) => {
      const s = at(k.sentence.section, k.sentence.index)
      return { sectionId: parts[k.section].sectionId, heading: parts[k.section].heading, text: s.text, sentenceId: s.id }
    }),
  }
}

export type SummarizeInput = PipelineInput & { extractHash: string }
export type SummarizeOutput = { summaryHash: string; changed: boolean }
export const SUMMARY_STAGE = 'Tóm tắt'

export const summarizeTask: TaskConfig<{ input: SummarizeInput; output: SummarizeOutput }> = {
  slug: 'summarize',
  label: 'Tóm tắt văn bản',
  inputSchema: [...pipelineInputSchema, { name: 'extractHash', type: 'text', required: true }],
  outputSchema: [
    { name: 'summaryHash', type: 'text', required: true },
    { name: 'changed', type: 'checkbox' },
  ],
  retries: { attempts: 2, backoff: { type: 'exponential', delay: 5000 } },
  onFail: failOnLastAttempt(SUMMARY_STAGE, 2),
  handler: async ({ input, req }) => {
    const { payload } = req
    const record = await ensureOutput(payload, input.source, input.id)
    const use = await summaryEngine()
    // An edited or pinned summary stays: its hash is its content.
    if (record.summaryEdited && record.summary) {
      const summaryHash = editedSummaryHash(record.summary)
      await writeStaging(`${input.source}-${input.id}-summary-${summaryHash}`, record.summary)
      return { output: { summaryHash, changed: record.hashes?.summary !== summaryHash } }
    }
    const summaryHash = sha256('summary', ENGINE_VERSIONS.summary, use.name, input.extractHash)
    if (!input.force && record.hashes?.summary === summaryHash && record.summary) {
      await writeStaging(`${input.source}-${input.id}-summary-${summaryHash}`, record.summary)
      return { output: { summaryHash, changed: false } }
    }
    await updateOutput(payload, record.id, { status: 'dang-xu-ly', stage: SUMMARY_STAGE })
    const staged = await loadExtraction(record, input.extractHash)
    await writeStaging(`${input.source}-${input.id}-summary-${summaryHash}`, await summarizeStructure(staged.structure, use))
    return { output: { summaryHash, changed: true } }
  },
}
