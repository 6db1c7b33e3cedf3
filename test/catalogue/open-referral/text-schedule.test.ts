import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SESSION_MINUTES, readTextSchedules } from '../../../src/catalogue/open-referral/text-schedule.js';
import { ScheduleSchema } from '../../../src/schema/schedule.js';

/** The timed rows as "FREQ BYDAY HH:MM-HH:MM". */
const rows = (text: string) => readTextSchedules(text).schedules.filter((s) => s.freq !== undefined).map((s) => `${s.freq === 'MONTHLY' ? 'M' : 'W'} ${String(s.byday)} ${String(s.opensAt)}-${String(s.closesAt)}`);

describe('readTextSchedules: weekdays and times in a description', () => {
  it.each([
    ['Tuesdays 2pm – 4.30pm', ['W TU 14:00-16:30']],
    ['Thursdays 1.30pm &ndash; 3.30pm'.replace('&ndash;', '–'), ['W TH 13:30-15:30']],
    ['Every Wednesday 10am – 12pm. Free.', ['W WE 10:00-12:00']],
    ['Mondays 11am-12noon.', ['W MO 11:00-12:00']],
    ['Every Tuesday 10.30am to 12noon.', ['W TU 10:30-12:00']],
    ['Open Tuesdays and Thursdays 10am–3pm.', ['W TU,TH 10:00-15:00']],
    ['Every Tuesday and Saturday, 10am – 2pm', ['W TU,SA 10:00-14:00']],
    ['Mon–Fri 9–4.30', ['W MO,TU,WE,TH,FR 09:00-16:30']],
    ['Lines open Monday to Friday 9am–5pm', ['W MO,TU,WE,TH,FR 09:00-17:00']],
    ['Tuesday to Friday, 10am – 3pm', ['W TU,WE,TH,FR 10:00-15:00']],
    ['every weekday morning between 9 and 10am', ['W MO,TU,WE,TH,FR 09:00-10:00']],
    ['Saturdays 10am - 1pm (April to October) and Wednesdays 10am-12noon all year round.', ['W SA 10:00-13:00', 'W WE 10:00-12:00']],
    ['First Friday of the month, 10am to 12noon.', ['M 1FR 10:00-12:00']],
    ['Last Saturday of the month 9am–11am', ['M -1SA 09:00-11:00']],
    ['Second and fourth Thursday of the month, 2–4pm', ['M 2TH,4TH 14:00-16:00']],
    ['Meets on the third Thursday of each month, 2pm – 4pm', ['M 3TH 14:00-16:00']],
    ['Monthly – last Sunday of the month 2–4.30pm', ['M -1SU 14:00-16:30']],
    ['Meet-ups on the first Saturday of the month, 11am-1pm. Online games night every Wednesday, 7pm-9pm.', ['M 1SA 11:00-13:00', 'W WE 19:00-21:00']],
  ])('%s', (text, expected) => {
    expect(rows(text)).toEqual(expected);
  });

  it.each([
    ['a start marked pm makes an unmarked end pm', 'Wednesdays 7.30pm - 9pm', ['W WE 19:30-21:00']],
    ['an end marked pm makes the start pm when it stays before the end', 'Mondays 1-3pm', ['W MO 13:00-15:00']],
    ['…and not when it would pass the end', 'Fridays 10-2pm', ['W FR 10:00-14:00']],
    ['noon and pm', 'Thursdays 12.30-2.30pm', ['W TH 12:30-14:30']],
    ['unmarked 1 to 6 is afternoon', 'Tuesdays 1.30-3.30', ['W TU 13:30-15:30']],
    ['unmarked 7 to 11 is morning', 'Wednesdays 9.30-11.30', ['W WE 09:30-11:30']],
    ['unmarked end before its start is afternoon', 'Mon-Fri 9-4.30', ['W MO,TU,WE,TH,FR 09:00-16:30']],
    ['across noon', 'Tuesdays & Fridays 11.15–12.15', ['W TU,FR 11:15-12:15']],
    ['24-hour clock', 'Saturdays 14:00-16:00', ['W SA 14:00-16:00']],
  ])('times without am or pm: %s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });

  it('splits a session past midnight into two rows, the second on the next day', () => {
    expect(rows('Open every night 6pm-2am.')).toEqual(['W MO,TU,WE,TH,FR,SA,SU 18:00-24:00', 'W MO,TU,WE,TH,FR,SA,SU 00:00-02:00']);
    expect(rows('Saturdays 8pm to 1am')).toEqual(['W SA 20:00-24:00', 'W SU 00:00-01:00']);
  });

  it('moves one day’s end for "until" after a range ("late line on Wednesdays until 7pm")', () => {
    expect(rows('Lines open Monday to Friday 9am – 5pm, with a late line on Wednesdays until 7pm.')).toEqual(['W MO,TU,TH,FR 09:00-17:00', 'W WE 09:00-19:00']);
  });

  it('gives a start with no end the stated duration, else an hour, with a note', () => {
    expect(rows('Every other Wednesday at 11am, for 45 minutes.')).toEqual(['W WE 11:00-11:45']);
    expect(rows('The walk lasts about an hour. When? Every Thursday at 10.30am')).toEqual(['W TH 10:30-11:30']);
    const plain = readTextSchedules('Saturdays at 9am from the pavilion.');
    expect(rows('Saturdays at 9am from the pavilion.')).toEqual([`W SA 09:00-${String(9 + DEFAULT_SESSION_MINUTES / 60).padStart(2, '0')}:00`]);
    expect(plain.notes.join(' ')).toMatch(/no end time given/);
    expect(rows('Second Sunday of the month, 10am start.')).toEqual(['M 2SU 10:00-11:00']);
  });

  it('reads "every other Monday" as weekly, with a note that HSDS needs a start date for which weeks', () => {
    const r = readTextSchedules('We meet every other Monday 10–12.');
    expect(rows('We meet every other Monday 10–12.')).toEqual(['W MO 10:00-12:00']);
    expect(r.notes).toEqual([expect.stringMatching(/every other week, but no start date says which weeks: read as weekly/)]);
    expect(readTextSchedules('Fortnightly on Sunday afternoons, 2–4pm').notes.join()).toMatch(/every other week/);
  });

  it('gives a day with only a part of the day a documented window, with a note', () => {
    const r = readTextSchedules('Bingo and a cuppa every Thursday afternoon.');
    expect(rows('Bingo and a cuppa every Thursday afternoon.')).toEqual(['W TH 14:00-16:00']);
    expect(r.notes).toEqual([expect.stringMatching(/no times given: afternoon read as 14:00–16:00/)]);
  });

  it('keeps a day with no time as a described-only row (no sessions), with no note about weeks it does not read', () => {
    expect(readTextSchedules('Short led walks. Every other Sunday.')).toEqual({ schedules: [{ description: 'Every other Sunday' }], notes: [], dates: [] });
  });

  it('reads a start date after "starting"', () => {
    expect(readTextSchedules('Tuesdays 10am – 12.30pm, starting Tuesday 2 February 2027').schedules[0]).toMatchObject({ freq: 'WEEKLY', byday: 'TU', dtstart: '2027-02-02' });
  });

  it('keeps the sentence a row came from as its description', () => {
    expect(readTextSchedules('Friendly group. Thursdays 1.30pm – 3.30pm. £2 a session.').schedules[0]?.description).toBe('Thursdays 1.30pm – 3.30pm');
  });

  it.each([
    ['office hours', 'Contact the bookings office Monday to Friday 9am–1pm.'],
    ['a vague day', 'Open most weekdays – check our Facebook page for times.'],
    ['a dated event', 'Saturday 12 December 2026 at 7pm. Tickets £15.'],
    ['a season', 'Outdoor flat green bowls, April–September.'],
    ['a visit with no day', 'Our volunteers visit every three weeks.'],
    ['ages', 'For young people aged 11-16.'],
    ['a distance', 'Short led walks of 3–5 miles.'],
    ['counts and numbers', 'Founded in 1975, over 60 members; the number 16 bus stops outside.'],
    ['a duration', 'A companion visits for 2 hours each week.'],
    ['an abbreviation that is no day', 'Sit in the sun and chat; we sat down for tea.'],
    ['money', 'Tickets £15 (concessions £12).'],
    ['a phone number', 'Call 0117 496 0312.'],
  ])('reads no sessions from %s', (_name, text) => {
    expect(rows(text)).toEqual([]);
  });

  it('lists dated sessions (a date with a time), not dates alone', () => {
    expect(readTextSchedules('Cinderella: Saturday 12 December 2026 at 7pm.').dates).toEqual(['saturday 12 december 2026']);
    expect(readTextSchedules('Next meeting: Wednesday 20 January 2027, 1-3pm, online.').dates).toEqual(['wednesday 20 january 2027']);
    expect(readTextSchedules('Closing date 15 January 2027.').dates).toEqual([]);
  });
});

describe('readTextSchedules: properties', () => {
  const day = fc.constantFrom('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday');
  const code = { Monday: 'MO', Tuesday: 'TU', Wednesday: 'WE', Thursday: 'TH', Friday: 'FR', Saturday: 'SA', Sunday: 'SU' } as const;
  const clock = (m: number) => `${Math.floor(m / 60) % 12 === 0 ? 12 : Math.floor(m / 60) % 12}${m % 60 === 0 ? '' : `.${String(m % 60).padStart(2, '0')}`}${m < 720 ? 'am' : 'pm'}`;
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

  it('reads any "<Day>s <start> – <end>" with am/pm as that weekly session', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 6 * 4, max: 21 * 4 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom(' – ', '-', ' to ', '–'), (d, q, len, dash) => {
        const start = q * 15;
        const end = Math.min(start + len * 15, 23 * 60 + 45);
        fc.pre(end > start);
        const [row] = readTextSchedules(`${d}s ${clock(start)}${dash}${clock(end)}.`).schedules;
        expect(row).toMatchObject({ freq: 'WEEKLY', byday: code[d], opensAt: hhmm(start), closesAt: hhmm(end) });
      }),
      { numRuns: 200 },
    );
  });

  it('gives only rows the schedule schema accepts, whatever the text', () => {
    const words = fc.constantFrom('Monday', 'mon', 'tues', 'Sat', 'first', 'last', 'of the month', 'every other', 'and', 'to', '-', '–', ',', 'until', 'between', '10', '12', '6pm', '2am', '9.30', '12noon', 'midnight', 'aged', '£3', 'starting', '2 February 2027', 'afternoon', 'daily', 'weekdays', '.', '\n');
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.array(words, { maxLength: 25 }).map((w) => w.join(' '))), (text) => {
        const r = readTextSchedules(text);
        for (const s of r.schedules) expect(ScheduleSchema.safeParse(s).success).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
