import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADULT_AGE, eligibilityFromText, OLDER_PEOPLE_AGE, openToOthers, YOUNG_PEOPLE_AGE } from '../../../src/catalogue/open-referral/text-eligibility.js';

describe('eligibilityFromText: ages', () => {
  it.each([
    ['Chair-Based Exercise (Over 60s)', { minAge: 60, statedAge: true }],
    ['Armley Over 60s Club', { minAge: 60, statedAge: true }],
    ['For people aged 65 and over living in Bristol.', { minAge: 65, statedAge: true }],
    ['For Bristol residents aged 50+.', { minAge: 50, statedAge: true }],
    ['Walking Football (50+)', { minAge: 50, statedAge: true }],
    ['Beginners welcome. 18+. Booking essential.', { minAge: 18, statedAge: true }],
    ['Who is it for? Over 18s', { minAge: 18, statedAge: true }],
    ['Monthly social for LGBTQ+ people aged over 50.', { minAge: 50, statedAge: true }],
    ['Non-contact boxing fitness for young people aged 11–16.', { minAge: 11, maxAge: 16, statedAge: true }],
    ['For care leavers aged 16-25.', { minAge: 16, maxAge: 25, statedAge: true }],
    ['Fun football sessions for boys and girls aged 8–14.', { minAge: 8, maxAge: 14, statedAge: true }],
    ['Ladies only, 16+.', { minAge: 16, statedAge: true, genders: ['female'] }],
    ['A friendly space for men over 50 to make and mend things.', { minAge: 50, statedAge: true, genders: ['male'] }],
    ['Gentle exercise for people over 65 who want to keep steady.', { minAge: 65, statedAge: true }],
  ])('%s', (text, expected) => {
    expect(eligibilityFromText(text)).toEqual(expected);
  });

  it.each([
    ['A free course for adults recently diagnosed with type 2 diabetes.', { minAge: ADULT_AGE }],
    ['Who is it for? Adults living in Newcastle who feel lonely.', { minAge: ADULT_AGE }],
    ['Friendship group for older people.', { minAge: OLDER_PEOPLE_AGE }],
    ['Boxing for young people.', { maxAge: YOUNG_PEOPLE_AGE }],
  ])('a phrase with no number: %s', (text, expected) => {
    expect(eligibilityFromText(text)).toEqual(expected);
  });

  it('lets a stated number win over a phrase', () => {
    expect(eligibilityFromText('Free NHS therapy for adults (18+). For adults aged 19+.')).toEqual({ minAge: 18, statedAge: true });
    expect(eligibilityFromText('For young people aged 16–25.')).toEqual({ minAge: 16, maxAge: 25, statedAge: true });
  });

  it.each([
    ['over 60 members', 'Founded in 1975, we are a friendly club with over 60 members.'],
    ['a bus number', 'The number 16 bus stops outside.'],
    ['a price with a plus', 'Tickets £50+ on the door.'],
    ['a BMI', 'A free 12-week programme for people with a BMI over 30 (or over 27.5 for some).'],
    ['a level', 'English from pre-entry to Level 2.'],
    ['hours and months', 'We reply within 24 hours and lend a tablet for 12 months.'],
    ['counts of people', 'We supported 4,200 older people last year with over 300 volunteers.'],
    ['an adult-sized bike', 'Free adult cycle training.'],
    ['people over a number of weeks', 'We see people over 12 weeks, in small groups.'],
    ['adults over a number of sessions', 'Adults over 6 sessions learn to swim.'],
  ])('reads no age from %s', (_name, text) => {
    expect(eligibilityFromText(text)).toEqual({});
  });

  it('reads any "aged A-B" as the range A to B', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 98 }), fc.integer({ min: 1, max: 40 }), fc.constantFrom('-', '–', ' to '), (a, span, dash) => {
        const b = Math.min(a + span, 99);
        fc.pre(b > a);
        expect(eligibilityFromText(`For people aged ${a}${dash}${b}.`)).toMatchObject({ minAge: a, maxAge: b });
      }),
      { numRuns: 200 },
    );
  });
});

describe('eligibilityFromText: genders', () => {
  it.each([
    ['A walking group for men – about five miles.', ['male']],
    ['A space for men to talk about whatever is on their mind.', ['male']],
    ['Bedminster Men’s Shed', ['male']],
    ['Practise your spoken English in a friendly, women-only group.', ['female']],
    ['Ladies’ Swim Session', ['female']],
    ['Free cycle training for women who have never ridden a bike.', ['female']],
  ])('%s', (text, genders) => {
    expect(eligibilityFromText(text).genders).toEqual(genders);
  });

  it.each([
    ['men and women', 'Walking football for men and women aged 50 and over.'],
    ['opened to anyone', 'Monthly talks. For women and anyone experiencing menopause.'],
    ['both named', 'A session for men on Mondays. A session for women on Fridays.'],
    ['girls and boys', 'For boys and girls aged 8–14.'],
  ])('no gender limit when %s', (_name, text) => {
    expect(eligibilityFromText(text).genders).toBeUndefined();
  });

  it('openToOthers tells a gender tag that the text opens the service', () => {
    expect(openToOthers('For women and anyone experiencing menopause.')).toBe(true);
    expect(openToOthers('Women-only swimming.')).toBe(false);
    expect(openToOthers('Everyone welcome.')).toBe(false);
  });
});
