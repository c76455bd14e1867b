/** The `espeak-ng` npm package: the eSpeak NG command-line program built with Emscripten (MODULARIZE, ES6). */
declare module 'espeak-ng' {
  export interface EspeakModuleOptions {
    /** argv after the program name; `main` runs once, as soon as the instance is ready. */
    arguments: string[]
    /** Called for each byte read from stdin: a byte, or null to end the current read (end of input if nothing was read). */
    stdin?: () => number | null
    /** Called for each byte written to stdout. */
    stdout?: (byte: number) => void
    print?: (line: string) => void
    printErr?: (line: string) => void
    preRun?: Array<() => void>
    postRun?: Array<() => void>
    onAbort?: (what: unknown) => void
    /** Called when main returns or exit() is called; must throw `toThrow`. Default: sets process.exitCode. */
    quit?: (status: number, toThrow: unknown) => never
    /** Custom instantiation (lets callers reuse a compiled WebAssembly.Module). */
    instantiateWasm?: (
      imports: WebAssembly.Imports,
      receiveInstance: (instance: WebAssembly.Instance) => void,
    ) => Record<string, never>
  }
  const ESpeakNg: (options: EspeakModuleOptions) => Promise<unknown>
  export default ESpeakNg
}
