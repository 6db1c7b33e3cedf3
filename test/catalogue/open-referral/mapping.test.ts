import { describe, expect, it } from 'vitest';
import type { ValidationIssue } from '../../../src/errors.js';
import { accessibilityFromText, accessibilityText } from '../../../src/catalogue/open-referral/accessibility.js';
import { costFromText, levelOf, mapCost, perOf } from '../../../src/catalogue/open-referral/cost.js';
import { mapLocation, remoteModeOf } from '../../../src/catalogue/open-referral/location.js';
import { mapSchedules } from '../../../src/catalogue/open-referral/schedules.js';
import { ScheduleSchema } from '../../../src/schema/schedule.js';

describe('cost', () => {
  it.each([
    ['per 1 hour session', 'session'],
    ['£3 a class', 'session'],
    ['weekly', 'week'],
    ['£15 a month', 'month'],
    ['for the whole course', 'course'],
    ['annual membership', 'year'],
    ['see website', undefined],
  ])('perOf(%j) is %j', (text, per) => {
    expect(perOf(text)).toBe(per);
  });

  it.each([
    [0, undefined, 'free'],
    [5, 'session', 'low'],
    [5.5, 'session', 'paid'],
    [20, 'month', 'low'],
    [30, 'course', 'low'],
    [60, 'course', 'paid'],
    [6, undefined, 'paid'],
  ] as const)('levelOf(%j, %j) is %j', (amount, per, level) => {
    expect(levelOf(amount, per)).toBe(level);
  });

  it.each([
    ['Free', { level: 'free', description: 'Free' }],
    ['No charge for the group', { level: 'free', description: 'No charge for the group' }],
    ['£2.50 per session', { level: 'low', amountGBP: 2.5, per: 'session', description: '£2.50 per session' }],
    ['50p a session', { level: 'low', amountGBP: 0.5, per: 'session', description: '50p a session' }],
    ['Free for the first 10 weeks, then £15 a month', { level: 'low', amountGBP: 15, per: 'month', freePeriod: { weeks: 10 }, description: 'Free for the first 10 weeks, then £15 a month' }],
    ['Six weeks free then £30 a month', { level: 'paid', amountGBP: 30, per: 'month', freePeriod: { weeks: 6 }, description: 'Six weeks free then £30 a month' }],
    ['Please feel free to bring a friend', undefined],
    ['Free parking on site', undefined],
    ['fees_description', undefined],
  ])('costFromText(%j)', (text, cost) => {
    expect(costFromText(text)).toEqual(cost);
  });

  it('takes the level, amount and period from the cheapest option and lists every option', () => {
    const issues: ValidationIssue[] = [];
    const service = { cost_options: [{ id: 'a', option: 'Standard', amount: 4, amount_description: 'per class' }, { id: 'b', option: 'Concessions', amount: 2, amount_description: 'per class' }] };
    expect(mapCost(service, 'contents[0]', issues)).toEqual({ cost: { level: 'low', amountGBP: 2, per: 'session', description: 'Standard: £4 per class; Concessions: £2 per class' }, inferred: false });
    expect(issues).toEqual([]);
  });

  it('makes an activity free when any option is free (the description keeps the conditions)', () => {
    const service = { cost_options: [{ id: 'a', option: 'Standard', amount: 60, amount_description: 'for the whole course' }, { id: 'b', option: 'On benefits', amount: 0 }] };
    expect(mapCost(service, '', [])).toEqual({ cost: { level: 'free', description: 'Standard: £60 for the whole course; On benefits: free' }, inferred: false });
  });

  it('reads an option whose text says free without an amount', () => {
    expect(mapCost({ cost_options: [{ id: 'a', option: 'Free to all' }] }, '', []).cost?.level).toBe('free');
  });

  it('keeps an amount in another currency out of amountGBP, with a warning', () => {
    const issues: ValidationIssue[] = [];
    expect(mapCost({ cost_options: [{ id: 'a', amount: 8, currency: 'EUR', amount_description: 'per session' }] }, 'contents[1]', issues).cost).toEqual({ level: 'paid', per: 'session', description: '8 EUR per session' });
    expect(issues).toEqual([{ path: 'contents[1].cost_options[0].currency', message: 'expected gbp: the amount sets the cost level but is not kept as pounds' }]);
  });

  it('ignores a negative or non-numeric amount, with a warning naming the field', () => {
    const issues: ValidationIssue[] = [];
    expect(mapCost({ cost_options: [{ id: 'a', amount: -5 }, { id: 'b', amount: 'ask' }] }, 'contents[2]', issues)).toEqual({ inferred: false });
    expect(issues.map((i) => i.path)).toEqual(['contents[2].cost_options[0].amount', 'contents[2].cost_options[1].amount']);
  });

  it('falls back to fees_description (inferred), then fees; text without a price is a warning', () => {
    expect(mapCost({ fees_description: '<p>&pound;2 per session</p>' }, '', [])).toEqual({ cost: { level: 'low', amountGBP: 2, per: 'session', description: '£2 per session' }, inferred: true });
    expect(mapCost({ fees: 'Free' }, '', [])).toEqual({ cost: { level: 'free', description: 'Free' }, inferred: true });
    const issues: ValidationIssue[] = [];
    expect(mapCost({ fees: 'fees_description' }, 'contents[3]', issues)).toEqual({ inferred: false });
    expect(issues).toEqual([{ path: 'contents[3].fees', message: 'could not tell the price from the text: cost left unrecorded' }]);
  });

  it('leaves the cost unrecorded when the service says nothing about it', () => {
    const issues: ValidationIssue[] = [];
    expect(mapCost({ fees: '' }, '', issues)).toEqual({ inferred: false });
    expect(issues).toEqual([]);
  });
});

