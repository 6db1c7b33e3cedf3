/**
 * Reading a snapshot (the format is in `format.ts`). Every check that can fail is made before
 * anything is built, and every failure is `INVALID_SNAPSHOT` naming what was wrong; the
 * typed arrays are views of the given bytes, not copies (a matcher reads them in place, which is
 * what lets worker threads share one copy; see `src/pool/`).
 *
 * The checksum tells corruption (a truncated download, a flipped bit) from a snapshot; the
 * structural checks after it make sure that no index of a section points outside what it
 * indexes, so even a snapshot written by something else cannot make a query read out of bounds.
 * They do not re-validate the activity records, which the checksum covers: a snapshot is
 * trusted as much as the program that wrote it.
 *
 * @module
 */
import { z } from 'zod';
import { catalogueOf } from '../catalogue/compile.js';
import type { CompiledCatalogue } from '../catalogue/compile.js';
import type { Columns, NamedArea } from '../catalogue/columns.js';
import type { Grid, RangeAggregates, RunMasks } from '../catalogue/grid.js';
import { RUNS_PER_BLOCK } from '../catalogue/grid.js';
import type { RejectedRecord } from '../catalogue/load.js';
import { MAX_ACTIVITIES, MAX_PEOPLE_SETS, MAX_ZONES } from '../catalogue/row-writer.js';
import { ActivityMatchError } from '../errors.js';
import { MatchingRulesSchema } from '../schema/rules.js';
import type { MatchingRules } from '../schema/rules.js';
import { AGGREGATE_SECTIONS, COLUMN_SECTIONS, DEAD_SECTION, HEADER_BYTES, MAGIC, partSections, RUN_SECTIONS, SEARCH_SECTIONS, SNAPSHOT_VERSION, TYPES } from './format.js';
import { setWordIndex } from '../catalogue/part-search.js';
import type { WordIndex } from '../catalogue/word-index.js';
import type { SectionLength, SectionType } from './format.js';
import { snapshotRecords } from './records.js';
import { allWithin, risesTo, strictlyOrdered } from './checks.js';
import { xxh32 } from './xxh32.js';

/** What a snapshot decodes to. */
export interface DecodedSnapshot {
  readonly parts: readonly { readonly cat: CompiledCatalogue; readonly dead: Uint8Array | undefined }[];
  readonly rules: MatchingRules;
  readonly rejected: readonly RejectedRecord[];
}

function invalid(message: string, path = 'snapshot'): ActivityMatchError {
  return new ActivityMatchError('INVALID_SNAPSHOT', [{ path, message }]);
}

const count = z.number().int().min(0);
const SectionSchema = z.tuple([count, count, z.enum(Object.keys(TYPES) as [SectionType, ...SectionType[]])]);
const PartSchema = z.strictObject({
  n: count.max(MAX_ACTIVITIES),
  tagNames: z.array(z.string()),
  zones: z.array(z.string()).max(MAX_ZONES),
  peopleKeys: z.array(z.string()).max(MAX_PEOPLE_SETS),
  peopleSets: z.array(z.strictObject({ languages: z.array(z.string()), audience: z.strictObject({ conditions: count, needs: count, groups: count }).nullable() })).max(MAX_PEOPLE_SETS),
  areaKeys: z.array(z.string()),
  namedAreas: z.array(z.tuple([count, z.array(count), z.array(count)])),
  cells: z.array(z.array(z.tuple([z.number(), count]))).length(3),
  maxAreaKm: z.number().min(0),
  searchTags: z.array(z.string()).nullable(),
  sections: z.record(z.string(), SectionSchema),
});
const ManifestSchema = z.strictObject({
  rules: z.unknown(),
  rejected: z.array(z.strictObject({ index: count, id: z.string().optional(), issues: z.array(z.strictObject({ path: z.string(), message: z.string() })) })),
  parts: z.array(PartSchema).min(1).max(64),
});
type PartManifest = z.infer<typeof PartSchema>;

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Reads a snapshot's header and manifest, checks its length and checksum, and builds the parts
 * over views of `bytes` (copied once only when they are not aligned to 8 bytes).
 * @throws {ActivityMatchError} `INVALID_SNAPSHOT`.
 */
