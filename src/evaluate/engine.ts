/**
 * The evaluation engine shared by `evaluate`, `compareRules` and `fitWeights`: option
 * validation, turning a matcher or a rule set into something to rank with, the per-referral
 * metric values, and their summaries (internal; the public functions document the behaviour).
 */
import { z } from 'zod';
import { ActivityMatchError } from '../errors.js';
import { createMatcher } from '../matcher.js';
import type { Matcher } from '../matcher.js';
import { text } from '../schema/common.js';
import { MatchingRulesSchema } from '../schema/rules.js';
import type { MatchingRules } from '../schema/rules.js';
import { parseOrThrow } from '../validate.js';
import { bootstrapOf, BootstrapOptionsSchema } from './bootstrap.js';
import type { BootstrapSettings } from './bootstrap.js';
import { scoreOffered } from './features.js';
import type { FeatureStore, IndexedReferral } from './features.js';
import { DEFAULT_METRICS, metricFunction, MetricNameSchema } from './metric-spec.js';
import { countRelevant, rankByScore } from './metrics/input.js';
import { judgementsFor, ReferralHistorySchema, referralInstant, RELEVANCE } from './referrals.js';

/**
 * Where the ranked list comes from: the offered activities re-ranked, or the whole catalogue.
 *
 * @example
 * ```ts
 * evaluate(DEFAULT_RULES, history, { catalogue, candidates: CANDIDATES[1] }); // 'catalogue'
 * ```
 */
export const CANDIDATES = ['offered', 'catalogue'] as const;

/**
 * Settings shared by `evaluate`, `compareRules` and `fitWeights` (internal): spread into each
 * one's options schema.
 *
 * @example
 * ```ts
 * const Options = z.strictObject({ ...SettingsShape, label: LabelSchema.default('rules') });
 * ```
 */
export const SettingsShape = {
  /** The catalogue to build a matcher from, when rules rather than a matcher are given. */
  catalogue: z.unknown().optional(),
  metrics: z.array(MetricNameSchema, { error: 'expected a list of metric names' }).min(1, { error: 'expected at least one metric' }).max(20, { error: 'expected at most 20 metrics' }).default([...DEFAULT_METRICS]),
  relevance: z.enum(RELEVANCE, { error: "expected 'taken-up', 'attended', 'completed' or 'graded'" }).default('taken-up'),
  candidates: z.enum(CANDIDATES, { error: "expected 'offered' or 'catalogue'" }).default('offered'),
  empty: z.enum(['skip', 'zero'], { error: "expected 'skip' or 'zero'" }).default('skip'),
  bootstrap: BootstrapOptionsSchema,
};

/**
 * A label for a rule set in tables: non-empty text of at most 60 characters.
 *
 * @example
 * ```ts
 * LabelSchema.parse(' defaults '); // 'defaults'
 * ```
 */
export const LabelSchema = text(60, 'a label');

/** Validated evaluation settings (internal). */
export interface Settings {
  readonly metrics: readonly string[];
  readonly relevance: (typeof RELEVANCE)[number];
  readonly candidates: (typeof CANDIDATES)[number];
  readonly empty: 'skip' | 'zero';
  readonly bootstrap: BootstrapSettings;
}

/** One metric value for one referral under one rule set: a row of a tidy table. */
export interface MetricRow {
  /** The rule set's label. */
  readonly rules: string;
  /** The referral id. */
  readonly referral: string;
  /** The client's pseudonymous id, if the profile has one. */
  readonly client: string | null;
  readonly metric: string;
  /** null when the referral has no relevant outcome (nothing taken up, attended, …). */
  readonly value: number | null;
}

