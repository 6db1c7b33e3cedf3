// Issue #21: the low-level time helpers check what callers give them. Garbage is an
// ActivityMatchError with the path (INVALID_ACTIVITY for capacity, programmes, sessions and
// HSDS rows; INVALID_CLIENT for availability; INVALID_OPTIONS for windows), never a TypeError,
// and a reason never says "NaN".
import { MARKER } from '../corpus.js';
import type { BadInputCase } from '../corpus.js';

const activity = (...paths: string[]) => ({ code: 'INVALID_ACTIVITY' as const, paths });
const options = (...paths: string[]) => ({ code: 'INVALID_OPTIONS' as const, paths });

export const cases: BadInputCase[] = [
  // capacityStatus
  { name: 'places left', entry: 'capacity', input: { placesLeft: 3, usualWaitWeeks: 2 }, expect: 'ok' },
  { name: 'not recorded', entry: 'capacity', input: undefined, expect: 'ok' },
  { name: 'null', entry: 'capacity', input: null, expect: activity('capacity') },
  { name: 'placesLeft NaN (wrote "NaN places left")', entry: 'capacity', input: { placesLeft: NaN }, expect: activity('capacity.placesLeft') },
  { name: 'placesLeft Infinity', entry: 'capacity', input: { placesLeft: Infinity }, expect: activity('capacity.placesLeft') },
  { name: 'usualWaitWeeks -1', entry: 'capacity', input: { usualWaitWeeks: -1 }, expect: activity('capacity.usualWaitWeeks') },
  { name: 'a description of the marker, 10 MB', entry: 'capacity', make: () => ({ description: `${MARKER} `.repeat(600_000) }), expect: activity('capacity.description') },
  { name: 'an unknown field', entry: 'capacity', input: { placesLeft: 1, [MARKER]: 1 }, expect: activity('capacity') },
  // canJoin
  { name: 'a course', entry: 'programme', input: { startDate: '2026-11-02', weeks: 10, intakes: ['2027-01-04'] }, expect: 'ok' },
  { name: 'a validated rolling course', entry: 'programme', input: { startDate: '2026-01-05', weeks: 12, rolling: true, intakes: [] }, expect: 'ok' },
  { name: 'null', entry: 'programme', input: null, expect: activity('programme') },
  { name: 'weeks NaN', entry: 'programme', input: { startDate: '2026-11-02', weeks: NaN }, expect: activity('programme.weeks') },
  { name: 'intakes that are not dates', entry: 'programme', input: { startDate: '2026-11-02', weeks: 4, intakes: [MARKER] }, expect: activity('programme.intakes[0]') },
  // sessionFit
  { name: 'a weekly window', entry: 'session', input: { day: 'tue', start: '10:00', end: '12:00' }, expect: 'ok' },
  { name: 'an occurrence', entry: 'session', make: () => ({ start: new Date('2026-11-24T10:00:00Z'), end: new Date('2026-11-24T12:00:00Z'), timeZone: 'Europe/London', scheduleIndex: 0, extra: false }), expect: 'ok' },
  { name: 'null', entry: 'session', input: null, expect: activity('session') },
  { name: 'a garbage window', entry: 'session', input: { day: MARKER, start: 'x', end: 'y' }, expect: activity('session.day', 'session.start', 'session.end') },
  { name: 'an occurrence with invalid dates', entry: 'session', make: () => ({ start: new Date(NaN), end: new Date(NaN), timeZone: 'Europe/London' }), expect: activity('session.start', 'session.end') },
  { name: 'an occurrence in an unknown zone', entry: 'session', make: () => ({ start: new Date('2026-11-24T10:00:00Z'), end: new Date('2026-11-24T12:00:00Z'), timeZone: MARKER }), expect: activity('session.timeZone') },
  { name: 'windows and dates away', entry: 'availability', input: { windows: [{ day: 'tue', start: '09:00', end: '11:00' }], datesAway: ['2026-12-25'] }, expect: 'ok' },
  { name: 'null', entry: 'availability', input: null, expect: { code: 'INVALID_CLIENT', paths: ['availability'] } },
  { name: 'windows that are not windows', entry: 'availability', input: { windows: [null, MARKER] }, expect: { code: 'INVALID_CLIENT', paths: ['availability.windows[0]', 'availability.windows[1]'] } },
  // weeklySlotMask and maskOverlapMinutes
  { name: 'two windows', entry: 'windows', input: [{ day: 'mon', start: '09:00', end: '10:00' }, { day: 'mon', start: '09:30', end: '11:00' }], expect: 'ok' },
  { name: 'null', entry: 'windows', input: null, expect: options('windows') },
  { name: 'a window ending before it starts', entry: 'windows', input: [{ day: 'mon', start: '10:00', end: '09:00' }], expect: options('windows[0].end') },
  { name: '10,001 windows', entry: 'windows', make: () => Array.from({ length: 10_001 }, () => ({ day: 'mon', start: '09:00', end: '10:00' })), expect: options('windows') },
  // fromHsdsSchedule
  { name: 'an HSDS row', entry: 'hsds-schedule', input: { id: 's1', freq: 'WEEKLY', byday: 'TU', opens_at: '10:00:00Z', closes_at: '11:00:00Z', interval: '2' }, expect: 'ok' },
  { name: 'null', entry: 'hsds-schedule', input: null, expect: activity('schedule') },
  { name: 'a list of rows', entry: 'hsds-schedule', input: [{ opens_at: '10:00' }], expect: activity('schedule') },
  { name: 'a string', entry: 'hsds-schedule', input: MARKER, expect: activity('schedule') },
];
