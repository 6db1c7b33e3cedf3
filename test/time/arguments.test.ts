// Issue #21: the time helpers check what callers give them. Garbage gets an ActivityMatchError
// with the argument's path (INVALID_ACTIVITY for schedules, programmes, capacity, sessions and
// HSDS rows; INVALID_CLIENT for availability; INVALID_OPTIONS for instants, zones, windows and
// masks), never a TypeError, and never "NaN" in a reason.
import { describe, expect, it } from 'vitest';
import { canJoin, capacityStatus, fromHsdsSchedule, isStale, maskOverlapMinutes, nextOccurrences, ProgrammeSchema, ScheduleSchema, sessionFit, weeklySlotMask } from '../../src/index.js';
import { errorOf } from '../helpers.js';

const AT = new Date('2026-03-02T09:00:00Z');
const bad = (value: unknown): never => value as never;
const where = (run: () => unknown) => {
  const error = errorOf(run);
  return { code: error.code, paths: error.issues.map((i) => i.path) };
};

describe('nextOccurrences', () => {
  const weekly = { freq: 'WEEKLY', byday: 'TU', opensAt: '10:00', closesAt: '12:00' };

  it('takes validated schedules and schedule input alike, with the same sessions', () => {
    const validated = [ScheduleSchema.parse({ ...weekly, freq: 'MONTHLY', byday: '1SA,-1FR', wkst: 'SU' })];
    expect(nextOccurrences(validated, { at: AT, limit: 4 })).toEqual(nextOccurrences([{ ...weekly, freq: 'MONTHLY', byday: '1SA,-1FR', wkst: 'SU' }] as never, { at: AT, limit: 4 }));
    expect(nextOccurrences([ScheduleSchema.parse(weekly)], { at: AT })[0]?.start.toISOString()).toBe('2026-03-03T10:00:00.000Z');
  });

  it.each([
    ['null', null, ['schedules']],
    ['an object', { freq: 'WEEKLY' }, ['schedules']],
    ['[null]', [null], ['schedules[0]']],
    ['an unvalidated bad schedule', [{ ...weekly, opensAt: '25:00' }], ['schedules[0].opensAt']],
    ['a byday entry that is no day', [{ ...ScheduleSchema.parse(weekly), byday: [{ day: 'someday' }] }], ['schedules[0].byday[0]']],
    ['1,001 schedules', Array.from({ length: 1001 }, () => weekly), ['schedules']],
  ])('refuses %s as INVALID_ACTIVITY at the schedule', (_label, schedules, paths) => {
    expect(where(() => nextOccurrences(bad(schedules), { at: AT }))).toEqual({ code: 'INVALID_ACTIVITY', paths });
  });
});

describe('canJoin', () => {
  const course = ProgrammeSchema.parse({ startDate: '2026-03-02', weeks: 10 });
  it('checks the programme (INVALID_ACTIVITY) before the instant and zone (INVALID_OPTIONS)', () => {
    expect(canJoin(course, AT).canJoin).toBe(true);
    expect(where(() => canJoin(bad(null), AT))).toEqual({ code: 'INVALID_ACTIVITY', paths: ['programme'] });
    expect(where(() => canJoin(bad({ weeks: 0 }), AT))).toEqual({ code: 'INVALID_ACTIVITY', paths: ['programme.weeks'] });
    expect(where(() => canJoin(course, bad(null)))).toEqual({ code: 'INVALID_OPTIONS', paths: ['at'] });
    expect(where(() => canJoin(course, AT, 'Mars/Olympus'))).toEqual({ code: 'INVALID_OPTIONS', paths: ['timeZone'] });
  });
});

describe('capacityStatus', () => {
  it('checks the capacity: a NaN count is refused rather than written into the reason', () => {
    expect(capacityStatus(undefined)).toEqual({ excluded: false, reason: 'capacity not recorded' });
    expect(capacityStatus({ placesLeft: 4 })).toEqual({ excluded: false, waitWeeks: 0, reason: '4 places left' });
    for (const [capacity, path] of [
      [null, 'capacity'],
      [{ placesLeft: NaN }, 'capacity.placesLeft'],
      [{ placesLeft: -1 }, 'capacity.placesLeft'],
      [{ usualWaitWeeks: Infinity }, 'capacity.usualWaitWeeks'],
      [{ waitingList: 'yes' }, 'capacity.waitingList'],
    ] as const) {
      expect(where(() => capacityStatus(bad(capacity)))).toEqual({ code: 'INVALID_ACTIVITY', paths: [path] });
    }
  });
});

