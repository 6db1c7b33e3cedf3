/**
 * Averaging per-client metric values, with an explicit rule for clients that cannot be
 * scored (no recommendations, or no relevant outcomes in the judgements).
 */
import { invalid } from './input.js';
import { guard } from '../../guard.js';

/**
 * What {@link meanOver} does with `undefined` entries:
 * - `'skip'`: leave them out of the mean (trec_eval averages only the queries it evaluates).
 * - `'zero'`: count them as 0 (Spark `RankingMetrics`, RecBole and recpack count users with
 *   no relevant items or no recommendations as 0).
 */
export type EmptyPolicy = 'skip' | 'zero';

/** Options for {@link meanOver}. */
export interface MeanOverOptions {
  /** Required, so every report states how unscorable clients were handled. */
  readonly empty: EmptyPolicy;
}

/**
 * Mean of per-client metric values. Mark clients that cannot be scored as `undefined`
 * (the per-list metrics themselves return 0 in that case, following trec_eval) and choose
 * explicitly whether they are skipped or count as 0.
 *
 * Formula: mean = Σ v_i / n, over the defined v_i (`'skip'`) or all entries with
 * undefined as 0 (`'zero'`).
 *
 * @param perClient - One value per client; `undefined` for a client that cannot be scored.
 * @param options - `empty`: `'skip'` or `'zero'` (required).
 * @returns The mean, or `undefined` when there is nothing to average (no entries, or every
 *   entry undefined under `'skip'`).
 * @throws {ActivityMatchError} `INVALID_OPTIONS` if an entry is neither a finite number nor
 *   undefined (path `perClient[3]`), or `empty` is not a known policy.
 *
 * @example
 * ```ts
 * // countRelevant(qrels) === 0 ? undefined : ndcgAt(list, qrels, 5), per client:
 * meanOver([1, 0.5, undefined], { empty: 'skip' }); // 0.75
 * meanOver([1, 0.5, undefined], { empty: 'zero' }); // 0.5
 * meanOver([undefined], { empty: 'skip' });         // undefined
 * ```
 */
export function meanOver(perClient: readonly (number | undefined)[], options: MeanOverOptions): number | undefined {
  return guard([{ code: 'INVALID_OPTIONS', path: 'perClient', value: perClient }, { code: 'INVALID_OPTIONS', path: 'options', value: options }], () => meanOverUnguarded(perClient, options));
}

function meanOverUnguarded(perClient: readonly (number | undefined)[], options: MeanOverOptions): number | undefined {
  if (!Array.isArray(perClient)) invalid('perClient', 'expected a list of numbers (or undefined)');
  const policy: unknown = (options as Partial<MeanOverOptions> | undefined)?.empty;
  if (policy !== 'skip' && policy !== 'zero') invalid('options.empty', "expected 'skip' or 'zero'");
  let sum = 0;
  let n = 0;
  perClient.forEach((value: unknown, i) => {
    if (value === undefined) {
      if (policy === 'zero') n++;
      return;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) invalid(`perClient[${i}]`, 'expected a finite number or undefined');
    sum += value;
    n++;
  });
  return n === 0 ? undefined : sum / n;
}
