/**
 * Spatial order and blocks. Positions are sorted by group (venues, home and online services
 * with an area, national services), then by grid cell (about 8 km square) along a Z-order
 * (Morton) curve, so neighbouring cells sit side by side, then by a key that puts alike
 * activities together (category, cost, demand, social, designed-for and needs present), and cut
 * into blocks of {@link BLOCK_SIZE} (and runs of {@link SUPER_BLOCK} blocks, super-blocks) that never cross a group but may span cells: in sparse
 * country a block gathers several neighbouring cells instead of holding two activities. Each block
 * keeps aggregates (bounding box, OR of masks, min and max of numeric fields) from which a query
 * computes an upper bound of any score inside it (see `rank/bounds.ts`); alike neighbours keep
 * those bounds tight, so most blocks are skipped unread.
 *
 * Size: just over 300 lines: the order, the blocks, their runs and the super-blocks are built in
 * one pass each over the same positions, and read together by `rank/bounds.ts`.
 */
import { FLAG } from './codes.js';
import { demandAt, type Columns } from './columns.js';

/** Activities per block: small enough for tight bounds, large enough to amortise them (32 read 34% fewer rows than 64 at 1M national; 16 cost more in bounds than it saved). */
export const BLOCK_SIZE = 32;
/**
 * Positions per run inside a block. A block's bound is loose in the client-specific masks
 * (conditions, needs, interests), because 32 activities between them cover many; runs of 8 keep
 * just those masks, so a query skips runs of a visited block that cannot reach the top without
 * reading their rows (2,072 rows read a query against 3,683 at 1M national).
 */
export const RUN = 8;
/** Runs per block. */
export const RUNS_PER_BLOCK = BLOCK_SIZE / RUN;
/**
 * Blocks per super-block. A query bounds super-blocks first and blocks only inside the
 * super-blocks it visits: in a city where a million activities are within reach, bounding
 * every block cost more than the scoring it saved.
 */
export const SUPER_BLOCK = 16;
/**
 * Grid cell size in degrees: 0.08° of latitude is about 8.9 km, 0.12° of longitude about 8 km in
 * Britain. Coarse enough that a cell holds many activities of each kind (so blocks sorted by
 * likeness inside it are homogeneous and their bounds tight), fine enough that a 10 km search
 * touches about 3 × 4 cells. Measured against 2 km cells in BENCHMARKS.md.
 */
export const CELL_LAT = 0.08;
export const CELL_LON = 0.12;

/** The three spatial groups. */
export const GROUP = { venue: 0, area: 1, national: 2 } as const;

/**
 * Aggregates of consecutive position ranges (blocks, or super-blocks of blocks), from which a
 * query bounds every score inside a range (see `rank/bounds.ts`).
 */
export interface RangeAggregates {
  /** Largest service-area radius among area-limited services of the whole catalogue, km. */
  readonly maxAreaKm: number;
  /** First position of each range, plus a final sentinel. */
  readonly start: Uint32Array;
  readonly minLat: Float64Array;
  readonly maxLat: Float64Array;
  readonly minLon: Float64Array;
  readonly maxLon: Float64Array;
  readonly designedOr: Uint32Array;
  readonly needsOr: Uint16Array;
  readonly categoryMask: Uint16Array;
  readonly costMask: Uint8Array;
  /** Bits: 1 any social, 2 any befriending, 4 any general (designed for nobody), 8 any never verified. */
  readonly blockFlags: Uint8Array;
  readonly minDemand: Float64Array;
  readonly maxDemand: Float64Array;
  /** One bit per tag id modulo 32: a tag whose bit is clear is in no activity of the range. */
  readonly tagBloom: Uint32Array;
  /** Latest verification day in the range; −Infinity when none is verified. */
  readonly maxVerified: Float64Array;
  /** Shortest recorded wait in the range; 0 when any has none recorded (capacity factor 1). */
  readonly minWait: Float64Array;
  /** One bit per area-name id (modulo 32), and per postcode district id, of the range's named areas. */
  readonly nameBloom: Uint32Array;
  readonly districtBloom: Uint32Array;
}

