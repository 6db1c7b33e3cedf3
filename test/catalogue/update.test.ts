// Issue #20: matcher.update({ upsert, remove }) gives a matcher equal to one built from scratch on
// the same final catalogue, leaves the old matcher answering as before, and reports bad changes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import bundled from '../../fixtures/catalogue.json';
import personas from '../../fixtures/personas.json';
import { generateCatalogue } from '../../fixtures/generate/catalogue.js';
import { createMatcher, isActivityMatchError, loadMatcher } from '../../src/index.js';
import type { ActivityInput, ClientProfileInput, Matcher } from '../../src/index.js';

const AT = '2026-11-23T09:00:00Z';
const PROFILES = (personas as { profile: ClientProfileInput }[]).map((p) => p.profile);
const BUNDLED = bundled as unknown as ActivityInput[];
/** Records to upsert: new ones, and (with an existing id) replacements for what is there. */
const POOL = [...generateCatalogue({ seed: 77, count: 400, spread: 'city' }), ...BUNDLED.map((a) => ({ ...a, id: `${a.id}-v2`, name: `${a.name} (new)` }))];

/** What a caller reads from a matcher: shortlists of every persona, and every activity by id. */
function answers(m: Matcher) {
  const ids = [...m.activities.map((a) => a.id)].sort();
  return {
    shortlists: m.recommendMany(PROFILES, { at: AT, limit: 6 }),
    byId: ids.map((id) => m.get(id)),
    size: m.stats.activities,
  };
}

/** An operation: upsert `count` records from the pool (some given the id of a live activity), or remove `count` live activities. */
const opArb = fc.record({ kind: fc.constantFrom('upsert', 'replace', 'remove', 'mixed'), count: fc.integer({ min: 1, max: 60 }), pick: fc.integer({ min: 0, max: 10_000 }) });

function changesFor(m: Matcher, op: { kind: string; count: number; pick: number }) {
  const live = m.activities;
  const take = <T>(list: readonly T[], count: number, from: number): T[] => Array.from({ length: Math.min(count, list.length) }, (_, i) => list[(from + i * 7) % list.length] as T);
  const fresh = take(POOL, op.count, op.pick).filter((a) => m.get(a.id) === undefined);
  const existing = [...new Map(take(live, op.count, op.pick).map((a) => [a.id, a])).values()];
  const replacements = existing.map((a, i) => ({ ...(POOL[(op.pick + i) % POOL.length] as ActivityInput), id: a.id }));
  if (op.kind === 'upsert') return { upsert: fresh };
  if (op.kind === 'replace') return { upsert: replacements };
  if (op.kind === 'remove') return { remove: existing.map((a) => a.id) };
  const half = Math.floor(existing.length / 2);
  return { upsert: [...fresh, ...replacements.slice(0, half)], remove: existing.slice(half).map((a) => a.id) };
}

