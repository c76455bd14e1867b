import type { CollectionConfig } from 'payload'
import { AuditLogs } from './AuditLogs'
import { Documents } from './Documents'
import { Forwards } from './Documents/Forwards'
import { PublishingSettings } from './Documents/PublishingSettings'
import { Media } from './Media'
import { News } from './News'
import { Organizations } from './Organizations'
import { Users } from './Users'
import { WorkerLocks } from './WorkerLocks'

/** Every collection of the platform, in the order the admin lists them. */
export const collections: CollectionConfig[] = [Organizations, Users, Documents, News, Media, Forwards, PublishingSettings, AuditLogs, WorkerLocks]
