import { z } from 'zod';
import {
  categoryTerm,
  conditionList,
  groupList,
  IsoDateSchema,
  LanguageListSchema,
  LatitudeSchema,
  LongitudeSchema,
  needList,
  PostcodeDistrictSchema,
  TagSchema,
  text,
  TimeZoneSchema,
  WeeklyWindowSchema,
} from './common.js';
import { CapacitySchema } from './capacity.js';
import { ProgrammeSchema } from './programme.js';
import { ScheduleSchema } from './schedule.js';

/**
 * The activity fields an import can infer from text, in the order they are listed.
 *
 * @example
 * ```ts
 * INFERABLE_FIELDS.length;            // 21
 * INFERABLE_FIELDS.slice(0, 3);       // ['category', 'tags', 'intensity']
 * INFERABLE_FIELDS.includes('needs'); // true
 * ```
 *
 * Size: over 300 lines: the activity schema is one strict object with a documented field each;
 * the shared field rules are in `common.ts`, schedules, programmes and capacity in their own
 * files.
 */
export const INFERABLE_FIELDS = [
  'category', 'tags', 'intensity', 'groupSize', 'supported', 'conditions.designedFor', 'conditions.unsuitableFor', 'needs', 'cost', 'location', 'languages',
  'accessibility.wheelchair', 'accessibility.stepFree', 'accessibility.hearingLoop', 'accessibility.accessibleToilet',
  'audience', 'schedules', 'eligibility.minAge', 'eligibility.maxAge', 'eligibility.genders', 'location.area',
] as const;

/** A field an import can infer from text. */
export type InferableField = (typeof INFERABLE_FIELDS)[number];

/**
 * Field paths whose values were inferred from text, e.g. `["category", "conditions.designedFor"]`,
 * so explanations can say "inferred from the description".
 *
 * @example
 * ```ts
 * InferredSchema.parse(['category', 'needs', 'category']); // ['category', 'needs']
 * InferredSchema.safeParse(['colour']).success;            // false
 * ```
 */
export const InferredSchema = z
  .array(z.enum(INFERABLE_FIELDS, { error: `expected a field path: ${INFERABLE_FIELDS.join(', ')}` }), { error: 'expected a list of field paths' })
  .max(INFERABLE_FIELDS.length, { error: `expected at most ${INFERABLE_FIELDS.length} field paths` })
  .transform((paths) => [...new Set(paths)]);

/**
 * Where an imported activity came from: the directory's service and location ids and the feed.
 *
 * @example
 * ```ts
 * SourceSchema.parse({ serviceId: 'ac148810', locationId: '3a19ff88', feed: 'sheffield-page-1.json' });
 * ```
 */
export const SourceSchema = z.strictObject(
  {
    serviceId: text(200, 'a service id').optional(),
    locationId: text(200, 'a location id').optional(),
    feed: text(500, 'a feed name').optional(),
  },
  { error: 'expected a source {serviceId?, locationId?, feed?}' },
);

/**
 * Exercise intensity, from none (a talk, an advice session) to vigorous.
 *
 * @example
 * ```ts
 * INTENSITIES;                     // ['none', 'light', 'moderate', 'vigorous']
 * INTENSITIES.indexOf('moderate'); // 2
 * ```
 */
export const INTENSITIES = ['none', 'light', 'moderate', 'vigorous'] as const;
/**
 * Usual group size: one-to-one, small (up to about 8), medium (up to about 20), large.
 *
 * @example
 * ```ts
 * GROUP_SIZES; // ['one-to-one', 'small', 'medium', 'large']
 * ```
 */
export const GROUP_SIZES = ['one-to-one', 'small', 'medium', 'large'] as const;
/**
 * Ongoing price level: free, low (a few pounds, concessions) or paid.
 *
 * @example
 * ```ts
 * COST_LEVELS; // ['free', 'low', 'paid']
 * ```
 */
export const COST_LEVELS = ['free', 'low', 'paid'] as const;
/**
 * How a person can be referred.
 *
 * @example
 * ```ts
 * REFERRAL_ROUTES; // ['gp', 'link-worker', 'self']
 * ```
 */
export const REFERRAL_ROUTES = ['gp', 'link-worker', 'self'] as const;
/**
 * Genders a session may be restricted to.
 *
 * @example
 * ```ts
 * GENDERS; // ['female', 'male', 'non-binary', 'other']
 * ```
 */
export const GENDERS = ['female', 'male', 'non-binary', 'other'] as const;

const AREA_FORMS = 'expected a centre and radius (lat, lon, radiusKm), area names or postcode districts';

