/**
 * `compareRules`: two rule sets on the same referrals, with a paired difference.
 */
import { z } from 'zod';
import type { Matcher } from '../matcher.js';
import type { MatchingRulesInput } from '../schema/rules.js';
import { parseOrThrow } from '../validate.js';
import { bootstrapOf } from './bootstrap.js';
import { checkOfferedIds, isMatcher, LabelSchema, metricValues, parseReferrals, resolveSubject, SettingsShape, summarise, toRows, usable } from './engine.js';
import type { MetricRow, MetricSummary, Settings, Subject } from './engine.js';
import type { EvaluateOptions } from './evaluate.js';
import { FeatureStore } from './features.js';
import type { IndexedReferral } from './features.js';
import { guard } from '../guard.js';
import { ReferralHistorySchema } from './referrals.js';
import { MatchingRulesSchema } from '../schema/rules.js';

/** Options of {@link compareRules}: those of `evaluate`, with a label for each side. */
export interface CompareOptions extends Omit<EvaluateOptions, 'label'> {
  /** Labels of the two rule sets (default `{ a: 'A', b: 'B' }`). */
  readonly labels?: { readonly a?: string; readonly b?: string };
}

/** One metric compared: both means with their intervals, and the paired difference `b − a`. */
export interface ComparisonRow {
  readonly metric: string;
  /** Referrals compared. */
  readonly n: number;
  readonly a: number | null;
  readonly aLower: number | null;
  readonly aUpper: number | null;
  readonly b: number | null;
  readonly bLower: number | null;
  readonly bUpper: number | null;
  /** Mean over referrals of (b − a): positive when b ranks better. */
  readonly difference: number | null;
  /** Paired bootstrap interval of the difference; excluding 0 means a clear difference. */
  readonly lower: number | null;
  readonly upper: number | null;
}

/** What {@link compareRules} returns. */
export interface Comparison {
  readonly labels: { readonly a: string; readonly b: string };
  /** One row per referral per metric per rule set (the `rules` column holds the label). */
  readonly rows: readonly MetricRow[];
  /** One row per metric, ready to show as a table. */
  readonly summary: readonly ComparisonRow[];
  /** Each rule set's own summary. */
  readonly a: readonly MetricSummary[];
  readonly b: readonly MetricSummary[];
  readonly settings: Settings;
}

const CompareOptionsSchema = z.strictObject({
  ...SettingsShape,
  labels: z
    .strictObject({ a: LabelSchema.default('A'), b: LabelSchema.default('B') })
    .prefault({})
    .refine((l) => l.a !== l.b, { error: 'expected two different labels', path: ['b'] }),
});

/**
 * Compares two matchers or rule sets on the same referrals. Each metric gets both means with
 * bootstrap intervals and the paired difference `b − a` with a paired bootstrap interval (the
 * same resampled referrals for both sides). Identical rules give a difference of exactly 0.
 *
 * @param a - The baseline: a `Matcher` or matching rules (with `options.catalogue`, or the
 *   other side's matcher when that is a matcher and no catalogue is given).
 * @param b - The alternative, likewise.
 * @param referrals - A referral history (`ReferralHistorySchema`).
 * @throws {ActivityMatchError} as `evaluate`; rule errors name `a` or `b`.
 * @example
 * ```ts
 * const edited = { ...DEFAULT_RULES, weights: { ...DEFAULT_RULES.weights, needs: 1.5, interests: 3, distance: 2 } };
 * const { summary } = compareRules(DEFAULT_RULES, edited, history, { catalogue, labels: { a: 'defaults', b: 'edited' } });
 * summary[0]; // { metric: 'ndcg@5', n: 1324, a: 0.697, b: 0.767, difference: 0.069, lower: 0.059, upper: 0.079, … }
 * ```
 */
export function compareRules(a: Matcher | MatchingRulesInput, b: Matcher | MatchingRulesInput, referrals: unknown, options: CompareOptions = {}): Comparison {
  return guard([{ code: 'INVALID_OPTIONS', path: 'options', value: options, fields: [CompareOptionsSchema] }, { code: 'INVALID_OPTIONS', path: 'referrals', value: referrals, fields: [ReferralHistorySchema] }, { code: 'INVALID_RULES', path: 'a', value: a, fields: [MatchingRulesSchema] }, { code: 'INVALID_RULES', path: 'b', value: b, fields: [MatchingRulesSchema] }], () => compareRulesUnguarded(a, b, referrals, options));
}

function compareRulesUnguarded(a: Matcher | MatchingRulesInput, b: Matcher | MatchingRulesInput, referrals: unknown, options: CompareOptions = {}): Comparison {
  const { catalogue, labels, ...settings } = parseOrThrow(CompareOptionsSchema, options, 'INVALID_OPTIONS', 'options');
  const items = parseReferrals(referrals);
  // Rules on one side use the other side's matcher when no catalogue is given.
  const other = isMatcher(a) ? a : isMatcher(b) ? b : undefined;
  const shared = catalogue === undefined && other !== undefined ? { matcher: other } : {};
  const subjectA = resolveSubject(a, catalogue, 'a', shared);
  const subjectB = resolveSubject(b, catalogue, 'b', shared);
  checkOfferedIds(items, subjectA.matcher);
  checkOfferedIds(items, subjectB.matcher);
  return compareSubjects(subjectA, subjectB, items, settings, labels, new FeatureStore());
}

/**
 * The comparison on parsed input (internal; shared with `fitWeights`, which compares the
 * starting and learned rules on held-out referrals with the store its training filled).
 *
 * @example
 * ```ts
 * compareSubjects(start, learned, heldOut, settings, { a: 'before', b: 'after' }, store).summary;
 * ```
 */
export function compareSubjects(
  subjectA: Subject,
  subjectB: Subject,
  items: readonly IndexedReferral[],
  settings: Settings,
  labels: { readonly a: string; readonly b: string },
  store: FeatureStore,
): Comparison {
  const valuesA = metricValues(subjectA, items, settings, store);
  const valuesB = metricValues(subjectB, items, settings, store);
  const summaryA = summarise(labels.a, settings, valuesA);
  const summaryB = summarise(labels.b, settings, valuesB);
  const summary = settings.metrics.map((metric, m): ComparisonRow => {
    const [xa, xb] = paired(valuesA[m] ?? [], valuesB[m] ?? [], settings.empty);
    const diff = bootstrapOf(
      xa.map((x, i) => (xb[i] as number) - x),
      settings.bootstrap,
    );
    const sa = summaryA[m] as MetricSummary;
    const sb = summaryB[m] as MetricSummary;
    return { metric, n: diff.n, a: sa.mean, aLower: sa.lower, aUpper: sa.upper, b: sb.mean, bLower: sb.lower, bUpper: sb.upper, difference: diff.mean, lower: diff.lower, upper: diff.upper };
  });
  const rows = [...toRows(labels.a, items, settings, valuesA), ...toRows(labels.b, items, settings, valuesB)];
  return { labels, rows, summary, a: summaryA, b: summaryB, settings };
}

/** The referrals both sides can score (or all, with nulls as 0, under `'zero'`). */
function paired(a: readonly (number | null)[], b: readonly (number | null)[], empty: 'skip' | 'zero'): [number[], number[]] {
  if (empty === 'zero') return [usable(a, 'zero'), usable(b, 'zero')];
  const xa: number[] = [];
  const xb: number[] = [];
  a.forEach((v, i) => {
    const w = b[i];
    if (v !== null && v !== undefined && w !== null && w !== undefined) {
      xa.push(v);
      xb.push(w);
    }
  });
  return [xa, xb];
}
