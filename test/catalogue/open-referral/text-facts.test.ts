// The other text readers of the importer: places, delivery modes (contact channels are not
// modes), prices in descriptions, records that are not services, and the UK profile fields.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { costFromDescription } from '../../../src/catalogue/open-referral/cost.js';
import { attendingModes, deliveryModes, remoteModesInText } from '../../../src/catalogue/open-referral/delivery.js';
import { notAService } from '../../../src/catalogue/open-referral/not-a-service.js';
import { accessOf, audienceOf, audienceTags, serviceAreas } from '../../../src/catalogue/open-referral/profile.js';
import { districtsIn, placeFromText, postcodesIn } from '../../../src/catalogue/open-referral/text-place.js';

describe('places in text', () => {
  it.each([
    ['Drop in at Patchway Community Centre, Rodway Road, Patchway, BS34 5PE.', { venue: 'Patchway Community Centre', address: 'Patchway Community Centre, Rodway Road, Patchway', postcode: 'BS34 5PE' }],
    ['When? Wednesdays 1pm – 2pm\nWhere? Byker Community Centre, Brinkburn Street, Newcastle upon Tyne NE6 2AR', { venue: 'Byker Community Centre', address: 'Byker Community Centre, Brinkburn Street, Newcastle upon Tyne', postcode: 'NE6 2AR' }],
    ['Thursdays 2pm-5pm at The Base, 10 Merrion Street, Leeds LS2 8JE. All free.', { venue: 'The Base', address: 'The Base, 10 Merrion Street, Leeds', postcode: 'LS2 8JE' }],
    ['Meet at the main gates of Walker Park, Church Street, NE6 3BS', { venue: 'Walker Park', address: 'Walker Park, Church Street', postcode: 'NE6 3BS' }],
    ['Mondays 6.30–7.30pm at The Castle School sports hall, Park Road, Thornbury, BS35 1HT.', { venue: 'The Castle School sports hall', address: 'The Castle School sports hall, Park Road, Thornbury', postcode: 'BS35 1HT' }],
    ['Where? The Cumberland Arms (upstairs room), James Place Street, NE6 1LD', { venue: 'The Cumberland Arms', address: 'The Cumberland Arms, James Place Street', postcode: 'NE6 1LD' }],
    ['Postcode only: S8 0SH', { postcode: 'S8 0SH' }],
    ['Meet at Yate Shopping Centre bus station.', {}],
    ['Take the number 16 bus or the M5 to junction 16.', {}],
  ])('%s', (text, place) => {
    expect(placeFromText(text)).toEqual(place);
  });

  it('finds every postcode once, with its district', () => {
    expect(postcodesIn('At BS34 5PE, or NE62AR; BS34 5PE again.')).toEqual([
      { postcode: 'BS34 5PE', district: 'BS34', index: 3 },
      { postcode: 'NE6 2AR', district: 'NE6', index: 16 },
    ]);
  });

  it('reads districts only in a sentence about coverage', () => {
    expect(districtsIn('We cover BS34, BS35 and BS36. Just off the M5.')).toEqual(['BS34', 'BS35', 'BS36']);
    expect(districtsIn('Just off the M5 at junction 16, near the A38.')).toEqual([]);
  });

  it('finds any well-formed postcode written in a sentence', () => {
    const postcode = fc.tuple(fc.constantFrom('B', 'BS', 'NE', 'LS', 'S', 'M', 'EC'), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 0, max: 9 }), fc.constantFrom('AB', 'HJ', 'XY', 'ZZ', 'PE'));
    fc.assert(
      fc.property(postcode, fc.constantFrom('Drop in at the hall, ', 'Where? ', ''), ([area, district, sector, unit], before) => {
        const written = `${area}${district} ${sector}${unit}`;
        expect(placeFromText(`${before}${written}.`).postcode).toBe(written);
      }),
    );
  });
});

