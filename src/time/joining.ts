/**
 * Whether someone can join a course of fixed length (e.g. a 10-week falls-prevention course) now.
 * The programme schema is in `src/schema/programme.ts`.
 *
 * @module
 */
import { format } from 'date-fns';
import { tz } from '@date-fns/tz';
import { ProgrammeSchema } from '../schema/programme.js';
import type { Programme } from '../schema/programme.js';
import { dayFromIso } from './dates.js';
import { checkAtAndZone } from './time-arguments.js';
import { parseOrThrowOnce } from '../validate.js';
import { localDay, wallClockToInstant } from './zoned.js';
import { guard } from '../guard.js';

/** Whether someone can join a programme now. */
export interface JoinStatus {
  /** True when they can join the running cohort, or the next cohort with none running. */
  canJoin: boolean;
  /** Plain-English reason, e.g. "cohort started 2 March 2026 and is in week 5 of 10; next intake 1 June 2026". */
  reason: string;
  /** Local midnight of the start of the cohort they would join, when it is in the future. */
  nextIntake?: Date;
  /** The week (1-based) the running cohort is in, when one is running. */
  week?: number;
}

/**
 * Whether someone can join `programme` on the local date of `at` in `timeZone`. The programme
 * is checked against {@link ProgrammeSchema} (a validated one passes): anything else throws
 * `ActivityMatchError` with code `INVALID_ACTIVITY` (path such as `programme.weeks`); a bad `at`
 * or zone throws `INVALID_OPTIONS`.
 *
 * | situation                                       | canJoin | nextIntake           |
 * |-------------------------------------------------|---------|----------------------|
 * | rolling, already started                        | true    | –                    |
 * | rolling or fixed, not started yet               | true    | the start date       |
 * | fixed, running, week ≤ latestJoinWeek (def. 1)  | true    | –                    |
 * | fixed, running, past the joining week           | false   | next listed intake   |
 * | fixed, finished, a later intake listed          | true    | that intake          |
 * | fixed, finished, no later intake                | false   | –                    |
 *
 * @example
 * ```ts
 * const course = ProgrammeSchema.parse({ startDate: '2026-03-02', weeks: 10, intakes: ['2026-06-01'] });
 * canJoin(course, new Date('2026-03-30T12:00:00Z'));
 * // { canJoin: false, week: 5, nextIntake: 2026-05-31T23:00:00.000Z,
 * //   reason: 'cohort started 2 March 2026 and is in week 5 of 10 (joining closed after week 1); next intake 1 June 2026' }
 * ```
 */
export function canJoin(programme: Programme, at: Date, timeZone = 'Europe/London'): JoinStatus {
  return guard([{ code: 'INVALID_ACTIVITY', path: 'programme', value: programme, fields: [ProgrammeSchema] }, { code: 'INVALID_OPTIONS', path: 'at', value: at }], () => canJoinUnguarded(programme, at, timeZone));
}

function canJoinUnguarded(programme: Programme, at: Date, timeZone = 'Europe/London'): JoinStatus {
  programme = parseOrThrowOnce(ProgrammeSchema, programme, 'INVALID_ACTIVITY', 'programme');
  checkAtAndZone(at, timeZone);
  const today = localDay(at, timeZone);
  const intake = (day: number) => wallClockToInstant(day, 0, timeZone);
  const show = (day: number) => format(intake(day), 'd MMMM yyyy', { in: tz(timeZone) });
  if (programme.startDate === undefined) return { canJoin: true, reason: `${programme.weeks}-week programme: join any time` };
  const start = dayFromIso(programme.startDate);
  if (programme.rolling) {
    return today < start
      ? { canJoin: true, reason: `rolling enrolment from ${show(start)}`, nextIntake: intake(start) }
      : { canJoin: true, reason: 'rolling enrolment: join any week' };
  }
  const cohorts = [...new Set([start, ...programme.intakes.map(dayFromIso)])].sort((a, b) => a - b);
  const current = cohorts.filter((d) => d <= today).pop();
  const next = cohorts.find((d) => d > today);
  if (current === undefined) {
    const first = next as number; // every cohort is in the future
    return { canJoin: true, reason: `next cohort starts ${show(first)}`, nextIntake: intake(first) };
  }
  const week = Math.floor((today - current) / 7) + 1;
  const joinWeek = programme.latestJoinWeek ?? 1;
  if (week <= programme.weeks) {
    if (week <= joinWeek) return { canJoin: true, week, reason: `cohort started ${show(current)} and is in week ${week} of ${programme.weeks}; newcomers taken up to week ${joinWeek}` };
    const then = next === undefined ? 'no further intake listed' : `next intake ${show(next)}`;
    const closed = { canJoin: false, week, reason: `cohort started ${show(current)} and is in week ${week} of ${programme.weeks} (joining closed after week ${joinWeek}); ${then}` };
    return next === undefined ? closed : { ...closed, nextIntake: intake(next) };
  }
  const ended = `course ended ${show(current + programme.weeks * 7 - 1)}`;
  return next === undefined
    ? { canJoin: false, reason: `${ended}; no further intake listed` }
    : { canJoin: true, reason: `${ended}; next cohort starts ${show(next)}`, nextIntake: intake(next) };
}
