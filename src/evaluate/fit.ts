/**
 * `fitWeights`: learn factor weights from referral outcomes.
 */
import { z } from 'zod';
import { ActivityMatchError } from '../errors.js';
import { createMatcher } from '../matcher.js';
import type { Matcher } from '../matcher.js';
import { FACTORS, MatchingRulesSchema } from '../schema/rules.js';
import type { Factor, MatchingRules, MatchingRulesInput } from '../schema/rules.js';
import { parseOrThrow } from '../validate.js';
import type { BootstrapOptions } from './bootstrap.js';
import { compareSubjects } from './compare.js';
import type { ComparisonRow } from './compare.js';
import { checkOfferedIds, isMatcher, parseReferrals, SettingsShape } from './engine.js';
import type { MetricSummary, Settings, Subject } from './engine.js';
import { FeatureStore } from './features.js';
import type { IndexedReferral } from './features.js';
import { fitConditionalLogit, fitLogistic, SINGULAR_MESSAGE } from './logistic.js';
import { createRandom } from './random.js';
import type { ReferralSupport } from './referrals.js';
import { guard } from '../guard.js';
import { ReferralHistorySchema } from './referrals.js';
import { ActivitySchema } from '../schema/activity.js';

/**
 * The outcome `fitWeights` learns to predict.
 *
 * @example
 * ```ts
 * fitWeights(history, catalogue, { target: FIT_TARGETS[1] }); // learn from who attended
 * ```
 */
export const FIT_TARGETS = ['taken-up', 'attended', 'completed'] as const;

/**
 * The model `fitWeights` fits:
 * - `'conditional'` (default): a conditional logit over the activities offered in each referral
 *   where the target happened: which one was it? Only differences between the activities
 *   offered to the same client count, which is exactly what a ranking for that client uses.
 * - `'binary'`: a logistic regression with one row per offered activity (label: was it the one)
 *   and one intercept per support mode. Factors that lift every offer of a referral alike (a
 *   client with no availability limits, say) also count, which blurs their ranking weight.
 *
 * @example
 * ```ts
 * fitWeights(history, catalogue, { model: 'binary' }).intercepts; // { 'link-worker': -2.1, 'list-only': -4.3 }
 * ```
 */
export const FIT_MODELS = ['conditional', 'binary'] as const;

/** Options of {@link fitWeights}. */
export interface FitWeightsOptions {
  /** Outcome to predict for each offered activity (default `'taken-up'`); also the relevance of the before/after metrics. */
  readonly target?: (typeof FIT_TARGETS)[number];
  /** The model (default `'conditional'`); see {@link FIT_MODELS}. */
  readonly model?: (typeof FIT_MODELS)[number];
  /** Share of referrals held out for the before/after comparison, 0.05 to 0.95 (default 0.3). */
  readonly testFraction?: number;
  /** Seed of the shuffle that splits referrals (default 1). */
  readonly seed?: number;
  /** L2 penalty λ on the factor coefficients (default 0.1; intercepts are not penalised). */
  readonly l2?: number;
  /** Newton iterations at most (default 100) and convergence tolerance (default 1e-9). */
  readonly maxIterations?: number;
  readonly tolerance?: number;
  /** Starting rules: their non-weight parameters are kept and they are the "before" (default: the matcher's rules). */
  readonly rules?: MatchingRulesInput;
  /** Metrics of the before/after comparison (default `DEFAULT_METRICS`). */
  readonly metrics?: readonly string[];
  readonly empty?: 'skip' | 'zero';
  readonly bootstrap?: BootstrapOptions;
}

/** What {@link fitWeights} returns. */
export interface FitWeightsResult {
  /** The starting rules with the learned weights: pass them straight to the matcher. */
  readonly rules: MatchingRules;
  /** Logistic coefficients per factor (log-odds per unit of factor value), before clipping. */
  readonly coefficients: Readonly<Record<Factor, number>>;
  /** Approximate standard error of each coefficient (from the penalised Hessian): ±2 SE is a rough 95% range. */
  readonly standardErrors: Readonly<Record<Factor, number>>;
  /** Intercept per referral support mode seen in training (`'binary'` model only; empty otherwise). */
  readonly intercepts: Readonly<Partial<Record<ReferralSupport, number>>>;
  /** Held-out metrics with the starting rules and with the learned rules. */
  readonly before: readonly MetricSummary[];
  readonly after: readonly MetricSummary[];
  /** The paired before/after comparison on the held-out referrals. */
  readonly comparison: readonly ComparisonRow[];
  /** Referrals in each part, offered activities in training, and training referrals where the target happened. */
  readonly split: { readonly train: number; readonly test: number; readonly rows: number; readonly positives: number };
  readonly iterations: number;
  readonly converged: boolean;
}

