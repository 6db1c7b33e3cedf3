// Issue #20: a snapshot loads into a matcher that answers exactly as the one that wrote it, and
// anything that is not an intact snapshot of this version is refused with INVALID_SNAPSHOT.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import bundled from '../../fixtures/catalogue.json';
import personas from '../../fixtures/personas.json';
import { generateCatalogue } from '../../fixtures/generate/catalogue.js';
import { createMatcher, DEFAULT_RULES, isActivityMatchError, loadMatcher } from '../../src/index.js';
import type { ActivityInput, ClientProfileInput, Matcher } from '../../src/index.js';
import { xxh32 } from '../../src/snapshot/xxh32.js';

const AT = '2026-11-23T09:00:00Z';
const PROFILES = (personas as { profile: ClientProfileInput }[]).map((p) => p.profile);
const BUNDLED = bundled as unknown as ActivityInput[];

/** Everything a caller can read from a matcher, for the clients given. */
function answers(m: Matcher, clients: readonly ClientProfileInput[], ids: readonly string[]) {
  return {
    recommendations: m.recommendMany(clients, { at: AT, limit: 8 }),
    undiversified: clients.slice(0, 3).map((c) => m.recommend(c, { at: AT, limit: 5, rules: { ...DEFAULT_RULES, diversity: { ...DEFAULT_RULES.diversity, enabled: false } } })),
    explanations: ids.map((id) => m.explain(clients[0] as ClientProfileInput, id, { at: AT })),
    got: ids.map((id) => m.get(id)),
    missing: m.get('no-such-activity'),
    activities: m.activities,
    rejected: m.rejected,
    rules: m.rules,
    stats: m.stats,
  };
}

function expectInvalid(bytes: unknown): void {
  let error: unknown;
  try {
    loadMatcher(bytes as Uint8Array);
  } catch (e) {
    error = e;
  }
  expect(isActivityMatchError(error) && error.code === 'INVALID_SNAPSHOT', `refused with INVALID_SNAPSHOT (got ${String(error)})`).toBe(true);
}

/** The header's manifest length and the manifest itself. */
function manifestOf(bytes: Uint8Array): { length: number; json: Record<string, unknown> } {
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(12, true);
  return { length, json: JSON.parse(new TextDecoder().decode(bytes.subarray(32, 32 + length))) as Record<string, unknown> };
}

const SHIFT = 4096;

/**
 * A copy of a snapshot with its manifest edited and the checksum written again: a well-formed
 * but edited snapshot. The sections move 4 KiB further on (their offsets with them), leaving
 * the edited manifest room to grow.
 */
function withManifest(bytes: Uint8Array, edit: (manifest: Record<string, any>) => void): Uint8Array {
  const { length, json } = manifestOf(bytes);
  const dataStart = Math.ceil((32 + length) / 8) * 8;
  for (const part of json.parts as { sections: Record<string, [number, number, string]> }[]) for (const entry of Object.values(part.sections)) entry[0] += SHIFT;
  edit(json);
  const text = new TextEncoder().encode(JSON.stringify(json));
  if (32 + text.length > dataStart + SHIFT) throw new Error('the edited manifest must fit');
  const out = new Uint8Array(bytes.length + SHIFT);
  out.set(bytes.subarray(0, 32));
  out.set(text, 32);
  out.set(bytes.subarray(dataStart), dataStart + SHIFT);
  const header = new DataView(out.buffer);
  header.setUint32(12, text.length, true);
  header.setFloat64(16, out.length, true);
  return resealed(out);
}

/** The checksum written again, so only the structural checks can refuse the snapshot. */
function resealed(bytes: Uint8Array): Uint8Array {
  new DataView(bytes.buffer, bytes.byteOffset).setUint32(24, xxh32(bytes.subarray(32)), true);
  return bytes;
}

