import { describe, expect, it } from 'vitest';
import { parseCatalogue } from '../../src/catalogue/load.js';
import { ActivitySchema } from '../../src/schema/activity.js';
import { toIssues } from '../../src/validate.js';
import { activity } from '../helpers.js';

describe('parseCatalogue: records that are not objects', () => {
  // Holes, null, true and false are asked of zod once per load and the answer reused: the
  // reports must be exactly what zod gives each record on its own.
  const values: unknown[] = [undefined, null, NaN, 0, -1.5, Infinity, 'walk', '', true, false, 10n, Symbol('s')];

  it('are each reported with the issues zod gives that record alone, at their own index', () => {
    const input: unknown[] = [activity('a1'), ...values, ...values];
    input.length += 2; // two holes at the end
    const { activities, rejected } = parseCatalogue(input, { lenient: true });
    expect(activities.map((a) => a.id)).toEqual(['a1']);
    const expected = Array.from(input).slice(1).map((record, i) => ({ index: i + 1, id: undefined, issues: toIssues(`activities[${i + 1}]`, ActivitySchema.safeParse(record).error!) }));
    expect(rejected).toEqual(expected);
  });

  it('NaN, Infinity and other numbers are told apart, as zod tells them', () => {
    const { rejected } = parseCatalogue([0, NaN, Infinity, 0, NaN, Infinity, undefined], { lenient: true });
    expect(rejected.map((r) => r.issues[0]?.message)).toEqual(['number', 'NaN', 'Infinity', 'number', 'NaN', 'Infinity', 'undefined'].map((kind) => `Invalid input: expected object, received ${kind}`));
  });

  it('strict mode lists every one of them in one INVALID_CATALOGUE error', () => {
    expect(() => parseCatalogue([undefined, activity('a1'), 7])).toThrow(expect.objectContaining({ code: 'INVALID_CATALOGUE', issues: [expect.objectContaining({ path: 'activities[0]' }), expect.objectContaining({ path: 'activities[2]' })] }));
  });
});

describe('parseCatalogue: length', () => {
  it('refuses an array longer than 2^24 records before reading one, strict or lenient', () => {
    for (const lenient of [false, true]) {
      expect(() => parseCatalogue(new Array(2 ** 24 + 1), { lenient })).toThrow(
        expect.objectContaining({ code: 'INVALID_CATALOGUE', issues: [{ path: 'activities', message: 'expected at most 16,777,216 activities' }] }),
      );
    }
  });
});
