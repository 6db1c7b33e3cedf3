/**
 * Position-based exposure (Singh & Joachims, "Fairness of Exposure in Rankings", KDD 2018):
 * how much attention a ranked list gives to items, used here to compare client groups
 * (age band, deprivation decile, condition) and to see how attention is shared between
 * activity providers.
 */
import { callCaller } from '../../guard.js';
import { assertPositiveInteger, compareCodePoints, invalid, lookupFn, optionalK, optionsOf, toRankedIds } from './input.js';
import type { CutOffOptions } from './beyond.js';
import type { Lookup, RankedInput } from './input.js';
import { guard } from '../../guard.js';

/**
 * Exposure of a rank position: the logarithmic position bias used by DCG and by Singh &
 * Joachims 2018.
 *
 * Formula: exposure(r) = 1 / log2(1 + r)
 *
 * @param rank - 1-based rank, a positive integer.
 * @returns A value in (0, 1]; 1 at rank 1.
 *
 * @example
 * ```ts
 * exposure(1); // 1
 * exposure(3); // 0.5
 * exposure(7); // 0.3333…
 * ```
 */
export function exposure(rank: number): number {
  assertPositiveInteger(rank, 'rank');
  return 1 / Math.log2(1 + rank);
}

/** One client's list, labelled with the client's group. */
export interface GroupedList {
  /** Group label, e.g. an age band or deprivation decile. */
  readonly group: string;
  /** The client's ranked list (ids in rank order, or scored items). */
  readonly ranked: RankedInput;
}

/** Options for {@link exposureByGroup}. */
export interface ExposureByGroupOptions {
  /** The items whose exposure is measured: a Set, an array of ids, or a predicate. */
  readonly target: ReadonlySet<string> | readonly string[] | ((id: string) => boolean);
  /** Only count the top k of each list; default: whole lists. */
  readonly k?: number;
}

/** Mean exposure of the target items for one group. */
export interface GroupExposure {
  readonly group: string;
  /** Number of rows (clients) in the group; report it so small groups can be suppressed. */
  readonly clients: number;
  /** Mean over the group's clients of the exposure their list gives to target items. */
  readonly meanExposure: number;
}

/** Result of {@link exposureByGroup}. */
export interface ExposureByGroupResult {
  /** One entry per group, sorted by group label. */
  readonly groups: readonly GroupExposure[];
  /**
   * Largest group mean divided by the smallest: 1 is parity. 1 when every group mean is 0;
   * `Infinity` when some group gets no target exposure while another gets some.
   */
  readonly disparityRatio: number;
}

/**
 * Exposure of a target set of activities per client group, and the disparity between
 * groups. Each client's exposure is the sum of {@link exposure} over the ranks where a target
 * item appears; groups are compared by their mean.
 *
 * Formula: E(client) = Σ_{r ≤ k, item r ∈ target} 1 / log2(1 + r);
 * mean_g = (1/|g|) Σ_{client ∈ g} E(client); disparityRatio = max_g mean_g / min_g mean_g
 *
 * @param rows - One row per client: `{ group, ranked }`. Must not be empty.
 * @param options - `target`: the items to measure; `k`: optional cut-off.
 * @returns Per-group means (sorted by group) and the max/min disparity ratio.
 * @throws {ActivityMatchError} `INVALID_OPTIONS` if `rows` is empty or a row is not `{ group, ranked }`, or `target` is missing.
 *
 * @example
 * ```ts
 * const free = new Set(['walk', 'choir']);
 * exposureByGroup([
 *   { group: 'decile 1-2', ranked: ['gym', 'walk'] },   // 1/log2(3) = 0.6309
 *   { group: 'decile 1-2', ranked: ['gym', 'spa'] },    // 0
 *   { group: 'decile 9-10', ranked: ['walk', 'choir'] }, // 1 + 0.6309
 * ], { target: free });
 * // { groups: [ { group: 'decile 1-2', clients: 2, meanExposure: 0.3155 },
 * //             { group: 'decile 9-10', clients: 1, meanExposure: 1.6309 } ],
 * //   disparityRatio: 5.1699 }
 * ```
 */
export function exposureByGroup(rows: readonly GroupedList[], options: ExposureByGroupOptions): ExposureByGroupResult {
  return guard([{ code: 'INVALID_OPTIONS', path: 'rows', value: rows }, { code: 'INVALID_OPTIONS', path: 'options', value: options }], () => exposureByGroupUnguarded(rows, options));
}

