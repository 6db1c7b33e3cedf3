/**
 * The crawler's state: everything fetched so far and what is left, as plain JSON, so a run can
 * be saved after each page, resumed after an interruption, or used as the baseline of an
 * incremental sync.
 *
 * @module
 */
import { z } from 'zod';
import { ActivityMatchError } from '../index.js';
import { toIssues } from '../validate.js';
import type { FeedFormat } from './feed.js';

/**
 * Where a service's record came from:
 * - `listed`: the list page gave the full record;
 * - `pending`: a summary whose full record is still to be fetched (the summary stands in);
 * - `fetched`: the full record, from `<base>/services/{id}`;
 * - `failed`: the full record could not be fetched, so the summary stands in (retried on resume);
 * - `kept`: unchanged since the previous sync, its full record taken from there (incremental).
 */
export type RecordSource = 'listed' | 'pending' | 'fetched' | 'failed' | 'kept';

/** One service of a sync. */
export interface SyncRecord {
  /** The service id, or `#<page>:<position>` for a listed item with no usable id. */
  readonly key: string;
  /** The service id (the listing's `id`, as text), when usable. */
  readonly id?: string;
  /** The page number (as asked for) and position where the service was first listed. */
  readonly page: number;
  readonly position: number;
  /** The record to import: the full one when fetched or kept, else the listed one. */
  readonly record: unknown;
  readonly source: RecordSource;
  /** The latest modification date the listing gave for it, as written, when any. */
  readonly modified?: string;
}

/** A service listed more than once. */
export interface SyncDuplicate {
  readonly id: string;
  /** The pages it was listed on (page numbers as asked for), in the order seen. */
  readonly pages: readonly number[];
  readonly reason: string;
}

/** Something the report should say that is not a failure. */
export interface SyncWarning {
  readonly reason: string;
  readonly url?: string;
  readonly id?: string;
}

/** Why the listing stopped asking for pages. */
export type ListingStop = 'end' | 'max-pages' | 'repeated' | 'failures';

/** Where the listing stands. */
export interface ListingState {
  /** The API shape, once a page has been read. */
  readonly format?: FeedFormat;
  /** Whether the feed numbers its `page` parameter from 0 (Spring style), found from the first page. */
  readonly zeroBased?: boolean;
  /** The page size asked for; a resumed run asks for the same, so pages keep their bounds. */
  readonly perPage: number;
  /** The next page to ask for in sequence, or `null` when the listing has stopped. */
  readonly next: number | null;
  /** Pages to ask for before going on in sequence (page 0 of a zero-based feed). */
  readonly todo: readonly number[];
  /** Pages read. */
  readonly done: readonly number[];
  /** Pages that failed with the listing going on past them (asked for again on resume, before going on in sequence). */
  readonly failed: readonly number[];
  /** Why the listing stopped, once it has. */
  readonly stopped?: ListingStop;
  /** Pages that held services. */
  readonly nonEmpty: number;
  /** The latest `total_pages` / `totalPages` and `total_items` / `totalElements` the feed gave. */
  readonly totalPages?: number;
  readonly totalItems?: number;
}

/**
 * The state of a sync, saved after each page (see `onState`) and returned with the result.
 * Pass an unfinished one as `resume` to continue it, a finished one as `previous` for an
 * incremental sync. Plain JSON: write it with `JSON.stringify`, read it with
 * {@link parseSyncState}.
 */
export interface SyncState {
  readonly version: 1;
  /** The feed's API root, as normalised. */
  readonly base: string;
  /** When this sync started (ISO), the baseline time of the next incremental sync. */
  readonly startedAt: string;
  /** False while running and after an interruption; true when the run got to the end. */
  readonly finished: boolean;
  readonly listing: ListingState;
  /** Every service so far, in listing order. */
  readonly records: readonly SyncRecord[];
  readonly duplicates: readonly SyncDuplicate[];
  /** Warnings about the listing, kept so a resumed run reports them too. */
  readonly warnings: readonly SyncWarning[];
  /** The previous sync's start and records, while an incremental sync is unfinished. */
  readonly previous?: { readonly startedAt: string; readonly records: readonly SyncRecord[] };
  /** Ids in the previous sync and no longer listed (incremental, once finished). */
  readonly removed?: readonly string[];
}