export function decodeSnapshot(input: unknown): DecodedSnapshot {
  if (!(input instanceof Uint8Array)) throw invalid('expected the bytes of a snapshot (a Uint8Array from matcher.toSnapshot())');
  if (!LITTLE_ENDIAN) throw invalid('expected a little-endian machine (snapshots are little-endian)');
  if (input.length < HEADER_BYTES) throw invalid('expected at least the 32-byte header of a snapshot');
  for (let i = 0; i < MAGIC.length; i++) if (input[i] !== MAGIC[i]) throw invalid('expected an activity-match snapshot (the first bytes are not AMSNAP)');
  const header = new DataView(input.buffer, input.byteOffset, HEADER_BYTES);
  const version = header.getUint32(8, true);
  if (version !== SNAPSHOT_VERSION) throw invalid(`expected snapshot format version ${SNAPSHOT_VERSION} (this one is another version: write it again with this library)`, 'snapshot.version');
  if (header.getUint32(28, true) !== 0) throw invalid('expected the reserved header bytes to be 0', 'snapshot.header');
  const manifestLength = header.getUint32(12, true);
  const total = header.getFloat64(16, true);
  if (total !== input.length) throw invalid('expected as many bytes as the header declares (the snapshot is truncated or has bytes added)', 'snapshot.length');
  if (HEADER_BYTES + manifestLength > input.length) throw invalid('expected the manifest within the snapshot', 'snapshot.manifest');
  if (header.getUint32(24, true) !== xxh32(input.subarray(HEADER_BYTES))) throw invalid('expected the checksum to match (the snapshot is corrupted)', 'snapshot.checksum');
  // Aligned views need an aligned start; a snapshot read into the middle of a buffer is copied once.
  const bytes = input.byteOffset % 8 === 0 ? input : input.slice();
  let manifestJson: unknown;
  try {
    manifestJson = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.buffer instanceof ArrayBuffer ? bytes.subarray(HEADER_BYTES, HEADER_BYTES + manifestLength) : bytes.slice(HEADER_BYTES, HEADER_BYTES + manifestLength)));
  } catch {
    throw invalid('expected the manifest to be JSON', 'snapshot.manifest');
  }
  const manifest = ManifestSchema.safeParse(manifestJson);
  if (!manifest.success) throw invalid('expected the manifest of a snapshot of this version', 'snapshot.manifest');
  const rules = MatchingRulesSchema.safeParse(manifest.data.rules);
  if (!rules.success) throw invalid('expected matching rules in the manifest', 'snapshot.manifest.rules');
  const dataStart = HEADER_BYTES + manifestLength;
  const parts = manifest.data.parts.map((part, k) => decodePart(bytes, dataStart, part, `snapshot.parts[${k}]`));
  // Every part after the first extends the dictionaries of the one before it (see src/catalogue/parts.ts).
  for (let k = 1; k < parts.length; k++) {
    const before = (parts[k - 1] as { cat: CompiledCatalogue }).cat.columns;
    const after = (parts[k] as { cat: CompiledCatalogue }).cat.columns;
    if (!extendsList(before.tagNames, after.tagNames) || !extendsList(before.zones, after.zones) || !extendsList(before.peopleKeys, after.peopleKeys) || !extendsList(before.areaKeys, after.areaKeys)) {
      throw invalid('expected each part to extend the dictionaries of the part before it', `snapshot.parts[${k}]`);
    }
  }
  const rejected = manifest.data.rejected.map((r) => (r.id === undefined ? { index: r.index, id: undefined, issues: r.issues } : { index: r.index, id: r.id, issues: r.issues }));
  return { parts, rules: rules.data, rejected };
}

function extendsList(before: readonly string[], after: readonly string[]): boolean {
  return before.length <= after.length && before.every((x, i) => after[i] === x);
}

