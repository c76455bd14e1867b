/**
 * Vietnamese OCR with tesseract.js, entirely offline: the language data is the one shipped in the
 * @tesseract.js-data/vie npm package (LSTM "best_int" model) and the engine's WebAssembly core
 * comes from node_modules. Nothing is downloaded and nothing is cached to disk.
 */
import { createRequire } from 'node:module'
import path from 'node:path'
import Tesseract from 'tesseract.js'
import { ExtractError } from './errors'

export interface OcrPage {
  text: string
  /** Tesseract's mean word confidence, 0–100. */
  confidence: number
}

export interface OcrEngine {
  /** Recognises one page image (PGM, PNG, JPEG…); calls beyond the number of workers wait their turn. */
  recognize(image: Uint8Array): Promise<OcrPage>
  terminate(): Promise<void>
}

/** The integer-quantised LSTM model (tessdata_best): 1.4 MB against 3.8 MB for the legacy+LSTM data, and no slower. */
const MODEL_FOLDER = '4.0.0_best_int'

/** Folder holding vie.traineddata.gz inside the installed package. */
export function vietnameseDataPath(): string {
  const require = createRequire(import.meta.url)
  return path.join(path.dirname(require.resolve('@tesseract.js-data/vie/package.json')), MODEL_FOLDER)
}

async function startWorker(): Promise<Tesseract.Worker> {
  return Tesseract.createWorker('vie', Tesseract.OEM.LSTM_ONLY, {
    langPath: vietnameseDataPath(),
    gzip: true,
    cacheMethod: 'none',
    logger: () => {},
    // Without a handler tesseract.js rethrows worker errors outside any promise; the job's promise rejects anyway.
    errorHandler: () => {},
  })
}

/**
 * Starts `workers` tesseract worker threads with the Vietnamese model (about half a second, run in
 * parallel) behind one queue: pages are recognised concurrently, one per worker.
 */
export async function createOcrEngine(workers = 1): Promise<OcrEngine> {
  const started = await Promise.allSettled(Array.from({ length: Math.max(1, workers) }, startWorker))
  const pool = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []))
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected')
  if (failed) {
    await Promise.all(pool.map((w) => w.terminate()))
    throw new ExtractError('ocr-unavailable', 'Không khởi động được bộ nhận dạng chữ (OCR) tiếng Việt. Hãy kiểm tra gói tesseract.js và @tesseract.js-data/vie đã được cài đặt.', { cause: failed.reason })
  }
  const idle = [...pool]
  const waiting: ((worker: Tesseract.Worker) => void)[] = []
  let closed = false
  const acquire = (): Promise<Tesseract.Worker> => {
    const worker = idle.pop()
    return worker ? Promise.resolve(worker) : new Promise((resolve) => waiting.push(resolve))
  }
  const release = (worker: Tesseract.Worker): void => {
    const next = waiting.shift()
    if (next) next(worker)
    else idle.push(worker)
  }
  return {
    async recognize(image) {
      const worker = await acquire()
      try {
        if (closed) throw new Error('OCR engine terminated')
        const { data } = await worker.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength))
        return { text: data.text, confidence: data.confidence }
      } catch (err) {
        throw new ExtractError('ocr-failed', 'Nhận dạng chữ (OCR) một trang ảnh quét không thành công. Hãy kiểm tra tệp gốc hoặc dùng bản PDF có lớp chữ.', { cause: err })
      } finally {
        release(worker)
      }
    },
    /**
     * Stops the worker threads; unfinished recognitions never settle. tesseract.js crashes the
     * process if a job is posted to a terminated worker, so recognitions already started get one
     * turn of the event loop to post theirs, and later ones are refused.
     */
    async terminate() {
      closed = true
      await new Promise((resolve) => setImmediate(resolve))
      await Promise.all(pool.map((w) => w.terminate()))
    },
  }
}
