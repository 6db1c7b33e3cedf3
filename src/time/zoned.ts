/**
 * Wall-clock times in an IANA zone ↔ instants, via `TZDate` from `@date-fns/tz`.
 *
 * Clock changes follow RFC 5545 §3.3.5 (and Temporal's "compatible" disambiguation):
 * - a wall time in the skipped hour (01:30 on the last Sunday of March in London) is
 *   read with the offset from before the gap, i.e. moved forward by the gap: 02:30 BST;
 * - a wall time that happens twice (01:30 on the last Sunday of October) is the first
 *   of the two, i.e. 01:30 BST (00:30 UTC), not 01:30 GMT.
 *
 * @module
 */
import { TZDate, tzOffset } from '@date-fns/tz';
import { dayFromYmd, ymdFromDay } from './dates.js';

const MINUTE_MS = 60_000;
/** How far back to look for a fall-back transition (real ones are at most 2 hours). */
const LOOKBACK_MS = 6 * 60 * MINUTE_MS;

/**
 * The instant at which the wall clock in `timeZone` shows `minutes` after midnight on `day`
 * (a day number). `minutes` may be 1440 ("24:00", midnight at the end of the day).
 */
export function wallClockToInstant(day: number, minutes: number, timeZone: string): Date {
  const key = `${timeZone} ${day} ${minutes}`;
  let ms = memo.get(key);
  if (ms === undefined) {
    ms = resolve(day, minutes, timeZone);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, ms);
  }
  return new Date(ms);
}

/**
 * Building a TZDate from wall-clock fields costs about 20 µs; a catalogue repeats the same
 * few session times, so results are memoised (a pure function of its arguments), bounded.
 */
const memo = new Map<string, number>();
const MEMO_LIMIT = 50_000;

function resolve(day: number, minutes: number, timeZone: string): number {
  const { year, month, day: dom } = ymdFromDay(day);
  const hours = Math.floor(minutes / 60);
  const mins = minutes % 60;
  // TZDate normalises overflow (hour 24 is the next day) and moves skipped times forward.
  const later = new TZDate(year, month - 1, dom, hours, mins, timeZone);
  // In a repeated hour TZDate gives the later instant; RFC 5545 wants the earlier one.
  const before = tzOffset(timeZone, new Date(later.getTime() - LOOKBACK_MS));
  const after = tzOffset(timeZone, later);
  if (before > after) {
    const earlier = new TZDate(later.getTime() - (before - after) * MINUTE_MS, timeZone);
    if (sameWallClock(earlier, later)) return earlier.getTime();
  }
  return later.getTime();
}

function sameWallClock(a: TZDate, b: TZDate): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate() && a.getHours() === b.getHours() && a.getMinutes() === b.getMinutes();
}

/** The local calendar day (day number) and minutes after local midnight of an instant in `timeZone`. */
export function localDayAndMinutes(instant: Date, timeZone: string): { day: number; minutes: number } {
  const local = new TZDate(instant.getTime(), timeZone);
  return { day: dayFromYmd(local.getFullYear(), local.getMonth() + 1, local.getDate()), minutes: local.getHours() * 60 + local.getMinutes() };
}

/** The local calendar day (day number) of an instant in `timeZone`. */
export function localDay(instant: Date, timeZone: string): number {
  return localDayAndMinutes(instant, timeZone).day;
}