// The catalogue is an argument, relevance follows the target and the offered activities are re-ranked.
const { catalogue: _catalogue, relevance: _relevance, candidates: _candidates, ...EvaluationShape } = SettingsShape;
const FitOptionsSchema = z.strictObject({
  ...EvaluationShape,
  target: z.enum(FIT_TARGETS, { error: "expected 'taken-up', 'attended' or 'completed'" }).default('taken-up'),
  model: z.enum(FIT_MODELS, { error: "expected 'conditional' or 'binary'" }).default('conditional'),
  testFraction: z.number({ error: 'expected a fraction from 0.05 to 0.95' }).min(0.05, { error: 'expected a fraction from 0.05 to 0.95' }).max(0.95, { error: 'expected a fraction from 0.05 to 0.95' }).default(0.3),
  seed: z.number({ error: 'expected a whole number seed' }).int({ error: 'expected a whole number seed' }).default(1),
  l2: z.number({ error: 'expected a penalty from 0 to 1000000' }).min(0, { error: 'expected a penalty from 0 to 1000000' }).max(1e6, { error: 'expected a penalty from 0 to 1000000' }).default(0.1),
  maxIterations: z.number({ error: 'expected a whole number from 1 to 1000' }).int({ error: 'expected a whole number from 1 to 1000' }).min(1, { error: 'expected a whole number from 1 to 1000' }).max(1000, { error: 'expected a whole number from 1 to 1000' }).default(100),
  tolerance: z.number({ error: 'expected a tolerance above 0' }).positive({ error: 'expected a tolerance above 0' }).default(1e-9),
  rules: z.unknown().optional(),
});

/**
 * Learns factor weights from outcomes and checks them on held-out referrals.
 *
 * 1. Referrals are shuffled with `seed` and split: `testFraction` held out, the rest to train.
 * 2. Every activity offered in a training referral is described by its factor values from
 *    `matcher.explain` (under the starting rules) and whether it was the one taken up
 *    (attended, completed: `target`).
 * 3. A logistic model with an L2 penalty is fitted: by default a conditional logit of which
 *    offered activity met the target (see {@link FIT_MODELS}).
 * 4. Coefficients become weights: negatives are clipped to 0 (a factor cannot count against an
 *    activity in a weighted mean), then all are rescaled so they add up to the starting weights'
 *    sum. Within a referral the learned score then ranks exactly as the fitted model's
 *    positive part does.
 * 5. Both rule sets are evaluated on the held-out referrals (`before`, `after`, `comparison`).
 *
 * @param referrals - A referral history (`ReferralHistorySchema`).
 * @param catalogue - A `Matcher`, or a catalogue to build one from.
 * @throws {ActivityMatchError} `INVALID_OPTIONS` (bad referrals or options, too few referrals,
 *   no outcome to learn from, or, with `l2: 0`, a history that cannot identify the weights:
 *   path `referrals`), `INVALID_RULES`, `INVALID_CATALOGUE`, `UNKNOWN_ACTIVITY`.
 * @example
 * ```ts
 * const fit = fitWeights(history, catalogue, { seed: 1 });
 * fit.rules.weights;  // { interests: 4.27, schedule: 2.38, distance: 2.34, … }: adds up to 13.5, like the defaults
 * fit.comparison[0];  // { metric: 'ndcg@5', a: 0.68, b: 0.76, difference: 0.08, lower: 0.06, upper: 0.11, … }
 * createMatcher(catalogue, { rules: fit.rules });
 * ```
 */
export function fitWeights(referrals: unknown, catalogue: unknown, options: FitWeightsOptions = {}): FitWeightsResult {
  return guard([{ code: 'INVALID_RULES', path: 'options.rules', read: () => (options as { rules?: unknown } | null | undefined)?.rules, fields: [MatchingRulesSchema] }, { code: 'INVALID_OPTIONS', path: 'options', value: options, fields: [FitOptionsSchema, MatchingRulesSchema] }, { code: 'INVALID_OPTIONS', path: 'referrals', value: referrals, fields: [ReferralHistorySchema] }, { code: 'INVALID_CATALOGUE', path: 'catalogue', value: catalogue, fields: [ActivitySchema] }], () => fitWeightsUnguarded(referrals, catalogue, options));
}

