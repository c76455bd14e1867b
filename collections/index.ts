import type { CollectionConfig } from 'payload'
import { AuditLogs } from './AuditLogs'
import { Documents } from './Documents'
import { Forwards } from './Documents/Forwards'
import { PublishingSettings } from './Documents/PublishingSettings'
import { Media } from './Media'
import { News } from './News'
import { Organizations } from './Organizations'
import { Pronunciations } from './Pronunciations'
import { ReadingState } from './ReadingState'
import { Users } from './Users'
import { WorkerLocks } from './WorkerLocks'

/** The platform's own collections, in the order the admin lists them (features add theirs: payload.config.ts). */
export const collections: CollectionConfig[] = [Organizations, Users, Documents, News, Media, Forwards, PublishingSettings, Pronunciations, AuditLogs, WorkerLocks, ReadingState]
