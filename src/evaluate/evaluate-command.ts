/**
 * The `activity-match evaluate` command, as a pure function from parsed files to the text to
 * print, so the same evaluation runs outside a notebook (the CLI reads the files and prints).
 */
import { z } from 'zod';
import { DEFAULT_RULES } from '../schema/rules.js';
import { parseOrThrow } from '../validate.js';
import type { MatchingRulesInput } from '../schema/rules.js';
import { compareRules } from './compare.js';
import type { Comparison, ComparisonRow } from './compare.js';
import type { MetricSummary, Settings } from './engine.js';
import { evaluate } from './evaluate.js';
import { guard } from '../guard.js';

/** Arguments of {@link runEvaluateCommand}: the parsed JSON of each file. */
export interface EvaluateCommandArgs {
  /** The referral history (`--referrals`). */
  readonly referrals: unknown;
  /** Matching rules to evaluate (`--rules`); the defaults when absent. */
  readonly rules?: unknown;
  /** Rules to compare with them (`--compare`). */
  readonly compare?: unknown;
  /** Labels of the two rule sets (default `'defaults'` or `'rules'`, and `'compare'`), e.g. the file names. */
  readonly labels?: { readonly a?: string; readonly b?: string };
  /** Print JSON instead of a table (`--json`). */
  readonly json: boolean;
  /** The catalogue the referrals were offered from, or a `Matcher` built from it (the CLI's lenient one). */
  readonly catalogue: unknown;
}

const ArgsSchema = z.object(
  {
    referrals: z.unknown(),
    rules: z.unknown().optional(),
    compare: z.unknown().optional(),
    labels: z.object({ a: z.string({ error: 'expected a label' }).max(200, { error: 'expected a label of at most 200 characters' }).optional(), b: z.string({ error: 'expected a label' }).max(200, { error: 'expected a label of at most 200 characters' }).optional() }, { error: 'expected labels { a?, b? }' }).optional(),
    json: z.boolean({ error: 'expected true or false' }),
    catalogue: z.unknown(),
  },
  { error: 'expected arguments { referrals, rules?, compare?, labels?, json, catalogue }' },
);
const stat = z.number({ error: 'expected a number or null' }).nullable();
const SummarySchema = z.array(z.object({ metric: z.string({ error: 'expected a metric name' }).max(100, { error: 'expected a metric name' }), n: z.number({ error: 'expected a count' }).int({ error: 'expected a count' }).min(0, { error: 'expected a count' }), mean: stat, lower: stat, upper: stat }, { error: 'expected a summary row { metric, n, mean, lower, upper }' }), { error: 'expected the summary rows of an evaluation' });
const ComparisonSchema = z.array(z.object({ metric: z.string({ error: 'expected a metric name' }).max(100, { error: 'expected a metric name' }), n: z.number({ error: 'expected a count' }).int({ error: 'expected a count' }).min(0, { error: 'expected a count' }), a: stat, b: stat, difference: stat, lower: stat, upper: stat }, { error: 'expected a comparison row { metric, n, a, b, difference, lower, upper }' }), { error: 'expected the summary rows of a comparison' });
const LabelsSchema = z.object({ a: z.string({ error: 'expected a label' }).max(200, { error: 'expected a label of at most 200 characters' }), b: z.string({ error: 'expected a label' }).max(200, { error: 'expected a label of at most 200 characters' }) }, { error: 'expected labels { a, b }' });
const LevelSchema = z.number({ error: 'expected a level between 0 and 1' }).gt(0, { error: 'expected a level between 0 and 1' }).lt(1, { error: 'expected a level between 0 and 1' });

/**
 * Runs the evaluation and returns the text to print: a metric table (mean and 95% bootstrap
 * interval per metric), or with `compare` both rule sets side by side with the paired
 * difference; with `json`, the same summary as JSON (`{ labels, settings, summary }`; per-referral
 * rows are left out, use `evaluate` for those).
 *
 * @throws {ActivityMatchError} as `evaluate` and `compareRules`.
 * @example
 * ```ts
 * const text = runEvaluateCommand({ referrals: history, compare: { weights: { needs: 1.5, interests: 3, distance: 2 } }, json: false, catalogue });
 * // Comparing defaults (A) with compare (B) on 2000 referrals …
 * // metric  n     defaults  compare  B − A   95% CI
 * // ndcg@5  1324  0.697     0.767    +0.069  [+0.059, +0.079]
 * ```
 */
export function runEvaluateCommand(args: EvaluateCommandArgs): string {
  return guard([{ code: 'INVALID_OPTIONS', path: 'args', value: args, fields: [ArgsSchema] }], () => runEvaluateCommandUnguarded(args));
}

