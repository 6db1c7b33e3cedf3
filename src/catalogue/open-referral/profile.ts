/**
 * The Open Referral UK profile fields an HSDS service may carry, beyond HSDS 3.0: who it is for
 * (`pc_targetAudience`), where (`service_areas`), and how to get in (`attending_access` with
 * `pc_attendingAccess_additionalInfo`). Delivery modes (`attending_type`) are in `delivery.ts`,
 * prices (`fees`) in `cost.ts`, `deliverable_type` in `inference.ts`.
 *
 * **Target audience** tags ({@link AUDIENCE_TAGS}, folded; a tag not in the table is looked up in
 * the condition, need and audience-group vocabularies, exact forms only):
 *
 * | tag | activity field |
 * |---|---|
 * | Older people | `eligibility.minAge` 50, unless the text states an age |
 * | Young people | `eligibility.maxAge` 25, unless the text states an age |
 * | Men, Women | `eligibility.genders`, unless the text opens it to others ("for women and anyone experiencing…") |
 * | Carers | `audience.needs` carers; not with Parents ("parents and carers" of children) |
 * | Homeless | `audience.needs` housing |
 * | Bereaved | `audience.needs` bereavement |
 * | Dementia, Cancer, Parkinson's, Stroke, Visually impaired (sight-loss), Hearing impaired, Autism, Learning disabilities, Substance misuse, Long COVID, Arthritis, Heart conditions, … | `audience.conditions` |
 * | Diabetes, Lung conditions (several conditions) | the ones the text names ("type 2 diabetes", "COPD"), else all |
 * | LGBTQ+, Veterans, Refugees and asylum seekers, Care leavers, Parents, Black, Asian and minority ethnic communities (and other ethnic communities) | `audience.groups` |
 * | Disabled people, Children, … | not mapped (no vocabulary term says who they are) |
 *
 * A condition tag with Carers means people with the condition or their carers, except when the
 * text says the service is for those caring for someone with it ("for people caring for someone
 * with dementia": carers only) or gives carers a break while it supports the person (the
 * condition only).
 *
 * **From text** (inferred): a referral-only service whose text says it is for people with a
 * condition ("for adults who are experiencing depression, anxiety…", "for adults with a BMI over
 * 30") is only for them ({@link ONLY_FOR}); "suitable for" and "risk of" are not restrictions.
 * A name "<X> support group" or "<X> support line" is for people with X.
 *
 * **Service areas**: `service_areas[].name` (UK v1 `service_area`) are area names (local
 * authorities such as "Bristol"); a name that is a postcode district or area ("BS34", "BS") is a
 * postcode district.
 *
 * **Access**: `attending_access` ("Drop-in", "Appointment", "Referral") and its additional
 * information become the `attendingType` ("how to attend", HSDS) of the timetable rows read from
 * text, or of a described-only row when there is no timetable.
 *
 * @module
 */
import type { Gender } from '../../schema/activity.js';
import { foldText, vocabularies } from '../../vocabulary/index.js';
import type { AudienceGroup, Condition, Need } from '../../vocabulary/index.js';
import { resolveKeyword, scanText } from '../../vocabulary/keywords.js';
import type { ValidationIssue } from '../../errors.js';
import { isObject, join, listOf, textOf } from './fields.js';
import type { JsonObject } from './fields.js';
import { stripHtml } from './html.js';
import { OLDER_PEOPLE_AGE, YOUNG_PEOPLE_AGE } from './text-eligibility.js';
import { districtsIn } from './text-place.js';

/** What a target-audience tag says. */
export interface AudienceTag {
  readonly conditions?: readonly Condition[];
  readonly needs?: readonly Need[];
  readonly groups?: readonly AudienceGroup[];
  readonly minAge?: number;
  readonly maxAge?: number;
  readonly genders?: readonly Gender[];
  /** Says nothing the activity can hold (kept out without a warning). */
  readonly none?: true;
}