describe('delivery modes: contact channels are not modes', () => {
  it.each([
    ['Phone, Online, Venue', ['phone', 'online', 'venue']],
    [['Venue', 'Online'], ['venue', 'online']],
    ['Home visit, Phone', ['home', 'phone']],
    ['Telephone', ['phone']],
    ['In person', ['venue']],
    ['Video call', ['online']],
    ['Something else', []],
  ])('attendingModes(%j)', (value, modes) => {
    expect(attendingModes(value)).toEqual(modes);
  });

  it.each([
    ['a phone number', 'Telephone: 0117 496 0312 (office open Mon–Fri 9am–5pm)'],
    ['an online form', 'Self-referral or referral by a GP. Fill in the online form or call us.'],
    ['booking by phone', 'Book a slot by phone or just turn up.'],
    ['tickets over the phone', 'Buy online or tickets over the phone on 0117 496 0777.'],
    ['a transport line', 'Telephone 0117 496 0130 to book transport.'],
    ['getting online as a subject', 'Want to get online? Video calls with family, online shopping and using the NHS App.'],
    ['social media', 'Find us on Facebook. Join our WhatsApp group for reminders.'],
    ['an email to book', 'Email us to book your place.'],
    ['an online course at home as a home visit', 'A course you do at your own pace at home.'],
  ])('no remote mode from %s', (_name, text) => {
    const modes = remoteModesInText(text);
    expect(modes.includes('phone') || modes.includes('home') || (modes.includes('online') && !/course/.test(text))).toBe(false);
  });

  it.each([
    ['One of our trained volunteers will ring you once a week for a friendly chat.', ['phone']],
    ['Most support is given over the phone, and we can also meet you face to face.', ['phone']],
    ['A six-week online course. Weekly sessions on Zoom.', ['online']],
    ['Talk to a trained volunteer. You can also use our web chat.', ['online']],
    ['A friendly volunteer visits you at home every week.', ['home']],
    ['We phone you, so you can join from home.', ['phone']],
  ])('%s', (text, modes) => {
    expect(remoteModesInText(text)).toEqual(modes);
  });

  it('puts a venue first when the text gives a place, and defaults to a venue', () => {
    expect(deliveryModes([], 'Drop in at the hall. Telephone: 0117 496 0451.')).toEqual({ modes: ['venue'], fromText: true });
    expect(deliveryModes([], 'Bingo and a cuppa every Thursday afternoon.')).toEqual({ modes: ['venue'], fromText: true });
    expect(deliveryModes([], 'A volunteer calls you for a chat each week.')).toEqual({ modes: ['phone'], fromText: true });
    expect(deliveryModes(['Venue'], 'Sessions by telephone.')).toEqual({ modes: ['venue'], fromText: false });
  });
});

describe('prices in a description', () => {
  it.each([
    ['Drop in. Thursdays 1.30pm – 3.30pm. £2 a session including tea and cake.', { level: 'low', amountGBP: 2, per: 'session', description: '£2 a session including tea and cake' }],
    ['Small, friendly class. £45 per six-week course. Booking essential.', { level: 'paid', amountGBP: 45, per: 'course', description: '£45 per six-week course' }],
    ['Cost £6 per person including tea and coffee', { level: 'paid', amountGBP: 6, per: 'session', description: 'Cost £6 per person including tea and coffee' }],
    ['Six-week cookery course. Fully funded for Leeds residents.', { level: 'free', description: 'Fully funded for Leeds residents' }],
    ['Every Tuesday. £3 suggested donation.', { level: 'low', amountGBP: 3, per: 'session', description: '£3 suggested donation' }],
    ['Homemade soup. Everyone welcome – pay as you feel.', { level: 'low', description: 'Everyone welcome – pay as you feel' }],
    ['Singing for everyone. Free – donations welcome.', { level: 'free', description: 'Free – donations welcome' }],
    ['This is an NHS service – there is no charge.', { level: 'free', description: 'This is an NHS service – there is no charge' }],
    ['We ring you, so it costs you nothing.', { level: 'free', description: 'We ring you, so it costs you nothing' }],
    ['Cheap food. Everything on the menu under £3!', { level: 'low', description: 'Everything on the menu under £3' }],
    ['Learn to sew. GBP2 per session.', { level: 'low', amountGBP: 2, per: 'session', description: 'GBP2 per session' }],
    ['Games and trips. 50p a session.', { level: 'low', amountGBP: 0.5, per: 'session', description: '50p a session' }],
    ['A free course for adults with type 2 diabetes.', { level: 'free', description: 'A free course for adults with type 2 diabetes' }],
  ])('%s', (text, cost) => {
    expect(costFromDescription(text, { regular: true })).toEqual(cost);
  });

  it('reads an amount with no period as per session only for a service that meets regularly', () => {
    expect(costFromDescription('Cost £1', { regular: true })).toMatchObject({ amountGBP: 1, per: 'session' });
    expect(costFromDescription('A flat £15 charge per job, plus materials.')).toEqual({ level: 'paid', amountGBP: 15, description: 'A flat £15 charge per job, plus materials' });
  });

  it.each([
    ['free extras', 'Help with CVs and job searching, plus free courses to build your skills and confidence.'],
    ['free parking', 'Free parking on site.'],
    ['feel free', 'Please feel free to bring a friend.'],
    ['buy your own', 'Good food, good banter. Buy your own breakfast.'],
    ['no price at all', 'Emergency food parcels for people in crisis.'],
  ])('no price from %s', (_name, text) => {
    expect(costFromDescription(text, { regular: true })).toBeUndefined();
  });
});

