// activity-match/open-referral: the Open Referral UK / HSDS 3.0 importer, as the root entry exports it.
export { resolveKeyword } from '../catalogue/open-referral/index.js';
export { fromOpenReferral } from '../catalogue/from-open-referral.js';
export { stripHtml } from '../catalogue/plain-text.js';
export type { FeedShape, ImportProblem, OpenReferralImport, OpenReferralImportOptions, PageInfo, SkippedService } from '../catalogue/open-referral/index.js';
export { runImportCommand } from '../catalogue/import-command.js';
export type { ImportCommandOptions, ImportCommandResult } from '../catalogue/import-command.js';
