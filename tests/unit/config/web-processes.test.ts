import os from 'node:os'
import { webProcessCount } from '../../../src/server/cluster'

it('WEB_PROCESSES: 1 by default, a number, or one per core with "auto"', () => {
  expect(webProcessCount(undefined)).toBe(1)
  expect(webProcessCount('')).toBe(1)
  expect(webProcessCount(' 3 ')).toBe(3)
  expect(webProcessCount('auto')).toBe(Math.min(64, os.availableParallelism()))
})

it.each(['0', '-2', '1.5', 'two', '65', 'AUTO'])('refuses %p with a Vietnamese message', (value) => {
  expect(() => webProcessCount(value)).toThrow(/WEB_PROCESSES phải là một số nguyên từ 1 đến 64 hoặc "auto"/)
})
