/**
 * Compiles validated activities into the columnar index once per matcher: rows, then the
 * spatial order, then columns, blocks and an id look-up table.
 */
import type { Activity } from '../schema/activity.js';
import { activityDemand } from '../signals/factors.js';
import { buildColumns, columnBytes, FLAG, rowOf } from './columns.js';
import type { Columns, Row } from './columns.js';
import { buildGrid, cellKey, GROUP, groupOf, likenessKey } from './grid.js';
import type { Grid } from './grid.js';

/** A compiled catalogue. */
export interface CompiledCatalogue {
  readonly activities: readonly Activity[];
  readonly columns: Columns;
  readonly grid: Grid;
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

/** Compiles validated activities (ids must be unique). */
export function compileCatalogue(activities: readonly Activity[]): CompiledCatalogue {
  const n = activities.length;
  const rows: Row[] = activities.map(rowOf);
  // Dense cell ids in sorted (group, cell key) order, so positions come out grouped.
  const rawCell = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i] as Row;
    const group = groupOf(row.kind, row.lat);
    rawCell[i] = group * 2 ** 32 + (group === GROUP.national ? 0 : cellKey(row.lat, row.lon));
  }
  const unique = Float64Array.from(new Set(rawCell)).sort();
  const cells: Map<number, number>[] = [new Map(), new Map(), new Map()];
  const denseOf = new Map<number, number>();
  unique.forEach((raw, dense) => {
    denseOf.set(raw, dense);
    const group = Math.floor(raw / 2 ** 32);
    (cells[group] as Map<number, number>).set(raw - group * 2 ** 32, dense);
  });
  let newest = -Infinity;
  for (const r of rows) if (r.verifiedDay > newest) newest = r.verifiedDay;
  const likeness = (i: number): number => {
    const r = rows[i] as Row;
    return likenessKey(r.category, r.cost, activityDemand(r.intensity, r.group, (r.flags & FLAG.gym) !== 0, (r.flags & FLAG.supported) !== 0), r.flags, r.designedFor, r.needs, freshnessBucket(r.verifiedDay, newest));
  };
  let order: Uint32Array;
  if (n < INDEX_BITS && unique.length < CELL_LIMIT) {
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = ((denseOf.get(rawCell[i] as number) as number) * LIKENESS_BITS + likeness(i)) * INDEX_BITS + i;
    keys.sort();
    order = new Uint32Array(n);
    for (let p = 0; p < n; p++) order[p] = (keys[p] as number) % INDEX_BITS;
  } else {
    // Beyond two million activities the packed key would lose bits: sort with a comparator.
    const dense = Float64Array.from(rawCell, (raw) => denseOf.get(raw) as number);
    const like = Uint32Array.from({ length: n }, (_, i) => likeness(i));
    order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => (dense[a] as number) - (dense[b] as number) || (like[a] as number) - (like[b] as number) || a - b);
  }
  const columns = buildColumns(activities, rows, order);
  const cellOf = new Uint32Array(n);
  const groupAt = new Uint8Array(n);
  for (let p = 0; p < n; p++) {
    const raw = rawCell[order[p] as number] as number;
    cellOf[p] = denseOf.get(raw) as number;
    groupAt[p] = Math.floor(raw / 2 ** 32);
  }
  const grid = buildGrid(columns, cellOf, groupAt, cells, unique.length);
  const table = buildIdTable(columns);
  let gridBytes = 0;
  for (const value of Object.values(grid)) if (ArrayBuffer.isView(value)) gridBytes += value.byteLength;
  return {
    activities,
    columns,
    grid,
    positionOf: (id) => lookupId(table, columns, id),
    indexBytes: columnBytes(columns) + gridBytes + table.byteLength,
  };
}

/** FNV-1a over UTF-16 code units: a fast, well-spread 32-bit string hash. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

// An open-addressing hash table of positions (load ≤ 0.5): 8 bytes per activity where a
// Map<string, number> would cost several times that at a million entries.
function buildIdTable(c: Columns): Int32Array {
  let size = 16;
  while (size < c.n * 2) size *= 2;
  const table = new Int32Array(size).fill(-1);
  const mask = size - 1;
  for (let p = 0; p < c.n; p++) {
    let slot = hashString(c.idAt(p)) & mask;
    while ((table[slot] as number) !== -1) slot = (slot + 1) & mask;
    table[slot] = p;
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
