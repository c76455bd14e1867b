/**
 * What a reader gets of a source's pipeline output: status, structure (sections and sentences), summary and
 * audio (URLs and sentence timings) — the body of `GET /api/{documents,news}/:id/reading`, and what the
 * member site's document and news pages show. The caller has already checked that the reader may read the
 * source; this reads only the output record (never its plain text or extraction), once per call.
 */
import type { Payload } from 'payload'
import { findOutput, type OutputRecord, type SourceCollection, type TrackOut } from '../../workers/pipeline'

export type ReadingTrack = { url: string; durationMs: number; bytes: number; timings: TrackOut['timings']; chapters: TrackOut['chapters'] }
export type ReadingBody = {
  status: string
  error?: string
  processedAt: string | null
  summaryPinned: boolean
  structure: OutputRecord['reading'] | null
  summary: { sentences: { id: string; text: string }[]; keyPoints: { sectionId: string; heading: string | null; text: string; sentenceId: string }[] } | null
  audio: { full?: ReadingTrack; summary?: ReadingTrack }
}

const READING_SELECT = { status: true, error: true, processedAt: true, summaryEdited: true, reading: true, summary: true, audio: true } as const

function trackJson(source: SourceCollection, id: string, kind: 'full' | 'summary', track: TrackOut | undefined): ReadingTrack | undefined {
  if (!track) return undefined
  return {
    url: `/api/${source}/${id}/audio/${kind}.mp3?v=${track.hash.slice(0, 12)}`,
    durationMs: track.durationMs,
    bytes: track.bytes,
    timings: track.timings,
    chapters: track.chapters,
  }
}

/** The reading body of one source (documents or news, by id); "chờ xử lý" with no structure when the pipeline has not started. */
export async function readingOf(payload: Payload, source: SourceCollection, sourceId: string | number): Promise<ReadingBody> {
  const id = String(sourceId)
  const record = await findOutput(payload, source, id, READING_SELECT)
  if (!record) return { status: 'cho-xu-ly', processedAt: null, summaryPinned: false, structure: null, summary: null, audio: {} }
  const summary = record.summary
  return {
    status: record.status,
    ...(record.status === 'loi' && record.error ? { error: record.error } : {}),
    processedAt: record.processedAt ?? null,
    summaryPinned: !!record.summaryEdited,
    structure: record.reading ?? null,
    summary: summary
      ? { sentences: summary.sentences, keyPoints: summary.keyPoints.map((k) => ({ sectionId: k.sectionId, heading: k.heading, text: k.text, sentenceId: k.sentenceId })) }
      : null,
    audio: {
      ...(record.audio?.full ? { full: trackJson(source, id, 'full', record.audio.full) } : {}),
      ...(record.audio?.summary ? { summary: trackJson(source, id, 'summary', record.audio.summary) } : {}),
    },
  }
}
