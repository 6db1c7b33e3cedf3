// nextOccurrences(schedules, options): the options are checked whatever the schedules
// (INVALID_OPTIONS naming the field: `at`, `timeZone`, `limit`, `horizonDays`).
import { AT, deepFreeze, deepObjects, fakeDate, hugeMarker, MARKER, revokedProxy, throwingGetter } from '../corpus.js';
import type { BadInputCase, Outcome } from '../corpus.js';

const e = 'occurrence-options' as const;
const invalid = (...paths: string[]) => ({ code: 'INVALID_OPTIONS' as const, paths });
const AT_DATE = new Date(AT);
const opt = (name: string, options: Record<string, unknown>, expect: Outcome | readonly Outcome[]): BadInputCase => ({ name, entry: e, make: () => ({ at: new Date(AT_DATE), ...options }), expect });

export const cases: BadInputCase[] = [
  // ── Valid ──
  { name: 'a Date at', entry: e, make: () => ({ at: new Date(AT_DATE) }), expect: 'ok' },
  { name: 'an ISO string at', entry: e, input: { at: AT }, expect: 'ok' },
  opt('limit 1000 over ten years', { limit: 1000, horizonDays: 3660 }, 'ok'),
  opt('limit 1, horizon 1 day', { limit: 1, horizonDays: 1 }, 'ok'),
  opt('a zone far east', { timeZone: 'Pacific/Kiritimati', limit: 20 }, 'ok'),
  opt('a zone with a half-hour offset', { timeZone: 'Australia/Adelaide', limit: 20 }, 'ok'),
  opt('timeZone undefined (the default)', { timeZone: undefined }, 'ok'),
  { name: 'at across the spring clock change', entry: e, input: { at: '2027-03-27T23:30:00Z', limit: 10 }, expect: 'ok' },
  { name: 'deeply frozen options', entry: e, make: () => deepFreeze({ at: new Date(AT_DATE), limit: 5, timeZone: 'Europe/London' }), expect: 'ok' },

  // ── Not options ──
  { name: 'null', entry: e, input: null, expect: { code: 'INVALID_OPTIONS' } },
  { name: 'undefined', entry: e, input: undefined, expect: { code: 'INVALID_OPTIONS' } },
  { name: 'a Date instead of options', entry: e, make: () => new Date(AT_DATE), expect: { code: 'INVALID_OPTIONS' } },
  { name: 'an array', entry: e, input: [AT, 3], expect: { code: 'INVALID_OPTIONS' } },
  { name: 'an empty object', entry: e, input: {}, expect: invalid('at') },
  { name: 'a revoked proxy', entry: e, make: revokedProxy, expect: invalid('(root)') },
  { name: 'at behind a getter that throws', entry: e, make: () => throwingGetter({}, 'at'), expect: invalid('at') },
  { name: 'a misspelt key', entry: e, make: () => ({ at: new Date(AT_DATE), limt: 3 }), expect: { code: 'INVALID_OPTIONS' } },
  {
    name: 'non-object options name the options',
    entry: e,
    input: null,
    expect: invalid('options'),
  },
  {
    // Key names are field names, which messages may quote (cut to 40 characters).
    name: 'an unknown key of a million characters',
    entry: e,
    make: () => ({ at: new Date(AT_DATE), ['k'.repeat(1_000_000)]: 1 }),
    expect: { code: 'INVALID_OPTIONS' },
  },

  // ── at ──
  opt('at invalid (new Date(NaN))', { at: new Date(NaN) }, invalid('at')),
  opt('at "not a date"', { at: 'not a date' }, invalid('at')),
  opt('at carrying the marker', { at: MARKER }, invalid('at')),
  opt('at a date without a time', { at: '2026-11-23' }, invalid('at')),
  opt('at without an offset', { at: '2026-11-23T09:00:00' }, invalid('at')),
  opt('at 2026-02-30', { at: '2026-02-30T09:00:00Z' }, invalid('at')),
  opt('at a timestamp', { at: Date.parse(AT) }, invalid('at')),
  opt('at in year 3000', { at: new Date('3000-01-01T00:00:00Z') }, invalid('at')),
  opt('at in 1899', { at: '1899-12-31T23:59:59Z' }, invalid('at')),
  opt('at a fake Date', { at: fakeDate() }, invalid('at')),
  opt('at an object with getTime', { at: { getTime: () => Date.parse(AT) } }, invalid('at')),
  { name: 'at 10 MB', entry: e, make: () => ({ at: hugeMarker() }), expect: invalid('at') },
  { name: 'at 10,000 nested objects', entry: e, make: () => ({ at: deepObjects() }), expect: invalid('at') },

  // ── timeZone ──
  opt("timeZone 'Mars/Olympus'", { timeZone: 'Mars/Olympus' }, invalid('timeZone')),
  opt('timeZone empty', { timeZone: '' }, invalid('timeZone')),
  opt('timeZone carrying the marker', { timeZone: MARKER }, invalid('timeZone')),
  opt('timeZone +01:00', { timeZone: '+01:00' }, [invalid('timeZone'), 'ok']),
  opt('timeZone as a number', { timeZone: 0 }, invalid('timeZone')),
  opt('timeZone null', { timeZone: null }, invalid('timeZone')),
  { name: 'timeZone 10 MB', entry: e, make: () => ({ at: new Date(AT_DATE), timeZone: hugeMarker() }), expect: invalid('timeZone') },

  // ── limit and horizonDays ──
  opt('limit 0', { limit: 0 }, invalid('limit')),
  opt('limit -1', { limit: -1 }, invalid('limit')),
  opt('limit 1.5', { limit: 1.5 }, invalid('limit')),
  opt('limit 1001', { limit: 1001 }, invalid('limit')),
  opt('limit "3"', { limit: '3' }, invalid('limit')),
  opt('limit NaN', { limit: NaN }, invalid('limit')),
  opt('limit Infinity', { limit: Infinity }, invalid('limit')),
  opt('limit 3n', { limit: 3n }, invalid('limit')),
  opt('horizonDays 99999', { horizonDays: 99_999 }, invalid('horizonDays')),
  opt('horizonDays 0', { horizonDays: 0 }, invalid('horizonDays')),
  opt('horizonDays 3661', { horizonDays: 3661 }, invalid('horizonDays')),
  opt('horizonDays 0.5', { horizonDays: 0.5 }, invalid('horizonDays')),
  opt('horizonDays -Infinity', { horizonDays: -Infinity }, invalid('horizonDays')),
  opt('every option wrong', { at: null, timeZone: 'Mars/Olympus', limit: 0, horizonDays: 99_999 }, invalid('at', 'timeZone', 'limit', 'horizonDays')),
];
