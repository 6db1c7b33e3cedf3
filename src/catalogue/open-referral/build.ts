/**
 * Assembles one imported activity from what the mappers found, and validates it against
 * the activity schema so an import never emits a record a matcher would reject.
 *
 * @module
 */
import type { ValidationIssue } from '../../errors.js';
import { formatPath } from '../../validate.js';
import type { AccessibilityInput } from './accessibility.js';
import type { CostInput } from './cost.js';
import { join } from './fields.js';
import type { InferredFields } from './inference.js';
import type { LocationInput } from './location.js';
import type { ScheduleInput } from '../../schema/schedule.js';
import { ImportedActivitySchema } from './schema.js';
import { INFERABLE_FIELDS } from './schema.js';
import type { ImportedActivity, InferableField } from './schema.js';

/** What is known about a service, shared by all its activities. */
export interface ServiceFacts {
  readonly serviceId: string;
  readonly name: string;
  readonly provider?: string;
  readonly description?: string;
  readonly url?: string;
  readonly cost?: CostInput;
  readonly costInferred: boolean;
  /** Age limits and genders (see `eligibilityOf` in `service.ts`). */
  readonly eligibility: NonNullable<ImportedActivity['eligibility']>;
  /** Who it is only for; its conditions and needs are also what it is designed for and meets. */
  readonly audience?: NonNullable<ImportedActivity['audience']>;
  readonly lastVerified?: string;
  readonly inference: InferredFields;
  /** Fields inferred outside `inference` (audience, schedules, eligibility). */
  readonly extraInferred?: readonly InferableField[];
}

/** What is particular to one activity of the service. */
export interface ActivityPlace {
  readonly id: string;
  readonly location: LocationInput;
  readonly locationId?: string;
  /** True when the location was read from attending-type text rather than a location record. */
  readonly locationInferred: boolean;
  /** True when the location's area (postcode districts) was read from the description. */
  readonly areaInferred?: boolean;
  readonly languages: readonly string[];
  readonly accessibility: AccessibilityInput;
  readonly schedules: readonly ScheduleInput[];
}

/** Options that shape every activity. */
export interface BuildOptions {
  readonly feed: string | undefined;
  readonly timeZone: string | undefined;
  readonly assumeEnglish: boolean;
}

/** The values of both lists, each once, in order. */
function union<T>(a: readonly T[], b: readonly T[] | undefined): T[] {
  return [...new Set([...a, ...(b ?? [])])];
}

/** Where each activity field comes from in the service, for reporting a field the schema refuses. */
const SOURCE_FIELDS: Readonly<Record<string, string>> = {
  name: 'name', provider: 'organization.name', description: 'description', url: 'url', cost: 'cost_options', eligibility: 'minimum_age', audience: 'pc_targetAudience',
  location: 'service_at_locations', schedules: 'schedules', languages: 'languages', tags: 'attributes', lastVerified: 'assured_date',
};

/**
 * The activity for one place of a service, in input form, or the issues that stop it.
 * Issue paths name the HSDS field the value came from under `servicePath`; the message
 * names the activity field.
 *
 * @example
 * ```ts
 * const result = buildActivity(facts, { id: 's1@l1', location: { kind: 'venue', lat: 53.38, lon: -1.47 }, locationId: 'l1', locationInferred: false, languages: ['en'], accessibility: {}, schedules: [] }, { feed: 'page-1.json', timeZone: undefined, assumeEnglish: true }, 'contents[0]');
 * 'activity' in result && result.activity.source; // { serviceId: 's1', locationId: 'l1', feed: 'page-1.json' }
 * ```
 */
export function buildActivity(facts: ServiceFacts, place: ActivityPlace, options: BuildOptions, servicePath: string): { activity: ImportedActivity } | { issues: ValidationIssue[] } {
  const { inference } = facts;
  const inferred: InferableField[] = [...inference.inferred];
  if (facts.costInferred) inferred.push('cost');
  if (place.locationInferred) inferred.push('location');
  if (place.areaInferred === true) inferred.push('location.area');
  inferred.push(...(facts.extraInferred ?? []));
  for (const flag of Object.keys(place.accessibility) as (keyof AccessibilityInput)[]) inferred.push(`accessibility.${flag}`);
  const languages = [...place.languages];
  if (options.assumeEnglish && !languages.includes('en')) {
    languages.unshift('en');
    if (place.languages.length > 0) inferred.push('languages');
  }
  const activity: ImportedActivity = {
    id: place.id,
    name: facts.name,
    category: inference.category,
    tags: inference.tags,
    location: place.location,
    schedules: [...place.schedules],
    timeZone: options.timeZone ?? 'Europe/London',
    eligibility: { ...facts.eligibility },
    conditions: { designedFor: union(inference.designedFor, facts.audience?.conditions), unsuitableFor: inference.unsuitableFor },
    needs: union(inference.needs, facts.audience?.needs),
    accessibility: place.accessibility,
  };
  if (facts.provider !== undefined) activity.provider = facts.provider;
  if (facts.description !== undefined) activity.description = facts.description;
  if (inference.intensity !== undefined) activity.intensity = inference.intensity;
  if (inference.groupSize !== undefined) activity.groupSize = inference.groupSize;
  if (inference.supported !== undefined) activity.supported = inference.supported;
  if (facts.cost !== undefined) activity.cost = facts.cost;
  if (facts.audience !== undefined) activity.audience = facts.audience;
  if (languages.length > 0) activity.languages = languages;
  if (facts.lastVerified !== undefined) activity.lastVerified = facts.lastVerified;
  if (facts.url !== undefined) activity.url = facts.url;
  if (inferred.length > 0) activity.inferred = INFERABLE_FIELDS.filter((f) => inferred.includes(f));
  activity.source = { serviceId: facts.serviceId, ...(place.locationId === undefined ? {} : { locationId: place.locationId }), ...(options.feed === undefined ? {} : { feed: options.feed }) };

  const result = ImportedActivitySchema.safeParse(activity);
  if (result.success) return { activity };
  return {
    issues: result.error.issues.map((issue) => {
      const field = String(issue.path[0] ?? '');
      return { path: join(servicePath, SOURCE_FIELDS[field] ?? field), message: `${issue.message} (activity field ${formatPath('', issue.path) || '(root)'})` };
    }),
  };
}
