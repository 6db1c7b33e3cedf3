/**
 * `activity-match/sync`: the crawler for live Open Referral feeds, the package's only network
 * code. It uses the platform's `fetch` (Node 20+, Deno, browsers) and no Node-only module;
 * the CLI's `sync` command adds the files.
 *
 * @module
 */
export { syncFeed, MAX_FAILED_PAGES_IN_A_ROW } from './crawl.js';
export type { SyncResult } from './crawl.js';
export type { SyncOptions, SyncProgress } from './sync-options.js';
export { formatSyncReport } from './report.js';
export type { SyncFailure, SyncImportProblem, SyncRemoved, SyncReport, SyncSkipped } from './report.js';
export { parseSyncState } from './state.js';
export type { ListingState, ListingStop, RecordSource, SyncDuplicate, SyncRecord, SyncState, SyncWarning } from './state.js';
export { detailUrl, isSummary, listUrl, modifiedOf, normaliseBase, readListPage, serviceId, SUMMARY_FIELD_LIMIT } from './feed.js';
export type { FeedFormat, ListPage, Modified, NotAPage } from './feed.js';
export { backoffDelay, parseJsonBody, retryAfterMs } from './http.js';
export type { FetchLike } from './http.js';
