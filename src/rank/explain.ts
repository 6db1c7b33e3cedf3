import type { ActivityFeatures } from '../catalogue/features.js';
import type { Activity } from '../schema/activity.js';
import { FACTORS } from '../schema/rules.js';
import type { Factor, MatchingRules } from '../schema/rules.js';
import type { ClientContext } from './client-context.js';
import { brokenRules } from './eligibility.js';
import type { EligibilityRule } from './eligibility.js';
import { createMeasurements, measureInto } from './measure.js';
import { upcomingSessions } from './sessions.js';
import type { SessionTime } from './sessions.js';
import { buildReasons, exclusionText } from './reasons.js';
import { factorValuesInto, weightVector } from './score.js';

/** One factor's part in a score. */
export interface FactorScore {
  readonly factor: Factor;
  /** The factor's value in [0, 1]. */
  readonly value: number;
  /** Its weight in the rules. */
  readonly weight: number;
  /** `weight · value / Σ weights`: the contributions add up to the score. */
  readonly contribution: number;
}

/** A hard rule an activity breaks for this client. */
export interface Exclusion {
  readonly rule: EligibilityRule;
  readonly reason: string;
}

/** The full breakdown of one activity for one client. */
export interface Explanation {
  readonly id: string;
  readonly activity: Activity;
  /** False when any hard rule excludes the activity; `exclusions` then lists every one. */
  readonly eligible: boolean;
  readonly exclusions: readonly Exclusion[];
  /** Weighted mean of the factor values, in [0, 1] (computed even when excluded). */
  readonly score: number;
  readonly factors: readonly FactorScore[];
  /** Factor → contribution; the values add up to `score`. */
  readonly contributions: Readonly<Record<Factor, number>>;
  /** Why it fits, in words a link worker can read out. */
  readonly reasons: readonly string[];
  /** What to check before referring. */
  readonly cautions: readonly string[];
  /** km to the venue; 0 for home and online; null when unknown. */
  readonly distanceKm: number | null;
  /** The first upcoming session the client can attend (else the first upcoming one); null when by appointment or none is found. */
  readonly nextSession: SessionTime | null;
  /** The next few sessions after `at`, each marked with whether the client can attend. */
  readonly upcomingSessions: readonly SessionTime[];
}

/** A shortlisted activity: its explanation and its place in the list. */
export interface Recommendation extends Explanation {
  /** 1-based position in the shortlist. */
  readonly rank: number;
}

/**
 * Explains one activity for one client: every factor, every broken rule, the reasons and the
 * next session. The scoring pass and this use the same measurement, rule and factor functions.
 */
export function explainFeatures(ctx: ClientContext, activity: Activity, f: ActivityFeatures, rules: MatchingRules, at: Date): Explanation {
  const m = measureInto(ctx, f, createMeasurements());
  const values = factorValuesInto(ctx, f, m, rules, new Float64Array(FACTORS.length));
  const { weights, total } = weightVector(rules);
  const factors: FactorScore[] = [];
  const contributions = {} as Record<Factor, number>;
  let score = 0;
  FACTORS.forEach((factor, i) => {
    const value = values[i] ?? 0;
    const weight = weights[i] ?? 0;
    const contribution = (weight * value) / total;
    score += contribution;
    factors.push({ factor, value, weight, contribution });
    contributions[factor] = contribution;
  });
  const broken = brokenRules(ctx, f, m, rules);
  const { upcoming, next } = upcomingSessions(activity, at, ctx.availabilityInput, rules.schedule.minOverlap);
  const { reasons, cautions } = buildReasons(ctx, activity, f, m, rules, next, upcoming.length);
  return {
    id: activity.id,
    activity,
    eligible: broken.length === 0,
    exclusions: broken.map((rule) => ({ rule, reason: exclusionText(rule, ctx, activity, f, m, rules) })),
    score,
    factors,
    contributions,
    reasons,
    cautions,
    distanceKm: Number.isNaN(m.km) ? null : m.km,
    nextSession: next ?? null,
    upcomingSessions: upcoming,
  };
}
