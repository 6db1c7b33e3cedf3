/**
 * Wall-clock times in an IANA zone ↔ instants, on the cached offsets of `offsets.ts` (which
 * reads them from `@date-fns/tz`): plain arithmetic once a zone's year is known.
 *
 * Clock changes follow RFC 5545 §3.3.5 (and Temporal's "compatible" disambiguation):
 * - a wall time in the skipped hour (01:30 on the last Sunday of March in London) is
 *   read with the offset from before the gap, i.e. moved forward by the gap: 02:30 BST;
 * - a wall time that happens twice (01:30 on the last Sunday of October) is the first
 *   of the two, i.e. 01:30 BST (00:30 UTC), not 01:30 GMT.
 *
 * @module
 */
import { zoneOffsetMinutes } from './offsets.js';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * The instant at which the wall clock in `timeZone` shows `minutes` after midnight on `day`
 * (a day number). `minutes` may be 1440 ("24:00", midnight at the end of the day).
 *
 * The wall time read as UTC, `L`, is converted with the offsets in force a day before and a
 * day after (real zones change offset at most once in two days): an offset is valid when the
 * instant it gives has that offset. Both valid and different: a repeated hour, take the earlier
 * instant. Neither valid: a skipped hour, use the offset from before the gap (moves forward).
 */
export function wallClockToInstant(day: number, minutes: number, timeZone: string): Date {
  return new Date(wallClockToMs(day, minutes, timeZone));
}

/** {@link wallClockToInstant} as epoch milliseconds, for loops that only compare instants (no `Date` made). */
export function wallClockToMs(day: number, minutes: number, timeZone: string): number {
  const wall = day * DAY_MS + minutes * MINUTE_MS;
  const before = zoneOffsetMinutes(timeZone, wall - DAY_MS);
  const after = zoneOffsetMinutes(timeZone, wall + DAY_MS);
  const tBefore = wall - before * MINUTE_MS;
  if (before === after) return tBefore;
  const tAfter = wall - after * MINUTE_MS;
  const beforeValid = zoneOffsetMinutes(timeZone, tBefore) === before;
  const afterValid = zoneOffsetMinutes(timeZone, tAfter) === after;
  if (beforeValid && afterValid) return Math.min(tBefore, tAfter);
  if (afterValid) return tAfter;
  return tBefore;
}

/** The local calendar day (day number) and minutes after local midnight of an instant in `timeZone`. */
export function localDayAndMinutes(instant: Date, timeZone: string): { day: number; minutes: number } {
  return localDayAndMinutesAt(instant.getTime(), timeZone);
}

/** {@link localDayAndMinutes} of an instant given in epoch milliseconds. */
export function localDayAndMinutesAt(ms: number, timeZone: string): { day: number; minutes: number } {
  const local = ms + zoneOffsetMinutes(timeZone, ms) * MINUTE_MS;
  const day = Math.floor(local / DAY_MS);
  return { day, minutes: Math.floor((local - day * DAY_MS) / MINUTE_MS) };
}

/** The local calendar day (day number) of an instant in `timeZone`. */
export function localDay(instant: Date, timeZone: string): number {
  return localDayAndMinutes(instant, timeZone).day;
}

