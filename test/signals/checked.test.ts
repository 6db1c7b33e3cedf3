// Issue #21: the factor functions the package exports check their arguments (the scoring pass
// calls the unchecked ones in src/signals/factors.ts). Within the documented domain they are
// the same function; outside it they throw ActivityMatchError naming the parameter, and no
// argument list makes one return NaN or throw anything else.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import * as raw from '../../src/signals/factors.js';
import { haversineKm as rawHaversine } from '../../src/signals/geo.js';
import { errorOf } from '../helpers.js';

const whole = (max: number) => fc.integer({ min: 0, max });
const unit = fc.double({ min: 0, max: 1, noNaN: true });
const flag = fc.boolean();

/** Each export, the unchecked function and arguments inside its domain. */
const DOMAINS: Record<string, { checked: (...args: never[]) => unknown; raw: (...args: never[]) => unknown; args: fc.Arbitrary<unknown[]> }> = {
  distanceFactor: { checked: api.distanceFactor, raw: raw.distanceFactor, args: fc.tuple(fc.double({ min: 0, max: 1e4, noNaN: true }), fc.double({ min: 0, max: 1e3, noNaN: true })) },
  conditionFactor: { checked: api.conditionFactor, raw: raw.conditionFactor, args: fc.tuple(whole(5), whole(5), whole(5)).map(([m, n, d]) => [Math.min(m, n, d), n, d]) },
  activityDemand: { checked: api.activityDemand, raw: raw.activityDemand, args: fc.tuple(whole(4), whole(4), flag, flag) },
  activationFactor: { checked: api.activationFactor, raw: raw.activationFactor, args: fc.tuple(fc.integer({ min: 1, max: 4 }), unit) },
  needsFactor: { checked: api.needsFactor, raw: raw.needsFactor, args: fc.tuple(whole(5), whole(5), whole(2), flag, flag, flag).map(([m, n, ...rest]) => [Math.min(m, n), n, ...rest]) },
  interestFactor: { checked: api.interestFactor, raw: raw.interestFactor, args: fc.tuple(whole(5), whole(5)).map(([m, n]) => [Math.min(m, n), n]) },
  avoidanceFactor: { checked: api.avoidanceFactor, raw: raw.avoidanceFactor, args: fc.tuple(whole(5)) },
  costFactor: { checked: api.costFactor, raw: raw.costFactor, args: fc.tuple(whole(2), whole(5)) },
  isAffordable: { checked: api.isAffordable, raw: raw.isAffordable, args: fc.tuple(whole(2), whole(5)) },
  scheduleFactor: { checked: api.scheduleFactor, raw: raw.scheduleFactor, args: fc.tuple(unit, flag, flag) },
  freshnessFactor: { checked: api.freshnessFactor, raw: raw.freshnessFactor, args: fc.tuple(fc.oneof(fc.constant(NaN), fc.double({ min: -1e4, max: 1e4, noNaN: true })), fc.oneof(fc.constant(NaN), fc.double({ min: -1e4, max: 1e4, noNaN: true })), fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 2000 }), unit).map(([a, e, f, extra, u]) => [a, e, f, f + extra, u]) },
  capacityFactor: { checked: api.capacityFactor, raw: raw.capacityFactor, args: fc.tuple(fc.oneof(fc.constant(NaN), fc.double({ min: 0, max: 520, noNaN: true }))) },
  fitLevel: { checked: api.fitLevel, raw: raw.fitLevel, args: fc.tuple(whole(3), whole(3), whole(3), flag, flag) },
  fitName: { checked: api.fitName, raw: raw.fitName, args: fc.tuple(whole(2)) },
  haversineKm: { checked: api.haversineKm, raw: rawHaversine, args: fc.tuple(fc.double({ min: -90, max: 90, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true })) },
};

describe('exported factor functions', () => {
  it.each(Object.keys(DOMAINS))('%s is the unchecked function inside its domain', (name) => {
    const { checked, raw: unchecked, args } = DOMAINS[name]!;
    fc.assert(
      fc.property(args, (a) => {
        expect(checked(...(a as never[]))).toEqual(unchecked(...(a as never[])));
      }),
      { numRuns: 300, seed: 21 },
    );
  });

  it.each(Object.keys(DOMAINS))('%s returns a number or boolean, never NaN, or throws ActivityMatchError, for any arguments', (name) => {
    const { checked } = DOMAINS[name]!;
    const anyArg = fc.oneof(fc.anything(), fc.double(), fc.integer({ min: -2, max: 6 }), fc.boolean(), fc.constantFrom(NaN, Infinity, -Infinity, -0));
    fc.assert(
      fc.property(fc.array(anyArg, { maxLength: 7 }), (a) => {
        let result: unknown;
        try {
          result = checked(...(a as never[]));
        } catch (error) {
          expect(error).toBeInstanceOf(api.ActivityMatchError);
          return;
        }
        expect(Number.isNaN(result)).toBe(false);
      }),
      { numRuns: 500, seed: 21 },
    );
  });

  it.each([
    ['distanceFactor(NaN, 8)', () => api.distanceFactor(NaN, 8), 'km'],
    ['distanceFactor(1, -1)', () => api.distanceFactor(1, -1), 'limitKm'],
    ['conditionFactor(3, 1, 2)', () => api.conditionFactor(3, 1, 2), 'matched'],
    ['activityDemand(9, 0, false, true)', () => api.activityDemand(9, 0, false, true), 'intensityCode'],
    ['activityDemand(0, 0, 1, true)', () => api.activityDemand(0, 0, 1 as never, true), 'gym'],
    ['activationFactor(0, 0.5)', () => api.activationFactor(0, 0.5), 'level'],
    ['needsFactor(0, 0, 3, true, true)', () => api.needsFactor(0, 0, 3 as never, true, true), 'loneliness'],
    ['interestFactor(2, 1)', () => api.interestFactor(2, 1), 'matched'],
    ['costFactor(0, 6)', () => api.costFactor(0, 6), 'costCode'],
    ['scheduleFactor(NaN, true, true)', () => api.scheduleFactor(NaN, true, true), 'bestFraction'],
    ['freshnessFactor(1, NaN, 365, 100, 0.3)', () => api.freshnessFactor(1, NaN, 365, 100, 0.3), 'staleDays'],
    ['capacityFactor(-1)', () => api.capacityFactor(-1), 'waitWeeks'],
    ['haversineKm(0, NaN, 0, 0)', () => api.haversineKm(0, NaN, 0, 0), 'lon1'],
  ])('%s throws INVALID_OPTIONS at %s', (_label, call, path) => {
    const error = errorOf(call);
    expect(error.code).toBe('INVALID_OPTIONS');
    expect(error.issues.map((i) => i.path)).toEqual([path]);
  });

  it('accepts NaN where it means "not recorded"', () => {
    expect(api.capacityFactor(NaN)).toBe(1);
    expect(api.freshnessFactor(NaN, NaN, 365, 1095, 0.3)).toBe(0.3);
    expect(api.scheduleFactor(NaN, false, true)).toBe(1);
  });
});
