// HSDS 3.0 schedules (camelCase) as an activity's `schedules` field: strict loading names the
// field (`activities[0].schedules[0].opensAt`); schedules that are valid but odd (rules that
// can never match, series long over) load, and explain, recommend and nextOccurrences answer
// quickly with no upcoming session.
import { deepArrays, deepFreeze, deepObjects, hugeMarker, json, MARKER, revokedProxy, throwingGetter } from '../corpus.js';
import type { BadInputCase, Outcome } from '../corpus.js';

const e = 'schedule' as const;
const at = (field: string) => `activities[0].schedules[0]${field === '' ? '' : field.startsWith('[') ? field : `.${field}`}`;
const invalid = (...fields: string[]) => ({ code: 'INVALID_CATALOGUE' as const, paths: fields.map(at) });

/** A valid weekly schedule: Mondays 10:00–12:00. */
const WEEKLY = { freq: 'WEEKLY', byday: 'MO', opensAt: '10:00', closesAt: '12:00' } as const;
const TIMES = { opensAt: '10:00', closesAt: '11:00' } as const;

/** One schedule, `WEEKLY` with `overrides` (a field set to undefined is left out). */
const weekly = (overrides: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries({ ...WEEKLY, ...overrides }).filter(([, v]) => v !== undefined));

/** A case whose schedules field is `[schedule]`. */
const one = (name: string, schedule: Record<string, unknown>, expect: Outcome | readonly Outcome[], extra: Partial<BadInputCase> = {}): BadInputCase => ({ name, entry: e, make: () => [schedule], expect, ...extra });
/** A schedule that loads but can never give a session (within the two-year search): answered quickly. */
const never = (name: string, schedule: Record<string, unknown>): BadInputCase => one(name, schedule, { upcoming: 'none' }, { budgetMs: 500 });

