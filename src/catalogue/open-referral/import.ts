/**
 * `fromOpenReferral`: an Open Referral UK / HSDS 3.0 document to activities.
 *
 * @module
 */
import { z } from 'zod';
import { ActivityMatchError } from '../../errors.js';
import { TimeZoneSchema } from '../../schema/common.js';
import { parseOrThrow } from '../../validate.js';
import type { RejectedRecord } from '../load.js';
import { dateOf, join } from './fields.js';
import { readFeed } from './page.js';
import type { FeedShape, PageInfo } from './page.js';
import type { ImportedActivity } from './schema.js';
import { mapService } from './service.js';
import type { SkippedService } from './service.js';

/**
 * Options of {@link fromOpenReferral}. All optional.
 *
 * @example
 * ```ts
 * const options: OpenReferralImportOptions = { feed: 'sheffield-page-1.json', at: '2026-01-15', staleAfterDays: 365 };
 * ```
 */
export interface OpenReferralImportOptions {
  /** Throw on the first rejected or partly mapped service instead of reporting it. Default false. */
  readonly strict?: boolean;
  /** A name for the document (e.g. its file name), kept in each activity's `source.feed`. */
  readonly feed?: string;
  /** IANA zone of the feed's opening times. Default `Europe/London`. */
  readonly timeZone?: string;
  /** Add English to every activity's languages (see `languages.ts`). Default true. */
  readonly assumeEnglish?: boolean;
  /** The import date, for stale-record warnings (a Date or ISO date). Without it, no staleness check. */
  readonly at?: Date | string;
  /** Days after which a last check is stale, with `at`. Default 365. */
  readonly staleAfterDays?: number;
}

/** A service (or one of its places) with problems, and every problem with its path. */
export type ImportProblem = RejectedRecord;

/**
 * The result of {@link fromOpenReferral}.
 *
 * @example
 * ```ts
 * const { activities, rejected, warnings, skipped, feed } = fromOpenReferral(page);
 * feed; // { shape: 'uk-v3-page', services: 10, page: { pageNumber: 1, totalPages: 2, totalItems: 11 } }
 * ```
 */
export interface OpenReferralImport {
  /** Activities in input form: each validates against the activity schema; write them to a catalogue file or pass them to `createMatcher`. */
  readonly activities: readonly ImportedActivity[];
  /** Services, or single places of a service, that gave no activity, with every reason. */
  readonly rejected: readonly ImportProblem[];
  /** Services that gave activities but with fields partly mapped, dropped or defaulted. */
  readonly warnings: readonly ImportProblem[];
  /** Services not imported because their status is inactive, defunct or temporarily closed. */
  readonly skipped: readonly SkippedService[];
  /** What the document was read as. */
  readonly feed: { readonly shape: FeedShape; readonly services: number; readonly page?: PageInfo };
}

const OptionsSchema = z.strictObject(
  {
    strict: z.boolean({ error: 'expected true or false' }).optional(),
    feed: z.string({ error: 'expected a feed name' }).min(1, { error: 'expected a feed name' }).max(500, { error: 'expected a feed name of at most 500 characters' }).optional(),
    timeZone: TimeZoneSchema.optional(),
    assumeEnglish: z.boolean({ error: 'expected true or false' }).optional(),
    at: z.union([z.date(), z.string()], { error: 'expected a Date or an ISO date' }).refine((v) => (v instanceof Date ? !Number.isNaN(v.getTime()) : dateOf(v) !== undefined), { error: 'expected a Date or an ISO date' }).optional(),
    staleAfterDays: z.number({ error: 'expected a whole number of days' }).int({ error: 'expected a whole number of days' }).min(1, { error: 'expected at least 1 day' }).max(36500, { error: 'expected at most 36500 days' }).optional(),
  },
  { error: 'expected an options object' },
);

function dayOf(at: Date | string): number {
  const date = at instanceof Date ? at.toISOString().slice(0, 10) : (dateOf(at) as string);
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

/**
 * Imports an Open Referral document: a UK v3 API page, a UK v1 API page, an array of HSDS 3.0
 * services, one nested service, or a service_at_location with its service. One activity per
 * usable service_at_location (ids `serviceId@locationId`), a remote one (`serviceId@online`
 * or `@home`) when the attending type offers video or phone as well, or one (`serviceId`)
 * for a service with no location that is online or at home.
 *
 * Lenient by default: a bad service never stops the import; each is reported in `rejected`
 * or `warnings` with JSON paths such as `contents[3].service_at_locations[1].location.latitude`,
 * and services that are not running are listed in `skipped`. Pure: never mutates `data`.
 *
 * @throws {ActivityMatchError} `INVALID_CATALOGUE` when the document has no recognisable shape, or
 *   (with `strict`) at the first service with a problem, listing its issues; `INVALID_OPTIONS` for bad options.
 * @example
 * ```ts
 * const { activities, rejected, warnings, skipped } = fromOpenReferral(page, { feed: 'sheffield-1.json', at: '2026-01-15' });
 * activities[0]?.id;       // 'shf-svc-0101@loc-heeley-park'
 * activities[0]?.inferred; // ['intensity', 'supported', 'conditions.designedFor', 'needs', 'accessibility.stepFree', …]
 * rejected[0];             // { index: 7, id: 'shf-svc-0808', issues: [{ path: 'contents[7].name', message: 'expected a service name' }, …] }
 * skipped[0];              // { index: 5, id: 'shf-svc-0606', status: 'defunct', path: 'contents[5].status' }
 * const matcher = createMatcher(activities);
 * ```
 */
export function fromOpenReferral(data: unknown, options: OpenReferralImportOptions = {}): OpenReferralImport {
  const opts = parseOrThrow(OptionsSchema, options, 'INVALID_OPTIONS', 'options');
  const feed = readFeed(data);
  const staleAfterDays = opts.staleAfterDays ?? 365;
  const serviceOptions = {
    feed: opts.feed,
    timeZone: opts.timeZone,
    assumeEnglish: opts.assumeEnglish ?? true,
    staleBeforeDay: opts.at === undefined ? undefined : dayOf(opts.at) - staleAfterDays,
    staleAfterDays,
  };
  const activities: ImportedActivity[] = [];
  const rejected: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const skipped: SkippedService[] = [];
  const seen = new Set<string>();
  for (const entry of feed.services) {
    const outcome = mapService(entry, serviceOptions);
    const problems: ImportProblem[] = [...outcome.rejected];
    for (const activity of outcome.activities) {
      if (seen.has(activity.id)) {
        problems.push({ index: entry.index, id: activity.id, issues: [{ path: join(entry.path, 'id') || 'id', message: 'expected a unique id: an earlier service in the document gives an activity with this id' }] });
        continue;
      }
      seen.add(activity.id);
      activities.push(activity);
    }
    const warning = outcome.warnings.length > 0 ? { index: entry.index, id: outcome.serviceId, issues: outcome.warnings } : undefined;
    if (opts.strict && (problems.length > 0 || warning !== undefined)) throw new ActivityMatchError('INVALID_CATALOGUE', (problems[0] ?? (warning as ImportProblem)).issues);
    rejected.push(...problems);
    if (warning !== undefined) warnings.push(warning);
    if (outcome.skipped !== undefined) skipped.push(outcome.skipped);
  }
  return { activities, rejected, warnings, skipped, feed: { shape: feed.shape, services: feed.services.length, ...(feed.page === undefined ? {} : { page: feed.page }) } };
}
