/**
 * Options of `syncFeed`, their defaults and their validation.
 *
 * @module
 */
import { z } from 'zod';
import { ActivityMatchError } from '../index.js';
import type { OpenReferralImportOptions } from '../index.js';
import { toIssues } from '../validate.js';
import type { FetchLike } from './http.js';
import type { SyncState } from './state.js';

/** Where a sync has got to, for a progress line. */
export interface SyncProgress {
  /** List pages read so far (with any resumed run's), and the feed's own page count when it gives one. */
  readonly pages: number;
  readonly totalPages?: number;
  /** Distinct services listed so far. */
  readonly services: number;
  /** Full records fetched, and still to fetch. */
  readonly details: number;
  readonly pendingDetails: number;
  /** Requests that failed for good so far. */
  readonly failed: number;
}

/**
 * Options of `syncFeed`. All optional.
 *
 * @example
 * ```ts
 * const options: SyncOptions = { concurrency: 4, timeoutMs: 30_000, retries: 3, onState: (state) => save(state) };
 * ```
 */
export interface SyncOptions {
  /** The HTTP client. Default: the platform's global `fetch`. */
  readonly fetch?: FetchLike;
  /** Waits between attempts. Default: a `setTimeout` promise. Tests pass one that returns at once. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** The clock: the state's `startedAt`, `Retry-After` dates. Default `() => new Date()`. */
  readonly now?: () => Date;
  /** Jitter source, a number in [0, 1). Default `Math.random`. */
  readonly random?: () => number;
  /** Requests in flight at once. Default 4 (1 to 64). */
  readonly concurrency?: number;
  /** Time allowed for one request, headers and body. Default 30,000 ms. */
  readonly timeoutMs?: number;
  /** Retries of a request after a time-out, a network error, HTTP 5xx, 408 or 429. Default 3. */
  readonly retries?: number;
  /** First backoff (doubled on each retry, jittered). Default 500 ms. */
  readonly backoffMs?: number;
  /** Longest backoff. Default 30,000 ms. */
  readonly maxBackoffMs?: number;
  /** Longest wait a `Retry-After` header can ask for. Default 120,000 ms. */
  readonly maxRetryAfterMs?: number;
  /** Page size asked for. Default 50. */
  readonly perPage?: number;
  /** Most list pages to read; the listing stops there with a warning. Default 2,000. */
  readonly maxPages?: number;
  /** Largest response body. Default 50 MB. */
  readonly maxBodyBytes?: number;
  /** Fetch full records: for summaries (`auto`, the default), for every listed service, or never. */
  readonly details?: 'auto' | 'always' | 'never';
  /** An unfinished sync's state, to continue it. */
  readonly resume?: SyncState;
  /** A finished sync's state: fetch again only what changed since, report what was removed. */
  readonly previous?: SyncState;
  /** Stops the run gracefully: no new request starts, requests in flight finish, the state resumes it. */
  readonly signal?: AbortSignal;
  /** Called after each list page and each full record, for a progress line. */
  readonly onProgress?: (progress: SyncProgress) => void;
  /** Called with the state after each list page and at the end, to save it. */
  readonly onState?: (state: SyncState) => void;
  /** Options for `fromOpenReferral` (`strict` excepted: a sync always reports). Default `feed`: the base URL. */
  readonly import?: Omit<OpenReferralImportOptions, 'strict'>;
}

/** {@link SyncOptions} with every default filled in. */
export interface ResolvedSyncOptions {
  readonly fetch: FetchLike;
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => Date;
  readonly random: () => number;
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly backoffMs: number;
  readonly maxBackoffMs: number;
  readonly maxRetryAfterMs: number;
  readonly perPage: number;
  readonly maxPages: number;
  readonly maxBodyBytes: number;
  readonly details: 'auto' | 'always' | 'never';
  readonly signal: AbortSignal | undefined;
  readonly onProgress: ((progress: SyncProgress) => void) | undefined;
  readonly onState: ((state: SyncState) => void) | undefined;
  readonly import: Omit<OpenReferralImportOptions, 'strict'>;
}