describe('matcher.update', () => {
  it('always equals a matcher built from scratch on the same final catalogue, over random sequences of changes', () => {
    let changesSeen = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), fc.array(opArb, { minLength: 1, maxLength: 8 }), (seed, ops) => {
        const start = [...generateCatalogue({ seed, count: 300, spread: 'city' }), ...BUNDLED];
        let m = createMatcher(start);
        // The final catalogue as records written by hand: the starting ones, then each change applied.
        const records = new Map(start.map((a) => [a.id, a]));
        for (const op of ops) {
          const changes = changesFor(m, op);
          m = m.update(changes);
          for (const id of changes.remove ?? []) records.delete(id);
          for (const a of changes.upsert ?? []) records.set(a.id, a);
          changesSeen += (changes.remove?.length ?? 0) + (changes.upsert?.length ?? 0);
        }
        expect(new Set(m.activities.map((a) => a.id))).toEqual(new Set(records.keys()));
        const rebuilt = createMatcher([...records.values()]);
        expect(answers(m)).toEqual(answers(rebuilt));
        // And its snapshot answers the same again.
        expect(answers(loadMatcher(m.toSnapshot()))).toEqual(answers(rebuilt));
      }),
      { numRuns: 15, seed: 11 },
    );
    // The sequences really change the catalogue: the property is not true of empty changes only.
    expect(changesSeen).toBeGreaterThan(15 * 20);
  });

  it('stays equal to a rebuild when every activity of an earlier update is removed again', () => {
    const base = createMatcher(BUNDLED);
    const first = POOL.slice(0, 12);
    const second = POOL.slice(12, 14);
    const m = base.update({ upsert: first }).update({ upsert: second }).update({ remove: first.map((a) => a.id) });
    expect(m.stats.activities).toBe(BUNDLED.length + 2);
    expect(answers(m)).toEqual(answers(createMatcher([...BUNDLED, ...second])));
    expect(answers(loadMatcher(m.toSnapshot()))).toEqual(answers(createMatcher([...BUNDLED, ...second])));
  });

  it('leaves the matcher it was called on answering exactly as before', () => {
    const before = createMatcher(BUNDLED);
    const expected = answers(before);
    const after = before.update({ upsert: POOL.slice(0, 30), remove: BUNDLED.slice(0, 10).map((a) => a.id) });
    expect(after.stats.activities).toBe(BUNDLED.length + 30 - 10);
    expect(answers(before)).toEqual(expected);
  });

  it('puts a replaced activity in the place of the one it replaces, and new ones at the end', () => {
    const m = createMatcher(BUNDLED.slice(0, 5));
    const ids = m.activities.map((a) => a.id);
    const updated = m.update({ upsert: [{ ...(POOL[0] as ActivityInput), id: 'brand-new' }, { ...(BUNDLED[2] as ActivityInput), name: 'Renamed' }], remove: [ids[0] as string] });
    expect(updated.activities.map((a) => a.id)).toEqual([...ids.slice(1), 'brand-new']);
    expect(updated.get(ids[2] as string)?.name).toBe('Renamed');
  });

  it('refuses bad changes in strict mode, naming each, and changes nothing', () => {
    const m = createMatcher(BUNDLED);
    const attempt = (changes: unknown, code: string, paths: string[]) => {
      try {
        m.update(changes as never);
        expect.unreachable();
      } catch (error) {
        expect(isActivityMatchError(error) && error.code).toBe(code);
        expect(isActivityMatchError(error) && error.issues.map((i) => i.path)).toEqual(paths);
      }
    };
    attempt({ upsert: [{ id: 'x', name: '' }] }, 'INVALID_CATALOGUE', expect.arrayContaining(['changes.upsert[0].name']) as never);
    attempt({ remove: ['no-such-id'] }, 'UNKNOWN_ACTIVITY', ['changes.remove[0]']);
    attempt({ upsert: [POOL[0], POOL[0]] }, 'DUPLICATE_ID', ['changes.upsert[1].id']);
    attempt({ upsert: [BUNDLED[0]], remove: [(BUNDLED[0] as ActivityInput).id] }, 'INVALID_CATALOGUE', ['changes.remove[0]']);
    attempt({ upsert: 'all of them' }, 'INVALID_CATALOGUE', ['changes.upsert']);
    attempt({ add: [] }, 'INVALID_CATALOGUE', ['changes']);
    attempt(null, 'INVALID_CATALOGUE', ['changes']);
    expect(m.stats.activities).toBe(BUNDLED.length);
  });

  it('applies the good changes in lenient mode and reports the rest in the new matcher', () => {
    const m = createMatcher(BUNDLED);
    const updated = m.update({ upsert: [POOL[0] as ActivityInput, { id: 'x', name: '' } as never], remove: ['no-such-id', (BUNDLED[1] as ActivityInput).id] }, { lenient: true });
    expect(updated.get((POOL[0] as ActivityInput).id)).toBeDefined();
    expect(updated.get((BUNDLED[1] as ActivityInput).id)).toBeUndefined();
    expect(updated.rejected.map((r) => [r.index, r.issues[0]?.path.replace(/\.name$/, '')])).toEqual([
      [1, 'changes.upsert[1]'],
      [0, 'changes.remove[0]'],
    ]);
    expect(updated.stats.activities).toBe(BUNDLED.length);
  });

  it('searches the catalogue after the update', () => {
    const updated = createMatcher(BUNDLED).update({ upsert: [{ ...(BUNDLED[0] as ActivityInput), id: 'zebra-finch-club', name: 'Zebra finch keepers club' }] });
    expect(updated.search('zebra finch')[0]?.id).toBe('zebra-finch-club');
  });
});
