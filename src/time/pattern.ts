/**
 * What the scoring pass needs to know of a timetable, worked out once per activity: the weekly
 * windows it can fall in, the last day it runs, the last day a newcomer can join, and when its
 * information expires. Dated questions ("when is the next session?") go to `nextOccurrences`.
 *
 * @module
 */
import { DAYS } from '../schema/common.js';
import type { WeeklyWindow } from '../schema/common.js';
import { clockMinutes } from '../schema/clock.js';
import { dayFromIso, weekdayOfDay } from './dates.js';
import type { Programme } from '../schema/programme.js';
import type { Schedule } from '../schema/schedule.js';

/** A weekly window in minutes: day 0 = Monday, start and end in minutes after midnight. */
export interface MinuteWindow {
  readonly day: number;
  readonly start: number;
  readonly end: number;
}

const ALL_DAYS = [0, 1, 2, 3, 4, 5, 6] as const;

/**
 * The weekdays and times a schedule's sessions can fall on, ignoring which weeks: WEEKLY and
 * MONTHLY `byday` weekdays (ordinals dropped: "first Saturday" can be any Saturday), the weekday
 * of `dtstart` when there is no `byday`, every weekday for `bymonthday` alone (the 15th can be
 * any day), the weekday of a one-off's date, and each extra session's weekday.
 *
 * @example
 * ```ts
 * weeklyWindowsOf(ScheduleSchema.parse({ freq: 'MONTHLY', byday: '1SA', opensAt: '09:00', closesAt: '17:00' }));
 * // [{ day: 5, start: 540, end: 1020 }]
 * ```
 */
export function weeklyWindowsOf(schedule: Schedule): MinuteWindow[] {
  const windows: MinuteWindow[] = [];
  const start = schedule.opensAt === undefined ? undefined : clockMinutes(schedule.opensAt);
  const end = schedule.closesAt === undefined ? undefined : clockMinutes(schedule.closesAt, true);
  if (start !== undefined && end !== undefined && (schedule.freq !== undefined || schedule.dtstart !== undefined)) {
    let days: readonly number[];
    if (schedule.byday.length > 0) days = [...new Set(schedule.byday.map((b) => DAYS.indexOf(b.day)))];
    else if (schedule.freq === 'MONTHLY' && schedule.bymonthday.length > 0) days = ALL_DAYS;
    else days = schedule.dtstart === undefined ? [] : [weekdayOfDay(dayFromIso(schedule.dtstart))];
    for (const day of days) windows.push({ day, start, end });
  }
  for (const extra of schedule.extraSessions) {
    const s = clockMinutes(extra.opensAt);
    const e = clockMinutes(extra.closesAt, true);
    if (s !== undefined && e !== undefined) windows.push({ day: weekdayOfDay(dayFromIso(extra.date)), start: s, end: e });
  }
  return windows;
}

/** Weekly sessions `{ day, start, end }` as minute windows. */
export function minuteWindowsOf(sessions: readonly WeeklyWindow[]): MinuteWindow[] {
  return sessions.map((w) => ({ day: DAYS.indexOf(w.day), start: clockMinutes(w.start) ?? 0, end: clockMinutes(w.end, true) ?? 0 }));
}

/**
 * The last day (days since 1970-01-01) on which a schedule can have a session: `until`, the
 * date of a one-off, or the last extra session, whichever is latest; `Infinity` for a series
 * with no end or one bounded by `count` (counted lazily by `nextOccurrences`) and for a
 * description-only schedule ("by appointment").
 */
export function lastSessionDayOf(schedule: Schedule): number {
  let last = -Infinity;
  if (schedule.freq !== undefined) last = schedule.until === undefined ? Infinity : dayFromIso(schedule.until);
  else if (schedule.dtstart !== undefined) last = dayFromIso(schedule.dtstart);
  else if (schedule.extraSessions.length === 0) last = Infinity;
  for (const extra of schedule.extraSessions) last = Math.max(last, dayFromIso(extra.date));
  return last;
}

/**
 * The last day on which a newcomer can join a programme, consistent with `canJoin`: for a
 * fixed cohort starting on day `c` and taking newcomers up to week `J`, days up to `c + 7J − 1`;
 * the latest over all cohorts (the start and the listed intakes). `Infinity` for rolling
 * enrolment, a programme without dates, or no programme.
 *
 * @example
 * ```ts
 * lastJoinDayOf({ startDate: '2026-03-02', weeks: 10, rolling: false, latestJoinWeek: 2, intakes: [] }); // day of 2026-03-15
 * ```
 */
export function lastJoinDayOf(programme: Programme | undefined): number {
  if (programme === undefined || programme.rolling || programme.startDate === undefined) return Infinity;
  const joinDays = 7 * (programme.latestJoinWeek ?? 1) - 1;
  let last = dayFromIso(programme.startDate) + joinDays;
  for (const intake of programme.intakes) last = Math.max(last, dayFromIso(intake) + joinDays);
  return last;
}

/** The earliest `validTo` among the schedules (days since 1970-01-01), NaN when none has one. */
export function expiryDayOf(schedules: readonly Schedule[]): number {
  let day = NaN;
  for (const s of schedules) {
    if (s.validTo === undefined) continue;
    const d = dayFromIso(s.validTo);
    if (Number.isNaN(day) || d < day) day = d;
  }
  return day;
}
