import type { CompiledCatalogue } from '../catalogue/compile.js';
import { CELL_LAT, CELL_LON, cellKey, GROUP, RUN, RUNS_PER_BLOCK, SUPER_BLOCK } from '../catalogue/grid.js';
import { FACTORS } from '../schema/rules.js';
import type { MatchingRules } from '../schema/rules.js';
import { blockBound, blockMinKm, boundContext, runBound } from './bounds.js';
import type { BoundContext } from './bounds.js';
import type { ClientContext } from './client-context.js';
import { passesColumnRules, passesPlaceAndTime } from './eligibility.js';
import { createMeasurements, measureForScore } from './measure.js';
import type { Measurements } from './measure.js';
import { FACTOR_INDEX, fitAt, placeAndTimeValuesInto, practicalValuesInto, rankKey, relevanceOf, relevanceShares, relevanceValuesInto, weightedScore, weightShares } from './score.js';
import { TopK } from './top-k.js';
import type { Ranked } from './top-k.js';

/** km per degree of latitude, rounded down so the search box is never too small. */
const KM_PER_DEGREE = 111;

/**
 * The distinct super-blocks of the cells near a point, without sorting: a cell's blocks are
 * consecutive, so its super-blocks are the consecutive run from the super-block of its first
 * block to that of its last; `seen` (one byte per super-block, per query) drops repeats.
 */
class SuperSet {
  readonly supers: number[] = [];
  readonly groups: number[] = [];
  readonly #seen: Uint8Array;

  constructor(private readonly cat: CompiledCatalogue) {
    this.#seen = new Uint8Array(cat.grid.superFirstBlock.length);
  }

