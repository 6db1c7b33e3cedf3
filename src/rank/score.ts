import type { Columns } from '../catalogue/columns.js';
import { CATEGORY_IDS, FLAG, isInPersonKind } from '../catalogue/codes.js';
import { demandAt } from '../catalogue/columns.js';
import { FACTORS, RELEVANCE_FACTORS } from '../schema/rules.js';
import type { Factor, MatchingRules } from '../schema/rules.js';
import {
  activationFactor,
  avoidanceFactor,
  capacityFactor,
  conditionFactor,
  costFactor,
  distanceFactor,
  freshnessFactor,
  interestFactor,
  fitLevel,
  needsFactor,
  scheduleFactor,
} from '../signals/factors.js';
import type { ClientContext } from './client-context.js';
import type { Measurements } from './measure.js';

/** Index of each factor in a factor-value array. */
export const FACTOR_INDEX: Readonly<Record<Factor, number>> = Object.fromEntries(FACTORS.map((f, i) => [f, i])) as Record<Factor, number>;

/**
 * Writes the value of every factor, in {@link FACTORS} order, into `out`. This is the one
 * place the factor functions meet a client and an activity: the relevance factors
 * ({@link relevanceValuesInto}), then the practical ones ({@link practicalValuesInto} and
 * {@link placeAndTimeValuesInto}).
 */
export function factorValuesInto(ctx: ClientContext, c: Columns, p: number, m: Measurements, rules: MatchingRules, out: Float64Array): Float64Array {
  relevanceValuesInto(ctx, c, p, m, out);
  practicalValuesInto(ctx, c, p, m, rules, out);
  return placeAndTimeValuesInto(ctx, m, rules, out);
}

/**
 * Writes the five relevance factors (`RELEVANCE_FACTORS`: conditions, activation, needs,
 * interests, avoidances), the ones {@link relevanceOf} reads, from the matches `measureForScore` took.
 */
export function relevanceValuesInto(ctx: ClientContext, c: Columns, p: number, m: Measurements, out: Float64Array): Float64Array {
  const flags = c.flags[p] as number;
  out[1] = conditionFactor(m.conditionMatches, ctx.conditionCount, m.designedCount);
  out[2] = activationFactor(ctx.activation, demandAt(c, p));
  out[3] = needsFactor(m.needMatches, ctx.needCount, ctx.loneliness, (flags & FLAG.social) !== 0, (flags & FLAG.befriending) !== 0, isInPersonKind(c.kind[p] as number));
  out[4] = interestFactor(m.interestMatches, ctx.interests.length);
  out[5] = avoidanceFactor(m.avoidHits);
  return out;
}

/** Writes the practical factors that need no measurement of place or time: cost, capacity and freshness. */
export function practicalValuesInto(ctx: ClientContext, c: Columns, p: number, m: Measurements, rules: MatchingRules, out: Float64Array): Float64Array {
  out[6] = costFactor(ctx.budgetCode, c.cost[p] as number);
  out[8] = capacityFactor(c.waitWeeks[p] as number);
  out[9] = freshnessFactor(m.ageDays, m.daysExpired, rules.freshness.freshDays, rules.freshness.staleDays, rules.freshness.unknown);
  return out;
}

const PRACTICAL_SUPPORT = CATEGORY_IDS.indexOf('practical-support');

/**
 * The activity's fit for the client (see `fitLevel`): practical help first, meets something of
 * theirs, or open to all. Reads the matches measured by `measureForScore`.
 */
export function fitAt(ctx: ClientContext, c: Columns, p: number, m: Measurements): number {
  const urgentHelp = ctx.urgentNeedMask !== 0 && (c.category[p] as number) === PRACTICAL_SUPPORT && ((c.needs[p] as number) & ctx.urgentNeedMask) !== 0;
  return fitLevel(m.conditionMatches, m.needMatches, m.interestMatches, ctx.loneliness > 0 && ((c.flags[p] as number) & FLAG.social) !== 0, urgentHelp);
}