function decodePart(bytes: Uint8Array, dataStart: number, part: PartManifest, path: string): { cat: CompiledCatalogue; dead: Uint8Array | undefined } {
  const n = part.n;
  const expected = partSections();
  const names = Object.keys(part.sections);
  for (const name of names) if (!(name in expected) && name !== DEAD_SECTION && !(name in SEARCH_SECTIONS)) throw invalid('expected only the sections of this format version', `${path}.sections`);
  const blocks = lengthOf(part, 'blockStart', path) - 1;
  const supers = lengthOf(part, 'superFirstBlock', path) - 1;
  const cells = lengthOf(part, 'cellFirstBlock', path);
  if (blocks < 0 || supers < 0) throw invalid('expected block and super-block starts', `${path}.sections`);
  const lengths: Record<SectionLength, number> = { n, 'n+1': n + 1, blocks, 'blocks+1': blocks + 1, runs: blocks * RUNS_PER_BLOCK, supers, 'supers+1': supers + 1, cells, free: -1 };
  const views = new Map<string, ArrayBufferView>();
  const view = (name: string, type: SectionType, length: number) => {
    const entry = part.sections[name];
    if (entry === undefined) throw invalid(`expected a section ${name}`, `${path}.sections`);
    const [offset, byteLength, actual] = entry;
    const allowed = name === 'tagIds' ? actual === 'u16' || actual === 'u32' : actual === type;
    if (!allowed) throw invalid(`expected section ${name} to hold ${type}`, `${path}.sections`);
    const Type = TYPES[actual];
    if (offset < dataStart || offset % 8 !== 0 || offset + byteLength > bytes.length || byteLength % Type.BYTES_PER_ELEMENT !== 0) throw invalid(`expected section ${name} within the snapshot, at a multiple of 8 bytes`, `${path}.sections`);
    const elements = byteLength / Type.BYTES_PER_ELEMENT;
    if (length >= 0 && elements !== length) throw invalid(`expected section ${name} to have ${length} entries`, `${path}.sections`);
    const v = new Type(bytes.buffer as ArrayBuffer, bytes.byteOffset + offset, elements);
    views.set(name, v);
    return v;
  };
  for (const [name, [type, length]] of Object.entries(expected)) view(name, type, lengths[length]);
  const dead = part.sections[DEAD_SECTION] === undefined ? undefined : (view(DEAD_SECTION, 'u8', n) as Uint8Array);
  const get = <T>(name: string) => views.get(name) as T;
  checkIndexes(part, get, n, blocks, supers, path);
  if (dead !== undefined) for (let p = 0; p < n; p++) if ((dead[p] as number) > 1) throw invalid('expected dead marks of 0 or 1', `${path}.sections`);

  const tagIndex = new Map(part.tagNames.map((tag, i) => [tag, i]));
  const areaIndex = new Map(part.areaKeys.map((key, i) => [key, i]));
  const namedAreas = new Map<number, NamedArea>();
  for (const [row, names, districts] of part.namedAreas) {
    if (row >= n || names.some((id) => id >= part.areaKeys.length) || districts.some((id) => id >= part.areaKeys.length)) throw invalid('expected named areas of rows and area keys of the part', `${path}.namedAreas`);
    namedAreas.set(row, { names, districts });
  }
  const records = snapshotRecords(get<Uint8Array>('recordBytes'), get<Uint32Array>('recordStart'));
  const columnArrays = Object.fromEntries(Object.keys(COLUMN_SECTIONS).map((name) => [name, views.get(name)]));
  const activityIndex = get<Uint32Array>('activityIndex');
  const columns = {
    ...columnArrays,
    n,
    idAt: (p: number) => records.idAt(activityIndex[p] as number),
    peopleSets: part.peopleSets.map((set) => ({ languages: set.languages, audience: set.audience ?? undefined })),
    peopleKeys: part.peopleKeys,
    zones: part.zones,
    namedAreas,
    areaIndex,
    areaKeys: part.areaKeys,
    tagNames: part.tagNames,
    tagIndex,
  } as unknown as Columns;
  const aggregates = (prefix: string, start: Uint32Array): RangeAggregates =>
    ({ maxAreaKm: part.maxAreaKm, start, ...Object.fromEntries(Object.keys(AGGREGATE_SECTIONS).map((name) => [name, views.get(`${prefix}.${name}`)])) }) as unknown as RangeAggregates;
  const blockStart = get<Uint32Array>('blockStart');
  const grid: Grid = {
    cells: part.cells.map((entries) => new Map(entries)),
    cellFirstBlock: get('cellFirstBlock'),
    cellLastBlock: get('cellLastBlock'),
    maxAreaKm: part.maxAreaKm,
    blockStart,
    blocks: aggregates('blocks', blockStart),
    runs: Object.fromEntries(Object.keys(RUN_SECTIONS).map((name) => [name, views.get(`runs.${name}`)])) as unknown as RunMasks,
    supers: aggregates('supers', get('supers.start')),
    superFirstBlock: get('superFirstBlock'),
    superOf: get('superOf'),
  };
  const cat = catalogueOf(records, columns, grid, get<Int32Array>('idTable'));
  const search = decodeSearch(part, view, n, path);
  if (search !== undefined) setWordIndex(cat, search);
  return { cat, dead };
}

