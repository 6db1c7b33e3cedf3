import { describe, expect, it } from 'vitest';
import { ActivityMatchError } from '../../src/errors.js';
import { isStale, nextOccurrences, ScheduleSchema } from '../../src/time/index.js';
import type { ScheduleInput } from '../../src/time/index.js';

const times = { opensAt: '10:00', closesAt: '11:00' } as const;
const JAN_1 = new Date('2026-01-01T00:00:00Z'); // a Thursday, in GMT (London = UTC until 29 March)

function starts(input: ScheduleInput | ScheduleInput[], at = JAN_1, limit = 3, horizonDays?: number): string[] {
  const schedules = (Array.isArray(input) ? input : [input]).map((s) => ScheduleSchema.parse(s));
  return nextOccurrences(schedules, { at, limit, ...(horizonDays === undefined ? {} : { horizonDays }) }).map((o) => o.start.toISOString().slice(0, 16));
}

describe('nextOccurrences: recurrence forms (10:00 London; GMT = UTC, BST = UTC+1)', () => {
  it.each<{ name: string; rule: ScheduleInput; limit?: number; expected: string[] }>([
    { name: 'weekly MO,TH', rule: { freq: 'WEEKLY', byday: 'MO,TH' }, limit: 4, expected: ['2026-01-01T10:00', '2026-01-05T10:00', '2026-01-08T10:00', '2026-01-12T10:00'] },
    { name: 'fortnightly TU from 6 Jan', rule: { freq: 'WEEKLY', interval: 2, byday: 'TU', dtstart: '2026-01-06' }, limit: 4, expected: ['2026-01-06T10:00', '2026-01-20T10:00', '2026-02-03T10:00', '2026-02-17T10:00'] },
    { name: 'fortnightly TU anchored in 2025', rule: { freq: 'WEEKLY', interval: 2, byday: 'TU', dtstart: '2025-12-30' }, limit: 4, expected: ['2026-01-13T10:00', '2026-01-27T10:00', '2026-02-10T10:00', '2026-02-24T10:00'] },
    { name: 'weekly, weekday of dtstart', rule: { freq: 'WEEKLY', dtstart: '2026-01-07' }, expected: ['2026-01-07T10:00', '2026-01-14T10:00', '2026-01-21T10:00'] },
    { name: 'fortnightly MO,SU wkst SU', rule: { freq: 'WEEKLY', interval: 2, byday: 'MO,SU', wkst: 'SU', dtstart: '2026-01-04' }, limit: 4, expected: ['2026-01-04T10:00', '2026-01-05T10:00', '2026-01-18T10:00', '2026-01-19T10:00'] },
    { name: 'fortnightly MO,SU wkst MO', rule: { freq: 'WEEKLY', interval: 2, byday: 'MO,SU', dtstart: '2026-01-04' }, limit: 4, expected: ['2026-01-04T10:00', '2026-01-12T10:00', '2026-01-18T10:00', '2026-01-26T10:00'] },
    { name: 'monthly first Saturday', rule: { freq: 'MONTHLY', byday: '1SA' }, expected: ['2026-01-03T10:00', '2026-02-07T10:00', '2026-03-07T10:00'] },
    { name: 'monthly last Friday', rule: { freq: 'MONTHLY', byday: '-1FR' }, expected: ['2026-01-30T10:00', '2026-02-27T10:00', '2026-03-27T10:00'] },
    { name: 'monthly 2nd and 4th Monday', rule: { freq: 'MONTHLY', byday: '2MO,4MO' }, limit: 4, expected: ['2026-01-12T10:00', '2026-01-26T10:00', '2026-02-09T10:00', '2026-02-23T10:00'] },
    { name: 'monthly every Tuesday', rule: { freq: 'MONTHLY', byday: 'TU' }, expected: ['2026-01-06T10:00', '2026-01-13T10:00', '2026-01-20T10:00'] },
    { name: 'monthly 5th Monday (skips months without)', rule: { freq: 'MONTHLY', byday: '5MO' }, expected: ['2026-03-30T09:00', '2026-06-29T09:00', '2026-08-31T09:00'] },
    { name: 'monthly first and last day', rule: { freq: 'MONTHLY', bymonthday: '1,-1' }, limit: 5, expected: ['2026-01-01T10:00', '2026-01-31T10:00', '2026-02-01T10:00', '2026-02-28T10:00', '2026-03-01T10:00'] },
    { name: 'monthly 31st (skips short months)', rule: { freq: 'MONTHLY', bymonthday: [31] }, expected: ['2026-01-31T10:00', '2026-03-31T09:00', '2026-05-31T09:00'] },
    { name: 'monthly Friday 13th (byday ∩ bymonthday)', rule: { freq: 'MONTHLY', byday: 'FR', bymonthday: [13] }, expected: ['2026-02-13T10:00', '2026-03-13T10:00', '2026-11-13T10:00'] },
    { name: 'monthly day of dtstart', rule: { freq: 'MONTHLY', dtstart: '2026-01-15' }, expected: ['2026-01-15T10:00', '2026-02-15T10:00', '2026-03-15T10:00'] },
    { name: 'every other month, first Monday', rule: { freq: 'MONTHLY', interval: 2, byday: '1MO', dtstart: '2026-01-05' }, expected: ['2026-01-05T10:00', '2026-03-02T10:00', '2026-05-04T09:00'] },
    { name: 'one-off session', rule: { dtstart: '2026-02-14' }, expected: ['2026-02-14T10:00'] },
    { name: 'one-off session in the past', rule: { dtstart: '2025-12-14' }, expected: [] },
    { name: 'until is inclusive', rule: { freq: 'WEEKLY', byday: 'MO', until: '2026-01-19' }, limit: 5, expected: ['2026-01-05T10:00', '2026-01-12T10:00', '2026-01-19T10:00'] },
    { name: 'count counted from dtstart', rule: { freq: 'WEEKLY', byday: 'MO', dtstart: '2025-12-01', count: 6 }, limit: 5, expected: ['2026-01-05T10:00'] },
    { name: 'dtstart is a lower bound, not an occurrence', rule: { freq: 'WEEKLY', byday: 'FR', dtstart: '2026-01-07' }, expected: ['2026-01-09T10:00', '2026-01-16T10:00', '2026-01-23T10:00'] },
    { name: 'validFrom: takes effect from', rule: { freq: 'WEEKLY', byday: 'MO', validFrom: '2026-02-01' }, expected: ['2026-02-02T10:00', '2026-02-09T10:00', '2026-02-16T10:00'] },
    { name: 'validTo does not end the series', rule: { freq: 'WEEKLY', byday: 'MO', validTo: '2025-06-30' }, expected: ['2026-01-05T10:00', '2026-01-12T10:00', '2026-01-19T10:00'] },
    { name: 'described only', rule: { description: 'By appointment' }, expected: [] },
  ])('$name', ({ rule, limit, expected }) => {
    const hasTimes = rule.freq !== undefined || rule.dtstart !== undefined;
    expect(starts(hasTimes ? { ...times, ...rule } : rule, JAN_1, limit ?? 3)).toEqual(expected);
  });
});