  /** Adds the super-blocks of dense cell `dense` of `group`. */
  addCell(dense: number, group: number): void {
    const g = this.cat.grid;
    const last = g.superOf[g.cellLastBlock[dense] as number] as number;
    for (let s = g.superOf[g.cellFirstBlock[dense] as number] as number; s <= last; s++) {
      if (this.#seen[s] === 1) continue;
      this.#seen[s] = 1;
      this.supers.push(s);
      this.groups.push(group);
    }
  }

  /** Adds the super-blocks of every cell of `group`. */
  addAll(group: number): void {
    for (const dense of (this.cat.grid.cells[group] as ReadonlyMap<number, number>).values()) this.addCell(dense, group);
  }

  /** Adds the super-blocks of every cell of `group` within `radiusKm` of the point (or of every cell when the box would wrap). */
  addNear(group: number, lat: number, lon: number, radiusKm: number): void {
    const cells = this.cat.grid.cells[group] as ReadonlyMap<number, number>;
    const dLat = radiusKm / KM_PER_DEGREE + CELL_LAT;
    const maxAbsLat = Math.min(90, Math.abs(lat) + dLat);
    const cos = Math.cos((maxAbsLat * Math.PI) / 180);
    const dLon = cos <= 1e-6 ? 360 : radiusKm / (KM_PER_DEGREE * cos) + CELL_LON;
    const rows = (2 * dLat) / CELL_LAT;
    const cols = (2 * dLon) / CELL_LON;
    if (dLon >= 180 || lon - dLon < -180 || lon + dLon > 180 || rows * cols > cells.size) {
      // Near a pole or the antimeridian the box would wrap; elsewhere scanning the cell list may
      // simply be cheaper than probing the box. Either way every cell is a candidate.
      this.addAll(group);
      return;
    }
    for (let y = Math.floor((lat - dLat) / CELL_LAT); y <= Math.floor((lat + dLat) / CELL_LAT); y++) {
      for (let x = Math.floor((lon - dLon) / CELL_LON); x <= Math.floor((lon + dLon) / CELL_LON); x++) {
        const dense = cells.get(cellKey((y + 0.5) * CELL_LAT, (x + 0.5) * CELL_LON));
        if (dense !== undefined) this.addCell(dense, group);
      }
    }
  }
}

// Super-blocks are visited best bound first. Sorting a Float64Array of packed keys is far
// faster than sorting objects: key = quantised (1 − bound / KEY_RANGE) · 2^22 + index, bounds
// being rank keys from 0 to KEY_RANGE (see `rankKey`). The quantum (KEY_RANGE · 2^−30) only
// orders the visit; every exact bound is still checked before anything is skipped or read.
const QUANTUM = 2 ** 30;
const BLOCK_BITS = 2 ** 22;
const KEY_RANGE = 5;

function visitKey(bound: number, index: number): number {
  return Math.floor((1 - bound / KEY_RANGE) * QUANTUM) * BLOCK_BITS + index;
}

/**
 * Scores the eligible, relevant-enough activities of block `b` into `top`. `blockValues` holds
 * the factor bounds {@link blockBound} wrote for the block; each run of {@link RUN} positions is
 * bounded with its own masks first (overwriting those three factors) and skipped when it cannot
 * reach the top. Inside a run, each activity that passes the column rules has its relevance
 * checked against `rules.relevance.minimum`, and then gets a bound before the costly
 * measurements: its own fit and score with the block's distance bound and a perfect session
 * fit in place of its own, both of which can only lower it. Only those two factors change once
 * they are measured, so only they are worked out again.
 */
function scoreBlock(ctx: ClientContext, bc: BoundContext, part: SearchPart, b: number, distanceBound: number, blockValues: Float64Array, rules: MatchingRules, shares: Float64Array, values: Float64Array, m: Measurements, top: TopK): void {
  const c = part.cat.columns;
  const g = part.cat.grid;
  const { dead, offset } = part;
  const end = g.blockStart[b + 1] as number;
  for (let from = g.blockStart[b] as number, r = b * RUNS_PER_BLOCK; from < end; from += RUN, r++) {
    if (runBound(ctx, bc, g.runs, r, shares, blockValues) < top.threshold) continue;
    for (let p = from, to = Math.min(end, from + RUN); p < to; p++) {
      if (dead !== undefined && dead[p] === 1) continue;
      if (!passesColumnRules(ctx, c, p, m, rules)) continue;
      measureForScore(ctx, c, p, m);
      if (relevanceOf(relevanceValuesInto(ctx, c, p, m, values), bc.relevanceShares) < bc.minRelevance) continue;
      const fit = fitAt(ctx, c, p, m);
      practicalValuesInto(ctx, c, p, m, rules, values);
      values[DISTANCE] = distanceBound;
      values[SCHEDULE] = 1;
      if (rankKey(fit, weightedScore(values, shares)) < top.threshold) continue;
      if (!passesPlaceAndTime(ctx, c, p, m, rules)) continue;
      top.push(fit, weightedScore(placeAndTimeValuesInto(ctx, m, rules, values), shares), offset + p);
    }
  }
}

const DISTANCE = FACTOR_INDEX.distance;
const SCHEDULE = FACTOR_INDEX.schedule;

/**
 * The `k` best eligible positions for a client whose relevance reaches
 * `rules.relevance.minimum`, by fit, then score, then id, exactly as a full scan and sort
 * would give them. Visits the super-blocks of the cells near the client (or of all cells
 * when there is no home location) in order of their score bound, and inside each its blocks in
 * order of theirs (bounding each run of a block, and each activity, before reading it), and
 * stops as soon as no remaining super-block can beat the k-th best score found.
 */
export function topPositions(cat: CompiledCatalogue, ctx: ClientContext, rules: MatchingRules, k: number): Ranked[] {
  return topPositionsOfParts([{ cat, dead: undefined, offset: 0 }], cat.columns.idAt, ctx, rules, k);
}

/**
 * A compiled catalogue searched as one part of a matcher's catalogue (see `src/catalogue/parts.ts`):
 * positions marked in `dead` (replaced or removed by a later update) are skipped, and positions
 * are reported as `offset + p`.
 */
export interface SearchPart {
  readonly cat: CompiledCatalogue;
  readonly dead: Uint8Array | undefined;
  readonly offset: number;
}

/**
 * {@link topPositions} over several parts at once, into one heap: the `k` best live positions
 * of all of them (offset positions; `idAt` reads the id of one for the tie-break). The client
 * context must have been built on the columns of the part with the largest dictionaries (each
 * part's dictionaries extend the previous part's).
 */
export function topPositionsOfParts(parts: readonly SearchPart[], idAt: (p: number) => string, ctx: ClientContext, rules: MatchingRules, k: number): Ranked[] {
  const top = new TopK(k, idAt);
  const shares = weightShares(rules);
  const bc = boundContext(ctx, relevanceShares(rules), rules.relevance.minimum);
  for (const part of parts) searchPart(part, ctx, rules, shares, bc, top);
  return top.sorted();
}

function searchPart(part: SearchPart, ctx: ClientContext, rules: MatchingRules, shares: Float64Array, bc: BoundContext, top: TopK): void {
  const cat = part.cat;
  const g = cat.grid;
  const values = new Float64Array(FACTORS.length);
  const m = createMeasurements();

  const candidates = new SuperSet(cat);
  const collect = (group: number, radiusKm: number | undefined) => {
    if (radiusKm === undefined || ctx.home === undefined) candidates.addAll(group);
    else candidates.addNear(group, ctx.home.lat, ctx.home.lon, radiusKm);
  };
  if (!ctx.housebound) collect(GROUP.venue, ctx.limitKm);
  collect(GROUP.area, g.maxAreaKm);
  collect(GROUP.national, undefined);
  const { supers, groups: superGroups } = candidates;

  // Bound the super-blocks; inside each one visited, bound its blocks; inside each block
  // visited, bound its runs, and each activity of a run read before measuring it. Every skip
  // is of a bound strictly below the k-th best score so far, so the result is exact.
  const bounds = new Float64Array(supers.length);
  const keys = new Float64Array(supers.length);
  let live = 0;
  for (let i = 0; i < supers.length; i++) {
    const s = supers[i] as number;
    const group = superGroups[i] as number;
    const bound = blockBound(ctx, bc, g.supers, s, group, blockMinKm(ctx, g.supers, s, group), rules, shares, values);
    if (bound === -Infinity) continue;
    bounds[i] = bound;
    keys[live++] = visitKey(bound, i);
  }
  const order = keys.subarray(0, live).sort();
  const blockBounds = new Float64Array(SUPER_BLOCK);
  const blockDistances = new Float64Array(SUPER_BLOCK);
  const blockKeys = new Float64Array(SUPER_BLOCK);
  const F = FACTORS.length;
  const blockValues = new Float64Array(SUPER_BLOCK * F);
  const runValues = new Float64Array(F);

  for (let j = 0; j < live; j++) {
    const i = (order[j] as number) % BLOCK_BITS;
    const bound = bounds[i] as number;
    if (bound < top.threshold) {
      // Later super-blocks are at most one quantum above this one's bound.
      if (bound + (2 * KEY_RANGE) / QUANTUM < top.threshold) break;
      continue;
    }
    const s = supers[i] as number;
    const group = superGroups[i] as number;
    // Its blocks, best bound first (the same packed keys, over at most SUPER_BLOCK blocks).
    const first = g.superFirstBlock[s] as number;
    const count = (g.superFirstBlock[s + 1] as number) - first;
    let liveBlocks = 0;
    for (let b = 0; b < count; b++) {
      const km = blockMinKm(ctx, g.blocks, first + b, group);
      const blockBoundValue = blockBound(ctx, bc, g.blocks, first + b, group, km, rules, shares, values);
      if (blockBoundValue < top.threshold) continue;
      blockBounds[b] = blockBoundValue;
      blockDistances[b] = values[DISTANCE] as number;
      blockValues.set(values, b * F);
      blockKeys[liveBlocks++] = visitKey(blockBoundValue, b);
    }
    const blockOrder = blockKeys.subarray(0, liveBlocks).sort();
    for (let q = 0; q < liveBlocks; q++) {
      const b = (blockOrder[q] as number) % BLOCK_BITS;
      if ((blockBounds[b] as number) < top.threshold) continue;
      for (let f = 0; f < F; f++) runValues[f] = blockValues[b * F + f] as number;
      scoreBlock(ctx, bc, part, first + b, blockDistances[b] as number, runValues, rules, shares, values, m, top);
    }
  }
}
