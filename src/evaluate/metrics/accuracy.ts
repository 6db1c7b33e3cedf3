/**
 * Set and rank accuracy metrics for one client's ranked list, following trec_eval.
 *
 * Conventions shared by every function here:
 * - An item is relevant when its grade is above 0; unjudged items are not relevant.
 * - Cut-offs `k` must be positive integers; a list shorter than `k` is padded with
 *   non-relevant items (trec_eval: "it is assumed nonrelevant docs fill in the rest").
 * - Per-list metrics always return a number. When there is nothing relevant they return 0,
 *   as trec_eval does. To leave such clients out of an average instead, map them to
 *   `undefined` and use `meanOver(values, { empty: 'skip' })`.
 */
import { assertPositiveInteger, invalid, optionalK, optionsOf, toJudgements, toRankedIds } from './input.js';
import type { Judgements, RankedInput } from './input.js';
import { guard } from '../../guard.js';

/**
 * Precision at k: the fraction of the top k that is relevant, always divided by k
 * (trec_eval `P_k`), even when fewer than k items were recommended.
 *
 * Formula: P@k = |relevant ∩ top k| / k
 *
 * @param ranked - Item ids in rank order, or scored items (ranked with `rankByScore`).
 * @param qrels - Graded judgements; grade > 0 is relevant.
 * @param k - Cut-off, a positive integer.
 * @returns A value in [0, 1].
 *
 * @example
 * ```ts
 * precisionAt(['a', 'x', 'b'], { a: 1, b: 2 }, 2); // 0.5
 * precisionAt(['a'], { a: 1 }, 4);                 // 0.25 (short list padded with misses)
 * ```
 */
export function precisionAt(ranked: RankedInput, qrels: Judgements, k: number): number {
  return guard([{ code: 'INVALID_OPTIONS', path: 'ranked', value: ranked }, { code: 'INVALID_OPTIONS', path: 'qrels', value: qrels }], () => precisionAtUnguarded(ranked, qrels, k));
}

function precisionAtUnguarded(ranked: RankedInput, qrels: Judgements, k: number): number {
  assertPositiveInteger(k, 'k');
  return relevantInTop(toRankedIds(ranked), toJudgements(qrels), k) / k;
}

/**
 * Recall at k: the fraction of all relevant items (from the judgements, retrieved or not)
 * that appear in the top k (trec_eval `recall_k`). 0 when there are no relevant items.
 *
 * Formula: R@k = |relevant ∩ top k| / |relevant|
 *
 * @param ranked - Item ids in rank order, or scored items.
 * @param qrels - Graded judgements; grade > 0 is relevant.
 * @param k - Cut-off, a positive integer.
 * @returns A value in [0, 1].
 *
 * @example
 * ```ts
 * recallAt(['a', 'x', 'b'], { a: 1, b: 1, c: 1, d: 1 }, 3); // 0.5
 * recallAt(['a'], { a: 0 }, 3);                             // 0 (nothing relevant)
 * ```
 */
export function recallAt(ranked: RankedInput, qrels: Judgements, k: number): number {
  return guard([{ code: 'INVALID_OPTIONS', path: 'ranked', value: ranked }, { code: 'INVALID_OPTIONS', path: 'qrels', value: qrels }], () => recallAtUnguarded(ranked, qrels, k));
}

function recallAtUnguarded(ranked: RankedInput, qrels: Judgements, k: number): number {
  assertPositiveInteger(k, 'k');
  const judgements = toJudgements(qrels);
  const total = relevantCount(judgements);
  return total === 0 ? 0 : relevantInTop(toRankedIds(ranked), judgements, k) / total;
}

