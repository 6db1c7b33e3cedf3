/**
 * A client's availability (weekly windows plus dates away) and how well a session fits it.
 *
 * All minute arithmetic is on the local wall clock of the session's zone: a window
 * "mon 09:00–12:00" means those hours on the clock whatever the season.
 *
 * @module
 */
import { z } from 'zod';
import { DAYS, InstantSchema, parseClock, TimeZoneSchema, WeeklyWindowSchema } from '../schema/common.js';
import type { WeeklyWindow } from '../schema/common.js';
import { DateRangeSchema } from '../schema/date-range.js';
import type { DateRange } from '../schema/date-range.js';
import { dayRanges, inDayRanges, weekdayOfDay } from './dates.js';
import type { Occurrence } from './occurrences.js';
import { checkTimeZone } from './time-arguments.js';
import { parseOrThrow } from '../validate.js';
import { localDayAndMinutes } from './zoned.js';

/**
 * When a client can attend: weekly windows in local time, and date ranges away
 * (holidays, hospital stays) on which they can attend nothing.
 *
 * @example
 * ```ts
 * const availability = AvailabilitySchema.parse({
 *   windows: [{ day: 'tue', start: '09:00', end: '12:00' }],
 *   datesAway: [{ from: '2026-08-01', to: '2026-08-14' }, '2026-09-01'],
 * });
 * ```
 */
export const AvailabilitySchema = z.strictObject(
  {
    windows: z.array(WeeklyWindowSchema, { error: 'expected a list of weekly windows {day, start, end}' }).max(200, { error: 'expected at most 200 windows' }).default([]),
    datesAway: z.array(DateRangeSchema, { error: 'expected a list of dates or {from, to} ranges' }).max(500, { error: 'expected at most 500 dates away' }).default([]),
  },
  { error: 'expected availability {windows, datesAway}' },
);
/** Validated availability. */
export type Availability = z.output<typeof AvailabilitySchema>;

/** A span of minutes after midnight, end exclusive. */
export interface MinuteRange {
  readonly startMin: number;
  readonly endMin: number;
}

/**
 * Minutes two spans share; symmetric, never negative, at most either span's length.
 *
 * @example
 * ```ts
 * overlapMinutes({ startMin: 540, endMin: 660 }, { startMin: 600, endMin: 720 }); // 60
 * ```
 */
export function overlapMinutes(a: MinuteRange, b: MinuteRange): number {
  return Math.max(0, Math.min(a.endMin, b.endMin) - Math.max(a.startMin, b.startMin));
}

/** How much of a session falls inside a client's availability. */
export interface SessionFit {
  /** Minutes of the session inside the client's windows (overlapping windows count once). */
  overlapMinutes: number;
  /** Length of the session in wall-clock minutes. */
  sessionMinutes: number;
  /** `overlapMinutes / sessionMinutes`, 0 to 1. */
  fraction: number;
  /** True when the session's date is in `datesAway` (then the overlap is 0). */
  away: boolean;
}

/**
 * How well a session fits: a dated {@link Occurrence} (read on the wall clock of `timeZone`,
 * by default the occurrence's own zone, and checked against `datesAway`) or a weekly window (no date, so `datesAway` does not apply).
 * A 2-hour class with 1 free hour has fraction 0.5.
 *
 * Every argument is checked: the session (`INVALID_ACTIVITY`, paths `session.start`, …: an
 * occurrence needs valid `start` and `end` dates, end not before start, and a known zone), the
 * availability (`INVALID_CLIENT`, paths `availability.windows[0].end`, …) and the zone
 * (`INVALID_OPTIONS`), each an `ActivityMatchError`.
 *
 * @example
 * ```ts
 * const availability = { windows: [{ day: 'tue', start: '10:00', end: '11:00' }] } as const;
 * sessionFit({ day: 'tue', start: '10:00', end: '12:00' }, availability);
 * // { overlapMinutes: 60, sessionMinutes: 120, fraction: 0.5, away: false }
 * ```
 */
