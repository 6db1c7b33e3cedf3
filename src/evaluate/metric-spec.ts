/**
 * Metric names used by `evaluate` and `compareRules`, such as `ndcg@5`, and the functions of
 * `./metrics.ts` they stand for. Names are data, so a rule comparison can be written as JSON.
 */
import { z } from 'zod';
import { ActivityMatchError } from '../errors.js';
import { averagePrecision, hitRateAt, precisionAt, recallAt, reciprocalRank } from './metrics/accuracy.js';
import type { Judgements } from './metrics/input.js';
import { ndcgAt } from './metrics/ndcg.js';

/**
 * Metrics reported by default: nDCG@5, hit rate at 1 and 3 (was the relevant activity ranked
 * first, or in the top 3?) and mean reciprocal rank.
 *
 * @example
 * ```ts
 * evaluate(DEFAULT_RULES, history, { catalogue, metrics: [...DEFAULT_METRICS, 'ap@5'] });
 * ```
 */
export const DEFAULT_METRICS = ['ndcg@5', 'hit@1', 'hit@3', 'mrr'] as const;

const PATTERN = /^(ndcg|hit|precision|recall|ap|mrr)(?:@([1-9]\d{0,2}))?$/;
const EXPECTED = "expected a metric such as 'ndcg@5', 'hit@1', 'precision@3', 'recall@5', 'ap@5', 'mrr' or 'mrr@5'";

/**
 * A metric name: `ndcg@k`, `hit@k`, `precision@k`, `recall@k`, `ap@k`, `mrr` or `mrr@k` (k 1 to 999).
 *
 * @example
 * ```ts
 * MetricNameSchema.safeParse('ndcg@5').success; // true
 * MetricNameSchema.safeParse('ndcg').success;   // false: needs a cut-off
 * ```
 */
export const MetricNameSchema = z.string({ error: EXPECTED }).refine((name) => {
  const m = PATTERN.exec(name);
  return m !== null && (m[1] === 'mrr' || m[2] !== undefined);
}, { error: EXPECTED });

/** A metric of one ranked list against one client's judgements. */
export type MetricFunction = (ranked: readonly string[], qrels: Judgements) => number;

/**
 * The function a metric name stands for, and how deep in the list it looks (`Infinity` for
 * `mrr` without a cut-off). The name must have passed {@link MetricNameSchema}.
 *
 * @example
 * ```ts
 * const { fn, depth } = metricFunction('hit@3');
 * fn(['a', 'b', 'c'], { c: 1 }); // 1
 * depth;                         // 3
 * ```
 */
export function metricFunction(name: string): { fn: MetricFunction; depth: number } {
  const m = PATTERN.exec(name);
  const kind = m?.[1];
  const k = m?.[2] === undefined ? undefined : Number(m[2]);
  if (kind === 'mrr') return { fn: (r, q) => reciprocalRank(r, q, k === undefined ? {} : { k }), depth: k ?? Infinity };
  if (k === undefined) throw new ActivityMatchError('INVALID_OPTIONS', [{ path: 'metric', message: EXPECTED }]);
  switch (kind) {
    case 'ndcg':
      return { fn: (r, q) => ndcgAt(r, q, k), depth: k };
    case 'hit':
      return { fn: (r, q) => hitRateAt(r, q, k), depth: k };
    case 'precision':
      return { fn: (r, q) => precisionAt(r, q, k), depth: k };
    case 'recall':
      return { fn: (r, q) => recallAt(r, q, k), depth: k };
    default:
      return { fn: (r, q) => averagePrecision(r, q, { k }), depth: k };
  }
}
