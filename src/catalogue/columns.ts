/**
 * The compiled catalogue: one typed array per field (structure of arrays), indexed by a dense
 * position. Positions are ordered by spatial cell and then by a "kind of activity" key and cut
 * into blocks (see `grid.ts`), so a query reads only the columns of the blocks it visits and
 * never touches the activity objects until it builds its results.
 */
import { activityDemand } from '../signals/factors.js';
import { FLAG } from './codes.js';
import type { PeopleSet } from './codes.js';

/** The columns. Every array has one entry per position (`n`), except the CSR data arrays. */
export interface Columns {
  readonly n: number;
  /** Activity id at each position, read through the activity objects (no column of its own). */
  idAt(p: number): string;
  /** Index into the validated activity array at each position. */
  readonly activityIndex: Uint32Array;
  /** Venue coordinates, or the centre of a home/online service area; NaN for national services. */
  readonly lat: Float64Array;
  readonly lon: Float64Array;
  /** Service-area radius in km (home and online services with an area), else 0; float32 (sub-millimetre rounding). */
  readonly areaKm: Float32Array;
  readonly kind: Uint8Array;
  readonly flags: Uint8Array;
  readonly intensity: Uint8Array;
  readonly group: Uint8Array;
  readonly category: Uint8Array;
  readonly cost: Uint8Array;
  /** wheelchair (bits 0–1) and step-free (bits 2–3), each an {@link ACCESS} value. */
  readonly access: Uint8Array;
  /** Minimum age, 0 when none. */
  readonly minAge: Uint8Array;
  /** Maximum age, 255 when none. */
  readonly maxAge: Uint8Array;
  /** Bitmask over `GENDERS`; 0 when open to all. */
  readonly genders: Uint8Array;
  /** Index into `peopleSets`: the activity's languages and audience. */
  readonly peopleSet: Uint16Array;
  readonly peopleSets: readonly PeopleSet[];
  /** The key of each people set (its languages and audience), for extending the dictionary (see `RowWriter`). */
  readonly peopleKeys: readonly string[];
  readonly designedFor: Uint32Array;
  readonly unsuitableFor: Uint32Array;
  readonly needs: Uint16Array;
  /** Days since 1970-01-01; NaN when never verified. */
  readonly verifiedDay: Float32Array;
  /** Last day with a session; Infinity when open-ended or by appointment. */
  readonly lastSessionDay: Float32Array;
  /** Last day a newcomer can join; Infinity without a fixed cohort. */
  readonly lastJoinDay: Float32Array;
  /** Earliest schedule validTo; NaN when none. */
  readonly expiryDay: Float32Array;
  /** Usual wait in weeks; NaN when not recorded. */
  readonly waitWeeks: Float32Array;
  /** Index into `zones`. */
  readonly zone: Uint8Array;
  readonly zones: readonly string[];
  /**
   * The named areas of the activities that cover areas by name or postcode (flag
   * {@link FLAG.namedArea}), by row (`activityIndex[p]`): a sparse table, since most
   * activities have none. Ids are into `areaKeys`.
   */
  readonly namedAreas: ReadonlyMap<number, NamedArea>;
  /** Area keys: `n:` + `areaKey(name)` for names, `d:` + district or postcode area for postcodes. */
  readonly areaIndex: ReadonlyMap<string, number>;
  /** The area keys by id (`areaIndex` inverted). */
  readonly areaKeys: readonly string[];
  /** Tags: CSR offsets (n + 1) into `tagIds`, ids into `tagNames`. */
  readonly tagStart: Uint32Array;
  /** Uint16 while the catalogue has at most 65,536 distinct tags, else Uint32. */
  readonly tagIds: Uint16Array | Uint32Array;
  readonly tagNames: readonly string[];
  readonly tagIndex: ReadonlyMap<string, number>;
  /** Weekly windows: CSR offsets (n + 1) into `windows`, each packed by {@link packWindow}. */
  readonly windowStart: Uint32Array;
  readonly windows: Uint32Array;
}

/** The per-catalogue dictionaries: a part compiled by `update` starts from the previous part's. */
export type Dictionaries = Pick<Columns, 'tagNames' | 'zones' | 'peopleKeys' | 'peopleSets' | 'areaKeys'>;

/** The named areas of one activity, as ids into {@link Columns.areaIndex}. */
export interface NamedArea {
  readonly names: readonly number[];
  readonly districts: readonly number[];
}

/**
 * Every activity's values as plain numbers, indexed by input row (before positions are given):
 * the same fields as {@link Columns}, in the same types. Extracted in one pass with no object
 * per activity; {@link buildColumns} then lays them out in position order.
 */
export type RowTable = Omit<Columns, 'idAt' | 'activityIndex' | 'tagIds'> & {
  /** Tag ids by row (CSR through `tagStart`), 32-bit until the dictionary's size is known. */
  readonly tagIds: Uint32Array;
  /** {@link hashString} of each row's id, for the id table. */
  readonly idHash: Uint32Array;
};

/** The demand of the activity at a position (see `activityDemand`). */
export function demandAt(c: Columns, p: number): number {
  const flags = c.flags[p] ?? 0;
  return activityDemand(c.intensity[p] ?? 4, c.group[p] ?? 4, (flags & FLAG.gym) !== 0, (flags & FLAG.supported) !== 0);
}

/** Bytes held by the typed arrays of the columns (the dictionaries are small and not counted). */
export function columnBytes(c: Columns): number {
  let bytes = 0;
  for (const value of Object.values(c)) if (ArrayBuffer.isView(value)) bytes += value.byteLength;
  return bytes;
}
