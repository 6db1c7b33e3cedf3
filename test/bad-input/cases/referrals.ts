// Referral histories: ReferralHistorySchema, evaluate, compareRules and fitWeights on the
// ten-activity catalogue. Bad referrals are INVALID_OPTIONS at `referrals[i]…`; an offered id
// missing from the catalogue is UNKNOWN_ACTIVITY.
//
// Decided: an empty history is not an error. `evaluate` and `compareRules` return no rows and
// summaries with n 0 and null means (there is nothing to average); `fitWeights` rejects it
// (INVALID_OPTIONS at `referrals`: it needs two referrals or more to hold some out), as it
// does any history it cannot fit.
import { deepArrays, deepFreeze, history, historyWith, hugeMarker, json, MARKER, referral, revokedProxy, SMALL_IDS, throwingGetter } from '../corpus.js';
import type { BadInputCase, Outcome } from '../corpus.js';

const e = 'referrals' as const;
const invalid = (...paths: string[]) => ({ code: 'INVALID_OPTIONS' as const, paths });
/** The history with `overrides` on its first referral. */
const first = (name: string, overrides: Record<string, unknown>, expect: Outcome | readonly Outcome[], extra: Partial<BadInputCase> = {}): BadInputCase => ({ name, entry: e, make: () => historyWith(0, overrides), expect, ...extra });
/** The history with the first referral's client replaced by `client`. */
const client = (name: string, c: Record<string, unknown>, ...paths: string[]): BadInputCase => first(`client: ${name}`, { client: c }, invalid(...paths));
const offers = (...ids: string[]) => ids.map((activityId, i) => ({ activityId, rank: i + 1 }));
/** n distinct valid referrals. */
const many = (n: number) => Array.from({ length: n }, (_, i) => history().map((r) => ({ ...r, id: `${String(r['id'])}-${i}` }))).flat();