describe('accessibility from text', () => {
  it.each([
    ['the official example', 'The building is equipped with induction loops for hearing aids. Wheelchair access is possible on all levels.', { wheelchair: true, stepFree: true, hearingLoop: true }],
    ['steps imply no wheelchair access', 'Three steps up to the front door, no accessible toilet.', { wheelchair: false, stepFree: false, accessibleToilet: false }],
    ['step-free is not a step', 'Step-free entrance and an accessible toilet.', { stepFree: true, accessibleToilet: true }],
    ['"no steps" is step-free', 'The entrance has no steps', { stepFree: true }],
    ['level access and a loop', 'Level access with no steps. Hearing loop in the main hall.', { stepFree: true, hearingLoop: true }],
    ['not wheelchair accessible', 'Not wheelchair accessible, sorry.', { wheelchair: false }],
    ['upstairs with no lift, across clauses', 'Upstairs room on the first floor, there is no lift.', { stepFree: false, wheelchair: false }],
    ['no loop, but an accessible toilet', 'There is no hearing loop. Accessible toilet on the ground floor.', { hearingLoop: false, accessibleToilet: true }],
    ['not suitable for wheelchair users', 'Unfortunately the hall is not suitable for wheelchair users.', { wheelchair: false }],
    ['a missing toilet says nothing about wheelchairs', 'No accessible toilet.', { accessibleToilet: false }],
    ['contradictions stay unknown', 'Two steps at the entrance but a portable ramp is available.', {}],
    ['HTML is read as text', '<p>Fully accessible building with <b>level access</b> and an accessible WC.</p>', { wheelchair: true, stepFree: true, accessibleToilet: true }],
    ['nothing said, nothing known', 'Near the bus station.', {}],
  ])('%s', (_name, text, flags) => {
    expect(accessibilityFromText(text)).toEqual(flags);
  });

  it('gathers HSDS 3.0, UK v3 and UK v1 accessibility text', () => {
    const location = {
      accessibility: [{ id: 'a', description: 'Level access.', details: 'Ramp at the side door.' }, { id: 'b', accessibility: 'Hearing loop.' }],
      accessibility_for_disabilities: [{ id: 'c', accessibility: 'Accessible toilet' }],
    };
    expect(accessibilityText(location)).toBe('Level access.\nRamp at the side door.\nHearing loop.\nAccessible toilet');
  });
});

describe('locations', () => {
  it('maps a physical location to a venue with its first physical address', () => {
    const issues: ValidationIssue[] = [];
    const location = {
      id: 'l1', location_type: 'physical', name: 'Heeley Hall', latitude: '53.36', longitude: -1.47,
      addresses: [{ address_1: 'PO Box 9', address_type: 'postal', postal_code: 'S1 1AA' }, { address_1: '1 Gleadless Rd', address_2: 'Heeley', city: 'Sheffield', postal_code: 'S2 3AA', address_type: 'physical' }],
    };
    expect(mapLocation(location, 'contents[0].service_at_locations[0].location', issues)).toEqual({
      kind: 'location',
      location: { kind: 'venue', lat: 53.36, lon: -1.47, venue: 'Heeley Hall', address: '1 Gleadless Rd, Heeley, Sheffield', postcode: 'S2 3AA' },
    });
    expect(issues).toEqual([]);
  });

  it.each([
    ['virtual', { id: 'z', location_type: 'virtual', url: 'https://example.org' }, { kind: 'location', location: { kind: 'online' } }, []],
    ['postal', { id: 'p', location_type: 'postal' }, { kind: 'postal' }, ['x.location_type']],
    // Without usable coordinates the venue is kept, its position unknown, with a warning.
    ['no coordinates', { id: 'n', location_type: 'physical', name: 'Hall', addresses: [{ address_1: '1 High St', postal_code: 'BS34 5PE' }] }, { kind: 'location', location: { kind: 'venue', venue: 'Hall', address: '1 High St', postcode: 'BS34 5PE' } }, ['x.latitude']],
    ['latitude out of range (the official example)', { id: 'o', location_type: 'physical', latitude: 100, longitude: 101 }, { kind: 'location', location: { kind: 'venue' } }, ['x.latitude']],
    ['longitude out of range', { id: 'o', latitude: 53, longitude: 200 }, { kind: 'location', location: { kind: 'venue' } }, ['x.longitude']],
    ['0, 0 (a missing geocode)', { id: 'o', latitude: 0, longitude: 0 }, { kind: 'location', location: { kind: 'venue' } }, ['x.latitude']],
    ['no nested location', undefined, { kind: 'unusable' }, ['x']],
    ['an unknown location_type, read as physical', { id: 'u', location_type: 'building', latitude: 53, longitude: -1 }, { kind: 'location', location: { kind: 'venue', lat: 53, lon: -1 } }, ['x.location_type']],
  ])('%s', (_name, location, mapped, paths) => {
    const issues: ValidationIssue[] = [];
    expect(mapLocation(location, 'x', issues)).toEqual(mapped);
    expect(issues.map((i) => i.path)).toEqual(paths);
  });

  it.each([
    ['You can attend this service in-person or remotely via video conferencing', 'online'],
    ['Sessions on Zoom', 'online'],
    ['Online', 'online'],
    ['webchat', 'online'],
    ['By telephone', 'phone'],
    ['A volunteer rings you once a week', 'phone'],
    ['Telephone: 0117 496 0312 (office open Mon–Fri 9am–5pm)', undefined],
    ['Fill in the online form or call us', undefined],
    ['Home visits across Sheffield', 'home'],
    ['Venue', undefined],
    ['Drop in at the hall', undefined],
  ])('remoteModeOf(%j) is %j', (text, mode) => {
    expect(remoteModeOf(text)).toBe(mode);
  });
});

