import { describe, expect, it } from 'vitest';
import { clockMinutes, fromHsdsSchedule, ScheduleSchema } from '../../src/time/index.js';

const base = { freq: 'WEEKLY', byday: 'MO', opensAt: '10:00', closesAt: '11:00' } as const;

function issues(input: unknown): Array<[string, string]> {
  const result = ScheduleSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message]);
}

describe('ScheduleSchema: accepted forms', () => {
  it.each([
    { name: 'weekly byday string', input: { ...base, byday: 'MO,TU' }, byday: [{ day: 'mon' }, { day: 'tue' }] },
    { name: 'weekly byday array, lower case, spaces', input: { ...base, byday: [' mo', 'Th '] }, byday: [{ day: 'mon' }, { day: 'thu' }] },
    { name: 'monthly ordinals', input: { ...base, freq: 'MONTHLY', byday: '1SA,-1FR' }, byday: [{ day: 'sat', ordinal: 1 }, { day: 'fri', ordinal: -1 }] },
    { name: 'monthly +2 ordinal', input: { ...base, freq: 'MONTHLY', byday: '+2WE' }, byday: [{ day: 'wed', ordinal: 2 }] },
    { name: 'duplicates dropped', input: { ...base, byday: 'MO,MO,TU' }, byday: [{ day: 'mon' }, { day: 'tue' }] },
  ])('$name', ({ input, byday }) => {
    expect(ScheduleSchema.parse(input).byday).toEqual(byday);
  });

  it('fills defaults and normalises times and dates', () => {
    const s = ScheduleSchema.parse({ ...base, opensAt: '09:00:00Z', closesAt: '17:30:59+01:00', closures: ['2026-12-25', { from: '2026-10-26', to: '2026-10-30', reason: 'half term' }] });
    expect(s).toMatchObject({ interval: 1, wkst: 'mon', bymonthday: [], extraSessions: [], opensAt: '09:00', closesAt: '17:30' });
    expect(s.closures).toEqual([{ from: '2026-12-25', to: '2026-12-25' }, { from: '2026-10-26', to: '2026-10-30', reason: 'half term' }]);
  });

  it('accepts bymonthday as a list or HSDS comma string', () => {
    expect(ScheduleSchema.parse({ ...base, freq: 'MONTHLY', byday: [], bymonthday: '1, -1,15' }).bymonthday).toEqual([1, -1, 15]);
    expect(ScheduleSchema.parse({ ...base, freq: 'MONTHLY', byday: [], bymonthday: [31, 31] }).bymonthday).toEqual([31]);
  });

  it('accepts 24:00 as a closing time only', () => {
    expect(ScheduleSchema.parse({ ...base, closesAt: '24:00' }).closesAt).toBe('24:00');
    expect(issues({ ...base, opensAt: '24:00' })[0]?.[0]).toBe('opensAt');
  });

  it('accepts a one-off session (no freq, a dtstart) and a described-only schedule', () => {
    expect(ScheduleSchema.parse({ dtstart: '2026-05-09', opensAt: '10:00', closesAt: '12:00' }).freq).toBeUndefined();
    expect(ScheduleSchema.parse({ description: 'By appointment' })).toMatchObject({ description: 'By appointment', byday: [] });
  });

  it('gives extra sessions the schedule times when they have none', () => {
    const s = ScheduleSchema.parse({ ...base, extraSessions: [{ date: '2026-12-19' }, { date: '2026-12-20', opensAt: '10:30' }] });
    expect(s.extraSessions).toEqual([
      { date: '2026-12-19', opensAt: '10:00', closesAt: '11:00' },
      { date: '2026-12-20', opensAt: '10:30', closesAt: '11:00' },
    ]);
  });
});

