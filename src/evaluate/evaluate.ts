/**
 * `evaluate`: how well a matcher or a rule set ranks what clients actually took up.
 */
import { z } from 'zod';
import type { Matcher } from '../matcher.js';
import type { MatchingRulesInput } from '../schema/rules.js';
import { parseOrThrow } from '../validate.js';
import type { BootstrapOptions } from './bootstrap.js';
import { checkOfferedIds, LabelSchema, metricValues, parseReferrals, resolveSubject, SettingsShape, summarise, toRows } from './engine.js';
import type { MetricRow, MetricSummary, Settings } from './engine.js';
import { FeatureStore } from './features.js';
import type { Relevance } from './referrals.js';
import { guard } from '../guard.js';
import { ReferralHistorySchema } from './referrals.js';
import { MatchingRulesSchema } from '../schema/rules.js';

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  /**
   * The catalogue (as `createMatcher` takes it, strictly), or a `Matcher` built from it (e.g. a
   * lenient one); required when rules rather than a matcher are evaluated.
   */
  readonly catalogue?: unknown;
  /** Label of the rule set in rows and tables (default `'rules'`). */
  readonly label?: string;
  /** Metric names such as `'ndcg@5'`, `'hit@1'`, `'mrr'` (default `DEFAULT_METRICS`). */
  readonly metrics?: readonly string[];
  /** Which outcome counts as relevant (default `'taken-up'`); see `judgementsFor`. */
  readonly relevance?: Relevance;
  /**
   * What is ranked (default `'offered'`): the activities each client was offered, re-ranked by
   * the rules (every one has an observed outcome; ones the rules exclude drop out), or the
   * shortlist the rules give from the whole catalogue (`'catalogue'`; activities never offered
   * count as not relevant, which favours rules close to the ones that made the offers).
   */
  readonly candidates?: 'offered' | 'catalogue';
  /** Referrals with no relevant outcome: left out of means (`'skip'`, default) or counted as 0. */
  readonly empty?: 'skip' | 'zero';
  /** Bootstrap settings for the confidence intervals (defaults: 2000 resamples, 95%, seed 1). */
  readonly bootstrap?: BootstrapOptions;
}

/** What {@link evaluate} returns: tidy rows and a summary table. */
export interface Evaluation {
  readonly label: string;
  /** One row per referral per metric. */
  readonly rows: readonly MetricRow[];
  /** One row per metric: mean and bootstrap confidence interval. */
  readonly summary: readonly MetricSummary[];
  /** The settings used, defaults filled in. */
  readonly settings: Settings;
}

const EvaluateOptionsSchema = z.strictObject({ ...SettingsShape, label: LabelSchema.default('rules') });

/**
 * Evaluates a matcher, or a rule set on a catalogue, against historical referrals: for each
 * referral, the rules rank the candidates and each metric compares that ranking with what the
 * client took up (or attended, or completed). Deterministic: the same input gives the same
 * rows and the same confidence intervals.
 *
 * @param subject - A `Matcher` (its default rules are used) or matching rules (partial rules
 *   take their defaults; `{}` is `DEFAULT_RULES`) with `options.catalogue`.
 * @param referrals - A referral history (`ReferralHistorySchema`).
 * @throws {ActivityMatchError} `INVALID_OPTIONS` (bad referrals, e.g. `referrals[3].offered[0].rank`,
 *   or options), `INVALID_RULES`, `INVALID_CATALOGUE`, `UNKNOWN_ACTIVITY` (an offered id not in the catalogue).
 * @example
 * ```ts
 * const result = evaluate(DEFAULT_RULES, history, { catalogue, metrics: ['ndcg@5', 'hit@1'] });
 * result.summary;
 * // [{ rules: 'rules', metric: 'ndcg@5', n: 1324, mean: 0.697, lower: 0.682, upper: 0.712 }, …]
 * result.rows[0]; // { rules: 'rules', referral: 'r0001', client: 'c0001', metric: 'ndcg@5', value: 0.63 }
 * ```
 */
export function evaluate(subject: Matcher | MatchingRulesInput, referrals: unknown, options: EvaluateOptions = {}): Evaluation {
  return guard([{ code: 'INVALID_OPTIONS', path: 'options', value: options, fields: [EvaluateOptionsSchema] }, { code: 'INVALID_OPTIONS', path: 'referrals', value: referrals, fields: [ReferralHistorySchema] }, { code: 'INVALID_RULES', path: 'rules', value: subject, fields: [MatchingRulesSchema] }], () => evaluateUnguarded(subject, referrals, options));
}

function evaluateUnguarded(subject: Matcher | MatchingRulesInput, referrals: unknown, options: EvaluateOptions = {}): Evaluation {
  const { catalogue, label, ...settings } = parseOrThrow(EvaluateOptionsSchema, options, 'INVALID_OPTIONS', 'options');
  const items = parseReferrals(referrals);
  const resolved = resolveSubject(subject, catalogue, 'rules', {});
  checkOfferedIds(items, resolved.matcher);
  const values = metricValues(resolved, items, settings, new FeatureStore());
  return { label, rows: toRows(label, items, settings, values), summary: summarise(label, settings, values), settings };
}
