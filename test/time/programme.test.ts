import { describe, expect, it } from 'vitest';
import { canJoin, capacityStatus, CapacitySchema, ProgrammeSchema } from '../../src/time/index.js';

const noon = (date: string) => new Date(`${date}T12:00:00Z`);

describe('ProgrammeSchema', () => {
  it('fills defaults and sorts intakes', () => {
    expect(ProgrammeSchema.parse({ startDate: '2026-03-02', weeks: 10, intakes: ['2026-09-07', '2026-06-01', '2026-06-01'] })).toEqual({ startDate: '2026-03-02', weeks: 10, rolling: false, intakes: ['2026-06-01', '2026-09-07'] });
  });

  it.each<{ name: string; input: Record<string, unknown>; path: string }>([
    { name: 'weeks 0', input: { startDate: '2026-03-02', weeks: 0 }, path: 'weeks' },
    { name: 'bad start date', input: { startDate: '2026-02-30', weeks: 10 }, path: 'startDate' },
    { name: 'join week after the end', input: { startDate: '2026-03-02', weeks: 4, latestJoinWeek: 5 }, path: 'latestJoinWeek' },
    { name: 'join week with rolling', input: { startDate: '2026-03-02', weeks: 4, rolling: true, latestJoinWeek: 2 }, path: 'latestJoinWeek' },
    { name: 'bad intake', input: { startDate: '2026-03-02', weeks: 4, intakes: ['June'] }, path: 'intakes.0' },
  ])('$name → $path', ({ input, path }) => {
    expect(ProgrammeSchema.safeParse(input).error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});

describe('canJoin', () => {
  const course = ProgrammeSchema.parse({ startDate: '2026-03-02', weeks: 10, latestJoinWeek: 2, intakes: ['2026-06-01'] });

  it.each([
    { at: '2026-02-20', canJoin: true, week: undefined, nextIntake: '2026-03-02T00:00:00.000Z', reason: 'next cohort starts 2 March 2026' },
    { at: '2026-03-02', canJoin: true, week: 1, nextIntake: undefined, reason: 'cohort started 2 March 2026 and is in week 1 of 10; newcomers taken up to week 2' },
    { at: '2026-03-15', canJoin: true, week: 2, nextIntake: undefined, reason: 'cohort started 2 March 2026 and is in week 2 of 10; newcomers taken up to week 2' },
    { at: '2026-03-16', canJoin: false, week: 3, nextIntake: '2026-05-31T23:00:00.000Z', reason: 'cohort started 2 March 2026 and is in week 3 of 10 (joining closed after week 2); next intake 1 June 2026' },
    { at: '2026-06-01', canJoin: true, week: 1, nextIntake: undefined, reason: 'cohort started 1 June 2026 and is in week 1 of 10; newcomers taken up to week 2' },
    { at: '2026-07-01', canJoin: false, week: 5, nextIntake: undefined, reason: 'cohort started 1 June 2026 and is in week 5 of 10 (joining closed after week 2); no further intake listed' },
    { at: '2026-08-10', canJoin: false, week: undefined, nextIntake: undefined, reason: 'course ended 9 August 2026; no further intake listed' },
  ])('fixed cohort on $at → $canJoin', ({ at, ...expected }) => {
    const status = canJoin(course, noon(at));
    expect(status.canJoin).toBe(expected.canJoin);
    expect(status.week).toBe(expected.week);
    expect(status.nextIntake?.toISOString()).toBe(expected.nextIntake);
    expect(status.reason).toBe(expected.reason);
  });

  it('between cohorts, the next one can be joined', () => {
    const spaced = ProgrammeSchema.parse({ startDate: '2026-01-05', weeks: 4, intakes: ['2026-04-13'] });
    expect(canJoin(spaced, noon('2026-03-01'))).toEqual({ canJoin: true, reason: 'course ended 1 February 2026; next cohort starts 13 April 2026', nextIntake: new Date('2026-04-12T23:00:00Z') });
  });

  it('defaults to joining in the first week only', () => {
    const strict = ProgrammeSchema.parse({ startDate: '2026-03-02', weeks: 6 });
    expect(canJoin(strict, noon('2026-03-08')).canJoin).toBe(true);
    expect(canJoin(strict, noon('2026-03-09')).canJoin).toBe(false);
  });

  it('uses the local date: 23:30 UTC on Sunday is already Monday in BST', () => {
    const summer = ProgrammeSchema.parse({ startDate: '2026-06-01', weeks: 6 });
    expect(canJoin(summer, new Date('2026-06-07T22:59:00Z')).week).toBe(1);
    expect(canJoin(summer, new Date('2026-06-07T23:30:00Z')).week).toBe(2);
  });

  it('rejects a bad zone or date with INVALID_OPTIONS naming the field', () => {
    expect(() => canJoin(course, noon('2026-03-02'), 'Europe/Atlantis')).toThrow(/timeZone: expected an IANA time zone/);
    expect(() => canJoin(course, new Date('soon'))).toThrow(/at: expected a valid Date/);
  });

  it('rolling enrolment: join any week, or from the start date', () => {
    const rolling = ProgrammeSchema.parse({ startDate: '2026-01-05', weeks: 12, rolling: true });
    expect(canJoin(rolling, noon('2027-05-01'))).toEqual({ canJoin: true, reason: 'rolling enrolment: join any week' });
    expect(canJoin(rolling, noon('2025-12-01'))).toEqual({ canJoin: true, reason: 'rolling enrolment from 5 January 2026', nextIntake: new Date('2026-01-05T00:00:00Z') });
  });
});

describe('capacityStatus', () => {
  it.each([
    { capacity: { placesLeft: 0, waitingList: false }, expected: { excluded: true, reason: 'full, no waiting list' } },
    { capacity: { placesLeft: 0, waitingList: true, usualWaitWeeks: 3 }, expected: { excluded: false, waitWeeks: 3, reason: 'full; waiting list, usually a 3-week wait' } },
    { capacity: { placesLeft: 0, waitingList: true }, expected: { excluded: false, reason: 'full; waiting list, usual wait not recorded' } },
    { capacity: { placesLeft: 0 }, expected: { excluded: false, reason: 'full; ask whether there is a waiting list' } },
    { capacity: { placesLeft: 1 }, expected: { excluded: false, waitWeeks: 0, reason: '1 place left' } },
    { capacity: { placesLeft: 4, usualWaitWeeks: 2 }, expected: { excluded: false, waitWeeks: 2, reason: '4 places left; usually a 2-week wait' } },
    { capacity: { waitingList: true, usualWaitWeeks: 0 }, expected: { excluded: false, waitWeeks: 0, reason: 'waiting list, usually no wait' } },
    { capacity: { usualWaitWeeks: 6 }, expected: { excluded: false, waitWeeks: 6, reason: 'usually a 6-week wait' } },
    { capacity: {}, expected: { excluded: false, reason: 'capacity not recorded' } },
  ])('$capacity → $expected.reason', ({ capacity, expected }) => {
    expect(capacityStatus(CapacitySchema.parse(capacity))).toEqual(expected);
  });

  it('treats no capacity record as unknown, not full', () => {
    expect(capacityStatus(undefined)).toEqual({ excluded: false, reason: 'capacity not recorded' });
  });

  it.each([
    { input: { placesLeft: -1 }, path: 'placesLeft' },
    { input: { placesLeft: 1.5 }, path: 'placesLeft' },
    { input: { waitingList: 'yes' }, path: 'waitingList' },
    { input: { usualWaitWeeks: -2 }, path: 'usualWaitWeeks' },
  ])('rejects $input at $path', ({ input, path }) => {
    expect(CapacitySchema.safeParse(input).error?.issues.map((i) => i.path.join('.'))).toEqual([path]);
  });
});
