/**
 * The factor functions as the package exports them: the exact functions of `factors.ts` and
 * `geo.ts`, with their arguments checked first.
 *
 * **A decision.** The scoring pass calls the functions of `factors.ts` directly, on numbers it
 * has validated, millions of times a query; there they check nothing (NaN in would be NaN out).
 * An analyst or a notebook calling them through the package gets these instead: every argument
 * is checked against the function's documented domain, and anything else throws
 * `ActivityMatchError` (`INVALID_OPTIONS`) whose path is the parameter's name (`km`,
 * `limitKm`, …). NaN is accepted only where a function documents it as "not recorded"
 * (`capacityFactor`'s wait, `freshnessFactor`'s age and expiry, `scheduleFactor`'s fraction when
 * there are no sessions or no availability). So no export returns NaN, and none throws anything
 * but `ActivityMatchError`.
 *
 * @module
 */
import { ActivityMatchError } from '../errors.js';
import { expectBoolean, expectNumber } from '../guard.js';
import * as factors from './factors.js';
import type { Fit, LonelinessLevel } from './factors.js';
import * as geo from './geo.js';

function count(value: unknown, path: string): asserts value is number {
  expectNumber(value, path, { min: 0, integer: true });
}

function atMost(matched: number, total: number, of: string): void {
  if (matched > total) throw new ActivityMatchError('INVALID_OPTIONS', [{ path: 'matched', message: `expected a whole number from 0 to ${of}` }]);
}

/**
 * {@link factors.distanceFactor} with its arguments checked: `km` and `limitKm` numbers of at
 * least 0 (Infinity allowed, but not for both: infinitely far against no limit means nothing).
 *
 * @example
 * ```ts
 * distanceFactor(2, 8);   // 0.75
 * distanceFactor(NaN, 8); // throws ActivityMatchError INVALID_OPTIONS at km
 * ```
 */
export function distanceFactor(km: number, limitKm: number): number {
  expectNumber(km, 'km', { min: 0 });
  expectNumber(limitKm, 'limitKm', { min: 0 });
  if (km === Infinity && limitKm === Infinity) throw new ActivityMatchError('INVALID_OPTIONS', [{ path: 'km', message: 'expected a finite distance when the limit is infinite' }]);
  return factors.distanceFactor(km, limitKm);
}

/**
 * {@link factors.conditionFactor} with its arguments checked: whole numbers of at least 0,
 * `matched` at most `clientCount` and `designedCount`.
 *
 * @example
 * ```ts
 * conditionFactor(1, 1, 2); // 1
 * conditionFactor(3, 1, 2); // throws ActivityMatchError INVALID_OPTIONS at matched
 * ```
 */
export function conditionFactor(matched: number, clientCount: number, designedCount: number): number {
  count(matched, 'matched');
  count(clientCount, 'clientCount');
  count(designedCount, 'designedCount');
  atMost(matched, Math.min(clientCount, designedCount), 'the smaller of clientCount and designedCount');
  return factors.conditionFactor(matched, clientCount, designedCount);
}

/**
 * {@link factors.activityDemand} with its arguments checked: codes whole numbers from 0 to 4
 * (4 = not recorded), `gym` and `supported` true or false.
 *
 * @example
 * ```ts
 * activityDemand(0, 0, false, true); // 0
 * activityDemand(9, 0, false, true); // throws ActivityMatchError INVALID_OPTIONS at intensityCode
 * ```
 */
export function activityDemand(intensityCode: number, groupCode: number, gym: boolean, supported: boolean): number {
  expectNumber(intensityCode, 'intensityCode', { min: 0, max: 4, integer: true });
  expectNumber(groupCode, 'groupCode', { min: 0, max: 4, integer: true });
  expectBoolean(gym, 'gym');
  expectBoolean(supported, 'supported');
  return factors.activityDemand(intensityCode, groupCode, gym, supported);
}

/**
 * {@link factors.activationFactor} with its arguments checked: `level` a whole number from 1 to
 * 4, `demand` from 0 to 1.
 *
 * @example
 * ```ts
 * activationFactor(4, 0.8); // 0.92
 * activationFactor(5, 0.8); // throws ActivityMatchError INVALID_OPTIONS at level
 * ```
 */
export function activationFactor(level: number, demand: number): number {
  expectNumber(level, 'level', { min: 1, max: 4, integer: true });
  expectNumber(demand, 'demand', { min: 0, max: 1 });
  return factors.activationFactor(level, demand);
}

