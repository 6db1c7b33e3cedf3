/**
 * Beyond-accuracy metrics: how much of the catalogue is recommended, how varied each list
 * is, and how far lists reach beyond the most popular activities.
 *
 * Like the accuracy metrics, each takes ids in rank order or scored items, drops repeated
 * ids after their first (best-ranked) occurrence, and accepts an optional cut-off `k`.
 */
import { assertPositiveInteger, entriesOf, invalid, lookupFn, optionalK, optionsOf, toRankedIds } from './input.js';
import type { Lookup, RankedInput } from './input.js';
import { guard } from '../../guard.js';

/** Options shared by the beyond-accuracy metrics. */
export interface CutOffOptions {
  /** Only look at the top k of each list; default: whole lists. */
  readonly k?: number;
}

/**
 * Catalogue coverage: the fraction of the catalogue recommended to at least one client
 * (RecBole `ItemCoverage`, "aggregate diversity" over catalogue size).
 *
 * Formula: coverage = |⋃ lists| / catalogueSize
 *
 * @param lists - One ranked list per client (ids in rank order, or scored items).
 * @param catalogueSize - Number of activities that could have been recommended; positive integer.
 * @param options - `k`: only count the top k of each list.
 * @returns A value in [0, 1].
 * @throws {ActivityMatchError} `INVALID_OPTIONS` if the lists hold more distinct ids than `catalogueSize`.
 *
 * @example
 * ```ts
 * catalogueCoverage([['a', 'b'], ['b', 'c']], 10);           // 0.3
 * catalogueCoverage([['a', 'b'], ['b', 'c']], 10, { k: 1 }); // 0.2 (a and b)
 * ```
 */
export function catalogueCoverage(lists: readonly RankedInput[], catalogueSize: number, options: CutOffOptions = {}): number {
  return guard([{ code: 'INVALID_OPTIONS', path: 'lists', value: lists }, { code: 'INVALID_OPTIONS', path: 'options', value: options }], () => catalogueCoverageUnguarded(lists, catalogueSize, options));
}

function catalogueCoverageUnguarded(lists: readonly RankedInput[], catalogueSize: number, options: CutOffOptions = {}): number {
  if (!Array.isArray(lists)) invalid('lists', 'expected a list of ranked lists');
  assertPositiveInteger(catalogueSize, 'catalogueSize');
  const k = optionalK(options);
  const distinct = new Set<string>();
  lists.forEach((list, i) => {
    for (const id of toRankedIds(list, `lists[${i}]`).slice(0, k)) distinct.add(id);
  });
  if (distinct.size > catalogueSize) invalid('catalogueSize', 'expected at least as many activities as the lists hold distinct ids');
  return distinct.size / catalogueSize;
}

/**
 * Intra-list diversity by category: the fraction of pairs of items in one list whose
 * categories differ (mean pairwise distance with distance 1 for different categories and 0
 * for the same, as RecTools `IntraListDiversity` and recpack `IntraListDiversityK` compute
 * for one-hot category features). A list with fewer than two items has no pairs and scores
 * 0, as in RecTools.
 *
 * Formula: ILD = |{ {i, j} : category(i) ≠ category(j) }| / (n(n − 1) / 2)
 *
 * @param list - One client's ranked list (ids in rank order, or scored items).
 * @param categoryOf - Category of each item: a Map, a plain object or a function.
 * @param options - `k`: only look at the top k.
 * @returns A value in [0, 1].
 * @throws {ActivityMatchError} `INVALID_OPTIONS` if an item in the list has no category (path `categoryOf`).
 *
 * @example
 * ```ts
 * const categoryOf = { walk: 'physical', swim: 'physical', choir: 'arts' };
 * intraListDiversity(['walk', 'swim', 'choir'], categoryOf); // 2/3 (2 of 3 pairs differ)
 * intraListDiversity(['walk'], categoryOf);                  // 0 (no pairs)
 * ```
 */
export function intraListDiversity(list: RankedInput, categoryOf: Lookup<string>, options: CutOffOptions = {}): number {
  return guard([{ code: 'INVALID_OPTIONS', path: 'list', value: list }, { code: 'INVALID_OPTIONS', path: 'categoryOf', value: categoryOf }, { code: 'INVALID_OPTIONS', path: 'options', value: options }], () => intraListDiversityUnguarded(list, categoryOf, options));
}

