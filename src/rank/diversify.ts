import type { ActivityFeatures } from '../catalogue/features.js';

/** A scored candidate for the shortlist. */
export interface Candidate {
  readonly features: ActivityFeatures;
  readonly score: number;
}

/** Orders candidates by score, best first, ties broken by id (ascending). */
export function byScoreThenId(a: Candidate, b: Candidate): number {
  return b.score - a.score || (a.features.id < b.features.id ? -1 : a.features.id > b.features.id ? 1 : 0);
}

/**
 * How alike two activities are, for diversification, in [0, 1]: 0 across categories; within a
 * category `0.5 + 0.5 · Jaccard(tags ∪ needs)`, so two walking groups are near 1 while debt
 * advice and housing advice, which meet different needs, are near 0.5.
 *
 * @example
 * ```ts
 * similarity(walkA, walkB);         // 1 (same category, same tags and needs)
 * similarity(walkA, bookClub);      // 0 (different categories)
 * ```
 */
export function similarity(a: ActivityFeatures, b: ActivityFeatures): number {
  if (a.category !== b.category) return 0;
  let shared = 0;
  let size = 0;
  for (const t of a.tags) if (b.tags.has(t)) shared++;
  for (const n of a.needs) if (b.needs.has(n)) shared++;
  size = a.tags.size + b.tags.size + a.needs.size + b.needs.size - shared;
  return 0.5 + (size === 0 ? 0.5 : (0.5 * shared) / size);
}

/**
 * Greedy diversification in the spirit of maximal marginal relevance (Carbonell & Goldstein,
 * 1998): repeatedly takes the candidate maximising `score − penalty · Σ similarity(candidate,
 * taken)`. Unlike MMR's max-similarity term the penalty adds up over the shortlist, so five
 * walking groups need each to beat the alternatives by a widening margin. Candidates must be
 * sorted by {@link byScoreThenId}; on equal values the earlier wins, so the result is
 * deterministic. With `penalty` 0 it returns the first `limit` candidates.
 *
 * @example
 * ```ts
 * // scores: walk A 0.90, walk B 0.88, book club 0.85; penalty 0.1
 * diversify(candidates, 2, 0.1); // walk A, then book club (0.85 > 0.88 − 0.1)
 * ```
 */
export function diversify(candidates: readonly Candidate[], limit: number, penalty: number): Candidate[] {
  const chosen: Candidate[] = [];
  const taken = new Uint8Array(candidates.length);
  const redundancy = new Float64Array(candidates.length);
  while (chosen.length < limit && chosen.length < candidates.length) {
    let best = -1;
    let bestValue = -Infinity;
    for (let i = 0; i < candidates.length; i++) {
      const c = candidates[i];
      if (taken[i] || c === undefined) continue;
      const value = c.score - penalty * (redundancy[i] ?? 0);
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    const pick = candidates[best];
    if (pick === undefined) break;
    taken[best] = 1;
    chosen.push(pick);
    if (penalty === 0) continue;
    for (let i = 0; i < candidates.length; i++) {
      const c = candidates[i];
      if (!taken[i] && c !== undefined) redundancy[i] = (redundancy[i] ?? 0) + similarity(pick.features, c.features);
    }
  }
  return chosen;
}
