// The HSDS 3.0 schedule field-guidance examples (unchanged copies in fixtures/, CC BY-SA 4.0,
// Open Referral) must parse and give the occurrences their descriptions promise.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fromHsdsSchedule, isStale, nextOccurrences, ScheduleSchema } from '../../src/time/index.js';
import type { Schedule } from '../../src/time/index.js';

const dir = fileURLToPath(new URL('../../fixtures/open-referral/hsds-3.0/', import.meta.url));

/** Minimal RFC 4180 CSV reader (quoted fields, doubled quotes), enough for the fixture. */
function readCsv(text: string): Array<Record<string, string>> {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  const [header = [], ...body] = rows.filter((r) => r.some((f) => f !== ''));
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

const csvRows = readCsv(readFileSync(`${dir}schedule-guidance-schedules.csv`, 'utf8'));
const jsonRows = (JSON.parse(readFileSync(`${dir}schedule-guidance-services.json`, 'utf8')) as { services: Array<{ schedules: Array<Record<string, unknown>> }> }).services.flatMap((s) => s.schedules);

const fromCsv = csvRows.map((row) => ScheduleSchema.parse(fromHsdsSchedule(row)));
const fromJson = jsonRows.map((row) => ScheduleSchema.parse(fromHsdsSchedule(row)));

const iso = (schedules: Schedule[], at: string, limit: number) =>
  nextOccurrences(schedules, { at: new Date(at), limit }).map((o) => `${o.start.toISOString().slice(0, 16)}–${o.end.toISOString().slice(11, 16)} #${o.scheduleIndex}`);

describe('HSDS 3.0 schedule field guidance', () => {
  it('has the three example schedules in both files, parsing to the same schedules', () => {
    expect(csvRows).toHaveLength(3);
    expect(jsonRows).toHaveLength(3);
    expect(fromCsv).toEqual(fromJson);
  });

  it.each([
    ['CSV', fromCsv],
    ['JSON', fromJson],
  ])('%s: parses to the documented rules', (_name, schedules) => {
    expect(schedules.map((s) => [s.freq, s.byday.map((b) => `${b.ordinal ?? ''}${b.day}`).join(','), s.opensAt, s.closesAt, s.dtstart, s.until, s.validTo])).toEqual([
      ['WEEKLY', 'mon,tue,wed,thu', '09:00', '12:00', '2020-04-01', undefined, '2020-12-20'],
      ['WEEKLY', 'mon,tue,wed,thu', '15:00', '17:00', '2020-04-01', undefined, '2020-12-20'],
      ['MONTHLY', '1sat', '09:00', '17:00', '2020-07-04', '2020-11-07', undefined],
    ]);
  });

  it.each([
    ['CSV', fromCsv],
    ['JSON', fromJson],
  ])('%s: split-day hours Monday to Thursday, 9–12 and 3–5 local (BST in April 2020)', (_name, schedules) => {
    // 1 April 2020 was a Wednesday; London was on BST (UTC+1), so "09:00:00Z" is read as 09:00 local = 08:00Z.
    expect(iso(schedules.slice(0, 2), '2020-03-31T12:00:00Z', 6)).toEqual([
      '2020-04-01T08:00–11:00 #0',
      '2020-04-01T14:00–16:00 #1',
      '2020-04-02T08:00–11:00 #0',
      '2020-04-02T14:00–16:00 #1',
      '2020-04-06T08:00–11:00 #0',
      '2020-04-06T14:00–16:00 #1',
    ]);
  });

  it.each([
    ['CSV', fromCsv],
    ['JSON', fromJson],
  ])('%s: first Saturday of the month from July to November 2020, 9am–5pm, and no more', (_name, schedules) => {
    expect(iso(schedules.slice(2), '2020-01-01T00:00:00Z', 10)).toEqual([
      '2020-07-04T08:00–16:00 #0',
      '2020-08-01T08:00–16:00 #0',
      '2020-09-05T08:00–16:00 #0',
      '2020-10-03T08:00–16:00 #0',
      '2020-11-07T09:00–17:00 #0', // GMT again
    ]);
    expect(iso(schedules.slice(2), '2020-11-07T09:00:01Z', 10)).toEqual([]);
  });

  it('all three together: the next three from Thursday 2 July 2020, 1pm', () => {
    expect(iso(fromCsv, '2020-07-02T12:00:00Z', 3)).toEqual(['2020-07-02T14:00–16:00 #1', '2020-07-04T08:00–16:00 #2', '2020-07-06T08:00–11:00 #0']);
  });

  it('valid_to 2020-12-20 flags "re-check" but does not end the weekly hours', () => {
    const [morning] = fromCsv;
    expect(morning && isStale(morning, new Date('2020-12-20T12:00:00Z'))).toBe(false);
    expect(morning && isStale(morning, new Date('2020-12-21T00:00:00Z'))).toBe(true);
    expect(iso(fromCsv.slice(0, 1), '2021-01-01T00:00:00Z', 1)).toEqual(['2021-01-04T09:00–12:00 #0']);
  });
});
