/**
 * Calendar dates as whole day numbers, and date ranges (closures, dates away).
 *
 * A "day number" counts civil calendar days from 1970-01-01 (day 0). It is pure
 * calendar arithmetic with no time zone: turning a day plus a wall-clock time into
 * an instant is done in `zoned.ts` with `@date-fns/tz`.
 *
 * @module
 */
import type { DateRange } from '../schema/date-range.js';

const MS_PER_DAY = 86_400_000;

/** Non-negative remainder (JavaScript's `%` keeps the sign of the dividend). */
export function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}

/** The day number of a calendar date given as year, month 1–12 and day 1–31. */
export function dayFromYmd(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day); // setUTCFullYear, unlike Date.UTC, keeps years 0–99 as they are
  return Math.round(d.getTime() / MS_PER_DAY);
}

/** The day number of a "YYYY-MM-DD" date (the input must already be validated). */
export function dayFromIso(iso: string): number {
  // Character codes rather than slices: compiling a catalogue reads a million of these.
  const year = iso.charCodeAt(0) * 1000 + iso.charCodeAt(1) * 100 + iso.charCodeAt(2) * 10 + iso.charCodeAt(3) - 48 * 1111;
  return daysFromCivil(year, iso.charCodeAt(5) * 10 + iso.charCodeAt(6) - 48 * 11, iso.charCodeAt(8) * 10 + iso.charCodeAt(9) - 48 * 11);
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date with month 1–12 and day 1–31 (Howard
 * Hinnant's `days_from_civil`): integer arithmetic, no Date object. Equal to {@link dayFromYmd}
 * for every real date (a property test checks them against each other).
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Year, month 1–12 and day 1–31 of a day number. */
export function ymdFromDay(day: number): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** "YYYY-MM-DD" of a day number. */
export function isoFromDay(day: number): string {
  const { year, month, day: dom } = ymdFromDay(day);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dom).padStart(2, '0')}`;
}

/** Day of the week of a day number, Monday 0 … Sunday 6 (the order of `DAYS`). */
export function weekdayOfDay(day: number): number {
  return mod(day + 3, 7); // 1970-01-01 was a Thursday
}

/** Number of days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return dayFromYmd(year, month + 1, 1) - dayFromYmd(year, month, 1);
}

/** Day-number intervals of a list of date ranges, for fast membership tests. */
export function dayRanges(ranges: readonly DateRange[]): Array<readonly [number, number]> {
  return ranges.map((r) => [dayFromIso(r.from), dayFromIso(r.to)] as const);
}

/** Whether a day number falls in any of the intervals from {@link dayRanges}. */
export function inDayRanges(day: number, ranges: ReadonlyArray<readonly [number, number]>): boolean {
  return ranges.some(([from, to]) => day >= from && day <= to);
}
