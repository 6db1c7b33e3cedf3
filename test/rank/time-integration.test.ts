// How the time layer shows in recommendations: schedules, next sessions, programmes, capacity, expiry.
import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../src/index.js';
import { activity, AT, client } from '../helpers.js';

const opts = { at: AT } as const; // Monday 23 November 2026, 09:00 GMT

describe('schedules in recommendations', () => {
  it('gives the next session of a monthly "first Saturday" schedule, with the zone and a dated label', () => {
    const m = createMatcher([activity('bees', { sessions: [], schedules: [{ freq: 'MONTHLY', byday: '1SA', opensAt: '10:00', closesAt: '12:00' }] })]);
    const e = m.explain(client(), 'bees', opts);
    expect(e.nextSession?.start.toISOString()).toBe('2026-12-05T10:00:00.000Z');
    expect(e.nextSession?.timeZone).toBe('Europe/London');
    expect(e.reasons).toContain('Next session Sat 5 Dec 10:00');
    expect(e.upcomingSessions.map((s) => s.start.toISOString())).toEqual(['2026-12-05T10:00:00.000Z', '2027-01-02T10:00:00.000Z', '2027-02-06T10:00:00.000Z']);
  });

  it('keeps wall-clock times across the March clock change', () => {
    const m = createMatcher([activity('walk', { sessions: [{ day: 'mon', start: '10:00', end: '11:00' }] })]);
    const e = m.explain(client(), 'walk', { at: '2026-03-28T12:00:00Z' });
    expect(e.upcomingSessions.map((s) => s.start.toISOString())).toEqual(['2026-03-30T09:00:00.000Z', '2026-04-06T09:00:00.000Z', '2026-04-13T09:00:00.000Z']);
  });

  it('scores a schedule against availability by weekday: fortnightly Tuesdays fit a client free on Tuesdays', () => {
    const m = createMatcher([activity('fortnightly', { sessions: [], schedules: [{ freq: 'WEEKLY', interval: 2, byday: 'TU', dtstart: '2026-11-03', opensAt: '10:00', closesAt: '12:00' }] })]);
    const tuesdays = client({ availability: [{ day: 'tue', start: '09:00', end: '13:00' }] });
    expect(m.recommend(tuesdays, opts).map((r) => r.id)).toEqual(['fortnightly']);
    const fridays = client({ availability: [{ day: 'fri', start: '09:00', end: '13:00' }] });
    expect(m.explain(fridays, 'fortnightly', opts).exclusions.map((x) => x.rule)).toEqual(['schedule']);
  });

  it('offers as the next session the first one that is not on a date away', () => {
    const m = createMatcher([activity('club', { sessions: [{ day: 'wed', start: '13:30', end: '15:00' }] })]);
    const away = client({ availability: [{ day: 'wed', start: '13:00', end: '16:00' }], datesAway: [{ from: '2026-11-24', to: '2026-12-03' }] });
    const e = m.explain(away, 'club', opts);
    expect(e.upcomingSessions[0]?.fitsClient).toBe(false);
    expect(e.nextSession?.start.toISOString()).toBe('2026-12-09T13:30:00.000Z');
  });

  it('skips closure dates', () => {
    const m = createMatcher([activity('closed', { sessions: [], schedules: [{ freq: 'WEEKLY', byday: 'WE', opensAt: '13:30', closesAt: '15:00', closures: ['2026-11-25'] }] })]);
    expect(m.explain(client(), 'closed', opts).nextSession?.start.toISOString()).toBe('2026-12-02T13:30:00.000Z');
  });

  it('no longer recommends a series past its until date, and says when it ended', () => {
    const m = createMatcher([activity('over', { sessions: [], schedules: [{ freq: 'WEEKLY', byday: 'WE', opensAt: '10:00', closesAt: '12:00', until: '2026-10-28' }] })]);
    expect(m.recommend(client(), opts)).toEqual([]);
    expect(m.explain(client(), 'over', opts).exclusions).toEqual([{ rule: 'ended', reason: 'The last session was on 2026-10-28' }]);
  });

  it('still shows a timetable past its validTo, flagged for re-checking, with lower freshness', () => {
    const schedule = { freq: 'WEEKLY', byday: 'WE', opensAt: '10:00', closesAt: '12:00' } as const;
    const m = createMatcher([activity('expired', { sessions: [], schedules: [{ ...schedule, validTo: '2025-11-23' }] }), activity('current', { sessions: [], schedules: [schedule] })]);
    const expired = m.explain(client(), 'expired', opts);
    expect(expired.eligible).toBe(true);
    expect(expired.cautions).toContain('Timetable information expired on 2025-11-23: re-check with the provider');
    expect(expired.factors.find((f) => f.factor === 'freshness')?.value).toBeLessThan(m.explain(client(), 'current', opts).factors.find((f) => f.factor === 'freshness')!.value);
  });
});

describe('programmes', () => {
  it('lets a client join a fixed cohort in its joining weeks and says so', () => {
    const m = createMatcher([activity('course', { programme: { startDate: '2026-11-16', weeks: 8, latestJoinWeek: 2 } })]);
    const e = m.explain(client(), 'course', opts);
    expect(e.eligible).toBe(true);
    expect(e.reasons).toContain('Cohort started 16 November 2026 and is in week 2 of 8; newcomers taken up to week 2');
  });

  it('keeps a closed cohort with a later intake, with the intake as a caution', () => {
    const m = createMatcher([activity('course', { programme: { startDate: '2026-10-05', weeks: 8, intakes: ['2027-01-11'] } })]);
    const e = m.explain(client(), 'course', opts);
    expect(e.eligible).toBe(true);
    expect(e.cautions.some((c) => c.includes('next intake 11 January 2027'))).toBe(true);
  });

  it('excludes a cohort that can no longer be joined and has no later intake', () => {
    const m = createMatcher([activity('course', { programme: { startDate: '2026-10-05', weeks: 8 } })]);
    expect(m.explain(client(), 'course', opts).exclusions.map((x) => x.rule)).toEqual(['programme']);
  });
});

describe('capacity', () => {
  it('scores a usual wait as a soft factor and says how long it is', () => {
    const m = createMatcher([activity('waiting', { capacity: { placesLeft: 0, waitingList: true, usualWaitWeeks: 3 } }), activity('open', { capacity: { placesLeft: 4 } })]);
    const waiting = m.explain(client(), 'waiting', opts);
    expect(waiting.eligible).toBe(true);
    expect(waiting.factors.find((f) => f.factor === 'capacity')?.value).toBeCloseTo(4 / 7, 12);
    expect(waiting.cautions).toContain('Full; waiting list, usually a 3-week wait');
    expect(m.explain(client(), 'open', opts).reasons).toContain('4 places left');
    expect(m.recommend(client(), { ...opts, rules: { diversity: { enabled: false } } }).map((r) => r.id)).toEqual(['open', 'waiting']);
  });
});