export function sessionFit(
  session: Occurrence | WeeklyWindow,
  availability: { readonly windows: readonly WeeklyWindow[]; readonly datesAway?: readonly DateRange[] | undefined },
  timeZone?: string,
): SessionFit {
  availability = parseOrThrow(AvailabilitySchema, availability, 'INVALID_CLIENT', 'availability');
  session = isOccurrence(session) ? parseOrThrow(OccurrenceSchema, session, 'INVALID_ACTIVITY', 'session') : parseOrThrow(WeeklyWindowSchema, session, 'INVALID_ACTIVITY', 'session');
  const byDay = windowsByDay(availability.windows);
  if (!isOccurrence(session)) {
    const window = session;
    const span = { startMin: parseClock(window.start) ?? 0, endMin: parseClock(window.end) ?? 0 };
    const total = Math.max(0, span.endMin - span.startMin);
    return fit(overlapWithUnion(span, byDay[DAYS.indexOf(window.day)] ?? []), total, false);
  }
  const zone = timeZone ?? session.timeZone;
  checkTimeZone(zone);
  const start = localDayAndMinutes(session.start, zone);
  const end = localDayAndMinutes(session.end, zone);
  const total = Math.max(0, (end.day - start.day) * 1440 + end.minutes - start.minutes);
  if (inDayRanges(start.day, dayRanges(availability.datesAway ?? []))) return fit(0, total, true);
  let overlap = 0;
  for (let day = start.day; day <= end.day; day++) {
    const span = { startMin: day === start.day ? start.minutes : 0, endMin: day === end.day ? end.minutes : 1440 };
    overlap += overlapWithUnion(span, byDay[weekdayOfDay(day)] ?? []);
  }
  return fit(overlap, total, false);
}

function isOccurrence(session: Occurrence | WeeklyWindow): session is Occurrence {
  return typeof session === 'object' && session !== null && session.start instanceof Date;
}

/** A dated session as {@link sessionFit} takes it (an {@link Occurrence}; other fields are kept). */
const OccurrenceSchema = z
  .looseObject({ start: InstantSchema, end: InstantSchema, timeZone: TimeZoneSchema }, { error: 'expected a session: an occurrence {start, end, timeZone} or a weekly window {day, start, end}' })
  .refine((o) => o.end.getTime() >= o.start.getTime(), { error: 'expected end not before start', path: ['end'] })
  .transform((o) => o as unknown as Occurrence);

function fit(overlap: number, total: number, away: boolean): SessionFit {
  return { overlapMinutes: overlap, sessionMinutes: total, fraction: total > 0 ? Math.min(1, overlap / total) : 0, away };
}

/**
 * Exact minutes two sets of weekly windows share, day by day (overlaps within a set count once).
 * The slow, exact counterpart of `maskOverlapMinutes`.
 *
 * @example
 * ```ts
 * weeklyOverlapMinutes([{ day: 'mon', start: '09:00', end: '12:00' }], [{ day: 'mon', start: '11:00', end: '13:00' }]); // 60
 * ```
 */
export function weeklyOverlapMinutes(a: readonly WeeklyWindow[], b: readonly WeeklyWindow[]): number {
  const aByDay = windowsByDay(a);
  const bByDay = windowsByDay(b);
  let total = 0;
  for (let d = 0; d < 7; d++) for (const span of aByDay[d] ?? []) total += overlapWithUnion(span, bByDay[d] ?? []);
  return total;
}

/** Windows per weekday (Monday 0), each day's spans merged into disjoint sorted spans. */
export function windowsByDay(windows: readonly WeeklyWindow[]): MinuteRange[][] {
  const days: MinuteRange[][] = DAYS.map(() => []);
  for (const w of windows) days[DAYS.indexOf(w.day)]?.push({ startMin: parseClock(w.start) ?? 0, endMin: parseClock(w.end) ?? 0 });
  return days.map(mergeSpans);
}

function mergeSpans(spans: MinuteRange[]): MinuteRange[] {
  const sorted = spans.filter((s) => s.endMin > s.startMin).sort((x, y) => x.startMin - y.startMin);
  const merged: MinuteRange[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.startMin <= last.endMin) merged[merged.length - 1] = { startMin: last.startMin, endMin: Math.max(last.endMin, s.endMin) };
    else merged.push(s);
  }
  return merged;
}

function overlapWithUnion(span: MinuteRange, disjoint: readonly MinuteRange[]): number {
  return disjoint.reduce((sum, w) => sum + overlapMinutes(span, w), 0);
}
