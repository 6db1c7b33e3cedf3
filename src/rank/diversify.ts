import type { Columns } from '../catalogue/columns.js';
import { popcount } from '../catalogue/columns.js';
import type { Ranked } from './top-k.js';

/** A shortlisted candidate, and when diversity placed it below lower scores, why. */
export interface Placed extends Ranked {
  /** Candidates of the same fit with lower scores that now come before it (their positions). */
  readonly movedBelow: readonly number[];
  /** The candidate higher on the list it is most like (its position), when it was moved. */
  readonly similarTo: number | undefined;
}

function sharedTags(c: Columns, a: number, b: number): number {
  let shared = 0;
  for (let i = c.tagStart[a] as number; i < (c.tagStart[a + 1] as number); i++) {
    for (let j = c.tagStart[b] as number; j < (c.tagStart[b + 1] as number); j++) if (c.tagIds[i] === c.tagIds[j]) shared++;
  }
  return shared;
}

/**
 * How much two activities really share, for diversification, in [0, 1]: the Jaccard index of
 * their features, each activity's features being its category, its tags and the needs it
 * meets. Two walking groups for the same needs are near 1; a chair yoga class and a strength
 * and balance course share their category and a need or two (about 0.3); a book club and debt
 * advice share nothing (0). Activities of different categories can still share tags ("walking"
 * in a photography walk and a health walk).
 *
 * @example
 * ```ts
 * similarity(columns, walkA, walkB); // 1 (same category, tags and needs)
 * similarity(columns, walkA, debt);  // 0 (nothing in common)
 * ```
 */
export function similarity(c: Columns, a: number, b: number): number {
  const sameCategory = c.category[a] === c.category[b] ? 1 : 0;
  const shared = sameCategory + sharedTags(c, a, b) + popcount((c.needs[a] as number) & (c.needs[b] as number));
  const size = 2 - sameCategory + (c.tagStart[a + 1] as number) - (c.tagStart[a] as number) + (c.tagStart[b + 1] as number) - (c.tagStart[b] as number) + popcount(c.needs[a] as number) + popcount(c.needs[b] as number) - (shared - sameCategory);
  return shared / size;
}

/**
 * Greedy diversification among candidates of the same fit, in the spirit of maximal marginal
 * relevance (Carbonell & Goldstein, 1998). Candidates come sorted by fit, then score, then id.
 * Each step looks only at the remaining candidates of the best remaining fit, and takes the one
 * maximising `score − penalty · Σ similarity(candidate, taken)` (the sum runs over everything
 * already on the list, so a third walking group pays twice). So diversity reorders options of
 * one fit and never lifts an activity above one that meets more of what the client came for.
 * On equal values the earlier candidate wins, so the result is deterministic; with `penalty` 0
 * it returns the first `limit` candidates. A candidate placed before others of its fit with
 * higher scores names them (`movedBelow` on the higher-scoring one) and the activity higher on
 * the list it is most like, so the order and the numbers shown can be explained.
 *
 * @example
 * ```ts
 * // scores: walk A 0.90, walk B 0.88, book club 0.85, all meeting something of theirs; penalty 0.1
 * diversify(columns, candidates, 2, 0.1); // walk A, then book club (0.85 > 0.88 − 0.1 · 1)
 * ```
 */
export function diversify(c: Columns, candidates: readonly Ranked[], limit: number, penalty: number): Placed[] {
  const taken = new Uint8Array(candidates.length);
  const redundancy = new Float64Array(candidates.length);
  const chosen: number[] = [];
  while (chosen.length < limit && chosen.length < candidates.length) {
    let best = -1;
    let bestValue = -Infinity;
    let fit = -1;
    for (let i = 0; i < candidates.length; i++) {
      if (taken[i]) continue;
      const candidate = candidates[i] as Ranked;
      if (fit === -1) fit = candidate.fit;
      if (candidate.fit !== fit) break;
      const value = candidate.score - penalty * (redundancy[i] as number);
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    taken[best] = 1;
    chosen.push(best);
    if (penalty === 0) continue;
    const pick = (candidates[best] as Ranked).position;
    for (let i = 0; i < candidates.length; i++) if (!taken[i]) redundancy[i] = (redundancy[i] as number) + similarity(c, pick, (candidates[i] as Ranked).position);
  }
  return chosen.map((index, rank) => {
    const item = candidates[index] as Ranked;
    const above = chosen.slice(0, rank).map((i) => candidates[i] as Ranked);
    const movedBelow = above.filter((a) => a.fit === item.fit && a.score < item.score).map((a) => a.position);
    let similarTo: number | undefined;
    if (movedBelow.length > 0) {
      let most = -1;
      for (const a of above) {
        const s = similarity(c, a.position, item.position);
        if (s > most) {
          most = s;
          similarTo = a.position;
        }
      }
    }
    return { ...item, movedBelow, similarTo };
  });
}