function exposureByGroupUnguarded(rows: readonly GroupedList[], options: ExposureByGroupOptions): ExposureByGroupResult {
  if (!Array.isArray(rows)) invalid('rows', 'expected a list of { group, ranked }');
  if (rows.length === 0) invalid('rows', 'expected at least one client');
  const isTarget = targetFn(optionsOf(options).target);
  const k = optionalK(options);
  const totals = new Map<string, { clients: number; sum: number }>();
  rows.forEach((row, i) => {
    if (typeof row !== 'object' || row === null || typeof row.group !== 'string') invalid(`rows[${i}]`, 'expected { group: string; ranked }');
    let e = 0;
    toRankedIds(row.ranked, `rows[${i}].ranked`)
      .slice(0, k)
      .forEach((id, r) => {
        if (isTarget(id)) e += 1 / Math.log2(r + 2);
      });
    const t = totals.get(row.group) ?? { clients: 0, sum: 0 };
    t.clients++;
    t.sum += e;
    totals.set(row.group, t);
  });
  const groups = [...totals]
    .sort(([a], [b]) => compareCodePoints(a, b))
    .map(([group, t]) => ({ group, clients: t.clients, meanExposure: t.sum / t.clients }));
  const means = groups.map((g) => g.meanExposure);
  const max = Math.max(...means);
  const min = Math.min(...means);
  return { groups, disparityRatio: max === 0 ? 1 : min === 0 ? Infinity : max / min };
}

/** One provider's share of exposure. */
export interface ProviderExposure {
  readonly provider: string;
  /** Summed exposure of the provider's items over all lists. */
  readonly exposure: number;
  /** `exposure` divided by the total over all providers; shares sum to 1. */
  readonly share: number;
}

/**
 * Share of total exposure per activity provider across all clients' lists: how the
 * attention of the shortlists is divided between the organisations that run activities.
 *
 * Formula: E_p = Σ_lists Σ_{r ≤ k, provider(item r) = p} 1 / log2(1 + r); share_p = E_p / Σ_q E_q
 *
 * @param lists - One ranked list per client (ids in rank order, or scored items).
 * @param providerOf - Provider of each item: a Map, a plain object or a function.
 * @param options - `k`: only count the top k of each list.
 * @returns One entry per provider, largest share first (ties by provider id); empty when
 *   nothing was recommended.
 * @throws {ActivityMatchError} `INVALID_OPTIONS` if an item has no provider (path `providerOf`).
 *
 * @example
 * ```ts
 * exposureByProvider([['walk', 'choir'], ['choir']], { walk: 'council', choir: 'charity' });
 * // [ { provider: 'charity', exposure: 1.6309, share: 0.6199 },
 * //   { provider: 'council', exposure: 1, share: 0.3801 } ]
 * ```
 */
export function exposureByProvider(lists: readonly RankedInput[], providerOf: Lookup<string>, options: CutOffOptions = {}): ProviderExposure[] {
  return guard([{ code: 'INVALID_OPTIONS', path: 'lists', value: lists }, { code: 'INVALID_OPTIONS', path: 'providerOf', value: providerOf }, { code: 'INVALID_OPTIONS', path: 'options', value: options }], () => exposureByProviderUnguarded(lists, providerOf, options));
}

function exposureByProviderUnguarded(lists: readonly RankedInput[], providerOf: Lookup<string>, options: CutOffOptions = {}): ProviderExposure[] {
  if (!Array.isArray(lists)) invalid('lists', 'expected a list of ranked lists');
  const provider = lookupFn(providerOf, 'providerOf');
  const k = optionalK(options);
  const sums = new Map<string, number>();
  let total = 0;
  lists.forEach((list, i) => {
    toRankedIds(list, `lists[${i}]`)
      .slice(0, k)
      .forEach((id, r) => {
        const p = provider(id);
        if (typeof p !== 'string') invalid('providerOf', `expected a provider (text) for every item; none for the item at rank ${r + 1} of lists[${i}]`);
        const e = 1 / Math.log2(r + 2);
        sums.set(p, (sums.get(p) ?? 0) + e);
        total += e;
      });
  });
  return [...sums]
    .map(([p, e]) => ({ provider: p, exposure: e, share: e / total }))
    .sort((a, b) => (a.share !== b.share ? b.share - a.share : compareCodePoints(a.provider, b.provider)));
}

function targetFn(target: ExposureByGroupOptions['target'] | undefined): (id: string) => boolean {
  if (typeof target === 'function') return (id) => callCaller('options.target', () => target(id)) === true;
  if (target instanceof Set) return (id) => target.has(id);
  if (Array.isArray(target)) {
    const set = new Set<string>(target);
    return (id) => set.has(id);
  }
  return invalid('options.target', 'expected a Set, a list of ids or a predicate');
}
