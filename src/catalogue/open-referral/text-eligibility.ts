/**
 * Ages and genders written in a service's name and description: "over 50s", "aged 11-16",
 * "18+", "for adults", "for older people"; "men's group", "ladies only", "for women".
 *
 * | phrase (folded text) | read as |
 * |---|---|
 * | "aged 11-16", "ages 8 to 14", "11-18 year olds" | minAge 11, maxAge 16 |
 * | "18+", "aged 65+", "(50+)", "over 60s", "over-50s", "aged 50 and over", "65 and older", "aged over 50", "men over 50" | minAge |
 * | "for adults", "adults only", "adults living in…" (a sentence opening "Adults") | minAge 18 ({@link ADULT_AGE}) |
 * | "for older people", "for older adults" | minAge 50 ({@link OLDER_PEOPLE_AGE}) |
 * | "for young people" | maxAge 25 ({@link YOUNG_PEOPLE_AGE}) |
 * | "men only", "men's group", "for men", "a group for men", "lads" in the name; likewise "women", "ladies", "girls" | genders |
 *
 * A stated number wins over a phrase ("for young people aged 11-16" is 11 to 16). Numbers that
 * are not ages are left alone: "over 60 members" (no "s"), "£50+", "BMI over 30", "number 16",
 * "Level 2", "within 24 hours". A gender phrase in a sentence that also opens the service to
 * others ("for women and anyone experiencing menopause", "men and women", "everyone welcome")
 * is not a restriction. Ages outside 0–130 are ignored. Text is cut to
 * {@link MAX_ELIGIBILITY_TEXT} characters before it is read.
 *
 * @module
 */
import type { Gender } from '../../schema/activity.js';
import { foldText } from '../../vocabulary/index.js';

/** Text beyond this many characters is not read for ages and genders. */
export const MAX_ELIGIBILITY_TEXT = 20_000;
/** The minimum age of a service "for adults". */
export const ADULT_AGE = 18;
/** The minimum age of a service "for older people" (or tagged Older people) when no age is stated. */
export const OLDER_PEOPLE_AGE = 50;
/** The maximum age of a service "for young people" (or tagged Young people) when no age is stated. */
export const YOUNG_PEOPLE_AGE = 25;

/** Ages and genders found in text; each field only when stated. */
export interface TextEligibility {
  minAge?: number;
  maxAge?: number;
  genders?: Gender[];
  /** Which limits came from a stated number (they win over tags). */
  statedAge?: boolean;
}

/** On folded text, where "11-16" reads "11 16". */
const AGE_RANGE = /\b(?:aged|ages|age)\s+(\d{1,3})\s+(?:to\s+)?(\d{1,3})\b|\b(\d{1,3})\s+(?:to\s+)?(\d{1,3})\s+(?:year olds|years old|yr olds)\b/;
const AGE_PLUS = /(?<![£\d.,])\b(\d{1,3})\s?\+(?!\d)/;
const AGE_OVER_S = /\bover[- ]?(\d{1,3})s\b/;
const AGE_AND_OVER = /\b(\d{1,3})\s+and\s+(?:over|older|above)\b|\baged\s+(?:over|above)\s+(\d{1,3})\b/;
/** "men over 50", "people aged over 65": people, then over a number that is not followed by a unit. */
const PEOPLE_OVER = /\b(?:men|women|people|adults|residents|ladies|gents)\s+(?:aged\s+)?(?:over|above)\s+(\d{1,3})\b(?!\s*(?:weeks?|months?|years?|days?|hours?|minutes?|mins?|times?|sessions?|miles?|km|kg)\b)/;
const ADULTS = /\b(for|only for|open to|suitable for) (\w+ )?adults\b(?! and (children|young people|families))|\badults only\b|^adults (living|who|with|aged|in)\b/;
const OLDER = /\bfor (\w+ )?older (people|adults|residents|men|women)\b/;
const YOUNG = /\bfor young (people|adults)\b/;

