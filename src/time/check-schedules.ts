/**
 * Schedules handed to the time functions by callers, checked again: a validated schedule
 * (the output of `ScheduleSchema`, written back as input) or schedule input. The schema itself
 * is in `src/schema/schedule.ts`.
 *
 * @module
 */
import { ActivityMatchError } from '../errors.js';
import type { ValidationIssue } from '../errors.js';
import { toIssues } from '../validate.js';
import { DAYS } from '../schema/common.js';
import type { Day } from '../schema/common.js';
import { ScheduleSchema, WEEKDAY_CODES } from '../schema/schedule.js';
import type { Schedule } from '../schema/schedule.js';

/** Most schedules one call of `nextOccurrences` reads. */
const MAX_SCHEDULES = 1000;

/** A validated schedule written back as schedule input: `byday` entries as codes (`1SA`), `wkst` as a code. */
function asInput(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const s = value as Record<string, unknown>;
  const out: Record<string, unknown> = { ...s };
  if (Array.isArray(s.byday)) {
    out.byday = s.byday.map((b: unknown) => {
      if (b === null || typeof b !== 'object') return b;
      const { day, ordinal } = b as { day?: unknown; ordinal?: unknown };
      const code = WEEKDAY_CODES[DAYS.indexOf(day as Day)];
      return code === undefined || (ordinal !== undefined && (typeof ordinal !== 'number' || !Number.isInteger(ordinal))) ? b : `${ordinal ?? ''}${code}`;
    });
  }
  if (typeof s.wkst === 'string' && (DAYS as readonly string[]).includes(s.wkst)) out.wkst = WEEKDAY_CODES[DAYS.indexOf(s.wkst as Day)];
  return out;
}

/**
 * Schedules checked for the time functions that take them from callers: each a validated
 * schedule (the output of {@link ScheduleSchema}) or schedule input, validated again; anything
 * else throws `ActivityMatchError` (`INVALID_ACTIVITY`, paths such as `schedules[0].opensAt`).
 *
 * @example
 * ```ts
 * checkSchedules([ScheduleSchema.parse({ freq: 'WEEKLY', byday: 'TU', opensAt: '10:00', closesAt: '12:00' })]); // the same schedule, validated
 * checkSchedules([null]); // throws ActivityMatchError INVALID_ACTIVITY, schedules[0]: expected a schedule object
 * ```
 */
export function checkSchedules(schedules: unknown, path = 'schedules'): Schedule[] {
  if (!Array.isArray(schedules)) throw new ActivityMatchError('INVALID_ACTIVITY', [{ path, message: 'expected a list of schedules' }]);
  if (schedules.length > MAX_SCHEDULES) throw new ActivityMatchError('INVALID_ACTIVITY', [{ path, message: `expected at most ${MAX_SCHEDULES} schedules` }]);
  const out: Schedule[] = [];
  const issues: ValidationIssue[] = [];
  for (let i = 0; i < schedules.length; i++) {
    const input = asInput(schedules[i]);
    const result = ScheduleSchema.safeParse(input);
    if (result.success) out.push(result.data);
    else issues.push(...toIssues(`${path}[${i}]`, result.error, ScheduleSchema, input));
  }
  if (issues.length > 0) throw new ActivityMatchError('INVALID_ACTIVITY', issues);
  return out;
}