describe('mapSchedules', () => {
  it('maps the HSDS schedule guidance rows, dates from datetimes, HTML stripped', () => {
    const issues: ValidationIssue[] = [];
    const rows = [
      { id: 'a', freq: 'WEEKLY', byday: 'MO,TU,WE,TH', opens_at: '09:00:00Z', closes_at: '12:00:00Z', dtstart: '2020-04-01T00:00:00Z', valid_to: '2020-12-20', description: '<p>Monday to Thursday, 9am to 12pm</p>' },
      { id: 'b', freq: 'MONTHLY', byday: '1SA', opens_at: '09:00:00Z', closes_at: '17:00:00Z', dtstart: '2020-07-04', until: '2020-11-07', timezone: 0 },
    ];
    const schedules = mapSchedules(rows, 'contents[0].schedules', issues);
    expect(issues).toEqual([]);
    expect(schedules).toEqual([
      { id: 'a', freq: 'WEEKLY', byday: 'MO,TU,WE,TH', opensAt: '09:00:00Z', closesAt: '12:00:00Z', dtstart: '2020-04-01', validTo: '2020-12-20', description: 'Monday to Thursday, 9am to 12pm' },
      { id: 'b', freq: 'MONTHLY', byday: '1SA', opensAt: '09:00:00Z', closesAt: '17:00:00Z', dtstart: '2020-07-04', until: '2020-11-07' },
    ]);
    for (const s of schedules) expect(ScheduleSchema.safeParse(s).success).toBe(true);
  });

  it('keeps an unreadable timetable as a description only, reporting each field under its HSDS name', () => {
    const issues: ValidationIssue[] = [];
    const rows = [{ id: 's', freq: 'WEEKLY', byday: 'SA', opens_at: '1.30pm', closes_at: '4pm', description: 'Saturday afternoons, 1.30 to 4' }];
    expect(mapSchedules(rows, 'contents[2].schedules', issues)).toEqual([{ description: 'Saturday afternoons, 1.30 to 4' }]);
    expect(issues.map((i) => i.path)).toEqual(['contents[2].schedules[0].opens_at', 'contents[2].schedules[0].closes_at', 'contents[2].schedules[0]']);
    expect(issues[2]?.message).toBe('timetable not readable: kept as a description only (no sessions)');
  });

  it('drops an unreadable timetable with nothing to describe it', () => {
    const issues: ValidationIssue[] = [];
    expect(mapSchedules([{ id: 's', freq: 'YEARLY', opens_at: '10:00', closes_at: '11:00' }], 'schedules', issues)).toEqual([]);
    expect(issues.at(-1)).toEqual({ path: 'schedules[0]', message: 'timetable not readable and nothing to describe it: ignored' });
  });

  it('drops bymonthday from a WEEKLY rule (RFC 5545 forbids it), keeping the weekly sessions', () => {
    const issues: ValidationIssue[] = [];
    const [schedule] = mapSchedules([{ id: 's', freq: 'WEEKLY', byday: 'TH,FR', bymonthday: '2,3,4', opens_at: '10:00:00', closes_at: '18:00:00' }], 'schedules', issues);
    expect(schedule).toEqual({ id: 's', freq: 'WEEKLY', byday: 'TH,FR', opensAt: '10:00:00', closesAt: '18:00:00' });
    expect(issues).toEqual([{ path: 'schedules[0].bymonthday', message: 'ignored: not allowed with freq WEEKLY (RFC 5545)' }]);
  });

  it('reports a row that is not an object', () => {
    const issues: ValidationIssue[] = [];
    expect(mapSchedules(['Mondays'], 'schedules', issues)).toEqual([]);
    expect(issues).toEqual([{ path: 'schedules[0]', message: 'expected a schedule object; ignored' }]);
  });
});
