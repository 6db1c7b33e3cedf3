// The library's factor functions, cost codes and timetable helpers against the reference's
// restatements of their documented formulas (formulas.ts): equal on every input. The end-to-end
// comparison (test/rank/fast-vs-reference.test.ts) checks them too, but only where a query's
// shortlist happens to depend on them; this checks each one directly and fails fast.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCatalogue } from '../../fixtures/generate/catalogue.js';
import bundled from '../../fixtures/catalogue.json';
import { ClientProfileSchema, parseCatalogue, ScheduleSchema } from '../../src/index.js';
import { costCodeOf } from '../../src/catalogue/codes.js';
import { ageAt } from '../../src/rank/client-context.js';
import * as lib from '../../src/signals/factors.js';
import { haversineKm } from '../../src/signals/geo.js';
import { capacityFacts } from '../../src/time/places.js';
import { dayFromIso, weekdayOfDay } from '../../src/time/dates.js';
import { lastJoinDayOf, lastSessionDayOf, minuteWindowsOf, weeklyWindowsOf } from '../../src/time/pattern.js';
import { localDay } from '../../src/time/zoned.js';
import * as f from './formulas.js';

const count = fc.integer({ min: 0, max: 6 });
const unit = fc.double({ min: 0, max: 1, noNaN: true });
const BUDGETS = ['none', 'low', 'any'] as const;
const KINDS = ['free', 'free-then-low', 'free-then-paid', 'low', 'paid', 'unknown'] as const;

