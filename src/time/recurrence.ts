/**
 * Expands a schedule's recurrence rule into calendar days (day numbers), in order.
 *
 * The walk goes period by period (a week or a month, skipping whole `interval` steps), never
 * day by day, and every walk is bounded twice: by the last day asked for and by
 * {@link MAX_PERIODS}, so a rule that can never match (a 5th Monday of February every 12
 * months, the 31st of every other month from April) ends instead of hanging.
 *
 * @module
 */
import { DAYS } from '../schema/common.js';
import { dayFromIso, dayFromYmd, daysInMonth, mod, weekdayOfDay, ymdFromDay } from './dates.js';
import type { Schedule } from '../schema/schedule.js';

/** Most weeks or months walked for one schedule in one call (about 380 years of weeks). */
export const MAX_PERIODS = 20_000;

/**
 * Days on which the rule of `schedule` occurs, from `fromDay` to `toDay` inclusive, ascending.
 * Honours `dtstart`, `until`, `count` (counted from `dtstart` even before `fromDay`) and
 * `interval`; ignores closures, extra sessions and `validFrom` (the caller applies them).
 */
export function* ruleDays(schedule: Schedule, fromDay: number, toDay: number): Generator<number, void, undefined> {
  const dtstart = schedule.dtstart === undefined ? undefined : dayFromIso(schedule.dtstart);
  const last = Math.min(toDay, schedule.until === undefined ? Infinity : dayFromIso(schedule.until));
  if (schedule.freq === undefined) {
    if (dtstart !== undefined && dtstart >= fromDay && dtstart <= last) yield dtstart;
    return;
  }
  const counting = schedule.count !== undefined && dtstart !== undefined;
  // With count every occurrence from dtstart must be counted; otherwise start where asked.
  const first = counting ? (dtstart as number) : Math.max(fromDay, dtstart ?? fromDay);
  if (first > last) return;
  const periods = schedule.freq === 'WEEKLY' ? weeklyPeriods(schedule, first, dtstart) : monthlyPeriods(schedule, first, dtstart);
  let counted = 0;
  let walked = 0;
  for (const [periodStart, days] of periods) {
    if (periodStart > last || ++walked > MAX_PERIODS) return;
    for (const day of days) {
      if (day < first) continue;
      if (day > last) return;
      counted++;
      if (day >= fromDay) yield day;
      if (counting && counted >= (schedule.count as number)) return;
    }
  }
}

type Period = readonly [periodStart: number, days: readonly number[]];

function* weeklyPeriods(s: Schedule, first: number, dtstart: number | undefined): Generator<Period, void, undefined> {
  const weekStartDay = DAYS.indexOf(s.wkst);
  const weekStart = (day: number) => day - mod(weekdayOfDay(day) - weekStartDay, 7);
  const weekdays = s.byday.length > 0 ? s.byday.map((b) => DAYS.indexOf(b.day)) : [weekdayOfDay(dtstart as number)];
  const offsets = [...new Set(weekdays.map((w) => mod(w - weekStartDay, 7)))].sort((a, b) => a - b);
  const step = 7 * s.interval;
  const anchor = weekStart(dtstart ?? first);
  let week = anchor + Math.ceil((weekStart(first) - anchor) / step) * step;
  for (;;) {
    yield [week, offsets.map((o) => week + o)];
    week += step;
  }
}

function* monthlyPeriods(s: Schedule, first: number, dtstart: number | undefined): Generator<Period, void, undefined> {
  const monthIndex = (day: number) => {
    const { year, month } = ymdFromDay(day);
    return year * 12 + month - 1;
  };
  const anchor = monthIndex(dtstart ?? first);
  const dtstartDom = dtstart === undefined ? undefined : ymdFromDay(dtstart).day;
  let index = anchor + Math.ceil((monthIndex(first) - anchor) / s.interval) * s.interval;
  for (;;) {
    const year = Math.floor(index / 12);
    const month = mod(index, 12) + 1;
    yield [dayFromYmd(year, month, 1), monthDays(s, year, month, dtstartDom)];
    index += s.interval;
  }
}

/** The days of one month that match `byday` and/or `bymonthday` (or dtstart's day of month), ascending. */
function monthDays(s: Schedule, year: number, month: number, dtstartDom: number | undefined): number[] {
  const firstDay = dayFromYmd(year, month, 1);
  const length = daysInMonth(year, month);
  let byDay: Set<number> | undefined;
  if (s.byday.length > 0) {
    byDay = new Set();
    for (const entry of s.byday) {
      const firstMatch = firstDay + mod(DAYS.indexOf(entry.day) - weekdayOfDay(firstDay), 7);
      const all: number[] = [];
      for (let d = firstMatch; d < firstDay + length; d += 7) all.push(d);
      if (entry.ordinal === undefined) all.forEach((d) => byDay?.add(d));
      else {
        const pick = entry.ordinal > 0 ? all[entry.ordinal - 1] : all[all.length + entry.ordinal];
        if (pick !== undefined) byDay.add(pick);
      }
    }
  }
  let byMonthDay: Set<number> | undefined;
  if (s.bymonthday.length > 0) {
    byMonthDay = new Set();
    for (const n of s.bymonthday) {
      const dom = n > 0 ? n : length + n + 1;
      if (dom >= 1 && dom <= length) byMonthDay.add(firstDay + dom - 1);
    }
  }
  let days: number[];
  if (byDay && byMonthDay) days = [...byDay].filter((d) => byMonthDay.has(d));
  else if (byDay) days = [...byDay];
  else if (byMonthDay) days = [...byMonthDay];
  else days = dtstartDom !== undefined && dtstartDom <= length ? [firstDay + dtstartDom - 1] : [];
  return days.sort((a, b) => a - b);
}
