/** `sotay normalize`, run as a user runs it: node bin/sotay.js normalize, JSON lines on stdin. */
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

function sotay(args: string[], input = '') {
  const result = spawnSync(process.execPath, ['bin/sotay.js', 'normalize', ...args], {
    cwd: process.cwd(),
    input,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '--no-deprecation' },
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('sotay normalize', () => {
  const input = [
    '{"id":"a","input":"Nghị quyết 21-NQ/TW"}',
    'không phải json',
    '',
    '{"id":7,"input":"Ngày 2/9/1945"}',
    '{"id":"y"}',
    '[1,2]',
    '{"id":"z","input":""}',
  ].join('\n')
  const run = sotay([], input)
  const out = run.stdout.trim().split('\n').map((line) => JSON.parse(line))

  it('answers every non-blank line, in order, with its id and output', () => {
    expect(out).toHaveLength(6)
    expect(out.map((r) => r.id)).toEqual(['a', null, 7, 'y', null, 'z'])
    expect(out[0].output).toBe('Nghị quyết hai mươi mốt nghị quyết trung ương')
    expect(out[2].output).toBe('Ngày hai tháng chín năm một nghìn chín trăm bốn mươi lăm')
    expect(out[5].output).toBe('')
  })

  it('gives a malformed line an error in Vietnamese, carries on, and exits with 1', () => {
    expect(out[1].error).toMatch(/JSON hợp lệ/)
    expect(out[3].error).toMatch(/Thiếu trường "input"/)
    expect(out[4].error).toMatch(/đối tượng JSON/)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/3 dòng không xử lý được/)
  })

  it('normalises one text with --text, using a --dictionary file', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'sotay-normalize-')), 'dict.json')
    writeFileSync(file, JSON.stringify({ CLB: 'câu lạc bộ' }))
    const { code, stdout } = sotay(['--dictionary', file, '--text', 'CLB lý luận trẻ'])
    expect(code).toBe(0)
    expect(stdout.trim()).toBe('câu lạc bộ lý luận trẻ')
  })

  it('rejects a dictionary it cannot read with a message and exit code 2', () => {
    const { code, stderr } = sotay(['--dictionary', '/khong/co/tep.json', '--text', 'x'])
    expect(code).toBe(2)
    expect(stderr).toMatch(/Không đọc được từ điển/)
  })
})