/**
 * The client-specific masks of each block's runs of {@link RUN} positions: run `j` of block `b`
 * is entry `b · RUNS_PER_BLOCK + j` and covers positions from `blockStart[b] + j · RUN` (runs past
 * a short block's end are empty). Every other factor is bounded by the block's aggregates.
 */
export interface RunMasks {
  readonly designedOr: Uint32Array;
  readonly needsOr: Uint16Array;
  readonly categoryMask: Uint16Array;
  readonly tagBloom: Uint32Array;
  /** {@link BLOCK} bits: any social, befriending, general, never verified. */
  readonly flags: Uint8Array;
}

/** Blocks with their aggregates, super-blocks over them, and the cell directory. */
export interface Grid {
  /** Dense cell id by group and cell key (see {@link cellKey}); national services are one cell. */
  readonly cells: readonly ReadonlyMap<number, number>[];
  /** First and last block holding positions of each dense cell (a block may span cells). */
  readonly cellFirstBlock: Uint32Array;
  readonly cellLastBlock: Uint32Array;
  /** Largest service-area radius among area-limited services, km. */
  readonly maxAreaKm: number;
  /** First position of each block, plus a final sentinel. */
  readonly blockStart: Uint32Array;
  /** Block aggregates (`blocks.start` is `blockStart`). */
  readonly blocks: RangeAggregates;
  /** The masks of each block's runs of {@link RUN} positions. */
  readonly runs: RunMasks;
  /** Super-block aggregates: runs of {@link SUPER_BLOCK} blocks of one group. */
  readonly supers: RangeAggregates;
  /** First block of each super-block, plus a final sentinel. */
  readonly superFirstBlock: Uint32Array;
  /** The super-block of each block. */
  readonly superOf: Uint32Array;
}

/**
 * Block flag bits: any social, befriending, general (designed for nobody), never verified; and,
 * for the area rule, any activity without a named area, without area names, without postcode
 * districts.
 */
export const BLOCK = { social: 1, befriending: 2, general: 4, unverified: 8, open: 16, noNames: 32, noDistricts: 64 } as const;

/** The cell key of a point: the Morton code (bits of row and column interleaved) of its cell. */
export function cellKey(lat: number, lon: number): number {
  return morton(Math.floor(lat / CELL_LAT) + 10_000, Math.floor(lon / CELL_LON) + 20_000);
}

/** Interleaves the bits of two 16-bit numbers (row in the odd bits), giving a 32-bit Z-order code. */
function morton(row: number, col: number): number {
  return (spread16(row) * 2 + spread16(col)) >>> 0;
}

function spread16(x: number): number {
  x &= 0xffff;
  x = (x | (x << 8)) & 0x00ff00ff;
  x = (x | (x << 4)) & 0x0f0f0f0f;
  x = (x | (x << 2)) & 0x33333333;
  x = (x | (x << 1)) & 0x55555555;
  return x >>> 0;
}

/**
 * The group of a row: venues by place, home, phone and online services with a circular area by
 * its centre, the rest national (services everywhere or in areas given by name, and venues
 * whose position is not known).
 */
export function groupOf(kind: number, lat: number): number {
  return Number.isNaN(lat) ? GROUP.national : kind === 0 ? GROUP.venue : GROUP.area;
}

/**
 * A key that puts alike activities side by side within a cell (16 bits), most heavily weighted
 * factors first: category, demand (activation), cost, then whether it is designed for any
 * condition, supports any need, is social or befriending, and how fresh its record is.
 */
export function likenessKey(category: number, cost: number, demand: number, flags: number, designedFor: number, needs: number, freshness: number): number {
  return (
    (category << 12) |
    (Math.min(7, Math.floor(demand * 8)) << 9) |
    (cost << 6) |
    (designedFor !== 0 ? 32 : 0) |
    (needs !== 0 ? 16 : 0) |
    ((flags & FLAG.social) !== 0 ? 8 : 0) |
    ((flags & FLAG.befriending) !== 0 ? 4 : 0) |
    freshness
  );
}

