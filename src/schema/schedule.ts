/**
 * When an activity runs: Open Referral HSDS 3.0 `schedule` rows, field for field, in camelCase.
 *
 * Forms (RFC 5545 recurrence rules, as HSDS uses them):
 * - **Weekly**: `freq: 'WEEKLY'`, `byday: 'MO,TH'`; fortnightly is `interval: 2` (needs `dtstart`
 *   to say which weeks). Without `byday` the weekday of `dtstart` is used.
 * - **Monthly**: `freq: 'MONTHLY'` with `byday: '1SA'` (first Saturday), `'-1FR'` (last Friday),
 *   plain `'TU'` (every Tuesday of the month) and/or `bymonthday: [1, -1]` (both given: days that
 *   satisfy both, e.g. Friday the 13th). Without either, the day of the month of `dtstart`.
 *   Months that lack the day (a 5th Monday, the 31st) are skipped, never moved.
 * - **One-off**: no `freq`, a `dtstart` and `opensAt`/`closesAt` (RFC 5545: an event without a
 *   rule happens once, on its start date). HSDS has no `ONCE`; this keeps the mapping one to one.
 * - **Described only**: no `freq` and no `dtstart` ("by appointment"): valid, no occurrences.
 *
 * Split hours (9–12 and 3–5) are several schedules. `dtstart` is the lower bound of the series,
 * and an occurrence only when it matches the rule. `until` is the last date of the series
 * (inclusive); `count` counts rule occurrences from `dtstart`, closed dates included (as with
 * RFC 5545 EXDATE). `validFrom` is the date the timetable takes effect: nothing earlier is
 * produced. `validTo` is **not** an end: HSDS means "information valid until, re-check
 * after", so it only flags staleness (`isStale`). `closures` remove dates (they win over
 * everything, extra sessions included); `extraSessions` add dated sessions outside the rule.
 * Opening times are local wall-clock times; a zone suffix is ignored (see `clock.ts`).
 *
 * Not read: HSDS `timezone` (a fixed UTC offset cannot follow clock changes; the zone is an IANA
 * name given to `nextOccurrences`). Rejected: `byweekno`, `byyearday` (unsupported, and
 * ignoring them would invent sessions).
 *
 * @module
 */
import { z } from 'zod';
import { DAYS, IsoDateSchema, text } from './common.js';
import type { Day } from './common.js';
import { clockMinutes, openingTimeSchema } from './clock.js';
import { DateRangeSchema } from './date-range.js';

/**
 * HSDS two-letter weekday codes, in the order of `DAYS` (Monday first).
 *
 * @example
 * ```ts
 * DAYS[WEEKDAY_CODES.indexOf('TH')]; // 'thu'
 * ```
 */
export const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** One `byday` entry: a weekday and, for MONTHLY, an optional ordinal (1 to 5, or -1 to -5 from the end). */
export interface ByDay {
  day: Day;
  ordinal?: number | undefined;
}

const BYDAY_ERROR = 'expected weekday codes such as MO,TU (or with freq MONTHLY an ordinal such as 1SA or -1FR)';
const ORDINAL_ERROR = 'expected an ordinal from 1 to 5 or -1 to -5 before the weekday, e.g. 2MO or -1FR';
const MONTHDAY_ERROR = 'expected days of the month from 1 to 31 or -1 to -31';

const splitList = (value: unknown): unknown => (typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter((s) => s !== '') : value);

const ByDayEntrySchema = z.string({ error: BYDAY_ERROR }).transform((value, ctx): ByDay => {
  const m = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/i.exec(value.trim());
  if (!m) {
    ctx.addIssue({ code: 'custom', message: BYDAY_ERROR });
    return z.NEVER;
  }
  const day = DAYS[WEEKDAY_CODES.indexOf((m[2] ?? '').toUpperCase() as (typeof WEEKDAY_CODES)[number])] as Day;
  if (m[1] === undefined) return { day };
  const ordinal = Number(m[1]);
  if (ordinal === 0 || Math.abs(ordinal) > 5) {
    ctx.addIssue({ code: 'custom', message: ORDINAL_ERROR });
    return z.NEVER;
  }
  return { day, ordinal };
});

const ByDaySchema = z.preprocess(splitList, z.array(ByDayEntrySchema, { error: BYDAY_ERROR }).max(35, { error: 'expected at most 35 byday entries' }));

const MonthDaySchema = z.preprocess(
  (value) => (typeof value === 'string' && /^[+-]?\d+$/.test(value) ? Number(value) : value),
  z.number({ error: MONTHDAY_ERROR }).int({ error: MONTHDAY_ERROR }).min(-31, { error: MONTHDAY_ERROR }).max(31, { error: MONTHDAY_ERROR }).refine((n) => n !== 0, { error: MONTHDAY_ERROR }),
);

