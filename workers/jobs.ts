/**
 * The jobs queue of the platform (Payload's `jobs` config): the document pipeline's tasks and its
 * workflow. Workers run it in the web process (WORKERS=on) or as `npm run worker` processes
 * (workers/runner.ts adds the atomic claim and the recovery of jobs whose worker died).
 */
import type { JobsConfig } from 'payload'
import { isSystemAdmin, type Account } from '../src/lib/member/roles'
import { effectiveStatusTask } from './effective-status'
import { extractTextTask } from './extract-text'
import { indexSearchTask } from './index-search'
import { processDocumentWorkflow } from './process-document'
import { publishOutputsTask } from './publish-outputs'
import { speakTask } from './speak'
import { summarizeTask } from './summarize'

export const jobs: JobsConfig = {
  tasks: [extractTextTask, summarizeTask, speakTask, publishOutputsTask, indexSearchTask, effectiveStatusTask] as JobsConfig['tasks'],
  workflows: [processDocumentWorkflow] as JobsConfig['workflows'],
  // Payload lets any signed-in user run or queue jobs over its API by default; only system administrators may.
  access: {
    run: ({ req }) => isSystemAdmin(req.user as Account | null),
    queue: ({ req }) => isSystemAdmin(req.user as Account | null),
    cancel: ({ req }) => isSystemAdmin(req.user as Account | null),
  },
  jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
    ...defaultJobsCollection,
    labels: { singular: 'Công việc nền', plural: 'Công việc nền' },
    admin: { ...defaultJobsCollection.admin, hidden: true },
  }),
}