describe('loadMatcher(matcher.toSnapshot())', () => {
  it('answers exactly as the matcher that wrote the snapshot, for random catalogues, clients and rules', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 0, max: 250 }),
        fc.constantFrom('national', 'city'),
        fc.boolean(),
        fc.array(fc.integer({ min: 0, max: PROFILES.length - 1 }), { minLength: 1, maxLength: 6 }),
        (seed, count, spread, lenient, picks) => {
          const records: unknown[] = [...generateCatalogue({ seed, count, spread: spread as 'national' | 'city' }), ...BUNDLED.slice(seed % 7)];
          // Lenient catalogues carry rejected records into the snapshot.
          if (lenient) records.push({ id: 'broken', name: '' }, null);
          const original = createMatcher(records, { lenient: true, rules: { ...DEFAULT_RULES, relevance: { ...DEFAULT_RULES.relevance, minimum: (seed % 5) / 10 } } });
          const loaded = loadMatcher(original.toSnapshot());
          const clients = picks.map((i) => PROFILES[i] as ClientProfileInput);
          const ids = original.activities.filter((_, i) => i % 37 === 0).map((a) => a.id);
          expect(answers(loaded, clients, ids)).toEqual(answers(original, clients, ids));
        },
      ),
      { numRuns: 12, seed: 20 },
    );
  });

  it('gives the same bytes when a loaded matcher writes its snapshot again', () => {
    const bytes = createMatcher(BUNDLED).toSnapshot();
    expect(loadMatcher(bytes).toSnapshot()).toEqual(bytes);
  });

  it('reads a snapshot that starts at an odd offset of its buffer, and one in shared memory', () => {
    const m = createMatcher(BUNDLED);
    const bytes = m.toSnapshot();
    const odd = new Uint8Array(bytes.length + 3).subarray(3);
    odd.set(bytes);
    const shared = new Uint8Array(new SharedArrayBuffer(bytes.length));
    shared.set(bytes);
    const clients = PROFILES.slice(0, 5);
    for (const copy of [odd, shared]) expect(answers(loadMatcher(copy), clients, ['healthy-lungs-course'])).toEqual(answers(m, clients, ['healthy-lungs-course']));
  });

  it('returns each decoded activity as one deeply frozen object, the same on every read', () => {
    const loaded = loadMatcher(createMatcher(generateCatalogue({ seed: 3, count: 2000, spread: 'national' })).toSnapshot());
    const shortlist = loaded.recommend({ ...(PROFILES[0] as ClientProfileInput), home: { lat: 53.38, lon: -1.47 } }, { at: AT, limit: 5 });
    expect(shortlist.length).toBeGreaterThan(0);
    // The same object on every read: decoded once and kept, deeply frozen like a compiled matcher's.
    const first = shortlist[0]?.activity;
    expect(loaded.get(first?.id as string)).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first?.location)).toBe(true);
  });
});