const wholeNumber = (what: string, min: number, max: number) =>
  z.number({ error: `expected ${what}` }).int({ error: `expected ${what}` }).min(min, { error: `expected ${what} of at least ${min}` }).max(max, { error: `expected ${what} of at most ${max}` });

/** A dated extra session; times default to the schedule's `opensAt`/`closesAt`. */
const ExtraSessionSchema = z.strictObject(
  {
    date: IsoDateSchema,
    opensAt: openingTimeSchema(false).optional(),
    closesAt: openingTimeSchema(true).optional(),
    description: text(500, 'a description').optional(),
  },
  { error: 'expected an extra session {date, opensAt?, closesAt?}' },
);

const unsupported = (field: string) => z.undefined({ error: `${field} is not supported: list the dates as extraSessions or describe them in description` }).optional();

const ScheduleObjectSchema = z.strictObject(
  {
    id: text(200, 'an id').optional(),
    freq: z.preprocess((v) => (typeof v === 'string' ? v.trim().toUpperCase() : v), z.enum(['WEEKLY', 'MONTHLY'], { error: "expected freq 'WEEKLY' or 'MONTHLY' (omit it for a one-off session on dtstart)" })).optional(),
    interval: wholeNumber('an interval (a whole number, 2 = every other week or month)', 1, 1000).default(1),
    byday: ByDaySchema.default([]),
    bymonthday: z.preprocess(splitList, z.array(MonthDaySchema, { error: MONTHDAY_ERROR }).max(62, { error: 'expected at most 62 days of the month' })).default([]),
    wkst: z.preprocess((v) => (typeof v === 'string' ? v.trim().toUpperCase() : v), z.enum(WEEKDAY_CODES, { error: 'expected a week start code: MO, TU, WE, TH, FR, SA or SU' })).default('MO'),
    opensAt: openingTimeSchema(false).optional(),
    closesAt: openingTimeSchema(true).optional(),
    dtstart: IsoDateSchema.optional(),
    until: IsoDateSchema.optional(),
    count: wholeNumber('a count of occurrences (a whole number)', 1, 100_000).optional(),
    validFrom: IsoDateSchema.optional(),
    validTo: IsoDateSchema.optional(),
    description: text(2000, 'a description').optional(),
    notes: text(2000, 'notes').optional(),
    attendingType: text(500, 'an attending type').optional(),
    scheduleLink: text(2000, 'a link').optional(),
    closures: z.array(DateRangeSchema, { error: 'expected a list of closed dates or {from, to} ranges' }).max(500, { error: 'expected at most 500 closures' }).default([]),
    extraSessions: z.array(ExtraSessionSchema, { error: 'expected a list of extra sessions' }).max(500, { error: 'expected at most 500 extra sessions' }).default([]),
    byweekno: unsupported('byweekno'),
    byyearday: unsupported('byyearday'),
  },
  { error: 'expected a schedule object' },
);

type ScheduleObject = z.output<typeof ScheduleObjectSchema>;
type Issue = { message: string; path: PropertyKey[] };

