/**
 * Discounted cumulative gain (Järvelin & Kekäläinen, ACM TOIS 20(4), 2002) and its
 * normalised form, matching trec_eval `ndcg_cut_k` by default.
 */
import { assertPositiveInteger, invalid, optionsOf, toJudgements, toRankedIds } from './input.js';
import type { Judgements, RankedInput } from './input.js';
import { guard } from '../../guard.js';

/**
 * How a grade becomes gain:
 * - `'linear'` (default): gain = grade, as trec_eval `ndcg_cut` ("gain values are the
 *   relevance values in the qrels file").
 * - `'exponential'`: gain = 2^grade − 1 (Burges et al. 2005; ir_measures `dcg='exp-log2'`,
 *   Spark `ndcgAt` with relevance values). Identical to linear for 0/1 grades.
 *
 * Items with grade ≤ 0 always contribute no gain.
 */
export type Gain = 'linear' | 'exponential';

/**
 * Rank discount:
 * - `'log2(rank+1)'` (default): current trec_eval (`log2(i + 2)` for 0-based i), pytrec_eval,
 *   ir_measures, ranx, RecBole, Spark.
 * - `'log2(max(rank,2))'`: the original Järvelin & Kekäläinen 2002 discount with base b = 2
 *   (ranks 1 and 2 are not discounted), as in their paper, older trec_eval releases and
 *   LensKit's default.
 */
export type Discount = 'log2(rank+1)' | 'log2(max(rank,2))';

/** Options for {@link dcgAt} and {@link ndcgAt}. */
export interface DcgOptions {
  /** `'linear'` (default) or `'exponential'` (2^grade − 1). */
  readonly gain?: Gain;
  /** `'log2(rank+1)'` (default) or `'log2(max(rank,2))'` (Järvelin & Kekäläinen 2002). */
  readonly discount?: Discount;
}

/**
 * Discounted cumulative gain of the top k.
 *
 * Formula: DCG@k = Σ_{r=1..min(k,n)} gain(grade_r) / discount(r), with
 * discount(r) = log2(r + 1) by default.
 *
 * @param ranked - Item ids in rank order, or scored items (ranked with `rankByScore`).
 * @param qrels - Graded judgements; grade > 0 earns gain.
 * @param k - Cut-off, a positive integer.
 * @param options - `gain` and `discount`; see {@link Gain} and {@link Discount}.
 * @returns A value ≥ 0.
 *
 * @example
 * ```ts
 * dcgAt(['a', 'b'], { a: 3, b: 2 }, 2);                                     // 3 + 2/log2(3) = 4.2619
 * dcgAt(['a', 'b'], { a: 3, b: 2 }, 2, { discount: 'log2(max(rank,2))' }); // 3 + 2/1 = 5
 * ```
 */
export function dcgAt(ranked: RankedInput, qrels: Judgements, k: number, options: DcgOptions = {}): number {
  return guard([{ code: 'INVALID_OPTIONS', path: 'ranked', value: ranked }, { code: 'INVALID_OPTIONS', path: 'qrels', value: qrels }, { code: 'INVALID_OPTIONS', path: 'options', value: options }], () => dcgAtUnguarded(ranked, qrels, k, options));
}

function dcgAtUnguarded(ranked: RankedInput, qrels: Judgements, k: number, options: DcgOptions = {}): number {
  assertPositiveInteger(k, 'k');
  const { gain, discount } = readOptions(options);
  const judgements = toJudgements(qrels);
  const grades = toRankedIds(ranked).map((id) => judgements.get(id) ?? 0);
  return dcgOf(grades, k, gain, discount);
}

/**
 * Normalised DCG at k: DCG@k divided by the DCG@k of the ideal ranking, built from **all**
 * relevant items in the judgements (retrieved or not), as trec_eval `ndcg_cut_k` does.
 * When the ideal DCG is 0 (nothing relevant) the result is 0.
 *
 * Formula: nDCG@k = DCG@k(ranked) / DCG@k(judged grades sorted descending)
 *
 * @param ranked - Item ids in rank order, or scored items (ranked with `rankByScore`).
 * @param qrels - Graded judgements; grade > 0 earns gain.
 * @param k - Cut-off, a positive integer.
 * @param options - `gain`: `'linear'` (default) or `'exponential'`; `discount`: `'log2(rank+1)'`
 *   (default) or `'log2(max(rank,2))'`.
 * @returns A value in [0, 1].
 *
 * @example
 * ```ts
 * ndcgAt(['x', 'a'], { a: 1 }, 2);       // 1/log2(3) = 0.6309
 * ndcgAt(['a'], { a: 1, b: 1 }, 2);      // 1 / (1 + 1/log2(3)) = 0.6131 (b counts in the ideal)
 * ndcgAt(['a', 'b'], { a: 1, b: 2 }, 2, { gain: 'exponential' }); // 2.8928 / 3.6309 = 0.7967
 * ndcgAt(['a'], { a: 0 }, 5);            // 0 (ideal DCG is 0)
 * ```
 */
export function ndcgAt(ranked: RankedInput, qrels: Judgements, k: number, options: DcgOptions = {}): number {
  return guard([{ code: 'INVALID_OPTIONS', path: 'ranked', value: ranked }, { code: 'INVALID_OPTIONS', path: 'qrels', value: qrels }, { code: 'INVALID_OPTIONS', path: 'options', value: options }], () => ndcgAtUnguarded(ranked, qrels, k, options));
}

function ndcgAtUnguarded(ranked: RankedInput, qrels: Judgements, k: number, options: DcgOptions = {}): number {
  assertPositiveInteger(k, 'k');
  const { gain, discount } = readOptions(options);
  const judgements = toJudgements(qrels);
  const ideal = [...judgements.values()].filter((grade) => grade > 0).sort((a, b) => b - a);
  const idealDcg = dcgOf(ideal, k, gain, discount);
  if (idealDcg === 0) return 0;
  const grades = toRankedIds(ranked).map((id) => judgements.get(id) ?? 0);
  return dcgOf(grades, k, gain, discount) / idealDcg;
}

function readOptions(options: DcgOptions | undefined): { gain: Gain; discount: Discount } {
  const given = optionsOf(options);
  const gain = given.gain ?? 'linear';
  if (gain !== 'linear' && gain !== 'exponential') invalid('options.gain', "expected 'linear' or 'exponential'");
  const discount = given.discount ?? 'log2(rank+1)';
  if (discount !== 'log2(rank+1)' && discount !== 'log2(max(rank,2))') invalid('options.discount', "expected 'log2(rank+1)' or 'log2(max(rank,2))'");
  return { gain, discount };
}

function dcgOf(grades: readonly number[], k: number, gain: Gain, discount: Discount): number {
  let sum = 0;
  const limit = Math.min(grades.length, k);
  for (let i = 0; i < limit; i++) {
    const grade = grades[i] ?? 0;
    if (grade <= 0) continue;
    const rank = i + 1;
    const g = gain === 'linear' ? grade : 2 ** grade - 1;
    sum += g / (discount === 'log2(rank+1)' ? Math.log2(rank + 1) : Math.log2(Math.max(rank, 2)));
  }
  return sum;
}