/**
 * The area a service covers (after HSDS service_area): clients living outside it are not
 * eligible. Absent means it covers everyone. Any of three forms, alone or together (a client in
 * any one of them is inside):
 * - a centre and radius (`lat`, `lon`, `radiusKm`), checked against the client's home;
 * - area `names`, such as local authorities ("Bristol", "South Gloucestershire"), checked
 *   against the client's `localArea.localAuthority` (compared by `areaKey`: "Bristol City
 *   Council" is "Bristol");
 * - `postcodeDistricts` ("BS34"), or postcode areas ("BS"), checked against the client's
 *   postcode district (`localArea.postcodeDistrict`, or their home postcode's).
 * A client whose profile gives no local area is not excluded by names or districts; the
 * explanation asks to check where they live.
 *
 * @example
 * ```ts
 * ServiceAreaSchema.parse({ lat: 53.38, lon: -1.47, radiusKm: 10 }); // { lat: 53.38, lon: -1.47, radiusKm: 10 }
 * ServiceAreaSchema.parse({ names: ['Bristol'], postcodeDistricts: ['bs34'] }); // { names: ['Bristol'], postcodeDistricts: ['BS34'] }
 * ServiceAreaSchema.safeParse({ lat: 53.38, lon: -1.47, radiusKm: 0 }).error?.issues[0]?.message; // 'expected a radius in km > 0'
 * ```
 */
export const ServiceAreaSchema = z
  .strictObject(
    {
      lat: LatitudeSchema.optional(),
      lon: LongitudeSchema.optional(),
      radiusKm: z.number({ error: 'expected a radius in km' }).finite({ error: 'expected a radius in km' }).positive({ error: 'expected a radius in km > 0' }).max(1000, { error: 'expected a radius of at most 1000 km' }).optional(),
      names: z.array(text(100, 'an area name'), { error: 'expected a list of area names' }).min(1, { error: 'expected at least one area name, or omit names' }).max(50, { error: 'expected at most 50 area names' }).optional(),
      postcodeDistricts: z
        .array(PostcodeDistrictSchema, { error: 'expected a list of postcode districts' })
        .min(1, { error: 'expected at least one postcode district, or omit postcodeDistricts' })
        .max(500, { error: 'expected at most 500 postcode districts' })
        .optional(),
    },
    { error: AREA_FORMS },
  )
  .superRefine((a, ctx) => {
    const circle = [a.lat, a.lon, a.radiusKm].filter((v) => v !== undefined).length;
    if (circle !== 0 && circle !== 3) ctx.addIssue({ code: 'custom', path: [a.radiusKm === undefined ? 'radiusKm' : a.lat === undefined ? 'lat' : 'lon'], message: 'expected lat, lon and radiusKm together' });
    else if (circle === 0 && a.names === undefined && a.postcodeDistricts === undefined) ctx.addIssue({ code: 'custom', path: [], message: AREA_FORMS });
  });

/**
 * How an activity reaches people: at a venue (people go there), at the client's home (a visit),
 * by phone, or online. Home, phone and online services may carry the area they cover.
 *
 * @example
 * ```ts
 * DELIVERY_KINDS; // ['venue', 'home', 'phone', 'online']
 * ```
 */
export const DELIVERY_KINDS = ['venue', 'home', 'phone', 'online'] as const;

const LAT_LON_TOGETHER = 'expected lat and lon together, or neither when the position is not known';

/**
 * Where an activity happens: at a venue (with its position, or without when the directory does
 * not give it: the distance is then unknown and the explanation says to check), at the client's
 * home, by phone or online; any of them within an area (see `ServiceAreaSchema`).
 */
export const ActivityLocationSchema = z.discriminatedUnion(
  'kind',
  [
    z
      .strictObject({
        kind: z.literal('venue'),
        lat: LatitudeSchema.optional(),
        lon: LongitudeSchema.optional(),
        venue: text(200, 'venue name').optional(),
        address: text(500, 'address').optional(),
        postcode: text(10, 'postcode').optional(),
        area: ServiceAreaSchema.optional(),
      })
      // Three refinements rather than one superRefine, each with its own path: the validation fast
      // path runs a refinement's predicate directly, where a superRefine costs zod a payload and a
      // closure per record (about 10% of the fast path's time on a national catalogue).
      .refine((v) => v.lat !== undefined || v.lon === undefined, { path: ['lat'], error: LAT_LON_TOGETHER })
      .refine((v) => v.lon !== undefined || v.lat === undefined, { path: ['lon'], error: LAT_LON_TOGETHER })
      .refine((v) => v.area?.radiusKm === undefined, { path: ['area'], error: "expected a venue's area as names or postcode districts (the venue itself is the centre)" }),
    z.strictObject({ kind: z.literal('home'), area: ServiceAreaSchema.optional() }),
    z.strictObject({ kind: z.literal('phone'), area: ServiceAreaSchema.optional() }),
    z.strictObject({ kind: z.literal('online'), area: ServiceAreaSchema.optional() }),
  ],
  { error: "expected a location with kind 'venue', 'home', 'phone' or 'online'" },
);

