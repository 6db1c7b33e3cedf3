// What explanations share within one call: recommendMany must equal recommend per client even
// when the same activities are explained for many clients, with no mutable object shared between
// results; the direct weekly path must read exactly like the same timetable written as HSDS
// schedules; and a cache made for another query is never used.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCatalogue } from '../../src/catalogue/compile.js';
import { parseCatalogue } from '../../src/catalogue/load.js';
import { createMatcher, DEFAULT_RULES } from '../../src/index.js';
import type { ActivityInput, ClientProfileInput, Recommendation, SessionTime, WeeklyWindow } from '../../src/index.js';
import { ClientProfileSchema } from '../../src/schema/client.js';
import { DAYS } from '../../src/schema/common.js';
import { clientContext } from '../../src/rank/client-context.js';
import { createExplainCache, explainPosition } from '../../src/rank/explain.js';
import { windowsAt } from '../../src/rank/sessions.js';
import { minuteWindowsOf } from '../../src/time/pattern.js';
import { generateCatalogue } from '../../fixtures/generate/catalogue.js';
import { activity, AT, client, north } from '../helpers.js';

/** A small catalogue every client can reach, so the same activities recur across a caseload. */
const CATALOGUE: ActivityInput[] = [
  activity('wed-club'),
  activity('two-a-week', { category: 'physical-activity', sessions: [{ day: 'tue', start: '10:00', end: '11:30' }, { day: 'thu', start: '18:00', end: '19:00' }] }),
  activity('early-sunday', { sessions: [{ day: 'sun', start: '01:30', end: '02:30' }, { day: 'sat', start: '23:30', end: '23:59' }] }),
  activity('new-york', { timeZone: 'America/New_York', sessions: [{ day: 'mon', start: '09:00', end: '10:00' }] }),
  activity('sydney', { timeZone: 'Australia/Sydney', location: { kind: 'online' }, sessions: [{ day: 'fri', start: '19:00', end: '20:00' }] }),
  activity('fortnightly', { category: 'arts', sessions: [], schedules: [{ freq: 'WEEKLY', interval: 2, byday: 'TU,FR', dtstart: '2026-01-06', opensAt: '10:00', closesAt: '12:00', closures: ['2026-12-25'] }] }),
  activity('monthly-plus', { schedules: [{ freq: 'MONTHLY', byday: '1SA', opensAt: '10:00', closesAt: '12:00', extraSessions: [{ date: '2026-12-19' }] }] }),
  activity('course', { category: 'learning', programme: { startDate: '2026-11-02', weeks: 8, latestJoinWeek: 4 }, sessions: [{ day: 'mon', start: '14:00', end: '16:00' }] }),
  activity('waiting', { capacity: { placesLeft: 0, waitingList: true, usualWaitWeeks: 3 }, sessions: [{ day: 'thu', start: '10:00', end: '12:00' }] }),
  activity('by-appointment', { location: { kind: 'home' }, sessions: [] }),
  activity('near', { location: { kind: 'venue', ...north(1.2) }, inferred: ['groupSize', 'needs'], needs: ['loneliness'], groupSize: 'small' }),
];

/** Clients whose availability and dates away differ, so one session fits some of them and not others. */
const CLIENTS: ClientProfileInput[] = [
  client(),
  client({ availability: [{ day: 'wed', start: '13:00', end: '16:00' }] }),
  client({ availability: [{ day: 'tue', start: '09:00', end: '12:00' }, { day: 'thu', start: '17:00', end: '20:00' }] }),
  client({ datesAway: [{ from: '2026-11-24', to: '2026-12-03' }] }),
  client({ availability: [{ day: 'wed', start: '13:00', end: '16:00' }], datesAway: ['2026-11-25', '2026-12-02', '2026-12-09'] }),
  client({ interests: ['walking', 'art'], needs: ['loneliness'], age: 80 }),
  client({ availability: [{ day: 'mon', start: '08:00', end: '18:00' }, { day: 'sun', start: '00:00', end: '04:00' }] }),
  client({ avoid: ['singing'], budget: 'none' }),
];

const AT_TIMES = [AT, '2026-03-28T23:30:00Z', '2026-10-24T23:45:00Z', '2027-01-01T00:00:00Z'];

