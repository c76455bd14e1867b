// Entry of a search thread (search/threads.ts): TypeScript through tsx, as in the server process.
import { register } from 'tsx/esm/api'

register()
await import('./thread.ts')