describe('records that are not services', () => {
  const none = { regular: false, dates: [] as string[] };
  it.each([
    ['Frailty: resources for GPs and clinicians', 'A collection of resources for GPs, practice nurses and link workers.', none, 'a page for professionals'],
    ['Vacancy: Community Connector', 'We are recruiting a part-time Community Connector. Closing date 15 January 2027.', none, 'a job vacancy'],
    ['Sparkle Home Cleaning Ltd', 'Domestic cleaning. Fully insured. Call for a free quote!', none, 'a commercial business'],
    ['Useful helplines', 'A list of helplines you can call for support.', none, 'a list of other services'],
    ['Adult social care: asking for a needs assessment', 'This page explains how to ask the council for an assessment.', none, 'an information page'],
    ['Community centre – room hire', 'Rooms available to hire for parties and meetings.', none, 'room hire'],
    ['Community Wellbeing Grants', 'Grants of up to £5,000 for community groups.', none, 'a page for organisations'],
    ['TEST SERVICE - do not publish', 'test test', { regular: true, dates: [] }, 'a test record'],
    ['Cinderella – one night only!', 'Our family pantomime. Tickets £15.', none, 'a one-off event'],
    ['Men’s Health Week: free health MOT', 'Blood pressure checks.', { regular: false, dates: ['saturday 13 june 2026'] }, 'a one-off event (saturday 13 june 2026)'],
  ])('%s', (name, description, facts, reason) => {
    expect(notAService(name, description, facts)).toBe(reason);
  });

  it.each([
    ['a walking group', 'Walking for Health', 'Friendly, free led walks. Download our leaflet (PDF).', { regular: true, dates: [] }],
    ['a befriending service with no sessions', 'Befriending', 'A volunteer visits you at home. Call us to find out if you are eligible.', { regular: false, dates: [] }],
    ['a course with a start date', 'Living Well with Arthritis', 'Tuesdays 10am – 12.30pm, starting Tuesday 2 February 2027.', { regular: true, dates: [] }],
    ['a charity registered as a company, with sessions', 'Age Friends Ltd lunch club', 'Lunch every Wednesday.', { regular: true, dates: [] }],
    ['a group that fundraises, with sessions', 'Knit and natter', 'We knit for charity and hold a raffle in aid of the hospice.', { regular: true, dates: [] }],
    ['a job club', 'Job Club – Harehills', 'Help with CVs, job searching and application forms.', { regular: false, dates: [] }],
  ])('keeps %s', (_name, name, description, facts) => {
    expect(notAService(name, description, facts)).toBeUndefined();
  });

  // Round 2 (tuned on both labelled sets).
  const closed = 'a service that has closed (its description says so; its status is still active)';
  const regular = { regular: true, dates: [] as string[] };
  it.each([
    ['closed in a month and year, with its old times still in the text', 'Riverside Lunch Club', 'This club closed in June 2025. Thank you to all our members. Previously: Tuesdays 12–2pm.', regular, closed],
    ['has now closed', 'Knit and natter', 'Sadly the group has now closed.', regular, closed],
    ['is no longer running', 'Parkside walk', 'This walk is no longer running.', none, closed],
    ['permanently closed', 'Toy library', 'The toy library is permanently closed.', none, closed],
    ['a trusted trader', 'Gutter cleaning – trusted trader', 'Family-run business covering the county. Free quotes.', none, 'a commercial business'],
    ['a trade checked by Trading Standards', 'A1 Roofing', 'Roof repairs, checked and vetted by Trading Standards.', none, 'a commercial business'],
    ['a consultation', 'Have your say on bus routes', 'Read the proposals and complete the online survey by 31 March.', none, 'a consultation'],
    ['a permit to apply for or renew', 'Disabled parking permit', 'Apply or renew on the council website.', none, 'an information page'],
    ['a map of many venues', 'Warm spaces this winter', 'Libraries and churches across the city. Use the map to find your nearest.', none, 'a list of other services'],
    ['a resource for GP practices', 'Referral toolkit', 'A resource for GP practices: how to refer patients.', none, 'a page for professionals'],
    ['a job pack', 'Community Connector', 'Download the job pack from our website.', none, 'a job vacancy'],
  ])('%s', (_what, name, description, facts, reason) => {
    expect(notAService(name, description, facts)).toBe(reason);
  });

  it.each([
    ['closed for the summer and reopening', 'Riverside café', 'The café has closed for the summer and reopens in September. Tuesdays 10am–12pm.'],
    ['no longer running on one day, now meeting on another', 'Chair yoga', 'The class is no longer running on Fridays: it now meets on Mondays 10–11am.'],
    ['closed on bank holidays', 'Lunch club', 'Wednesdays 12–2pm. Closed on bank holidays.'],
    ['something else no longer available', 'Lunch club', 'Wednesdays 12–2pm. Paper menus are no longer available.'],
  ])('keeps a service %s', (_what, name, description) => {
    expect(notAService(name, description, regular)).toBeUndefined();
  });

  describe('the deliverable_type, for a record with no regular sessions', () => {
    const facts = (deliverable: string[], attending: ('venue' | 'phone' | 'online' | 'home')[] = [], more: Partial<{ regular: boolean; dates: string[] }> = {}) => ({ regular: false, dates: [] as string[], deliverable, attending, ...more });
    it.each([
      ['Event', facts(['Event'], ['venue']), 'a one-off event'],
      ['Event with a date', facts(['Event'], ['venue'], { dates: ['saturday 13 march 2027'] }), 'a one-off event (saturday 13 march 2027)'],
      ['Trader', facts(['Trader'], ['home']), 'a commercial business'],
      ['Vacancy', facts(['Vacancy']), 'a job vacancy'],
      ['Information alone, no way of attending', facts(['Information']), 'an information page'],
      ['Information alone, online only', facts(['Information'], ['online']), 'an information page'],
    ])('%s', (_what, f, reason) => {
      expect(notAService('Spring update', 'Read more on our website.', f)).toBe(reason);
    });

    it.each([
      ['Information with a phone line', facts(['Information'], ['phone'])],
      ['Information with a venue', facts(['Information'], ['online', 'venue'])],
      ['Information and advice', facts(['Information', 'Advice'], ['online'])],
      ['Information with regular sessions', facts(['Information'], ['online'], { regular: true })],
      ['Event with regular sessions', facts(['Event'], ['venue'], { regular: true })],
      ['Volunteering', facts(['Volunteering'], ['venue'])],
    ])('keeps %s', (_what, f) => {
      expect(notAService('Spring update', 'Read more on our website.', f)).toBeUndefined();
    });
  });
});

