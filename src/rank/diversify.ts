import type { Columns } from '../catalogue/columns.js';
import { popcount } from '../catalogue/columns.js';

/** A scored candidate for the shortlist: a catalogue position and its score. */
export interface Candidate {
  readonly position: number;
  readonly score: number;
}

function sharedTags(c: Columns, a: number, b: number): number {
  let shared = 0;
  for (let i = c.tagStart[a] as number; i < (c.tagStart[a + 1] as number); i++) {
    for (let j = c.tagStart[b] as number; j < (c.tagStart[b + 1] as number); j++) if (c.tagIds[i] === c.tagIds[j]) shared++;
  }
  return shared;
}

/**
 * How alike two activities are, for diversification, in [0, 1]: 0 across categories; within a
 * category `0.5 + 0.5 · Jaccard(tags ∪ needs)`, so two walking groups are near 1 while debt
 * advice and housing advice, which meet different needs, are near 0.5.
 *
 * @example
 * ```ts
 * similarity(columns, walkA, walkB); // 1 (same category, same tags and needs)
 * similarity(columns, walkA, club);  // 0 (different categories)
 * ```
 */
export function similarity(c: Columns, a: number, b: number): number {
  if (c.category[a] !== c.category[b]) return 0;
  const shared = sharedTags(c, a, b) + popcount((c.needs[a] as number) & (c.needs[b] as number));
  const size =
    (c.tagStart[a + 1] as number) - (c.tagStart[a] as number) + (c.tagStart[b + 1] as number) - (c.tagStart[b] as number) + popcount(c.needs[a] as number) + popcount(c.needs[b] as number) - shared;
  return 0.5 + (size === 0 ? 0.5 : (0.5 * shared) / size);
}

/**
 * Greedy diversification in the spirit of maximal marginal relevance (Carbonell & Goldstein,
 * 1998): repeatedly takes the candidate maximising `score − penalty · Σ similarity(candidate,
 * taken)`. Unlike MMR's max-similarity term the penalty adds up over the shortlist, so five
 * walking groups need each to beat the alternatives by a widening margin. Candidates must be
 * sorted by score, then id; on equal values the earlier wins, so the result is deterministic.
 * With `penalty` 0 it returns the first `limit` candidates.
 *
 * @example
 * ```ts
 * // scores: walk A 0.90, walk B 0.88, book club 0.85; penalty 0.1
 * diversify(columns, candidates, 2, 0.1); // walk A, then book club (0.85 > 0.88 − 0.1)
 * ```
 */
export function diversify(c: Columns, candidates: readonly Candidate[], limit: number, penalty: number): Candidate[] {
  if (penalty === 0) return candidates.slice(0, limit);
  const chosen: Candidate[] = [];
  const taken = new Uint8Array(candidates.length);
  const redundancy = new Float64Array(candidates.length);
  while (chosen.length < limit && chosen.length < candidates.length) {
    let best = -1;
    let bestValue = -Infinity;
    for (let i = 0; i < candidates.length; i++) {
      if (taken[i]) continue;
      const value = (candidates[i] as Candidate).score - penalty * (redundancy[i] as number);
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    const pick = candidates[best] as Candidate;
    taken[best] = 1;
    chosen.push(pick);
    for (let i = 0; i < candidates.length; i++) if (!taken[i]) redundancy[i] = (redundancy[i] as number) + similarity(c, pick.position, (candidates[i] as Candidate).position);
  }
  return chosen;
}
