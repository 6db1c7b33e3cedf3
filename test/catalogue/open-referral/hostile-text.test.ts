// The importer's text readers on megabytes of hostile text: each must return (and return
// something sensible) rather than hang. They cut text before scanning and use no nested
// quantifiers; the vitest time-out below is only a hang guard, not a measurement.
import { describe, expect, it } from 'vitest';
import { costFromDescription, costFromText } from '../../../src/catalogue/open-referral/cost.js';
import { deliveryModes, remoteModesInText } from '../../../src/catalogue/open-referral/delivery.js';
import { addCategoryScores, addDeliverableScores } from '../../../src/catalogue/open-referral/inference.js';
import { notAService } from '../../../src/catalogue/open-referral/not-a-service.js';
import { audienceOf } from '../../../src/catalogue/open-referral/profile.js';
import { eligibilityFromText, openToOthers } from '../../../src/catalogue/open-referral/text-eligibility.js';
import { districtsIn, placeFromText } from '../../../src/catalogue/open-referral/text-place.js';
import { readTextSchedules } from '../../../src/catalogue/open-referral/text-schedule.js';
import { ScheduleSchema } from '../../../src/schema/schedule.js';

/** About `mb` megabytes of `unit` repeated. */
const mb = (unit: string, n = 4) => unit.repeat(Math.ceil((n * 1024 * 1024) / unit.length));
const HANG_GUARD_MS = 60_000;

const TEXTS: readonly (readonly [string, string])[] = [
  ['day lists', mb('Monday, Tuesday and ')],
  ['day ranges', mb('Mon-Fri to Sat - ')],
  ['ordinals', mb('first and second and third ')],
  ['times and dashes', mb('10-12-2pm-4.30 ')],
  ['"every other"', mb('every other ')],
  ['"between … and"', mb('between 9 and ')],
  ['dates', mb('Saturday 12 December 2026 at 7pm ')],
  ['"until"', mb('Wednesdays until 7pm ')],
  ['money', mb('£1 £2.50 GBP3 50p ')],
  ['"free" phrases', mb('free plus free and free ')],
  ['ages', mb('aged 11-16 over 50s 18+ ')],
  ['gender words', mb('for men and women only for ')],
  ['commas before a postcode', `${mb('A, ')}BS34 5PE`],
  ['capitalised words before a postcode', `${mb('Hall ')}BS34 5PE`],
  ['postcodes', mb('BS34 5PE ')],
  ['districts', `We cover ${mb('BS34, ')}`],
  ['contact phrases', mb('call us to book by phone ')],
  ['mode phrases', mb('online course on zoom visits you at home ')],
  ['organisation phrases', mb('for community groups ')],
  ['closure phrases', mb('the group has now closed is no longer running on ')],
  ['deliverable joins', mb('Information and advice & / ')],
  ['masked phrases', mb('learning disabilities social care ')],
  ['no spaces', mb('a')],
  ['punctuation', mb('.!?;\n')],
  ['digits', mb('0123456789')],
];

describe('text readers on megabytes of hostile text', () => {
  it.each(TEXTS)('readTextSchedules: %s', (_name, text) => {
    const r = readTextSchedules(text);
    expect(r.schedules.length).toBeLessThanOrEqual(20);
    for (const s of r.schedules) expect(ScheduleSchema.safeParse(s).success).toBe(true);
  }, HANG_GUARD_MS);

  it.each(TEXTS)('costFromDescription and costFromText: %s', (_name, text) => {
    for (const cost of [costFromDescription(text, { regular: true }), costFromText(text)]) expect(cost === undefined || (cost.description?.length ?? 0) <= 500).toBe(true);
  }, HANG_GUARD_MS);

  it.each(TEXTS)('eligibilityFromText and openToOthers: %s', (_name, text) => {
    const e = eligibilityFromText(text);
    expect(e.minAge === undefined || (e.minAge >= 0 && e.minAge <= 130)).toBe(true);
    expect(typeof openToOthers(text)).toBe('boolean');
  }, HANG_GUARD_MS);

  it.each(TEXTS)('placeFromText and districtsIn: %s', (_name, text) => {
    const p = placeFromText(text);
    expect((p.address?.length ?? 0) <= 500 && (p.venue?.length ?? 0) <= 200).toBe(true);
    expect(districtsIn(text).length).toBeLessThanOrEqual(50);
  }, HANG_GUARD_MS);

  it.each(TEXTS)('deliveryModes and remoteModesInText: %s', (_name, text) => {
    expect(deliveryModes([text.slice(0, 100_000)], text).modes.length).toBeLessThanOrEqual(4);
    expect(remoteModesInText(text).length).toBeLessThanOrEqual(3);
  }, HANG_GUARD_MS);

  it.each(TEXTS)('notAService and audienceOf: %s', (_name, text) => {
    expect(['string', 'undefined']).toContain(typeof notAService(text, text, { regular: false, dates: [] }));
    expect(audienceOf([text.slice(0, 1000)], text, text, true).conditions.length).toBeLessThan(40);
    expect(['string', 'undefined']).toContain(typeof notAService(text, text, { regular: false, dates: [], deliverable: [text, text], attending: ['online'] }));
  }, HANG_GUARD_MS);

  it.each(TEXTS)('addDeliverableScores and addCategoryScores (a description is cut to 20,000 characters first): %s', (_name, text) => {
    const scores = new Map();
    addDeliverableScores(Array.from({ length: 10 }, () => text), scores);
    addCategoryScores(text.slice(0, 20_000), 1, scores);
    for (const v of scores.values()) expect(Number.isFinite(v)).toBe(true);
  }, HANG_GUARD_MS);
});
