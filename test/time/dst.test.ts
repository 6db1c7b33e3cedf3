// Europe/London clock changes in 2026: Sunday 29 March 01:00 GMT → 02:00 BST,
// Sunday 25 October 02:00 BST → 01:00 GMT. Expected instants are written out in UTC.
import { describe, expect, it } from 'vitest';
import { nextOccurrences, ScheduleSchema } from '../../src/time/index.js';
import type { ScheduleInput } from '../../src/time/index.js';

function sessions(input: ScheduleInput, at: string, limit = 2, timeZone = 'Europe/London'): Array<[string, string]> {
  return nextOccurrences([ScheduleSchema.parse(input)], { at: new Date(at), limit, timeZone }).map((o) => [o.start.toISOString(), o.end.toISOString()]);
}

describe('spring forward, 29 March 2026', () => {
  it('a weekly Sunday 10:00–11:00 session is 10:00Z before and 09:00Z after', () => {
    expect(sessions({ freq: 'WEEKLY', byday: 'SU', opensAt: '10:00', closesAt: '11:00' }, '2026-03-21T00:00:00Z')).toEqual([
      ['2026-03-22T10:00:00.000Z', '2026-03-22T11:00:00.000Z'],
      ['2026-03-29T09:00:00.000Z', '2026-03-29T10:00:00.000Z'],
    ]);
  });

  it('Saturday is still GMT, Monday is BST', () => {
    expect(sessions({ freq: 'WEEKLY', byday: 'SA,MO', opensAt: '18:30', closesAt: '20:00' }, '2026-03-28T00:00:00Z')).toEqual([
      ['2026-03-28T18:30:00.000Z', '2026-03-28T20:00:00.000Z'],
      ['2026-03-30T17:30:00.000Z', '2026-03-30T19:00:00.000Z'],
    ]);
  });

  it.each([
    { opensAt: '01:30', start: '2026-03-29T01:30:00.000Z', note: '01:30 does not exist: 02:30 BST' },
    { opensAt: '01:00', start: '2026-03-29T01:00:00.000Z', note: '01:00 does not exist: 02:00 BST' },
    { opensAt: '00:30', start: '2026-03-29T00:30:00.000Z', note: 'before the gap: 00:30 GMT' },
    { opensAt: '02:00', start: '2026-03-29T01:00:00.000Z', note: 'after the gap: 02:00 BST' },
  ])('a start at $opensAt on 29 March → $start ($note)', ({ opensAt, start }) => {
    const [first] = sessions({ dtstart: '2026-03-29', opensAt, closesAt: '03:00' }, '2026-03-28T00:00:00Z', 1);
    expect(first).toEqual([start, '2026-03-29T02:00:00.000Z']);
  });

  it('a weekly session in the skipped hour moves only on the change day', () => {
    expect(sessions({ freq: 'WEEKLY', byday: 'SU', opensAt: '01:30', closesAt: '01:45' }, '2026-03-22T00:00:00Z', 3)).toEqual([
      ['2026-03-22T01:30:00.000Z', '2026-03-22T01:45:00.000Z'],
      ['2026-03-29T01:30:00.000Z', '2026-03-29T01:45:00.000Z'], // 02:30–02:45 BST
      ['2026-04-05T00:30:00.000Z', '2026-04-05T00:45:00.000Z'],
    ]);
  });

  it('an `at` inside the gap still finds the shifted session', () => {
    expect(sessions({ dtstart: '2026-03-29', opensAt: '01:30', closesAt: '03:00' }, '2026-03-29T01:00:00Z', 1)).toEqual([['2026-03-29T01:30:00.000Z', '2026-03-29T02:00:00.000Z']]);
  });
});

describe('fall back, 25 October 2026', () => {
  it('a weekly Sunday 10:00–11:00 session is 09:00Z before and 10:00Z after', () => {
    expect(sessions({ freq: 'WEEKLY', byday: 'SU', opensAt: '10:00', closesAt: '11:00' }, '2026-10-17T00:00:00Z')).toEqual([
      ['2026-10-18T09:00:00.000Z', '2026-10-18T10:00:00.000Z'],
      ['2026-10-25T10:00:00.000Z', '2026-10-25T11:00:00.000Z'],
    ]);
  });

  it.each([
    { opensAt: '01:30', start: '2026-10-25T00:30:00.000Z', note: '01:30 happens twice: the first, BST' },
    { opensAt: '01:00', start: '2026-10-25T00:00:00.000Z', note: '01:00 happens twice: the first, BST' },
    { opensAt: '00:30', start: '2026-10-24T23:30:00.000Z', note: 'before: 00:30 BST' },
    { opensAt: '02:00', start: '2026-10-25T02:00:00.000Z', note: 'after: 02:00 GMT' },
  ])('a start at $opensAt on 25 October → $start ($note)', ({ opensAt, start }) => {
    const [first] = sessions({ dtstart: '2026-10-25', opensAt, closesAt: '03:00' }, '2026-10-24T00:00:00Z', 1);
    expect(first).toEqual([start, '2026-10-25T03:00:00.000Z']);
  });
});

describe('other zones', () => {
  it('America/New_York: 8 March and 1 November 2026', () => {
    expect(sessions({ freq: 'WEEKLY', byday: 'SU', opensAt: '02:30', closesAt: '04:00' }, '2026-03-07T00:00:00Z', 1, 'America/New_York')).toEqual([['2026-03-08T07:30:00.000Z', '2026-03-08T08:00:00.000Z']]);
    expect(sessions({ freq: 'WEEKLY', byday: 'SU', opensAt: '01:30', closesAt: '04:00' }, '2026-10-31T00:00:00Z', 1, 'America/New_York')).toEqual([['2026-11-01T05:30:00.000Z', '2026-11-01T09:00:00.000Z']]);
  });

  it('Australia/Lord_Howe: a half-hour change', () => {
    // 4 October 2026 02:00 +10:30 → 02:30 +11:00; 02:15 does not exist and becomes 02:45 (15:45Z on 3 October).
    expect(sessions({ dtstart: '2026-10-04', opensAt: '02:15', closesAt: '04:00' }, '2026-10-01T00:00:00Z', 1, 'Australia/Lord_Howe')).toEqual([['2026-10-03T15:45:00.000Z', '2026-10-03T17:00:00.000Z']]);
  });
});