describe('sessionFit', () => {
  const availability = { windows: [{ day: 'tue', start: '10:00', end: '11:00' }] } as const;
  const occurrence = nextOccurrences([ScheduleSchema.parse({ freq: 'WEEKLY', byday: 'TU', opensAt: '10:00', closesAt: '12:00' })], { at: AT })[0];

  it('measures windows and occurrences', () => {
    expect(sessionFit({ day: 'tue', start: '10:00', end: '12:00' }, availability).fraction).toBe(0.5);
    expect(sessionFit(bad(occurrence), availability).fraction).toBe(0.5);
  });

  it.each([
    ['a null session', () => sessionFit(bad(null), availability), 'INVALID_ACTIVITY', ['session']],
    ['a garbage window', () => sessionFit(bad({ day: 'someday', start: 'x', end: 'y' }), availability), 'INVALID_ACTIVITY', ['session.day', 'session.start', 'session.end']],
    ['an occurrence with an invalid end', () => sessionFit(bad({ ...occurrence, end: new Date(NaN) }), availability), 'INVALID_ACTIVITY', ['session.end']],
    ['an occurrence ending before it starts', () => sessionFit(bad({ ...occurrence, end: new Date(0) }), availability), 'INVALID_ACTIVITY', ['session.end']],
    ['null availability', () => sessionFit({ day: 'tue', start: '10:00', end: '12:00' }, bad(null)), 'INVALID_CLIENT', ['availability']],
    ['garbage availability windows', () => sessionFit({ day: 'tue', start: '10:00', end: '12:00' }, bad({ windows: [null] })), 'INVALID_CLIENT', ['availability.windows[0]']],
    ['an unknown zone', () => sessionFit(bad(occurrence), availability, 'Mars/Olympus'), 'INVALID_OPTIONS', ['timeZone']],
  ])('refuses %s', (_label, run, code, paths) => {
    expect(where(run)).toEqual({ code, paths });
  });
});

describe('weeklySlotMask and maskOverlapMinutes', () => {
  const mask = weeklySlotMask([{ day: 'mon', start: '09:00', end: '10:00' }]);
  it('check windows and masks', () => {
    expect(maskOverlapMinutes(mask, mask)).toBe(60);
    expect(where(() => weeklySlotMask(bad(null)))).toEqual({ code: 'INVALID_OPTIONS', paths: ['windows'] });
    expect(where(() => weeklySlotMask(bad([{ day: 'mon', start: '10:00', end: '09:00' }])))).toEqual({ code: 'INVALID_OPTIONS', paths: ['windows[0].end'] });
    expect(where(() => maskOverlapMinutes(bad([1, 2, 3]), mask))).toEqual({ code: 'INVALID_OPTIONS', paths: ['a'] });
    expect(where(() => maskOverlapMinutes(mask, bad(new Uint32Array(3))))).toEqual({ code: 'INVALID_OPTIONS', paths: ['b'] });
  });
});

describe('fromHsdsSchedule and isStale', () => {
  it('check their arguments', () => {
    expect(fromHsdsSchedule({ opens_at: '09:00', interval: '2' })).toEqual({ opensAt: '09:00', interval: 2 });
    for (const row of [null, undefined, 'MO', [{ opens_at: '09:00' }]]) expect(where(() => fromHsdsSchedule(bad(row)))).toEqual({ code: 'INVALID_ACTIVITY', paths: ['schedule'] });
    expect(isStale(undefined, AT)).toBe(false);
    expect(where(() => isStale(bad(42), AT))).toEqual({ code: 'INVALID_OPTIONS', paths: ['validTo'] });
    expect(where(() => isStale('2026-13-01', AT))).toEqual({ code: 'INVALID_OPTIONS', paths: ['validTo'] });
  });
});
