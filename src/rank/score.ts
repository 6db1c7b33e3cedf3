import type { ActivityFeatures } from '../catalogue/features.js';
import { FACTORS } from '../schema/rules.js';
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
  needsFactor,
  scheduleFactor,
} from '../signals/factors.js';
import type { ClientContext } from './client-context.js';
import type { Measurements } from './measure.js';

/** Index of each factor in a factor-value array. */
export const FACTOR_INDEX: Readonly<Record<Factor, number>> = Object.fromEntries(FACTORS.map((f, i) => [f, i])) as Record<Factor, number>;

/**
 * Writes the value of every factor, in {@link FACTORS} order, into `out`. This is the one
 * place the factor functions are combined with a client and an activity.
 */
export function factorValuesInto(ctx: ClientContext, f: ActivityFeatures, m: Measurements, rules: MatchingRules, out: Float64Array): Float64Array {
  out[0] = Number.isNaN(m.km) ? rules.distance.unknown : distanceFactor(m.km, ctx.limitKm);
  out[1] = conditionFactor(m.conditionMatches, ctx.conditions.size, f.designedFor.size);
  out[2] = activationFactor(ctx.activation, f.demand);
  out[3] = needsFactor(m.needMatches, ctx.needs.size, ctx.loneliness, f.social, f.befriending);
  out[4] = interestFactor(m.interestMatches, ctx.interests.length);
  out[5] = avoidanceFactor(m.avoidHits);
  out[6] = costFactor(ctx.budgetCode, f.costCode);
  out[7] = scheduleFactor(m.bestFraction, !Number.isNaN(m.bestFraction), ctx.availability !== undefined);
  out[8] = capacityFactor(f.waitWeeks);
  out[9] = freshnessFactor(m.ageDays, m.daysExpired, rules.freshness.freshDays, rules.freshness.staleDays, rules.freshness.unknown);
  return out;
}

/** The rule weights as an array in {@link FACTORS} order, and their sum. */
export function weightVector(rules: MatchingRules): { weights: Float64Array; total: number } {
  const weights = Float64Array.from(FACTORS, (factor) => rules.weights[factor]);
  let total = 0;
  for (const w of weights) total += w;
  return { weights, total };
}

/**
 * The score: the weighted mean of the factor values, `Σ wᵢ·fᵢ / Σ wᵢ`, in [0, 1].
 * Summed in factor order, so the contributions `wᵢ·fᵢ / Σ wᵢ` add up to it.
 */
export function weightedScore(values: Float64Array, weights: Float64Array, total: number): number {
  let score = 0;
  for (let i = 0; i < values.length; i++) score += ((weights[i] ?? 0) * (values[i] ?? 0)) / total;
  return score;
}