function intraListDiversityUnguarded(list: RankedInput, categoryOf: Lookup<string>, options: CutOffOptions = {}): number {
  const category = lookupFn(categoryOf, 'categoryOf');
  const k = optionalK(options);
  const ids = toRankedIds(list, 'list').slice(0, k);
  const sizes = new Map<string, number>();
  ids.forEach((id, i) => {
    const c = category(id);
    if (typeof c !== 'string') invalid('categoryOf', `expected a category (text) for every item; none for the item at rank ${i + 1}`);
    sizes.set(c, (sizes.get(c) ?? 0) + 1);
  });
  const n = ids.length;
  if (n < 2) return 0;
  let samePairs = 0;
  for (const size of sizes.values()) samePairs += (size * (size - 1)) / 2;
  const pairs = (n * (n - 1)) / 2;
  return (pairs - samePairs) / pairs;
}

/** Options for {@link novelty}. */
export interface NoveltyOptions extends CutOffOptions {
  /**
   * Denominator of the popularity share. Default: the sum of all counts in `popularity`
   * (share of interactions, Castells et al. 2011). Pass the number of clients, with counts
   * of distinct clients per item, for Zhou et al. 2010 self-information as in RecTools
   * `MeanInvUserFreq`.
   */
  readonly total?: number;
}

/**
 * Novelty: the mean self-information −log2(share) of the items in a list, where an item's
 * share is its popularity count divided by `total`. Items missing from `popularity` or with
 * count 0 are treated as seen once (share 1/total), so novelty stays finite and an unseen
 * item scores the maximum log2(total), as RecTools `MeanInvUserFreq` does. An empty list
 * scores 0.
 *
 * Formula: novelty = (1/n) Σ_i −log2(max(count_i, 1) / total)  (count_i > 0 used as is)
 *
 * @param list - One client's ranked list (ids in rank order, or scored items).
 * @param popularity - Item id → non-negative popularity count (e.g. past referrals).
 * @param options - `total`: share denominator (default: sum of counts); `k`: top-k cut-off.
 * @returns A value ≥ 0, in bits.
 * @throws {ActivityMatchError} `INVALID_OPTIONS` if counts are negative or not finite numbers,
 *   the total is not positive, or an item's count exceeds the total.
 *
 * @example
 * ```ts
 * const referrals = { walk: 6, choir: 1, swim: 1 };     // total 8
 * novelty(['walk', 'choir'], referrals);                // (log2(8/6) + log2(8)) / 2 = 1.7075
 * novelty(['new-group'], referrals);                    // log2(8) = 3 (unseen: as if seen once)
 * novelty(['walk'], { walk: 3 }, { total: 3 });         // 0 (every client had it)
 * ```
 */
export function novelty(list: RankedInput, popularity: ReadonlyMap<string, number> | Readonly<Record<string, number>>, options: NoveltyOptions = {}): number {
  return guard([{ code: 'INVALID_OPTIONS', path: 'list', value: list }, { code: 'INVALID_OPTIONS', path: 'popularity', value: popularity }, { code: 'INVALID_OPTIONS', path: 'options', value: options }], () => noveltyUnguarded(list, popularity, options));
}

function noveltyUnguarded(list: RankedInput, popularity: ReadonlyMap<string, number> | Readonly<Record<string, number>>, options: NoveltyOptions = {}): number {
  const counts = new Map<string, number>();
  let sum = 0;
  for (const [id, count] of entriesOf(popularity, 'popularity')) {
    if (typeof count !== 'number' || !Number.isFinite(count) || count < 0) invalid('popularity', 'expected every count to be a finite number, not negative');
    counts.set(id, count);
    sum += count;
  }
  let total = sum;
  const given = optionsOf(options);
  if (given.total !== undefined) {
    if (typeof given.total !== 'number' || !Number.isFinite(given.total) || given.total <= 0) invalid('options.total', 'expected a finite number above 0');
    total = given.total;
  }
  if (!Number.isFinite(total) || total <= 0) invalid('popularity', 'expected counts adding up to a finite number above 0 (or give options.total)');
  const k = optionalK(options);
  const ids = toRankedIds(list, 'list').slice(0, k);
  if (ids.length === 0) return 0;
  let bits = 0;
  for (const id of ids) {
    const count = counts.get(id) ?? 0;
    const seen = count > 0 ? count : 1;
    if (seen > total) invalid('options.total', "expected a total at least every item's count");
    bits += -Math.log2(seen / total);
  }
  return bits / ids.length;
}
