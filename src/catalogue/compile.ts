/**
 * Compiles validated activities into the columnar index once per matcher: rows, then the
 * spatial order, then columns, blocks and an id look-up table.
 */
import type { Activity } from '../schema/activity.js';
import { activityDemand } from '../signals/factors.js';
import { buildColumns } from './layout.js';
import { columnBytes } from './columns.js';
import { extractRows } from './row-writer.js';
import { FLAG, hashString } from './codes.js';
import type { Columns, RowTable } from './columns.js';
import { buildGrid, cellKey, GROUP, groupOf, likenessKey } from './grid.js';
import type { Grid } from './grid.js';
import { recordsOf } from './records.js';
import type { ActivityRecords } from './records.js';

/** A compiled catalogue. */
export interface CompiledCatalogue {
  /** The validated activities, by row (`columns.activityIndex[p]` is the row of position `p`). */
  readonly records: ActivityRecords;
  readonly columns: Columns;
  readonly grid: Grid;
  /** The open-addressing table of positions by id hash (see {@link lookupId}). */
  readonly idTable: Int32Array;
  /** The position of an activity id, or −1. */
  positionOf(id: string): number;
  /** Bytes of the index beyond the activity objects (typed arrays, blocks, id table). */
  readonly indexBytes: number;
}

// Positions are sorted by one Float64 key: dense cell (15 bits) · 2^37 + likeness (16 bits) · 2^21
// + row index (21 bits) = 52 bits, within a double's exact 53. A native numeric sort of a
// Float64Array is far faster than sorting objects with a comparator.
const INDEX_BITS = 2 ** 21;
const LIKENESS_BITS = 2 ** 16;
const CELL_LIMIT = 2 ** 15;

/** Freshness bucket for the likeness key: verified within 1, 2, 3 years, or older / never (0 is freshest). */
function freshnessBucket(verifiedDay: number, newest: number): number {
  if (Number.isNaN(verifiedDay)) return 3;
  return Math.min(3, Math.max(0, Math.floor((newest - verifiedDay) / 365)));
}

/**
 * Compiles validated activities (ids must be unique). `rows` may be given when the caller has
 * already extracted them (see `RowWriter`); they must be the rows of `activities`, in order.
 */
export function compileCatalogue(activities: readonly Activity[], rows: RowTable = extractRows(activities)): CompiledCatalogue {
  const n = activities.length;
  // Dense cell ids in sorted (group, cell key) order, so positions come out grouped.
  const rawCell = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const lat = rows.lat[i] as number;
    const group = groupOf(rows.kind[i] as number, lat);
    // National services in areas given by name cluster by their first area, so a block's area bloom stays tight.
    const named = group === GROUP.national ? rows.namedAreas.get(i) : undefined;
    rawCell[i] = group * 2 ** 32 + (group === GROUP.national ? (named === undefined ? 0 : 1 + ((named.names[0] ?? named.districts[0] ?? 0) % (2 ** 31))) : cellKey(lat, rows.lon[i] as number));
  }
  const unique = distinctSorted(rawCell);
  const cells: Map<number, number>[] = [new Map(), new Map(), new Map()];
  unique.forEach((raw, dense) => {
    const group = Math.floor(raw / 2 ** 32);
    (cells[group] as Map<number, number>).set(raw - group * 2 ** 32, dense);
  });
  const denseCell = new Uint32Array(n);
  for (let i = 0; i < n; i++) denseCell[i] = indexOfSorted(unique, rawCell[i] as number);
  let newest = -Infinity;
  for (let i = 0; i < n; i++) if ((rows.verifiedDay[i] as number) > newest) newest = rows.verifiedDay[i] as number;
  const likeness = (i: number): number => {
    const flags = rows.flags[i] as number;
    const demand = activityDemand(rows.intensity[i] as number, rows.group[i] as number, (flags & FLAG.gym) !== 0, (flags & FLAG.supported) !== 0);
    return likenessKey(rows.category[i] as number, rows.cost[i] as number, demand, flags, rows.designedFor[i] as number, rows.needs[i] as number, freshnessBucket(rows.verifiedDay[i] as number, newest));
  };
  let order: Uint32Array;
  if (n < INDEX_BITS && unique.length < CELL_LIMIT) {
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = ((denseCell[i] as number) * LIKENESS_BITS + likeness(i)) * INDEX_BITS + i;
    keys.sort();
    order = new Uint32Array(n);
    for (let p = 0; p < n; p++) order[p] = (keys[p] as number) % INDEX_BITS;
  } else {
    // Beyond two million activities the packed key would lose bits: sort with a comparator.
    const dense = denseCell;
    const like = Uint32Array.from({ length: n }, (_, i) => likeness(i));
    order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => (dense[a] as number) - (dense[b] as number) || (like[a] as number) - (like[b] as number) || a - b);
  }
  const records = recordsOf(activities);
  const columns = buildColumns(records, rows, order);
  const cellOf = new Uint32Array(n);
  const groupAt = new Uint8Array(n);
  for (let p = 0; p < n; p++) {
    const i = order[p] as number;
    cellOf[p] = denseCell[i] as number;
    groupAt[p] = Math.floor((rawCell[i] as number) / 2 ** 32);
  }
  const grid = buildGrid(columns, cellOf, groupAt, cells, unique.length);
  const table = buildIdTable(rows.idHash, order);
  return catalogueOf(records, columns, grid, table);
}

