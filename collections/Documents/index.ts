/**
 * Văn bản: Party and state documents issued by an organisation of the tree — metadata, body and/or
 * original file, typed relations to other documents, drafts with version history, approval before
 * publication, scheduled release. Who reads and who writes is decided in ./publishing.
 */
import type { CollectionConfig } from 'payload'
import { documentFields, DOCUMENT_FILES } from './fields'
import { deleteForwardsOf } from './Forwards'
import { capListSize } from '../hooks/capListSize'
import { boundText } from '../hooks/boundText'
import { issuedContentAccess } from './publishing/access'
import { checkAttachments, deleteAttachments, syncAttachments } from './publishing/attachments'
import { issuedContentWorkflow, rememberDraftSave } from './publishing/workflow'
import { documentReaderView } from './readHooks'
import { applyRelationEffects, checkRelations, keepOwnStatus, releaseRelationEffects } from './relations'
import { validateDocument } from './validate'
import { forgetContent } from '../hooks/forgetReads'

export const Documents: CollectionConfig = {
  slug: 'documents',
  labels: { singular: 'Văn bản', plural: 'Văn bản' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['number', 'title', 'documentType', 'issuer', 'issuedDate', 'effectStatus', '_status'],
    group: 'Nội dung',
    listSearchableFields: ['number', 'title', 'signer'],
    description: 'Văn bản của Đảng, Nhà nước và của các cấp ủy. Biên tập viên soạn, cấp ủy viên duyệt và phát hành.',
  },
  defaultSort: '-issuedDate',
  versions: { drafts: { validate: false }, maxPerDoc: 50 },
  access: issuedContentAccess,
  hooks: {
    beforeOperation: [capListSize, boundText, rememberDraftSave],
    // Rights first: nothing about another organisation's documents is revealed by a validation message.
    beforeValidate: [issuedContentWorkflow({ one: 'văn bản' }), validateDocument],
    beforeChange: [checkAttachments(DOCUMENT_FILES), checkRelations, keepOwnStatus],
    afterChange: [syncAttachments(DOCUMENT_FILES), applyRelationEffects, forgetContent.afterChange],
    afterRead: [documentReaderView],
    beforeDelete: [deleteForwardsOf],
    afterDelete: [deleteAttachments, releaseRelationEffects, forgetContent.afterDelete],
  },
  fields: documentFields,
}