const nonNegativeInt = (what: string, max: number) =>
  z.number({ error: `expected ${what}` }).int({ error: `expected ${what}` }).min(0, { error: `expected ${what}` }).max(max, { error: `expected ${what} of at most ${max}` });

/** What an activity costs the client. */
export const CostSchema = z.strictObject({
  /** Ongoing price level after any free period. */
  level: z.enum(COST_LEVELS, { error: "expected a cost level: 'free', 'low' or 'paid'" }),
  /** Price in pounds, if known. */
  amountGBP: z.number({ error: 'expected an amount in pounds' }).finite({ error: 'expected an amount in pounds' }).min(0, { error: 'expected an amount in pounds' }).max(100000, { error: 'expected an amount in pounds' }).optional(),
  /** What the amount is for. */
  per: z.enum(['session', 'week', 'month', 'course', 'year'], { error: "expected 'session', 'week', 'month', 'course' or 'year'" }).optional(),
  /** A free start, e.g. two free sessions a week for ten weeks. */
  freePeriod: z
    .strictObject({ weeks: nonNegativeInt('a whole number of weeks', 520).refine((n) => n > 0, { error: 'expected at least 1 week' }), sessionsPerWeek: nonNegativeInt('a whole number of sessions', 14).optional() })
    .optional(),
  /** The provider's own words, e.g. "then a discounted pass at £15 a month". */
  description: text(500, 'cost description').optional(),
});

/** Who may attend. Absent fields mean no restriction. */
export const EligibilitySchema = z
  .strictObject({
    minAge: nonNegativeInt('an age in whole years', 130).optional(),
    maxAge: nonNegativeInt('an age in whole years', 130).optional(),
    /** Restricts sessions to these genders (e.g. a women-only swim). */
    genders: z.array(z.enum(GENDERS, { error: "expected 'female', 'male', 'non-binary' or 'other'" })).min(1, { error: 'expected at least one gender, or omit the field' }).optional(),
    /** Routes by which the activity accepts people. Absent means any route. */
    referralRoutes: z.array(z.enum(REFERRAL_ROUTES, { error: "expected 'gp', 'link-worker' or 'self'" })).min(1, { error: 'expected at least one route, or omit the field' }).optional(),
  })
  .refine((e) => e.minAge === undefined || e.maxAge === undefined || e.minAge <= e.maxAge, { error: 'expected minAge not above maxAge', path: ['maxAge'] });

/**
 * Who a service is only for: people with one of these conditions, or one of these needs, or in
 * one of these groups (any one is enough). Absent means it is open to anyone. A client who has
 * none of them is not offered it ("Aimed at people with COPD or asthma"); a service that merely
 * suits some conditions lists them in `conditions.designedFor` instead.
 *
 * @example
 * ```ts
 * AudienceSchema.parse({ conditions: ['dementia'], needs: ['carer'] }); // { conditions: ['dementia'], needs: ['carers'] }
 * AudienceSchema.safeParse({}).error?.issues[0]?.message;            // 'expected at least one condition, need or group, or omit audience'
 * ```
 */
export const AudienceSchema = z
  .strictObject(
    {
      conditions: conditionList().optional(),
      needs: needList().optional(),
      groups: groupList().optional(),
    },
    { error: 'expected an audience {conditions?, needs?, groups?}' },
  )
  .refine((a) => (a.conditions?.length ?? 0) + (a.needs?.length ?? 0) + (a.groups?.length ?? 0) > 0, { error: 'expected at least one condition, need or group, or omit audience' });

/** Accessibility of the place. `true` known yes, `false` known no, absent unknown. */
export const ActivityAccessibilitySchema = z.strictObject({
  wheelchair: z.boolean({ error: 'expected true or false' }).optional(),
  stepFree: z.boolean({ error: 'expected true or false' }).optional(),
  hearingLoop: z.boolean({ error: 'expected true or false' }).optional(),
  accessibleToilet: z.boolean({ error: 'expected true or false' }).optional(),
});

