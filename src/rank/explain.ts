import type { CompiledCatalogue } from '../catalogue/compile.js';
import type { Activity } from '../schema/activity.js';
import { FACTORS, PRACTICAL_FACTORS } from '../schema/rules.js';
import type { Factor, MatchingRules } from '../schema/rules.js';
import { fitName } from '../signals/factors.js';
import type { Fit } from '../signals/factors.js';
import type { ClientContext } from './client-context.js';
import { brokenRules } from './eligibility.js';
import type { EligibilityRule } from './eligibility.js';
import { createMeasurements, measureAll } from './measure.js';
import type { Measurements } from './measure.js';
import { timetableOf, upcomingSessions, windowsAt } from './sessions.js';
import type { SessionTime, Timetable } from './sessions.js';
import { buildReasons, exclusionText } from './reasons.js';
import { factorValuesInto, fitAt, groupShares, relevanceOf, relevanceShares, weightedScore, weightShares } from './score.js';

/** One factor's part in a score. */
export interface FactorScore {
  readonly factor: Factor;
  /** The factor's value in [0, 1]. */
  readonly value: number;
  /** Its weight in the rules. */
  readonly weight: number;
  /** `value · weight / Σ weights`: the contributions add up to the score. */
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
  /**
   * *Why this person*: the weighted mean of the relevance factors (`RELEVANCE_FACTORS`:
   * conditions, activation, needs, interests, avoidances), in [0, 1].
   */
  readonly relevance: number;
  /** *Can they go*: the weighted mean of the practical factors (`PRACTICAL_FACTORS`), in [0, 1]. */
  readonly practicality: number;
  /** How it fits what the client came for (see `FITS`): the shortlist is ordered by fit, then score. */
  readonly fit: Fit;
  /** The least relevance the shortlist takes (`rules.relevance.minimum`). */
  readonly minRelevance: number;
  /** Whether its relevance reaches `minRelevance`: only such activities are shortlisted. */
  readonly fitsWell: boolean;
  readonly factors: readonly FactorScore[];
  /** Factor → contribution; the values add up to `score`. */
  readonly contributions: Readonly<Record<Factor, number>>;
  /** Why it fits, in words a link worker can read out: `whyThem`, then `canTheyGo`. */
  readonly reasons: readonly string[];
  /** Why this person: their conditions, needs and interests it meets, and how it suits their activation. */
  readonly whyThem: readonly string[];
  /** Can they go: where, what it costs, when, places. */
  readonly canTheyGo: readonly string[];
  /** What to check before referring. */
  readonly cautions: readonly string[];
  /** km to the venue; 0 for a home visit, phone and online; null when unknown. */
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
  /**
   * Set when diversity placed it below activities of the same fit with lower scores, saying
   * why ("Moved below Tea dance for variety: much like Chair yoga, higher on the list").
   */
  readonly placement?: string;
}

/**
 * What the explanations of one query share, whoever the client: the rules' weight shares, and
 * per catalogue position the activity's upcoming sessions at the query time. Create one per
 * `recommend` or `recommendMany` call ({@link createExplainCache}) and pass it to every
 * {@link explainPosition} of the call; it is only used for its own catalogue, rules and time.
 */
export interface ExplainCache {
  readonly catalogue: CompiledCatalogue;
  readonly rules: MatchingRules;
  readonly at: Date;
  /** `weightShares(rules)`, and the weights themselves, in `FACTORS` order. */
  readonly shares: Float64Array;
  readonly weights: Float64Array;
  /** The shares within the relevance factors and within the practical ones (`relevanceShares`). */
  readonly relevanceShares: Float64Array | undefined;
  readonly practicalShares: Float64Array | undefined;
  /** Timetables by catalogue position, filled as activities are explained. */
  readonly timetables: Map<number, Timetable>;
  /** Scratch for one explanation at a time (read before {@link explainPosition} returns, never kept). */
  readonly measurements: Measurements;
  readonly values: Float64Array;
}

/** An empty cache for explanations of `cat` under `rules` at `at`. */
export function createExplainCache(cat: CompiledCatalogue, rules: MatchingRules, at: Date): ExplainCache {
  const weights = new Float64Array(FACTORS.length);
  for (let i = 0; i < FACTORS.length; i++) weights[i] = rules.weights[FACTORS[i] as Factor];
  return {
    catalogue: cat,
    rules,
    at,
    shares: weightShares(rules),
    weights,
    relevanceShares: relevanceShares(rules),
    practicalShares: groupShares(rules, PRACTICAL_FACTORS),
    timetables: new Map(),
    measurements: createMeasurements(),
    values: new Float64Array(FACTORS.length),
  };
}

/**
 * Explains the activity at position `p` for one client: every factor, every broken rule, the
 * reasons and the upcoming sessions. Uses the same measurement, rule and factor functions as
 * the scoring pass, on the same columns, so the two always agree. A `cache` made for another
 * catalogue, rules object or time is ignored.
 */
export function explainPosition(ctx: ClientContext, cat: CompiledCatalogue, p: number, rules: MatchingRules, cache?: ExplainCache): Explanation {
  const shared = cache !== undefined && cache.catalogue === cat && cache.rules === rules && cache.at.getTime() === ctx.at.getTime() ? cache : createExplainCache(cat, rules, ctx.at);
  const c = cat.columns;
  const activity = cat.records.at(c.activityIndex[p] as number);
  const m = measureAll(ctx, c, p, shared.measurements);
  const values = factorValuesInto(ctx, c, p, m, rules, shared.values);
  const { shares, weights } = shared;
  const factors: FactorScore[] = [];
  const contributions = {} as Record<Factor, number>;
  for (let i = 0; i < FACTORS.length; i++) {
    const factor = FACTORS[i] as Factor;
    const value = values[i] as number;
    // The same product, summed in the same order, as weightedScore: the contributions add up to the score.
    const contribution = (shares[i] as number) * value;
    factors.push({ factor, value, weight: weights[i] as number, contribution });
    contributions[factor] = contribution;
  }
  const broken = brokenRules(ctx, c, p, m, rules);
  let timetable = shared.timetables.get(p);
  if (timetable === undefined) {
    timetable = timetableOf(activity, ctx.at, windowsAt(c, p));
    shared.timetables.set(p, timetable);
  }
  const { upcoming, next } = upcomingSessions(ctx, activity, rules.schedule.minOverlap, timetable);
  const relevance = relevanceOf(values, shared.relevanceShares);
  const fitsWell = relevance >= rules.relevance.minimum;
  const fit = fitName(fitAt(ctx, c, p, m));
  const { whyThem, canTheyGo, cautions } = buildReasons(ctx, activity, c, p, m, rules, next, upcoming.length, fit);
  if (!fitsWell) cautions.push(`A weak fit for them: relevance ${relevance.toFixed(2)}, below the ${rules.relevance.minimum} the shortlist asks for`);
  return {
    id: activity.id,
    activity,
    eligible: broken.length === 0,
    exclusions: broken.length === 0 ? [] : broken.map((rule) => ({ rule, reason: exclusionText(rule, ctx, activity, m, rules) })),
    score: weightedScore(values, shares),
    relevance,
    practicality: relevanceOf(values, shared.practicalShares),
    fit,
    minRelevance: rules.relevance.minimum,
    fitsWell,
    factors,
    contributions,
    reasons: [...whyThem, ...canTheyGo],
    whyThem,
    canTheyGo,
    cautions,
    distanceKm: Number.isNaN(m.km) ? null : m.km,
    nextSession: next ?? null,
    upcomingSessions: upcoming,
  };
}
