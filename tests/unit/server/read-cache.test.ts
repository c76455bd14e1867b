/**
 * The member site's shared copies (src/server/readCache.ts): kept per key, dropped by kind, never kept
 * across a change that happened while they loaded, bounded in number and in time.
 */
import { jest } from '@jest/globals'
import { cachedRead, cachedReadCount, forgetReads } from '../../../src/server/readCache'

const counter = () => {
  let calls = 0
  const load = async (key: string) => {
    calls += 1
    return `${key}#${calls}`
  }
  return { load, calls: () => calls }
}

afterEach(() => {
  delete process.env.READ_CACHE_TTL_MS
  jest.useRealTimers()
})

it('answers a key from its copy until that kind changes; other kinds keep theirs', async () => {
  const content = counter()
  const accounts = counter()
  const readContent = cachedRead({ kind: 'content', max: 10, key: (k: string) => k, load: content.load })
  const readAccounts = cachedRead({ kind: 'accounts', max: 10, key: (k: string) => k, load: accounts.load })
  expect(await readContent('a')).toBe('a#1')
  expect(await readContent('a')).toBe('a#1')
  expect(await readContent('b')).toBe('b#2')
  expect(await readAccounts('a')).toBe('a#1')
  forgetReads('content')
  expect(await readContent('a')).toBe('a#3')
  expect(await readAccounts('a')).toBe('a#1')
  expect(accounts.calls()).toBe(1)
})

it('does not keep an answer loaded across a change, nor a failed load, nor a call without a key', async () => {
  let release!: () => void
  let calls = 0
  const read = cachedRead({
    kind: 'content',
    max: 10,
    key: (k: string) => (k === 'private' ? null : k),
    load: async (k: string) => {
      calls += 1
      if (k === 'fails' && calls < 10) throw new Error('hỏng')
      if (k === 'slow') await new Promise<void>((r) => (release = r))
      return `${k}#${calls}`
    },
  })
  const pending = read('slow')
  await new Promise((r) => setImmediate(r))
  forgetReads('content') // the change lands while the read is under way
  release()
  expect(await pending).toBe('slow#1')
  const again = read('slow') // not answered from the copy made before the change
  await new Promise((r) => setImmediate(r))
  release()
  expect(await again).toBe('slow#2')
  await expect(read('fails')).rejects.toThrow('hỏng')
  const before = calls
  await expect(read('fails')).rejects.toThrow('hỏng')
  expect(calls).toBe(before + 1)
  await read('private')
  await read('private')
  expect(calls).toBe(before + 3)
})

it('keeps at most `max` keys, the least recently used going first', async () => {
  const c = counter()
  const read = cachedRead({ kind: 'content', max: 2, key: (k: string) => k, load: c.load })
  forgetReads('content')
  await read('a')
  await read('b')
  await read('a') // a is now the most recent
  await read('c') // b goes
  expect(c.calls()).toBe(3)
  await read('a')
  expect(c.calls()).toBe(3)
  await read('b')
  expect(c.calls()).toBe(4)
})

it('a copy lives READ_CACHE_TTL_MS at most, and no longer than the answer says; 0 turns copies off', async () => {
  jest.useFakeTimers({ now: new Date('2026-12-07T08:00:00Z'), doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] })
  process.env.READ_CACHE_TTL_MS = '10000'
  const c = counter()
  const read = cachedRead({ kind: 'accounts', max: 10, key: (k: string) => k, load: c.load, until: (v: string) => (v.startsWith('short') ? Date.now() + 2_000 : null) })
  await read('long')
  await read('short')
  jest.setSystemTime(new Date('2026-12-07T08:00:03Z'))
  await read('long')
  await read('short') // past its own end: loaded again
  expect(c.calls()).toBe(3)
  jest.setSystemTime(new Date('2026-12-07T08:00:11Z'))
  await read('long') // past the TTL
  expect(c.calls()).toBe(4)
  process.env.READ_CACHE_TTL_MS = '0'
  await read('long')
  await read('long')
  expect(c.calls()).toBe(6)
  expect(cachedReadCount('accounts')).toBeGreaterThan(0)
  forgetReads('accounts')
  expect(cachedReadCount('accounts')).toBe(0)
})
