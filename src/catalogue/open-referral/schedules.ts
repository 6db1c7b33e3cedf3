/**
 * HSDS `schedule` rows to the activity's `schedules`, through `fromHsdsSchedule` and
 * `ScheduleSchema` (the time layer owns the rules; this file only adapts feed quirks).
 *
 * Adapted: datetimes where dates are expected (`dtstart: "2024-01-08T00:00:00Z"` reads as
 * the date), HTML in descriptions, over-long notes, and `bymonthday` with `freq: WEEKLY`
 * (not allowed by RFC 5545, copied from templates: dropped with a warning). A row the time layer cannot read (for
 * example `byweekno`, which it refuses rather than invent sessions, or `count` with `until`)
 * is kept as a *described-only* schedule (its description, notes and attending type, no
 * sessions), and every reason is reported against the HSDS field.
 *
 * @module
 */
import type { ValidationIssue } from '../../errors.js';
import { fromHsdsSchedule } from '../../time/hsds.js';
import { ScheduleSchema } from '../../schema/schedule.js';
import type { ScheduleInput } from '../../schema/schedule.js';
import { formatPath } from '../../validate.js';
import { dateOf, fit, isObject, join, textOf } from './fields.js';
import { stripHtml } from './html.js';

const DATE_FIELDS = ['dtstart', 'until', 'validFrom', 'validTo'] as const;
const TEXT_FIELDS = { description: 2000, notes: 2000, attendingType: 500, scheduleLink: 2000 } as const;
/** camelCase schedule fields back to their HSDS names, for issue paths. */
const HSDS_NAMES: Readonly<Record<string, string>> = {
  opensAt: 'opens_at', closesAt: 'closes_at', validFrom: 'valid_from', validTo: 'valid_to', attendingType: 'attending_type', scheduleLink: 'schedule_link',
};

/** The most schedules an activity keeps (the schema's limit). */
export const MAX_SCHEDULES = 100;

function hsdsPath(base: string, zodPath: readonly PropertyKey[]): string {
  const [first, ...rest] = zodPath;
  if (first === undefined) return base;
  return formatPath(join(base, HSDS_NAMES[String(first)] ?? String(first)), rest);
}

function tidy(input: Record<string, unknown>, path: string, issues: ValidationIssue[]): Record<string, unknown> {
  const out = { ...input };
  for (const field of DATE_FIELDS) {
    const value = out[field];
    const date = dateOf(value);
    // A datetime is read as its date; anything else is left for the schema to report.
    if (date !== undefined) out[field] = date;
  }
  for (const [field, max] of Object.entries(TEXT_FIELDS)) {
    const value = textOf(out[field]);
    if (value === undefined) delete out[field];
    else out[field] = fit(field === 'scheduleLink' ? value : stripHtml(value), max, join(path, HSDS_NAMES[field] ?? field), issues);
  }
  return out;
}

function describedOnly(input: Record<string, unknown>): ScheduleInput | undefined {
  const kept: Record<string, unknown> = {};
  for (const field of Object.keys(TEXT_FIELDS)) if (typeof input[field] === 'string' && input[field] !== '') kept[field] = input[field];
  return Object.keys(kept).length > 0 ? (kept as ScheduleInput) : undefined;
}

/**
 * Maps a list of HSDS schedule rows found at `path`. Usable rows come back as
 * `ScheduleSchema` input; unusable ones as described-only schedules (or nothing when they
 * have no text). Every problem is pushed onto `issues` with its HSDS path.
 *
 * @example
 * ```ts
 * const issues: ValidationIssue[] = [];
 * mapSchedules([{ id: 'a', freq: 'MONTHLY', byday: '1SA', opens_at: '09:00:00Z', closes_at: '17:00:00Z', dtstart: '2020-07-04T00:00:00Z' }], 'contents[0].schedules', issues);
 * // [{ id: 'a', freq: 'MONTHLY', byday: '1SA', opensAt: '09:00:00Z', closesAt: '17:00:00Z', dtstart: '2020-07-04' }], issues: []
 * ```
 */
export function mapSchedules(rows: readonly unknown[], path: string, issues: ValidationIssue[]): ScheduleInput[] {
  const out: ScheduleInput[] = [];
  rows.forEach((row, i) => {
    const rowPath = join(path, i);
    if (!isObject(row)) {
      issues.push({ path: rowPath, message: 'expected a schedule object; ignored' });
      return;
    }
    const input = tidy(fromHsdsSchedule(row), rowPath, issues);
    if (typeof input.freq === 'string' && input.freq.trim().toUpperCase() === 'WEEKLY' && input.bymonthday !== undefined) {
      // RFC 5545 forbids BYMONTHDAY with FREQ=WEEKLY; feeds copy it from templates. The weekly rule stands without it.
      delete input.bymonthday;
      issues.push({ path: join(rowPath, 'bymonthday'), message: 'ignored: not allowed with freq WEEKLY (RFC 5545)' });
    }
    const result = ScheduleSchema.safeParse(input);
    if (result.success) {
      out.push(input as ScheduleInput);
      return;
    }
    for (const issue of result.error.issues) issues.push({ path: hsdsPath(rowPath, issue.path), message: issue.message });
    const fallback = describedOnly(input);
    issues.push({ path: rowPath, message: fallback ? 'timetable not readable: kept as a description only (no sessions)' : 'timetable not readable and nothing to describe it: ignored' });
    if (fallback) out.push(fallback);
  });
  if (out.length > MAX_SCHEDULES) {
    issues.push({ path, message: `kept the first ${MAX_SCHEDULES} schedules` });
    return out.slice(0, MAX_SCHEDULES);
  }
  return out;
}