/** UK target-audience tags as directories write them (folded), beyond the vocabularies' own forms. */
export const AUDIENCE_TAGS: Readonly<Record<string, AudienceTag>> = {
  'older people': { minAge: OLDER_PEOPLE_AGE }, 'older adults': { minAge: OLDER_PEOPLE_AGE }, elderly: { minAge: OLDER_PEOPLE_AGE }, 'over 50s': { minAge: 50 }, 'over 60s': { minAge: 60 }, 'over 65s': { minAge: 65 },
  'young people': { maxAge: YOUNG_PEOPLE_AGE }, 'young adults': { maxAge: YOUNG_PEOPLE_AGE }, youth: { maxAge: YOUNG_PEOPLE_AGE },
  men: { genders: ['male'] }, male: { genders: ['male'] }, women: { genders: ['female'] }, female: { genders: ['female'] }, ladies: { genders: ['female'] },
  carers: { needs: ['carers'] }, 'unpaid carers': { needs: ['carers'] }, 'young carers': { needs: ['carers'] },
  homeless: { needs: ['housing'] }, homelessness: { needs: ['housing'] }, 'rough sleepers': { needs: ['housing'] }, 'people who are homeless': { needs: ['housing'] },
  bereaved: { needs: ['bereavement'] }, bereavement: { needs: ['bereavement'] },
  'visually impaired': { conditions: ['sight-loss'] }, 'hearing impaired': { conditions: ['hearing-loss'] }, 'deaf and hard of hearing': { conditions: ['hearing-loss'] },
  'learning disabilities': { conditions: ['learning-disability'] }, 'heart conditions': { conditions: ['heart-disease'] }, 'mental health': { needs: ['mental-wellbeing'] },
  'lgbtq': { groups: ['lgbtq'] }, 'refugees and asylum seekers': { groups: ['refugees'] }, 'care leavers': { groups: ['care-leavers'] }, parents: { groups: ['parents'] }, families: { groups: ['parents'] },
  'black asian and minority ethnic communities': { groups: ['ethnic-minorities'] }, bame: { groups: ['ethnic-minorities'] },
  'disabled people': { none: true }, disability: { none: true }, children: { none: true }, 'children and young people': { none: true }, everyone: { none: true }, adults: { none: true },
};

/** An ethnic community named in a tag ("Chinese community", "Somali community"): an ethnic minority group. */
const ETHNIC_COMMUNITY = /\b(black|asian|minority ethnic|ethnic minorit\w*|bame|bme|chinese|south asian|african|caribbean|somali|gypsy|roma|traveller|travellers)\b/;

/**
 * A text cue that a referral-only service is only for people with the conditions in the same
 * sentence ("for adults who are experiencing depression"), on folded text.
 */
export const ONLY_FOR = /\bfor (adults|people|those|anyone|patients|residents|men|women)( \w+){0,3} (with|living with|experiencing|recovering from|diagnosed with|affected by)\b|\bonly for\b|\bexclusively for\b|\bmust (have|be diagnosed)\b/;
/** Sentences that suit or prevent rather than restrict. */
const NOT_RESTRICTION = /\b(suitable|risk of|prevent\w*|at risk|good for|helpful for|welcome)\b/;
/** Text cues that a condition tag with Carers is for the carers of people with the condition. */
const CARERS_OF = /\b(caring for|care for|carers of|looking after|who look after) (someone|a person|people|a loved one|a family member|relatives?|a relative|their \w+)( \w+){0,3} with\b/;
/** Text cues that a service supports the person and gives their carers a break. */
const CARERS_BREAK = /\b(give|gives|giving) (their |the |a )?(carer|carers|family) (a )?(break|rest|respite)\b|\brespite\b/;
/** Conditions from text phrases the vocabularies lack. */
const TEXT_CONDITIONS: readonly (readonly [Condition, RegExp])[] = [['obesity', /\bbmi (of |over |above |of over )?(2[5-9]|[3-5]\d)\b/]];

/** Who a service is only for, and the eligibility its tags imply. */
export interface AudienceFacts {
  conditions: Condition[];
  needs: Need[];
  groups: AudienceGroup[];
  minAge?: number;
  maxAge?: number;
  genders?: Gender[];
  /** Tags read (folded), for reporting the ones not understood. */
  unread: string[];
  /** Whether text decided or narrowed any of the audience. */
  fromText: boolean;
}

function push<T>(list: T[], values: readonly T[] | undefined): void {
  for (const v of values ?? []) if (!list.includes(v)) list.push(v);
}

/**
 * Target audience tags of a service: `pc_targetAudience[].audienceType` (or `name`), or plain
 * strings; at most 50. Entries with no usable text are reported on `issues` at `path` and ignored.
 *
 * @example
 * ```ts
 * audienceTags({ pc_targetAudience: [{ audienceType: 'Carers', id: 'a1' }, 'Men'] }); // ['Carers', 'Men']
 * ```
 */
export function audienceTags(service: JsonObject, path = '', issues: ValidationIssue[] = []): string[] {
  const tags: string[] = [];
  const key = service.pc_targetAudience !== undefined ? 'pc_targetAudience' : 'target_audience';
  listOf(service[key]).slice(0, 50).forEach((row, i) => {
    const text = isObject(row) ? (textOf(row.audienceType) ?? textOf(row.name) ?? textOf(row.audience)) : textOf(row);
    if (text === undefined || text.length > 200) issues.push({ path: join(join(path, key), i), message: 'expected an audience name of at most 200 characters; ignored' });
    else if (!tags.includes(stripHtml(text))) tags.push(stripHtml(text));
  });
  return tags;
}

