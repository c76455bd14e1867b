/** `sotay speak`, run as a user runs it. */
import { describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { readFrames, type SpeechTiming } from '@/lib/speech'

const FIXTURE = path.resolve('tests/fixtures/speech-engine/dieu-1.txt')

function sotay(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/sotay.js', 'speak', ...args], (err, stdout, stderr) =>
      resolve({ code: err ? Number(err.code) : 0, stdout, stderr }),
    )
  })
}

describe('sotay speak', () => {
  it('writes the MP3 and its timing map, and prints a one-line summary', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sotay-speak-'))
    try {
      const out = path.join(dir, 'dieu-1.mp3')
      const { code, stdout } = await sotay('--in', FIXTURE, '--out', out, '--rate', '1,2')
      expect(code).toBe(0)
      expect(stdout.trim().split('\n')).toHaveLength(1)
      expect(stdout).toMatch(/^Đã ghi dieu-1\.mp3 \(0 phút \d+ giây, 6 câu, 2 chương/)

      const mp3 = await readFile(out)
      const frames = readFrames(mp3)
      const timing = JSON.parse(await readFile(`${out}.json`, 'utf8')) as SpeechTiming
      expect(timing.rate).toBe(1.2)
      expect(timing.durationMs).toBe(Math.round((frames.length * 576 * 1000) / 22050))
      // The two title lines make one sentence; each heading is a sentence of its own.
      expect(timing.sentences.map((s) => s.id)).toEqual(['s1', 's2', 's3', 's4', 's5', 's6'])
      expect(timing.chapters.map((c) => c.title)).toEqual(['Điều 1. Phạm vi điều chỉnh, đối tượng áp dụng', 'Điều 2. Hiệu lực thi hành'])
      expect(timing.chapters.map((c) => c.startMs)).toEqual([timing.sentences[1].startMs, timing.sentences[4].startMs])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('explains bad input in Vietnamese and exits non-zero', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sotay-speak-'))
    try {
      const blank = path.join(dir, 'trong.txt')
      await writeFile(blank, ' \n\t\n')
      const [empty, missing, usage] = await Promise.all([
        sotay('--in', blank, '--out', path.join(dir, 'a.mp3')),
        sotay('--in', path.join(dir, 'khong-co.txt'), '--out', path.join(dir, 'b.mp3')),
        sotay('--in', blank),
      ])
      expect(empty).toMatchObject({ code: 1, stderr: expect.stringMatching(/Không có câu nào để đọc|trống/) })
      expect(missing).toMatchObject({ code: 1, stderr: expect.stringMatching(/Không đọc được tệp văn bản/) })
      expect(usage).toMatchObject({ code: 2, stderr: expect.stringMatching(/cần cả --in và --out[\s\S]*Cách dùng/) })
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
