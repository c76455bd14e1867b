/**
 * Seeds the demo data into DATA_DIR / DATABASE_URL and exits: the run's template that tests copy
 * (tests/helpers/template.ts). Runs as its own process so that the Payload config loads with this database.
 */
import { startApp } from '../../src/server/app'

const app = await startApp({ next: false, workers: false, seed: true })
await app.close()
process.exit(0)