/**
 * {@link factors.needsFactor} with its arguments checked: counts whole numbers of at least 0
 * (`matched` at most `needCount`), `loneliness` 0, 1 or 2, the flags true or false.
 *
 * @example
 * ```ts
 * needsFactor(0, 0, 2, true, true);   // 1
 * needsFactor(0, 0, 3, true, true);   // throws ActivityMatchError INVALID_OPTIONS at loneliness
 * ```
 */
export function needsFactor(matched: number, needCount: number, loneliness: LonelinessLevel, social: boolean, befriending: boolean, inPerson = true): number {
  count(matched, 'matched');
  count(needCount, 'needCount');
  atMost(matched, needCount, 'needCount');
  expectNumber(loneliness, 'loneliness', { min: 0, max: 2, integer: true });
  expectBoolean(social, 'social');
  expectBoolean(befriending, 'befriending');
  expectBoolean(inPerson, 'inPerson');
  return factors.needsFactor(matched, needCount, loneliness, social, befriending, inPerson);
}

/**
 * {@link factors.interestFactor} with its arguments checked: whole numbers of at least 0,
 * `matched` at most `interestCount`.
 *
 * @example
 * ```ts
 * interestFactor(1, 2);   // 0.75
 * interestFactor(1, 0.5); // throws ActivityMatchError INVALID_OPTIONS at interestCount
 * ```
 */
export function interestFactor(matched: number, interestCount: number): number {
  count(matched, 'matched');
  count(interestCount, 'interestCount');
  atMost(matched, interestCount, 'interestCount');
  return factors.interestFactor(matched, interestCount);
}

/**
 * {@link factors.avoidanceFactor} with its argument checked: a whole number of at least 0.
 *
 * @example
 * ```ts
 * avoidanceFactor(1);  // 0
 * avoidanceFactor(-1); // throws ActivityMatchError INVALID_OPTIONS at hits
 * ```
 */
export function avoidanceFactor(hits: number): number {
  count(hits, 'hits');
  return factors.avoidanceFactor(hits);
}

/**
 * {@link factors.costFactor} with its arguments checked: `budgetCode` a whole number from 0 to 2
 * ({@link factors.BUDGET_CODES}), `costCode` from 0 to 5 ({@link factors.COST_CODES}).
 *
 * @example
 * ```ts
 * costFactor(2, 4); // 0.7
 * costFactor(3, 4); // throws ActivityMatchError INVALID_OPTIONS at budgetCode
 * ```
 */
export function costFactor(budgetCode: number, costCode: number): number {
  expectNumber(budgetCode, 'budgetCode', { min: 0, max: factors.BUDGET_CODES.length - 1, integer: true });
  expectNumber(costCode, 'costCode', { min: 0, max: factors.COST_CODES.length - 1, integer: true });
  return factors.costFactor(budgetCode, costCode);
}

/**
 * {@link factors.isAffordable} with its arguments checked as for {@link costFactor}.
 *
 * @example
 * ```ts
 * isAffordable(0, 1);   // true
 * isAffordable(0, 1.5); // throws ActivityMatchError INVALID_OPTIONS at costCode
 * ```
 */
export function isAffordable(budgetCode: number, costCode: number): boolean {
  expectNumber(budgetCode, 'budgetCode', { min: 0, max: factors.BUDGET_CODES.length - 1, integer: true });
  expectNumber(costCode, 'costCode', { min: 0, max: factors.COST_CODES.length - 1, integer: true });
  return factors.isAffordable(budgetCode, costCode);
}

/**
 * {@link factors.scheduleFactor} with its arguments checked: `bestFraction` from 0 to 1 (NaN
 * only when there are no sessions or no availability, where it is not read), the flags true
 * or false.
 *
 * @example
 * ```ts
 * scheduleFactor(0.5, true, true); // 0.5
 * scheduleFactor(NaN, true, true); // throws ActivityMatchError INVALID_OPTIONS at bestFraction
 * ```
 */
export function scheduleFactor(bestFraction: number, hasSessions: boolean, hasAvailability: boolean): number {
  expectBoolean(hasSessions, 'hasSessions');
  expectBoolean(hasAvailability, 'hasAvailability');
  expectNumber(bestFraction, 'bestFraction', { min: 0, max: 1, nan: !hasSessions || !hasAvailability });
  return factors.scheduleFactor(bestFraction, hasSessions, hasAvailability);
}

