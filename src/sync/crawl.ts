/**
 * `syncFeed`: crawls a live Open Referral feed (UK v3 or UK v1) into raw service records,
 * then hands them to `fromOpenReferral` for the catalogue. The rules are in DESIGN.md
 * ("Syncing a live feed").
 *
 * Size: over 300 lines, nearly all of it `syncFeed`, one function whose steps (listing pages,
 * fetching details, retries, the resumable state) share the crawl's counters and limits through
 * closures. HTTP, options, state and the report are in their own files; cutting `syncFeed` into
 * steps that pass that state explicitly is left for a later change (issue #19 notes it).
 *
 * @module
 */
import { ActivityMatchError, fromOpenReferral } from '../index.js';
import type { OpenReferralImport, OpenReferralImportOptions } from '../index.js';
import { detailProblem, detailUrl, isSummary, listUrl, modifiedOf, normaliseBase, readListPage, serviceId } from './feed.js';
import type { ListPage, Modified } from './feed.js';
import { getJson } from './http.js';
import type { HttpSettings, JsonOutcome } from './http.js';
import { createLimiter } from './limit.js';
import { resolveOptions } from './sync-options.js';
import type { SyncOptions } from './sync-options.js';
import type { SyncFailure, SyncImportProblem, SyncReport, SyncSkipped } from './report.js';
import { parseSyncState } from './state.js';
import type { ListingState, RecordSource, SyncRecord, SyncState, SyncWarning } from './state.js';

/** Sequential list pages that may fail in a row before the listing gives up (a resume tries again). */
export const MAX_FAILED_PAGES_IN_A_ROW = 3;

/**
 * The result of {@link syncFeed}.
 *
 * @example
 * ```ts
 * const { activities, report, state } = await syncFeed('https://example.org/api');
 * writeFileSync('catalogue.json', JSON.stringify(activities));
 * writeFileSync('state.json', JSON.stringify(state)); // the next run's `previous`
 * ```
 */
