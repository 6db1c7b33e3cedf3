/**
 * Factor values of the activities offered in each referral, worked out once with
 * `matcher.explain` and reused for every rule set that differs only in its weights (the factor
 * values and the hard rules do not depend on the weights). `evaluate`, `compareRules` and
 * `fitWeights` share one store per call, so comparing two weightings explains each offered
 * activity once.
 */
import { ActivityMatchError } from '../errors.js';
import type { Matcher } from '../matcher.js';
import { FACTORS } from '../schema/rules.js';
import type { MatchingRules } from '../schema/rules.js';
import type { ScoredItem } from './metrics/input.js';
import { referralInstant } from './referrals.js';
import type { Referral } from './referrals.js';

/** The offered activities of one referral under one set of rule parameters. */
export interface OfferedFeatures {
  /** Activity ids, in the order offered. */
  readonly ids: readonly string[];
  /** Factor values of each, in `FACTORS` order. */
  readonly values: readonly Float64Array[];
  /** Whether each passes every hard rule for the client. */
  readonly eligible: readonly boolean[];
}

/** A referral and its place in the input (for error paths such as `referrals[3]`). */
export interface IndexedReferral {
  readonly referral: Referral;
  readonly index: number;
}

/** The rule parameters factor values and eligibility depend on: everything but weights and diversity. */
function parameterKey(rules: MatchingRules): string {
  const { weights: _weights, diversity: _diversity, ...rest } = rules;
  return JSON.stringify(rest);
}

/**
 * Caches {@link OfferedFeatures} per matcher, rule parameters and referral (internal).
 *
 * @example
 * ```ts
 * const store = new FeatureStore();
 * const features = store.get(matcher, DEFAULT_RULES, { referral, index: 0 }); // explains each offer once
 * store.get(matcher, { ...DEFAULT_RULES, weights: learned }, { referral, index: 0 }) === features; // true
 * ```
 */
export class FeatureStore {
  private readonly cache = new Map<Matcher, Map<string, Map<Referral, OfferedFeatures>>>();

  /** The offered features of one referral; explains each offered activity on first use. */
  get(matcher: Matcher, rules: MatchingRules, item: IndexedReferral): OfferedFeatures {
    let byKey = this.cache.get(matcher);
    if (byKey === undefined) this.cache.set(matcher, (byKey = new Map()));
    const key = parameterKey(rules);
    let byReferral = byKey.get(key);
    if (byReferral === undefined) byKey.set(key, (byReferral = new Map()));
    let features = byReferral.get(item.referral);
    if (features === undefined) byReferral.set(item.referral, (features = explainOffered(matcher, rules, item)));
    return features;
  }
}

function explainOffered(matcher: Matcher, rules: MatchingRules, { referral, index }: IndexedReferral): OfferedFeatures {
  const at = referralInstant(referral.date);
  const ids: string[] = [];
  const values: Float64Array[] = [];
  const eligible: boolean[] = [];
  referral.offered.forEach((offer, j) => {
    if (matcher.get(offer.activityId) === undefined) {
      throw new ActivityMatchError('UNKNOWN_ACTIVITY', [{ path: `referrals[${index}].offered[${j}].activityId`, message: 'expected the id of an activity in the catalogue' }]);
    }
    const e = matcher.explain(referral.client, offer.activityId, { at, rules });
    ids.push(offer.activityId);
    values.push(Float64Array.from(e.factors, (f) => f.value));
    eligible.push(e.eligible);
  });
  return { ids, values, eligible };
}

/**
 * Scores the eligible offered activities with the rules' weights, exactly as the matcher does
 * (`Σ wᵢ·fᵢ / Σ wᵢ`, summed in factor order). Activities the rules exclude are left out: those
 * rules would not have offered them.
 *
 * @example
 * ```ts
 * scoreOffered(store.get(matcher, DEFAULT_RULES, item), DEFAULT_RULES);
 * // [{ id: 'healthy-lungs-course', score: 0.83 }, { id: 'singing-lung-health', score: 0.91 }]
 * ```
 */
export function scoreOffered(features: OfferedFeatures, rules: MatchingRules): ScoredItem[] {
  const weights = FACTORS.map((f) => rules.weights[f]);
  const total = weights.reduce((s, w) => s + w, 0);
  const out: ScoredItem[] = [];
  features.ids.forEach((id, j) => {
    if (!features.eligible[j]) return;
    const values = features.values[j] as Float64Array;
    let score = 0;
    // The same arithmetic as the matcher's explanation: contributions wᵢ·fᵢ / Σw summed in factor order.
    weights.forEach((w, i) => (score += (w * (values[i] ?? 0)) / total));
    out.push({ id, score });
  });
  return out;
}