/** Every session-time object of a shortlist. */
function sessionTimes(results: readonly Recommendation[][]): SessionTime[] {
  return results.flatMap((list) => list.flatMap((r) => [...r.upcomingSessions, ...(r.nextSession && !r.upcomingSessions.includes(r.nextSession) ? [r.nextSession] : [])]));
}

describe('recommendMany shares per-activity work across the caseload', () => {
  const matcher = createMatcher(CATALOGUE);

  it.each(AT_TIMES)('equals recommend for each client at %s, with activities repeated across clients', (at) => {
    const caseload = [...CLIENTS, ...CLIENTS.slice().reverse()];
    const many = matcher.recommendMany(caseload, { at, limit: 6 });
    expect(many).toEqual(caseload.map((c) => matcher.recommend(c, { at, limit: 6 })));
    // Not vacuous: activities recur, and a session shared by several clients fits some and not others.
    const seen = new Map<string, number>();
    for (const r of many.flat()) seen.set(r.id, (seen.get(r.id) ?? 0) + 1);
    expect([...seen.values()].filter((n) => n >= 4).length).toBeGreaterThanOrEqual(3);
    const fitsByStart = new Map<string, Set<boolean>>();
    for (const s of sessionTimes(many)) fitsByStart.set(s.start.toISOString(), (fitsByStart.get(s.start.toISOString()) ?? new Set()).add(s.fitsClient));
    expect([...fitsByStart.values()].some((v) => v.size === 2)).toBe(true);
  });

  it('equals recommend for each client when a client can attend none of the first sessions (the wider search)', () => {
    const away = client({ availability: [{ day: 'wed', start: '13:00', end: '16:00' }], datesAway: [{ from: '2026-11-23', to: '2026-12-13' }] });
    const caseload = [away, client(), away, client({ availability: [{ day: 'wed', start: '13:00', end: '16:00' }] }), away];
    const many = matcher.recommendMany(caseload, { at: AT, limit: 5 });
    expect(many).toEqual(caseload.map((c) => matcher.recommend(c, { at: AT, limit: 5 })));
    const club = many[0]?.find((r) => r.id === 'wed-club');
    expect(club?.upcomingSessions.every((s) => !s.fitsClient)).toBe(true);
    expect(club?.nextSession?.start.toISOString()).toBe('2026-12-16T13:30:00.000Z');
  });

  it('gives each result its own Date objects, so changing one result never changes another', () => {
    const many = matcher.recommendMany([...CLIENTS, ...CLIENTS], { at: AT, limit: 6 });
    const dates = sessionTimes(many).flatMap((s) => [s.start, s.end]);
    expect(dates.length).toBeGreaterThan(100);
    expect(new Set(dates).size).toBe(dates.length);
    const first = many[0]?.[0]?.upcomingSessions[0];
    const twin = many[CLIENTS.length]?.[0]?.upcomingSessions[0];
    expect(twin?.start.getTime()).toBe(first?.start.getTime());
    first?.start.setTime(0);
    expect(twin?.start.getTime()).not.toBe(0);
  });

  it('gives the same shortlists in any order of the caseload', () => {
    const forward = matcher.recommendMany(CLIENTS, { at: AT, limit: 6 });
    const backward = matcher.recommendMany(CLIENTS.slice().reverse(), { at: AT, limit: 6 });
    expect(backward.slice().reverse()).toEqual(forward);
  });
});