/** Conditions named in text (vocabulary phrases and {@link TEXT_CONDITIONS}), each once. */
function conditionsIn(text: string): Condition[] {
  const out: Condition[] = [];
  for (const hit of scanText(text)) if (hit.vocabulary === 'conditions' && !out.includes(hit.id as Condition)) out.push(hit.id as Condition);
  const folded = foldText(text);
  for (const [id, cue] of TEXT_CONDITIONS) if (cue.test(folded) && !out.includes(id)) out.push(id);
  return out;
}

/**
 * Who a service is only for, from its target-audience tags and its words (see the module notes).
 * `referral`: the service takes people only by referral (text restrictions count only then).
 *
 * @example
 * ```ts
 * audienceOf(['Dementia', 'Carers'], 'Kingswood Dementia Café', 'A friendly café for people living with dementia, their families and carers.', false);
 * // { conditions: ['dementia'], needs: ['carers'], groups: [], unread: [], fromText: false }
 * audienceOf(['Carers', 'Dementia'], 'Dementia Carers’ Telephone Support Group', 'A small telephone support group for people caring for someone with dementia.', false);
 * // { conditions: [], needs: ['carers'], groups: [], unread: [], fromText: true }
 * audienceOf(['Older people', 'Men'], 'Walking group', '', false); // { …, minAge: 50, genders: ['male'] }
 * ```
 */
export function audienceOf(tags: readonly string[], name: string, description: string, referral: boolean): AudienceFacts {
  const facts: AudienceFacts = { conditions: [], needs: [], groups: [], unread: [], fromText: false };
  const text = `${name}. ${description}`.slice(0, 20_000);
  const named = conditionsIn(text);
  const folded = foldText(text);
  const parents = tags.some((t) => ['parents', 'families'].includes(foldText(t))) || /\bparents and carers\b/.test(folded);
  let carersTag = false;
  for (const tag of tags) {
    const key = foldText(tag);
    const known = AUDIENCE_TAGS[key];
    if (known?.none) continue;
    if (known !== undefined) {
      if (known.needs?.includes('carers')) {
        if (parents) {
          facts.fromText ||= /\bparents and carers\b/.test(folded);
          continue;
        }
        carersTag = true;
      }
      push(facts.conditions, known.conditions);
      push(facts.needs, known.needs);
      push(facts.groups, known.groups);
      if (known.minAge !== undefined) facts.minAge = Math.max(facts.minAge ?? 0, known.minAge);
      if (known.maxAge !== undefined) facts.maxAge = Math.min(facts.maxAge ?? 130, known.maxAge);
      if (known.genders !== undefined) facts.genders = [...new Set([...(facts.genders ?? []), ...known.genders])];
      continue;
    }
    const group = vocabularies.groups.lookup(tag) as AudienceGroup | undefined;
    if (group !== undefined) {
      push(facts.groups, [group]);
      continue;
    }
    if (ETHNIC_COMMUNITY.test(key)) {
      push(facts.groups, ['ethnic-minorities']);
      continue;
    }
    const hits = resolveKeyword(tag).filter((h) => h.via !== 'fuzzy' && (h.vocabulary === 'conditions' || h.vocabulary === 'needs'));
    const conditions = hits.filter((h) => h.vocabulary === 'conditions').map((h) => h.id as Condition);
    // A tag naming several conditions ("Diabetes", "Lung conditions"): the ones the text names, if any.
    const narrowed = conditions.length > 1 ? conditions.filter((c) => named.includes(c)) : conditions;
    if (narrowed.length > 0 && narrowed.length < conditions.length) facts.fromText = true;
    push(facts.conditions, narrowed.length > 0 ? narrowed : conditions);
    push(facts.needs, hits.filter((h) => h.vocabulary === 'needs').map((h) => h.id as Need));
    if (hits.length === 0) facts.unread.push(tag);
  }
  if (carersTag && facts.conditions.length > 0) {
    if (CARERS_OF.test(folded)) {
      facts.conditions = [];
      facts.fromText = true;
    } else if (CARERS_BREAK.test(folded)) {
      facts.needs = facts.needs.filter((n) => n !== 'carers');
      facts.fromText = true;
    }
  }
  // From text: "<X> support group" names, and referral-only services for people with conditions.
  const support = /\bsupport (group|line|service)\b/i.exec(name.slice(0, 300));
  const before = support === null ? '' : name.slice(0, support.index);
  if (before.trim() !== '') {
    for (const hit of scanText(before)) {
      if (hit.vocabulary === 'conditions' && !facts.conditions.includes(hit.id as Condition) && !(carersTag && CARERS_OF.test(folded))) {
        facts.conditions.push(hit.id as Condition);
        facts.fromText = true;
      }
      if (hit.vocabulary === 'needs' && !facts.needs.includes(hit.id as Need)) {
        facts.needs.push(hit.id as Need);
        facts.fromText = true;
      }
    }
  }
  if (referral && facts.conditions.length === 0) {
    for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
      const s = foldText(sentence);
      if (!ONLY_FOR.test(s) || NOT_RESTRICTION.test(s)) continue;
      const found = conditionsIn(sentence);
      if (found.length > 0) {
        push(facts.conditions, found);
        facts.fromText = true;
      }
    }
  }
  return facts;
}