const whole = (min: number, max: number, unit = '') =>
  z
    .number({ error: `expected a whole number from ${min} to ${max}${unit}` })
    .int({ error: `expected a whole number from ${min} to ${max}${unit}` })
    .min(min, { error: `expected a whole number from ${min} to ${max}${unit}` })
    .max(max, { error: `expected a whole number from ${min} to ${max}${unit}` })
    .optional();
const fn = (what: string) => z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', { error: `expected ${what}` }).optional();
const object = (what: string) => z.custom<object>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), { error: `expected ${what}` }).optional();

const OptionsSchema = z.strictObject(
  {
    fetch: fn('a fetch function'),
    sleep: fn('a function (ms) => Promise'),
    now: fn('a function returning a Date'),
    random: fn('a function returning a number in [0, 1)'),
    concurrency: whole(1, 64),
    timeoutMs: whole(1, 3_600_000, ' ms'),
    retries: whole(0, 20),
    backoffMs: whole(0, 3_600_000, ' ms'),
    maxBackoffMs: whole(0, 3_600_000, ' ms'),
    maxRetryAfterMs: whole(0, 3_600_000, ' ms'),
    perPage: whole(1, 10_000),
    maxPages: whole(1, 1_000_000),
    maxBodyBytes: whole(1, 2 ** 31 - 1, ' bytes'),
    details: z.enum(['auto', 'always', 'never'], { error: "expected 'auto', 'always' or 'never'" }).optional(),
    resume: object('the state of an unfinished sync'),
    previous: object('the state of a finished sync'),
    signal: z.custom<AbortSignal>((v) => typeof v === 'object' && v !== null && typeof (v as { aborted?: unknown }).aborted === 'boolean', { error: 'expected an AbortSignal' }).optional(),
    onProgress: fn('a function'),
    onState: fn('a function'),
    import: object('options for fromOpenReferral'),
  },
  { error: 'expected an options object' },
);

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Checks the options (not `resume`, `previous` or `import`, which are checked on their own)
 * and fills in the defaults.
 *
 * @throws {ActivityMatchError} `INVALID_OPTIONS` with each issue's path (`options.concurrency: expected a whole number from 1 to 64`).
 * @example
 * ```ts
 * resolveOptions({ concurrency: 2 }).retries; // 3
 * ```
 */
export function resolveOptions(options: unknown): ResolvedSyncOptions {
  const parsed = OptionsSchema.safeParse(options);
  if (!parsed.success) throw new ActivityMatchError('INVALID_OPTIONS', toIssues('options', parsed.error, OptionsSchema, options));
  const o = options as SyncOptions;
  const platformFetch = (globalThis as { fetch?: FetchLike }).fetch;
  const fetch = o.fetch ?? platformFetch;
  if (fetch === undefined) throw new ActivityMatchError('INVALID_OPTIONS', [{ path: 'options.fetch', message: 'expected a fetch function: this platform has no global fetch' }]);
  return {
    fetch: o.fetch ?? ((url, init) => (platformFetch as FetchLike)(url, init)),
    sleep: o.sleep ?? defaultSleep,
    now: o.now ?? (() => new Date()),
    random: o.random ?? Math.random,
    concurrency: o.concurrency ?? 4,
    timeoutMs: o.timeoutMs ?? 30_000,
    retries: o.retries ?? 3,
    backoffMs: o.backoffMs ?? 500,
    maxBackoffMs: o.maxBackoffMs ?? 30_000,
    maxRetryAfterMs: o.maxRetryAfterMs ?? 120_000,
    perPage: o.perPage ?? 50,
    maxPages: o.maxPages ?? 2000,
    maxBodyBytes: o.maxBodyBytes ?? 50 * 1024 * 1024,
    details: o.details ?? 'auto',
    signal: o.signal,
    onProgress: o.onProgress,
    onState: o.onState,
    import: o.import ?? {},
  };
}
