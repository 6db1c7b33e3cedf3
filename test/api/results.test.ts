// Results instead of exceptions (safeCreateMatcher, matcher.safeRecommend / safeRecommendMany /
// safeExplain), and isActivityMatchError across copies of the package.
import { describe, expect, it } from 'vitest';
import { ActivityMatchError, createMatcher, isActivityMatchError, safeCreateMatcher } from '../../src/index.js';
import type { SafeResult } from '../../src/index.js';
import { attempt } from '../../src/result.js';
import { activity, AT, client, errorOf } from '../helpers.js';

const catalogue = [activity('walk', { name: 'Health walk' }), activity('choir', { name: 'Choir', category: 'arts' })];
const errorOfResult = <T>(result: SafeResult<T>): ActivityMatchError => {
  if (result.ok) throw new Error('expected { ok: false }');
  return result.error;
};

describe('safeCreateMatcher', () => {
  it('gives { ok: true, value } with a working matcher', () => {
    const created = safeCreateMatcher(catalogue);
    expect(created.ok).toBe(true);
    if (created.ok) expect(created.value.recommend(client(), { at: AT }).map((r) => r.id)).toEqual(createMatcher(catalogue).recommend(client(), { at: AT }).map((r) => r.id));
  });

  it('gives { ok: false, error } with exactly the error createMatcher throws', () => {
    const bad = [{ id: 'a1', name: 'Walk' }];
    const error = errorOfResult(safeCreateMatcher(bad as never));
    expect(error).toBeInstanceOf(ActivityMatchError);
    expect(error.toJSON()).toEqual(errorOf(() => createMatcher(bad as never)).toJSON());
    expect(error.code).toBe('INVALID_CATALOGUE');
    expect(errorOfResult(safeCreateMatcher([activity('x'), activity('x')])).code).toBe('DUPLICATE_ID');
    expect(errorOfResult(safeCreateMatcher(catalogue, { rules: { weights: { distance: -1 } } })).code).toBe('INVALID_RULES');
  });
});

describe('the matcher without exceptions', () => {
  const matcher = createMatcher(catalogue);

  it('safeRecommend, safeRecommendMany and safeExplain give what the throwing methods return', () => {
    expect(matcher.safeRecommend(client(), { at: AT })).toEqual({ ok: true, value: matcher.recommend(client(), { at: AT }) });
    expect(matcher.safeRecommendMany([client(), client({ age: 80 })], { at: AT })).toEqual({ ok: true, value: matcher.recommendMany([client(), client({ age: 80 })], { at: AT }) });
    expect(matcher.safeExplain(client(), 'walk', { at: AT })).toEqual({ ok: true, value: matcher.explain(client(), 'walk', { at: AT }) });
  });

  it('and the errors they would throw, as values', () => {
    const badClient = { age: 'sixty', activaton: 2 } as never;
    expect(errorOfResult(matcher.safeRecommend(badClient, { at: AT })).toJSON()).toEqual(errorOf(() => matcher.recommend(badClient, { at: AT })).toJSON());
    expect(errorOfResult(matcher.safeRecommend(client(), { at: 12345 as never })).code).toBe('INVALID_OPTIONS');
    expect(errorOfResult(matcher.safeRecommendMany([client(), badClient], { at: AT })).issues[0]?.path).toMatch(/^clients\[1\]\./);
    expect(errorOfResult(matcher.safeExplain(client(), 'nope', { at: AT })).code).toBe('UNKNOWN_ACTIVITY');
  });

  it('work when taken off the matcher', () => {
    const { safeRecommend, safeExplain } = matcher;
    expect(safeRecommend(client(), { at: AT }).ok).toBe(true);
    expect(safeExplain(client(), 'choir', { at: AT }).ok).toBe(true);
  });

  it('catch only ActivityMatchError: anything else is thrown as usual', () => {
    expect(() =>
      attempt(() => {
        throw new TypeError('a bug');
      }),
    ).toThrow(TypeError);
    expect(attempt(() => 3)).toEqual({ ok: true, value: 3 });
  });
});

describe('isActivityMatchError', () => {
  const brand = Symbol.for('activity-match.ActivityMatchError');

  it('recognises the errors of this copy and nothing else', () => {
    expect(isActivityMatchError(errorOf(() => createMatcher([{ id: 1 }] as never)))).toBe(true);
    for (const value of [new Error('x'), { name: 'ActivityMatchError', code: 'INVALID_CLIENT', issues: [] }, null, undefined, 'ActivityMatchError', 0]) expect(isActivityMatchError(value)).toBe(false);
  });

  it('recognises an error of another copy (the other build, another version) by its brand, as instanceof does', () => {
    // What the CommonJS build's error looks like to the ESM build: another class, the same registered symbol.
    class OtherCopy extends Error {
      constructor() {
        super('activity-match: invalid client profile');
        Object.defineProperty(this, brand, { value: true });
      }
    }
    const foreign = new OtherCopy();
    expect(isActivityMatchError(foreign)).toBe(true);
    expect(foreign instanceof ActivityMatchError).toBe(true);
    expect(new Error('x') instanceof ActivityMatchError).toBe(false);
  });

  it('keeps the brand out of the enumerable fields and the JSON', () => {
    const error = new ActivityMatchError('INVALID_CLIENT', [{ path: 'client.age', message: 'expected an age in whole years' }]);
    expect(Object.keys(error)).not.toContain(brand.toString());
    expect(Object.getOwnPropertySymbols(error)).toEqual([brand]);
    expect(Object.getOwnPropertyDescriptor(error, brand)?.enumerable).toBe(false);
    expect(JSON.parse(JSON.stringify(error))).toEqual({ name: 'ActivityMatchError', code: 'INVALID_CLIENT', message: error.message, issues: error.issues });
  });

  it('leaves instanceof of a subclass to the prototype chain', () => {
    class Narrower extends ActivityMatchError {}
    expect(new Narrower('INVALID_CLIENT', []) instanceof Narrower).toBe(true);
    expect(new ActivityMatchError('INVALID_CLIENT', []) instanceof Narrower).toBe(false);
  });
});