/**
 * Success at k: 1 if any relevant item is in the top k, else 0 (trec_eval `success_k`).
 * The same quantity is called hit rate (or Hit@k) in recommender toolkits; see {@link hitRateAt}.
 *
 * Formula: S@k = 1 if |relevant ∩ top k| > 0, else 0
 *
 * @param ranked - Item ids in rank order, or scored items.
 * @param qrels - Graded judgements; grade > 0 is relevant.
 * @param k - Cut-off, a positive integer.
 * @returns 0 or 1.
 *
 * @example
 * ```ts
 * successAt(['x', 'a'], { a: 1 }, 1); // 0
 * successAt(['x', 'a'], { a: 1 }, 2); // 1
 * ```
 */
export function successAt(ranked: RankedInput, qrels: Judgements, k: number): number {
  return guard([{ code: 'INVALID_OPTIONS', path: 'ranked', value: ranked }, { code: 'INVALID_OPTIONS', path: 'qrels', value: qrels }], () => successAtUnguarded(ranked, qrels, k));
}

function successAtUnguarded(ranked: RankedInput, qrels: Judgements, k: number): number {
  assertPositiveInteger(k, 'k');
  return relevantInTop(toRankedIds(ranked), toJudgements(qrels), k) > 0 ? 1 : 0;
}

/**
 * Hit rate at k: identical to {@link successAt} (1 if any relevant item is in the top k);
 * the name RecBole and most recommender toolkits use.
 *
 * Formula: Hit@k = 1 if |relevant ∩ top k| > 0, else 0
 *
 * @param ranked - Item ids in rank order, or scored items.
 * @param qrels - Graded judgements; grade > 0 is relevant.
 * @param k - Cut-off, a positive integer.
 * @returns 0 or 1.
 *
 * @example
 * ```ts
 * hitRateAt(['x', 'y', 'a'], { a: 3 }, 3); // 1
 * hitRateAt([], { a: 3 }, 3);              // 0
 * ```
 */
export function hitRateAt(ranked: RankedInput, qrels: Judgements, k: number): number {
  return guard([{ code: 'INVALID_OPTIONS', path: 'ranked', value: ranked }, { code: 'INVALID_OPTIONS', path: 'qrels', value: qrels }], () => hitRateAtUnguarded(ranked, qrels, k));
}

function hitRateAtUnguarded(ranked: RankedInput, qrels: Judgements, k: number): number {
  assertPositiveInteger(k, 'k');
  return relevantInTop(toRankedIds(ranked), toJudgements(qrels), k) > 0 ? 1 : 0;
}

/** Options for {@link reciprocalRank}. */
export interface ReciprocalRankOptions {
  /** Only look at the top k (RR@k); default: the whole list, as trec_eval `recip_rank`. */
  readonly k?: number;
}

/**
 * Reciprocal rank: 1 / rank of the first relevant item, 0 if none is found (trec_eval
 * `recip_rank`; with `k`, RR@k as in ir_measures and RecBole's MRR@k).
 *
 * Formula: RR = 1 / min{ r : item at rank r is relevant }
 *
 * @param ranked - Item ids in rank order, or scored items.
 * @param qrels - Graded judgements; grade > 0 is relevant.
 * @param options - `k`: optional cut-off (positive integer).
 * @returns A value in [0, 1].
 *
 * @example
 * ```ts
 * reciprocalRank(['x', 'y', 'a'], { a: 1 });          // 0.3333…
 * reciprocalRank(['x', 'y', 'a'], { a: 1 }, { k: 2 }); // 0
 * ```
 */
export function reciprocalRank(ranked: RankedInput, qrels: Judgements, options: ReciprocalRankOptions = {}): number {
  return guard([{ code: 'INVALID_OPTIONS', path: 'ranked', value: ranked }, { code: 'INVALID_OPTIONS', path: 'qrels', value: qrels }, { code: 'INVALID_OPTIONS', path: 'options', value: options }], () => reciprocalRankUnguarded(ranked, qrels, options));
}

function reciprocalRankUnguarded(ranked: RankedInput, qrels: Judgements, options: ReciprocalRankOptions = {}): number {
  const k = optionalK(options);
  const judgements = toJudgements(qrels);
  const ids = toRankedIds(ranked);
  const limit = Math.min(ids.length, k);
  for (let i = 0; i < limit; i++) if (isRelevant(judgements, ids[i])) return 1 / (i + 1);
  return 0;
}