/** A compiled catalogue from its parts (compiled here, or read from a snapshot). */
export function catalogueOf(records: ActivityRecords, columns: Columns, grid: Grid, idTable: Int32Array): CompiledCatalogue {
  return {
    records,
    columns,
    grid,
    idTable,
    positionOf: (id) => lookupId(idTable, columns, id),
    indexBytes: columnBytes(columns) + gridBytes(grid) + idTable.byteLength,
  };
}

/** Bytes of the grid's typed arrays (`blocks.start` is `blockStart`: counted once). */
function gridBytes(grid: Grid): number {
  const arrays = new Set<ArrayBufferView>();
  for (const part of [grid, grid.blocks, grid.runs, grid.supers]) for (const value of Object.values(part)) if (ArrayBuffer.isView(value)) arrays.add(value);
  let bytes = 0;
  for (const view of arrays) bytes += view.byteLength;
  return bytes;
}

/** The distinct values of `values`, ascending (a native sort and one pass: no Set of boxed numbers). */
function distinctSorted(values: Float64Array): Float64Array {
  const sorted = Float64Array.from(values).sort();
  let k = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[k - 1]) sorted[k++] = sorted[i] as number;
  return sorted.slice(0, k);
}

/** The index of `value` in an ascending array that holds it (binary search). */
function indexOfSorted(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// An open-addressing hash table of positions (load ≤ 0.5): 8 bytes per activity where a
// Map<string, number> would cost several times that at a million entries.
function buildIdTable(idHash: Uint32Array, order: Uint32Array): Int32Array {
  const n = order.length;
  let size = 16;
  while (size < n * 2) size *= 2;
  const table = new Int32Array(size).fill(-1);
  const mask = size - 1;
  // The ids were hashed as the rows were extracted (see RowWriter); each is placed at its position.
  const positionOf = new Uint32Array(n);
  for (let p = 0; p < n; p++) positionOf[order[p] as number] = p;
  for (let i = 0; i < n; i++) {
    let slot = (idHash[i] as number) & mask;
    while ((table[slot] as number) !== -1) slot = (slot + 1) & mask;
    table[slot] = positionOf[i] as number;
  }
  return table;
}

function lookupId(table: Int32Array, c: Columns, id: string): number {
  const mask = table.length - 1;
  let slot = hashString(id) & mask;
  for (;;) {
    const p = table[slot] as number;
    if (p === -1) return -1;
    if (c.idAt(p) === id) return p;
    slot = (slot + 1) & mask;
  }
}