function fitWeightsUnguarded(referrals: unknown, catalogue: unknown, options: FitWeightsOptions = {}): FitWeightsResult {
  const { target, model: kind, testFraction, seed, l2, maxIterations, tolerance, rules: rulesInput, ...rest } = parseOrThrow(FitOptionsSchema, options, 'INVALID_OPTIONS', 'options');
  const settings: Settings = { ...rest, relevance: target, candidates: 'offered' };
  const items = parseReferrals(referrals);
  const matcher: Matcher = isMatcher(catalogue) ? catalogue : createMatcher(catalogue);
  const start: Subject = { matcher, rules: rulesInput === undefined ? matcher.rules : parseOrThrow(MatchingRulesSchema, rulesInput, 'INVALID_RULES', 'options.rules') };
  checkOfferedIds(items, matcher);
  if (items.length < 2) throw new ActivityMatchError('INVALID_OPTIONS', [{ path: 'referrals', message: 'expected at least 2 referrals, to hold some out' }]);
  const order = createRandom(seed).shuffle(items);
  const nTest = Math.min(items.length - 1, Math.max(1, Math.round(items.length * testFraction)));
  const test = order.slice(0, nTest).sort((x, y) => x.index - y.index);
  const train = order.slice(nTest).sort((x, y) => x.index - y.index);

  const store = new FeatureStore();
  const choices = train.map((item) => choiceOf(item, start, store, target));
  const rows = choices.reduce((n, c) => n + c.values.length, 0);
  const positives = choices.filter((c) => c.chosen >= 0).length;
  if (positives === 0 || positives === rows) {
    throw new ActivityMatchError('INVALID_OPTIONS', [{ path: 'referrals', message: 'expected training referrals with both outcomes (some offered activities chosen, some not)' }]);
  }
  const logit = { l2, maxIterations, tolerance };
  const supports = kind === 'binary' ? [...new Set(train.map((t) => t.referral.support))].sort() : [];
  const fitted = identified(() =>
    kind === 'binary'
      ? fitLogistic(
          choices.flatMap((c) => c.values.map((v) => [...supports.map((s) => (s === c.support ? 1 : 0)), ...v])),
          choices.flatMap((c) => c.values.map((_, j) => (j === c.chosen ? 1 : 0))),
          { ...logit, unpenalized: supports.length },
        )
      : fitConditionalLogit(
          choices.filter((c) => c.chosen >= 0).map((c) => ({ rows: c.values.map((v) => [...v]), chosen: c.chosen })),
          { ...logit, unpenalized: 0 },
        ),
  );
  const b = fitted.coefficients;
  const coefficients = Object.fromEntries(FACTORS.map((f, k) => [f, b[supports.length + k] ?? 0])) as Record<Factor, number>;
  const intercepts = Object.fromEntries(supports.map((s, i) => [s, b[i] ?? 0]));
  const standardErrors = Object.fromEntries(FACTORS.map((f, k) => [f, fitted.standardErrors[supports.length + k] ?? NaN])) as Record<Factor, number>;
  const learned: Subject = { matcher, rules: { ...start.rules, weights: toWeights(coefficients, start.rules) } };

  const comparison = compareSubjects(start, learned, test, settings, { a: 'before', b: 'after' }, store);
  return {
    rules: learned.rules,
    coefficients,
    standardErrors,
    intercepts,
    before: comparison.a,
    after: comparison.b,
    comparison: comparison.summary,
    split: { train: train.length, test: test.length, rows, positives },
    iterations: fitted.iterations,
    converged: fitted.converged,
  };
}

/** One training referral: factor values of the offered activities and which one met the target (−1: none). */
function choiceOf(item: IndexedReferral, start: Subject, store: FeatureStore, target: (typeof FIT_TARGETS)[number]) {
  const r = item.referral;
  const success = target === 'taken-up' || (target === 'attended' ? r.attended : r.completed);
  const features = store.get(start.matcher, start.rules, item);
  return { support: r.support, values: features.values, chosen: success && r.takenUp !== null ? features.ids.indexOf(r.takenUp) : -1 };
}

/**
 * Runs a fit; when the history cannot identify the weights (a singular system or coefficients
 * growing without bound, possible with `l2: 0`), says so for the history instead.
 */
function identified<T>(fit: () => T): T {
  try {
    return fit();
  } catch (error) {
    if (!(error instanceof ActivityMatchError) || error.issues[0]?.path !== 'options.l2') throw error;
    const singular = error.issues[0]?.message === SINGULAR_MESSAGE;
    const why = singular ? 'a factor never varies among the activities offered together, or two always move together' : 'the outcomes are separated perfectly, so the weights grow without bound';
    throw new ActivityMatchError('INVALID_OPTIONS', [{ path: 'referrals', message: `expected a history that can identify the weights: ${why}; give options.l2 above 0, or more varied referrals` }], { cause: error });
  }
}

/** Clips negative coefficients to 0 and rescales to the starting weights' sum. */
function toWeights(coefficients: Readonly<Record<Factor, number>>, start: MatchingRules): Record<Factor, number> {
  const clipped = FACTORS.map((f) => Math.max(0, coefficients[f]));
  const total = clipped.reduce((s, v) => s + v, 0);
  if (total === 0) throw new ActivityMatchError('INVALID_OPTIONS', [{ path: 'referrals', message: 'expected outcomes that rise with at least one factor; every coefficient came out 0 or below' }]);
  const target = FACTORS.reduce((s, f) => s + start.weights[f], 0);
  return Object.fromEntries(FACTORS.map((f, k) => [f, ((clipped[k] as number) * target) / total])) as Record<Factor, number>;
}