export const cases: BadInputCase[] = [
  // ── Valid ──
  { name: 'a small history with every outcome', entry: e, make: history, expect: 'ok' },
  { name: 'an empty history', entry: e, input: [], expect: 'ok' },
  { name: 'one referral', entry: e, make: () => [referral()], expect: 'ok' },
  { name: 'nothing ever taken up', entry: e, make: () => history().map((r) => ({ ...r, takenUp: null, attended: false, completed: false })), expect: 'ok' },
  { name: 'a deeply frozen history', entry: e, make: () => deepFreeze(history()), expect: 'ok' },
  { name: 'referrals with null prototypes', entry: e, make: () => history().map((r) => Object.assign(Object.create(null) as object, r)), expect: 'ok' },
  { name: 'every activity offered, ranks with gaps', entry: e, make: () => historyWith(0, { offered: SMALL_IDS.map((activityId, i) => ({ activityId, rank: 10 * i + 1 })) }), expect: 'ok' },
  { name: 'the same client object in every referral', entry: e, make: () => { const c = referral()['client']; return history().map((r) => ({ ...r, client: c })); }, expect: 'ok' },
  { name: '240 referrals', entry: e, make: () => many(30), expect: 'ok', budgetMs: 4000 },

  // ── Not a history ──
  { name: 'an object of referrals', entry: e, make: () => ({ r1: referral() }), expect: invalid('referrals') },
  { name: 'null', entry: e, input: null, expect: invalid('referrals') },
  { name: 'undefined', entry: e, input: undefined, expect: invalid('referrals') },
  { name: 'NaN', entry: e, input: NaN, expect: invalid('referrals') },
  { name: 'a string', entry: e, input: MARKER, expect: invalid('referrals') },
  { name: 'a Set of referrals', entry: e, make: () => new Set(history()), expect: invalid('referrals') },
  // The exported zod schema is zod's own API: a getter's or revoked proxy's exception passes through
  // its safeParse; evaluate, compareRules and fitWeights report it with its path.
  { name: 'a revoked proxy', entry: e, make: revokedProxy, expect: [invalid('referrals'), { propagates: 'engine' }] },
  { name: 'null referrals', entry: e, input: [null, null], expect: invalid('referrals[0]', 'referrals[1]') },
  { name: 'a sparse history', entry: e, make: () => [referral('r1'), , referral('r3')], expect: invalid('referrals[1]') },
  { name: '20,000 numbers', entry: e, make: () => Array.from({ length: 20_000 }, (_, i) => i), expect: invalid('referrals[0]', 'referrals[19999]') },
  { name: 'a referral nested 10,000 levels deep', entry: e, make: () => [referral('r1'), deepArrays()], expect: invalid('referrals[1]') },
  { name: 'a getter that throws', entry: e, make: () => [referral('r1'), throwingGetter(referral('r2'), 'offered')], expect: [invalid('referrals[1].offered'), { propagates: 'planted' }] },

  // ── Cycles ──
  {
    name: 'a history containing itself',
    entry: e,
    make: () => {
      const h: unknown[] = history();
      h.push(h);
      return h;
    },
    expect: invalid('referrals[8]'),
  },
  {
    name: 'a client containing its referral',
    entry: e,
    make: () => {
      const h = history();
      const r = h[0] as Record<string, unknown>;
      (r['client'] as Record<string, unknown>)['referral'] = r;
      return h;
    },
    expect: invalid('referrals[0].client'),
  },
  {
    name: 'an offer containing its list',
    entry: e,
    make: () => {
      const list: unknown[] = offers('benefits-advice', 'housing-advice');
      list.push(list);
      return historyWith(0, { offered: list });
    },
    expect: invalid('referrals[0].offered[2]'),
  },

  // ── Ids and dates ──
  { name: 'duplicate referral ids', entry: e, make: () => [referral('r1'), referral('r2'), referral('r1')], expect: invalid('referrals[2].id') },
  first('an empty id', { id: '' }, invalid('referrals[0].id')),
  first('an id of 101 characters', { id: `${MARKER}`.repeat(6) }, invalid('referrals[0].id')),
  first('a numeric id', { id: 1 }, invalid('referrals[0].id')),
  first('date 2026-02-30', { date: '2026-02-30' }, invalid('referrals[0].date')),
  first('a date-time', { date: '2026-03-02T10:00:00Z' }, invalid('referrals[0].date')),
  first('a Date object', { date: new Date('2026-03-02') }, invalid('referrals[0].date')),
  first('date carrying the marker', { date: MARKER }, invalid('referrals[0].date')),
  first('date 1899-12-31', { date: '1899-12-31' }, invalid('referrals[0].date')),
  first('date 3000-01-01', { date: '3000-01-01' }, invalid('referrals[0].date')),

  // ── Offers and outcomes ──
  first('rank 0', { offered: [{ activityId: 'debt-advice-drop-in', rank: 0 }, { activityId: 'benefits-advice', rank: 2 }] }, invalid('referrals[0].offered[0].rank')),
  first('rank -1', { offered: [{ activityId: 'debt-advice-drop-in', rank: -1 }, { activityId: 'benefits-advice', rank: 2 }] }, invalid('referrals[0].offered[0].rank')),
  first('duplicated ranks', { offered: [{ activityId: 'debt-advice-drop-in', rank: 1 }, { activityId: 'benefits-advice', rank: 1 }] }, invalid('referrals[0].offered[1].rank')),
  first('a rank of 1.5', { offered: [{ activityId: 'debt-advice-drop-in', rank: 1.5 }, { activityId: 'benefits-advice', rank: 2 }] }, invalid('referrals[0].offered[0].rank')),
  first('a rank "1"', { offered: [{ activityId: 'debt-advice-drop-in', rank: '1' }, { activityId: 'benefits-advice', rank: 2 }] }, invalid('referrals[0].offered[0].rank')),
  first('rank 1001', { offered: [{ activityId: 'debt-advice-drop-in', rank: 1001 }, { activityId: 'benefits-advice', rank: 2 }] }, invalid('referrals[0].offered[0].rank')),
  first('the same activity offered twice', { offered: offers('benefits-advice', 'benefits-advice') }, invalid('referrals[0].offered[1].activityId')),
  first('nothing offered', { offered: [], takenUp: null, attended: false }, invalid('referrals[0].offered')),
  first('101 offers', { offered: Array.from({ length: 101 }, (_, i) => ({ activityId: `a${i}`, rank: i + 1 })), takenUp: null, attended: false }, invalid('referrals[0].offered')),
  first('offered as an object', { offered: { activityId: 'benefits-advice', rank: 1 } }, invalid('referrals[0].offered')),
  first('an offer with an unknown key', { offered: [{ activityId: 'benefits-advice', rank: 1, score: 0.9 }] }, invalid('referrals[0].offered[0]')),
  first('takenUp not among the offered', { takenUp: 'housing-advice' }, invalid('referrals[0].takenUp')),
  first('takenUp empty', { takenUp: '' }, invalid('referrals[0].takenUp')),
  first('takenUp missing', { takenUp: undefined }, invalid('referrals[0].takenUp')),
  first('attended without takenUp', { takenUp: null, attended: true }, invalid('referrals[0].attended')),
  first('completed without attended', { attended: false, completed: true }, invalid('referrals[0].completed')),
  first('attended as "yes"', { attended: 'yes' }, invalid('referrals[0].attended')),
  first('support unknown', { support: MARKER }, invalid('referrals[0].support')),
  first('an unknown activity id, taken up', { offered: offers('benefits-advice', 'gone-activity'), takenUp: 'benefits-advice' }, { code: 'UNKNOWN_ACTIVITY', paths: ['referrals[0].offered[1].activityId'] }),
  first('an unknown activity id, nothing taken up', { offered: offers('gone-activity', 'benefits-advice'), takenUp: null, attended: false }, { code: 'UNKNOWN_ACTIVITY', paths: ['referrals[0].offered[0].activityId'] }),
  {
    name: 'an unknown activity id in every referral',
    entry: e,
    make: () => history().map((r) => ({ ...r, offered: [...(r['offered'] as object[]), { activityId: `${MARKER}-gone`, rank: 99 }] })),
    expect: { code: 'UNKNOWN_ACTIVITY', paths: ['referrals[0].offered[3].activityId'] },
  },

  // ── Wellbeing ──
  first('WEMWBS out of range', { wellbeing: { scale: 'WEMWBS', before: 13, after: 71 } }, invalid('referrals[0].wellbeing.before', 'referrals[0].wellbeing.after')),
  first('WEMWBS change ≠ after − before', { wellbeing: { scale: 'WEMWBS', before: 38, after: 43, change: 4 } }, invalid('referrals[0].wellbeing.change')),
  first('WEMWBS with decimals', { wellbeing: { scale: 'WEMWBS', before: 38.5 } }, invalid('referrals[0].wellbeing.before')),
  first('SWEMWBS change off by 0.1', { wellbeing: { scale: 'SWEMWBS', before: 20.1, after: 20.3, change: 0.3 } }, invalid('referrals[0].wellbeing.change')),
  first('ONS4 answer 11', { wellbeing: { scale: 'ONS4', after: { lifeSatisfaction: 11, worthwhile: 5, happiness: 5, anxiety: 5 } } }, invalid('referrals[0].wellbeing.after.lifeSatisfaction')),
  first('ONS4 change ≠ after − before', { wellbeing: { scale: 'ONS4', before: { lifeSatisfaction: 5, worthwhile: 5, happiness: 5, anxiety: 5 }, after: { lifeSatisfaction: 6, worthwhile: 5, happiness: 5, anxiety: 5 }, change: { lifeSatisfaction: 0, worthwhile: 0, happiness: 0, anxiety: 0 } } }, invalid('referrals[0].wellbeing.change')),
  first('ONS4 missing a question', { wellbeing: { scale: 'ONS4', before: { lifeSatisfaction: 5, worthwhile: 5, happiness: 5 } } }, invalid('referrals[0].wellbeing.before.anxiety')),
  first('an unknown scale', { wellbeing: { scale: 'PHQ-9', before: 12 } }, invalid('referrals[0].wellbeing.scale')),
  first('wellbeing as a number', { wellbeing: 5 }, invalid('referrals[0].wellbeing')),

  // ── NaN everywhere ──
  first('NaN everywhere', { date: NaN, client: { age: NaN, activation: NaN }, offered: [{ activityId: NaN, rank: NaN }], takenUp: NaN, attended: NaN, completed: NaN, wellbeing: { scale: 'WEMWBS', before: NaN, after: NaN, change: NaN } }, invalid('referrals[0].date', 'referrals[0].client.age', 'referrals[0].client.activation', 'referrals[0].offered[0].activityId', 'referrals[0].offered[0].rank', 'referrals[0].takenUp', 'referrals[0].attended', 'referrals[0].completed', 'referrals[0].wellbeing.before')),
  first('Infinity ranks and scores', { offered: [{ activityId: 'benefits-advice', rank: Infinity }], wellbeing: { scale: 'SWEMWBS', before: -Infinity } }, invalid('referrals[0].offered[0].rank', 'referrals[0].wellbeing.before')),

  // ── The client inside a referral ──
  client('activation 9', { activation: 9 }, 'referrals[0].client.activation'),
  client('age -1', { age: -1, activation: 2 }, 'referrals[0].client.age'),
  client('an unknown condition', { activation: 2, conditions: [MARKER] }, 'referrals[0].client.conditions[0]'),
  client('home latitude 200', { activation: 2, home: { lat: 200, lon: 0 } }, 'referrals[0].client.home.lat'),
  client('availability ending before it starts', { activation: 2, availability: [{ day: 'mon', start: '12:00', end: '09:00' }] }, 'referrals[0].client.availability[0].end'),
  { name: 'client: a 10 MB interest', entry: e, make: () => historyWith(0, { client: { activation: 2, interests: [hugeMarker()] } }), expect: invalid('referrals[0].client.interests[0]') },
  first('client missing', { client: undefined }, invalid('referrals[0].client')),
  first('client as a string', { client: MARKER }, invalid('referrals[0].client')),
  { name: 'client: a __proto__ key (own property)', entry: e, make: () => historyWith(0, { client: json(`{ "activation": 2, "__proto__": { "polluted": true } }`) }), expect: invalid('referrals[0].client') },

  // ── Unknown keys ──
  first('a misspelt key', { takenup: 'benefits-advice' }, invalid('referrals[0]')),
  { name: 'a __proto__ key (own property)', entry: e, make: () => [json(`{ "id": "r1", "date": "2026-03-02", "client": { "activation": 2 }, "offered": [{ "activityId": "benefits-advice", "rank": 1 }], "takenUp": null, "attended": false, "completed": false, "__proto__": { "polluted": true } }`)], expect: invalid('referrals[0]') },
  // Key names are field names, which messages may quote (cut to 40 characters); the marker check does not apply to them.
  first('an unknown key of a million characters', { ['k'.repeat(1_000_000)]: true }, invalid('referrals[0]')),
];
