import { z } from 'zod';
import { GENDERS, REFERRAL_ROUTES } from './activity.js';
import { DateRangeSchema } from './date-range.js';
import { BirthDateSchema, conditionList, groupList, LanguageListSchema, LatitudeSchema, LongitudeSchema, needList, PostcodeDistrictSchema, text, WeeklyWindowSchema } from './common.js';

/**
 * Patient Activation Measure levels: 1 disengaged and overwhelmed … 4 maintaining behaviours.
 *
 * @example
 * ```ts
 * ACTIVATION_LEVELS;             // [1, 2, 3, 4]
 * ACTIVATION_LEVELS.includes(2); // true
 * ```
 */
export const ACTIVATION_LEVELS = [1, 2, 3, 4] as const;
/**
 * What the client can spend: nothing, a little, or any reasonable amount.
 *
 * @example
 * ```ts
 * BUDGETS;                                                      // ['none', 'low', 'any']
 * ClientProfileSchema.parse({ age: 70, activation: 3 }).budget; // 'any'  (the default)
 * ```
 */
export const BUDGETS = ['none', 'low', 'any'] as const;
/**
 * The ONS direct loneliness question: "How often do you feel lonely?"
 *
 * @example
 * ```ts
 * LONELINESS[0];                         // 'never'
 * LONELINESS.indexOf('often-or-always'); // 4
 * ```
 */
export const LONELINESS = ['never', 'hardly-ever', 'occasionally', 'some-of-the-time', 'often-or-always'] as const;
/**
 * How the client usually travels.
 *
 * @example
 * ```ts
 * TRAVEL_MODES; // ['walk', 'wheelchair', 'public-transport', 'car', 'taxi', 'community-transport']
 * ```
 */
export const TRAVEL_MODES = ['walk', 'wheelchair', 'public-transport', 'car', 'taxi', 'community-transport'] as const;

const freeText = text(200, 'free text');

/**
 * What a link worker knows about a client. This is health data: the library never logs it,
 * never copies its values into errors, and never mutates it.
 *
 * Give `age` or `dateOfBirth` (age is worked out at the time of the recommendation).
 *
 * @example
 * ```ts
 * const client = ClientProfileSchema.parse({ age: 72, activation: 2, conditions: ['emphysema'], needs: ['lonely'] });
 * client.conditions; // ['copd']
 * client.needs;      // ['loneliness']
 * client.budget;     // 'any'  (the default)
 * ClientProfileSchema.safeParse({ activation: 2 }).error?.issues[0]?.message; // 'expected age or dateOfBirth'
 * ```
 */
export const ClientProfileSchema = z
  .strictObject({
    /** A pseudonymous reference, never a name or NHS number. */
    id: text(100, 'an id').optional(),
    age: z.number({ error: 'expected an age in whole years' }).int({ error: 'expected an age in whole years' }).min(0, { error: 'expected an age in whole years' }).max(130, { error: 'expected an age in whole years' }).optional(),
    dateOfBirth: BirthDateSchema.optional(),
    gender: z.enum(GENDERS, { error: "expected 'female', 'male', 'non-binary' or 'other'" }).optional(),
    home: z.strictObject({ lat: LatitudeSchema, lon: LongitudeSchema, postcode: text(10, 'a postcode').optional() }).optional(),
    /**
     * Where they live, for services that cover an area by name or postcode: their local
     * authority ("Bristol") and postcode district ("BS34"; taken from `home.postcode` when not
     * given). Without either, such services are not excluded and the explanation asks to check.
     */
    localArea: z
      .strictObject({ localAuthority: text(100, 'a local authority name').optional(), postcodeDistrict: PostcodeDistrictSchema.optional() }, { error: 'expected a local area {localAuthority?, postcodeDistrict?}' })
      .optional(),
    /** Long-term conditions (vocabulary ids or synonyms). */
    conditions: conditionList().default([]),
    /** Patient Activation Measure level, 1 to 4. */
    activation: z.union(ACTIVATION_LEVELS.map((n) => z.literal(n)), { error: 'expected an activation level 1, 2, 3 or 4' }),
    /** Social and practical needs (vocabulary ids or synonyms). */
    needs: needList().default([]),
    /** Answer to "How often do you feel lonely?" */
    loneliness: z.enum(LONELINESS, { error: "expected 'never', 'hardly-ever', 'occasionally', 'some-of-the-time' or 'often-or-always'" }).optional(),
    /**
     * Groups the client belongs to and is happy to be matched on (vocabulary ids or synonyms:
     * 'LGBTQ+', 'veteran', …): services only for one of these groups are offered only then.
     */
    groups: groupList().default([]),
    /** Interests in the client's own words ("bee keeping", "used to love dancing"). */
    interests: z.array(freeText, { error: 'expected a list of interests' }).max(32, { error: 'expected at most 32 interests' }).default([]),
    /** Things to avoid in the client's own words ("gym", "big groups"). */
    avoid: z.array(freeText, { error: 'expected a list of things to avoid' }).max(32, { error: 'expected at most 32 things to avoid' }).default([]),
    /** Weekly windows when the client can go. Absent means any time. */
    availability: z.array(WeeklyWindowSchema, { error: 'expected a list of weekly windows' }).max(100, { error: 'expected at most 100 windows' }).optional(),
    /** Dates or ranges the client is away (holidays, hospital stays): sessions then are not offered as the next one. */
    datesAway: z.array(DateRangeSchema, { error: 'expected a list of dates or {from, to} ranges' }).max(500, { error: 'expected at most 500 dates away' }).default([]),
    travel: z
      .strictObject({
        maxKm: z.number({ error: 'expected a distance in km' }).finite({ error: 'expected a distance in km' }).min(0, { error: 'expected a distance in km' }).max(500, { error: 'expected a distance of at most 500 km' }),
        mode: z.enum(TRAVEL_MODES, { error: `expected one of ${TRAVEL_MODES.join(', ')}` }).optional(),
      })
      .optional(),
    /** Cannot leave home: only home-based and online activities are eligible. */
    housebound: z.boolean({ error: 'expected true or false' }).default(false),
    budget: z.enum(BUDGETS, { error: "expected a budget: 'none', 'low' or 'any'" }).default('any'),
    accessibility: z
      .strictObject({
        wheelchair: z.boolean({ error: 'expected true or false' }).default(false),
        stepFree: z.boolean({ error: 'expected true or false' }).default(false),
        hearingLoop: z.boolean({ error: 'expected true or false' }).default(false),
      })
      .default({ wheelchair: false, stepFree: false, hearingLoop: false }),
    languages: LanguageListSchema.default(['en']),
    referredBy: z.enum([...REFERRAL_ROUTES, 'other'], { error: "expected 'gp', 'link-worker', 'self' or 'other'" }).optional(),
  })
  .refine((c) => c.age !== undefined || c.dateOfBirth !== undefined, { error: 'expected age or dateOfBirth', path: ['age'] });

/** A validated client profile with defaults filled in. */
export type ClientProfile = z.infer<typeof ClientProfileSchema>;
/** A client profile as written, before validation. */
export type ClientProfileInput = z.input<typeof ClientProfileSchema>;
/** Activation level 1 to 4. */
export type ActivationLevel = (typeof ACTIVATION_LEVELS)[number];
/** Budget. */
export type Budget = (typeof BUDGETS)[number];
/** Loneliness answer. */
export type Loneliness = (typeof LONELINESS)[number];