function crossFieldIssues(s: ScheduleObject): Issue[] {
  const issues: Issue[] = [];
  const add = (path: PropertyKey[], message: string) => issues.push({ path, message });
  const opens = s.opensAt === undefined ? undefined : clockMinutes(s.opensAt);
  const closes = s.closesAt === undefined ? undefined : clockMinutes(s.closesAt, true);
  if (s.freq === undefined) {
    if (s.byday.length > 0) add(['byday'], 'expected freq WEEKLY or MONTHLY when byday is given');
    if (s.bymonthday.length > 0) add(['bymonthday'], 'expected freq MONTHLY when bymonthday is given');
    if (s.interval > 1) add(['interval'], 'expected freq WEEKLY or MONTHLY when interval is given');
    if (s.until !== undefined) add(['until'], 'expected freq WEEKLY or MONTHLY when until is given');
    if (s.count !== undefined) add(['count'], 'expected freq WEEKLY or MONTHLY when count is given');
    if (s.dtstart === undefined && (opens !== undefined || closes !== undefined)) add(['dtstart'], 'expected dtstart (the date of a one-off session) or freq for a recurring schedule');
  } else {
    if (s.freq === 'WEEKLY' && s.byday.some((b) => b.ordinal !== undefined)) add(['byday'], 'expected plain weekday codes with freq WEEKLY: ordinals such as 1SA need freq MONTHLY');
    if (s.freq === 'WEEKLY' && s.bymonthday.length > 0) add(['bymonthday'], 'expected freq MONTHLY when bymonthday is given');
    if (s.byday.length === 0 && s.bymonthday.length === 0 && s.dtstart === undefined) add(['byday'], 'expected byday (e.g. MO,TH or 1SA) or a dtstart to take the day from');
    if (s.interval > 1 && s.dtstart === undefined) add(['dtstart'], 'expected dtstart when interval is more than 1 (it fixes which weeks or months)');
    if (s.count !== undefined && s.dtstart === undefined) add(['dtstart'], 'expected dtstart when count is given (counting starts there)');
    if (s.count !== undefined && s.until !== undefined) add(['count'], 'expected count or until, not both');
  }
  if ((s.freq !== undefined || s.dtstart !== undefined) && opens === undefined) add(['opensAt'], 'expected opensAt for a scheduled session');
  if ((s.freq !== undefined || s.dtstart !== undefined) && closes === undefined) add(['closesAt'], 'expected closesAt for a scheduled session');
  if (opens !== undefined && closes !== undefined && closes <= opens) add(['closesAt'], 'expected closesAt after opensAt (same day)');
  if (s.until !== undefined && s.dtstart !== undefined && s.until < s.dtstart) add(['until'], 'expected until on or after dtstart');
  if (s.validTo !== undefined && s.validFrom !== undefined && s.validTo < s.validFrom) add(['validTo'], 'expected validTo on or after validFrom');
  s.extraSessions.forEach((e, i) => {
    const eOpens = e.opensAt ?? s.opensAt;
    const eCloses = e.closesAt ?? s.closesAt;
    if (eOpens === undefined) add(['extraSessions', i, 'opensAt'], 'expected opensAt (the schedule has none to default to)');
    if (eCloses === undefined) add(['extraSessions', i, 'closesAt'], 'expected closesAt (the schedule has none to default to)');
    if (eOpens !== undefined && eCloses !== undefined && (clockMinutes(eCloses, true) ?? 0) <= (clockMinutes(eOpens) ?? 0)) add(['extraSessions', i, 'closesAt'], 'expected closesAt after opensAt (same day)');
  });
  return issues;
}

/**
 * One HSDS schedule (camelCase), validated and normalised: `byday` parsed into {@link ByDay}
 * entries, `bymonthday` into numbers, times into "HH:MM", closures into date ranges, and
 * extra sessions given the schedule's times when they have none. Every issue names its field.
 *
 * @example
 * ```ts
 * // Fortnightly on Tuesdays 10:00–12:00, closed over Christmas, plus one extra session.
 * const walk = ScheduleSchema.parse({
 *   freq: 'WEEKLY', interval: 2, byday: 'TU', dtstart: '2026-01-06',
 *   opensAt: '10:00', closesAt: '12:00:00Z',
 *   closures: [{ from: '2026-12-21', to: '2027-01-01', reason: 'Christmas' }],
 *   extraSessions: [{ date: '2026-12-19', opensAt: '11:00' }],
 * });
 * ScheduleSchema.safeParse({ freq: 'WEEKLY', byday: 'XX', opensAt: '25:00' }).success; // false: byday, opensAt
 * ```
 */
export const ScheduleSchema = ScheduleObjectSchema.superRefine((s, ctx) => {
  for (const issue of crossFieldIssues(s)) ctx.addIssue({ code: 'custom', ...issue });
}).transform((s) => {
  const { byweekno: _w, byyearday: _y, wkst, ...rest } = s;
  return {
    ...rest,
    wkst: DAYS[WEEKDAY_CODES.indexOf(wkst)] as Day,
    byday: dedupeByDay(rest.byday),
    bymonthday: [...new Set(rest.bymonthday)],
    extraSessions: rest.extraSessions.map((e) => ({ ...e, opensAt: e.opensAt ?? rest.opensAt ?? '', closesAt: e.closesAt ?? rest.closesAt ?? '' })),
  };
});

function dedupeByDay(entries: readonly ByDay[]): ByDay[] {
  const seen = new Set<string>();
  return entries.filter((b) => {
    const key = `${b.ordinal ?? ''}${b.day}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/**
 * A validated schedule (output of {@link ScheduleSchema}).
 *
 * @example
 * ```ts
 * const s: Schedule = ScheduleSchema.parse({ freq: 'MONTHLY', byday: '1SA', opensAt: '09:00:00Z', closesAt: '17:00:00Z' });
 * s.byday; // [{ day: 'sat', ordinal: 1 }]
 * s.opensAt; // '09:00'
 * ```
 */
export type Schedule = z.output<typeof ScheduleSchema>;
/**
 * A schedule as written in JSON or mapped from HSDS, before validation.
 *
 * @example
 * ```ts
 * const input: ScheduleInput = { freq: 'WEEKLY', byday: 'MO,TU', opensAt: '09:00', closesAt: '12:00' };
 * ```
 */
export type ScheduleInput = z.input<typeof ScheduleSchema>;
/** An extra dated session of a validated schedule. */
export type ExtraSession = Schedule['extraSessions'][number];