const text = (what: string) => z.string({ error: `expected ${what}` }).min(1, { error: `expected ${what}` });
const page = z.number({ error: 'expected a page number' }).int({ error: 'expected a page number' }).min(0, { error: 'expected a page number' });
const pages = z.array(page, { error: 'expected a list of page numbers' });
const isoDate = z.string({ error: 'expected an ISO date-time' }).refine((v) => /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v)), { error: 'expected an ISO date-time' });

const RecordSchema = z.strictObject(
  {
    key: text('a service key'),
    id: text('a service id').optional(),
    page,
    position: z.number({ error: 'expected a position' }).int({ error: 'expected a position' }).min(0, { error: 'expected a position' }),
    record: z.unknown(),
    source: z.enum(['listed', 'pending', 'fetched', 'failed', 'kept'], { error: "expected 'listed', 'pending', 'fetched', 'failed' or 'kept'" }),
    modified: z.string({ error: 'expected a date' }).optional(),
  },
  { error: 'expected a service record' },
);
const RecordsSchema = z.array(RecordSchema, { error: 'expected a list of service records' });

const SyncStateSchema = z.strictObject(
  {
    version: z.literal(1, { error: 'expected version 1 (a state written by this version of activity-match)' }),
    base: text('the feed address'),
    startedAt: isoDate,
    finished: z.boolean({ error: 'expected true or false' }),
    listing: z.strictObject(
      {
        format: z.enum(['uk-v3', 'uk-v1'], { error: "expected 'uk-v3' or 'uk-v1'" }).optional(),
        zeroBased: z.boolean({ error: 'expected true or false' }).optional(),
        perPage: z.number({ error: 'expected a page size' }).int({ error: 'expected a page size' }).min(1, { error: 'expected a page size' }),
        next: page.nullable(),
        todo: pages,
        done: pages,
        failed: pages,
        stopped: z.enum(['end', 'max-pages', 'repeated', 'failures'], { error: "expected 'end', 'max-pages', 'repeated' or 'failures'" }).optional(),
        nonEmpty: z.number({ error: 'expected a count' }).int({ error: 'expected a count' }).min(0, { error: 'expected a count' }),
        totalPages: z.number({ error: 'expected a count' }).int({ error: 'expected a count' }).min(0, { error: 'expected a count' }).optional(),
        totalItems: z.number({ error: 'expected a count' }).int({ error: 'expected a count' }).min(0, { error: 'expected a count' }).optional(),
      },
      { error: 'expected the listing state' },
    ),
    records: RecordsSchema,
    duplicates: z.array(z.strictObject({ id: text('a service id'), pages, reason: text('a reason') }, { error: 'expected a duplicate' }), { error: 'expected a list of duplicates' }),
    warnings: z.array(z.strictObject({ reason: text('a reason'), url: text('a URL').optional(), id: text('a service id').optional() }, { error: 'expected a warning' }), { error: 'expected a list of warnings' }),
    previous: z.strictObject({ startedAt: isoDate, records: RecordsSchema }, { error: 'expected the previous sync' }).optional(),
    removed: z.array(text('a service id'), { error: 'expected a list of service ids' }).optional(),
  },
  { error: 'expected a sync state object' },
);

/**
 * Checks a sync state read back from JSON (for example a state file) and returns it typed,
 * or throws with every problem's path. Records are checked for shape only: the importer
 * judges their contents.
 *
 * @throws {ActivityMatchError} `INVALID_OPTIONS`, each issue under `prefix` (e.g. `state.listing.next: expected a page number`).
 * @example
 * ```ts
 * const state = parseSyncState(JSON.parse(readFileSync('state.json', 'utf8')));
 * const result = await syncFeed(state.base, state.finished ? { previous: state } : { resume: state });
 * ```
 */
export function parseSyncState(value: unknown, prefix = 'state'): SyncState {
  const result = SyncStateSchema.safeParse(value);
  if (!result.success) throw new ActivityMatchError('INVALID_OPTIONS', toIssues(prefix, result.error, SyncStateSchema, value));
  return result.data as SyncState;
}
