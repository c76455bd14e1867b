import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { parseRequest } from '@/lib/summarize/jsonl'

describe('parseRequest', () => {
  it('accepts {"id", "text"} with an optional title', () => {
    expect(parseRequest('{"id":"a","text":"Câu một.\\nCâu hai."}')).toEqual({
      request: { id: 'a', text: 'Câu một.\nCâu hai.', title: undefined },
    })
    expect(parseRequest('{"id":7,"text":"","title":"Tiêu đề"}')).toEqual({ request: { id: 7, text: '', title: 'Tiêu đề' } })
  })

  it.each([
    ['{không phải json', 'JSON hợp lệ'],
    ['[1,2]', 'đối tượng JSON'],
    ['"chuỗi"', 'đối tượng JSON'],
    ['{"text":"Câu."}', '"id"'],
    ['{"id":"","text":"Câu."}', '"id"'],
    ['{"id":"a"}', '"text"'],
    ['{"id":"a","text":["Câu."]}', '"text"'],
    ['{"id":"a","text":"Câu.","title":5}', '"title"'],
  ])('rejects %s with a message in Vietnamese', (line, fragment) => {
    const parsed = parseRequest(line)
    expect('error' in parsed && parsed.error).toContain(fragment)
  })
})

describe('sotay summarize', () => {
  const bin = path.resolve(process.cwd(), 'bin/sotay.js')
  const sotay = (args: string[], input: string) =>
    spawnSync(process.execPath, [bin, 'summarize', ...args], { input, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } })

  const text = [
    'Ngày 22/6, công an khởi tố hai nhân viên công ty địa ốc vì chống lệnh cưỡng chế.',
    'Trời hôm đó mưa to.',
    'Hai nhân viên bị tạm giam về tội cố ý làm hư hỏng tài sản trong lúc cưỡng chế.',
    'Người dân hiếu kỳ đứng xem.',
  ].join('\n')

  it('writes one summary line per input line and an error line for each malformed one', () => {
    const input = [
      JSON.stringify({ id: 'a', title: 'Khởi tố, tạm giam hai nhân viên chống lệnh cưỡng chế', text }),
      'không phải json',
      '',
      JSON.stringify({ id: 'b' }),
      JSON.stringify({ id: 'c', text: 'Chỉ một câu.' }),
    ].join('\n')
    const run = sotay(['--sentences', '2'], input)
    expect(run.status).toBe(1)
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l))
    expect(lines).toHaveLength(4)
    expect(lines[0].id).toBe('a')
    const chosen = lines[0].summary.split('\n')
    expect(chosen).toHaveLength(2)
    const source = text.split('\n')
    expect(chosen.map((s: string) => source.indexOf(s))).toEqual([0, 2])
    expect(lines[1]).toEqual({ line: 2, error: expect.stringContaining('JSON') })
    expect(lines[2]).toEqual({ id: 'b', line: 4, error: expect.stringContaining('"text"') })
    expect(lines[3]).toEqual({ id: 'c', summary: 'Chỉ một câu.' })
  })

  it('exits 0 when every line is valid and 2 on a bad option', () => {
    expect(sotay([], JSON.stringify({ id: 1, text })).status).toBe(0)
    const bad = sotay(['--sentences', 'hai'], '')
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('số nguyên dương')
  })
})