/** A metric's mean over referrals with its bootstrap confidence interval. */
export interface MetricSummary {
  readonly rules: string;
  readonly metric: string;
  /** Referrals averaged (those with a relevant outcome, or all with `empty: 'zero'`). */
  readonly n: number;
  readonly mean: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

/** A matcher and the rules to rank with. */
export interface Subject {
  readonly matcher: Matcher;
  readonly rules: MatchingRules;
}

/**
 * True for an object with the matcher's methods (internal).
 *
 * @example
 * ```ts
 * isMatcher(createMatcher(catalogue)); // true
 * isMatcher(DEFAULT_RULES);            // false
 * ```
 */
export function isMatcher(value: unknown): value is Matcher {
  return typeof value === 'object' && value !== null && typeof (value as Matcher).explain === 'function' && typeof (value as Matcher).recommend === 'function';
}

/**
 * Resolves a matcher or a rule set; rules use `shared.matcher`, built once from the catalogue if
 * unset (internal).
 *
 * @example
 * ```ts
 * const shared = {};
 * resolveSubject({ weights: { cost: 2 } }, catalogue, 'a', shared).rules.weights.cost; // 2
 * ```
 */
export function resolveSubject(subject: unknown, catalogue: unknown, path: string, shared: { matcher?: Matcher }): Subject {
  if (isMatcher(subject)) return { matcher: subject, rules: subject.rules };
  const rules = parseOrThrow(MatchingRulesSchema, subject ?? {}, 'INVALID_RULES', path);
  if (shared.matcher !== undefined) return { matcher: shared.matcher, rules };
  if (catalogue === undefined) {
    throw new ActivityMatchError('INVALID_OPTIONS', [{ path: 'options.catalogue', message: 'expected a catalogue when rules rather than a matcher are evaluated' }]);
  }
  shared.matcher ??= isMatcher(catalogue) ? catalogue : createMatcher(catalogue);
  return { matcher: shared.matcher, rules };
}

/**
 * Parses a referral history with error paths `referrals[i]…` (internal).
 *
 * @example
 * ```ts
 * parseReferrals(history)[3]; // { referral: { id: 'r0004', … }, index: 3 }
 * ```
 */
/**
 * Throws `UNKNOWN_ACTIVITY` for the first offered activity id not in the matcher's catalogue,
 * before any scoring, so a history that names a vanished service is reported whether or not
 * that referral would have been scored.
 */
export function checkOfferedIds(items: readonly IndexedReferral[], matcher: Matcher): void {
  for (const { referral, index } of items) {
    referral.offered.forEach((offer, j) => {
      if (matcher.get(offer.activityId) === undefined) {
        throw new ActivityMatchError('UNKNOWN_ACTIVITY', [{ path: `referrals[${index}].offered[${j}].activityId`, message: 'expected the id of an activity in the catalogue' }]);
      }
    });
  }
}

export function parseReferrals(referrals: unknown): IndexedReferral[] {
  return parseOrThrow(ReferralHistorySchema, referrals, 'INVALID_OPTIONS', 'referrals').map((referral, index) => ({ referral, index }));
}

/**
 * Per-metric, per-referral values (null when the referral cannot be scored) (internal).
 *
 * @example
 * ```ts
 * metricValues(subject, items, settings, new FeatureStore())[0]; // nDCG@5 per referral: [0.63, null, 1, …]
 * ```
 */
export function metricValues(subject: Subject, items: readonly IndexedReferral[], settings: Settings, store: FeatureStore): (number | null)[][] {
  const metrics = settings.metrics.map(metricFunction);
  const finite = metrics.map((m) => m.depth).filter((d) => Number.isFinite(d));
  const limit = finite.length === metrics.length ? Math.min(100, Math.max(...finite)) : 100;
  const out = metrics.map(() => [] as (number | null)[]);
  for (const item of items) {
    const qrels = judgementsFor(item.referral, settings.relevance);
    const scorable = countRelevant(qrels) > 0;
    let ranked: string[] = [];
    if (scorable && settings.candidates === 'offered') {
      ranked = rankByScore(scoreOffered(store.get(subject.matcher, subject.rules, item), subject.rules), { ties: 'id-ascending' });
    } else if (scorable) {
      const at = referralInstant(item.referral.date);
      ranked = subject.matcher.recommend(item.referral.client, { at, limit, rules: subject.rules }).map((r) => r.id);
    }
    metrics.forEach((m, i) => out[i]?.push(scorable ? m.fn(ranked, qrels) : null));
  }
  return out;
}

/**
 * Values to average under the empty policy: nulls dropped (`skip`) or counted as 0 (`zero`).
 *
 * @example
 * ```ts
 * usable([1, null, 0.5], 'skip'); // [1, 0.5]
 * usable([1, null, 0.5], 'zero'); // [1, 0, 0.5]
 * ```
 */
export function usable(values: readonly (number | null)[], empty: 'skip' | 'zero'): number[] {
  return empty === 'zero' ? values.map((v) => v ?? 0) : values.filter((v): v is number => v !== null);
}

/**
 * Tidy rows: one per referral per metric (internal).
 *
 * @example
 * ```ts
 * toRows('defaults', items, settings, values)[0];
 * // { rules: 'defaults', referral: 'r0001', client: 'c0001', metric: 'ndcg@5', value: 0.63 }
 * ```
 */
export function toRows(label: string, items: readonly IndexedReferral[], settings: Settings, values: readonly (number | null)[][]): MetricRow[] {
  const rows: MetricRow[] = [];
  items.forEach((item, r) => {
    settings.metrics.forEach((metric, m) => {
      rows.push({ rules: label, referral: item.referral.id, client: item.referral.client.id ?? null, metric, value: values[m]?.[r] ?? null });
    });
  });
  return rows;
}

/**
 * One summary per metric: mean and bootstrap interval (internal).
 *
 * @example
 * ```ts
 * summarise('defaults', settings, values)[0]; // { rules: 'defaults', metric: 'ndcg@5', n: 1324, mean: 0.70, … }
 * ```
 */
export function summarise(label: string, settings: Settings, values: readonly (number | null)[][]): MetricSummary[] {
  return settings.metrics.map((metric, m) => ({ rules: label, metric, ...bootstrapOf(usable(values[m] ?? [], settings.empty), settings.bootstrap) }));
}
