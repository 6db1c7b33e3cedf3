/**
 * Open Referral UK / HSDS 3.0 import: directory feeds to activities.
 *
 * @module
 */
export { fromOpenReferral } from './import.js';
export type { ImportProblem, OpenReferralImport, OpenReferralImportOptions } from './import.js';
export type { SkippedService } from './service.js';
export type { FeedShape, PageInfo } from './page.js';
export { ImportedActivitySchema, INFERABLE_FIELDS, InferredSchema, SourceSchema } from './schema.js';
export type { ImportedActivity } from './schema.js';
export { resolveKeyword, scanText } from '../../vocabulary/keywords.js';
export type { KeywordHit, VocabularyName } from '../../vocabulary/keywords.js';
export { stripHtml } from './html.js';
