// Records as real UK feeds write them (issue #17): no locations, UK profile fields, facts only in
// text, contact lines that are not ways of attending, and records that are not services.
import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../../src/index.js';
import { fromOpenReferral } from '../../../src/catalogue/open-referral/index.js';
import type { ImportedActivity } from '../../../src/catalogue/open-referral/index.js';

const AT = '2026-12-04T09:00:00Z';
const page = (...contents: Record<string, unknown>[]) => ({ total_items: contents.length, total_pages: 1, page_number: 1, size: 50, first_page: true, last_page: true, empty: false, contents });
const record = (id: string, fields: Record<string, unknown>) => ({ id, status: 'active', minimum_age: -1, maximum_age: -1, fees: '', service_areas: [{ id: 'sa-bristol', name: 'Bristol' }], ...fields });
const one = (fields: Record<string, unknown>) => fromOpenReferral(page(record('s1', fields)), { at: '2026-12-04' });

describe('a record without service_at_locations', () => {
  const knit = one({
    name: 'Patchway Knit &amp; Natter',
    description: '<p>Friendly knitting and crochet group.</p><p>Drop in at Patchway Community Centre, Rodway Road, Patchway, BS34 5PE.</p><p>Thursdays 1.30pm &ndash; 3.30pm. &pound;2 a session including tea and cake.</p>',
    attending_type: 'Venue',
    attending_access: 'Drop-in',
    pc_attendingAccess_additionalInfo: 'Just turn up.',
    deliverable_type: 'Social activity',
  });
  const [activity] = knit.activities as [ImportedActivity];

  it('becomes a venue whose position is unknown, with the address and postcode the text gives, covering its area', () => {
    expect(knit.rejected).toEqual([]);
    expect(activity.id).toBe('s1');
    expect(activity.location).toEqual({ kind: 'venue', venue: 'Patchway Community Centre', address: 'Patchway Community Centre, Rodway Road, Patchway', postcode: 'BS34 5PE', area: { names: ['Bristol'] } });
  });

  it('takes its timetable and price from the text, the access as how to attend, and says they are inferred', () => {
    expect(activity.schedules).toEqual([{ freq: 'WEEKLY', byday: 'TH', opensAt: '13:30', closesAt: '15:30', description: 'Thursdays 1.30pm – 3.30pm', attendingType: 'Drop-in: Just turn up.' }]);
    expect(activity.cost).toEqual({ level: 'low', amountGBP: 2, per: 'session', description: '£2 a session including tea and cake' });
    expect(activity.category).toBe('creative');
    expect(activity.inferred).toEqual(expect.arrayContaining(['category', 'cost', 'location', 'schedules']));
  });

  it('is offered by the matcher at the address the text gives, with the cautions that its distance and timetable come with', () => {
    const matcher = createMatcher(knit.activities);
    const [item] = matcher.recommend({ age: 70, activation: 3, localArea: { localAuthority: 'Bristol' } }, { at: AT });
    expect(item?.id).toBe('s1');
    expect(item?.canTheyGo.some((r) => r.startsWith('At ') && r.includes('BS34 5PE'))).toBe(true);
    expect(item?.cautions).toEqual(expect.arrayContaining(['Distance not known: the directory gives no map position', expect.stringMatching(/^Inferred from the directory's text, not stated: .*timetable/)]));
  });

  it('gives one activity per way of attending, the first the attending type lists first', () => {
    const r = one({ name: 'Talking Therapies', description: 'Free NHS psychological therapy for adults (18+) who are experiencing depression or anxiety.', attending_type: 'Phone, Online, Venue', attending_access: 'Referral' });
    expect(r.activities.map((a) => [a.id, a.location])).toEqual([
      ['s1', { kind: 'phone', area: { names: ['Bristol'] } }],
      ['s1@online', { kind: 'online', area: { names: ['Bristol'] } }],
      ['s1@venue', { kind: 'venue', area: { names: ['Bristol'] } }],
    ]);
    expect(r.activities[0]).toMatchObject({ eligibility: { minAge: 18 }, audience: { conditions: ['depression', 'anxiety'] }, cost: { level: 'free' } });
  });

  it('is rejected when nothing says where, when or how it is delivered (a list page summary)', () => {
    const r = fromOpenReferral(page({ id: 's1', name: 'Riverside walk', description: 'A gentle walk along the river.', status: 'active' }));
    expect(r.activities).toEqual([]);
    expect(r.rejected[0]?.issues[0]).toEqual({ path: 'contents[0].service_at_locations', message: expect.stringMatching(/says neither where nor when it meets.*list pages may leave locations out/) });
  });

  it('keeps a located venue without coordinates, covering the area, with a warning', () => {
    const r = one({ name: 'Chair exercise', description: 'Mondays 11am-12noon.', service_at_locations: [{ id: 'sal', location: { id: 'loc', location_type: 'physical', name: 'The Greenway Centre', addresses: [{ id: 'a', address_1: 'Doncaster Road', city: 'Bristol', postal_code: 'BS10 5PY', address_type: 'physical' }] } }] });
    expect(r.activities.map((a) => a.location)).toEqual([{ kind: 'venue', venue: 'The Greenway Centre', address: 'Doncaster Road, Bristol', postcode: 'BS10 5PY', area: { names: ['Bristol'] } }]);
    expect(r.warnings[0]?.issues.map((i) => i.path)).toEqual(['contents[0].service_at_locations[0].location.latitude']);
  });
});

describe('contact channels are not ways of attending', () => {
  it.each([
    ['a telephone line for booking', 'Free advice on benefits. Appointments are held at Easton Community Centre, BS5 6AW. To book, telephone 0117 496 0451 or fill in the online form.'],
    ['getting online as what is taught', 'Want to get online? Help with video calls and online shopping. Every Wednesday 10am – 12pm at Yate Library, BS37 4AX.'],
    ['tickets over the phone and a WhatsApp group', 'Every other Thursday 7-9pm at the Pavilion, LS11 7BX. Join our WhatsApp group for reminders, or call 01632 960310.'],
  ])('%s', (_name, description) => {
    const r = fromOpenReferral(page(record('s1', { name: 'Drop-in', description })));
    expect(r.activities.map((a) => a.location.kind)).toEqual(['venue']);
  });
});

describe('UK profile fields', () => {
  it('maps pc_targetAudience to who it is for, and eligibility', () => {
    const [a] = one({ name: 'Memory Singers', description: 'Singing sessions for people living with dementia and the people who care for them.', attending_type: 'Venue', pc_targetAudience: [{ audienceType: 'Dementia', id: 't1' }, { audienceType: 'Carers', id: 't2' }, { audienceType: 'Older people', id: 't3' }] }).activities as [ImportedActivity];
    expect(a).toMatchObject({ audience: { conditions: ['dementia'], needs: ['carers'] }, eligibility: { minAge: 50 }, conditions: { designedFor: ['dementia'] } });
    expect(a.needs).toContain('carers');
    expect(a.inferred).toContain('eligibility.minAge');
    expect(a.inferred).not.toContain('audience');
  });

  it('lets an age stated in the text win over the Older people tag, and reads genders from Men/Women unless the text opens the service', () => {
    const [older] = one({ name: 'Chair-Based Exercise (Over 60s)', description: 'Gentle seated exercise. Mondays 11am-12noon.', pc_targetAudience: [{ audienceType: 'Older people' }] }).activities as [ImportedActivity];
    expect(older.eligibility).toEqual({ minAge: 60 });
    const [men] = one({ name: 'Walking group', description: 'Saturdays at 9am.', pc_targetAudience: [{ audienceType: 'Men' }] }).activities as [ImportedActivity];
    expect(men.eligibility).toEqual({ genders: ['male'] });
    expect(men.inferred).not.toContain('eligibility.genders');
    const [open] = one({ name: 'Menopause Matters', description: 'Monthly talks on Zoom. For women and anyone experiencing menopause.', attending_type: 'Online', pc_targetAudience: [{ audienceType: 'Women' }] }).activities as [ImportedActivity];
    expect(open.eligibility).toEqual({});
    const [ladies] = one({ name: 'Walking Netball', description: 'Ladies only, 16+. Mondays 6.30–7.30pm.' }).activities as [ImportedActivity];
    expect(ladies.eligibility).toEqual({ minAge: 16, genders: ['female'] });
    expect(ladies.inferred).toEqual(expect.arrayContaining(['eligibility.minAge', 'eligibility.genders']));
  });

  it('reads minimum_age and maximum_age of -1 as unknown, and warns of audience tags it cannot place', () => {
    const r = one({ name: 'Coffee morning', description: 'Fridays 10am-12pm.', pc_targetAudience: [{ audienceType: 'Zebras' }] });
    expect(r.activities[0]?.eligibility).toEqual({});
    expect(r.warnings[0]?.issues).toEqual([{ path: 'contents[0].pc_targetAudience[0]', message: 'an audience the vocabularies do not name; ignored' }]);
  });
});

describe('records that are not services', () => {
  it('go to skipped with the reason, never into the catalogue', () => {
    const r = fromOpenReferral(page(
      record('vacancy', { name: 'Vacancy: Community Connector', description: 'We are recruiting. Closing date 15 January 2027.' }),
      record('panto', { name: 'Cinderella – one night only!', description: 'Saturday 12 December 2026 at 7pm. Tickets £15.', service_at_locations: [{ id: 'sal', location: { id: 'l', latitude: 51.46, longitude: -2.58 } }] }),
      record('walk', { name: 'Health walk', description: 'Every Wednesday 10.30am.' }),
    ));
    expect(r.activities.map((a) => a.id)).toEqual(['walk']);
    expect(r.skipped).toEqual([
      { index: 0, id: 'vacancy', status: 'not a service', reason: 'not a service: a job vacancy', path: 'contents[0]' },
      { index: 1, id: 'panto', status: 'not a service', reason: 'not a service: a one-off event', path: 'contents[1]' },
    ]);
  });

  it('reads the publisher\'s deliverable_type and a closure written in the text (round 2)', () => {
    const r = fromOpenReferral(page(
      record('badge', { name: 'Parking permits', description: 'Who can get one and what it costs.', deliverable_type: 'Information', attending_type: 'Online' }),
      record('fair', { name: 'Spring health fair', description: 'Blood pressure checks and stalls, 10am–3pm.', deliverable_type: 'Event', attending_type: 'Venue' }),
      record('lunch', { name: 'Lunch club', description: 'This club closed in March 2026 and is no longer running. Previously: Wednesdays 12–2pm, £4.', deliverable_type: 'Lunch club', attending_type: 'Venue' }),
      record('line', { name: 'Carers line', description: 'Information for unpaid carers, by phone.', deliverable_type: 'Information', attending_type: 'Phone' }),
    ));
    expect(r.activities.map((a) => a.id)).toEqual(['line']);
    expect(r.skipped.map((s) => [s.id, s.status, s.reason])).toEqual([
      ['badge', 'not a service', 'not a service: an information page'],
      ['fair', 'not a service', 'not a service: a one-off event'],
      ['lunch', 'not a service', 'not a service: a service that has closed (its description says so; its status is still active)'],
    ]);
  });
});

describe('a local area decides area-wide services (issue #17 acceptance)', () => {
  const matcher = createMatcher(one({ name: 'Bristol Befriending Line', description: 'A volunteer will ring you once a week for a friendly chat.', attending_type: 'Phone' }).activities);
  it('does not offer a Bristol-only service to a client in Leeds', () => {
    expect(matcher.recommend({ age: 70, activation: 2, localArea: { localAuthority: 'Leeds' } }, { at: AT })).toEqual([]);
  });
  it('offers it to a client in Bristol', () => {
    expect(matcher.recommend({ age: 70, activation: 2, localArea: { localAuthority: 'Bristol City Council' } }, { at: AT }).map((r) => r.id)).toEqual(['s1']);
  });
});
