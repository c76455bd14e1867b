/**
 * Task `extract-text`: the published document's original file (PDF, DOCX, HTML, text) — or, without a
 * file, its rich-text body — into the structured text of src/lib/document, with the metadata read from
 * the header. Keyed by the hash of its input (file bytes or body, title, engine versions): unchanged input
 * is not extracted again. A bad file ends the pipeline with status "lỗi" and the extractor's Vietnamese
 * message; it is not retried (the same bytes would fail the same way).
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Payload, TaskConfig } from 'payload'
import { extractDocument, ExtractError } from '../src/lib/extract'
import { parseDocument, proposeMetadata, toPlainText, type ProposedMetadata, type StructuredDocument } from '../src/lib/document'
import { dataDir } from '../src/server/runtime'
import { ENGINE_VERSIONS, ensureOutput, sha256, updateOutput, writeStaging, type SourceCollection } from './pipeline'

export type ExtractStaging = { structure: StructuredDocument; plainText: string; proposedMetadata: ProposedMetadata; title: string | null }
export type ExtractOutput = { extractHash: string; changed: boolean; failed?: boolean }

type LexicalNode = { type?: string; text?: string; tag?: string; listType?: string; children?: LexicalNode[] }

function inlineText(node: LexicalNode): string {
  if (node.type === 'linebreak') return '\n'
  if (typeof node.text === 'string') return node.text
  return (node.children ?? []).map(inlineText).join('')
}

/** Lexical rich text as lines: one per paragraph, heading and list item (bullets keep a "- "). */
export function lexicalToText(value: unknown): string {
  const root = (value as { root?: LexicalNode } | null)?.root
  if (!root) return ''
  const lines: string[] = []
  const walk = (nodes: LexicalNode[], bullet: boolean, numbered: boolean) => {
    nodes.forEach((node, i) => {
      if (node.type === 'list') return walk(node.children ?? [], node.listType !== 'number', node.listType === 'number')
      if (node.type === 'listitem') {
        const nested = (node.children ?? []).filter((c) => c.type === 'list')
        const own = (node.children ?? []).filter((c) => c.type !== 'list').map(inlineText).join('').trim()
        if (own) lines.push(bullet ? `- ${own}` : numbered ? `${i + 1}. ${own}` : own)
        return walk(nested, bullet, numbered)
      }
      const text = inlineText(node).trim()
      if (text) lines.push(...text.split('\n'))
    })
  }
  walk(root.children ?? [], false, false)
  return lines.join('\n')
}

type SourceDoc = { id: string | number; title?: string; originalFile?: unknown; content?: unknown; body?: unknown }
type MediaDoc = { id: string | number; filename?: string | null }

export type SourceInput = { kind: 'file'; bytes: Uint8Array; title: string | null } | { kind: 'text'; text: string; title: string | null }

/** What the pipeline reads of a source: its original file when it has one, else its body. */
export async function readSourceInput(payload: Payload, source: SourceCollection, id: string | number): Promise<SourceInput> {
  const doc = (await payload.findByID({ collection: source, id, depth: 0, overrideAccess: true })) as unknown as SourceDoc
  const title = typeof doc.title === 'string' ? doc.title : null
  const fileRef = source === 'documents' ? doc.originalFile : undefined
  const fileId = fileRef && typeof fileRef === 'object' ? (fileRef as MediaDoc).id : fileRef
  if (fileId !== undefined && fileId !== null && fileId !== '') {
    const media = (await payload.findByID({ collection: 'media', id: fileId as string, depth: 0, overrideAccess: true })) as unknown as MediaDoc
    if (!media.filename) throw new ExtractError('empty', 'Không tìm thấy tệp bản gốc đã tải lên. Hãy tải lại tệp bản gốc.')
    const file = path.join(dataDir(), 'uploads', 'media', path.basename(media.filename))
    let bytes: Uint8Array
    try {
      bytes = await readFile(file)
    } catch {
      throw new ExtractError('empty', 'Không đọc được tệp bản gốc trên máy chủ. Hãy tải lại tệp bản gốc.')
    }
    return { kind: 'file', bytes, title }
  }
  return { kind: 'text', text: lexicalToText(source === 'documents' ? doc.content : doc.body), title }
}

export const inputHashOf = (input: SourceInput) =>
  sha256('extract', ENGINE_VERSIONS.extract, input.kind, input.title ?? '', input.kind === 'file' ? input.bytes : input.text)

