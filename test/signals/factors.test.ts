import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activationFactor,
  activityDemand,
  avoidanceFactor,
  capacityFactor,
  conditionFactor,
  costFactor,
  distanceFactor,
  freshnessFactor,
  haversineKm,
  interestFactor,
  isAffordable,
  needsFactor,
  scheduleFactor,
} from '../../src/index.js';

const unit = fc.double({ min: 0, max: 1, noNaN: true });

describe('distanceFactor', () => {
  it.each([
    [0, 8, 1],
    [2, 8, 0.75],
    [8, 8, 0],
    [12, 8, 0],
    [0, 0, 1],
    [0.1, 0, 0],
  ])('%s km with a %s km limit gives %s', (km, limit, expected) => {
    expect(distanceFactor(km, limit)).toBeCloseTo(expected, 12);
  });

  it('never rises as the venue gets further away', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }), (a, b, limit) => {
        const [near, far] = a <= b ? [a, b] : [b, a];
        expect(distanceFactor(near, limit)).toBeGreaterThanOrEqual(distanceFactor(far, limit));
      }),
    );
  });
});

describe('conditionFactor', () => {
  it.each([
    ['designed for their only condition', 1, 1, 2, 1],
    ['designed for one of their two conditions', 1, 2, 1, 0.875],
    ['a general activity', 0, 2, 0, 0.5],
    ['designed for other conditions', 0, 1, 2, 0.25],
    ['designed for others, client has no conditions', 0, 0, 3, 0.25],
  ])('%s', (_label, matched, clientCount, designed, expected) => {
    expect(conditionFactor(matched, clientCount, designed)).toBeCloseTo(expected, 12);
  });
});

describe('activityDemand and activationFactor', () => {
  it('rates a vigorous, large gym class as the most demanding and supported one-to-one advice as the least', () => {
    expect(activityDemand(3, 3, true, false)).toBe(1);
    expect(activityDemand(0, 0, false, true)).toBe(0);
  });

  it('gives a level-1 client nothing for a gym-like demand and full marks for low demand', () => {
    expect(activationFactor(1, 0.9)).toBe(0);
    expect(activationFactor(1, 0.2)).toBe(1);
  });

  it('penalises asking too much five times harder than asking too little', () => {
    // level 2 has capacity 0.45
    expect(1 - activationFactor(2, 0.55)).toBeCloseTo(5 * (1 - activationFactor(2, 0.35)), 12);
  });

  it('never prefers a more demanding activity for the lowest two levels', () => {
    fc.assert(
      fc.property(fc.constantFrom(1, 2), unit, unit, (level, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        if (low >= [0.2, 0.45][level - 1]!) expect(activationFactor(level, low)).toBeGreaterThanOrEqual(activationFactor(level, high));
      }),
    );
  });
});

describe('needsFactor', () => {
  it.each([
    ['no needs recorded', 0, 0, 0, false, false, 0.5],
    ['both practical needs met', 2, 2, 0, false, false, 1],
    ['one of two needs met', 1, 2, 0, false, false, 0.8],
    ['needs unmet', 0, 2, 0, true, false, 0],
    ['lonely, social activity', 0, 0, 1, true, false, 0.8],
    ['lonely, solitary activity', 0, 0, 1, false, false, 0.2],
    ['most isolated, befriending', 0, 0, 2, true, true, 1],
    ['most isolated, other social activity', 0, 0, 2, true, false, 0.8],
    ['need met and lonely with a social element', 1, 1, 1, true, false, 0.9],
  ] as const)('%s', (_label, matched, count, loneliness, social, befriending, expected) => {
    expect(needsFactor(matched, count, loneliness, social, befriending)).toBeCloseTo(expected, 12);
  });
});

describe('interestFactor', () => {
  it.each([
    [0, 0, 0.5],
    [0, 3, 0],
    [1, 2, 0.75],
    [2, 2, 1],
  ])('%s of %s interests matched gives %s', (m, n, expected) => {
    expect(interestFactor(m, n)).toBeCloseTo(expected, 12);
  });

  it('never falls when the client adds an interest the activity matches', () => {
    fc.assert(
      fc.property(fc.nat(20), fc.nat(20), (m, extra) => {
        const n = m + extra;
        expect(interestFactor(m + 1, n + 1)).toBeGreaterThanOrEqual(interestFactor(m, n));
      }),
    );
  });
});

describe('avoidanceFactor', () => {
  it('is 0 with any hit and 1 with none', () => {
    expect(avoidanceFactor(2)).toBe(0);
    expect(avoidanceFactor(0)).toBe(1);
  });
});

