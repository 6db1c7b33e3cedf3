/**
 * Writing a snapshot (the format is in `format.ts`): the manifest, then each part's sections.
 *
 * @module
 */
import type { RejectedRecord } from '../catalogue/load.js';
import type { Part } from '../catalogue/parts.js';
import type { MatchingRules } from '../schema/rules.js';
import type { Activity } from '../schema/activity.js';
import { ActivityMatchError } from '../errors.js';
import { AGGREGATE_SECTIONS, DEAD_SECTION, HEADER_BYTES, MAGIC, RUN_SECTIONS, SNAPSHOT_VERSION, COLUMN_SECTIONS } from './format.js';
import { builtWordIndex, wordIndexOf } from '../catalogue/part-search.js';
import type { WordIndex } from '../catalogue/word-index.js';
import type { SectionType } from './format.js';
import { rawRecord } from './records.js';
import { xxh32 } from './xxh32.js';

/** What a snapshot holds. */
export interface SnapshotContents {
  readonly parts: readonly Part[];
  readonly rules: MatchingRules;
  readonly rejected: readonly RejectedRecord[];
  /** Build each part's search index first when it has not been (else only built ones are written). */
  readonly search: boolean;
}

/** The largest snapshot: what one `Uint8Array` can hold in every supported Node.js (2³² − 1 bytes in Node 20). */
const MAX_SNAPSHOT_BYTES = 2 ** 32 - 1;

// Made on first use: the core's modules create nothing at load (a bare JavaScript context has no TextEncoder).
let encoder: InstanceType<typeof TextEncoder> | undefined;
const utf8 = (text: string): Uint8Array => (encoder ??= new TextEncoder()).encode(text);

function typeOf(view: ArrayBufferView): SectionType {
  if (view instanceof Uint8Array) return 'u8';
  if (view instanceof Uint16Array) return 'u16';
  if (view instanceof Uint32Array) return 'u32';
  if (view instanceof Int32Array) return 'i32';
  if (view instanceof Float32Array) return 'f32';
  return 'f64';
}

/** The records of a part as one byte array and offsets: each record its activity's JSON, `id` first. */
function recordBytesOf(part: Part): { start: Uint32Array; bytes: Uint8Array } {
  const { records } = part.cat;
  const n = records.length;
  const start = new Uint32Array(n + 1);
  let buffer = new Uint8Array(Math.max(1024, n * 900));
  let length = 0;
  for (let row = 0; row < n; row++) {
    start[row] = length;
    const raw = rawRecord(records, row);
    const bytes = raw ?? utf8(recordJson(records.at(row)));
    if (length + bytes.length > buffer.length) {
      if (length + bytes.length > MAX_SNAPSHOT_BYTES) throw new ActivityMatchError('INVALID_SNAPSHOT', [{ path: 'snapshot', message: 'expected a catalogue whose snapshot fits in 4 GiB' }]);
      const next = new Uint8Array(Math.min(MAX_SNAPSHOT_BYTES, Math.max(buffer.length * 2, length + bytes.length)));
      next.set(buffer.subarray(0, length));
      buffer = next;
    }
    buffer.set(bytes, length);
    length += bytes.length;
  }
  start[n] = length;
  return { start, bytes: buffer.subarray(0, length) };
}

/** The JSON of an activity with `id` first (the reader takes ids from there without parsing the record). */
export function recordJson(activity: Activity): string {
  return JSON.stringify(Object.assign({ id: activity.id }, activity));
}