/** Options for {@link averagePrecision}. */
export interface AveragePrecisionOptions {
  /** Only look at the top k (AP@k); default: the whole list. */
  readonly k?: number;
  /**
   * What the sum of precisions is divided by:
   * - `'relevant'` (default): R, the number of relevant items in the judgements
   *   (trec_eval `map` and `map_cut_k`).
   * - `'min-r-k'`: min(R, k) (RecBole `MAP@k`, Spark `meanAveragePrecisionAt`). Without `k`
   *   this equals `'relevant'`.
   */
  readonly denominator?: 'relevant' | 'min-r-k';
}

/**
 * Average precision: the mean of precision at the rank of each relevant item found, with
 * relevant items never found counting as 0 (trec_eval `map` per query). 0 when nothing is
 * relevant.
 *
 * Formula: AP@k = Σ_{r ≤ k, item r relevant} P@r / D, where D = R (`'relevant'`) or
 * min(R, k) (`'min-r-k'`) and R is the number of relevant items in the judgements.
 *
 * @param ranked - Item ids in rank order, or scored items.
 * @param qrels - Graded judgements; grade > 0 is relevant.
 * @param options - `k`: optional cut-off; `denominator`: `'relevant'` (default) or `'min-r-k'`.
 * @returns A value in [0, 1].
 *
 * @example
 * ```ts
 * const qrels = { a: 1, b: 1, c: 1 };
 * averagePrecision(['a', 'x', 'b'], qrels);                                // (1 + 2/3) / 3 = 0.5556
 * averagePrecision(['a', 'x', 'b'], qrels, { k: 2 });                      // 1 / 3 = 0.3333
 * averagePrecision(['a', 'x', 'b'], qrels, { k: 2, denominator: 'min-r-k' }); // 1 / 2 = 0.5
 * ```
 */
export function averagePrecision(ranked: RankedInput, qrels: Judgements, options: AveragePrecisionOptions = {}): number {
  return guard([{ code: 'INVALID_OPTIONS', path: 'ranked', value: ranked }, { code: 'INVALID_OPTIONS', path: 'qrels', value: qrels }, { code: 'INVALID_OPTIONS', path: 'options', value: options }], () => averagePrecisionUnguarded(ranked, qrels, options));
}

function averagePrecisionUnguarded(ranked: RankedInput, qrels: Judgements, options: AveragePrecisionOptions = {}): number {
  const k = optionalK(options);
  const denominator = optionsOf(options).denominator ?? 'relevant';
  if (denominator !== 'relevant' && denominator !== 'min-r-k') invalid('options.denominator', "expected 'relevant' or 'min-r-k'");
  const judgements = toJudgements(qrels);
  const total = relevantCount(judgements);
  if (total === 0) return 0;
  const ids = toRankedIds(ranked);
  const limit = Math.min(ids.length, k);
  let found = 0;
  let sum = 0;
  for (let i = 0; i < limit; i++) {
    if (isRelevant(judgements, ids[i])) {
      found++;
      sum += found / (i + 1);
    }
  }
  return sum / (denominator === 'relevant' ? total : Math.min(total, k));
}

function isRelevant(judgements: ReadonlyMap<string, number>, id: string | undefined): boolean {
  return id !== undefined && (judgements.get(id) ?? 0) > 0;
}

function relevantInTop(ids: readonly string[], judgements: ReadonlyMap<string, number>, k: number): number {
  let n = 0;
  const limit = Math.min(ids.length, k);
  for (let i = 0; i < limit; i++) if (isRelevant(judgements, ids[i])) n++;
  return n;
}

function relevantCount(judgements: ReadonlyMap<string, number>): number {
  let n = 0;
  for (const grade of judgements.values()) if (grade > 0) n++;
  return n;
}
