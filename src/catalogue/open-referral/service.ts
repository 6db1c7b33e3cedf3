/**
 * One HSDS service to activities, or to `skipped` when its status says it is not running or it is
 * not a service at all (`not-a-service.ts`).
 *
 * - One activity per usable service_at_location (a venue, with or without its position, or
 *   online), and one more per other way of attending the attending type names (phone, online,
 *   a home visit).
 * - A service without locations gives one activity per way of attending, in the attending
 *   type's order (the first keeps the service id, the others are `id@phone`, `id@online`…): a
 *   venue whose position is unknown (venue, address and postcode from the description when it
 *   gives them), or a phone, online or home service, each covering the service's area
 *   (`service_areas` names, postcode districts). One that says nothing about where, when or how
 *   it is delivered is rejected (a list page's summary).
 * - Timetables: the feed's schedule rows; else the days and times the description states
 *   (`text-schedule.ts`), each row's "how to attend" being the attending access.
 * - Who it is for: target-audience tags and text (`profile.ts`, `text-eligibility.ts`).
 *
 * Size: over 300 lines: one service's fields meet here (the readers for each are in their own
 * files); splitting the assembly would scatter one record's mapping.
 *
 * @module
 */
import type { ValidationIssue } from '../../errors.js';
import type { RejectedRecord } from '../load.js';
import { accessibilityFromText, accessibilityText } from './accessibility.js';
import type { AccessibilityInput } from './accessibility.js';
import type { ActivityInput } from '../../schema/activity.js';
import type { ScheduleInput } from '../../schema/schedule.js';
import { mapAges } from './age.js';
import { buildActivity } from './build.js';
import type { ServiceFacts } from './build.js';
import { mapCost } from './cost.js';
import type { CostInput } from './cost.js';
import { attendingModes, deliveryModes, remoteModesInText } from './delivery.js';
import { fit, isObject, join, listOf, textOf } from './fields.js';
import type { JsonObject } from './fields.js';
import { stripHtml } from './html.js';
import { deliverableTypes, inferFields } from './inference.js';
import { mapLanguages } from './languages.js';
import { mapLocation } from './location.js';
import type { LocationInput, RemoteMode } from './location.js';
import { notAService } from './not-a-service.js';
import type { FeedService } from './page.js';
import { accessOf, audienceOf, audienceTags, serviceAreas } from './profile.js';
import type { AudienceFacts } from './profile.js';
import { mapSchedules } from './schedules.js';
import type { ImportedActivity, InferableField } from './schema.js';
import { lastVerifiedOf, statusOf } from './status.js';
import type { ServiceStatus } from './status.js';
import { taxonomyTerms } from './taxonomy.js';
import { eligibilityFromText, openToOthers } from './text-eligibility.js';
import { districtsIn, placeFromText } from './text-place.js';
import { readTextSchedules } from './text-schedule.js';

type ServiceAreaInput = NonNullable<Extract<ActivityInput['location'], { kind: 'home' }>['area']>;
type AudienceInput = NonNullable<ActivityInput['audience']>;
type EligibilityInput = NonNullable<ActivityInput['eligibility']>;

/** Resolved import options, as the service mapper reads them. */
export interface ServiceOptions {
  readonly feed: string | undefined;
  readonly timeZone: string | undefined;
  readonly assumeEnglish: boolean;
  /** Day number (days since 1970-01-01) before which a verification is stale; undefined: no check. */
  readonly staleBeforeDay: number | undefined;
  readonly staleAfterDays: number;
}

/**
 * A record left out: its status says it is not running, or it is not a service a person can be
 * referred to (a job vacancy, a one-off event, a page of resources…; see `not-a-service.ts`).
 */
export interface SkippedService {
  readonly index: number;
  readonly id: string | undefined;
  /** The service's status, or `not a service`. */
  readonly status: Exclude<ServiceStatus, 'active'> | 'not a service';
  /** Why, in words: "status defunct: not recommended", "not a service: a job vacancy". */
  readonly reason: string;
  /** Path of the status field (`contents[4].status`), or of the record for a non-service (`contents[4]`). */
  readonly path: string;
}

/** What became of one service. */
export interface ServiceOutcome {
  /** The service id, when it had a usable one. */
  readonly serviceId: string | undefined;
  readonly activities: ImportedActivity[];
  /** The service, or some of its locations, left out, with every reason. */
  readonly rejected: RejectedRecord[];
  /** Problems with a service that did give activities (partly mapped fields). */
  readonly warnings: ValidationIssue[];
  readonly skipped?: SkippedService;
}