/**
 * Cuts ordered positions into blocks and computes their aggregates. `cellOf[p]` is the dense
 * cell of position p and `groupOf[p]` its group; blocks hold {@link BLOCK_SIZE} positions and
 * never cross a group.
 */
export function buildGrid(c: Columns, cellOf: Uint32Array, groupAt: Uint8Array, cells: Map<number, number>[], cellCount: number): Grid {
  const starts: number[] = [];
  for (let p = 0; p < c.n; p++) {
    const last = starts[starts.length - 1];
    if (last === undefined || p - last >= BLOCK_SIZE || groupAt[p] !== groupAt[last]) starts.push(p);
  }
  starts.push(c.n);
  const cellFirstBlock = new Uint32Array(cellCount);
  const cellLastBlock = new Uint32Array(cellCount);
  for (let b = 0; b + 1 < starts.length; b++) {
    for (let p = starts[b] as number; p < (starts[b + 1] as number); p++) {
      const cell = cellOf[p] as number;
      if (p === starts[b] || cellOf[p - 1] !== cell) {
        if (p === 0 || cellOf[p - 1] !== cell) cellFirstBlock[cell] = b;
        cellLastBlock[cell] = b;
      }
    }
  }
  const nb = starts.length - 1;
  const blockStart = Uint32Array.from(starts);
  let maxAreaKm = 0;
  for (let p = 0; p < c.n; p++) if ((c.areaKm[p] as number) > maxAreaKm) maxAreaKm = c.areaKm[p] as number;
  const superFirst: number[] = [];
  const superOf = new Uint32Array(nb);
  for (let b = 0; b < nb; b++) {
    const first = superFirst[superFirst.length - 1];
    if (first === undefined || b - first >= SUPER_BLOCK || groupAt[blockStart[b] as number] !== groupAt[blockStart[first] as number]) superFirst.push(b);
    superOf[b] = superFirst.length - 1;
  }
  const superFirstBlock = Uint32Array.from([...superFirst, nb]);
  return {
    cells,
    cellFirstBlock,
    cellLastBlock,
    maxAreaKm,
    blockStart,
    blocks: aggregate(c, blockStart, maxAreaKm),
    runs: runMasks(c, blockStart),
    supers: aggregate(c, Uint32Array.from(superFirstBlock, (b) => blockStart[b] as number), maxAreaKm),
    superFirstBlock,
    superOf,
  };
}

/** The aggregates of the position ranges `[start[r], start[r + 1])`. */
function aggregate(c: Columns, start: Uint32Array, maxAreaKm: number): RangeAggregates {
  const nb = start.length - 1;
  const g = {
    maxAreaKm,
    start,
    minLat: new Float64Array(nb).fill(Infinity),
    maxLat: new Float64Array(nb).fill(-Infinity),
    minLon: new Float64Array(nb).fill(Infinity),
    maxLon: new Float64Array(nb).fill(-Infinity),
    designedOr: new Uint32Array(nb),
    needsOr: new Uint16Array(nb),
    categoryMask: new Uint16Array(nb),
    costMask: new Uint8Array(nb),
    blockFlags: new Uint8Array(nb),
    minDemand: new Float64Array(nb).fill(Infinity),
    maxDemand: new Float64Array(nb).fill(-Infinity),
    tagBloom: new Uint32Array(nb),
    maxVerified: new Float64Array(nb).fill(-Infinity),
    minWait: new Float64Array(nb).fill(Infinity),
    nameBloom: new Uint32Array(nb),
    districtBloom: new Uint32Array(nb),
  };
  for (let b = 0; b < nb; b++) {
    for (let p = start[b] as number; p < (start[b + 1] as number); p++) {
      const lat = c.lat[p] as number;
      const lon = c.lon[p] as number;
      if (!Number.isNaN(lat)) {
        if (lat < (g.minLat[b] as number)) g.minLat[b] = lat;
        if (lat > (g.maxLat[b] as number)) g.maxLat[b] = lat;
        if (lon < (g.minLon[b] as number)) g.minLon[b] = lon;
        if (lon > (g.maxLon[b] as number)) g.maxLon[b] = lon;
      }
      g.designedOr[b] = ((g.designedOr[b] as number) | (c.designedFor[p] as number)) >>> 0;
      g.needsOr[b] = (g.needsOr[b] as number) | (c.needs[p] as number);
      g.categoryMask[b] = (g.categoryMask[b] as number) | (1 << (c.category[p] as number));
      g.costMask[b] = (g.costMask[b] as number) | (1 << (c.cost[p] as number));
      g.blockFlags[b] = (g.blockFlags[b] as number) | blockFlagsAt(c, p);
      const demand = demandAt(c, p);
      if (demand < (g.minDemand[b] as number)) g.minDemand[b] = demand;
      if (demand > (g.maxDemand[b] as number)) g.maxDemand[b] = demand;
      g.tagBloom[b] = ((g.tagBloom[b] as number) | tagBloomAt(c, p)) >>> 0;
      const verified = c.verifiedDay[p] as number;
      if (verified > (g.maxVerified[b] as number)) g.maxVerified[b] = verified;
      const wait = c.waitWeeks[p] as number;
      const w = Number.isNaN(wait) ? 0 : wait;
      if (w < (g.minWait[b] as number)) g.minWait[b] = w;
      const named = c.namedAreas.get(c.activityIndex[p] as number);
      if (named !== undefined) {
        for (const id of named.names) g.nameBloom[b] = ((g.nameBloom[b] as number) | (1 << (id & 31))) >>> 0;
        for (const id of named.districts) g.districtBloom[b] = ((g.districtBloom[b] as number) | (1 << (id & 31))) >>> 0;
      }
    }
  }
  return g;
}