describe('costFactor and isAffordable', () => {
  // budget: 0 none, 1 low, 2 any; cost: 0 free, 1 free→low, 2 free→paid, 3 low, 4 paid, 5 unknown
  it.each([
    [0, 0, true, 1],
    [0, 1, true, 0.6],
    [0, 2, true, 0.5],
    [0, 3, false, 0],
    [0, 4, false, 0],
    [0, 5, true, 0.5],
    [1, 3, true, 0.8],
    [1, 4, false, 0],
    [2, 4, true, 0.7],
  ])('budget %s, cost %s: affordable %s, factor %s', (budget, cost, affordable, value) => {
    expect(isAffordable(budget, cost)).toBe(affordable);
    expect(costFactor(budget, cost)).toBe(value);
  });
});

describe('scheduleFactor', () => {
  it('is the fitting fraction of the best session, and 1 by appointment or with no availability given', () => {
    expect(scheduleFactor(0.5, true, true)).toBe(0.5);
    expect(scheduleFactor(0, false, true)).toBe(1);
    expect(scheduleFactor(0.2, true, false)).toBe(1);
  });
});

describe('freshnessFactor', () => {
  it.each([
    [0, 1],
    [365, 1],
    [730, 0.5],
    [1095, 0],
    [5000, 0],
    [-10, 1],
    [Number.NaN, 0.3],
  ])('%s days since verification gives %s', (age, expected) => {
    expect(freshnessFactor(age, Number.NaN, 365, 1095, 0.3)).toBeCloseTo(expected, 12);
  });

  it.each([
    ['verified recently, timetable expired a year ago', 30, 365, 0.5],
    ['never verified, expired yesterday: expiry never raises the unknown value', Number.NaN, 1, 0.3],
    ['never verified, expired two years ago', Number.NaN, 730, 0],
    ['expires today: not yet expired', 30, 0, 1],
    ['expired long ago', 30, 5000, 0],
    ['old verification dominates a recent expiry', 900, 10, 1 - (900 - 365) / 730],
  ])('%s', (_label, age, daysExpired, expected) => {
    expect(freshnessFactor(age, daysExpired, 365, 1095, 0.3)).toBeCloseTo(expected, 12);
  });
});

describe('freshnessFactor and expiry', () => {
  it('never rises when the timetable information expires', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constant(Number.NaN), fc.integer({ min: -100, max: 5000 })), fc.integer({ min: 1, max: 5000 }), (age, expired) => {
        expect(freshnessFactor(age, expired, 365, 1095, 0.3)).toBeLessThanOrEqual(freshnessFactor(age, Number.NaN, 365, 1095, 0.3));
      }),
    );
  });
});

describe('capacityFactor', () => {
  it.each([
    [0, 1],
    [4, 0.5],
    [12, 0.25],
    [Number.NaN, 1],
  ])('a usual wait of %s weeks gives %s', (weeks, expected) => {
    expect(capacityFactor(weeks)).toBeCloseTo(expected, 12);
  });
});

describe('every factor', () => {
  it('stays inside [0, 1] for any input', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.double({ min: 0, noNaN: true }), fc.nat(10), fc.nat(10), fc.integer({ min: 1, max: 4 }), unit, (x, y, a, b, level, u) => {
        const values = [
          distanceFactor(Math.abs(x), y),
          conditionFactor(Math.min(a, b), b, a),
          activationFactor(level, u),
          needsFactor(Math.min(a, b), b, (a % 3) as 0 | 1 | 2, a % 2 === 0, b % 2 === 0),
          interestFactor(Math.min(a, b), b),
          scheduleFactor(u, a % 2 === 0, b % 2 === 0),
          freshnessFactor(x, y, 365, 1095, u),
          capacityFactor(y),
          costFactor(a % 3, b % 6),
        ];
        for (const v of values) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});

describe('haversineKm', () => {
  it('is 0 for the same point', () => {
    expect(haversineKm(53.38, -1.47, 53.38, -1.47)).toBe(0);
  });

  it('matches the Rosetta Code haversine example (BNA to LAX, 2887.2599506 km at R = 6372.8 km), scaled to our radius', () => {
    expect(haversineKm(36.12, -86.67, 33.94, -118.4)).toBeCloseTo((2887.2599506071106 * 6371.0088) / 6372.8, 6);
  });

  it('is symmetric', () => {
    fc.assert(
      fc.property(fc.double({ min: -90, max: 90, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true }), (a, b, c, d) => {
        expect(haversineKm(a, b, c, d)).toBeCloseTo(haversineKm(c, d, a, b), 9);
      }),
    );
  });
});
