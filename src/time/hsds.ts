/**
 * Maps an Open Referral HSDS 3.0 `schedule` row (snake_case, from JSON or CSV) to the
 * camelCase input of `ScheduleSchema`.
 *
 * @module
 */
import { ActivityMatchError } from '../errors.js';
import { guard } from '../guard.js';

const KEYS: Record<string, string> = {
  id: 'id',
  freq: 'freq',
  interval: 'interval',
  byday: 'byday',
  bymonthday: 'bymonthday',
  byweekno: 'byweekno',
  byyearday: 'byyearday',
  wkst: 'wkst',
  opens_at: 'opensAt',
  closes_at: 'closesAt',
  dtstart: 'dtstart',
  until: 'until',
  count: 'count',
  valid_from: 'validFrom',
  valid_to: 'validTo',
  description: 'description',
  notes: 'notes',
  attending_type: 'attendingType',
  schedule_link: 'scheduleLink',
};

const NUMERIC = new Set(['interval', 'count']);

/**
 * The `ScheduleSchema` input for one HSDS schedule row: keys renamed to camelCase; `null`,
 * empty strings and the CSV text "null" dropped; numeric text in `interval`/`count` turned
 * into numbers. Fields the schema does not read are dropped: ids of the service, location or
 * service-at-location, `attributes`, `metadata`, and `timezone` (a fixed UTC offset, which
 * cannot follow clock changes: pass an IANA zone to `nextOccurrences` instead). Only the shape
 * is checked here (an object, or `ActivityMatchError` with code `INVALID_ACTIVITY` and path
 * `schedule`); parse the result with `ScheduleSchema`.
 *
 * @example
 * ```ts
 * const schedule = ScheduleSchema.parse(fromHsdsSchedule({
 *   id: '23f3f9c6-431d-4e85-b59b-309d6d70274e', dtstart: '2020-07-04', until: '2020-11-07',
 *   valid_from: 'null', freq: 'MONTHLY', byday: '1SA', opens_at: '09:00:00Z', closes_at: '17:00:00Z',
 * }));
 * ```
 */
export function fromHsdsSchedule(row: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return guard([{ code: 'INVALID_ACTIVITY', path: 'schedule', value: row, fields: 'identifiers' }], () => fromHsdsScheduleUnguarded(row));
}

function fromHsdsScheduleUnguarded(row: Readonly<Record<string, unknown>>): Record<string, unknown> {
  if (row === null || typeof row !== 'object' || Array.isArray(row)) throw new ActivityMatchError('INVALID_ACTIVITY', [{ path: 'schedule', message: 'expected an HSDS schedule object' }]);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    const name = Object.hasOwn(KEYS, key) ? KEYS[key] : undefined; // own keys only: "constructor" and "__proto__" are vendor fields here
    if (name === undefined || value === null || value === undefined) continue;
    if (typeof value === 'string' && (value.trim() === '' || value.trim().toLowerCase() === 'null')) continue;
    out[name] = NUMERIC.has(name) && typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
  }
  return out;
}