/**
 * A community asset a link worker can refer someone to.
 *
 * Optional fields are genuinely optional: missing data gets a documented neutral score and
 * the explanation says it was missing. Vocabulary fields accept synonyms ("COPD",
 * "chronic obstructive pulmonary disease") and are stored as canonical ids.
 *
 * @example
 * ```ts
 * const activity = ActivitySchema.parse({
 *   id: 'walk-1',
 *   name: 'Health walk',
 *   category: 'exercise',
 *   tags: ['Walks'],
 *   location: { kind: 'venue', lat: 53.38, lon: -1.47 },
 *   conditions: { designedFor: ['chronic obstructive pulmonary disease'] },
 * });
 * activity.category;               // 'physical-activity'
 * activity.tags;                   // ['walking']
 * activity.conditions.designedFor; // ['copd']
 * activity.timeZone;               // 'Europe/London'  (the default)
 * ```
 */
export const ActivitySchema = z.strictObject({
  id: text(200, 'an id'),
  name: text(300, 'a name'),
  provider: text(300, 'a provider name').optional(),
  description: z.string({ error: 'expected text' }).max(20000, { error: 'expected a description of at most 20000 characters' }).optional(),
  category: categoryTerm(),
  tags: z.array(TagSchema, { error: 'expected a list of tags' }).max(100, { error: 'expected at most 100 tags' }).transform((t) => [...new Set(t)]).default([]),
  location: ActivityLocationSchema,
  /**
   * Weekly sessions in the activity's local time: the simple form. Richer timetables
   * (fortnightly, "first Saturday", one-off dates, closures, extra sessions) go in `schedules`.
   * With neither, the activity is by appointment or arrangement.
   */
  sessions: z.array(WeeklyWindowSchema, { error: 'expected a list of sessions' }).max(200, { error: 'expected at most 200 sessions' }).default([]),
  /** Open Referral HSDS 3.0 schedules, field for field in camelCase (see `ScheduleSchema`). */
  schedules: z.array(ScheduleSchema, { error: 'expected a list of schedules' }).max(100, { error: 'expected at most 100 schedules' }).default([]),
  /** IANA zone the session times are in. */
  timeZone: TimeZoneSchema.default('Europe/London'),
  /** A programme of fixed length: a fixed cohort with start and intake dates, or rolling enrolment (see `ProgrammeSchema`). */
  programme: ProgrammeSchema.optional(),
  /** Places left and waiting list (after HSDS 3.1 service_capacity). */
  capacity: CapacitySchema.optional(),
  intensity: z.enum(INTENSITIES, { error: "expected 'none', 'light', 'moderate' or 'vigorous'" }).optional(),
  groupSize: z.enum(GROUP_SIZES, { error: "expected 'one-to-one', 'small', 'medium' or 'large'" }).optional(),
  /** Staff or volunteers give a supported, gentle start (accompany, phone ahead, go at your pace). */
  supported: z.boolean({ error: 'expected true or false' }).optional(),
  /** Absent means the cost is not recorded. */
  cost: CostSchema.optional(),
  eligibility: EligibilitySchema.default({}),
  /** Conditions the activity is designed for, and conditions it is unsuitable for. */
  conditions: z
    .strictObject({ designedFor: conditionList().default([]), unsuitableFor: conditionList().default([]) })
    .default({ designedFor: [], unsuitableFor: [] }),
  /** Social and practical needs the activity supports. */
  needs: needList().default([]),
  /** Who it is only for (see `AudienceSchema`); absent means anyone. */
  audience: AudienceSchema.optional(),
  accessibility: ActivityAccessibilitySchema.default({}),
  /** Languages the activity is run in. */
  languages: LanguageListSchema.default(['en']),
  /** When the record was last checked with the provider. */
  lastVerified: IsoDateSchema.optional(),
  url: z.string({ error: 'expected a URL' }).max(2000, { error: 'expected a URL of at most 2000 characters' }).optional(),
  /** Fields inferred from text by an importer: explanations say so. */
  inferred: InferredSchema.optional(),
  /** Where an imported record came from. */
  source: SourceSchema.optional(),
});

/** A validated activity, vocabulary terms canonicalised and defaults filled in. */
export type Activity = z.infer<typeof ActivitySchema>;
/** An activity as written by hand or loaded from JSON, before validation. */
export type ActivityInput = z.input<typeof ActivitySchema>;
/** Where an activity happens. */
export type ActivityLocation = z.infer<typeof ActivityLocationSchema>;
/** What an activity costs. */
export type Cost = z.infer<typeof CostSchema>;
/** Who an activity is only for. */
export type Audience = z.infer<typeof AudienceSchema>;
/** How an activity reaches people. */
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];
/** Intensity level. */
export type Intensity = (typeof INTENSITIES)[number];
/** Group size. */
export type GroupSize = (typeof GROUP_SIZES)[number];
/** Cost level. */
export type CostLevel = (typeof COST_LEVELS)[number];
/** Referral route. */
export type ReferralRoute = (typeof REFERRAL_ROUTES)[number];
/** Gender. */
export type Gender = (typeof GENDERS)[number];
