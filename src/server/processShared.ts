/**
 * One value per process, whichever copy of a module asks for it. The member site's Next bundle carries
 * its own copies of the modules it imports, and server.ts (through tsx) loads others: state that the
 * collections' hooks change and the site reads (the search engine, viewers, kept reads) must be the same
 * object for both, so it lives on globalThis under `name`, made by `init` on first use.
 */
export function processShared<T>(name: string, init: () => T): T {
  const slots = globalThis as Record<symbol, unknown>
  const key = Symbol.for(`sotay.${name}`)
  return (slots[key] ??= init()) as T
}
