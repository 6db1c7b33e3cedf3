/**
 * A matcher's catalogue as a list of compiled parts (issue #20): the catalogue as first
 * compiled, then the changes of later `update`s, each compiled on its own. A part's rows that a
 * later part replaced, or an update removed, are marked dead in its `dead` array; they are
 * skipped by the search and by look-ups. Positions are global: part `k`'s position `p` is
 * `offset + p`, where `offset` is the sum of the sizes of the parts before it.
 *
 * Each part is compiled with the previous part's dictionaries (tags, time zones, languages
 * and audiences, area names) as its starting point, so ids mean the same in every part: a client
 * context built on the last part's columns serves them all, and tags compare across parts.
 *
 * @module
 */
import type { Activity } from '../schema/activity.js';
import type { Columns } from './columns.js';
import type { CompiledCatalogue } from './compile.js';

/** One compiled part of a catalogue. */
export interface Part {
  readonly cat: CompiledCatalogue;
  /** 1 at each position whose activity a later part replaced or an update removed; undefined when none. */
  readonly dead: Uint8Array | undefined;
  /** Global position of the part's position 0. */
  readonly offset: number;
  /** Positions not dead. */
  readonly live: number;
}

/** The parts with their offsets worked out, from compiled catalogues and dead marks. */
export function partsOf(list: readonly { readonly cat: CompiledCatalogue; readonly dead: Uint8Array | undefined }[]): Part[] {
  let offset = 0;
  return list.map(({ cat, dead }) => {
    let deadCount = 0;
    if (dead !== undefined) for (let p = 0; p < dead.length; p++) deadCount += dead[p] as number;
    const part = { cat, dead: deadCount === 0 ? undefined : dead, offset, live: cat.columns.n - deadCount };
    offset += cat.columns.n;
    return part;
  });
}

/** The index of the part holding global position `g`. */
export function partIndexAt(parts: readonly Part[], g: number): number {
  for (let k = parts.length - 1; k > 0; k--) if (g >= (parts[k] as Part).offset) return k;
  return 0;
}

/** The id of the activity at a global position. */
export function idAtGlobal(parts: readonly Part[]): (g: number) => string {
  if (parts.length === 1) return (parts[0] as Part).cat.columns.idAt;
  return (g) => {
    const part = parts[partIndexAt(parts, g)] as Part;
    return part.cat.columns.idAt(g - part.offset);
  };
}

/** The global position of the live activity with this id, or −1. */
export function globalPositionOf(parts: readonly Part[], id: string): number {
  for (let k = parts.length - 1; k >= 0; k--) {
    const part = parts[k] as Part;
    const p = part.cat.positionOf(id);
    if (p >= 0) return part.dead !== undefined && part.dead[p] === 1 ? -1 : part.offset + p;
  }
  return -1;
}

/** The activity at a global position. */
export function activityAtGlobal(parts: readonly Part[], g: number): Activity {
  const part = parts[partIndexAt(parts, g)] as Part;
  const c = part.cat.columns;
  return part.cat.records.at(c.activityIndex[g - part.offset] as number);
}

/**
 * The live activities in catalogue order: each part's live rows in row order, a replaced
 * activity in the place of the one it replaced, and activities new in a part after those of
 * the parts before it.
 */
export function liveActivities(parts: readonly Part[]): Activity[] {
  const out: Activity[] = [];
  const placed = new Set<string>();
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k] as Part;
    const { records, columns } = part.cat;
    const positionOfRow = rowPositions(columns);
    for (let row = 0; row < records.length; row++) {
      const p = positionOfRow[row] as number;
      const id = records.idAt(row);
      if (part.dead === undefined || part.dead[p] !== 1) {
        if (!placed.has(id)) out.push(records.at(row));
        continue;
      }
      // A dead row: its replacement, if a later part holds one, takes its place.
      const g = globalPositionOf(parts, id);
      if (g >= 0 && !placed.has(id)) {
        out.push(activityAtGlobal(parts, g));
        placed.add(id);
      }
    }
  }
  return out;
}

function rowPositions(c: Columns): Uint32Array {
  const positions = new Uint32Array(c.n);
  for (let p = 0; p < c.n; p++) positions[c.activityIndex[p] as number] = p;
  return positions;
}

/** The similarity features (see `diversify`) of a few global positions, gathered by index. */
export function featuresOf(parts: readonly Part[], positions: readonly number[]) {
  const category = new Uint8Array(positions.length);
  const needs = new Uint16Array(positions.length);
  const tagStart = new Uint32Array(positions.length + 1);
  const tags: number[] = [];
  positions.forEach((g, i) => {
    const part = parts[partIndexAt(parts, g)] as Part;
    const c = part.cat.columns;
    const p = g - part.offset;
    category[i] = c.category[p] as number;
    needs[i] = c.needs[p] as number;
    tagStart[i] = tags.length;
    for (let t = c.tagStart[p] as number; t < (c.tagStart[p + 1] as number); t++) tags.push(c.tagIds[t] as number);
  });
  tagStart[positions.length] = tags.length;
  return { category, needs, tagStart, tagIds: Uint32Array.from(tags) };
}
