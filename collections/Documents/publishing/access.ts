/**
 * Collection access for content issued by an organisation (documents, news). Every rule is a Where over
 * the record's own fields (see ./audience), so the database applies it to lists, counts and files alike.
 */
import type { Access, FieldAccess, Where } from 'payload'
import { audienceWhere, CONTENT_FIELDS } from './audience'
import { viewerOf } from './viewer'

/** Read: the audience rule. */
export const canReadIssued: Access = async ({ req }) => audienceWhere(await viewerOf(req), CONTENT_FIELDS)

/** Create: editors and approvers of some organisation; which issuer they may use is checked on save. */
export const canCreateIssued: Access = async ({ req }) => {
  const viewer = await viewerOf(req)
  return viewer.systemAdmin || viewer.writable.length > 0
}

/** Update: the editors and approvers of the issuer. Publishing rights are checked on save (./workflow). */
export const canUpdateIssued: Access = async ({ req }) => {
  const viewer = await viewerOf(req)
  if (viewer.systemAdmin) return true
  return viewer.writable.length > 0 ? { issuer: { in: viewer.writable } } : false
}

/** Delete: approvers of the issuer; its editors only while the record has never been published. */
export const canDeleteIssued: Access = async ({ req }) => {
  const viewer = await viewerOf(req)
  if (viewer.systemAdmin) return true
  const clauses: Where[] = []
  if (viewer.approvable.length > 0) clauses.push({ issuer: { in: viewer.approvable } })
  if (viewer.writable.length > 0) clauses.push({ and: [{ issuer: { in: viewer.writable } }, { _status: { equals: 'draft' } }] })
  return clauses.length > 0 ? { or: clauses } : false
}

/** Version history: the editors and approvers of the issuer. */
export const canReadIssuedVersions: Access = async ({ req }) => {
  const viewer = await viewerOf(req)
  if (viewer.systemAdmin) return true
  return viewer.writable.length > 0 ? { 'version.issuer': { in: viewer.writable } } : false
}

/** Workflow fields (who published, review notes) are for the people who produce content. */
export const canSeeWorkflow: FieldAccess = async ({ req }) => {
  const viewer = await viewerOf(req)
  return viewer.systemAdmin || viewer.writable.length > 0
}

/** The access rules shared by everything an organisation issues (documents and news). */
export const issuedContentAccess = {
  read: canReadIssued,
  readVersions: canReadIssuedVersions,
  create: canCreateIssued,
  update: canUpdateIssued,
  delete: canDeleteIssued,
}