/** The title sentence from the record's metadata when the text itself has none. */
function withTitle(doc: StructuredDocument, title: string | null): StructuredDocument {
  if (doc.title || !title) return doc
  return { ...doc, title: { text: title, sentences: [{ id: 'tieu-de.s1', text: title }] } }
}

export async function extractStructured(input: SourceInput): Promise<ExtractStaging> {
  let structure: StructuredDocument
  let proposedMetadata: ProposedMetadata
  if (input.kind === 'file') {
    const result = await extractDocument(input.bytes)
    structure = result.document
    proposedMetadata = result.metadata
  } else {
    if (!/\p{L}/u.test(input.text)) throw new ExtractError('no-text', 'Văn bản chưa có nội dung (cả tệp bản gốc lẫn phần nội dung đều trống). Hãy nhập nội dung hoặc tải tệp bản gốc.')
    structure = parseDocument(input.text, { format: 'text' })
    proposedMetadata = proposeMetadata(structure)
  }
  structure = withTitle(structure, input.title)
  return { structure, plainText: toPlainText(structure), proposedMetadata, title: structure.title?.text ?? input.title }
}

export type PipelineInput = { source: SourceCollection; id: string; force?: boolean }

export const pipelineInputSchema = [
  { name: 'source', type: 'select' as const, required: true, options: [{ value: 'documents', label: 'Văn bản' }, { value: 'news', label: 'Tin tức' }] },
  { name: 'id', type: 'text' as const, required: true },
  { name: 'force', type: 'checkbox' as const },
]

/** Marks the record "lỗi" when a task has used its last attempt. */
export const failOnLastAttempt =
  (stage: string, attempts: number): TaskConfig['onFail'] =>
  async ({ input, req, taskStatus }) => {
    const { source, id } = input as PipelineInput
    const tried = (taskStatus?.totalTried ?? 0) + 1
    const record = await ensureOutput(req.payload, source, id)
    const last = tried > attempts
    await updateOutput(req.payload, record.id, {
      status: last ? 'loi' : 'dang-xu-ly',
      stage,
      error: last
        ? `Bước "${stage}" gặp lỗi hệ thống sau ${tried} lần thử. Hãy bấm "Xử lý lại"; nếu vẫn lỗi, báo quản trị viên.`
        : `Bước "${stage}" gặp lỗi, hệ thống sẽ tự thử lại (lần ${tried}/${attempts + 1}).`,
    })
  }

export const EXTRACT_STAGE = 'Trích văn bản'

export const extractTextTask: TaskConfig<{ input: PipelineInput; output: ExtractOutput }> = {
  slug: 'extract-text',
  label: 'Trích văn bản',
  inputSchema: pipelineInputSchema,
  outputSchema: [
    { name: 'extractHash', type: 'text', required: true },
    { name: 'changed', type: 'checkbox' },
    { name: 'failed', type: 'checkbox' },
  ],
  retries: { attempts: 2, backoff: { type: 'exponential', delay: 5000 } },
  onFail: failOnLastAttempt(EXTRACT_STAGE, 2),
  handler: async ({ input, req }) => {
    const { payload } = req
    const { source, id, force } = input
    const record = await ensureOutput(payload, source, id)
    let sourceInput: SourceInput
    try {
      sourceInput = await readSourceInput(payload, source, id)
    } catch (err) {
      if (!(err instanceof ExtractError)) throw err
      await updateOutput(payload, record.id, { status: 'loi', stage: EXTRACT_STAGE, error: err.message })
      return { output: { extractHash: 'missing', changed: false, failed: true } }
    }
    const extractHash = inputHashOf(sourceInput)
    if (!force && record.inputHash === extractHash && (record.status === 'hoan-tat' || record.status === 'loi')) {
      return { output: { extractHash, changed: false, failed: record.status === 'loi' } }
    }
    await updateOutput(payload, record.id, { status: 'dang-xu-ly', stage: EXTRACT_STAGE, error: null })
    payload.logger.info(`Trích văn bản ${source}:${id} (${sourceInput.kind === 'file' ? 'tệp bản gốc' : 'nội dung'})`)
    try {
      const staged = await extractStructured(sourceInput)
      await writeStaging(`${input.source}-${input.id}-extract-${extractHash}`, staged)
    } catch (err) {
      if (!(err instanceof ExtractError)) throw err
      // Deterministic refusal: remember the hash so that the same bytes are not tried again.
      await updateOutput(payload, record.id, { status: 'loi', stage: EXTRACT_STAGE, error: err.message, inputHash: extractHash })
      return { output: { extractHash, changed: true, failed: true } }
    }
    return { output: { extractHash, changed: true } }
  },
}
