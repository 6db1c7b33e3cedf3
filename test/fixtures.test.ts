import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ActivitySchema } from '../src/schema/activity.js';
import type { Activity } from '../src/schema/activity.js';
import { ClientProfileSchema } from '../src/schema/client.js';
import type { ClientProfile } from '../src/schema/client.js';
import { parseClock } from '../src/schema/common.js';
import type { Condition } from '../src/vocabulary/index.js';

/** The date the persona ages are pinned at. */
const AGE_DATE = '2026-11-21';
/** Bounding box of the one city area (Sheffield) the fixtures are set in. */
const AREA = { minLat: 53.35, maxLat: 53.425, minLon: -1.53, maxLon: -1.415 };

function readJson(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));
}

const RawListSchema = z.array(z.record(z.string(), z.unknown()));
const rawCatalogue = RawListSchema.parse(readJson('catalogue.json'));
const rawPersonas = RawListSchema.parse(readJson('personas.json'));

const PersonaSchema = z.strictObject({
  id: z.string().min(1),
  summary: z.string().min(1),
  profile: ClientProfileSchema,
});
type Persona = z.infer<typeof PersonaSchema>;

/** Parses every record; returns the parsed list and "id: path message" lines for failures. */
function parseAll<T>(raw: readonly Record<string, unknown>[], parse: (value: unknown) => z.ZodSafeParseResult<T>): { parsed: T[]; failures: string[] } {
  const parsed: T[] = [];
  const failures: string[] = [];
  raw.forEach((record, index) => {
    const result = parse(record);
    if (result.success) parsed.push(result.data);
    else failures.push(`${String(record['id'] ?? `#${index}`)}: ${result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  });
  return { parsed, failures };
}

const catalogueResult = parseAll(rawCatalogue, (v) => ActivitySchema.safeParse(v));
const personaResult = parseAll(rawPersonas, (v) => PersonaSchema.safeParse(v));
const catalogue: Activity[] = catalogueResult.parsed;
const personas: Persona[] = personaResult.parsed;

function activity(id: string): Activity {
  const found = catalogue.find((a) => a.id === id);
  if (!found) throw new Error(`no activity ${id}`);
  return found;
}

function persona(id: string): ClientProfile {
  const found = personas.find((p) => p.id === id);
  if (!found) throw new Error(`no persona ${id}`);
  return found.profile;
}

const hasTag = (a: Activity, tag: string): boolean => a.tags.includes(tag);
const isEvening = (start: string): boolean => (parseClock(start) ?? 0) >= 18 * 60;
const isWeekend = (day: string): boolean => day === 'sat' || day === 'sun';
const sentences = (text: string): number => text.split(/[.!?](?:\s|$)/).filter((s) => s.trim() !== '').length;

function ageAt(profile: ClientProfile, isoDate: string): number {
  if (profile.age !== undefined) return profile.age;
  const [y, m, d] = (profile.dateOfBirth ?? '').split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = isoDate.split('-').map(Number) as [number, number, number];
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}

function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

const inArea = (p: { lat: number; lon: number }): boolean => p.lat >= AREA.minLat && p.lat <= AREA.maxLat && p.lon >= AREA.minLon && p.lon <= AREA.maxLon;

// Every bundled venue gives its position (a test below pins that), so the venues here carry lat and lon.
const venues = catalogue.flatMap((a) => (a.location.kind === 'venue' && a.location.lat !== undefined && a.location.lon !== undefined ? [{ activity: a, location: { lat: a.location.lat, lon: a.location.lon } }] : []));

describe('the bundled catalogue (fixtures/catalogue.json)', () => {
  it('parses every record with ActivitySchema', () => {
    expect(catalogueResult.failures).toEqual([]);
    expect(catalogue).toHaveLength(rawCatalogue.length);
  });

  it('holds at least 40 activities', () => {
    expect(catalogue.length).toBeGreaterThanOrEqual(40);
  });

  it('gives every activity a unique id', () => {
    const ids = catalogue.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('contains the activities the acceptance tests name', () => {
    const ids = new Set(catalogue.map((a) => a.id));
    for (const id of ['ers-leisure-centre-gym', 'gentle-move-studio', 'healthy-lungs-course', 'debt-advice-drop-in', 'benefits-advice', 'housing-advice', 'telephone-befriending']) {
      expect(ids, id).toContain(id);
    }
  });

  it('models exercise on referral at a leisure centre gym with ten free weeks then £15 a month', () => {
    const ers = activity('ers-leisure-centre-gym');
    expect(ers.category).toBe('physical-activity');
    expect(ers.tags).toEqual(expect.arrayContaining(['gym', 'exercise-on-referral']));
    expect(ers).toMatchObject({ intensity: 'moderate', groupSize: 'medium', supported: true, programme: { weeks: 10 } });
    expect(ers.cost).toEqual({
      level: 'low',
      amountGBP: 15,
      per: 'month',
      freePeriod: { weeks: 10, sessionsPerWeek: 2 },
      description: 'Two free sessions a week for ten weeks, then a discounted pass at £15 a month',
    });
    expect(ers.eligibility).toEqual({ minAge: 16, referralRoutes: ['gp', 'link-worker'] });
    expect(ers.conditions.designedFor).toEqual(expect.arrayContaining(['type-2-diabetes', 'heart-disease', 'obesity', 'hypertension', 'depression']));
    expect(ers.conditions.unsuitableFor).toEqual([]);
    expect(ers.needs).toEqual(expect.arrayContaining(['physical-activity', 'weight']));
    expect(ers.accessibility.wheelchair).toBe(true);
    const evening = ers.sessions.filter((s) => isEvening(s.start));
    expect(evening.length).toBeGreaterThanOrEqual(2);
    expect(ers.sessions.length - evening.length).toBeGreaterThanOrEqual(2);
  });

  it('models a gentler, smaller exercise-on-referral studio that is not tagged gym', () => {
    const studio = activity('gentle-move-studio');
    expect(studio.category).toBe('physical-activity');
    expect(studio.tags).toEqual(expect.arrayContaining(['exercise-on-referral', 'supported', 'chair-based', 'strength-and-balance']));
    expect(studio.tags).not.toContain('gym');
    expect(studio).toMatchObject({ intensity: 'light', groupSize: 'small', supported: true, cost: { level: 'free' } });
    expect(studio.conditions.designedFor).toEqual(expect.arrayContaining(['anxiety', 'depression', 'serious-mental-illness', 'obesity', 'type-2-diabetes']));
    expect(studio.needs).toEqual(expect.arrayContaining(['physical-activity', 'confidence', 'mental-wellbeing']));
    expect(studio.accessibility.wheelchair).toBe(true);
  });

  it('models an eight-week Healthy Lungs course for asthma and COPD', () => {
    const lungs = activity('healthy-lungs-course');
    expect(lungs.category).toBe('health-education');
    expect(lungs.tags).toEqual(expect.arrayContaining(['pulmonary-rehab', 'supported']));
    expect(lungs).toMatchObject({ intensity: 'light', groupSize: 'small', supported: true, cost: { level: 'free' }, programme: { weeks: 8 } });
    expect(lungs.conditions.designedFor).toEqual(expect.arrayContaining(['asthma', 'copd']));
    expect(lungs.needs).toEqual(expect.arrayContaining(['confidence', 'physical-activity']));
    expect(lungs.accessibility.wheelchair).toBe(true);
  });

  it('offers free, supported one-to-one advice on debt, benefits and housing, some of it by phone or online', () => {
    const advice = catalogue.filter((a) => a.category === 'practical-support' && a.intensity === 'none' && a.groupSize === 'one-to-one' && a.supported === true && a.cost?.level === 'free');
    expect(advice.length).toBeGreaterThanOrEqual(3);
    expect(activity('debt-advice-drop-in').needs).toEqual(expect.arrayContaining(['debt', 'financial']));
    expect(activity('benefits-advice').needs).toEqual(expect.arrayContaining(['benefits', 'financial']));
    expect(activity('housing-advice').needs).toEqual(expect.arrayContaining(['housing', 'legal']));
    for (const id of ['debt-advice-drop-in', 'benefits-advice', 'housing-advice']) expect(advice.map((a) => a.id)).toContain(id);
    for (const need of ['debt', 'benefits', 'housing'] as const) expect(advice.some((a) => a.needs.includes(need)), need).toBe(true);
    expect(advice.some((a) => a.location.kind === 'home' || a.location.kind === 'online')).toBe(true);
  });

  it('offers telephone befriending arranged with the client, and a face-to-face befriending service', () => {
    const phone = activity('telephone-befriending');
    expect(phone).toMatchObject({ category: 'befriending', location: { kind: 'phone' }, groupSize: 'one-to-one', cost: { level: 'free' }, sessions: [] });
    expect(phone.needs).toEqual(expect.arrayContaining(['loneliness', 'confidence']));
    const faceToFace = catalogue.filter((a) => a.category === 'befriending' && a.id !== 'telephone-befriending' && (hasTag(a, 'face-to-face') || hasTag(a, 'home-visiting') || a.location.kind === 'venue'));
    expect(faceToFace.length).toBeGreaterThanOrEqual(1);
  });

  it('has at least three walking groups on different days in different places, from a gentle health walk to a brisk one', () => {
    const walks = catalogue.filter((a) => a.category === 'physical-activity' && hasTag(a, 'walking') && hasTag(a, 'outdoors'));
    expect(walks.length).toBeGreaterThanOrEqual(3);
    expect(new Set(walks.map((w) => (w.location.kind === 'venue' ? w.location.venue : w.location.kind))).size).toBeGreaterThanOrEqual(3);
    expect(new Set(walks.flatMap((w) => w.sessions.map((s) => s.day))).size).toBeGreaterThanOrEqual(3);
    expect(walks.some((w) => w.intensity === 'light' && w.supported === true)).toBe(true);
    expect(walks.some((w) => w.intensity === 'moderate' || w.intensity === 'vigorous')).toBe(true);
  });

  const kinds: [string, (a: Activity) => boolean][] = [
    ['a bridge club', (a) => hasTag(a, 'bridge')],
    ['a book club', (a) => hasTag(a, 'book-club')],
    ['bingo', (a) => hasTag(a, 'bingo')],
    ['beekeeping', (a) => hasTag(a, 'beekeeping')],
    ['an art class', (a) => hasTag(a, 'art') && a.category === 'creative'],
    ['cooking', (a) => hasTag(a, 'cooking')],
    ['community gardening or an allotment', (a) => hasTag(a, 'gardening') && a.category === 'nature'],
    ['swimming lessons', (a) => hasTag(a, 'swimming') && a.programme !== undefined],
    ['a women-only swim', (a) => hasTag(a, 'swimming') && (a.eligibility.genders ?? []).join() === 'female'],
    ['chair yoga', (a) => hasTag(a, 'yoga') && hasTag(a, 'chair-based')],
    ['a regular yoga class', (a) => hasTag(a, 'yoga') && !hasTag(a, 'chair-based')],
    ['a gentle dance such as a tea dance', (a) => hasTag(a, 'dancing') && a.intensity === 'light'],
    ['a brisk dance class', (a) => hasTag(a, 'dancing') && a.intensity === 'vigorous'],
    ['knitting', (a) => hasTag(a, 'knitting')],
    ['photography', (a) => hasTag(a, 'photography')],
    ['music', (a) => hasTag(a, 'music')],
    ['singing for lung health', (a) => hasTag(a, 'singing') && hasTag(a, 'pulmonary-rehab') && a.conditions.designedFor.includes('copd')],
    ["a men's shed", (a) => hasTag(a, 'crafts') && hasTag(a, 'men-only')],
    ['tai chi', (a) => hasTag(a, 'tai-chi')],
    ['a cancer, stroke or cardiac rehab group', (a) => hasTag(a, 'cardiac-rehab') || a.conditions.designedFor.includes('cancer') || a.conditions.designedFor.includes('stroke')],
    ["a carers' support group", (a) => a.needs.includes('carers') && a.groupSize !== 'one-to-one'],
    ['a bereavement group', (a) => a.needs.includes('bereavement')],
    ['peer support for anxiety and depression', (a) => hasTag(a, 'peer-support') && a.conditions.designedFor.includes('anxiety') && a.conditions.designedFor.includes('depression')],
    ['a digital skills session', (a) => a.needs.includes('digital-skills')],
    ['an online mindfulness course', (a) => hasTag(a, 'mindfulness') && a.location.kind === 'online'],
    ['a paid private class', (a) => a.cost?.level === 'paid'],
  ];

  it.each(kinds)('includes %s', (_label, predicate) => {
    expect(catalogue.some(predicate)).toBe(true);
  });

  it('has a vigorous, large gym circuit class that is unsuitable for heart disease and osteoporosis', () => {
    const circuits = catalogue.filter((a) => hasTag(a, 'gym') && a.intensity === 'vigorous' && a.groupSize === 'large');
    expect(circuits.some((a) => a.conditions.unsuitableFor.includes('heart-disease') && a.conditions.unsuitableFor.includes('osteoporosis'))).toBe(true);
  });

  it('has at least one strenuous activity unsuitable for COPD', () => {
    expect(catalogue.some((a) => a.intensity === 'vigorous' && a.conditions.unsuitableFor.includes('copd'))).toBe(true);
  });

  it('has at least 4 venues known not to be wheelchair accessible and some whose accessibility is unknown', () => {
    expect(venues.filter((v) => v.activity.accessibility.wheelchair === false).length).toBeGreaterThanOrEqual(4);
    expect(venues.filter((v) => v.activity.accessibility.wheelchair === undefined).length).toBeGreaterThanOrEqual(2);
  });

  it('keeps every venue in one city area, no more than about 8 km apart', () => {
    expect(venues.length).toBeGreaterThan(0);
    expect(venues).toHaveLength(catalogue.filter((a) => a.location.kind === 'venue').length);
    for (const v of venues) expect(inArea(v.location), v.activity.id).toBe(true);
    let widest = 0;
    for (const a of venues) for (const b of venues) widest = Math.max(widest, distanceKm(a.location, b.location));
    expect(widest).toBeLessThanOrEqual(8.5);
    expect(widest).toBeGreaterThan(4);
  });

  it('is mostly free or low cost, with a few paid activities', () => {
    const levels = catalogue.map((a) => a.cost?.level);
    const cheap = levels.filter((l) => l === 'free' || l === 'low').length;
    const paid = levels.filter((l) => l === 'paid').length;
    expect(cheap / catalogue.length).toBeGreaterThan(0.8);
    expect(paid).toBeGreaterThanOrEqual(2);
  });

  it('varies group size, intensity and support', () => {
    expect(new Set(catalogue.map((a) => a.groupSize))).toEqual(new Set(['one-to-one', 'small', 'medium', 'large']));
    expect(new Set(catalogue.map((a) => a.intensity))).toEqual(new Set(['none', 'light', 'moderate', 'vigorous']));
    expect(new Set(catalogue.map((a) => a.supported))).toEqual(new Set([true, false]));
  });

  it('was verified between 2023-06-01 and 2026-11-01, with a few stale records and one never verified', () => {
    for (const a of catalogue) {
      if (a.lastVerified !== undefined) {
        expect(a.lastVerified >= '2023-06-01' && a.lastVerified <= '2026-11-01', a.id).toBe(true);
      }
    }
    expect(catalogue.filter((a) => a.lastVerified === undefined)).toHaveLength(1);
    expect(catalogue.filter((a) => a.lastVerified !== undefined && a.lastVerified < '2024-11-21').length).toBeGreaterThanOrEqual(3);
  });

  it('restricts some activities by age, including 50+, 60+ and an upper age limit', () => {
    expect(catalogue.some((a) => a.eligibility.minAge === 50)).toBe(true);
    expect(catalogue.some((a) => a.eligibility.minAge === 60)).toBe(true);
    expect(catalogue.some((a) => a.eligibility.maxAge !== undefined)).toBe(true);
  });

  it('spreads sessions across the whole week, with evening and weekend sessions and some by appointment', () => {
    const sessions = catalogue.flatMap((a) => a.sessions);
    expect(new Set(sessions.map((s) => s.day))).toEqual(new Set(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']));
    expect(sessions.filter((s) => isEvening(s.start)).length).toBeGreaterThanOrEqual(8);
    expect(sessions.filter((s) => isWeekend(s.day)).length).toBeGreaterThanOrEqual(5);
    expect(catalogue.filter((a) => a.sessions.length === 0).length).toBeGreaterThanOrEqual(3);
  });

  it('describes each activity in one to three plain sentences', () => {
    for (const a of catalogue) {
      expect(a.description, a.id).toBeDefined();
      const n = sentences(a.description ?? '');
      expect(n >= 1 && n <= 3, a.id).toBe(true);
    }
  });
});

describe('the bundled personas (fixtures/personas.json)', () => {
  it('parses every persona and its profile with ClientProfileSchema', () => {
    expect(personaResult.failures).toEqual([]);
    expect(personas).toHaveLength(rawPersonas.length);
  });

  it('holds at least 12 personas with unique ids', () => {
    expect(personas.length).toBeGreaterThanOrEqual(12);
    const ids = personas.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  const required: [string, Condition[], 1 | 2 | 3 | 4][] = [
    ['copd-activation-2', ['copd'], 2],
    ['debt-housing-activation-1', ['depression'], 1],
    ['diabetes-get-fit-activation-4', ['type-2-diabetes'], 4],
    ['anxious-gym-averse', ['anxiety'], 3],
    ['wheelchair-user', ['arthritis'], 3],
    ['heart-disease', ['heart-disease'], 3],
    ['asthma-evening-only', ['asthma'], 3],
    ['housebound-lonely', ['osteoporosis', 'arthritis'], 2],
    ['type-1-diabetes-cooking', ['type-1-diabetes'], 3],
    ['depression-beekeeping', ['depression'], 2],
    ['osteoporosis-dancing', ['osteoporosis'], 3],
    ['carer-anxiety', ['anxiety'], 2],
    ['bereaved-bridge', [], 3],
    ['no-budget-depression', ['depression'], 2],
  ];

  it.each(required)('includes %s with conditions %j at activation %i', (id, conditions, activation) => {
    const profile = persona(id);
    expect(profile.conditions).toEqual(expect.arrayContaining(conditions));
    expect(profile.activation).toBe(activation);
  });

  it('pins the details the acceptance tests rely on', () => {
    expect(persona('copd-activation-2').needs).toContain('confidence');
    expect(persona('debt-housing-activation-1')).toMatchObject({ budget: 'none', loneliness: 'occasionally' });
    expect(persona('debt-housing-activation-1').needs).toEqual(expect.arrayContaining(['debt', 'housing', 'financial']));
    expect(persona('diabetes-get-fit-activation-4')).toMatchObject({ budget: 'low', interests: ['getting fit', 'gym'] });
    expect(persona('diabetes-get-fit-activation-4').needs).toEqual(expect.arrayContaining(['physical-activity', 'weight']));
    expect(persona('anxious-gym-averse').avoid).toEqual(['gym']);
    expect(persona('anxious-gym-averse').needs).toEqual(expect.arrayContaining(['physical-activity', 'confidence']));
    expect(persona('wheelchair-user')).toMatchObject({ accessibility: { wheelchair: true }, travel: { mode: 'wheelchair' } });
    expect(persona('heart-disease').interests).toEqual(expect.arrayContaining(['dancing', 'walking']));
    expect(persona('housebound-lonely')).toMatchObject({ housebound: true, loneliness: 'often-or-always' });
    expect(persona('type-1-diabetes-cooking').interests).toEqual(expect.arrayContaining(['cooking', 'baking']));
    expect(persona('depression-beekeeping')).toMatchObject({ loneliness: 'some-of-the-time' });
    expect(persona('depression-beekeeping').interests).toEqual(expect.arrayContaining(['bee keeping', 'gardening']));
    expect(persona('osteoporosis-dancing').interests).toContain('dancing');
    expect(persona('carer-anxiety').needs).toContain('carers');
    expect(persona('carer-anxiety').availability?.map((w) => w.day)).toEqual(['tue', 'thu']);
    expect(persona('bereaved-bridge').needs).toEqual(expect.arrayContaining(['bereavement', 'loneliness']));
    expect(persona('bereaved-bridge').interests).toEqual(expect.arrayContaining(['bridge', 'book club']));
    expect(persona('no-budget-depression')).toMatchObject({ budget: 'none', interests: ['art'] });
  });

  it(`has every persona aged 40 to 74 on ${AGE_DATE}`, () => {
    for (const p of personas) {
      const age = ageAt(p.profile, AGE_DATE);
      expect(age >= 40 && age <= 74, `${p.id} is ${age}`).toBe(true);
    }
    expect(personas.some((p) => p.profile.dateOfBirth !== undefined && p.profile.age === undefined)).toBe(true);
  });

  it('gives every persona a one-sentence summary, a gender, a home in the city area and a travel limit of 3 to 10 km', () => {
    for (const p of personas) {
      expect(sentences(p.summary), p.id).toBe(1);
      expect(p.profile.gender, p.id).toBeDefined();
      expect(p.profile.home && inArea(p.profile.home), p.id).toBe(true);
      const travel = p.profile.travel;
      expect(travel && travel.maxKm >= 3 && travel.maxKm <= 10 && travel.mode !== undefined, p.id).toBe(true);
    }
  });

  const conditions: Condition[] = ['asthma', 'copd', 'type-1-diabetes', 'type-2-diabetes', 'heart-disease', 'osteoporosis', 'arthritis', 'depression', 'anxiety'];
  it.each(conditions)('covers the condition %s', (condition) => {
    expect(personas.some((p) => p.profile.conditions.includes(condition))).toBe(true);
  });

  it.each([1, 2, 3, 4])('covers activation level %i', (level) => {
    expect(personas.some((p) => p.profile.activation === level)).toBe(true);
  });

  it('covers a wheelchair user', () => {
    expect(personas.some((p) => p.profile.accessibility.wheelchair)).toBe(true);
  });

  it('covers a client available only in the evening (every window starts at or after 17:00)', () => {
    const eveningOnly = personas.filter((p) => {
      const windows = p.profile.availability ?? [];
      return windows.length > 0 && windows.every((w) => (parseClock(w.start) ?? 0) >= 17 * 60);
    });
    expect(eveningOnly.map((p) => p.id)).toContain('asthma-evening-only');
  });

  it('covers a client with no budget', () => {
    expect(personas.some((p) => p.profile.budget === 'none')).toBe(true);
  });

  it('covers a housebound client', () => {
    expect(personas.some((p) => p.profile.housebound)).toBe(true);
  });

  it('writes some conditions and needs as synonyms that the vocabulary turns into ids', () => {
    const rawTerms = rawPersonas.flatMap((p) => {
      const profile = p['profile'] as { conditions?: string[]; needs?: string[] } | undefined;
      return [...(profile?.conditions ?? []), ...(profile?.needs ?? [])];
    });
    const ids = new Set(personas.flatMap((p) => [...p.profile.conditions, ...p.profile.needs]));
    expect(rawTerms.filter((t) => !ids.has(t as never)).length).toBeGreaterThanOrEqual(3);
    expect(persona('copd-activation-2').conditions).toEqual(['copd']);
  });
});
