// Issue #21: a caller's getter, proxy trap or callback that throws is reported as an
// ActivityMatchError with the path of what could not be read (the decision in src/guard.ts);
// the library's own exceptions are never disguised as bad input; unknown keys are named by
// position, never by their text.
import { describe, expect, it } from 'vitest';
import bundled from '../fixtures/catalogue.json';
import { ActivityMatchError, ClientProfileSchema, createMatcher, evaluate, fromOpenReferral, nextOccurrences, precisionAt } from '../src/index.js';
import { guard, unreadablePath } from '../src/guard.js';
import { errorOf } from './helpers.js';

const AT = '2026-11-23T09:00:00Z';
const planted = new Error('the caller’s own exception, NHS 943 476 5919');
const throwing = <T extends object>(target: T, key: string): T =>
  Object.defineProperty(target, key, {
    enumerable: true,
    get() {
      throw planted;
    },
  });
const matcher = createMatcher(bundled);

describe('caller exceptions', () => {
  it('a getter in a profile: INVALID_CLIENT at its path, the original kept as the cause and out of the message', () => {
    const error = errorOf(() => matcher.recommend(throwing({ age: 70, activation: 2, home: throwing({ lat: 53.4 }, 'lon') }, 'conditions') as never, { at: AT }));
    expect(error.code).toBe('INVALID_CLIENT');
    expect(error.issues).toEqual([{ path: 'client.conditions', message: 'could not be read: a getter or proxy trap of the input threw' }]);
    expect(error.cause).toBe(planted);
    expect(error.message).not.toMatch(/NHS|caller/);
    expect(JSON.stringify(error)).not.toMatch(/NHS|caller/);
  });

  it('a key that is not a field is named by its position in the path, never by its text', () => {
    const client = { age: 70, activation: 2 } as Record<string, unknown>;
    throwing(client, 'John Smith 12/03/1951');
    // The profile never reads an unknown field's value: it is reported as unexpected, by position.
    const error = errorOf(() => matcher.recommend(client as never, { at: AT }));
    expect(error.issues).toEqual([{ path: 'client', message: 'unexpected field: the 3rd field given here (a name far from every expected field is not repeated)' }]);
    expect(error.message).not.toContain('John');
    expect(unreadablePath(client, 'client', [ClientProfileSchema])).toBe('client.(field 3)');
  });

  it('a proxy whose get trap throws only for a field name, and a revoked proxy, in options', () => {
    const options = new Proxy({ at: AT }, {
      get(target, key) {
        if (key === 'limit') throw planted;
        return Reflect.get(target, key);
      },
      has: (target, key) => key === 'limit' || Reflect.has(target, key),
    });
    expect(errorOf(() => matcher.recommend({ age: 70, activation: 2 }, options)).issues[0]?.path).toBe('options.limit');
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(errorOf(() => matcher.explain({ age: 70, activation: 2 }, 'x', proxy as never)).issues).toEqual([{ path: 'options', message: expect.any(String) }]);
  });

  it('each entry point names its own argument and code', () => {
    expect(errorOf(() => createMatcher([throwing({ ...bundled[0] }, 'name')] as never)).issues[0]).toMatchObject({ path: 'activities[0].name' });
    expect(errorOf(() => createMatcher(bundled, throwing({}, 'lenient') as never)).code).toBe('INVALID_OPTIONS');
    expect(errorOf(() => createMatcher(bundled, { rules: { weights: throwing({}, 'needs') } } as never))).toMatchObject({ code: 'INVALID_RULES', issues: [{ path: 'rules.weights.needs' }] });
    expect(errorOf(() => evaluate({}, [throwing({}, 'client')], { catalogue: bundled }))).toMatchObject({ code: 'INVALID_OPTIONS', issues: [{ path: 'referrals[0].client' }] });
    expect(errorOf(() => nextOccurrences([throwing({ freq: 'WEEKLY' }, 'byday')] as never, { at: new Date(AT) }))).toMatchObject({ code: 'INVALID_ACTIVITY', issues: [{ path: 'schedules[0].byday' }] });
    expect(errorOf(() => fromOpenReferral(throwing({ total_items: 1 }, 'contents')))).toMatchObject({ code: 'INVALID_CATALOGUE', issues: [{ path: 'contents' }] });
    expect(errorOf(() => precisionAt(['a'], throwing({}, 'a'), 1))).toMatchObject({ code: 'INVALID_OPTIONS', issues: [{ path: 'qrels.(field 1)' }] });
    // The matcher still answers.
    expect(matcher.recommend({ age: 70, activation: 2 }, { at: AT }).length).toBeGreaterThan(0);
  });

  it('the library’s own exception, with input that reads cleanly, propagates unchanged', () => {
    const bug = new TypeError('a bug in the library');
    expect(() =>
      guard([{ code: 'INVALID_CLIENT', path: 'client', value: { age: 70 } }], () => {
        throw bug;
      }),
    ).toThrow(bug);
    const aware = new ActivityMatchError('INVALID_OPTIONS', [{ path: 'x', message: 'expected y' }]);
    expect(() =>
      guard([{ code: 'INVALID_CLIENT', path: 'client', value: throwing({}, 'age') }], () => {
        throw aware;
      }),
    ).toThrow(aware);
  });

  it('finds what cannot be read through arrays, cycles and field names, and nothing in clean input', () => {
    const cyclic: Record<string, unknown> = { age: 1 };
    cyclic['home'] = cyclic;
    expect(unreadablePath(cyclic, 'client', [ClientProfileSchema])).toBeUndefined();
    expect(unreadablePath({ availability: [{}, throwing({}, 'start')] }, 'client', [ClientProfileSchema])).toBe('client.availability[1].start');
    expect(unreadablePath([1, [2, throwing({}, 'x')]], 'lists')).toBe('lists[1][1].(field 1)');
    expect(unreadablePath({ contents: [throwing({ id: 's1' }, 'name')] }, '', 'identifiers')).toBe('contents[0].name');
  });
});