/**
 * {@link factors.freshnessFactor} with its arguments checked: `ageDays` and `daysExpired` numbers
 * (NaN: not recorded), `freshDays` at least 0, `staleDays` above `freshDays`, `unknown` from 0 to 1.
 *
 * @example
 * ```ts
 * freshnessFactor(730, NaN, 365, 1095, 0.3); // 0.5
 * freshnessFactor(730, NaN, 365, 365, 0.3);  // throws ActivityMatchError INVALID_OPTIONS at staleDays
 * ```
 */
export function freshnessFactor(ageDays: number, daysExpired: number, freshDays: number, staleDays: number, unknown: number): number {
  expectNumber(ageDays, 'ageDays', { nan: true });
  expectNumber(daysExpired, 'daysExpired', { nan: true });
  expectNumber(freshDays, 'freshDays', { min: 0, max: Number.MAX_VALUE });
  expectNumber(staleDays, 'staleDays', { min: 0, max: Number.MAX_VALUE });
  if (!(staleDays > freshDays)) throw new ActivityMatchError('INVALID_OPTIONS', [{ path: 'staleDays', message: 'expected staleDays greater than freshDays' }]);
  expectNumber(unknown, 'unknown', { min: 0, max: 1 });
  return factors.freshnessFactor(ageDays, daysExpired, freshDays, staleDays, unknown);
}

/**
 * {@link factors.capacityFactor} with its argument checked: a wait in weeks of at least 0, or
 * NaN when not recorded.
 *
 * @example
 * ```ts
 * capacityFactor(4);   // 0.5
 * capacityFactor(-4);  // throws ActivityMatchError INVALID_OPTIONS at waitWeeks
 * ```
 */
export function capacityFactor(waitWeeks: number): number {
  expectNumber(waitWeeks, 'waitWeeks', { min: 0, nan: true });
  return factors.capacityFactor(waitWeeks);
}

/**
 * {@link factors.fitLevel} with its arguments checked: counts whole numbers of at least 0, the
 * flags true or false.
 *
 * @example
 * ```ts
 * fitLevel(0, 0, 1, false, false);  // 1
 * fitLevel(0, 0, '1' as never, false, false); // throws ActivityMatchError INVALID_OPTIONS at interestMatches
 * ```
 */
export function fitLevel(conditionMatches: number, needMatches: number, interestMatches: number, companyForLonely: boolean, urgentHelp: boolean): number {
  count(conditionMatches, 'conditionMatches');
  count(needMatches, 'needMatches');
  count(interestMatches, 'interestMatches');
  expectBoolean(companyForLonely, 'companyForLonely');
  expectBoolean(urgentHelp, 'urgentHelp');
  return factors.fitLevel(conditionMatches, needMatches, interestMatches, companyForLonely, urgentHelp);
}

/**
 * {@link factors.fitName} with its argument checked: a level 0, 1 or 2 from {@link fitLevel}.
 *
 * @example
 * ```ts
 * fitName(2); // 'practical-first'
 * fitName(7); // throws ActivityMatchError INVALID_OPTIONS at level
 * ```
 */
export function fitName(level: number): Fit {
  expectNumber(level, 'level', { min: 0, max: 2, integer: true });
  return factors.fitName(level);
}

/**
 * {@link geo.haversineKm} with its arguments checked: latitudes from −90 to 90, longitudes finite
 * numbers (any, as a longitude wraps round).
 *
 * @example
 * ```ts
 * haversineKm(53.3811, -1.4701, 53.3811, -1.4701); // 0
 * haversineKm(91, 0, 0, 0);                        // throws ActivityMatchError INVALID_OPTIONS at lat1
 * ```
 */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  expectNumber(lat1, 'lat1', { min: -90, max: 90 });
  expectNumber(lon1, 'lon1', { min: -Number.MAX_VALUE, max: Number.MAX_VALUE, what: 'a finite longitude in degrees' });
  expectNumber(lat2, 'lat2', { min: -90, max: 90 });
  expectNumber(lon2, 'lon2', { min: -Number.MAX_VALUE, max: Number.MAX_VALUE, what: 'a finite longitude in degrees' });
  return geo.haversineKm(lat1, lon1, lat2, lon2);
}
