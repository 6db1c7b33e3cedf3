/**
 * The snapshot format (issue #20), version 1: a matcher's compiled index as bytes, written by
 * `matcher.toSnapshot()` and read by `loadMatcher`. Little-endian throughout.
 *
 * | bytes | what |
 * |---|---|
 * | 0–7 | magic: `AMSNAP` then CR LF (`41 4D 53 4E 41 50 0D 0A`; a text-mode copy that rewrites line ends breaks it) |
 * | 8–11 | format version (uint32), {@link SNAPSHOT_VERSION} |
 * | 12–15 | manifest length in bytes (uint32), `M` |
 * | 16–23 | total length in bytes (float64, a whole number) |
 * | 24–27 | checksum (uint32): XXH32 with seed 0 of bytes 32 to the end |
 * | 28–31 | reserved, 0 |
 * | 32 to 32 + M | the manifest: UTF-8 JSON, described by `ManifestSchema` (`decode.ts`) |
 * | then | sections: typed arrays, each at a multiple of 8 bytes, padded with zeros |
 *
 * The manifest holds what is small and irregular: the default rules, the rejected records,
 * and for each part of the catalogue (see `src/catalogue/parts.ts`) its size, dictionaries,
 * named areas, cell directory, and a table of its sections (`name: [offset, byteLength, type]`).
 * A part's sections are the columns ({@link COLUMN_SECTIONS}), the grid
 * ({@link GRID_SECTIONS}: block and super-block aggregates prefixed `blocks.` and `supers.`,
 * run masks `runs.`), the id table, the dead marks when it has any, and the activity records:
 * each record the JSON of the validated activity with `id` as its first key, `recordBytes`
 * holding them end to end and `recordStart` their offsets (n + 1); and, when the search index
 * had been built, its sections ({@link SEARCH_SECTIONS}).
 *
 * A reader refuses (`INVALID_SNAPSHOT`) anything else: another magic or version, a length that
 * is not the buffer's, a checksum that does not match, a manifest that does not parse, a section
 * out of bounds, misaligned, of the wrong type or length, or an index that points outside what
 * it indexes. Declared lengths are checked against the buffer before anything is allocated.
 *
 * @module
 */

/** The 8 bytes every snapshot starts with. */
export const MAGIC = Uint8Array.of(0x41, 0x4d, 0x53, 0x4e, 0x41, 0x50, 0x0d, 0x0a);
/** The format version this library writes and reads. */
export const SNAPSHOT_VERSION = 1;
/** Bytes before the manifest. */
export const HEADER_BYTES = 32;

/** The element types of sections. */
export const TYPES = {
  u8: Uint8Array,
  u16: Uint16Array,
  u32: Uint32Array,
  i32: Int32Array,
  f32: Float32Array,
  f64: Float64Array,
} as const;
export type SectionType = keyof typeof TYPES;

/** What a section's length is counted in: activities (n), activities + 1, blocks, runs, super-blocks (+ 1), cells, or free. */
export type SectionLength = 'n' | 'n+1' | 'blocks' | 'blocks+1' | 'runs' | 'supers' | 'supers+1' | 'cells' | 'free';

/** The column sections of a part, with their types and lengths. `tagIds` may also be u32 (more than 65,536 tags). */
export const COLUMN_SECTIONS = {
  activityIndex: ['u32', 'n'],
  lat: ['f64', 'n'],
  lon: ['f64', 'n'],
  areaKm: ['f32', 'n'],
  kind: ['u8', 'n'],
  flags: ['u8', 'n'],
  intensity: ['u8', 'n'],
  group: ['u8', 'n'],
  category: ['u8', 'n'],
  cost: ['u8', 'n'],
  access: ['u8', 'n'],
  minAge: ['u8', 'n'],
  maxAge: ['u8', 'n'],
  genders: ['u8', 'n'],
  peopleSet: ['u16', 'n'],
  designedFor: ['u32', 'n'],
  unsuitableFor: ['u32', 'n'],
  needs: ['u16', 'n'],
  verifiedDay: ['f32', 'n'],
  lastSessionDay: ['f32', 'n'],
  lastJoinDay: ['f32', 'n'],
  expiryDay: ['f32', 'n'],
  waitWeeks: ['f32', 'n'],
  zone: ['u8', 'n'],
  tagStart: ['u32', 'n+1'],
  tagIds: ['u16', 'free'],
  windowStart: ['u32', 'n+1'],
  windows: ['u32', 'free'],
} as const satisfies Record<string, readonly [SectionType, SectionLength]>;

/** The aggregate arrays of blocks and of super-blocks (`RangeAggregates` without `start` and `maxAreaKm`). */
export const AGGREGATE_SECTIONS = {
  minLat: 'f64',
  maxLat: 'f64',
  minLon: 'f64',
  maxLon: 'f64',
  designedOr: 'u32',
  needsOr: 'u16',
  categoryMask: 'u16',
  costMask: 'u8',
  blockFlags: 'u8',
  minDemand: 'f64',
  maxDemand: 'f64',
  tagBloom: 'u32',
  maxVerified: 'f64',
  minWait: 'f64',
  nameBloom: 'u32',
  districtBloom: 'u32',
} as const satisfies Record<string, SectionType>;

/** The run masks of every block. */
export const RUN_SECTIONS = {
  designedOr: 'u32',
  needsOr: 'u16',
  categoryMask: 'u16',
  tagBloom: 'u32',
  flags: 'u8',
} as const satisfies Record<string, SectionType>;

/** The grid's own arrays. */
export const GRID_SECTIONS = {
  cellFirstBlock: ['u32', 'cells'],
  cellLastBlock: ['u32', 'cells'],
  blockStart: ['u32', 'blocks+1'],
  superFirstBlock: ['u32', 'supers+1'],
  superOf: ['u32', 'blocks'],
  'supers.start': ['u32', 'supers+1'],
} as const satisfies Record<string, readonly [SectionType, SectionLength]>;

/** Every section name of a part, with its type and length. */
export function partSections(): Record<string, readonly [SectionType, SectionLength]> {
  const out: Record<string, readonly [SectionType, SectionLength]> = { ...COLUMN_SECTIONS, ...GRID_SECTIONS };
  for (const [name, type] of Object.entries(AGGREGATE_SECTIONS)) {
    out[`blocks.${name}`] = [type, 'blocks'];
    out[`supers.${name}`] = [type, 'supers'];
  }
  for (const [name, type] of Object.entries(RUN_SECTIONS)) out[`runs.${name}`] = [type, 'runs'];
  out.idTable = ['i32', 'free'];
  out.recordStart = ['u32', 'n+1'];
  out.recordBytes = ['u8', 'free'];
  return out;
}

/** The optional section of a part: its dead marks (one byte per position). */
export const DEAD_SECTION = 'dead';

/**
 * The optional sections of a part's search index (`src/catalogue/word-index.ts`), all or none:
 * the distinct words, sorted, as UTF-8 joined by line feeds; their postings (documents are
 * positions) with each one's best field code; the documents of each tag, the tags
 * themselves being listed in the manifest (`searchTags`); and the letter-pair index of the
 * words (pair codes ascending, and the words holding each, in CSR form).
 */
export const SEARCH_SECTIONS = {
  'search.words': 'u8',
  'search.postStart': 'u32',
  'search.postDocs': 'u32',
  'search.postFields': 'u8',
  'search.tagStart': 'u32',
  'search.tagDocs': 'u32',
  'search.pairKeys': 'u32',
  'search.pairStart': 'u32',
  'search.pairWords': 'u32',
} as const satisfies Record<string, SectionType>;
