/**
 * The wall-time budget of one extraction. Synchronous work cannot be interrupted, so the budget is
 * checked between pages, and asynchronous steps (OCR in its worker thread) are raced against it;
 * the caller then tears the step down (the OCR worker is terminated).
 */
import { ExtractError } from './errors'

export class Deadline {
  private readonly at: number

  constructor(private readonly budgetMs: number) {
    this.at = Date.now() + budgetMs
  }

  private error(): ExtractError {
    const minutes = Math.max(1, Math.round(this.budgetMs / 60_000))
    return new ExtractError('timeout', `Xử lý tệp vượt quá thời gian cho phép (${minutes} phút) nên đã dừng. Hãy tách tệp thành các phần nhỏ hơn rồi tải lên lại.`)
  }

  /** Throws the timeout error once the budget is spent. */
  check(): void {
    if (Date.now() > this.at) throw this.error()
  }

  /** `promise`, or the timeout error if the budget runs out first. A late rejection is ignored. */
  race<T>(promise: Promise<T>): Promise<T> {
    promise.catch(() => {})
    let timer: NodeJS.Timeout | undefined
    const expiry = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(this.error()), Math.max(0, this.at - Date.now()))
    })
    return Promise.race([promise, expiry]).finally(() => clearTimeout(timer))
  }
}
