/**
 * The next dated sessions of a set of schedules, and the "needs re-checking" flag.
 *
 * @module
 */
import { z } from 'zod';
import { ActivityMatchError } from '../errors.js';
import { InstantSchema, IsoDateSchema, TimeZoneSchema } from '../schema/common.js';
import { clockMinutes } from '../schema/clock.js';
import { dayFromIso, dayRanges, inDayRanges } from './dates.js';
import { parseOptions } from './time-arguments.js';
import { ruleDays } from './recurrence.js';
import { checkSchedules } from './check-schedules.js';
import { ScheduleSchema } from '../schema/schedule.js';
import type { Schedule } from '../schema/schedule.js';
import { localDay, wallClockToInstant } from './zoned.js';
import { guard } from '../guard.js';

/**
 * One dated session.
 *
 * @example
 * ```ts
 * // Tuesday 3 March 2026, 10:00–12:00 in London (GMT):
 * const o: Occurrence = { start: new Date('2026-03-03T10:00:00Z'), end: new Date('2026-03-03T12:00:00Z'), timeZone: 'Europe/London', scheduleIndex: 0, extra: false };
 * ```
 */
export interface Occurrence {
  /** When it starts (an instant; its wall-clock time is local to `timeZone`). */
  start: Date;
  /** When it ends. */
  end: Date;
  /** The IANA zone the schedule's times were read in. */
  timeZone: string;
  /** Index of the schedule it came from in the list given to {@link nextOccurrences}. */
  scheduleIndex: number;
  /** True for one of the schedule's `extraSessions`, false for the regular rule. */
  extra: boolean;
}

/** Options of {@link nextOccurrences}. */
export interface OccurrenceOptions {
  /** The moment to search from; sessions starting before it (including ones in progress) are not returned. */
  at: Date;
  /** IANA zone of the schedules' wall-clock times. Default "Europe/London". */
  timeZone?: string | undefined;
  /** How many occurrences to return at most, 1 to 1000. Default 3. */
  limit?: number | undefined;
  /** How many days after `at` to search, 1 to 3660. Default 730 (two years). */
  horizonDays?: number | undefined;
}

const OptionsSchema = z.strictObject({
  at: InstantSchema,
  timeZone: TimeZoneSchema.default('Europe/London'),
  limit: z.number({ error: 'expected a whole number from 1 to 1000' }).int({ error: 'expected a whole number from 1 to 1000' }).min(1, { error: 'expected a whole number from 1 to 1000' }).max(1000, { error: 'expected a whole number from 1 to 1000' }).default(3),
  horizonDays: z.number({ error: 'expected a whole number of days from 1 to 3660' }).int({ error: 'expected a whole number of days from 1 to 3660' }).min(1, { error: 'expected a whole number of days from 1 to 3660' }).max(3660, { error: 'expected a whole number of days from 1 to 3660' }).default(730),
}, { error: 'expected options { at, timeZone?, limit?, horizonDays? }' });

/**
 * The next `limit` sessions of `schedules` starting at or after `at`, sorted by start, then
 * schedule index, then end.
 *
 * Decisions:
 * - A session already in progress at `at` is **not** returned (you cannot join a class
 *   halfway through); one starting exactly at `at` is.
 * - Times are wall-clock in `timeZone`. A start in the skipped spring-forward hour moves
 *   forward by the gap (01:30 on 29 March 2026 in London is 02:30 BST); a time that happens
 *   twice in autumn is the first (BST) one — RFC 5545 §3.3.5. Durations are wall-clock too.
 * - Regular sessions stay inside `dtstart`…`until`, `count` and on or after `validFrom`;
 *   `validTo` does not stop them (it means "re-check", see {@link isStale}).
 * - Extra sessions are explicit dates (RFC 5545 RDATE): included even outside the rule's
 *   bounds. Closures remove both regular and extra sessions.
 * - The search is bounded: at most `horizonDays` after `at` and a fixed number of weeks or
 *   months per schedule, so it always ends, even for rules that never match.
 *
 * Schedules are checked again (validated schedules, or schedule input, pass): anything else
 * throws `ActivityMatchError` with code `INVALID_ACTIVITY` and the path (`schedules[0].opensAt`);
 * options are checked and bad ones throw `INVALID_OPTIONS` naming the field.
 *
 * @example
 * ```ts
 * const schedules = [ScheduleSchema.parse({ freq: 'WEEKLY', byday: 'TU', opensAt: '10:00', closesAt: '12:00' })];
 * const [next] = nextOccurrences(schedules, { at: new Date('2026-03-02T09:00:00Z') });
 * next?.start.toISOString(); // '2026-03-03T10:00:00.000Z' (10:00 GMT)
 * ```
 */
export function nextOccurrences(schedules: readonly Schedule[], options: OccurrenceOptions): Occurrence[] {
  return guard([{ code: 'INVALID_ACTIVITY', path: 'schedules', value: schedules, fields: [ScheduleSchema] }, { code: 'INVALID_OPTIONS', path: '', value: options, fields: [OptionsSchema] }], () => nextOccurrencesUnguarded(schedules, options));
}

