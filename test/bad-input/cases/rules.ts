// Matching rules (MatchingRulesSchema), given to createMatcher and to each call. Paths are
// written as createMatcher reports them (`rules…`); the runner maps them to `options.rules…`.
import { DEFAULT_RULES, FACTORS } from '../../../src/index.js';
import { deepFreeze, deepObjects, json, MARKER, throwingGetter } from '../corpus.js';
import type { BadInputCase } from '../corpus.js';

const e = 'rules' as const;
const invalid = (...paths: string[]) => ({ code: 'INVALID_RULES' as const, paths });
const rule = (name: string, input: unknown, ...paths: string[]): BadInputCase => ({ name, entry: e, input, expect: invalid(...paths) });
const weight = (value: unknown): BadInputCase => rule(`weight ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`, { weights: { distance: value } }, 'rules.weights.distance');
const zeroWeights = Object.fromEntries(FACTORS.map((f) => [f, 0]));

export const cases: BadInputCase[] = [
  // ── Not rules ──
  rule('null', null, 'rules'),
  rule('a string', MARKER, 'rules'),
  rule('an array', [], 'rules'),
  rule('a number', 1, 'rules'),
  rule('a function', () => DEFAULT_RULES, 'rules'),

  // ── Valid ──
  { name: 'an empty object', entry: e, input: {}, expect: 'ok' },
  { name: 'the frozen defaults', entry: e, input: DEFAULT_RULES, expect: 'ok' },
  { name: 'a JSON round trip of the defaults', entry: e, make: () => json(JSON.stringify(DEFAULT_RULES)), expect: 'ok' },
  { name: 'a deeply frozen partial object', entry: e, make: () => deepFreeze({ weights: { distance: 2 }, diversity: { penalty: 0.5 } }), expect: 'ok' },
  { name: 'every weight 1000', entry: e, input: { weights: Object.fromEntries(FACTORS.map((f) => [f, 1000])) }, expect: 'ok' },
  { name: 'a single non-zero weight', entry: e, input: { weights: { ...zeroWeights, needs: 1 } }, expect: 'ok' },
  {
    name: 'a single tiny weight',
    entry: e,
    input: { weights: { ...zeroWeights, distance: 5e-324 } },
    expect: 'ok',
  },
  { name: 'the extremes of every parameter', entry: e, input: { distance: { defaultMaxKm: 500, unknown: 1 }, activation: { minLevelForGym: 1 }, schedule: { minOverlap: 0 }, freshness: { freshDays: 0, staleDays: 36500, unknown: 0 }, diversity: { enabled: true, penalty: 1, poolFactor: 20 } }, expect: 'ok' },
  { name: 'the other extremes', entry: e, input: { distance: { defaultMaxKm: 1e-9, unknown: 0 }, activation: { minLevelForGym: 4 }, schedule: { minOverlap: 1 }, freshness: { freshDays: 36499, staleDays: 36500, unknown: 1 }, diversity: { enabled: false, penalty: 0, poolFactor: 1 } }, expect: 'ok' },

  // ── Weights ──
  weight(-1),
  weight(NaN),
  weight(Infinity),
  weight(-Infinity),
  weight('2'),
  weight(1001),
  weight(null),
  weight(true),
  weight(2n),
  rule('all weights zero', { weights: zeroWeights }, 'rules.weights'),
  rule('weights as an array', { weights: [1, 2, 3] }, 'rules.weights'),
  rule('weights of 10,000 nested objects', { weights: deepObjects() }, 'rules.weights'),
  rule('misspelt weight', { weights: { distnace: 2 } }, 'rules.weights'),
  rule('misspelt section', { wieghts: { distance: 2 } }, 'rules'),
  { name: '__proto__ in weights (own property)', entry: e, make: () => json(`{ "weights": { "__proto__": { "polluted": true, "distance": 1000 } } }`), expect: invalid('rules.weights') },
  { name: 'constructor.prototype in rules (own property)', entry: e, make: () => json(`{ "constructor": { "prototype": { "polluted": true } } }`), expect: invalid('rules') },
  {
    name: 'weights pointing to the rules',
    entry: e,
    make: () => {
      const r: Record<string, unknown> = {};
      r['weights'] = r;
      return r;
    },
    expect: invalid('rules.weights'),
  },

  // ── Parameters ──
  rule('defaultMaxKm 0', { distance: { defaultMaxKm: 0 } }, 'rules.distance.defaultMaxKm'),
  rule('defaultMaxKm -1', { distance: { defaultMaxKm: -1 } }, 'rules.distance.defaultMaxKm'),
  rule('defaultMaxKm NaN', { distance: { defaultMaxKm: NaN } }, 'rules.distance.defaultMaxKm'),
  rule('defaultMaxKm 501', { distance: { defaultMaxKm: 501 } }, 'rules.distance.defaultMaxKm'),
  rule('distance.unknown 1.5', { distance: { unknown: 1.5 } }, 'rules.distance.unknown'),
  rule('minLevelForGym 0', { activation: { minLevelForGym: 0 } }, 'rules.activation.minLevelForGym'),
  rule('minLevelForGym 5', { activation: { minLevelForGym: 5 } }, 'rules.activation.minLevelForGym'),
  rule('minLevelForGym "3"', { activation: { minLevelForGym: '3' } }, 'rules.activation.minLevelForGym'),
  rule('minOverlap -0.1', { schedule: { minOverlap: -0.1 } }, 'rules.schedule.minOverlap'),
  rule('minOverlap 2', { schedule: { minOverlap: 2 } }, 'rules.schedule.minOverlap'),
  rule('minOverlap NaN', { schedule: { minOverlap: NaN } }, 'rules.schedule.minOverlap'),
  rule('freshDays above staleDays', { freshness: { freshDays: 500, staleDays: 100 } }, 'rules.freshness.staleDays'),
  rule('freshDays equal to staleDays', { freshness: { freshDays: 100, staleDays: 100 } }, 'rules.freshness.staleDays'),
  rule('default staleDays below a large freshDays', { freshness: { freshDays: 2000 } }, 'rules.freshness.staleDays'),
  rule('freshDays -1', { freshness: { freshDays: -1 } }, 'rules.freshness.freshDays'),
  rule('freshDays 1.5', { freshness: { freshDays: 1.5 } }, 'rules.freshness.freshDays'),
  rule('staleDays 36501', { freshness: { staleDays: 36501 } }, 'rules.freshness.staleDays'),
  rule('diversity enabled as a string', { diversity: { enabled: 'true' } }, 'rules.diversity.enabled'),
  rule('penalty 2', { diversity: { penalty: 2 } }, 'rules.diversity.penalty'),
  rule('poolFactor 0', { diversity: { poolFactor: 0 } }, 'rules.diversity.poolFactor'),
  rule('poolFactor 21', { diversity: { poolFactor: 21 } }, 'rules.diversity.poolFactor'),
  rule('poolFactor 2.5', { diversity: { poolFactor: 2.5 } }, 'rules.diversity.poolFactor'),
  rule('a section as null', { diversity: null }, 'rules.diversity'),
  rule('a section as a string', { schedule: MARKER }, 'rules.schedule'),

  // ── Objects that fight back ──
  { name: 'a getter that throws', entry: e, make: () => ({ weights: throwingGetter({ distance: 1 }, 'needs') }), expect: invalid('rules.weights.needs') },
];