describe('nextOccurrences: `at`, ordering and the result shape', () => {
  const monday = { freq: 'WEEKLY', byday: 'MO', ...times } as const;

  it('does not return a session already in progress at `at`', () => {
    expect(starts(monday, new Date('2026-01-05T10:30:00Z'), 1)).toEqual(['2026-01-12T10:00']);
  });

  it('returns a session starting exactly at `at`', () => {
    expect(starts(monday, new Date('2026-01-05T10:00:00Z'), 1)).toEqual(['2026-01-05T10:00']);
  });

  it('merges split hours (several schedules) by start, then schedule index', () => {
    const morning = { freq: 'WEEKLY', byday: 'MO', opensAt: '09:00', closesAt: '12:00' } as const;
    const afternoon = { freq: 'WEEKLY', byday: 'MO', opensAt: '15:00', closesAt: '17:00' } as const;
    const schedules = [afternoon, morning, morning].map((s) => ScheduleSchema.parse(s));
    const found = nextOccurrences(schedules, { at: JAN_1, limit: 4 });
    expect(found.map((o) => [o.start.toISOString().slice(0, 16), o.scheduleIndex])).toEqual([
      ['2026-01-05T09:00', 1],
      ['2026-01-05T09:00', 2],
      ['2026-01-05T15:00', 0],
      ['2026-01-12T09:00', 1],
    ]);
    expect(found[0]).toEqual({ start: new Date('2026-01-05T09:00:00Z'), end: new Date('2026-01-05T12:00:00Z'), timeZone: 'Europe/London', scheduleIndex: 1, extra: false });
  });

  it('reads times in the zone given', () => {
    const found = nextOccurrences([ScheduleSchema.parse(monday)], { at: JAN_1, timeZone: 'America/New_York', limit: 1 });
    expect(found[0]?.start.toISOString()).toBe('2026-01-05T15:00:00.000Z');
    expect(found[0]?.timeZone).toBe('America/New_York');
  });

  it('stops at the horizon', () => {
    expect(starts(monday, JAN_1, 10, 10)).toEqual(['2026-01-05T10:00']); // 12 January is past 1 + 10 days
  });

  it('treats closesAt 24:00 as midnight at the end of the day', () => {
    const found = nextOccurrences([ScheduleSchema.parse({ ...monday, opensAt: '20:00', closesAt: '24:00' })], { at: JAN_1, limit: 1 });
    expect(found[0]?.end.toISOString()).toBe('2026-01-06T00:00:00.000Z');
  });
});