export interface SyncResult {
  /** The catalogue: `fromOpenReferral`'s activities, ready for `createMatcher`. */
  readonly activities: OpenReferralImport['activities'];
  /** What was fetched, imported, skipped, rejected, failed, duplicated and removed, with reasons. */
  readonly report: SyncReport;
  /** The state at the end: `previous` of the next incremental sync, or `resume` when unfinished. */
  readonly state: SyncState;
  /** `fromOpenReferral`'s own result, as it returned it. */
  readonly import: OpenReferralImport;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type WorkRecord = Mutable<SyncRecord>;
interface WorkListing extends Omit<Mutable<ListingState>, 'todo' | 'done' | 'failed'> {
  todo: number[];
  done: number[];
  failed: number[];
}

const optionError = (path: string, message: string) => new ActivityMatchError('INVALID_OPTIONS', [{ path, message }]);

function compareRecords(a: SyncRecord, b: SyncRecord): number {
  return a.page - b.page || a.position - b.position || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

function copyRecord(record: SyncRecord): WorkRecord {
  return { ...record };
}

/** `fromOpenReferral`'s options, checked before anything is fetched (its paths moved under `options.import`). */
function importOptions(root: string, given: Omit<OpenReferralImportOptions, 'strict'>): OpenReferralImportOptions {
  const url = new URL(root);
  // The feed name goes into every activity's source: without the query, which may hold an API key.
  const options = { feed: `${url.origin}${url.pathname}`.replace(/\/$/, '').slice(0, 500), ...given, strict: false };
  try {
    fromOpenReferral([], options);
  } catch (error) {
    if (error instanceof ActivityMatchError) throw new ActivityMatchError('INVALID_OPTIONS', error.issues.map((i) => ({ ...i, path: i.path.replace(/^options\b/, 'options.import') })));
    throw error;
  }
  return options;
}

/**
 * Crawls an Open Referral feed and imports it: pages through `<base>/services` (UK v3
 * `?page=N&per_page=M` or UK v1, told apart by the first response), fetches
 * `<base>/services/{id}` for each service listed only as a summary (see `isSummary`), and
 * passes the raw records to `fromOpenReferral`.
 *
 * - Paging never trusts `total_pages`: it stops at an empty page or one marked last
 *   (`last_page` / `last`; a last page is followed by one more when `total_items` counts more
 *   services than were listed), at `maxPages`, or at a page repeating the one before.
 * - Requests run `concurrency` at a time, each with a time-out, retried on time-outs, network
 *   errors, 5xx, 408 and 429 with exponential backoff and jitter or as `Retry-After` asks.
 * - A service listed twice is kept once (the first read) and reported; a failed page, a body
 *   that is not JSON (truncated, an HTML error page) or not a page, and a failed detail are
 *   reported with the URL and reason, and the run goes on (a failed detail falls back to the summary).
 * - `onState` receives the state after each page; pass it back as `resume` to continue an
 *   interrupted run without fetching again what it has. Pass a finished sync's state as
 *   `previous` for an incremental sync: a summary's full record is fetched again only when its
 *   modification date is later than the previous sync's start or differs from the date then
 *   listed; unchanged ones are kept, and services no longer listed are reported as removed.
 *
 * Resolves even when every request fails (the report says so); rejects only for bad options.
 *
 * @throws {ActivityMatchError} `INVALID_OPTIONS` for a base that is not an http(s) URL, bad options, or a `resume`/`previous` state that is malformed or for another feed.
 * @example
 * ```ts
 * import { syncFeed, formatSyncReport } from 'activity-match/sync';
 * const { activities, report, state } = await syncFeed('https://example.org/api/v3', { concurrency: 4 });
 * report.imported;             // { services: 118, activities: 131 }
 * formatSyncReport(report)[0]; // 'synced https://example.org/api/v3 (UK v3): 3 pages, 120 services, …'
 * const next = await syncFeed('https://example.org/api/v3', { previous: state }); // later: only what changed
 * ```
 */
export async function syncFeed(base: string, options: SyncOptions = {}): Promise<SyncResult> {
  const opts = resolveOptions(options);
  const root = typeof base === 'string' ? normaliseBase(base) : undefined;
  if (root === undefined) throw optionError('base', 'expected the http or https address of the feed (the address before /services)');
  if (options.resume !== undefined && options.previous !== undefined) throw optionError('options', 'expected resume or previous, not both (a resumed run keeps its own previous sync)');
  const resume = options.resume === undefined ? undefined : parseSyncState(options.resume, 'options.resume');
  const previous = options.previous === undefined ? undefined : parseSyncState(options.previous, 'options.previous');
  for (const [name, state] of [['resume', resume], ['previous', previous]] as const) {
    if (state !== undefined && state.base !== root) throw optionError(`options.${name}.base`, 'expected the state of a sync of the same feed (this one is for another address)');
  }
  if (previous !== undefined && !previous.finished) throw optionError('options.previous.finished', 'expected the state of a finished sync (continue an unfinished one with resume)');
  const toImport = importOptions(root, opts.import);

  // Working state, from the resumed run or fresh.
  const startedAt = resume?.startedAt ?? opts.now().toISOString();
  const listing: WorkListing = resume
    ? { ...resume.listing, todo: [...resume.listing.todo], done: [...resume.listing.done], failed: [...resume.listing.failed] }
    : { perPage: opts.perPage, next: 1, todo: [], done: [], failed: [], nonEmpty: 0 };
  if (listing.stopped === 'failures') delete listing.stopped;
  const records = new Map<string, WorkRecord>((resume?.records ?? []).map((r) => [r.key, copyRecord(r)]));
  const duplicates = new Map<string, { id: string; pages: number[]; reason: string }>((resume?.duplicates ?? []).map((d) => [d.id, { ...d, pages: [...d.pages] }]));
  const listingWarnings: SyncWarning[] = [...(resume?.warnings ?? [])];
  const runWarnings: SyncWarning[] = [];
  const failures: SyncFailure[] = [];
  const stats = { pages: 0, details: 0, requests: 0, retries: 0 };
  const baselineState = previous ? { startedAt: previous.startedAt, records: previous.records } : resume?.previous;
  const baseline = baselineState ? new Map(baselineState.records.map((r) => [r.key, r])) : undefined;
  const sinceMs = baselineState ? Date.parse(baselineState.startedAt) : undefined;

  // A callback that throws stops the run like an abort; the error is thrown once requests in flight have settled.
  const halt: { error?: { thrown: unknown } } = {};
  const stopping = () => halt.error !== undefined || opts.signal?.aborted === true;
  const callback = (call: () => void) => {
    try {
      call();
    } catch (thrown) {
      halt.error ??= { thrown };
    }
  };
  const rethrow = () => {
    if (halt.error !== undefined) throw halt.error.thrown;
  };

  const http: HttpSettings = opts;
  const limiter = createLimiter(opts.concurrency);
  const request = async (url: string): Promise<JsonOutcome> => {
    const outcome = await getJson(url, http);
    stats.requests += outcome.attempts;
    stats.retries += outcome.attempts - 1;
    return outcome;
  };

  const ordered = () => [...records.values()].sort(compareRecords);
  const snapshot = (finished: boolean, removed?: readonly string[]): SyncState => ({
    version: 1,
    base: root,
    startedAt,
    finished,
    listing: { ...listing, todo: [...listing.todo], done: [...listing.done], failed: [...listing.failed] },
    records: ordered().map((r) => ({ ...r })),
    duplicates: [...duplicates.values()].map((d) => ({ ...d, pages: [...d.pages] })),
    warnings: [...listingWarnings],
    ...(!finished && baselineState ? { previous: baselineState } : {}),
    ...(removed === undefined ? {} : { removed }),
  });
  let pendingDetails = 0;
  const progress = () => {
    const { onProgress } = opts;
    if (onProgress === undefined) return;
    callback(() =>
      onProgress({
        pages: listing.done.length,
        ...(listing.totalPages === undefined ? {} : { totalPages: listing.totalPages }),
        services: records.size,
        details: stats.details,
        pendingDetails,
        failed: failures.length,
      }),
    );
  };
  const saveState = () => {
    const { onState } = opts;
    if (onState !== undefined) callback(() => onState(snapshot(false)));
  };

  // Full records.
  const detailTasks: Promise<void>[] = [];
  const fetchDetail = async (record: WorkRecord, id: string) => {
    const url = detailUrl(root, id);
    const outcome = await request(url);
    const problem = outcome.ok ? detailProblem(outcome.body, id) : outcome.reason;
    pendingDetails -= 1;
    if (outcome.ok && problem === undefined) {
      record.record = outcome.body;
      record.source = 'fetched';
      stats.details += 1;
    } else {
      record.source = 'failed';
      failures.push({ kind: 'detail', url, id, reason: problem ?? 'unknown', attempts: outcome.attempts, ...(outcome.ok || outcome.status === undefined ? {} : { status: outcome.status }) });
      runWarnings.push({ id, url, reason: 'imported from the list summary: its full record could not be fetched' });
    }
    progress();
  };
  const scheduleDetail = (record: WorkRecord) => {
    const { id } = record;
    if (id === undefined) return;
    pendingDetails += 1;
    detailTasks.push(
      limiter.run('detail', async () => {
        if (stopping()) {
          pendingDetails -= 1;
          return;
        }
        await fetchDetail(record, id);
      }),
    );
  };
  const needsDetail = (item: unknown) => (opts.details === 'always' ? serviceId(item) !== undefined : opts.details === 'auto' && isSummary(item));
  const unchanged = (modified: Modified | undefined, before: SyncRecord) => {
    if (modified === undefined || sinceMs === undefined) return false;
    if (before.source === 'pending' || before.source === 'failed') return false;
    if (before.modified !== undefined && Date.parse(before.modified) !== modified.ms) return false;
    return modified.ms <= sinceMs;
  };

  for (const record of records.values()) if (record.source === 'pending' || record.source === 'failed') scheduleDetail(record);

  // The listing.
  const addDuplicate = (id: string, first: number, again: number) => {
    const entry = duplicates.get(id) ?? { id, pages: [first], reason: '' };
    entry.pages.push(again);
    entry.reason = `listed ${entry.pages.length} times (pages ${entry.pages.join(', ')}): kept the record read first`;
    duplicates.set(id, entry);
  };
  const addItems = (items: readonly unknown[], page: number) => {
    items.forEach((item, position) => {
      const id = serviceId(item);
      const key = id ?? `#${page}:${position}`;
      const existing = records.get(key);
      if (existing !== undefined) {
        addDuplicate(key, existing.page, page);
        if (page < existing.page) Object.assign(existing, { page, position });
        return;
      }
      const modified = modifiedOf(item);
      const record: WorkRecord = { key, page, position, record: item, source: 'listed', ...(id === undefined ? {} : { id }), ...(modified === undefined ? {} : { modified: modified.iso }) };
      records.set(key, record);
      if (id === undefined || !needsDetail(item)) return;
      const before = baseline?.get(key);
      if (before !== undefined && unchanged(modified, before)) {
        record.record = before.record;
        record.source = 'kept';
      } else {
        record.source = 'pending';
        scheduleDetail(record);
      }
    });
  };
  /** Reads the numbering from the first page read; warns when a page is not the one asked for. */
  const checkNumbering = (read: ListPage, page: number, url: string, queue: number[]) => {
    if (listing.format === undefined) {
      listing.format = read.format;
      // Spring-style UK v1 feeds number `page` from 0: asked for page 1, they answer `number: 1`.
      listing.zeroBased = read.format === 'uk-v1' && read.reported === page;
      if (listing.zeroBased) {
        for (let p = 0; p < page; p += 1) if (!listing.done.includes(p) && !listing.failed.includes(p) && !queue.includes(p)) queue.push(p);
      }
    } else if (read.format !== listing.format) {
      listingWarnings.push({ url, reason: `a ${read.format === 'uk-v3' ? 'UK v3' : 'UK v1'} page in a ${listing.format === 'uk-v3' ? 'UK v3' : 'UK v1'} feed` });
    }
    const expected = read.format === 'uk-v3' || listing.zeroBased ? page : page - 1;
    if (read.reported !== undefined && read.reported !== expected) {
      listingWarnings.push({ url, reason: `asked for page ${page}, the feed answered ${read.format === 'uk-v3' ? 'page_number' : 'number'} ${read.reported} (expected ${expected})` });
    }
  };
  /**
   * A page asked for beyond what the feed claims: after a page marked last (see below), or past
   * total_pages on a feed that does not mark its last page. If it cannot be read (many feeds
   * answer 404 past their end), that is taken as the end of the list, with a warning.
   */
  let probe: number | undefined;
  /**
   * After a page read in sequence: the next page to ask for, or `null` at the end. A page marked
   * last is followed by one more only when total_items counts more entries than were listed and
   * no page failed (a failed page explains the difference).
   */
  const nextAfter = (read: ListPage, page: number, url: string, queue: readonly number[]): number | null => {
    if (read.items.length === 0 || read.empty === true) return null;
    if (read.last === false) return page + 1;
    if (read.last === undefined) {
      const last = read.totalPages === undefined ? undefined : listing.zeroBased ? read.totalPages - 1 : read.totalPages;
      if (last !== undefined && page >= last) probe = page + 1;
      return page + 1;
    }
    const total = read.totalItems;
    const entries = records.size + [...duplicates.values()].reduce((n, d) => n + d.pages.length - 1, 0);
    if (total !== undefined && total > entries && queue.length === 0 && listing.failed.length === 0) {
      listingWarnings.push({ url, reason: `page ${page} says it is the last, but the feed counts ${total} services and ${entries} are listed: asking for page ${page + 1} too` });
      probe = page + 1;
      return page + 1;
    }
    return null;
  };

  const queue = [...listing.failed, ...listing.todo];
  listing.failed = [];
  listing.todo = [];
  let failedInARow = 0;
  let previousKeys: string | undefined;
  while (!stopping()) {
    const fromQueue = queue.length > 0;
    const page = fromQueue ? (queue.shift() as number) : listing.next;
    if (page === null) break;
    if (!fromQueue && listing.done.length + listing.failed.length >= opts.maxPages) {
      listing.next = null;
      listing.stopped = 'max-pages';
      listingWarnings.push({ url: listUrl(root, page, listing.perPage), reason: `stopped after ${opts.maxPages} pages (maxPages): the feed may list more services` });
      break;
    }
    const url = listUrl(root, page, listing.perPage);
    const outcome = await limiter.run('page', () => request(url));
    const read = outcome.ok ? readListPage(outcome.body) : undefined;
    if (read === undefined || read.kind === 'bad') {
      const reason = outcome.ok ? (read?.kind === 'bad' ? read.reason : 'unknown') : outcome.reason;
      const status = outcome.ok ? undefined : outcome.status;
      if (!fromQueue && page === probe) {
        // A feed may well answer 404 past its end: the page before said it was the last.
        listingWarnings.push({ url, reason: `page ${page} could not be read (${reason}): taken as the end of the list` });
        listing.next = null;
        listing.stopped = 'end';
        saveState();
        progress();
        continue;
      }
      failures.push({ kind: 'page', url, reason, attempts: outcome.attempts, ...(status === undefined ? {} : { status }) });
      listing.failed.push(page);
      if (!fromQueue) {
        failedInARow += 1;
        listing.next = page + 1;
        // Go on past a failed page only while the feed's own page count says there are more.
        const last = listing.totalPages === undefined ? undefined : listing.zeroBased ? listing.totalPages - 1 : listing.totalPages;
        const more = last !== undefined && page < last;
        if (!more || failedInARow >= MAX_FAILED_PAGES_IN_A_ROW) {
          // A resume asks for this run of failed pages again in sequence, so their last_page and emptiness still count.
          const first = page - failedInARow + 1;
          listing.failed = listing.failed.filter((p) => p < first || p > page);
          listing.next = first;
          listing.stopped = 'failures';
          runWarnings.push({
            url,
            reason: more
              ? `stopped listing after ${failedInARow} pages in a row failed: resume with the state to try again and go on`
              : `stopped listing: page ${page} failed and the feed counts no pages after it; resume with the state to try again and go on`,
          });
          saveState();
          progress();
          break;
        }
      }
      saveState();
      progress();
      continue;
    }
    stats.pages += 1;
    listing.done.push(page);
    if (read.totalPages !== undefined) listing.totalPages = read.totalPages;
    if (read.totalItems !== undefined) listing.totalItems = read.totalItems;
    checkNumbering(read, page, url, queue);
    if (!fromQueue) {
      failedInARow = 0;
      const keys = read.items.map((item, i) => serviceId(item) ?? `#${i}`).join('\n');
      if (read.items.length > 0 && keys === previousKeys) {
        listing.next = null;
        listing.stopped = 'repeated';
        listingWarnings.push({ url, reason: `page ${page} lists the same services as the page before: the feed seems to ignore the page parameter, so the listing stopped` });
        saveState();
        progress();
        break;
      }
      previousKeys = keys;
    }
    addItems(read.items, page);
    if (read.items.length > 0) listing.nonEmpty += 1;
    if (!fromQueue) {
      listing.next = nextAfter(read, page, url, queue);
      if (listing.next === null) listing.stopped = 'end';
    }
    saveState();
    progress();
  }
  listing.todo.push(...queue);

  while (detailTasks.length > 0) await Promise.allSettled(detailTasks.splice(0));
  rethrow();

  // The end: removed services, totals the feed gave, the state, the import.
  const interrupted = opts.signal?.aborted === true;
  const listedAll = listing.stopped === 'end' && listing.failed.length === 0 && listing.todo.length === 0;
  let removed: string[] | undefined;
  let carried = 0;
  const endWarnings: SyncWarning[] = [];
  if (!interrupted && baseline !== undefined) {
    // A service listed without an id cannot be matched between syncs: it is neither kept nor removed.
    const gone = [...baseline.values()].filter((r) => r.id !== undefined && !records.has(r.key));
    if (listedAll) removed = gone.map((r) => r.key);
    else {
      for (const before of gone) {
        const full = before.source === 'listed' || before.source === 'fetched' || before.source === 'kept';
        records.set(before.key, { ...copyRecord(before), source: full ? 'kept' : 'failed' });
        carried += 1;
        endWarnings.push({ id: before.key, reason: 'not in this listing, which is incomplete: kept from the previous sync' });
      }
    }
  }
  if (listing.stopped === 'end') {
    const extra = [...duplicates.values()].reduce((n, d) => n + d.pages.length - 1, 0);
    const distinct = records.size - carried;
    const { totalItems, totalPages } = listing;
    const [itemsField, pagesField] = listing.format === 'uk-v1' ? ['totalElements', 'totalPages'] : ['total_items', 'total_pages'];
    if (totalItems !== undefined && totalItems !== distinct && totalItems !== distinct + extra) {
      endWarnings.push({ reason: `the feed counts ${totalItems} services (${itemsField}) but listed ${distinct}${extra > 0 ? ` in ${distinct + extra} entries` : ''}` });
    }
    if (totalPages !== undefined && totalPages !== listing.nonEmpty) endWarnings.push({ reason: `the feed said ${totalPages} pages (${pagesField}); ${listing.nonEmpty} held services` });
  }
  const finished = !interrupted;
  const state = snapshot(finished, finished ? removed : undefined);
  if (opts.onState !== undefined) {
    const { onState } = opts;
    callback(() => onState(state));
    rethrow();
  }

  const inOrder = ordered();
  const imported = fromOpenReferral(
    inOrder.map((r) => r.record),
    toImport,
  );
  const at = (index: number) => {
    const r = inOrder[index];
    return { ...(r?.id === undefined ? {} : { id: r.id }), ...(r === undefined ? {} : { page: r.page }) };
  };
  const problem = (p: OpenReferralImport['rejected'][number]): SyncImportProblem => ({
    ...at(p.index),
    ...(p.id === undefined ? {} : { id: p.id }),
    reason: p.issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; '),
    issues: p.issues,
  });
  const skipped: SyncSkipped[] = imported.skipped.map((s) => ({ ...at(s.index), ...(s.id === undefined ? {} : { id: s.id }), status: s.status, reason: s.reason }));
  const sources = new Map<RecordSource, number>();
  for (const r of inOrder) sources.set(r.source, (sources.get(r.source) ?? 0) + 1);
  const report: SyncReport = {
    base: root,
    ...(listing.format === undefined ? {} : { format: listing.format }),
    mode: baselineState ? 'incremental' : 'full',
    resumed: resume !== undefined,
    finished,
    complete: finished && listedAll && failures.length === 0 && (sources.get('pending') ?? 0) === 0 && (sources.get('failed') ?? 0) === 0,
    fetched: stats,
    services: records.size,
    pages: listing.done.length,
    kept: sources.get('kept') ?? 0,
    ...(baselineState ? { since: baselineState.startedAt } : {}),
    imported: { services: new Set(imported.activities.map((a) => a.source?.serviceId ?? a.id.split('@')[0])).size, activities: imported.activities.length },
    skipped,
    rejected: imported.rejected.map(problem),
    partlyMapped: imported.warnings.map(problem),
    failed: failures,
    duplicates: state.duplicates,
    removed: (removed ?? []).map((id) => ({ id, reason: 'in the previous sync, no longer listed' })),
    warnings: [...listingWarnings, ...endWarnings, ...runWarnings],
  };
  return { activities: imported.activities, report, state, import: imported };
}