describe('UK profile fields', () => {
  const tags = (...names: string[]) => audienceTags({ pc_targetAudience: names.map((audienceType, i) => ({ audienceType, id: `t${i}` })) });

  it.each([
    [['Older people'], { conditions: [], needs: [], groups: [], minAge: 50 }],
    [['Young people'], { conditions: [], needs: [], groups: [], maxAge: 25 }],
    [['Men'], { conditions: [], needs: [], groups: [], genders: ['male'] }],
    [['Carers'], { conditions: [], needs: ['carers'], groups: [] }],
    [['Homeless'], { conditions: [], needs: ['housing'], groups: [] }],
    [['Dementia'], { conditions: ['dementia'], needs: [], groups: [] }],
    [['Visually impaired'], { conditions: ['sight-loss'], needs: [], groups: [] }],
    [['LGBTQ+'], { conditions: [], needs: [], groups: ['lgbtq'] }],
    [['Refugees and asylum seekers'], { conditions: [], needs: [], groups: ['refugees'] }],
    [['Chinese community'], { conditions: [], needs: [], groups: ['ethnic-minorities'] }],
    [["Parkinson's", 'Carers'], { conditions: ['parkinsons'], needs: ['carers'], groups: [] }],
    [['Disabled people'], { conditions: [], needs: [], groups: [] }],
  ])('%j', (names, expected) => {
    expect(audienceOf(tags(...names), 'A group', 'A friendly group.', false)).toEqual({ ...expected, unread: [], fromText: false });
  });

  it('narrows a tag naming several conditions to those the text names', () => {
    expect(audienceOf(tags('Diabetes'), 'Type 2 Diabetes Education Course', 'For adults recently diagnosed with type 2 diabetes.', true).conditions).toEqual(['type-2-diabetes']);
    expect(audienceOf(tags('Diabetes'), 'Diabetes group', 'A friendly group.', false).conditions).toEqual(['type-1-diabetes', 'type-2-diabetes']);
  });

  it('reads "parents and carers" as parents, not unpaid carers', () => {
    expect(audienceOf(tags('Parents', 'Carers'), 'Stay & Play', 'For parents and carers with children under 5.', false)).toMatchObject({ needs: [], groups: ['parents'] });
  });

  it('keeps the carers of people with a condition apart from the people with it', () => {
    expect(audienceOf(tags('Carers', 'Dementia'), 'Dementia Carers’ Telephone Support Group', 'A small telephone support group for people caring for someone with dementia.', false)).toMatchObject({ conditions: [], needs: ['carers'] });
    expect(audienceOf(tags('Dementia', 'Carers'), 'Visiting Friends', 'A companion visits a person living with dementia at home, giving their carer a break.', false)).toMatchObject({ conditions: ['dementia'], needs: [] });
  });

  it('reads a referral-only service for people with conditions from its text, but not "suitable for" or "risk of"', () => {
    expect(audienceOf([], 'Talking Therapies', 'Free therapy for adults who are experiencing depression, anxiety or stress.', true)).toMatchObject({ conditions: ['depression', 'anxiety'], fromText: true });
    expect(audienceOf([], 'Healthy Weight', 'A free 12-week programme for adults with a BMI over 30.', true).conditions).toEqual(['obesity']);
    expect(audienceOf([], 'Chair yoga', 'Suitable for people with arthritis.', true).conditions).toEqual([]);
    expect(audienceOf([], 'Diabetes prevention', 'For adults with raised blood sugar, to lower their risk of type 2 diabetes.', true).conditions).toEqual([]);
    expect(audienceOf([], 'Mindfulness', 'For adults dealing with stress and anxiety.', false).conditions).toEqual([]);
  });

  it('reads "<X> support group" as for people with X', () => {
    expect(audienceOf([], 'Byker Bereavement Support Group', 'A safe space.', false)).toMatchObject({ needs: ['bereavement'], fromText: true });
  });

  it('reads service areas as names, and postcode districts apart', () => {
    expect(serviceAreas({ service_areas: [{ id: 'a', name: 'Bristol' }, { id: 'b', name: 'bristol' }, { id: 'c', name: 'BS34' }, { service_area: 'South Gloucestershire' }] })).toEqual({ names: ['Bristol', 'South Gloucestershire'], postcodeDistricts: ['BS34'], textDistricts: [] });
    expect(serviceAreas({})).toEqual({ names: [], postcodeDistricts: [], textDistricts: [] });
  });

  it('reads postcode districts from an area’s description, and reports a name that is prose', () => {
    const issues: { path: string; message: string }[] = [];
    const official = { service_areas: [{ id: 'a', name: `The service is available to all residents of the MyCity area. ${'We help. '.repeat(10)}`, description: 'Residents of the MyCity area, including all postcodes starting with AB1, AB2, and AB3' }] };
    expect(serviceAreas(official, 'contents[0]', issues)).toEqual({ names: [], postcodeDistricts: [], textDistricts: ['AB1', 'AB2', 'AB3'] });
    expect(issues).toEqual([{ path: 'contents[0].service_areas[0]', message: 'expected an area name of at most 100 characters; ignored as a name' }]);
  });

  it('reads attending access with its additional information', () => {
    expect(accessOf({ attending_access: 'Drop-in', pc_attendingAccess_additionalInfo: 'Just turn up.' })).toEqual({ text: 'Drop-in: Just turn up.', referral: false });
    expect(accessOf({ attending_access: ['Referral'] })).toEqual({ text: 'Referral', referral: true });
    expect(accessOf({})).toEqual({ referral: false });
  });
});