/**
 * Writes the two factors that read the place and time measurements (`km`, `bestFraction`):
 * distance and schedule. No other factor reads them, so after measuring those two an earlier
 * {@link factorValuesInto} needs only this to be complete. A service that needs no travel takes
 * `rules.distance.remote`, one whose distance is unknown `rules.distance.unknown`.
 */
export function placeAndTimeValuesInto(ctx: ClientContext, m: Measurements, rules: MatchingRules, out: Float64Array): Float64Array {
  out[0] = m.remote ? rules.distance.remote : Number.isNaN(m.km) ? rules.distance.unknown : distanceFactor(m.km, ctx.limitKm);
  out[7] = scheduleFactor(m.bestFraction, !Number.isNaN(m.bestFraction), ctx.availability !== undefined);
  return out;
}

/**
 * The rule weights as shares of their sum, `wᵢ / Σ wᵢ`, in {@link FACTORS} order. Dividing the
 * weights once (rather than each product) keeps tiny weights from underflowing: with every
 * weight 0 but one of 5e-324, that factor's share is exactly 1.
 */
export function weightShares(rules: MatchingRules): Float64Array {
  let total = 0;
  for (const factor of FACTORS) total += rules.weights[factor];
  const shares = new Float64Array(FACTORS.length);
  for (let i = 0; i < FACTORS.length; i++) shares[i] = rules.weights[FACTORS[i] as Factor] / total;
  return shares;
}

/**
 * The shares of a group of factors among themselves (`wᵢ / Σ w` over the group, 0 for the
 * others), in {@link FACTORS} order; undefined when the group weighs 0.
 */
export function groupShares(rules: MatchingRules, group: readonly Factor[]): Float64Array | undefined {
  let total = 0;
  for (const factor of group) total += rules.weights[factor];
  if (total === 0) return undefined;
  const shares = new Float64Array(FACTORS.length);
  for (const factor of group) shares[FACTOR_INDEX[factor]] = rules.weights[factor] / total;
  return shares;
}

/** {@link groupShares} of `RELEVANCE_FACTORS`. */
export function relevanceShares(rules: MatchingRules): Float64Array | undefined {
  return groupShares(rules, RELEVANCE_FACTORS);
}

/**
 * The weighted mean of a group of factors with {@link groupShares}, in [0, 1]; 1 when the group
 * weighs 0. For the relevance factors this is *why this person* (rules that ignore relevance do
 * not filter by it); for the practical ones *can they go*. Monotone in each factor, like the score.
 */
export function relevanceOf(values: Float64Array, shares: Float64Array | undefined): number {
  if (shares === undefined) return 1;
  // Summed in factor order over the factors that have a share; the others add exactly 0.
  let sum = 0;
  for (let i = 0; i < shares.length; i++) {
    const share = shares[i] as number;
    if (share !== 0) sum += share * (values[i] as number);
  }
  return sum;
}

/**
 * The value a shortlist is ordered by, as one number for bounds and pruning only:
 * `2 · fit + score` (fit 0 to 2, score 0 to 1). It grows with the fit first and the score
 * second, and rounding is monotone, so a bound below the heap's worst key is below it in
 * (fit, score) order too: skipping it is exact. The heap itself compares (fit, score, id).
 */
export function rankKey(fit: number, score: number): number {
  return 2 * fit + score;
}

/**
 * The score: the weighted mean of the factor values, `Σ sᵢ·fᵢ` with shares `sᵢ = wᵢ / Σ wᵢ`, in
 * [0, 1]. Summed in factor order, so the contributions `sᵢ·fᵢ` add up to it exactly as
 * `explain` reports them. Rounding is monotone, so a larger value in any factor can never give
 * a smaller sum: the block bounds rely on that.
 */
export function weightedScore(values: Float64Array, shares: Float64Array): number {
  let score = 0;
  for (let i = 0; i < values.length; i++) score += (shares[i] as number) * (values[i] as number);
  return score;
}
