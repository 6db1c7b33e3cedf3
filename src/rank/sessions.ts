import type { Columns } from '../catalogue/columns.js';
import type { Activity } from '../schema/activity.js';
import type { WeeklyWindow } from '../schema/common.js';
import { inDayRanges, weekdayOfDay, ymdFromDay } from '../time/dates.js';
import { occurrencesFrom } from '../time/occurrences.js';
import { canJoin } from '../time/joining.js';
import { minuteWindowsOf } from '../time/pattern.js';
import type { MinuteWindow } from '../time/pattern.js';
import { weeklySessionTimes } from '../time/weekly.js';
import { localDayAndMinutesAt } from '../time/zoned.js';
import type { ClientContext } from './client-context.js';
import { overlapWithDay } from './measure.js';

import type { Schedule } from '../schema/schedule.js';

/** A dated session, with its zone, a short label and whether the client can go. */
export interface SessionTime {
  readonly start: Date;
  readonly end: Date;
  /** IANA zone of the activity's wall-clock times. */
  readonly timeZone: string;
  /** Local day and time: "Wed 13:30" within the coming week, else "Sat 5 Dec 10:00". */
  readonly label: string;
  /** Inside the client's availability (at least the rules' minimum overlap) and not on a date away. */
  readonly fitsClient: boolean;
}

/** How many upcoming sessions each result carries. */
export const UPCOMING_SESSIONS = 3;
/** How far ahead to look for a session the client can attend. */
const SEARCH_OCCURRENCES = 12;
const WEEK_MS = 6.5 * 86_400_000;

/** A simple weekly session as the equivalent validated HSDS schedule. */
export function weeklySchedule(session: WeeklyWindow): Schedule {
  return {
    freq: 'WEEKLY',
    interval: 1,
    byday: [{ day: session.day }],
    bymonthday: [],
    wkst: 'mon',
    opensAt: session.start,
    closesAt: session.end,
    closures: [],
    extraSessions: [],
  };
}