describe('nextOccurrences: closures and extra sessions', () => {
  const monday = { freq: 'WEEKLY', byday: 'MO', ...times } as const;

  it('skips closed dates and ranges (bank holidays, half term)', () => {
    expect(starts({ ...monday, closures: ['2026-01-12', { from: '2026-01-19', to: '2026-01-30', reason: 'refurbishment' }] })).toEqual(['2026-01-05T10:00', '2026-02-02T10:00', '2026-02-09T10:00']);
  });

  it('adds extra sessions, flagged, with their own or the schedule times', () => {
    const schedule = ScheduleSchema.parse({ ...monday, extraSessions: [{ date: '2026-01-07', opensAt: '14:00', closesAt: '15:30' }, { date: '2026-01-10' }] });
    const found = nextOccurrences([schedule], { at: JAN_1, limit: 4 });
    expect(found.map((o) => [o.start.toISOString().slice(0, 16), o.end.toISOString().slice(11, 16), o.extra])).toEqual([
      ['2026-01-05T10:00', '11:00', false],
      ['2026-01-07T14:00', '15:30', true],
      ['2026-01-10T10:00', '11:00', true],
      ['2026-01-12T10:00', '11:00', false],
    ]);
  });

  it('keeps extra sessions outside the rule bounds but drops them on closures', () => {
    const rule = { ...monday, until: '2026-01-12', extraSessions: [{ date: '2026-01-31' }, { date: '2026-02-07' }], closures: ['2026-02-07'] };
    expect(starts(rule, JAN_1, 5)).toEqual(['2026-01-05T10:00', '2026-01-12T10:00', '2026-01-31T10:00']);
  });

  it('does not duplicate an extra session that repeats a regular one', () => {
    expect(starts({ ...monday, extraSessions: [{ date: '2026-01-05' }] }, JAN_1, 2)).toEqual(['2026-01-05T10:00', '2026-01-12T10:00']);
  });

  it('counts closed dates towards count (RFC 5545 EXDATE)', () => {
    expect(starts({ ...monday, dtstart: '2026-01-05', count: 3, closures: ['2026-01-12'] }, JAN_1, 5)).toEqual(['2026-01-05T10:00', '2026-01-19T10:00']);
  });
});

