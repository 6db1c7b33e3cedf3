import type { CompiledCatalogue } from '../catalogue/compile.js';
import { CELL_LAT, CELL_LON, cellKey, GROUP } from '../catalogue/grid.js';
import { FACTORS } from '../schema/rules.js';
import type { MatchingRules } from '../schema/rules.js';
import { blockBound, blockMinKm, boundContext } from './bounds.js';
import type { ClientContext } from './client-context.js';
import { passesColumnRules, passesPlaceAndTime } from './eligibility.js';
import { createMeasurements, measureForScore } from './measure.js';
import { factorValuesInto, weightedScore, weightShares } from './score.js';
import { TopK } from './top-k.js';

/** km per degree of latitude, rounded down so the search box is never too small. */
const KM_PER_DEGREE = 111;

/** Pushes the blocks of every cell of `group` within `radiusKm` of the point (or of every cell when the box would wrap). */
function blocksNear(cat: CompiledCatalogue, group: number, lat: number, lon: number, radiusKm: number, out: number[]): void {
  const g = cat.grid;
  const cells = g.cells[group] as ReadonlyMap<number, number>;
  const dLat = radiusKm / KM_PER_DEGREE + CELL_LAT;
  const maxAbsLat = Math.min(90, Math.abs(lat) + dLat);
  const cos = Math.cos((maxAbsLat * Math.PI) / 180);
  const dLon = cos <= 1e-6 ? 360 : radiusKm / (KM_PER_DEGREE * cos) + CELL_LON;
  const rows = (2 * dLat) / CELL_LAT;
  const cols = (2 * dLon) / CELL_LON;
  if (dLon >= 180 || lon - dLon < -180 || lon + dLon > 180 || rows * cols > cells.size) {
    // Near a pole or the antimeridian the box would wrap; elsewhere scanning the cell list may
    // simply be cheaper than probing the box. Either way every cell is a candidate.
    for (const dense of cells.values()) pushCell(cat, dense, out);
    return;
  }
  for (let y = Math.floor((lat - dLat) / CELL_LAT); y <= Math.floor((lat + dLat) / CELL_LAT); y++) {
    for (let x = Math.floor((lon - dLon) / CELL_LON); x <= Math.floor((lon + dLon) / CELL_LON); x++) {
      const dense = cells.get(cellKey((y + 0.5) * CELL_LAT, (x + 0.5) * CELL_LON));
      if (dense !== undefined) pushCell(cat, dense, out);
    }
  }
}

function pushCell(cat: CompiledCatalogue, dense: number, out: number[]): void {
  for (let b = cat.grid.cellFirstBlock[dense] as number; b <= (cat.grid.cellLastBlock[dense] as number); b++) out.push(b);
}

function allBlocks(cat: CompiledCatalogue, group: number, out: number[]): void {
  for (const dense of (cat.grid.cells[group] as ReadonlyMap<number, number>).values()) pushCell(cat, dense, out);
}

/** Removes repeated blocks (neighbouring cells can share a block), keeping the lists aligned. */
function dedupe(blocks: number[], groups: number[]): void {
  const order = Float64Array.from(blocks, (b, i) => b * 4 + (groups[i] as number)).sort();
  let n = 0;
  for (let i = 0; i < order.length; i++) {
    if (i > 0 && order[i] === order[i - 1]) continue;
    const key = order[i] as number;
    blocks[n] = Math.floor(key / 4);
    groups[n++] = key % 4;
  }
  blocks.length = n;
  groups.length = n;
}

// Blocks are visited best bound first. Sorting a Float64Array of packed keys is far faster than
// sorting objects: key = quantised (1 − bound) · 2^22 + block index. The quantum (2^−30) only
// orders the visit; every block's exact bound is still checked before it is skipped or read.
const QUANTUM = 2 ** 30;
const BLOCK_BITS = 2 ** 22;

/**
 * The `k` best eligible positions for a client, by score then id, exactly as a full scan and
 * sort would give them. Visits candidate blocks (near the client, or all when there is no home
 * location) in order of their score bound and stops as soon as no remaining block can beat the
 * k-th best score found.
 */
export function topPositions(cat: CompiledCatalogue, ctx: ClientContext, rules: MatchingRules, k: number): { position: number; score: number }[] {
  const c = cat.columns;
  const g = cat.grid;
  const shares = weightShares(rules);
  const values = new Float64Array(FACTORS.length);
  const m = createMeasurements();
  const bc = boundContext(ctx);
  const top = new TopK(k, c);

  const candidates: number[] = [];
  const groups: number[] = [];
  const collect = (group: number, radiusKm: number | undefined) => {
    const before = candidates.length;
    if (radiusKm === undefined || ctx.home === undefined) allBlocks(cat, group, candidates);
    else blocksNear(cat, group, ctx.home.lat, ctx.home.lon, radiusKm, candidates);
    for (let i = before; i < candidates.length; i++) groups.push(group);
  };
  if (!ctx.housebound) collect(GROUP.venue, ctx.limitKm);
  collect(GROUP.area, g.maxAreaKm);
  collect(GROUP.national, undefined);
  dedupe(candidates, groups);

  const bounds = new Float64Array(candidates.length);
  const keys = new Float64Array(candidates.length);
  let live = 0;
  for (let i = 0; i < candidates.length; i++) {
    const bound = blockBound(ctx, bc, g, candidates[i] as number, groups[i] as number, rules, shares, values);
    if (bound === -Infinity) continue;
    bounds[i] = bound;
    keys[live++] = Math.floor((1 - bound) * QUANTUM) * BLOCK_BITS + i;
  }
  const order = keys.subarray(0, live).sort();

  for (let j = 0; j < live; j++) {
    const i = (order[j] as number) % BLOCK_BITS;
    const bound = bounds[i] as number;
    const threshold = top.threshold;
    if (bound < threshold) {
      // Later blocks are at most one quantum above this one's bound.
      if (bound + 2 / QUANTUM < threshold) break;
      continue;
    }
    const b = candidates[i] as number;
    const minKm = blockMinKm(ctx, g, b, groups[i] as number);
    for (let p = g.blockStart[b] as number, end = g.blockStart[b + 1] as number; p < end; p++) {
      if (!passesColumnRules(ctx, c, p, m, rules)) continue;
      measureForScore(ctx, c, p, m);
      // A per-activity bound before the costly measurements: the score itself, with the block's
      // least distance and a perfect session fit in place of the activity's own (both can only
      // lower it). Skipping below the k-th best score (strictly) leaves the result exact.
      const threshold = top.threshold;
      if (threshold !== -Infinity) {
        m.km = minKm;
        m.bestFraction = NaN;
        if (weightedScore(factorValuesInto(ctx, c, p, m, rules, values), shares) < threshold) continue;
      }
      if (!passesPlaceAndTime(ctx, c, p, m, rules)) continue;
      top.push(weightedScore(factorValuesInto(ctx, c, p, m, rules, values), shares), p);
    }
  }
  return top.sorted();
}
