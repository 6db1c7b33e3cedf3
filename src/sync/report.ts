/**
 * What a sync reports, and the report as lines of text for a terminal.
 *
 * @module
 */
import type { ValidationIssue } from '../index.js';
import type { FeedFormat } from './feed.js';
import type { SyncDuplicate, SyncWarning } from './state.js';

/** A request that failed for good (after any retries). */
export interface SyncFailure {
  /** A list page or one service's full record. */
  readonly kind: 'page' | 'detail';
  readonly url: string;
  /** The service, for a detail. */
  readonly id?: string;
  /** E.g. `HTTP 503 Service Unavailable (4 attempts)`, `truncated JSON: …`, `expected JSON, got an HTML page (text/html)`. */
  readonly reason: string;
  /** The last HTTP status, when there was a response. */
  readonly status?: number;
  readonly attempts: number;
}

/** A service the importer rejected or mapped only partly, with every issue. */
export interface SyncImportProblem {
  /** The service id, when it had a usable one. */
  readonly id?: string;
  /** The page (as asked for) the service was listed on. */
  readonly page?: number;
  /** The issues in one line. */
  readonly reason: string;
  /** Each issue, with its path in the array of services handed to the importer (`[12].name`). */
  readonly issues: readonly ValidationIssue[];
}

/** A service not imported because it is not running. */
export interface SyncSkipped {
  readonly id?: string;
  readonly page?: number;
  readonly status: string;
  readonly reason: string;
}

/** A service in the previous sync that the listing no longer holds. */
export interface SyncRemoved {
  readonly id: string;
  readonly reason: string;
}

/**
 * The report of a sync: what was fetched and imported, and every service or request that did
 * not simply work, each with its reason.
 *
 * @example
 * ```ts
 * const { report } = await syncFeed('https://example.org/api');
 * report.fetched;    // { pages: 3, details: 20, requests: 26, retries: 2 }
 * report.services;   // 24
 * report.imported;   // { services: 21, activities: 22 }
 * report.failed[0];  // { kind: 'page', url: 'https://example.org/api/services?page=2&…', reason: 'truncated JSON: …', attempts: 1, status: 200 }
 * ```
 */
export interface SyncReport {
  /** The feed's API root. */
  readonly base: string;
  readonly format?: FeedFormat;
  /** `incremental` when a previous sync's state was given (or carried by the resumed state). */
  readonly mode: 'full' | 'incremental';
  /** Whether this run continued an earlier, unfinished one. */
  readonly resumed: boolean;
  /** False when the run was interrupted (its state resumes it). */
  readonly finished: boolean;
  /** True when the listing reached the feed's end and no page or detail failed. */
  readonly complete: boolean;
  /** Requests made in this run: list pages and full records read, requests sent, retries among them. */
  readonly fetched: { readonly pages: number; readonly details: number; readonly requests: number; readonly retries: number };
  /** Distinct services in the result, and the list pages that gave them (this run and any it resumed). */
  readonly services: number;
  readonly pages: number;
  /** Incremental: services unchanged since `since` whose full record was kept, not fetched again. */
  readonly kept: number;
  readonly since?: string;
  /** Services handed to the importer that gave activities, and the activities. */
  readonly imported: { readonly services: number; readonly activities: number };
  readonly skipped: readonly SyncSkipped[];
  readonly rejected: readonly SyncImportProblem[];
  /** Imported, with fields partly mapped, dropped or defaulted. */
  readonly partlyMapped: readonly SyncImportProblem[];
  readonly failed: readonly SyncFailure[];
  readonly duplicates: readonly SyncDuplicate[];
  readonly removed: readonly SyncRemoved[];
  readonly warnings: readonly SyncWarning[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const who = (id: string | undefined, page: number | undefined) => `${id ?? '(no id)'}${page === undefined ? '' : ` (page ${page})`}`;

/**
 * The report as lines for standard error: a summary, then one line per failure, duplicate,
 * removed, rejected, skipped and partly mapped service and warning.
 *
 * @example
 * ```ts
 * formatSyncReport(report);
 * // ['synced https://example.org/api (UK v3): 3 pages, 24 services, 22 activities from 21 services; 1 failed, 1 duplicate, 2 rejected, 1 skipped',
 * //  'failed page https://example.org/api/services?page=2&per_page=50&number=2&size=50: truncated JSON: the body (812 bytes) ends mid-document',
 * //  …]
 * ```
 */
export function formatSyncReport(report: SyncReport): string[] {
  const format = report.format === undefined ? '' : ` (${report.format === 'uk-v3' ? 'UK v3' : 'UK v1'})`;
  const counts = [
    `${report.failed.length} failed`,
    plural(report.duplicates.length, 'duplicate'),
    `${report.rejected.length} rejected`,
    `${report.skipped.length} skipped`,
    `${report.partlyMapped.length} partly mapped`,
    ...(report.mode === 'incremental' ? [`${report.kept} unchanged`, `${report.removed.length} removed`] : []),
    plural(report.warnings.length, 'warning'),
  ];
  const state = report.finished ? (report.complete ? '' : ' (incomplete)') : ' (interrupted: resume with the saved state)';
  const lines = [
    `synced ${report.base}${format}${state}: ${plural(report.pages, 'page')}, ${plural(report.services, 'service')}, ${plural(report.imported.activities, 'activity', 'activities')} from ${plural(report.imported.services, 'service')}; ${counts.join(', ')}`,
    `requests: ${report.fetched.requests} (${report.fetched.pages} list ${report.fetched.pages === 1 ? 'page' : 'pages'}, ${report.fetched.details} full ${report.fetched.details === 1 ? 'record' : 'records'}, ${plural(report.fetched.retries, 'retry', 'retries')})${report.resumed ? ', resuming an earlier run' : ''}${report.since === undefined ? '' : `, changes since ${report.since}`}`,
  ];
  for (const f of report.failed) lines.push(`failed ${f.kind} ${f.url}${f.id === undefined ? '' : ` (${f.id})`}: ${f.reason}`);
  for (const d of report.duplicates) lines.push(`duplicate ${d.id}: ${d.reason}`);
  for (const r of report.removed) lines.push(`removed ${r.id}: ${r.reason}`);
  for (const r of report.rejected) lines.push(`rejected ${who(r.id, r.page)}: ${r.reason}`);
  for (const s of report.skipped) lines.push(`skipped ${who(s.id, s.page)}: ${s.reason}`);
  for (const p of report.partlyMapped) lines.push(`partly mapped ${who(p.id, p.page)}: ${p.reason}`);
  for (const w of report.warnings) lines.push(`warning${w.id === undefined ? '' : ` ${w.id}`}: ${w.reason}${w.url === undefined ? '' : ` (${w.url})`}`);
  return lines;
}
