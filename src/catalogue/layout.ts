/**
 * Laying the rows out as columns in position order: the row arrays are permuted in place
 * through one scratch buffer (a gather and a copy back), and the CSR lists (tags, weekly
 * windows) are rebuilt in the new order.
 *
 * @module
 */
import type { ActivityRecords } from './records.js';
import type { Columns, RowTable } from './columns.js';

/**
 * Reorders columns in place, `a[p] = a[order[p]]`, through one shared scratch buffer: each
 * column is gathered into the scratch (sequential writes, independent reads, which the memory
 * system overlaps) and copied back. No column is allocated twice, and following the
 * permutation's cycles instead was latency-bound (about 100 ns an element at a million).
 * One method per element size keeps each loop monomorphic; Float32 columns move as their
 * 32-bit patterns.
 */
class Permuter {
  readonly #order: Uint32Array;
  readonly #f64: Float64Array;
  readonly #u32: Uint32Array;
  readonly #u16: Uint16Array;
  readonly #u8: Uint8Array;
  constructor(order: Uint32Array) {
    const scratch = new ArrayBuffer(8 * order.length);
    this.#order = order;
    this.#f64 = new Float64Array(scratch);
    this.#u32 = new Uint32Array(scratch, 0, order.length);
    this.#u16 = new Uint16Array(scratch, 0, order.length);
    this.#u8 = new Uint8Array(scratch, 0, order.length);
  }
  f64(a: Float64Array): Float64Array {
    const order = this.#order;
    const out = this.#f64;
    for (let p = 0; p < order.length; p++) out[p] = a[order[p] as number] as number;
    a.set(out);
    return a;
  }
  u32(a: Uint32Array): Uint32Array {
    const order = this.#order;
    const out = this.#u32;
    for (let p = 0; p < order.length; p++) out[p] = a[order[p] as number] as number;
    a.set(out);
    return a;
  }
  f32(a: Float32Array): Float32Array {
    this.u32(new Uint32Array(a.buffer, a.byteOffset, a.length));
    return a;
  }
  u16(a: Uint16Array): Uint16Array {
    const order = this.#order;
    const out = this.#u16;
    for (let p = 0; p < order.length; p++) out[p] = a[order[p] as number] as number;
    a.set(out);
    return a;
  }
  u8(a: Uint8Array): Uint8Array {
    const order = this.#order;
    const out = this.#u8;
    for (let p = 0; p < order.length; p++) out[p] = a[order[p] as number] as number;
    a.set(out);
    return a;
  }
}

/**
 * Lays the rows out as columns in the given position order (`order[p]` = row index). The row
 * arrays are permuted in place and become the columns: `rows` must not be used afterwards.
 */
export function buildColumns(records: ActivityRecords, rows: RowTable, order: Uint32Array): Columns {
  const n = order.length;
  const activityIndex = order;
  const tagStart = new Uint32Array(n + 1);
  const tagIds = rows.tagNames.length <= 0x10000 ? new Uint16Array(rows.tagIds.length) : new Uint32Array(rows.tagIds.length);
  const windowStart = new Uint32Array(n + 1);
  const windows = new Uint32Array(rows.windows.length);
  let t = 0;
  let w = 0;
  for (let p = 0; p < n; p++) {
    const i = order[p] as number;
    tagStart[p] = t;
    for (let k = rows.tagStart[i] as number, end = rows.tagStart[i + 1] as number; k < end; k++) tagIds[t++] = rows.tagIds[k] as number;
    windowStart[p] = w;
    for (let k = rows.windowStart[i] as number, end = rows.windowStart[i + 1] as number; k < end; k++) windows[w++] = rows.windows[k] as number;
  }
  tagStart[n] = t;
  windowStart[n] = w;
  const permute = new Permuter(order);
  return {
    n,
    idAt: (p: number) => records.idAt(activityIndex[p] as number),
    activityIndex,
    lat: permute.f64(rows.lat),
    lon: permute.f64(rows.lon),
    areaKm: permute.f32(rows.areaKm),
    kind: permute.u8(rows.kind),
    flags: permute.u8(rows.flags),
    intensity: permute.u8(rows.intensity),
    group: permute.u8(rows.group),
    category: permute.u8(rows.category),
    cost: permute.u8(rows.cost),
    access: permute.u8(rows.access),
    minAge: permute.u8(rows.minAge),
    maxAge: permute.u8(rows.maxAge),
    genders: permute.u8(rows.genders),
    peopleSet: permute.u16(rows.peopleSet),
    peopleSets: rows.peopleSets,
    peopleKeys: rows.peopleKeys,
    designedFor: permute.u32(rows.designedFor),
    unsuitableFor: permute.u32(rows.unsuitableFor),
    needs: permute.u16(rows.needs),
    verifiedDay: permute.f32(rows.verifiedDay),
    lastSessionDay: permute.f32(rows.lastSessionDay),
    lastJoinDay: permute.f32(rows.lastJoinDay),
    expiryDay: permute.f32(rows.expiryDay),
    waitWeeks: permute.f32(rows.waitWeeks),
    zone: permute.u8(rows.zone),
    zones: rows.zones,
    namedAreas: rows.namedAreas,
    areaIndex: rows.areaIndex,
    areaKeys: rows.areaKeys,
    tagStart,
    tagIds,
    tagNames: rows.tagNames,
    tagIndex: rows.tagIndex,
    windowStart,
    windows,
  };
}
