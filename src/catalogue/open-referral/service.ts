/**
 * One HSDS service to activities: one per usable service_at_location, a remote one when the
 * attending type offers it, or a single online or at-home one for a service without locations.
 *
 * @module
 */
import type { ValidationIssue } from '../../errors.js';
import type { RejectedRecord } from '../load.js';
import { accessibilityFromText, accessibilityText } from './accessibility.js';
import type { AccessibilityInput } from './accessibility.js';
import { mapAges } from './age.js';
import { buildActivity } from './build.js';
import type { ServiceFacts } from './build.js';
import { mapCost } from './cost.js';
import type { CostInput } from './cost.js';
import { fit, isObject, join, listOf, textOf } from './fields.js';
import { stripHtml } from './html.js';
import { inferFields } from './inference.js';
import { mapLanguages } from './languages.js';
import { mapLocation, remoteModeOf } from './location.js';
import type { LocationInput } from './location.js';
import type { FeedService } from './page.js';
import { mapSchedules } from './schedules.js';
import type { ScheduleInput } from '../../time/schedule.js';
import type { ImportedActivity } from './schema.js';
import { lastVerifiedOf, statusOf } from './status.js';
import type { ServiceStatus } from './status.js';
import { taxonomyTerms } from './taxonomy.js';

/** Resolved import options, as the service mapper reads them. */
export interface ServiceOptions {
  readonly feed: string | undefined;
  readonly timeZone: string | undefined;
  readonly assumeEnglish: boolean;
  /** Day number (days since 1970-01-01) before which a verification is stale; undefined: no check. */
  readonly staleBeforeDay: number | undefined;
  readonly staleAfterDays: number;
}

/** A service left out because its status says it is not running. */
export interface SkippedService {
  readonly index: number;
  readonly id: string | undefined;
  readonly status: Exclude<ServiceStatus, 'active'>;
  /** Path of the status field, e.g. `contents[4].status`. */
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
  if (status !== 'active') return { serviceId, activities: [], rejected: [], warnings: [], skipped: { index, id: serviceId, status, path: join(path, 'status') } };
  const warnings: ValidationIssue[] = [...statusIssues];

  const description = textOf(service.description)?.slice(0, 200_000);
  const eligibility = textOf(service.eligibility_description)?.slice(0, 200_000);
  const plainDescription = description === undefined ? undefined : stripHtml(description);
  const inference = inferFields(
    { name: name.slice(0, 300), description: plainDescription?.slice(0, 20_000), eligibility: eligibility === undefined ? undefined : stripHtml(eligibility).slice(0, 20_000) },
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
  const facts: ServiceFacts = {
    serviceId,
    name: fit(name, 300, join(path, 'name'), warnings),
    ...(organization === undefined ? {} : { provider: fit(stripHtml(organization), 300, join(join(path, 'organization'), 'name'), warnings) }),
    ...(plainDescription === undefined || plainDescription === '' ? {} : { description: fit(plainDescription, 20000, join(path, 'description'), warnings) }),
    ...(url === undefined || url.length > 2000 ? {} : { url }),
    ...costOf(mapCost(service, path, warnings)),
    ages: mapAges(service, path, warnings),
    ...(verified === undefined ? {} : { lastVerified: verified.date }),
    inference,
  };

  const serviceSchedulesKey = service.schedules !== undefined ? 'schedules' : 'regular_schedules';
  const serviceSchedules = listOf(service[serviceSchedulesKey]);
  const attending = [textOf(service.attending_type), textOf(service.attending_access), ...serviceSchedules.map((s) => (isObject(s) ? textOf(s.attending_type) : undefined))];
  const rejected: RejectedRecord[] = [];
  const units: Unit[] = [];
  const sals = entry.serviceAtLocations ?? listOf(service.service_at_locations).map((value, k) => ({ value, path: join(join(path, 'service_at_locations'), k) }));
  let physicalTried = false;
  sals.forEach(({ value: sal, path: salPath }, k) => {
    const salIssues: ValidationIssue[] = [];
    if (!isObject(sal)) {
      rejected.push({ index, id: `${serviceId}@${k}`, issues: [{ path: salPath === '' ? '(root)' : salPath, message: 'expected a service_at_location object' }] });
      return;
    }
    const location = sal.location;
    const locationId = (isObject(location) ? textOf(location.id) : undefined) ?? textOf(sal.location_id) ?? textOf(sal.id) ?? String(k);
    const mapped = mapLocation(location, join(salPath, 'location'), salIssues);
    const salSchedulesKey = sal.schedules !== undefined ? 'schedules' : sal.regular_schedules !== undefined ? 'regular_schedules' : 'regular_schedule';
    const salSchedules = listOf(sal[salSchedulesKey]);
    attending.push(...salSchedules.map((s) => (isObject(s) ? textOf(s.attending_type) : undefined)));
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
    units.push({
      id: `${serviceId}@${locationId}`,
      location: mapped.location,
      locationId,
      ...(salSchedules.length > 0 ? { schedules: salSchedules, schedulesPath: join(salPath, salSchedulesKey) } : {}),
      ...(loc.languages === undefined ? {} : { languages: loc.languages, languagesPath: join(join(salPath, 'location'), 'languages') }),
      accessibility: accessibilityText(loc),
      locationInferred: false,
    });
  });

  const remote = remoteModeOf(attending.filter((t): t is string => t !== undefined).join('\n'));
  if (units.length === 0 && !physicalTried) {
    const mode = remote ?? remoteModeOf(`${name}\n${plainDescription ?? ''}`);
    if (mode === undefined) {
      const hint = entry.inList && service.service_at_locations === undefined ? ' (list pages may leave locations out: import the full service record)' : '';
      rejected.push({ index, id: serviceId, issues: [{ path: join(path, 'service_at_locations'), message: `expected a location: no usable service_at_locations, and neither the attending type nor the description says online or at home${hint}` }] });
    } else units.push({ id: serviceId, location: { kind: mode }, locationInferred: true });
  } else if (remote !== undefined && !units.some((u) => u.location.kind === remote)) {
    // A venue service whose attending type also offers video or phone: the remote option is an activity of its own.
    units.push({ id: `${serviceId}@${remote}`, location: { kind: remote }, locationInferred: true });
  }

  const activities: ImportedActivity[] = [];
  const serviceLanguages = mapLanguages(service.languages, join(path, 'languages'), warnings);
  // Service-level schedules are shared by every place: map (and report) them once.
  const schedulesCache = new Map<string, ScheduleInput[]>();
  const schedulesFor = (rows: readonly unknown[], at: string): ScheduleInput[] => {
    const cached = schedulesCache.get(at) ?? mapSchedules(rows, at, warnings);
    schedulesCache.set(at, cached);
    return cached;
  };
  for (const unit of units) {
    const languages = [...serviceLanguages];
    if (unit.languages !== undefined) for (const code of mapLanguages(unit.languages, unit.languagesPath ?? path, warnings)) if (!languages.includes(code)) languages.push(code);
    const accessibility: AccessibilityInput = unit.location.kind === 'venue' && unit.accessibility ? accessibilityFromText(unit.accessibility) : {};
    const schedules = unit.schedules !== undefined && unit.schedulesPath !== undefined ? schedulesFor(unit.schedules, unit.schedulesPath) : schedulesFor(serviceSchedules, join(path, serviceSchedulesKey));
    const result = buildActivity(facts, { ...unit, languages, accessibility, schedules }, options, path);
    if ('activity' in result) activities.push(result.activity);
    else rejected.push({ index, id: unit.id, issues: result.issues });
  }
  return { serviceId, activities, rejected, warnings: dedupeIssues(warnings) };
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