describe('nextOccurrences: bounded searches and bad options', () => {
  it('finds the sessions of a long count series started in 1900, quickly', () => {
    const started = performance.now();
    const schedules = [ScheduleSchema.parse({ ...times, freq: 'WEEKLY', byday: 'MO', dtstart: '1900-01-01', count: 100_000 })];
    expect(nextOccurrences(schedules, { at: JAN_1, limit: 1 })).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('rejects dates before 1900 or after 2999, so no count is walked from year 1', () => {
    expect(ScheduleSchema.safeParse({ ...times, freq: 'WEEKLY', byday: 'MO', dtstart: '1000-01-06', count: 100_000 }).success).toBe(false);
  });

  it.each<{ name: string; rule: ScheduleInput }>([
    { name: '5th Monday of February, yearly', rule: { freq: 'MONTHLY', interval: 12, byday: '5MO', dtstart: '2026-02-01' } },
    { name: '31st of April, yearly', rule: { freq: 'MONTHLY', interval: 12, bymonthday: [31], dtstart: '2026-04-01' } },
    { name: '30th of February, yearly', rule: { freq: 'MONTHLY', interval: 12, bymonthday: [30, -30], dtstart: '2026-02-01' } },
    { name: '5th Friday that is also the 1st', rule: { freq: 'MONTHLY', byday: '5FR', bymonthday: [1] } },
    { name: 'closed for ten years', rule: { freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR,SA,SU', closures: [{ from: '2025-01-01', to: '2036-12-31' }] } },
  ])('$name ends quickly with nothing', ({ rule }) => {
    const started = performance.now();
    const schedules = [ScheduleSchema.parse({ ...times, ...rule })];
    expect(nextOccurrences(schedules, { at: JAN_1, limit: 1000, horizonDays: 3660 })).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it.each([
    { name: 'unknown zone', options: { at: JAN_1, timeZone: 'Mars/Olympus_Mons' }, path: 'timeZone' },
    { name: 'invalid date', options: { at: new Date('not a date') }, path: 'at' },
    { name: 'limit 0', options: { at: JAN_1, limit: 0 }, path: 'limit' },
    { name: 'horizon too long', options: { at: JAN_1, horizonDays: 100_000 }, path: 'horizonDays' },
  ])('$name → INVALID_OPTIONS at $path', ({ options, path }) => {
    const schedules = [ScheduleSchema.parse({ freq: 'WEEKLY', byday: 'MO', ...times })];
    const error = (() => {
      try {
        nextOccurrences(schedules, options);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ActivityMatchError);
    expect((error as ActivityMatchError).code).toBe('INVALID_OPTIONS');
    expect((error as ActivityMatchError).issues.map((i) => i.path)).toEqual([path]);
  });
});

describe('isStale: validTo means "re-check after"', () => {
  it.each([
    { validTo: '2020-12-20', at: '2020-12-20T23:30:00Z', stale: false, note: '23:30 GMT on the last valid day' },
    { validTo: '2020-12-20', at: '2020-12-21T00:00:00Z', stale: true, note: 'midnight GMT on 21 December' },
    { validTo: '2026-06-30', at: '2026-06-30T22:59:00Z', stale: false, note: '23:59 BST on the last valid day' },
    { validTo: '2026-06-30', at: '2026-06-30T23:00:00Z', stale: true, note: '00:00 BST on 1 July' },
    { validTo: '2026-12-31', at: '2026-03-01T12:00:00Z', stale: false, note: 'well before' },
  ])('$validTo at $at → $stale ($note)', ({ validTo, at, stale }) => {
    expect(isStale({ validTo }, new Date(at))).toBe(stale);
    expect(isStale(validTo, new Date(at))).toBe(stale);
  });

  it('is false when no validTo is recorded, and checks its input', () => {
    expect(isStale(undefined, JAN_1)).toBe(false);
    expect(isStale({}, JAN_1)).toBe(false);
    expect(() => isStale('2026-02-30', JAN_1)).toThrow(ActivityMatchError);
    expect(() => isStale('2026-01-01', JAN_1, 'Nowhere/Land')).toThrow(/timeZone/);
  });
});