export const cases: BadInputCase[] = [
  // ── The field itself ──
  { name: 'schedules as an object', entry: e, input: { 0: WEEKLY }, expect: { code: 'INVALID_CATALOGUE', paths: ['activities[0].schedules'] } },
  { name: 'schedules as a string', entry: e, input: `MO 10:00-12:00 ${MARKER}`, expect: { code: 'INVALID_CATALOGUE', paths: ['activities[0].schedules'] } },
  { name: 'schedules as null', entry: e, input: null, expect: { code: 'INVALID_CATALOGUE', paths: ['activities[0].schedules'] } },
  { name: '101 schedules', entry: e, make: () => Array.from({ length: 101 }, () => ({ ...WEEKLY })), expect: { code: 'INVALID_CATALOGUE', paths: ['activities[0].schedules'] } },
  { name: 'a null schedule', entry: e, input: [null], expect: invalid('') },
  { name: 'a schedule as a string', entry: e, input: ['FREQ=WEEKLY;BYDAY=MO'], expect: invalid('') },
  { name: 'a sparse list of schedules', entry: e, make: () => [WEEKLY, , WEEKLY], expect: { code: 'INVALID_CATALOGUE', paths: ['activities[0].schedules[1]'] } },
  { name: 'a schedule nested 10,000 levels deep', entry: e, make: () => [deepObjects()], expect: invalid('') },
  { name: 'a revoked proxy schedule', entry: e, make: () => [revokedProxy()], expect: invalid('') },
  { name: 'opensAt behind a getter that throws', entry: e, make: () => [throwingGetter({ ...WEEKLY }, 'opensAt')], expect: invalid('opensAt') },
  { name: 'a __proto__ key (own property)', entry: e, make: () => [json(`{ "freq": "WEEKLY", "byday": "MO", "opensAt": "10:00", "closesAt": "12:00", "__proto__": { "polluted": true } }`)], expect: invalid('') },
  { name: 'constructor and prototype keys', entry: e, make: () => [json(`{ "freq": "WEEKLY", "byday": "MO", "opensAt": "10:00", "closesAt": "12:00", "constructor": { "prototype": { "polluted": true } } }`)], expect: invalid('') },

  // ── Valid ──
  { name: 'a weekly schedule', entry: e, make: () => [{ ...WEEKLY }], expect: { upcoming: 'some' } },
  { name: 'no schedules', entry: e, input: [], expect: 'ok' },
  { name: 'a deeply frozen timetable', entry: e, make: () => deepFreeze([{ ...WEEKLY, closures: [{ from: '2026-12-21', to: '2027-01-01', reason: 'Christmas' }], extraSessions: [{ date: '2026-12-19', opensAt: '11:00' }] }]), expect: { upcoming: 'some' } },
  one('fortnightly from a dtstart', weekly({ interval: 2, dtstart: '2026-01-05' }), { upcoming: 'some' }),
  one('the last Friday of the month, zone suffix on the times', { freq: 'monthly', byday: '-1FR', opensAt: '09:00:00Z', closesAt: '17:00:00+01:00' }, { upcoming: 'some' }),
  one('Friday the 13th', { freq: 'MONTHLY', byday: 'FR', bymonthday: '13', ...TIMES }, { upcoming: 'some' }),
  one('closing at 24:00', weekly({ opensAt: '23:00', closesAt: '24:00' }), { upcoming: 'some' }),
  one('extra sessions only', { extraSessions: [{ date: '2026-12-01', opensAt: '10:00', closesAt: '11:00' }] }, { upcoming: 'some' }),
  one('a one-off next month', { dtstart: '2026-12-10', ...TIMES }, { upcoming: 'some' }),
  one('validTo in the past (stale, still runs)', weekly({ validTo: '2020-01-01' }), { upcoming: 'some' }),
  one('35 byday entries, duplicated', { freq: 'MONTHLY', byday: Array.from({ length: 35 }, (_, i) => `${(i % 5) + 1}MO`).join(','), ...TIMES }, { upcoming: 'some' }),
  one('bymonthday as a bare number (HSDS writes text)', { freq: 'MONTHLY', bymonthday: 15, ...TIMES }, [{ code: 'INVALID_CATALOGUE', paths: [at('bymonthday')] }, { upcoming: 'some' }]),

  // ── Valid, but never a session: no hang, and the explanation says so ──
  never('31 April every year', { freq: 'MONTHLY', bymonthday: '31', dtstart: '2026-04-01', interval: 12, ...TIMES }),
  never('the 5th Monday of every February', { freq: 'MONTHLY', byday: '5MO', dtstart: '2026-02-01', interval: 12, ...TIMES }),
  never('30 February every year', { freq: 'MONTHLY', bymonthday: '30,-30', dtstart: '2026-02-01', interval: 12, ...TIMES }),
  never('Mondays that are the 31st of April', { freq: 'MONTHLY', byday: 'MO', bymonthday: '31', dtstart: '2026-04-01', interval: 12, ...TIMES }),
  never('every 1000 weeks from 2020', weekly({ interval: 1000, dtstart: '2020-01-06' })),
  never('closed for the rest of the century', weekly({ closures: [{ from: '2026-01-01', to: '2099-12-31' }] })),
  never('starting in 2040', weekly({ dtstart: '2040-01-02' })),
  never('valid from 2040', weekly({ validFrom: '2040-01-02' })),
  never('a count used up in 2020', weekly({ dtstart: '2020-01-06', count: 3 })),
  never('until in the past', weekly({ dtstart: '2020-01-06', until: '2020-03-01' })),
  never('a one-off in the past', { dtstart: '2020-01-06', ...TIMES }),
  never('described only: by appointment', { description: 'By appointment: call the hub' }),
  never('starting in 2999', weekly({ dtstart: '2999-12-27' })),
  one('starting in 9999, outside 1900 to 2999', weekly({ dtstart: '9999-12-27' }), invalid('dtstart')),
  { name: '100 schedules that never match', entry: e, make: () => Array.from({ length: 100 }, (_, i) => ({ freq: 'MONTHLY', byday: '5MO', dtstart: '2026-02-01', interval: 12, ...TIMES, id: `s${i}` })), expect: { upcoming: 'none' }, budgetMs: 1000 },
  {
    name: '100 dense monthly rules counted from year 1, closed for ever',
    entry: e,
    make: () =>
      Array.from({ length: 100 }, () => ({
        freq: 'MONTHLY',
        byday: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'].flatMap((d) => [1, 2, 3, 4, -1].map((n) => `${n}${d}`)).join(','),
        bymonthday: Array.from({ length: 31 }, (_, i) => [i + 1, -(i + 1)]).flat().join(','),
        dtstart: '0001-01-01',
        count: 100_000,
        ...TIMES,
        closures: [{ from: '0001-01-01', to: '9999-12-31' }],
      })),
    expect: [{ upcoming: 'none' }, { code: 'INVALID_CATALOGUE', paths: [at('dtstart')] }],
  },
  {
    name: 'a weekly count from 1600 that runs to the 3500s',
    entry: e,
    make: () => [weekly({ dtstart: '1600-01-03', count: 100_000 })],
    expect: [{ upcoming: 'some' }, { code: 'INVALID_CATALOGUE', paths: [at('dtstart')] }],
  },
  {
    name: 'a one-off starting in the spring-forward gap',
    entry: e,
    make: () => [{ dtstart: '2027-03-28', opensAt: '01:30', closesAt: '02:00' }],
    expect: { upcoming: 'some' },
  },

  // ── Times ──
  one('opensAt 25:00', weekly({ opensAt: '25:00' }), invalid('opensAt')),
  one('opensAt 24:00', weekly({ opensAt: '24:00' }), invalid('opensAt')),
  one('opensAt 9:00 (one digit)', weekly({ opensAt: '9:00' }), invalid('opensAt')),
  one('opensAt with seconds 60', weekly({ opensAt: '10:00:60' }), invalid('opensAt')),
  one('opensAt with an offset of +15:00', weekly({ opensAt: '10:00+15:00' }), invalid('opensAt')),
  one('opensAt as a number', weekly({ opensAt: 1000 }), invalid('opensAt')),
  one('opensAt carrying the marker', weekly({ opensAt: MARKER }), invalid('opensAt')),
  one('closesAt before opensAt', weekly({ opensAt: '12:00', closesAt: '10:00' }), invalid('closesAt')),
  one('closesAt equal to opensAt', weekly({ closesAt: '10:00' }), invalid('closesAt')),
  one('a recurring schedule without times', weekly({ opensAt: undefined, closesAt: undefined }), invalid('opensAt', 'closesAt')),
  one('a time but no freq or dtstart', { opensAt: '10:00', closesAt: '11:00' }, invalid('dtstart')),
  { name: '10 MB opensAt', entry: e, make: () => [weekly({ opensAt: hugeMarker() })], expect: invalid('opensAt') },

  // ── Rule ──
  one('byday XX', weekly({ byday: 'XX' }), invalid('byday[0]')),
  one('byday MO,XX', weekly({ byday: `MO,${MARKER}` }), invalid('byday[1]')),
  one('byday 9MO (monthly)', weekly({ freq: 'MONTHLY', byday: '9MO' }), invalid('byday[0]')),
  one('byday 0MO (monthly)', weekly({ freq: 'MONTHLY', byday: '0MO' }), invalid('byday[0]')),
  one('byday -0MO (monthly)', weekly({ freq: 'MONTHLY', byday: '-0MO' }), invalid('byday[0]')),
  one('an ordinal with WEEKLY', weekly({ byday: '1MO' }), invalid('byday')),
  one('byday as a number', weekly({ byday: 1 }), invalid('byday')),
  one('36 byday entries', weekly({ byday: Array.from({ length: 36 }, () => 'MO').join(',') }), invalid('byday')),
  one('no byday, no dtstart', weekly({ byday: undefined }), invalid('byday')),
  one('byday without freq', { byday: 'MO', dtstart: '2026-12-01', ...TIMES }, invalid('byday')),
  one('interval 0', weekly({ interval: 0, dtstart: '2026-01-05' }), invalid('interval')),
  one('interval -1', weekly({ interval: -1, dtstart: '2026-01-05' }), invalid('interval')),
  one('interval 1.5', weekly({ interval: 1.5, dtstart: '2026-01-05' }), invalid('interval')),
  one('interval "2"', weekly({ interval: '2', dtstart: '2026-01-05' }), invalid('interval')),
  one('interval NaN', weekly({ interval: NaN, dtstart: '2026-01-05' }), invalid('interval')),
  one('interval Infinity', weekly({ interval: Infinity, dtstart: '2026-01-05' }), invalid('interval')),
  one('interval 1001', weekly({ interval: 1001, dtstart: '2026-01-05' }), invalid('interval')),
  one('interval 2 without dtstart', weekly({ interval: 2 }), invalid('dtstart')),
  one('freq DAILY', weekly({ freq: 'DAILY' }), invalid('freq')),
  one('freq YEARLY', weekly({ freq: 'YEARLY' }), invalid('freq')),
  one('freq carrying the marker', weekly({ freq: MARKER }), invalid('freq')),
  one('freq as a number', weekly({ freq: 7 }), invalid('freq')),
  one('wkst XX', weekly({ wkst: 'XX' }), invalid('wkst')),
  one('bymonthday 0', { freq: 'MONTHLY', bymonthday: [0], ...TIMES }, invalid('bymonthday[0]')),
  one('bymonthday 32', { freq: 'MONTHLY', bymonthday: [32], ...TIMES }, invalid('bymonthday[0]')),
  one('bymonthday "0,32"', { freq: 'MONTHLY', bymonthday: '0,32', ...TIMES }, invalid('bymonthday[0]', 'bymonthday[1]')),
  one('bymonthday -32', { freq: 'MONTHLY', bymonthday: '-32', ...TIMES }, invalid('bymonthday[0]')),
  one('bymonthday 1.5', { freq: 'MONTHLY', bymonthday: [1.5], ...TIMES }, invalid('bymonthday[0]')),
  one('bymonthday with WEEKLY', weekly({ bymonthday: '1' }), invalid('bymonthday')),
  one('byweekno (unsupported)', weekly({ byweekno: '5' }), invalid('byweekno')),
  one('byyearday (unsupported)', weekly({ byyearday: 100 }), invalid('byyearday')),

  // ── Dates and bounds ──
  one('dtstart 2026-02-30', weekly({ dtstart: '2026-02-30' }), invalid('dtstart')),
  one('dtstart as a Date', weekly({ dtstart: new Date('2026-01-05') }), invalid('dtstart')),
  one('dtstart as a date-time', weekly({ dtstart: '2026-01-05T00:00:00Z' }), invalid('dtstart')),
  one('until before dtstart', weekly({ dtstart: '2026-05-01', until: '2026-04-01' }), invalid('until')),
  one('until 2026-13-01', weekly({ until: '2026-13-01' }), invalid('until')),
  one('until without freq', { dtstart: '2026-12-01', until: '2026-12-31', ...TIMES }, invalid('until')),
  one('count 0', weekly({ dtstart: '2026-05-01', count: 0 }), invalid('count')),
  one('count -3', weekly({ dtstart: '2026-05-01', count: -3 }), invalid('count')),
  one('count 100,001', weekly({ dtstart: '2026-05-01', count: 100_001 }), invalid('count')),
  one('count without dtstart', weekly({ count: 5 }), invalid('dtstart')),
  one('count and until together', weekly({ dtstart: '2026-05-01', count: 3, until: '2026-06-01' }), invalid('count')),
  one('validTo before validFrom', weekly({ validFrom: '2026-05-01', validTo: '2026-04-01' }), invalid('validTo')),
  one('validFrom 2026-02-29', weekly({ validFrom: '2026-02-29' }), invalid('validFrom')),
  one('a closure from after to', weekly({ closures: [{ from: '2026-05-02', to: '2026-05-01' }] }), invalid('closures[0].to')),
  one('a closure date 2026-02-30', weekly({ closures: ['2026-02-30'] }), invalid('closures[0].from')),
  one('a closure with an unknown key', weekly({ closures: [{ from: '2026-05-01', to: '2026-05-02', note: MARKER }] }), invalid('closures[0]')),
  { name: '501 closures', entry: e, make: () => [weekly({ closures: Array.from({ length: 501 }, () => '2026-12-25') })], expect: invalid('closures') },
  one('closures as a string', weekly({ closures: '2026-12-25' }), invalid('closures')),
  one('extra sessions without times', { extraSessions: [{ date: '2026-12-01' }] }, invalid('extraSessions[0].opensAt', 'extraSessions[0].closesAt')),
  one('an extra session ending before it starts', weekly({ extraSessions: [{ date: '2026-12-01', opensAt: '12:30' }] }), invalid('extraSessions[0].closesAt')),
  one('an extra session on 2026-02-30', weekly({ extraSessions: [{ date: '2026-02-30' }] }), invalid('extraSessions[0].date')),
  one('an extra session with an unknown key', weekly({ extraSessions: [{ date: '2026-12-01', room: MARKER }] }), invalid('extraSessions[0]')),

  // ── Text ──
  { name: '10 MB description', entry: e, make: () => [weekly({ description: hugeMarker() })], expect: invalid('description') },
  one('description of 10,000 nested arrays', weekly({ description: deepArrays() }), invalid('description')),
  one('notes as an object', weekly({ notes: { text: MARKER } }), invalid('notes')),
  one('an id of 201 characters', weekly({ id: MARKER.repeat(12) }), invalid('id')),
  one('every field junk', { freq: {}, interval: [], byday: [{}], bymonthday: [null], wkst: 1, opensAt: [], closesAt: {}, dtstart: 0, until: true, count: '1', validFrom: NaN, validTo: null, description: 1, closures: [1], extraSessions: [1] }, invalid('freq', 'interval', 'byday[0]', 'bymonthday[0]', 'wkst', 'opensAt', 'closesAt', 'dtstart', 'until', 'count', 'validFrom', 'validTo', 'description', 'closures[0]', 'extraSessions[0]')),
];