describe('ScheduleSchema: every bad input names its field', () => {
  it.each([
    { name: 'hour 25', input: { ...base, opensAt: '25:00' }, path: 'opensAt', message: /HH:MM/ },
    { name: 'minute 60', input: { ...base, closesAt: '10:60' }, path: 'closesAt', message: /HH:MM/ },
    { name: 'not a time', input: { ...base, opensAt: '9am' }, path: 'opensAt', message: /HH:MM/ },
    { name: 'zone suffix out of range', input: { ...base, opensAt: '10:00+25:00' }, path: 'opensAt', message: /zone suffix/ },
    { name: 'closes before opens', input: { ...base, opensAt: '11:00', closesAt: '10:00' }, path: 'closesAt', message: /after opensAt/ },
    { name: 'closes when opens', input: { ...base, opensAt: '11:00', closesAt: '11:00' }, path: 'closesAt', message: /after opensAt/ },
    { name: 'byday XX', input: { ...base, byday: 'XX' }, path: 'byday.0', message: /weekday codes/ },
    { name: 'byday MO,XX', input: { ...base, byday: 'MO,XX' }, path: 'byday.1', message: /weekday codes/ },
    { name: 'ordinal with WEEKLY', input: { ...base, byday: '1SA' }, path: 'byday', message: /freq MONTHLY/ },
    { name: 'ordinal 6', input: { ...base, freq: 'MONTHLY', byday: '6MO' }, path: 'byday.0', message: /ordinal/ },
    { name: 'ordinal 0', input: { ...base, freq: 'MONTHLY', byday: '0MO' }, path: 'byday.0', message: /ordinal/ },
    { name: 'interval 0', input: { ...base, interval: 0 }, path: 'interval', message: /at least 1/ },
    { name: 'interval 1.5', input: { ...base, interval: 1.5 }, path: 'interval', message: /whole number/ },
    { name: 'freq DAILY', input: { ...base, freq: 'DAILY' }, path: 'freq', message: /WEEKLY/ },
    { name: 'dtstart 2026-02-30', input: { ...base, dtstart: '2026-02-30' }, path: 'dtstart', message: /YYYY-MM-DD/ },
    { name: 'until before dtstart', input: { ...base, dtstart: '2026-03-01', until: '2026-02-01' }, path: 'until', message: /on or after dtstart/ },
    { name: 'validTo before validFrom', input: { ...base, validFrom: '2026-03-01', validTo: '2026-02-01' }, path: 'validTo', message: /on or after validFrom/ },
    { name: 'count and until', input: { ...base, dtstart: '2026-01-05', until: '2026-02-01', count: 3 }, path: 'count', message: /not both/ },
    { name: 'count 0', input: { ...base, dtstart: '2026-01-05', count: 0 }, path: 'count', message: /at least 1/ },
    { name: 'count without dtstart', input: { ...base, count: 3 }, path: 'dtstart', message: /count/ },
    { name: 'fortnightly without dtstart', input: { ...base, interval: 2 }, path: 'dtstart', message: /interval/ },
    { name: 'bymonthday 32', input: { ...base, freq: 'MONTHLY', bymonthday: [32] }, path: 'bymonthday.0', message: /1 to 31/ },
    { name: 'bymonthday 0', input: { ...base, freq: 'MONTHLY', bymonthday: '0' }, path: 'bymonthday.0', message: /1 to 31/ },
    { name: 'bymonthday with WEEKLY', input: { ...base, bymonthday: [1] }, path: 'bymonthday', message: /MONTHLY/ },
    { name: 'weekly without day or dtstart', input: { ...base, byday: [] }, path: 'byday', message: /dtstart/ },
    { name: 'recurring without times', input: { freq: 'WEEKLY', byday: 'MO' }, path: 'opensAt', message: /opensAt/ },
    { name: 'times without date or freq', input: { opensAt: '10:00', closesAt: '11:00' }, path: 'dtstart', message: /dtstart/ },
    { name: 'byday without freq', input: { dtstart: '2026-01-05', byday: 'MO', opensAt: '10:00', closesAt: '11:00' }, path: 'byday', message: /freq/ },
    { name: 'byweekno', input: { ...base, byweekno: '41,42' }, path: 'byweekno', message: /not supported/ },
    { name: 'closure 2026-02-30', input: { ...base, closures: ['2026-02-30'] }, path: 'closures.0.from', message: /YYYY-MM-DD/ },
    { name: 'closure range backwards', input: { ...base, closures: [{ from: '2026-03-02', to: '2026-03-01' }] }, path: 'closures.0.to', message: /on or after from/ },
    { name: 'closure not a date', input: { ...base, closures: [5] }, path: 'closures.0', message: /range/ },
    { name: 'extra session closes before opens', input: { ...base, extraSessions: [{ date: '2026-01-07', opensAt: '14:00' }] }, path: 'extraSessions.0.closesAt', message: /after opensAt/ },
    { name: 'extra session without times', input: { description: 'Special', extraSessions: [{ date: '2026-01-07' }] }, path: 'extraSessions.0.opensAt', message: /opensAt/ },
    { name: 'not an object', input: 'weekly', path: '', message: /schedule/ },
  ])('$name → $path', ({ input, path, message }) => {
    const found = issues(input);
    expect(found.map(([p]) => p)).toContain(path);
    expect(found.find(([p]) => p === path)?.[1]).toMatch(message);
  });

  it('never quotes the input value in a message', () => {
    for (const [, message] of issues({ ...base, opensAt: 'secret-value', byday: 'secret-value' })) expect(message).not.toContain('secret-value');
  });
});

describe('clockMinutes', () => {
  it.each([
    ['09:30', 570],
    ['09:30:00', 570],
    ['09:30:00Z', 570],
    ['09:30:00z', 570],
    ['09:30+01:00', 570],
    ['09:30:15.250-0500', 570],
    ['23:59:59', 1439],
    ['00:00', 0],
  ])('%s → %d (suffix ignored)', (text, minutes) => {
    expect(clockMinutes(text)).toBe(minutes);
  });

  it.each(['25:00', '24:00', '9:30', '09:30:60', '09:30+15:00', '09:30 Z', ''])('%s is rejected', (text) => {
    expect(clockMinutes(text)).toBeUndefined();
  });
});

describe('fromHsdsSchedule', () => {
  it('renames snake_case, drops nulls, "null" and blanks, converts numeric text, drops unread fields', () => {
    expect(
      fromHsdsSchedule({ id: 'x', service_id: 's', timezone: 3, valid_from: 'null', valid_to: '', until: null, interval: '2', count: 4, opens_at: '09:00:00Z', closes_at: '12:00:00Z', schedule_link: 'https://example.org' }),
    ).toEqual({ id: 'x', interval: 2, count: 4, opensAt: '09:00:00Z', closesAt: '12:00:00Z', scheduleLink: 'https://example.org' });
  });
});