interface Unit {
  readonly id: string;
  readonly location: LocationInput;
  readonly locationId?: string;
  readonly schedules?: readonly unknown[];
  readonly schedulesPath?: string;
  readonly languages?: unknown;
  readonly languagesPath?: string;
  readonly accessibility?: string;
  readonly locationInferred: boolean;
  /** True when the area's postcode districts were read from the description. */
  readonly areaInferred?: boolean;
}

function costOf(mapped: ReturnType<typeof mapCost>): { cost?: CostInput; costInferred: boolean } {
  return mapped.cost === undefined ? { costInferred: false } : { cost: mapped.cost, costInferred: mapped.inferred };
}

function dayOf(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

/**
 * Maps the service at `entry.path`. Never throws on bad data: a service that cannot become
 * any activity is rejected with every reason, and partly mapped fields become warnings.
 *
 * @example
 * ```ts
 * const outcome = mapService({ index: 0, path: 'contents[0]', value: service }, { feed: undefined, timeZone: undefined, assumeEnglish: true, staleBeforeDay: undefined, staleAfterDays: 365 });
 * outcome.activities.map((a) => a.id); // ['ac148810-…@online']
 * outcome.rejected[0]?.issues[0];      // { path: 'contents[0].service_at_locations[0].location.latitude', message: 'expected latitude (-90 to 90) and longitude …' }
 * ```
 */
export function mapService(entry: FeedService, options: ServiceOptions): ServiceOutcome {
  const { index, path } = entry;
  const service = entry.value;
  const here = path === '' ? '(root)' : path;
  if (!isObject(service)) return { serviceId: undefined, activities: [], rejected: [{ index, id: undefined, issues: [{ path: here, message: 'expected a service object' }] }], warnings: [] };
  const serviceId = textOf(service.id);
  // Text is cut before it is stripped and scanned: the schema keeps 300 characters of a name and
  // 20,000 of a description, and reading megabytes of feed text took seconds per service.
  const rawName = textOf(service.name)?.slice(0, 2_000);
  const name = rawName === undefined ? '' : stripHtml(rawName);
  const fatal: ValidationIssue[] = [];
  if (serviceId === undefined) fatal.push({ path: join(path, 'id'), message: 'expected a service id' });
  else if (serviceId.length > 150) fatal.push({ path: join(path, 'id'), message: 'expected a service id of at most 150 characters' });
  if (name === '') fatal.push({ path: join(path, 'name'), message: 'expected a service name' });
  const statusIssues: ValidationIssue[] = [];
  const status = statusOf(service, path, statusIssues);
  // An unknown status is fatal (recommending a closed service is worse than leaving it out); a missing one is a warning.
  if (status === undefined) fatal.push(...statusIssues);
  if (fatal.length > 0 || serviceId === undefined || status === undefined) return { serviceId, activities: [], rejected: [{ index, id: serviceId, issues: fatal }], warnings: [] };
  if (status !== 'active') return { serviceId, activities: [], rejected: [], warnings: [], skipped: { index, id: serviceId, status, reason: `status ${status}: not recommended`, path: join(path, 'status') } };

  const description = textOf(service.description)?.slice(0, 200_000);
  const eligibility = textOf(service.eligibility_description)?.slice(0, 200_000);
  const plainDescription = description === undefined ? undefined : stripHtml(description);
  const plainEligibility = eligibility === undefined ? undefined : stripHtml(eligibility).slice(0, 20_000);
  const words = `${name}\n${plainDescription?.slice(0, 20_000) ?? ''}`;

  // Timetables: the feed's rows, else the days and times the text states.
  const serviceSchedulesKey = service.schedules !== undefined ? 'schedules' : 'regular_schedules';
  const serviceSchedules = listOf(service[serviceSchedulesKey]);
  const sals = entry.serviceAtLocations ?? listOf(service.service_at_locations).map((value, k) => ({ value, path: join(join(path, 'service_at_locations'), k) }));
  const salRows = sals.map(({ value }) => (isObject(value) ? listOf(value.schedules ?? value.regular_schedules ?? value.regular_schedule) : []));
  const feedRows = [...serviceSchedules, ...salRows.flat()];
  const text = readTextSchedules(words);
  const textRows = feedRows.length > 0 ? [] : text.schedules;
  const regular = feedRows.some((r) => isObject(r) && textOf(r.freq) !== undefined) || textRows.some((r) => r.freq !== undefined);
  const why = notAService(name, plainDescription ?? '', { regular, dates: text.dates, deliverable: deliverableTypes(service), attending: attendingModes(service.attending_type) });
  if (why !== undefined) return { serviceId, activities: [], rejected: [], warnings: [], skipped: { index, id: serviceId, status: 'not a service', reason: `not a service: ${why}`, path: path === '' ? '(root)' : path } };
  const warnings: ValidationIssue[] = [...statusIssues];
  for (const note of textRows.length > 0 ? text.notes : []) warnings.push({ path: join(path, 'description'), message: `timetable read from the text: ${note}` });

  // Who it is for, how to get in, where.
  const access = accessOf(service);
  const referral = access.referral || /\b(you need a referral|referral (from|by) [^.]{0,60}\b(is )?(required|needed|essential))\b/i.test(words);
  const tags = audienceTags(service, path, warnings);
  const audience = audienceOf(tags, name, plainDescription?.slice(0, 20_000) ?? '', referral);
  const tagsKey = service.pc_targetAudience !== undefined ? 'pc_targetAudience' : 'target_audience';
  for (const tag of audience.unread) {
    const at = listOf(service[tagsKey]).findIndex((row) => audienceTags({ [tagsKey]: [row] })[0] === tag);
    warnings.push({ path: join(join(path, tagsKey), at), message: 'an audience the vocabularies do not name; ignored' });
  }
  const areas = serviceAreas(service, path, warnings);
  const textDistricts = [...new Set([...areas.textDistricts, ...districtsIn(plainDescription ?? '')])].filter((d) => !areas.postcodeDistricts.includes(d));
  const area: ServiceAreaInput | undefined = areas.names.length + areas.postcodeDistricts.length + textDistricts.length === 0 ? undefined : {
    ...(areas.names.length > 0 ? { names: areas.names } : {}),
    ...(areas.postcodeDistricts.length + textDistricts.length > 0 ? { postcodeDistricts: [...areas.postcodeDistricts, ...textDistricts] } : {}),
  };

  const inference = inferFields(
    { name: name.slice(0, 300), description: plainDescription?.slice(0, 20_000), eligibility: plainEligibility, deliverable: deliverableTypes(service) },
    taxonomyTerms(service),
    here,
    warnings,
  );
  const verified = lastVerifiedOf(service, path, warnings);
  if (verified !== undefined && options.staleBeforeDay !== undefined && dayOf(verified.date) < options.staleBeforeDay) {
    warnings.push({ path: join(path, verified.from), message: `last checked more than ${options.staleAfterDays} days before the import: re-check with the provider` });
  }
  const organization = isObject(service.organization) ? textOf(service.organization.name) : undefined;
  const url = textOf(service.url);
  const extraInferred: InferableField[] = [];
  if (audience.fromText) extraInferred.push('audience');
  if (textRows.some((r) => r.freq !== undefined)) extraInferred.push('schedules');
  const facts: ServiceFacts = {
    serviceId,
    name: fit(name, 300, join(path, 'name'), warnings),
    ...(organization === undefined ? {} : { provider: fit(stripHtml(organization), 300, join(join(path, 'organization'), 'name'), warnings) }),
    ...(plainDescription === undefined || plainDescription === '' ? {} : { description: fit(plainDescription, 20000, join(path, 'description'), warnings) }),
    ...(url === undefined || url.length > 2000 ? {} : { url }),
    ...costOf(mapCost(service, path, warnings, { description: plainDescription, regular })),
    eligibility: eligibilityOf(service, path, warnings, `${name}.\n${plainDescription?.slice(0, 20_000) ?? ''}\n${plainEligibility ?? ''}`, audience, extraInferred),
    ...audienceFacts(audience),
    ...(verified === undefined ? {} : { lastVerified: verified.date }),
    inference,
    extraInferred,
  };

  // Places: one activity per usable service_at_location, and one per other way of attending.
  const place = placeFromText(plainDescription ?? '');
  const scheduleAttending = [...serviceSchedules, ...salRows.flat()].map((r) => (isObject(r) ? r.attending_type : undefined));
  const delivery = deliveryModes([service.attending_type, ...scheduleAttending], words, place.postcode !== undefined);
  const rejected: RejectedRecord[] = [];
  const units: Unit[] = [];
  let physicalTried = false;
  let junk = 0;
  sals.forEach(({ value: sal, path: salPath }, k) => {
    const salIssues: ValidationIssue[] = [];
    if (!isObject(sal)) {
      junk += 1;
      rejected.push({ index, id: `${serviceId}@${k}`, issues: [{ path: salPath === '' ? '(root)' : salPath, message: 'expected a service_at_location object' }] });
      return;
    }
    const location = sal.location;
    const locationId = (isObject(location) ? textOf(location.id) : undefined) ?? textOf(sal.location_id) ?? textOf(sal.id) ?? String(k);
    const mapped = mapLocation(location, join(salPath, 'location'), salIssues);
    const salSchedulesKey = sal.schedules !== undefined ? 'schedules' : sal.regular_schedules !== undefined ? 'regular_schedules' : 'regular_schedule';
    const salSchedules = listOf(sal[salSchedulesKey]);
    if (mapped.kind === 'postal') {
      warnings.push(...salIssues);
      return;
    }
    physicalTried ||= mapped.kind === 'unusable' || mapped.location.kind === 'venue';
    if (mapped.kind === 'unusable') {
      rejected.push({ index, id: `${serviceId}@${locationId}`, issues: salIssues });
      return;
    }
    warnings.push(...salIssues);
    const loc = isObject(location) ? location : {};
    // A venue without its position, or an online location, covers the service's area: the area rule places it.
    const unplaced = mapped.location.kind === 'online' || (mapped.location.kind === 'venue' && mapped.location.lat === undefined);
    const located = unplaced && area !== undefined ? { ...mapped.location, area: mapped.location.kind === 'venue' ? venueArea(area) : area } : mapped.location;
    units.push({
      id: `${serviceId}@${locationId}`,
      location: located,
      locationId,
      ...(salSchedules.length > 0 ? { schedules: salSchedules, schedulesPath: join(salPath, salSchedulesKey) } : {}),
      ...(loc.languages === undefined ? {} : { languages: loc.languages, languagesPath: join(join(salPath, 'location'), 'languages') }),
      accessibility: accessibilityText(loc),
      locationInferred: false,
      areaInferred: located !== mapped.location && textDistricts.length > 0,
    });
  });

  const remoteUnit = (mode: RemoteMode, id: string): Unit => ({ id, location: { kind: mode, ...(area === undefined ? {} : { area }) }, locationInferred: true, areaInferred: textDistricts.length > 0 });
  if (units.length === 0 && !physicalTried && junk > 0) {
    // Locations were given but none could be read: not replaced by a guess.
    rejected.push({ index, id: serviceId, issues: [{ path: join(path, 'service_at_locations'), message: 'expected a location: no usable service_at_locations' }] });
  } else if (units.length === 0 && !physicalTried) {
    // No location record: the ways of attending the record states, at a venue whose position is unknown or remotely.
    const says = delivery.fromText === false || area !== undefined || place.postcode !== undefined || regular || remoteModesInText(words).length > 0;
    if (!says) {
      const hint = entry.inList && service.service_at_locations === undefined ? ' (list pages may leave locations out: import the full service record)' : '';
      rejected.push({ index, id: serviceId, issues: [{ path: join(path, 'service_at_locations'), message: `expected a location: no usable service_at_locations, no service area or attending type, and the description says neither where nor when it meets, nor that it is by phone, online or at home${hint}` }] });
    }
    for (const [k, mode] of (says ? delivery.modes : []).entries()) {
      const id = k === 0 ? serviceId : `${serviceId}@${mode}`;
      if (mode !== 'venue') units.push(remoteUnit(mode, id));
      else {
        const venue: Extract<LocationInput, { kind: 'venue' }> = { kind: 'venue', ...place };
        if (area !== undefined) venue.area = venueArea(area);
        units.push({ id, location: venue, locationInferred: true, areaInferred: textDistricts.length > 0 });
      }
    }
  } else {
    // A venue service whose attending type also offers phone, video or visits: each is an activity of its own.
    for (const mode of delivery.modes) if (mode !== 'venue' && !units.some((u) => u.location.kind === mode)) units.push(remoteUnit(mode, `${serviceId}@${mode}`));
  }
  // The main way of attending first, as the attending type lists them.
  const rank = (u: Unit) => {
    const i = delivery.modes.indexOf(u.location.kind);
    return i < 0 ? delivery.modes.length : i;
  };
  units.sort((a, b) => rank(a) - rank(b));

  const activities: ImportedActivity[] = [];
  const serviceLanguages = mapLanguages(service.languages, join(path, 'languages'), warnings);
  // Service-level schedules are shared by every place: map (and report) them once.
  const schedulesCache = new Map<string, ScheduleInput[]>();
  const schedulesFor = (rows: readonly unknown[], at: string): ScheduleInput[] => {
    const cached = schedulesCache.get(at) ?? mapSchedules(rows, at, warnings);
    schedulesCache.set(at, cached);
    return cached;
  };
  // Times read from text, and how to get in (attending_access) as their "how to attend".
  const fromText = textRows.map((r) => (access.text === undefined ? r : { ...r, attendingType: access.text }));
  const described: ScheduleInput[] = access.text === undefined ? [] : [{ attendingType: access.text }];
  for (const unit of units) {
    const languages = [...serviceLanguages];
    if (unit.languages !== undefined) for (const code of mapLanguages(unit.languages, unit.languagesPath ?? path, warnings)) if (!languages.includes(code)) languages.push(code);
    const accessibility: AccessibilityInput = unit.location.kind === 'venue' && unit.accessibility ? accessibilityFromText(unit.accessibility) : {};
    const fed = unit.schedules !== undefined && unit.schedulesPath !== undefined ? schedulesFor(unit.schedules, unit.schedulesPath) : schedulesFor(serviceSchedules, join(path, serviceSchedulesKey));
    const schedules = fed.length > 0 ? fed : fromText.length > 0 ? fromText : described;
    const result = buildActivity(facts, { ...unit, languages, accessibility, schedules }, options, path);
    if ('activity' in result) activities.push(result.activity);
    else rejected.push({ index, id: unit.id, issues: result.issues });
  }
  return { serviceId, activities, rejected, warnings: dedupeIssues(warnings) };
}

/** A venue's area: names and districts only (the venue itself would be the centre). */
function venueArea(area: ServiceAreaInput): ServiceAreaInput {
  const { lat: _lat, lon: _lon, radiusKm: _r, ...rest } = area;
  return rest;
}

/** The audience for the activity (absent when the service is open to anyone). */
function audienceFacts(a: AudienceFacts): { audience?: AudienceInput } {
  const audience: AudienceInput = {};
  if (a.conditions.length > 0) audience.conditions = a.conditions;
  if (a.needs.length > 0) audience.needs = a.needs;
  if (a.groups.length > 0) audience.groups = a.groups;
  return Object.keys(audience).length > 0 ? { audience } : {};
}

/**
 * Age limits and genders: `minimum_age`/`maximum_age` (data) first, then ages the text states
 * ("aged 11-16", "over 60s"), then the audience tags' (Older people 50, Young people 25), then
 * text phrases ("for adults" 18, "for older people" 50). Genders from the tags unless the text
 * opens the service to others, else from the text. Every limit not from a field is inferred.
 */
function eligibilityOf(service: JsonObject, path: string, warnings: ValidationIssue[], words: string, audience: AudienceFacts, inferred: InferableField[]): EligibilityInput {
  const fields = mapAges(service, path, warnings);
  const said = eligibilityFromText(words);
  const stated = said.statedAge === true;
  const min = fields.minAge ?? (stated ? said.minAge : undefined) ?? audience.minAge ?? (stated ? undefined : said.minAge);
  let max = fields.maxAge ?? (stated ? said.maxAge : undefined) ?? audience.maxAge ?? (stated ? undefined : said.maxAge);
  if (min !== undefined && max !== undefined && min > max) {
    warnings.push({ path: join(path, 'maximum_age'), message: `the upper age (${max}) is below the lower age (${min}) read from the text or tags: upper age left out` });
    max = fields.maxAge;
  }
  const out: EligibilityInput = {};
  if (min !== undefined && min > 0) {
    out.minAge = min;
    if (fields.minAge === undefined) inferred.push('eligibility.minAge');
  }
  if (max !== undefined && (min === undefined || max >= min)) {
    out.maxAge = max;
    if (fields.maxAge === undefined) inferred.push('eligibility.maxAge');
  }
  const tagged = audience.genders !== undefined && audience.genders.length > 0 && !openToOthers(words) ? audience.genders : undefined;
  const genders = tagged ?? said.genders;
  if (genders !== undefined && genders.length > 0) {
    out.genders = [...genders];
    if (tagged === undefined) inferred.push('eligibility.genders');
  }
  return out;
}

function dedupeIssues(issues: readonly ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