/** Every timetable of an activity as schedules: its weekly sessions, then its HSDS schedules. */
export function schedulesOf(activity: Activity): Schedule[] {
  return [...activity.sessions.map(weeklySchedule), ...activity.schedules];
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** "Wed 13:30" within the coming week, else "Sat 5 Dec 10:00": a start at local `day` and `minutes`, seen from `atMs`. */
function label(startMs: number, day: number, minutes: number, atMs: number): string {
  const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  const weekday = WEEKDAYS[weekdayOfDay(day)] as string;
  if (startMs - atMs < WEEK_MS) return `${weekday} ${time}`;
  const { month, day: dom } = ymdFromDay(day);
  return `${weekday} ${dom} ${MONTHS[month - 1] as string} ${time}`;
}

/**
 * The weekly windows of the activity at position `p`, unpacked from the columns (`packWindow`:
 * day 3 bits | start 11 | end 11). For an activity without HSDS schedules they are
 * `minuteWindowsOf(activity.sessions)`, in order; reading them here spares the explanation a
 * walk through the session objects and their strings, scattered over the heap of a large catalogue.
 */
export function windowsAt(c: Columns, p: number): MinuteWindow[] {
  const windows: MinuteWindow[] = [];
  for (let k = c.windowStart[p] as number, end = c.windowStart[p + 1] as number; k < end; k++) {
    const packed = c.windows[k] as number;
    windows.push({ day: packed >>> 22, start: (packed >>> 11) & 0x7ff, end: packed & 0x7ff });
  }
  return windows;
}

/** An upcoming session as every client sees it: the instants, the label, and the local day and minutes its fit is read from. */
export interface Upcoming {
  readonly startMs: number;
  readonly endMs: number;
  readonly label: string;
  /** Local calendar day of the start (days since 1970-01-01) and minutes after local midnight. */
  readonly day: number;
  readonly minutes: number;
  /** Local end in minutes after the start's midnight, capped at 1440. */
  readonly endMinutes: number;
}

function upcomingOf(startMs: number, endMs: number, timeZone: string, atMs: number): Upcoming {
  const { day, minutes } = localDayAndMinutesAt(startMs, timeZone);
  const length = Math.round((endMs - startMs) / 60_000);
  return { startMs, endMs, label: label(startMs, day, minutes, atMs), day, minutes, endMinutes: Math.min(1440, minutes + length) };
}

/**
 * From when a newcomer can attend: `at`, or the next intake of a programme they cannot join
 * yet (a fixed cohort past its joining week, or one not started); undefined when they cannot
 * join at all (a finished course with no further intake). Same verdict as `canJoin`.
 *
 * @example
 * ```ts
 * // Healthy Lungs: cohort started 10 Nov 2026, newcomers up to week 2, next intake 12 Jan 2027
 * joinFrom(healthyLungs, new Date('2026-11-25T09:00:00Z')); // 2027-01-12T00:00:00.000Z
 * ```
 */
export function joinFrom(activity: Activity, at: Date): Date | undefined {
  if (activity.programme === undefined) return at;
  const join = canJoin(activity.programme, at, activity.timeZone);
  if (join.nextIntake !== undefined && join.nextIntake.getTime() > at.getTime()) return join.nextIntake;
  return join.canJoin ? at : undefined;
}

/**
 * The next `limit` sessions of an activity that a newcomer can attend, from `at` or the next
 * intake (see {@link joinFrom}): a timetable of plain weekly sessions takes the direct path
 * (`weeklySessionTimes`, equal to the engine by construction and by test), on `windows` when
 * given (the activity's sessions in minutes, as the compiled catalogue holds them); anything
 * with HSDS schedules goes through the engine. Labels are relative to `at`.
 */
function upcomingOfActivity(activity: Activity, at: Date, limit: number, windows: readonly MinuteWindow[] | undefined): Upcoming[] {
  const from = joinFrom(activity, at);
  if (from === undefined) return [];
  const atMs = at.getTime();
  const timeZone = activity.timeZone;
  const found: Upcoming[] = [];
  if (activity.schedules.length === 0) {
    const times = weeklySessionTimes(windows ?? minuteWindowsOf(activity.sessions), from, timeZone, limit);
    for (let k = 0; k < times.length; k += 3) found.push(upcomingOf(times[k] as number, times[k + 1] as number, timeZone, atMs));
  } else {
    for (const o of occurrencesFrom(schedulesOf(activity), from, timeZone, limit)) found.push(upcomingOf(o.start.getTime(), o.end.getTime(), timeZone, atMs));
  }
  return found;
}

/**
 * The upcoming sessions of one activity at one query time: what does not depend on the client,
 * worked out once and shared by every client of a query (see {@link timetableOf}). The first
 * {@link UPCOMING_SESSIONS} are found at once; the rest (up to 12 in all) only when a client can
 * attend none of those.
 */
export interface Timetable {
  readonly activity: Activity;
  readonly at: Date;
  readonly windows: readonly MinuteWindow[] | undefined;
  readonly first: readonly Upcoming[];
  /** Occurrences after the first few, up to the search limit; undefined until needed. */
  later: readonly Upcoming[] | undefined;
}

/**
 * The timetable of `activity` at `at` (nothing client-specific: share it across a caseload).
 * `windows`, when given, must be the activity's sessions in minutes (see {@link windowsAt}).
 */
export function timetableOf(activity: Activity, at: Date, windows?: readonly MinuteWindow[]): Timetable {
  return { activity, at, windows, first: upcomingOfActivity(activity, at, UPCOMING_SESSIONS, windows), later: undefined };
}

function laterOf(t: Timetable): readonly Upcoming[] {
  t.later ??= upcomingOfActivity(t.activity, t.at, SEARCH_OCCURRENCES, t.windows).slice(UPCOMING_SESSIONS);
  return t.later;
}

/**
 * Whether the client can attend a session: not on a date away, and at least `minOverlap` of it
 * inside their availability, measured by the same `overlapWithDay` as the schedule rule.
 */
function fitsClient(ctx: ClientContext, u: Upcoming, minOverlap: number): boolean {
  if (inDayRanges(u.day, ctx.datesAway)) return false;
  if (ctx.availability === undefined) return true;
  const { minutes, endMinutes } = u;
  return endMinutes > minutes && overlapWithDay(minutes, endMinutes, ctx.availability[weekdayOfDay(u.day)] ?? []) / (endMinutes - minutes) >= minOverlap;
}

/** A client's view of a session; fresh `Date`s, so results never share mutable objects. */
function sessionTime(u: Upcoming, timeZone: string, fits: boolean): SessionTime {
  return { start: new Date(u.startMs), end: new Date(u.endMs), timeZone, label: u.label, fitsClient: fits };
}

/**
 * The next sessions of an activity after `at` that a newcomer can attend (from the next intake
 * of a cohort whose joining has closed; in its zone, correct across clock changes), each
 * marked with whether the client can attend it (not on a date away, and at least `minOverlap`
 * of it inside their availability, measured by the same `overlapWithDay` as the schedule rule),
 * and the first one they can attend. Looks at the first {@link UPCOMING_SESSIONS} occurrences,
 * and further only when none of those fits. Pass the activity's {@link timetableOf} at `ctx.at`
 * to reuse it across clients.
 */
export function upcomingSessions(
  ctx: ClientContext,
  activity: Activity,
  minOverlap: number,
  timetable: Timetable = timetableOf(activity, ctx.at),
): { upcoming: SessionTime[]; next: SessionTime | undefined } {
  const timeZone = activity.timeZone;
  const upcoming: SessionTime[] = [];
  let next: SessionTime | undefined;
  for (const u of timetable.first) {
    const time = sessionTime(u, timeZone, fitsClient(ctx, u, minOverlap));
    upcoming.push(time);
    if (next === undefined && time.fitsClient) next = time;
  }
  if (next === undefined && upcoming.length === UPCOMING_SESSIONS) {
    const later = laterOf(timetable).find((u) => fitsClient(ctx, u, minOverlap));
    if (later !== undefined) next = sessionTime(later, timeZone, true);
  }
  return { upcoming, next: next ?? upcoming[0] };
}