describe('INVALID_SNAPSHOT', () => {
  const small = createMatcher(BUNDLED.slice(0, 4)).toSnapshot();

  it('for a snapshot cut short at every byte', () => {
    for (let end = 0; end < small.length; end++) expectInvalid(small.subarray(0, end));
  });

  it('for a snapshot with bytes added', () => {
    const longer = new Uint8Array(small.length + 8);
    longer.set(small);
    expectInvalid(longer);
  });

  it('for any single bit flipped, in the header, the manifest or the sections', () => {
    const rng = fc.sample(fc.integer({ min: 0, max: small.length * 8 - 1 }), { numRuns: 1500, seed: 5 });
    for (const bit of [...Array.from({ length: 32 * 8 }, (_, i) => i), ...rng]) {
      const flipped = small.slice();
      flipped[bit >> 3] = (flipped[bit >> 3] as number) ^ (1 << (bit & 7));
      expectInvalid(flipped);
    }
  });

  it('for another format version, even with a checksum that matches', () => {
    const other = small.slice();
    new DataView(other.buffer).setUint32(8, 2, true);
    expectInvalid(other);
    expectInvalid(resealed(other));
  });

  it('for declared lengths far beyond the bytes, without allocating them', () => {
    const before = process.memoryUsage().arrayBuffers;
    const total = small.slice();
    new DataView(total.buffer).setFloat64(16, 2 ** 40, true);
    expectInvalid(resealed(total));
    const manifest = small.slice();
    new DataView(manifest.buffer).setUint32(12, 0xffffffff, true);
    expectInvalid(resealed(manifest));
    // A section declared as a gigabyte, or at an offset past the end, in an otherwise intact snapshot.
    expectInvalid(withManifest(small, (m) => ((m.parts[0].sections.recordBytes as number[])[1] = 2 ** 30)));
    expectInvalid(withManifest(small, (m) => ((m.parts[0].sections.lat as number[])[0] = 2 ** 40)));
    expectInvalid(withManifest(small, (m) => (m.parts[0].n = 2 ** 24)));
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 2 ** 20);
  });

  it('accepts an edited snapshot that is still intact (so the refusals below are of the edits)', () => {
    const edited = withManifest(small, () => {});
    expect(loadMatcher(edited).activities).toEqual(createMatcher(BUNDLED.slice(0, 4)).activities);
  });

  it('for intact snapshots whose indexes point outside what they index', () => {
    const part = (edit: (p: Record<string, any>) => void) => withManifest(small, (m) => edit(m.parts[0]));
    expectInvalid(part((p) => (p.tagNames = [])));
    expectInvalid(part((p) => (p.zones = [])));
    expectInvalid(part((p) => (p.peopleSets = p.peopleSets.slice(1))));
    expectInvalid(part((p) => delete p.sections.windows));
    expectInvalid(part((p) => (p.sections.lat[2] = 'f32')));
    expectInvalid(part((p) => (p.sections.lat[0] += 4)));
    expectInvalid(part((p) => (p.sections.extra = [p.sections.lat[0], 8, 'u8'])));
    expectInvalid(withManifest(small, (m) => (m.rules = { weights: 'heavy' })));
    expectInvalid(withManifest(small, (m) => (m.parts = [])));
    // A section's values: a row index out of range, written into the bytes themselves.
    const { json } = manifestOf(small);
    const [offset] = (json.parts as { sections: Record<string, [number, number, string]> }[])[0]!.sections.activityIndex!;
    const bad = small.slice();
    new DataView(bad.buffer).setUint32(offset, 99, true);
    expectInvalid(resealed(bad));
    const [tagOffset, tagBytes] = (json.parts as { sections: Record<string, [number, number, string]> }[])[0]!.sections.tagStart!;
    const tags = small.slice();
    new DataView(tags.buffer).setUint32(tagOffset + tagBytes - 4, 1e6, true);
    expectInvalid(resealed(tags));
  });

  it('for a search index that is partly there or points outside the part', () => {
    const withSearch = createMatcher(BUNDLED.slice(0, 4)).toSnapshot({ search: true });
    expect(loadMatcher(withManifest(withSearch, () => {})).search('walk')).toEqual(createMatcher(BUNDLED.slice(0, 4)).search('walk'));
    const part = (edit: (p: Record<string, any>) => void) => withManifest(withSearch, (m) => edit(m.parts[0]));
    expectInvalid(part((p) => (p.searchTags = null)));
    expectInvalid(part((p) => delete p.sections['search.pairWords']));
    expectInvalid(part((p) => (p.searchTags = [...p.searchTags].reverse())));
    expectInvalid(part((p) => (p.sections['search.postDocs'] = p.sections.lat)));
  });

  it('for anything that is not a snapshot', () => {
    for (const value of [undefined, null, 'AMSNAP', 42, {}, [1, 2, 3], new Uint8Array(), new Uint8Array(31), new TextEncoder().encode(JSON.stringify(BUNDLED)), new Uint8Array(4096).fill(0x41), small.buffer]) expectInvalid(value);
  });

  it('names the field and never quotes the bytes', () => {
    const flipped = small.slice();
    flipped[small.length - 1] = (flipped[small.length - 1] as number) ^ 1;
    try {
      loadMatcher(flipped);
      expect.unreachable();
    } catch (error) {
      expect(isActivityMatchError(error) && error.issues).toEqual([{ path: 'snapshot.checksum', message: 'expected the checksum to match (the snapshot is corrupted)' }]);
    }
  });
});