const GENDER_CUES: readonly (readonly [Gender, RegExp])[] = [
  ['male', /\b(men|mens|male|gents|lads|boys) only\b|\bmens (group|shed|club|walk|walking|health|space|circle|support|breakfast|football)\b|\b(a|our)( \w+){0,3} (group|club|space|session|class) for (men|boys)\b|\bfor (men|boys)\b|\bonly for (men|boys)\b|\bwhere men\b/],
  ['female', /\b(women|womens|female|ladies|girls) only\b|\b(womens|ladies) (group|club|swim|session|fitness|walk|walking|health|space|circle|football|netball|learn to ride|english|wellbeing)\b|\b(a|our)( \w+){0,3} (group|club|space|session|class) for (women|girls)\b|\bfor (women|girls|ladies)\b|\bonly for (women|girls)\b/],
];
/** A sentence that opens the service to others besides the gender it names. */
const OPEN_TO_OTHERS = /\b(and anyone|or anyone|and everyone|men and women|women and men|boys and girls|girls and boys|everyone welcome|all welcome|open to all|open to everyone|mixed|anyone experiencing)\b/;

/**
 * True when a sentence naming men or women also opens the service to others ("for women and
 * anyone experiencing menopause", "men and women welcome"): a gender tag is then no restriction.
 *
 * @example
 * ```ts
 * openToOthers('Monthly talks. For women and anyone experiencing menopause.'); // true
 * openToOthers('A walking group for men.');                                   // false
 * ```
 */
export function openToOthers(text: string): boolean {
  return text
    .slice(0, MAX_ELIGIBILITY_TEXT)
    .split(/(?<=[.!?])\s+|\n+/)
    .map(foldText)
    .some((s) => /\b(men|women|ladies|male|female|boys|girls)\b/.test(s) && OPEN_TO_OTHERS.test(s));
}

function age(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  return Number.isInteger(n) && n >= 0 && n <= 130 ? n : undefined;
}

/**
 * The ages and genders a text states (see the module notes). Reads the name and description
 * given together; each sentence separately.
 *
 * @example
 * ```ts
 * eligibilityFromText('Non-contact boxing fitness for young people aged 11–16.'); // { minAge: 11, maxAge: 16, statedAge: true }
 * eligibilityFromText('Chair-Based Exercise (Over 60s)');                       // { minAge: 60, statedAge: true }
 * eligibilityFromText('Friendship group for older people.');                    // { minAge: 50 }
 * eligibilityFromText('Netball at a walking pace. Ladies only, 16+.');          // { minAge: 16, statedAge: true, genders: ['female'] }
 * eligibilityFromText('Founded in 1975, a friendly club with over 60 members.'); // {}
 * ```
 */
export function eligibilityFromText(text: string): TextEligibility {
  const out: TextEligibility = {};
  const sentences = text
    .slice(0, MAX_ELIGIBILITY_TEXT)
    .split(/(?<=[.!?])\s+|\n+|\?/)
    .map((s) => foldText(s.replace(/£\s?\d[\d,.]*/g, ' money ').replace(/\+/g, ' plus ')).replace(/ plus\b/g, '+'))
    .filter((s) => s !== '');
  let min: number | undefined;
  let max: number | undefined;
  let phraseMin: number | undefined;
  let phraseMax: number | undefined;
  const genders = new Set<Gender>();
  for (const s of sentences) {
    const range = AGE_RANGE.exec(s);
    if (range !== null) {
      const a = age(range[1] ?? range[3]);
      const b = age(range[2] ?? range[4]);
      if (a !== undefined && b !== undefined && a < b && b < 100) {
        min ??= a;
        max ??= b;
      }
    }
    const plus = AGE_PLUS.exec(s) ?? AGE_OVER_S.exec(s) ?? AGE_AND_OVER.exec(s) ?? PEOPLE_OVER.exec(s);
    const stated = plus === null ? undefined : age(plus[1] ?? plus[2]);
    if (stated !== undefined && stated >= 5 && stated < 100) min ??= stated;
    if (ADULTS.test(s)) phraseMin ??= ADULT_AGE;
    if (OLDER.test(s)) phraseMin ??= OLDER_PEOPLE_AGE;
    if (YOUNG.test(s)) phraseMax ??= YOUNG_PEOPLE_AGE;
    if (!OPEN_TO_OTHERS.test(s)) for (const [gender, cue] of GENDER_CUES) if (cue.test(s)) genders.add(gender);
  }
  if (min !== undefined || max !== undefined) {
    if (min !== undefined) out.minAge = min;
    if (max !== undefined) out.maxAge = max;
    out.statedAge = true;
  } else {
    if (phraseMin !== undefined) out.minAge = phraseMin;
    if (phraseMax !== undefined && (phraseMin === undefined || phraseMin <= phraseMax)) out.maxAge = phraseMax;
  }
  // A service "for men" and "for women" in different sentences names both: no restriction.
  if (genders.size === 1) out.genders = [...genders];
  return out;
}
