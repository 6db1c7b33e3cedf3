import { activityFeatures } from './catalogue/features.js';
import type { ActivityFeatures } from './catalogue/features.js';
import { parseCatalogue } from './catalogue/load.js';
import type { RejectedRecord } from './catalogue/load.js';
import { ActivityMatchError } from './errors.js';
import type { Activity } from './schema/activity.js';
import { ClientProfileSchema } from './schema/client.js';
import { ExplainOptionsSchema, RecommendOptionsSchema } from './schema/options.js';
import type { ExplainOptions, RecommendOptions } from './schema/options.js';
import { DEFAULT_RULES, FACTORS, MatchingRulesSchema } from './schema/rules.js';
import type { MatchingRules, MatchingRulesInput } from './schema/rules.js';
import { clientContext } from './rank/client-context.js';
import { byScoreThenId, diversify } from './rank/diversify.js';
import type { Candidate } from './rank/diversify.js';
import { isEligible } from './rank/eligibility.js';
import { explainFeatures } from './rank/explain.js';
import type { Explanation, Recommendation } from './rank/explain.js';
import { createMeasurements, measureInto } from './rank/measure.js';
import { factorValuesInto, weightedScore, weightVector } from './rank/score.js';
import { parseOrThrow } from './validate.js';

/** Options of {@link createMatcher}. */
export interface MatcherOptions {
  /** Keep good records and report bad ones in `matcher.rejected` instead of throwing. Default false. */
  readonly lenient?: boolean;
  /** Rules used when a call gives none. Missing fields take their defaults. */
  readonly rules?: MatchingRulesInput;
}

/** A compiled catalogue, ready to answer queries. Pure and synchronous; safe to share. */
export interface Matcher {
  /** The validated activities, in input order. */
  readonly activities: readonly Activity[];
  /** Records a lenient load left out, with every reason. */
  readonly rejected: readonly RejectedRecord[];
  /** The rules used when a call gives none. */
  readonly rules: MatchingRules;
  /** The validated activity with this id, if any. */
  get(id: string): Activity | undefined;
  /**
   * A ranked, explained shortlist for a client.
   * @throws {ActivityMatchError} `INVALID_CLIENT` or `INVALID_OPTIONS`.
   */
  recommend(client: unknown, options: RecommendOptions): Recommendation[];
  /**
   * The full breakdown of one activity for a client, including every rule that excludes it.
   * @throws {ActivityMatchError} `INVALID_CLIENT`, `INVALID_OPTIONS` or `UNKNOWN_ACTIVITY`.
   */
  explain(client: unknown, activityId: string, options: ExplainOptions): Explanation;
}

/**
 * Validates and compiles a catalogue once, and returns a {@link Matcher}.
 *
 * @throws {ActivityMatchError} `INVALID_CATALOGUE` or `DUPLICATE_ID` (strict mode), `INVALID_RULES`.
 * @example
 * ```ts
 * const matcher = createMatcher(catalogue);
 * const [first] = matcher.recommend(
 *   { age: 67, activation: 2, conditions: ['COPD'], home: { lat: 53.38, lon: -1.47 } },
 *   { at: new Date('2026-11-23T09:00:00Z'), limit: 5 },
 * );
 * first?.activity.name; // 'Healthy Lungs course'
 * first?.reasons;       // ['Designed for people with COPD', '1.2 km away', 'Small group, a gentle start', 'Free', …]
 * ```
 */
export function createMatcher(activities: unknown, options: MatcherOptions = {}): Matcher {
  const defaults = options.rules === undefined ? DEFAULT_RULES : parseOrThrow(MatchingRulesSchema, options.rules, 'INVALID_RULES', 'rules');
  const parsed = parseCatalogue(activities, { lenient: options.lenient ?? false });
  const features: ActivityFeatures[] = parsed.activities.map((a, i) => activityFeatures(a, i));
  const byId = new Map<string, number>(parsed.activities.map((a, i) => [a.id, i]));

  function prepare(client: unknown, rulesInput: MatchingRules | undefined, at: Date) {
    const profile = parseOrThrow(ClientProfileSchema, client, 'INVALID_CLIENT', 'client');
    const rules = rulesInput ?? defaults;
    return { ctx: clientContext(profile, at, rules), rules };
  }

  return {
    activities: parsed.activities,
    rejected: parsed.rejected,
    rules: defaults,
    get: (id) => {
      const i = byId.get(id);
      return i === undefined ? undefined : parsed.activities[i];
    },
    recommend(client, callOptions) {
      const opts = parseOrThrow(RecommendOptionsSchema, callOptions, 'INVALID_OPTIONS', 'options');
      const { ctx, rules } = prepare(client, opts.rules, opts.at);
      const { weights, total } = weightVector(rules);
      const m = createMeasurements();
      const values = new Float64Array(FACTORS.length);
      const pool = rules.diversity.enabled ? opts.limit * rules.diversity.poolFactor : opts.limit;
      const candidates: Candidate[] = [];
      for (const f of features) {
        measureInto(ctx, f, m);
        if (!isEligible(ctx, f, m, rules)) continue;
        const score = weightedScore(factorValuesInto(ctx, f, m, rules, values), weights, total);
        candidates.push({ features: f, score });
      }
      candidates.sort(byScoreThenId);
      const top = candidates.slice(0, pool);
      const chosen = rules.diversity.enabled ? diversify(top, opts.limit, rules.diversity.penalty) : top.slice(0, opts.limit);
      return chosen.map((c, i) => {
        const activity = parsed.activities[c.features.index] as Activity;
        return { rank: i + 1, ...explainFeatures(ctx, activity, c.features, rules, opts.at) };
      });
    },
    explain(client, activityId, callOptions) {
      const opts = parseOrThrow(ExplainOptionsSchema, callOptions, 'INVALID_OPTIONS', 'options');
      if (typeof activityId !== 'string') throw new ActivityMatchError('INVALID_OPTIONS', [{ path: 'activityId', message: 'expected an activity id (string)' }]);
      const index = byId.get(activityId);
      if (index === undefined) throw new ActivityMatchError('UNKNOWN_ACTIVITY', [{ path: 'activityId', message: 'expected the id of an activity in the catalogue' }]);
      const { ctx, rules } = prepare(client, opts.rules, opts.at);
      return explainFeatures(ctx, parsed.activities[index] as Activity, features[index] as ActivityFeatures, rules, opts.at);
    },
  };
}