describe('the direct weekly path in explanations', () => {
  const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  const windowArb: fc.Arbitrary<WeeklyWindow> = fc
    .record({ day: fc.constantFrom(...DAYS), start: fc.integer({ min: 0, max: 1400 }), length: fc.integer({ min: 15, max: 240 }) })
    .map(({ day, start, length }) => ({ day, start: clock(start), end: clock(Math.min(1439, start + length)) }));
  const code = (day: WeeklyWindow['day']) => day.slice(0, 2).toUpperCase();

  it('gives the same sessions, fit and reason as the same timetable written as HSDS weekly schedules', () => {
    fc.assert(
      fc.property(
        fc.array(windowArb, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('Europe/London', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'UTC'),
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 31) }).map((ms) => new Date(ms)),
        fc.constantFrom<Partial<ClientProfileInput>>({}, { availability: [{ day: 'sun', start: '00:00', end: '03:00' }, { day: 'wed', start: '09:00', end: '17:00' }] }, { datesAway: [{ from: '2026-03-20', to: '2026-04-10' }, { from: '2026-10-20', to: '2026-11-05' }] }),
        (windows, timeZone, at, overrides) => {
          const schedules = windows.map((w) => ({ freq: 'WEEKLY' as const, byday: code(w.day), opensAt: w.start, closesAt: w.end }));
          const m = createMatcher([activity('weekly', { timeZone, sessions: windows }), activity('hsds', { timeZone, sessions: [], schedules })]);
          const who = client(overrides);
          const direct = m.explain(who, 'weekly', { at });
          const engine = m.explain(who, 'hsds', { at });
          expect(direct.upcomingSessions).toEqual(engine.upcomingSessions);
          expect(direct.nextSession).toEqual(engine.nextSession);
          expect(direct.reasons.filter((r) => r.startsWith('Next session'))).toEqual(engine.reasons.filter((r) => r.startsWith('Next session')));
          expect(direct.upcomingSessions).toHaveLength(3);
        },
      ),
      { numRuns: 150, seed: 4 },
    );
  });
});

describe('createExplainCache', () => {
  const cat = compileCatalogue(parseCatalogue(CATALOGUE).activities);
  const context = (at: string) => clientContext(ClientProfileSchema.parse(client()), new Date(at), DEFAULT_RULES, cat.columns);
  const position = cat.positionOf('wed-club');

  it('is ignored when made for another time, rules object or catalogue', () => {
    const ctx = context('2026-12-01T09:00:00Z');
    const fresh = explainPosition(ctx, cat, position, DEFAULT_RULES);
    expect(fresh.nextSession?.start.toISOString()).toBe('2026-12-02T13:30:00.000Z');
    const wrongTime = createExplainCache(cat, DEFAULT_RULES, new Date(AT));
    explainPosition(context(AT), cat, position, DEFAULT_RULES, wrongTime); // fills it with the sessions of the week of 23 November
    expect(explainPosition(ctx, cat, position, DEFAULT_RULES, wrongTime)).toEqual(fresh);
    const otherRules = { ...DEFAULT_RULES, weights: { ...DEFAULT_RULES.weights, distance: 0 } };
    expect(explainPosition(ctx, cat, position, DEFAULT_RULES, createExplainCache(cat, otherRules, ctx.at))).toEqual(fresh);
    const otherCatalogue = compileCatalogue(parseCatalogue([...CATALOGUE].reverse()).activities);
    const foreign = createExplainCache(otherCatalogue, DEFAULT_RULES, ctx.at);
    for (let p = 0; p < otherCatalogue.columns.n; p++) explainPosition(context('2026-12-01T09:00:00Z'), otherCatalogue, p, DEFAULT_RULES, foreign);
    expect(explainPosition(ctx, cat, position, DEFAULT_RULES, foreign)).toEqual(fresh);
  });

  it('gives the same explanation with a filled cache as without one', () => {
    const ctx = context(AT);
    const cache = createExplainCache(cat, DEFAULT_RULES, ctx.at);
    const first = Array.from({ length: cat.columns.n }, (_, p) => explainPosition(ctx, cat, p, DEFAULT_RULES, cache));
    const again = Array.from({ length: cat.columns.n }, (_, p) => explainPosition(ctx, cat, p, DEFAULT_RULES, cache));
    const uncached = Array.from({ length: cat.columns.n }, (_, p) => explainPosition(ctx, cat, p, DEFAULT_RULES));
    expect(first).toEqual(uncached);
    expect(again).toEqual(uncached);
    expect(cache.timetables.size).toBe(cat.columns.n);
  });
});

describe('windowsAt', () => {
  it('reads, for every activity without HSDS schedules, exactly its sessions in minutes and in order', () => {
    const activities = parseCatalogue([...CATALOGUE, ...generateCatalogue({ seed: 5, count: 3000, spread: 'national' })]).activities;
    const cat = compileCatalogue(activities);
    let checked = 0;
    for (let p = 0; p < cat.columns.n; p++) {
      const a = cat.records.at(cat.columns.activityIndex[p] as number);
      if (a === undefined || a.schedules.length > 0) continue;
      expect(windowsAt(cat.columns, p)).toEqual(minuteWindowsOf(a.sessions));
      if (a.sessions.length > 1) checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });
});
