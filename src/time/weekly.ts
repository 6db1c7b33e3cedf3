/**
 * The next dated sessions of a plain weekly timetable (an activity's `sessions`), without the
 * general recurrence engine: the direct path for the timetables most catalogues hold.
 *
 * @module
 */
import type { WeeklyWindow } from '../schema/common.js';
import { mod, weekdayOfDay } from './dates.js';
import type { Occurrence } from './occurrences.js';
import { minuteWindowsOf } from './pattern.js';
import type { MinuteWindow } from './pattern.js';
import { localDay, wallClockToMs } from './zoned.js';

const MINUTE_MS = 60_000;

/**
 * The next `limit` sessions of weekly windows starting at or after `at`, exactly as
 * `occurrencesFrom(sessions.map(weeklySchedule), at, timeZone, limit, horizonDays)` gives them
 * (session `i` is schedule `i`): the same instants, fields and order, computed straight from
 * the windows. See {@link weeklyMinuteOccurrences} for how.
 *
 * The arguments must be valid (the activity schema's windows, a known IANA zone, `limit` ≥ 1).
 *
 * @example
 * ```ts
 * // Tuesdays 10:00–12:00 in London, asked on Monday 2 March 2026:
 * const [next] = weeklyOccurrencesFrom([{ day: 'tue', start: '10:00', end: '12:00' }], new Date('2026-03-02T09:00:00Z'), 'Europe/London', 1);
 * next?.start.toISOString(); // '2026-03-03T10:00:00.000Z'
 * ```
 */
export function weeklyOccurrencesFrom(sessions: readonly WeeklyWindow[], at: Date, timeZone: string, limit: number, horizonDays = 730): Occurrence[] {
  return weeklyMinuteOccurrences(minuteWindowsOf(sessions), at, timeZone, limit, horizonDays);
}

/**
 * {@link weeklyOccurrencesFrom} on windows already in minutes (`minuteWindowsOf`, as the
 * compiled catalogue holds them; window `i` is schedule `i`).
 *
 * Each window is a stream of days on its weekday from the day before `at`'s local date (a
 * late start pushed past midnight by a gap can land on that date) to `horizonDays` after it.
 * A stream's starts strictly increase (a week of wall-clock time outweighs any offset change),
 * so merging the streams by (start, window index) gives the engine's sort (start, schedule
 * index, end); and no two sessions share a window and a start, so its de-duplication removes
 * nothing. Clock changes go through the engine's own `wallClockToMs`: a start in a skipped hour
 * moves forward by the gap, a repeated time is the first one, and an end that would then come
 * first keeps the session's wall-clock length. Identical windows are kept, one per index, as
 * the engine keeps them.
 */
export function weeklyMinuteOccurrences(windows: readonly MinuteWindow[], at: Date, timeZone: string, limit: number, horizonDays = 730): Occurrence[] {
  const times = weeklySessionTimes(windows, at, timeZone, limit, horizonDays);
  const found: Occurrence[] = [];
  for (let k = 0; k < times.length; k += 3) {
    found.push({ start: new Date(times[k] as number), end: new Date(times[k + 1] as number), timeZone, scheduleIndex: times[k + 2] as number, extra: false });
  }
  return found;
}

/**
 * The sessions of {@link weeklyMinuteOccurrences} as plain numbers, for callers that need no
 * `Date` objects: for each, in the same order, its start and end (epoch milliseconds) and its
 * window index, three numbers in a row.
 */
export function weeklySessionTimes(windows: readonly MinuteWindow[], at: Date, timeZone: string, limit: number, horizonDays = 730): number[] {
  const n = windows.length;
  const found: number[] = [];
  if (n === 0) return found;
  const atMs = at.getTime();
  const fromDay = localDay(at, timeZone) - 1;
  const toDay = fromDay + 1 + horizonDays;
  const fromWeekday = weekdayOfDay(fromDay);
  // Per window: opening and closing minutes, its next day and that day's start (see `advance`).
  const state: number[] = [];
  for (let i = 0; i < n; i++) {
    const w = windows[i] as MinuteWindow;
    state.push(w.start, w.end, 0, 0);
    advance(state, i * STRIDE, fromDay + mod(w.day - fromWeekday, 7), toDay, atMs, timeZone);
  }
  while (found.length < limit * 3) {
    let best = -1;
    for (let k = 0; k < n * STRIDE; k += STRIDE) {
      // Strictly earlier wins, so on equal starts the lower index comes first.
      const start = state[k + START] as number;
      if (!Number.isNaN(start) && (best < 0 || start < (state[best + START] as number))) best = k;
    }
    if (best < 0) break;
    const day = state[best + DAY] as number;
    const opens = state[best + OPENS] as number;
    const closes = state[best + CLOSES] as number;
    const start = state[best + START] as number;
    let end = wallClockToMs(day, closes, timeZone);
    if (end <= start) end = start + (closes - opens) * MINUTE_MS;
    found.push(start, end, best / STRIDE);
    advance(state, best, day + 7, toDay, atMs, timeZone);
  }
  return found;
}

const STRIDE = 4;
const OPENS = 0;
const CLOSES = 1;
const DAY = 2;
const START = 3;

/** Moves the window at offset `k` of `state` to its first session on or after day `from` (weekly) starting at or after `atMs`; NaN start past `toDay`. */
function advance(state: number[], k: number, from: number, toDay: number, atMs: number, timeZone: string): void {
  for (let day = from; day <= toDay; day += 7) {
    const start = wallClockToMs(day, state[k + OPENS] as number, timeZone);
    if (start >= atMs) {
      state[k + DAY] = day;
      state[k + START] = start;
      return;
    }
  }
  state[k + START] = NaN;
}