/** The {@link BLOCK} bits of one position. */
function blockFlagsAt(c: Columns, p: number): number {
  const flags = c.flags[p] as number;
  const named = (flags & FLAG.namedArea) === 0 ? undefined : c.namedAreas.get(c.activityIndex[p] as number);
  return (
    (named === undefined ? BLOCK.open | BLOCK.noNames | BLOCK.noDistricts : (named.names.length === 0 ? BLOCK.noNames : 0) | (named.districts.length === 0 ? BLOCK.noDistricts : 0)) |
    ((flags & FLAG.social) !== 0 ? BLOCK.social : 0) |
    ((flags & FLAG.befriending) !== 0 ? BLOCK.befriending : 0) |
    ((c.designedFor[p] as number) === 0 ? BLOCK.general : 0) |
    (Number.isNaN(c.verifiedDay[p] as number) ? BLOCK.unverified : 0)
  );
}

/** One bit per tag of the position, its id modulo 32. */
function tagBloomAt(c: Columns, p: number): number {
  let bloom = 0;
  for (let t = c.tagStart[p] as number; t < (c.tagStart[p + 1] as number); t++) bloom |= 1 << ((c.tagIds[t] as number) & 31);
  return bloom >>> 0;
}

/** The masks of every block's runs of {@link RUN} positions. */
function runMasks(c: Columns, blockStart: Uint32Array): RunMasks {
  const count = (blockStart.length - 1) * RUNS_PER_BLOCK;
  const runs = { designedOr: new Uint32Array(count), needsOr: new Uint16Array(count), categoryMask: new Uint16Array(count), tagBloom: new Uint32Array(count), flags: new Uint8Array(count) };
  for (let b = 0; b + 1 < blockStart.length; b++) {
    const start = blockStart[b] as number;
    for (let p = start; p < (blockStart[b + 1] as number); p++) {
      const r = b * RUNS_PER_BLOCK + Math.floor((p - start) / RUN);
      runs.designedOr[r] = ((runs.designedOr[r] as number) | (c.designedFor[p] as number)) >>> 0;
      runs.needsOr[r] = (runs.needsOr[r] as number) | (c.needs[p] as number);
      runs.categoryMask[r] = (runs.categoryMask[r] as number) | (1 << (c.category[p] as number));
      runs.tagBloom[r] = ((runs.tagBloom[r] as number) | tagBloomAt(c, p)) >>> 0;
      runs.flags[r] = (runs.flags[r] as number) | blockFlagsAt(c, p);
    }
  }
  return runs;
}