describe('the documented formulas, restated, against the library', () => {
  it('distance, haversine, conditions, activation, needs, interests, avoidances, schedule, capacity and freshness', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 50, noNaN: true }), fc.double({ min: 0, max: 30, noNaN: true }),
        count, count, count, fc.integer({ min: 1, max: 4 }), unit, fc.integer({ min: 0, max: 2 }), fc.boolean(), fc.boolean(), fc.boolean(),
        fc.oneof(fc.constant(NaN), fc.integer({ min: -400, max: 3000 })), fc.oneof(fc.constant(NaN), fc.integer({ min: -30, max: 3000 })), fc.integer({ min: 0, max: 600 }), fc.integer({ min: 1, max: 2000 }),
        fc.oneof(fc.constant(NaN), fc.integer({ min: 0, max: 520 })),
        (km, limit, m, n, d, level, demand, lonely, social, befriending, inPerson, age, expired, fresh, span, wait) => {
          expect(lib.distanceFactor(km, limit)).toBe(f.distance(km, limit));
          const [mn, md] = [Math.min(m, n), Math.min(m, n, d)];
          expect(lib.conditionFactor(md, n, d)).toBe(f.conditions(md, n, d));
          expect(lib.activationFactor(level, demand)).toBe(f.activation(level, demand));
          expect(lib.needsFactor(mn, n, lonely as 0 | 1 | 2, social, befriending, inPerson)).toBe(f.needs(mn, n, lonely as 0 | 1 | 2, social, befriending, inPerson));
          expect(lib.interestFactor(mn, n)).toBe(f.interests(mn, n));
          expect(lib.avoidanceFactor(m)).toBe(f.avoidances(m));
          expect(lib.scheduleFactor(demand, social, inPerson)).toBe(f.schedule(demand, social, inPerson));
          expect(lib.capacityFactor(wait)).toBe(f.capacity(wait));
          expect(lib.freshnessFactor(age, expired, fresh, fresh + span, demand)).toBe(f.freshness(age, expired, fresh, fresh + span, demand));
        },
      ),
      { numRuns: 3000, seed: 21 },
    );
    fc.assert(
      fc.property(fc.double({ min: -90, max: 90, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true }), (a, b, c, d) => {
        expect(Math.abs(haversineKm(a, b, c, d) - f.greatCircleKm(a, b, c, d))).toBeLessThanOrEqual(1e-9);
      }),
      { numRuns: 2000, seed: 21 },
    );
  });

  it('the cost table and what each budget can pay, cell by cell', () => {
    for (const budget of BUDGETS) {
      for (const kind of KINDS) {
        const [b, k] = [lib.BUDGET_CODES.indexOf(budget), lib.COST_CODES.indexOf(kind)];
        expect(lib.costFactor(b, k), `${budget} × ${kind}`).toBe(f.cost(budget, kind));
        expect(lib.isAffordable(b, k), `${budget} can pay ${kind}`).toBe(f.affordable(budget, kind));
      }
    }
  });

  // Every cost the schema can say, on copies of the bundled activities.
  const COSTS = [undefined, { level: 'free' }, { level: 'low' }, { level: 'paid' }, { level: 'low', freePeriod: { weeks: 10 } }, { level: 'paid', freePeriod: { weeks: 4 } }, { level: 'free', freePeriod: { weeks: 2 } }];
  const costed = (bundled as { id: string }[]).flatMap((a, i) => {
    const { cost: _cost, ...rest } = a as { id: string; cost?: unknown };
    const cost = COSTS[i % COSTS.length];
    return [{ ...rest, id: `${a.id}-cost-${i}`, ...(cost === undefined ? {} : { cost }) }];
  });
  const { activities } = parseCatalogue([...bundled, ...costed, ...generateCatalogue({ seed: 21, count: 3000, spread: 'city' })]);

  it('cost codes, demand, capacity, sessions and programmes of the bundled and generated activities', () => {
    let withProgramme = 0;
    for (const a of activities) {
      expect(lib.COST_CODES[costCodeOf(a)], a.id).toBe(f.costKind(a));
      const intensity = a.intensity === undefined ? 4 : lib.INTENSITY_CODES.indexOf(a.intensity);
      const group = a.groupSize === undefined ? 4 : lib.GROUP_CODES.indexOf(a.groupSize);
      expect(lib.activityDemand(intensity, group, a.tags.includes('gym'), a.supported === true), a.id).toBe(f.demand(a));
      const facts = capacityFacts(a.capacity);
      expect(facts.excluded, a.id).toBe(f.full(a));
      expect(facts.waitWeeks ?? NaN, a.id).toBe(f.waitWeeks(a));
      expect(minuteWindowsOf(a.sessions), a.id).toEqual(f.sessionWindows(a));
      if (a.programme !== undefined) withProgramme++;
      expect(lastJoinDayOf(a.programme), a.id).toBe(f.lastJoinDay(a.programme));
    }
    expect(new Set(activities.map((a) => f.costKind(a))).size).toBe(6);
    expect(withProgramme).toBeGreaterThanOrEqual(20);
  });

  it('the weekly windows and last day of any schedule', () => {
    const date = fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2028-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const time = fc.tuple(fc.integer({ min: 0, max: 22 }), fc.constantFrom(0, 15, 30, 45)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    const input = fc.record(
      {
        freq: fc.constantFrom('WEEKLY', 'MONTHLY'),
        byday: fc.constantFrom('MO', 'TU,TH', '1SA', '-1FR', 'SU,2WE', 'MO,MO'),
        bymonthday: fc.constantFrom([1], [15, -1], [31]),
        dtstart: date,
        until: date,
        opensAt: time,
        extraSessions: fc.array(fc.record({ date, opensAt: time }), { maxLength: 3 }),
      },
      { requiredKeys: ['opensAt'] },
    );
    let checked = 0;
    fc.assert(
      fc.property(input, (raw) => {
        const parsed = ScheduleSchema.safeParse({ ...raw, closesAt: '23:30', extraSessions: raw.extraSessions?.map((e) => ({ ...e, closesAt: '23:45' })) });
        if (!parsed.success) return;
        checked++;
        expect(weeklyWindowsOf(parsed.data)).toEqual(f.scheduleWindows(parsed.data));
        expect(lastSessionDayOf(parsed.data)).toBe(f.lastSessionDay(parsed.data));
      }),
      { numRuns: 3000, seed: 21 },
    );
    expect(checked).toBeGreaterThan(500);
  });

  it('days, weekdays, local days across clock changes, and ages', () => {
    // From 1930: before, some zones kept local mean time with seconds in the offset (Dublin's
    // −0:25:21), which the library's minute-resolution offsets do not hold.
    const zones = ['Europe/London', 'Europe/Dublin', 'America/New_York', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Asia/Kathmandu'];
    fc.assert(
      fc.property(fc.date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2999-12-30T00:00:00Z'), noInvalidDate: true }), fc.constantFrom(...zones), (at, zone) => {
        const iso = at.toISOString().slice(0, 10);
        expect(dayFromIso(iso)).toBe(f.dayOf(iso));
        expect(weekdayOfDay(f.dayOf(iso))).toBe(f.weekdayOf(f.dayOf(iso)));
        expect(localDay(at, zone)).toBe(f.localDayIn(at, zone));
      }),
      { numRuns: 1000, seed: 21 },
    );
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true }), fc.date({ min: new Date('2027-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }), (born, at) => {
        const client = ClientProfileSchema.parse({ dateOfBirth: born.toISOString().slice(0, 10), activation: 2 });
        expect(ageAt(client, at)).toBe(f.ageOn(client, at));
      }),
      { numRuns: 2000, seed: 21 },
    );
  }, 60_000);
});