/** The sections of one part, by name (see `format.ts`). */
function sectionsOf(part: Part, search: WordIndex | undefined): Map<string, ArrayBufferView> {
  const { columns: c, grid: g, idTable } = part.cat;
  const sections = new Map<string, ArrayBufferView>();
  for (const name of Object.keys(COLUMN_SECTIONS)) sections.set(name, c[name as keyof typeof COLUMN_SECTIONS]);
  sections.set('cellFirstBlock', g.cellFirstBlock);
  sections.set('cellLastBlock', g.cellLastBlock);
  sections.set('blockStart', g.blockStart);
  sections.set('superFirstBlock', g.superFirstBlock);
  sections.set('superOf', g.superOf);
  sections.set('supers.start', g.supers.start);
  for (const name of Object.keys(AGGREGATE_SECTIONS)) {
    sections.set(`blocks.${name}`, g.blocks[name as keyof typeof AGGREGATE_SECTIONS]);
    sections.set(`supers.${name}`, g.supers[name as keyof typeof AGGREGATE_SECTIONS]);
  }
  for (const name of Object.keys(RUN_SECTIONS)) sections.set(`runs.${name}`, g.runs[name as keyof typeof RUN_SECTIONS]);
  sections.set('idTable', idTable);
  const { start, bytes } = recordBytesOf(part);
  sections.set('recordStart', start);
  sections.set('recordBytes', bytes);
  if (part.dead !== undefined) sections.set(DEAD_SECTION, part.dead);
  if (search !== undefined) {
    sections.set('search.words', utf8(search.words.join('\n')));
    sections.set('search.postStart', search.postStart);
    sections.set('search.postDocs', search.postDocs);
    sections.set('search.postFields', search.postFields);
    sections.set('search.tagStart', search.tagStart);
    sections.set('search.tagDocs', search.tagDocs);
    sections.set('search.pairKeys', search.pairs.keys);
    sections.set('search.pairStart', search.pairs.start);
    sections.set('search.pairWords', search.pairs.words);
  }
  return sections;
}

const align8 = (x: number) => Math.ceil(x / 8) * 8;

/**
 * The snapshot of a matcher's contents.
 * @throws {ActivityMatchError} `INVALID_SNAPSHOT` when the snapshot would not fit in 4 GiB.
 */
export function encodeSnapshot(contents: SnapshotContents): Uint8Array {
  const searches = contents.parts.map((part) => (contents.search ? wordIndexOf(part.cat) : builtWordIndex(part.cat)));
  const partSections = contents.parts.map((part, k) => sectionsOf(part, searches[k]));
  // Lay the sections out after the manifest, whose length depends on their offsets: offsets are
  // first given relative to the end of the manifest, then shifted once its length is known.
  const tables = partSections.map((sections) => {
    const table: Record<string, [number, number, SectionType]> = {};
    return { sections, table };
  });
  let relative = 0;
  for (const { sections, table } of tables) {
    for (const [name, view] of sections) {
      table[name] = [relative, view.byteLength, typeOf(view)];
      relative = align8(relative + view.byteLength);
    }
  }
  const manifestFor = (shift: number) =>
    utf8(
      JSON.stringify({
        rules: contents.rules,
        rejected: contents.rejected,
        parts: contents.parts.map((part, k) => {
          const { columns: c, grid: g } = part.cat;
          const table = (tables[k] as (typeof tables)[number]).table;
          return {
            n: c.n,
            tagNames: c.tagNames,
            zones: c.zones,
            peopleKeys: c.peopleKeys,
            peopleSets: c.peopleSets.map((set) => ({ languages: set.languages, audience: set.audience ?? null })),
            areaKeys: c.areaKeys,
            namedAreas: [...c.namedAreas].map(([row, area]) => [row, area.names, area.districts]),
            cells: g.cells.map((cells) => [...cells]),
            maxAreaKm: g.maxAreaKm,
            searchTags: searches[k]?.tags ?? null,
            sections: Object.fromEntries(Object.entries(table).map(([name, [offset, length, type]]) => [name, [offset + shift, length, type]])),
          };
        }),
      }),
    );
  // The offsets' digits can lengthen the manifest, which moves the offsets: settle it in a few rounds.
  let shift = align8(HEADER_BYTES + manifestFor(0).length);
  let manifest = manifestFor(shift);
  while (align8(HEADER_BYTES + manifest.length) !== shift) {
    shift = align8(HEADER_BYTES + manifest.length);
    manifest = manifestFor(shift);
  }
  const total = shift + relative;
  if (total > MAX_SNAPSHOT_BYTES) throw new ActivityMatchError('INVALID_SNAPSHOT', [{ path: 'snapshot', message: 'expected a catalogue whose snapshot fits in 4 GiB' }]);
  const out = new Uint8Array(total);
  out.set(MAGIC, 0);
  const header = new DataView(out.buffer);
  header.setUint32(8, SNAPSHOT_VERSION, true);
  header.setUint32(12, manifest.length, true);
  header.setFloat64(16, total, true);
  out.set(manifest, HEADER_BYTES);
  for (const { sections, table } of tables) {
    for (const [name, view] of sections) out.set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength), (table[name] as [number, number, SectionType])[0] + shift);
  }
  header.setUint32(24, xxh32(out.subarray(HEADER_BYTES)), true);
  return out;
}