/** A part's search index, when the snapshot holds one: all its sections and its tags, or none of them. */
function decodeSearch(part: PartManifest, view: (name: string, type: SectionType, length: number) => ArrayBufferView, n: number, path: string): WordIndex | undefined {
  const present = Object.keys(SEARCH_SECTIONS).filter((name) => part.sections[name] !== undefined);
  if (present.length === 0 && part.searchTags === null) return undefined;
  const fail = (what: string) => invalid(`expected ${what}`, `${path}.sections`);
  if (present.length !== Object.keys(SEARCH_SECTIONS).length || part.searchTags === null) throw fail('all of the search sections and tags, or none');
  const wordBytes = view('search.words', 'u8', -1) as Uint8Array;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(wordBytes.buffer instanceof ArrayBuffer ? wordBytes : wordBytes.slice());
  } catch {
    throw fail('the search words as UTF-8');
  }
  const words = text === '' ? [] : text.split('\n');
  const tags = part.searchTags;
  const postStart = view('search.postStart', 'u32', words.length + 1) as Uint32Array;
  const postDocs = view('search.postDocs', 'u32', -1) as Uint32Array;
  const postFields = view('search.postFields', 'u8', postDocs.length) as Uint8Array;
  const tagStart = view('search.tagStart', 'u32', tags.length + 1) as Uint32Array;
  const tagDocs = view('search.tagDocs', 'u32', -1) as Uint32Array;
  const pairKeys = view('search.pairKeys', 'u32', -1) as Uint32Array;
  const pairStart = view('search.pairStart', 'u32', pairKeys.length + 1) as Uint32Array;
  const pairWords = view('search.pairWords', 'u32', -1) as Uint32Array;
  if (!strictlyOrdered(words) || !strictlyOrdered(tags)) throw fail('the search words and tags in order, each once');
  if (!risesTo(postStart, postDocs.length) || !risesTo(tagStart, tagDocs.length) || !risesTo(pairStart, pairWords.length)) throw fail('search offsets that rise to the end of their lists');
  for (let i = 1; i < pairKeys.length; i++) if ((pairKeys[i] as number) <= (pairKeys[i - 1] as number)) throw fail('letter pairs in order, of the search words');
  if (!allWithin(pairWords, 0, words.length)) throw fail('letter pairs in order, of the search words');
  if (!allWithin(postDocs, 0, n) || !allWithin(tagDocs, 0, n) || !allWithin(postFields, 0, 4)) throw fail('search postings of positions and field codes of the part');
  return { words, postStart, postDocs, postFields, tags, tagStart, tagDocs, pairs: { keys: pairKeys, start: pairStart, words: pairWords } };
}

function lengthOf(part: PartManifest, name: string, path: string): number {
  const entry = part.sections[name];
  if (entry === undefined) throw invalid(`expected a section ${name}`, `${path}.sections`);
  return Math.floor(entry[1] / 4);
}

/** Every index in the sections points inside what it indexes, and every run of offsets rises. */
function checkIndexes(part: PartManifest, get: <T>(name: string) => T, n: number, blocks: number, supers: number, path: string): void {
  const fail = (what: string) => invalid(`expected ${what}`, `${path}.sections`);
  const below = (name: string, limit: number) => {
    if (!allWithin(get<Uint32Array>(name), 0, limit)) throw fail(`${name} entries below ${limit}`);
  };
  const rising = (name: string, last: number) => {
    if (!risesTo(get<Uint32Array>(name), last)) throw fail(`${name} to rise from 0 to ${last}`);
  };
  // activityIndex is a permutation of the rows.
  const seen = new Uint8Array(n);
  const activityIndex = get<Uint32Array>('activityIndex');
  for (let p = 0; p < n; p++) {
    const row = activityIndex[p] as number;
    if (row >= n || seen[row] === 1) throw fail('activityIndex to be a permutation of the rows');
    seen[row] = 1;
  }
  rising('tagStart', get<Uint32Array>('tagIds').length);
  rising('windowStart', get<Uint32Array>('windows').length);
  rising('recordStart', get<Uint8Array>('recordBytes').length);
  rising('blockStart', n);
  rising('superFirstBlock', blocks);
  rising('supers.start', n);
  below('tagIds', part.tagNames.length);
  below('peopleSet', part.peopleSets.length);
  below('zone', part.zones.length);
  below('cellFirstBlock', blocks);
  below('cellLastBlock', blocks);
  below('superOf', supers);
  for (const cells of part.cells) for (const [, dense] of cells) if (dense >= get<Uint32Array>('cellFirstBlock').length) throw fail('cells of the cell directory');
  const table = get<Int32Array>('idTable');
  if (table.length < 16 || (table.length & (table.length - 1)) !== 0 || table.length < 2 * n) throw fail('an id table of a power of two entries, at least twice the activities');
  if (!allWithin(table, -1, n)) throw fail('id table entries of positions');
  if (part.peopleKeys.length !== part.peopleSets.length) throw fail('a key for each people set');
}