function runEvaluateCommandUnguarded(args: EvaluateCommandArgs): string {
  args = parseOrThrow(ArgsSchema, args, 'INVALID_OPTIONS', 'args') as EvaluateCommandArgs;
  // The rest is validated by evaluate/compareRules, which name the field path in any error.
  const a = (args.rules ?? DEFAULT_RULES) as MatchingRulesInput;
  const labelA = args.labels?.a ?? (args.rules === undefined ? 'defaults' : 'rules');
  if (args.compare === undefined) {
    const result = evaluate(a, args.referrals, { catalogue: args.catalogue, label: labelA });
    if (args.json) return JSON.stringify({ label: result.label, settings: result.settings, summary: result.summary }, null, 2);
    const count = Array.isArray(args.referrals) ? args.referrals.length : 0;
    return `Evaluating ${labelA} on ${count} referrals\n${describe(result.settings)}\n\n${formatSummaryTable(result.summary, result.settings.bootstrap.level)}`;
  }
  const labels = { a: labelA, b: args.labels?.b ?? 'compare' };
  const result: Comparison = compareRules(a, args.compare as MatchingRulesInput, args.referrals, { catalogue: args.catalogue, labels });
  if (args.json) return JSON.stringify({ labels: result.labels, settings: result.settings, summary: result.summary }, null, 2);
  const count = Array.isArray(args.referrals) ? args.referrals.length : 0;
  return `Comparing ${labels.a} (A) with ${labels.b} (B) on ${count} referrals\n${describe(result.settings)}\n\n${formatComparisonTable(result.summary, result.labels, result.settings.bootstrap.level)}`;
}

function describe(s: Settings): string {
  const level = Math.round(s.bootstrap.level * 100);
  const relevant = { 'taken-up': 'the activity taken up', attended: 'the activity attended', completed: 'the activity completed', graded: 'graded by outcome (taken up 1, attended 2, completed 3)' }[s.relevance];
  return `Relevant: ${relevant}; ranked: ${s.candidates === 'offered' ? 'the activities offered' : 'the whole catalogue'}; ${level}% bootstrap intervals (${s.bootstrap.resamples} resamples, seed ${s.bootstrap.seed}); referrals with nothing relevant ${s.empty === 'skip' ? 'left out' : 'count as 0'}.`;
}

/**
 * A plain-text table of an evaluation summary: metric, n, mean and confidence interval
 * (`level` only labels the column; default 0.95). The rows are checked (`INVALID_OPTIONS`,
 * paths `summary[0].mean`, …): pass `evaluate(…).summary`.
 *
 * @example
 * ```ts
 * formatSummaryTable(evaluate(DEFAULT_RULES, history, { catalogue }).summary);
 * // metric  n     mean   95% CI
 * // ndcg@5  1324  0.697  [0.682, 0.712]
 * ```
 */
export function formatSummaryTable(summary: readonly MetricSummary[], level = 0.95): string {
  return guard([{ code: 'INVALID_OPTIONS', path: 'summary', value: summary, fields: [SummarySchema] }], () => formatSummaryTableUnguarded(summary, level));
}

function formatSummaryTableUnguarded(summary: readonly MetricSummary[], level = 0.95): string {
  const rows = parseOrThrow(SummarySchema, summary, 'INVALID_OPTIONS', 'summary');
  level = parseOrThrow(LevelSchema, level, 'INVALID_OPTIONS', 'level');
  return table(
    ['metric', 'n', 'mean', `${Math.round(level * 100)}% CI`],
    rows.map((s) => [s.metric, String(s.n), fixed(s.mean), interval(s.lower, s.upper, false)]),
  );
}

/**
 * A plain-text table of a comparison: both means, the paired difference `B − A` and its
 * confidence interval. The rows and labels are checked (`INVALID_OPTIONS`): pass
 * `compareRules(…).summary` and `.labels`.
 *
 * @example
 * ```ts
 * const c = compareRules(DEFAULT_RULES, edited, history, { catalogue, labels: { a: 'defaults', b: 'edited' } });
 * formatComparisonTable(c.summary, c.labels);
 * // metric  n     defaults  edited  B − A   95% CI
 * // ndcg@5  1324  0.697     0.767   +0.069  [+0.059, +0.079]
 * ```
 */
export function formatComparisonTable(summary: readonly ComparisonRow[], labels: { readonly a: string; readonly b: string }, level = 0.95): string {
  return guard([{ code: 'INVALID_OPTIONS', path: 'summary', value: summary, fields: [ComparisonSchema] }, { code: 'INVALID_OPTIONS', path: 'labels', value: labels, fields: [LabelsSchema] }], () => formatComparisonTableUnguarded(summary, labels, level));
}

function formatComparisonTableUnguarded(summary: readonly ComparisonRow[], labels: { readonly a: string; readonly b: string }, level = 0.95): string {
  const rows = parseOrThrow(ComparisonSchema, summary, 'INVALID_OPTIONS', 'summary');
  labels = parseOrThrow(LabelsSchema, labels, 'INVALID_OPTIONS', 'labels');
  level = parseOrThrow(LevelSchema, level, 'INVALID_OPTIONS', 'level');
  return table(
    ['metric', 'n', labels.a, labels.b, 'B − A', `${Math.round(level * 100)}% CI`],
    rows.map((r) => [r.metric, String(r.n), fixed(r.a), fixed(r.b), fixed(r.difference, true), interval(r.lower, r.upper, true)]),
  );
}

function fixed(x: number | null, signed = false): string {
  if (x === null) return '–';
  const text = x.toFixed(3);
  return signed && x >= 0 ? `+${text}` : text;
}

function interval(lower: number | null, upper: number | null, signed: boolean): string {
  return lower === null || upper === null ? '–' : `[${fixed(lower, signed)}, ${fixed(upper, signed)}]`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n');
}