/**
 * The areas a service covers, from `service_areas` (see the module notes): names and postcode
 * districts, each once, at most 50 names and 500 districts, and (`textDistricts`, inferred) the
 * districts an area's description or a prose name gives ("all postcodes starting with AB1, AB2
 * and AB3"). An entry with no usable name is reported on `issues` at `path`.
 *
 * @example
 * ```ts
 * serviceAreas({ service_areas: [{ id: 'a', name: 'Bristol' }, { id: 'b', name: 'South Gloucestershire' }, { id: 'c', name: 'BS34' }] });
 * // { names: ['Bristol', 'South Gloucestershire'], postcodeDistricts: ['BS34'], textDistricts: [] }
 * ```
 */
export function serviceAreas(service: JsonObject, path = '', issues: ValidationIssue[] = []): { names: string[]; postcodeDistricts: string[]; textDistricts: string[] } {
  const names: string[] = [];
  const postcodeDistricts: string[] = [];
  const textDistricts: string[] = [];
  const key = service.service_areas !== undefined ? 'service_areas' : 'service_area';
  const rows = listOf(service[key]);
  if (rows.length > 600) issues.push({ path: join(path, key), message: 'read the first 600 service areas' });
  rows.slice(0, 600).forEach((row, i) => {
    const raw = isObject(row) ? (textOf(row.name) ?? textOf(row.service_area)) : textOf(row);
    // Prose ("all postcodes starting with AB1, AB2 and AB3") is read for postcode districts.
    const prose = [isObject(row) ? textOf(row.description) : undefined, raw !== undefined && raw.length > 100 ? raw : undefined].filter((t): t is string => t !== undefined);
    for (const d of prose.flatMap((t) => districtsIn(stripHtml(t.slice(0, 2000))))) if (!textDistricts.includes(d) && textDistricts.length < 500) textDistricts.push(d);
    if (raw === undefined || raw.length > 100) {
      issues.push({ path: join(join(path, key), i), message: 'expected an area name of at most 100 characters; ignored as a name' });
      return;
    }
    const name = stripHtml(raw);
    const district = name.trim().toUpperCase();
    if (/^[A-Z]{1,2}([0-9][A-Z0-9]?)?$/.test(district)) {
      if (!postcodeDistricts.includes(district) && postcodeDistricts.length < 500) postcodeDistricts.push(district);
    } else if (name !== '' && !names.some((n) => foldText(n) === foldText(name)) && names.length < 50) names.push(name);
  });
  return { names, postcodeDistricts, textDistricts: textDistricts.filter((d) => !postcodeDistricts.includes(d)) };
}

/**
 * How to get in: the `attending_access` value and its additional information, as one text
 * ("Drop-in: Just turn up 10 minutes before the start"), at most 500 characters, and whether it
 * says the service is by referral.
 *
 * @example
 * ```ts
 * accessOf({ attending_access: 'Referral', pc_attendingAccess_additionalInfo: 'Self-referral or referral by a GP.' });
 * // { text: 'Referral: Self-referral or referral by a GP.', referral: true }
 * ```
 */
export function accessOf(service: JsonObject): { text?: string; referral: boolean } {
  const access = listOf(service.attending_access).length > 0 && Array.isArray(service.attending_access) ? service.attending_access.map(textOf).filter((t) => t !== undefined).join(', ') : textOf(service.attending_access);
  const info = textOf(service.pc_attendingAccess_additionalInfo);
  const parts = [access, info].filter((t): t is string => t !== undefined).map((t) => stripHtml(t.slice(0, 1000)));
  const text = parts.join(': ');
  const referral = access !== undefined && /\breferr?al\b/i.test(access);
  if (text === '') return { referral };
  return { text: text.length > 500 ? `${text.slice(0, 499)}…` : text, referral };
}