function nextOccurrencesUnguarded(schedules: readonly Schedule[], options: OccurrenceOptions): Occurrence[] {
  const { at, timeZone, limit, horizonDays } = parseOptions(OptionsSchema, options);
  return occurrencesFrom(checkSchedules(schedules), at, timeZone, limit, horizonDays);
}

/**
 * {@link nextOccurrences} for callers that have already validated their arguments (the matcher:
 * `at` by its options schema, the zone by the activity schema): the same search, no checks.
 */
export function occurrencesFrom(schedules: readonly Schedule[], at: Date, timeZone: string, limit: number, horizonDays = 730): Occurrence[] {
  const today = localDay(at, timeZone);
  // The day before too: a late start pushed past midnight by a gap could land on today.
  const fromDay = today - 1;
  const toDay = today + horizonDays;
  const found: Occurrence[] = [];
  schedules.forEach((schedule, scheduleIndex) => {
    const closed = dayRanges(schedule.closures);
    const make = (day: number, opens: number, closes: number, extra: boolean): Occurrence => {
      const start = wallClockToInstant(day, opens, timeZone);
      let end = wallClockToInstant(day, closes, timeZone);
      // A start in the skipped spring hour moves forward by the gap; an end that would then come
      // first keeps the session's wall-clock length instead (01:30–02:00 becomes 02:30–03:00 BST).
      if (end.getTime() <= start.getTime()) end = new Date(start.getTime() + (closes - opens) * 60_000);
      return { start, end, timeZone, scheduleIndex, extra };
    };
    if (schedule.opensAt !== undefined && schedule.closesAt !== undefined) {
      // Parsed once per schedule, not once per occurrence.
      const opens = clockMinutes(schedule.opensAt) ?? 0;
      const closes = clockMinutes(schedule.closesAt, true) ?? 0;
      const validFrom = schedule.validFrom === undefined ? fromDay : dayFromIso(schedule.validFrom);
      let taken = 0;
      for (const day of ruleDays(schedule, Math.max(fromDay, validFrom), toDay)) {
        if (inDayRanges(day, closed)) continue;
        const occurrence = make(day, opens, closes, false);
        if (occurrence.start < at) continue;
        found.push(occurrence);
        if (++taken >= limit) break;
      }
    }
    for (const session of schedule.extraSessions) {
      const day = dayFromIso(session.date);
      if (day < fromDay || day > toDay || inDayRanges(day, closed)) continue;
      const occurrence = make(day, clockMinutes(session.opensAt) ?? 0, clockMinutes(session.closesAt, true) ?? 0, true);
      if (occurrence.start >= at) found.push(occurrence);
    }
  });
  found.sort((a, b) => a.start.getTime() - b.start.getTime() || a.scheduleIndex - b.scheduleIndex || a.end.getTime() - b.end.getTime() || Number(a.extra) - Number(b.extra));
  const unique = found.filter((o, i) => {
    const prev = found[i - 1];
    return !prev || prev.scheduleIndex !== o.scheduleIndex || prev.start.getTime() !== o.start.getTime() || prev.end.getTime() !== o.end.getTime();
  });
  return unique.slice(0, limit);
}

const StaleSchema = z.strictObject({ validTo: IsoDateSchema.optional(), at: InstantSchema, timeZone: TimeZoneSchema });

/**
 * Whether schedule information is past its `validTo` date ("valid until, re-check after")
 * on the local date of `at`: true only when `validTo` is set and `at` falls after that day.
 * A stale schedule still yields occurrences; flag it for the link worker to re-check.
 *
 * @example
 * ```ts
 * isStale({ validTo: '2020-12-20' }, new Date('2026-03-01T12:00:00Z')); // true
 * isStale('2026-12-31', new Date('2026-03-01T12:00:00Z'));             // false
 * isStale(undefined, new Date());                                      // false (no expiry recorded)
 * ```
 */
export function isStale(validTo: string | { readonly validTo?: string | undefined } | undefined, at: Date, timeZone = 'Europe/London'): boolean {
  return guard([{ code: 'INVALID_OPTIONS', path: 'validTo', value: validTo }, { code: 'INVALID_OPTIONS', path: 'at', value: at }], () => isStaleUnguarded(validTo, at, timeZone));
}

function isStaleUnguarded(validTo: string | { readonly validTo?: string | undefined } | undefined, at: Date, timeZone = 'Europe/London'): boolean {
  if (validTo !== undefined && typeof validTo !== 'string' && (typeof validTo !== 'object' || validTo === null)) {
    throw new ActivityMatchError('INVALID_OPTIONS', [{ path: 'validTo', message: 'expected a date YYYY-MM-DD, a schedule or undefined' }]);
  }
  const date = typeof validTo === 'string' ? validTo : validTo?.validTo;
  const checked = parseOptions(StaleSchema, { validTo: date, at, timeZone });
  return checked.validTo !== undefined && localDay(checked.at, checked.timeZone) > dayFromIso(checked.validTo);
}
