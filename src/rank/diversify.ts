import type { Columns } from '../catalogue/columns.js';
import { popcount } from '../catalogue/codes.js';
import type { Ranked } from './top-k.js';

/** A shortlisted candidate, and when diversity placed it below lower scores, why. */
export interface Placed extends Ranked {
  /** Candidates of the same fit with lower scores that now come before it (their positions). */
  readonly movedBelow: readonly number[];
  /** The candidate higher on the list it is most like (its position), when it was moved. */
  readonly similarTo: number | undefined;
}

const NOT_MOVED: readonly number[] = Object.freeze([]);

/** What similarity reads of each activity: the columns, or the same fields gathered for a few candidates. */
export type Features = Pick<Columns, 'category' | 'needs' | 'tagStart' | 'tagIds'>;

function sharedTags(c: Features, a: number, b: number): number {
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
export function similarity(c: Features, a: number, b: number): number {
  return similarityWith(c, a, b, tagBloomOf(c, a), tagBloomOf(c, b));
}

/** One bit per tag id modulo 32: two activities whose blooms share no bit share no tag. */
function tagBloomOf(c: Features, p: number): number {
  let bloom = 0;
  for (let t = c.tagStart[p] as number, end = c.tagStart[p + 1] as number; t < end; t++) bloom |= 1 << ((c.tagIds[t] as number) & 31);
  return bloom;
}

/** {@link similarity}, given each activity's tag bloom: most pairs share nothing, and are answered without reading their tags. */
function similarityWith(c: Features, a: number, b: number, bloomA: number, bloomB: number): number {
  const sameCategory = c.category[a] === c.category[b] ? 1 : 0;
  const sharedNeeds = popcount((c.needs[a] as number) & (c.needs[b] as number));
  const tags = (bloomA & bloomB) === 0 ? 0 : sharedTags(c, a, b);
  const shared = sameCategory + tags + sharedNeeds;
  if (shared === 0) return 0;
  const size = 2 - sameCategory + (c.tagStart[a + 1] as number) - (c.tagStart[a] as number) + (c.tagStart[b + 1] as number) - (c.tagStart[b] as number) + popcount(c.needs[a] as number) + popcount(c.needs[b] as number) - (tags + sharedNeeds);
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
export function diversify(c: Features, candidates: readonly Ranked[], limit: number, penalty: number): Placed[] {
  const taken = new Uint8Array(candidates.length);
  const redundancy = new Float64Array(candidates.length);
  const blooms = penalty === 0 ? undefined : Int32Array.from(candidates, (x) => tagBloomOf(c, x.position));
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
    const pickBloom = (blooms as Int32Array)[best] as number;
    for (let i = 0; i < candidates.length; i++) if (!taken[i]) redundancy[i] = (redundancy[i] as number) + similarityWith(c, pick, (candidates[i] as Ranked).position, pickBloom, (blooms as Int32Array)[i] as number);
  }
  // Which candidates of the same fit with lower scores each one now follows, found without
  // allocating for the usual case of an unmoved item.
  const placed: Placed[] = new Array(chosen.length);
  for (let rank = 0; rank < chosen.length; rank++) {
    const item = candidates[chosen[rank] as number] as Ranked;
    let movedBelow: number[] | undefined;
    for (let r = 0; r < rank; r++) {
      const above = candidates[chosen[r] as number] as Ranked;
      if (above.fit === item.fit && above.score < item.score) (movedBelow ??= []).push(above.position);
    }
    let similarTo: number | undefined;
    if (movedBelow !== undefined) {
      let most = -1;
      for (let r = 0; r < rank; r++) {
        const above = (candidates[chosen[r] as number] as Ranked).position;
        const s = similarity(c, above, item.position);
        if (s > most) {
          most = s;
          similarTo = above;
        }
      }
    }
    placed[rank] = { position: item.position, fit: item.fit, score: item.score, movedBelow: movedBelow ?? NOT_MOVED, similarTo };
  }
  return placed;
}
