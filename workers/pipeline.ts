/**
 * What the document-pipeline tasks share: the output record of a source (collection `document-outputs`),
 * content hashes, the staging files through which one task hands its result to the next, and the folder
 * of the published audio files (content-hash names under DATA_DIR/pipeline/audio).
 */
import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Payload, SelectType } from 'payload'
import { dataDir } from '../src/server/runtime'
import type { ProposedMetadata, StructuredDocument } from '../src/lib/document'

export type SourceCollection = 'documents' | 'news'
export const SOURCES: readonly SourceCollection[] = ['documents', 'news']
export const OUTPUTS = 'document-outputs' as const

export type OutputStatus = 'cho-xu-ly' | 'dang-xu-ly' | 'hoan-tat' | 'loi'

export type SentenceOut = { id: string; text: string }
export type SectionOut = { id: string; heading: string | null; headingId?: string; level: number; sentences: SentenceOut[] }
export type ReadingStructure = { title: string | null; sections: SectionOut[] }
export type SummaryOut = { sentences: SentenceOut[]; keyPoints: { sectionId: string; heading: string | null; text: string; sentenceId: string }[]; engine?: string }
export type TrackOut = { file: string; bytes: number; durationMs: number; timings: { sentenceId: string; startMs: number; endMs: number }[]; chapters: { title: string; startMs: number }[]; hash: string }
export type AudioOut = { full?: TrackOut; summary?: TrackOut }
export type StageHashes = { extract?: string; summary?: string; speechFull?: string; speechSummary?: string }

export type OutputRecord = {
  id: string | number
  source: SourceCollection
  sourceId: string
  key: string
  status: OutputStatus
  stage?: string | null
  error?: string | null
  inputHash?: string | null
  hashes?: StageHashes | null
  structure?: unknown
  reading?: ReadingStructure | null
  plainText?: string | null
  summary?: SummaryOut | null
  summaryEdited?: boolean | null
  audio?: AudioOut | null
  proposedMetadata?: Record<string, unknown> | null
  processedAt?: string | null
  updatedAt?: string
}

const require = createRequire(import.meta.url)
const version = (pkg: string) => {
  try {
    return (require(`${pkg}/package.json`) as { version: string }).version
  } catch {
    return '?'
  }
}

/** Versions that, when changed, make the outputs of a stage stale (they enter the stage's hash). */
export const ENGINE_VERSIONS = {
  extract: `extract-1;pdfjs-dist@${version('pdfjs-dist')};mammoth@${version('mammoth')};tesseract.js@${version('tesseract.js')}`,
  summary: 'summary-1',
  speech: `speech-1;espeak-ng@${version('espeak-ng')};normalizer-1;48kbps`,
}

/** The hash of a summary an editor wrote or pinned: its content (the summarize task's key for it). */
export const editedSummaryHash = (summary: SummaryOut): string => sha256('summary-edited', JSON.stringify(summary))

export const outputKey = (source: SourceCollection, id: string | number) => `${source}:${id}`
export const documentLockKey = (source: SourceCollection, id: string | number) => `pipeline:${source}:${id}`

export const pipelineDir = () => path.join(dataDir(), 'pipeline')
export const audioDir = () => path.join(pipelineDir(), 'audio')
const stagingDir = () => path.join(pipelineDir(), 'staging')

export function sha256(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256')
  for (const part of parts) {
    hash.update(part)
    hash.update('\0')
  }
  return hash.digest('hex')
}

async function writeAtomically(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`
  await writeFile(tmp, data)
  await rename(tmp, file)
}

/** A stage's result, named by the hash of its input, for the next stage (or a re-run after a crash). */
export const writeStaging = (name: string, value: unknown) => writeAtomically(path.join(stagingDir(), `${name}.json`), JSON.stringify(value))
export const readStaging = async <T>(name: string): Promise<T> => JSON.parse(await readFile(path.join(stagingDir(), `${name}.json`), 'utf8')) as T
export const removeStaging = (names: string[]) => Promise.all(names.map((n) => rm(path.join(stagingDir(), `${n}.json`), { force: true })))

/**
 * Writes an MP3 of one source (`owner`, e.g. "documents-12") under its content hash; returns the file name.
 * The owner is part of the name: two documents whose audio is the same byte for byte (the same summary, say)
 * never share a file, so replacing or deleting one never takes the other's audio away.
 */
export async function writeAudio(mp3: Uint8Array, owner: string): Promise<{ file: string; hash: string }> {
  const hash = sha256(mp3)
  const file = `${owner.replace(/[^A-Za-z0-9_-]/g, '_')}-${hash.slice(0, 32)}.mp3`
  await writeAtomically(path.join(audioDir(), file), mp3)
  return { file, hash }
}

export const audioPath = (file: string) => path.join(audioDir(), path.basename(file))

export async function removeAudio(files: string[]): Promise<void> {
  await Promise.all(files.map((f) => rm(audioPath(f), { force: true })))
}

/** The output record of a source, or null; `select` reads only those fields (a reader needs no plain text). */
export async function findOutput(payload: Payload, source: SourceCollection, id: string | number, select?: SelectType): Promise<OutputRecord | null> {
  const found = await payload.find({ collection: OUTPUTS, where: { key: { equals: outputKey(source, id) } }, ...(select ? { select } : {}), limit: 1, depth: 0, overrideAccess: true, pagination: false })
  return (found.docs[0] as unknown as OutputRecord) ?? null
}

/** The output record of a source, created ("chờ xử lý") when missing; safe when two callers race. */
export async function ensureOutput(payload: Payload, source: SourceCollection, id: string | number): Promise<OutputRecord> {
  const existing = await findOutput(payload, source, id)
  if (existing) return existing
  try {
    return (await payload.create({
      collection: OUTPUTS,
      overrideAccess: true,
      data: { source, sourceId: String(id), key: outputKey(source, id), status: 'cho-xu-ly' } as never,
    })) as unknown as OutputRecord
  } catch (err) {
    const raced = await findOutput(payload, source, id)
    if (raced) return raced
    throw err
  }
}

export async function updateOutput(payload: Payload, id: string | number, data: Partial<OutputRecord>): Promise<OutputRecord> {
  return (await payload.update({ collection: OUTPUTS, id, overrideAccess: true, depth: 0, data: data as never })) as unknown as OutputRecord
}

/** Files of a record's audio, to delete once a newer record no longer refers to them. */
export const audioFiles = (audio: AudioOut | null | undefined): string[] =>
  [audio?.full?.file, audio?.summary?.file].filter((f): f is string => typeof f === 'string')

/** The extraction of `extractHash`: its staging file, or the published record when that is the same text. */
export async function loadExtraction(record: OutputRecord, extractHash: string): Promise<{ structure: StructuredDocument; plainText: string; proposedMetadata: ProposedMetadata; title: string | null }> {
  try {
    return await readStaging(`${record.source}-${record.sourceId}-extract-${extractHash}`)
  } catch (err) {
    if (record.inputHash === extractHash && record.structure) {
      const structure = record.structure as StructuredDocument
      return { structure, plainText: record.plainText ?? '', proposedMetadata: (record.proposedMetadata ?? {}) as ProposedMetadata, title: structure.title?.text ?? null }
    }
    throw err
  }
}
