/**
 * How well `fromOpenReferral` reads a set of labelled feed-like records (fixtures/open-referral/
 * labelled/, labelled-2/ or held-out-2/; see scripts/import-quality-sets.ts): coverage and
 * accuracy per inferred field. `npm run import-quality` prints these figures and test/catalogue/open-referral/
 * labelled.test.ts asserts the targets, so the two cannot drift.
 *
 * Written against the importer's public result only (activities with `source.serviceId`,
 * `skipped`, `rejected`), read loosely, so the same measure runs on an older src/ (`--src`), as
 * BENCHMARKS.md's "before" figures were taken.
 *
 * What each figure counts (a service's activities are all activities whose `source.serviceId`
 * is the record's id; its first activity is the one the importer lists first):
 * - **referrable imported**: referrable records with at least one activity, of all referrable records.
 * - **non-services imported**: records labelled not referrable that gave an activity (must be 0);
 *   the rest are counted as skipped (with a reason) or rejected.
 * - **category**, **delivery mode**: of the referrable records imported, those whose first activity
 *   has the labelled category, and whose first activity's location kind is the labelled primary
 *   mode (`venue`, `phone`, `online`, `home`). **All modes**: the set of location kinds of all its
 *   activities equals the labelled `modes`.
 * - **position**: of imported venue records, venue with coordinates when `known`, without when `unknown`.
 * - **schedule recovered**: of imported records whose label states regular sessions, those whose
 *   timed schedules give exactly the labelled sessions: each (weekday, every week / 2 weeks /
 *   month, ordinal) with its start and end where the label gives them (a label's null start or
 *   end is not compared). A session ending at 24:00 followed by one from 00:00 the next day
 *   counts as one session past midnight. **Days recovered** compares weekdays, frequency and
 *   ordinal only. **Invented**: timed schedules on a record whose label states none.
 * - **price recovered**: of imported records whose label states a price, the first activity's
 *   cost has the labelled level, and the labelled amount and period where the label gives them.
 *   **Level** compares the level only. **Invented**: a cost on a record whose label states none.
 * - **age recovered** / **gender recovered**: of imported records whose label states an age
 *   limit (minAge/maxAge) or genders, the first activity's eligibility gives exactly those.
 *   **Invented**: limits on records whose label states none.
 * - **postcode kept**: of imported records whose label gives a postcode, some activity's location
 *   keeps it (compared without case or spaces).
 * - **areas**: of imported records whose label names areas and whose first activity has no
 *   coordinates (a venue whose position is unknown, or a phone, online or home service: where
 *   the area decides who is offered it), the first activity's `location.area.names` are exactly
 *   those (case-insensitive). A venue with coordinates takes no area: distance decides.
 * - **audience**: of imported records, the first activity's `audience` (conditions, needs and
 *   groups; none = no audience) equals the label's; precision and recall over its items.
 * - **conditions**, **needs**: precision and recall, summed over imported records, of the label's
 *   conditions against `conditions.designedFor` with `audience.conditions`, and of its needs
 *   against `needs` with `audience.needs`.
 *
 * @module
 */

/** One labelled session. */
export interface LabelSession {
  readonly days: readonly string[];
  readonly start: string | null;
  readonly end: string | null;
  readonly every: 'week' | '2 weeks' | 'month';
  readonly ordinal?: number;
}

/** One record's label (see fixtures/open-referral/labelled/README.md). */
export interface Label {
  readonly referrable: boolean;
  readonly notServiceReason?: string;
  readonly category?: string;
  readonly primaryMode?: 'venue' | 'phone' | 'online' | 'home';
  readonly modes?: readonly string[];
  readonly position?: 'known' | 'unknown' | 'none';
  readonly postcode?: string | null;
  readonly areas?: readonly string[];
  readonly conditions?: readonly string[];
  readonly needs?: readonly string[];
  readonly audience?: { readonly conditions?: readonly string[]; readonly needs?: readonly string[]; readonly groups?: readonly string[]; readonly minAge?: number; readonly maxAge?: number; readonly genders?: readonly string[] } | null;
  readonly cost?: { readonly level: string; readonly amountGBP?: number; readonly per?: string } | null;
  readonly schedule?: readonly LabelSession[] | null;
  readonly access?: string | null;
}

/** The part of an imported activity the measure reads (anything else is ignored). */
interface Activity {
  readonly id: string;
  readonly category?: string;
  readonly location?: { readonly kind?: string; readonly lat?: number; readonly postcode?: string; readonly area?: { readonly names?: readonly string[] } };
  readonly schedules?: readonly Record<string, unknown>[];
  readonly cost?: { readonly level?: string; readonly amountGBP?: number; readonly per?: string };
  readonly eligibility?: { readonly minAge?: number; readonly maxAge?: number; readonly genders?: readonly string[] };
  readonly conditions?: { readonly designedFor?: readonly string[] };
  readonly needs?: readonly string[];
  readonly audience?: { readonly conditions?: readonly string[]; readonly needs?: readonly string[]; readonly groups?: readonly string[] };
  readonly source?: { readonly serviceId?: string };
}

/** What the importer gave for one page: its public result, read loosely. */
export interface ImportResult {
  readonly activities: readonly unknown[];
  readonly skipped: readonly { readonly id?: string | undefined; readonly reason?: string; readonly status?: string }[];
  readonly rejected: readonly { readonly id?: string | undefined }[];
}

/** A share: how many of how many. */
export interface Share {
  readonly hit: number;
  readonly of: number;
}

/** Precision and recall over items. */
export interface PrecisionRecall {
  readonly truePositives: number;
  readonly predicted: number;
  readonly labelled: number;
}

/** One record the importer got wrong on some field, for reading the misses. */
export interface Miss {
  readonly id: string;
  readonly field: string;
  readonly expected: unknown;
  readonly got: unknown;
}

/** The figures `npm run import-quality` prints. */
export interface ImportQuality {
  readonly records: number;
  readonly referrable: number;
  readonly referrableImported: Share;
  readonly nonServicesImported: readonly string[];
  readonly nonServicesSkipped: number;
  readonly nonServicesRejected: number;
  readonly category: Share;
  readonly deliveryMode: Share;
  readonly allModes: Share;
  readonly position: Share;
  readonly schedule: Share;
  readonly scheduleInText: Share;
  readonly scheduleDays: Share;
  readonly scheduleInvented: Share;
  readonly price: Share;
  readonly priceInText: Share;
  readonly priceLevel: Share;
  readonly priceInvented: Share;
  readonly age: Share;
  readonly ageInText: Share;
  readonly ageInvented: Share;
  readonly gender: Share;
  readonly genderInvented: Share;
  readonly postcode: Share;
  readonly areas: Share;
  readonly audience: Share;
  readonly audienceItems: PrecisionRecall;
  readonly conditions: PrecisionRecall;
  readonly needs: PrecisionRecall;
  readonly misses: readonly Miss[];
}

/**
 * The acceptance targets of issue #17 on the labelled set: at least 95% of referrable records
 * imported, category and delivery mode each at least 90% right, no non-service imported.
 */
export const IMPORT_TARGETS = Object.freeze({ referrableImported: 0.95, category: 0.9, deliveryMode: 0.9, nonServicesImported: 0 });

/** The share as a fraction (1 when there is nothing to count). */
export function fraction(s: Share): number {
  return s.of === 0 ? 1 : s.hit / s.of;
}

/** The targets a result misses, in words (empty when it meets them all). */
export function missedTargets(q: ImportQuality): string[] {
  const out: string[] = [];
  if (fraction(q.referrableImported) < IMPORT_TARGETS.referrableImported) out.push(`referrable records imported ${pct(q.referrableImported)} < ${IMPORT_TARGETS.referrableImported * 100}%`);
  if (fraction(q.category) < IMPORT_TARGETS.category) out.push(`category right ${pct(q.category)} < ${IMPORT_TARGETS.category * 100}%`);
  if (fraction(q.deliveryMode) < IMPORT_TARGETS.deliveryMode) out.push(`delivery mode right ${pct(q.deliveryMode)} < ${IMPORT_TARGETS.deliveryMode * 100}%`);
  if (q.nonServicesImported.length > IMPORT_TARGETS.nonServicesImported) out.push(`non-services imported: ${q.nonServicesImported.join(', ')}`);
  return out;
}

/** "93.9% (108/115)". */
export function pct(s: Share): string {
  return `${(fraction(s) * 100).toFixed(1)}% (${s.hit}/${s.of})`;
}

const DAY_CODES: Readonly<Record<string, string>> = { MO: 'mon', TU: 'tue', WE: 'wed', TH: 'thu', FR: 'fri', SA: 'sat', SU: 'sun' };
const DAY_ORDER = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

interface Atom {
  readonly day: string;
  readonly every: string;
  readonly ordinal: number | undefined;
  start: string | null;
  end: string | null;
}

const hhmm = (t: unknown): string | null => (typeof t === 'string' && /^\d{2}:\d{2}/.test(t) ? t.slice(0, 5) : null);

/** The timed sessions of an activity's schedules, one atom per weekday (described-only rows give none). */
function atomsOfSchedules(schedules: readonly Record<string, unknown>[]): Atom[] {
  const atoms: Atom[] = [];
  for (const s of schedules) {
    const freq = typeof s['freq'] === 'string' ? s['freq'].toUpperCase() : undefined;
    const start = hhmm(s['opensAt']);
    const end = hhmm(s['closesAt']);
    if (freq === undefined || start === null) continue;
    const interval = typeof s['interval'] === 'number' ? s['interval'] : 1;
    const every = freq === 'MONTHLY' ? (interval === 1 ? 'month' : `${interval} months`) : interval === 1 ? 'week' : `${interval} weeks`;
    const byday = typeof s['byday'] === 'string' ? s['byday'].split(',') : Array.isArray(s['byday']) ? (s['byday'] as unknown[]).map(String) : [];
    for (const entry of byday) {
      const m = /^([+-]?\d)?([A-Z]{2})$/i.exec(entry.trim());
      const day = m === null ? undefined : DAY_CODES[(m[2] ?? '').toUpperCase()];
      if (day === undefined || m === null) continue;
      atoms.push({ day, every, ordinal: m[1] === undefined ? undefined : Number(m[1]), start, end });
    }
  }
  // A session to 24:00 and one from 00:00 the next day (same frequency) are one session past midnight.
  const merged: Atom[] = [];
  for (const a of atoms) {
    if (a.start === '00:00') {
      const before = DAY_ORDER[(DAY_ORDER.indexOf(a.day) + 6) % 7];
      if (atoms.some((b) => b.day === before && b.end === '24:00' && b.every === a.every)) continue;
    }
    merged.push(a);
  }
  for (const a of merged) {
    if (a.end !== '24:00') continue;
    const after = DAY_ORDER[(DAY_ORDER.indexOf(a.day) + 1) % 7];
    const next = atoms.find((b) => b.day === after && b.start === '00:00' && b.every === a.every);
    if (next !== undefined) a.end = next.end;
  }
  return merged;
}

function atomsOfLabel(sessions: readonly LabelSession[]): Atom[] {
  return sessions.flatMap((s) => s.days.map((day) => ({ day, every: s.every, ordinal: s.ordinal, start: s.start, end: s.end })));
}

const atomKey = (a: Atom, withTimes: boolean) => `${a.day}|${a.every}|${a.ordinal ?? ''}${withTimes ? `|${a.start ?? ''}|${a.end ?? ''}` : ''}`;

/** Label sessions against schedules: with times (only where the label gives them), or days only. */
function sameSessions(label: readonly LabelSession[], schedules: readonly Record<string, unknown>[], withTimes: boolean): boolean {
  const want = atomsOfLabel(label);
  const got = atomsOfSchedules(schedules);
  if (want.length !== got.length) return false;
  const left = [...got];
  for (const w of want) {
    const i = left.findIndex((g) => atomKey(g, false) === atomKey(w, false) && (!withTimes || ((w.start === null || g.start === w.start) && (w.end === null || g.end === w.end))));
    if (i < 0) return false;
    left.splice(i, 1);
  }
  return true;
}

const set = (xs: readonly string[] | undefined) => [...new Set(xs ?? [])].sort();
const sameSet = (a: readonly string[] | undefined, b: readonly string[] | undefined) => JSON.stringify(set(a)) === JSON.stringify(set(b));
const postcodeKey = (p: string | undefined | null) => (p ?? '').replace(/\s+/g, '').toUpperCase();

function addPr(pr: { truePositives: number; predicted: number; labelled: number }, labelled: readonly string[], predicted: readonly string[]): void {
  const l = new Set(labelled);
  const p = new Set(predicted);
  pr.labelled += l.size;
  pr.predicted += p.size;
  for (const x of p) if (l.has(x)) pr.truePositives += 1;
}

/** What a record says in its own fields (not text): used to split "stated only in text". */
export interface RecordFacts {
  readonly scheduleInFields: boolean;
  readonly priceInFields: boolean;
  readonly ageInFields: boolean;
}

/**
 * Whether a raw record states its schedule, price or age in structured fields: `schedules` rows
 * (on the service or a location), `cost_options` or non-empty `fees`, a `minimum_age`/`maximum_age`
 * other than -1, or an "Older people" / "Young people" audience tag.
 */
export function recordFacts(record: Record<string, unknown>): RecordFacts {
  const list = (v: unknown) => (Array.isArray(v) ? v : []);
  const sals = list(record['service_at_locations']) as Record<string, unknown>[];
  const scheduleInFields = list(record['schedules']).length > 0 || sals.some((s) => list(s?.['schedules']).length > 0);
  const fees = typeof record['fees'] === 'string' ? record['fees'].trim() : '';
  const priceInFields = list(record['cost_options']).length > 0 || fees !== '';
  const age = (v: unknown) => typeof v === 'number' && v >= 0;
  const tags = (list(record['pc_targetAudience']) as Record<string, unknown>[]).map((t) => String(t?.['audienceType'] ?? '').toLowerCase());
  const ageInFields = age(record['minimum_age']) || age(record['maximum_age']) || tags.includes('older people') || tags.includes('young people');
  return { scheduleInFields, priceInFields, ageInFields };
}

/**
 * Measures import results against labels. `records` are the raw records by id (for what they
 * state in fields), `results` the importer's result for each page.
 */
export function measureImport(labels: Readonly<Record<string, Label>>, records: ReadonlyMap<string, Record<string, unknown>>, results: readonly ImportResult[]): ImportQuality {
  const byService = new Map<string, Activity[]>();
  for (const r of results) {
    for (const raw of r.activities) {
      const a = raw as Activity;
      const id = a.source?.serviceId ?? a.id.split('@')[0] ?? a.id;
      byService.set(id, [...(byService.get(id) ?? []), a]);
    }
  }
  const skipped = new Set(results.flatMap((r) => r.skipped.map((s) => s.id)).filter((id): id is string => id !== undefined));
  const rejected = new Set(results.flatMap((r) => r.rejected.map((s) => s.id)).filter((id): id is string => id !== undefined));
  const share = () => ({ hit: 0, of: 0 });
  const count = (s: { hit: number; of: number }, ok: boolean) => {
    s.of += 1;
    if (ok) s.hit += 1;
  };
  const q = {
    referrableImported: share(), category: share(), deliveryMode: share(), allModes: share(), position: share(),
    schedule: share(), scheduleInText: share(), scheduleDays: share(), scheduleInvented: share(),
    price: share(), priceInText: share(), priceLevel: share(), priceInvented: share(),
    age: share(), ageInText: share(), ageInvented: share(), gender: share(), genderInvented: share(),
    postcode: share(), areas: share(), audience: share(),
  };
  const audienceItems = { truePositives: 0, predicted: 0, labelled: 0 };
  const conditions = { truePositives: 0, predicted: 0, labelled: 0 };
  const needs = { truePositives: 0, predicted: 0, labelled: 0 };
  const nonServicesImported: string[] = [];
  const misses: Miss[] = [];
  let nonServicesSkipped = 0;
  let nonServicesRejected = 0;
  let referrable = 0;
  const miss = (id: string, field: string, expected: unknown, got: unknown) => misses.push({ id, field, expected, got });

  for (const [id, label] of Object.entries(labels)) {
    const acts = byService.get(id) ?? [];
    if (!label.referrable) {
      if (acts.length > 0) nonServicesImported.push(id);
      else if (skipped.has(id)) nonServicesSkipped += 1;
      else if (rejected.has(id)) nonServicesRejected += 1;
      continue;
    }
    referrable += 1;
    count(q.referrableImported, acts.length > 0);
    const first = acts[0];
    if (first === undefined) {
      miss(id, 'imported', true, rejected.has(id) ? 'rejected' : skipped.has(id) ? 'skipped' : 'missing');
      continue;
    }
    const facts = recordFacts(records.get(id) ?? {});

    count(q.category, first.category === label.category);
    if (first.category !== label.category) miss(id, 'category', label.category, first.category);
    const kind = first.location?.kind;
    count(q.deliveryMode, kind === label.primaryMode);
    if (kind !== label.primaryMode) miss(id, 'primaryMode', label.primaryMode, kind);
    const kinds = set(acts.map((a) => a.location?.kind ?? ''));
    count(q.allModes, sameSet(kinds, label.modes));
    if (!sameSet(kinds, label.modes)) miss(id, 'modes', label.modes, kinds);
    if (label.primaryMode === 'venue' && label.position !== undefined && label.position !== 'none') {
      const venue = acts.find((a) => a.location?.kind === 'venue');
      const known = venue?.location?.lat !== undefined;
      count(q.position, venue !== undefined && known === (label.position === 'known'));
    }

    const schedules = acts.flatMap((a) => a.schedules ?? []);
    const firstSchedules = first.schedules ?? [];
    const stated = label.schedule !== null && label.schedule !== undefined && label.schedule.length > 0;
    if (stated) {
      // Sessions may be spread over a service's activities (monthly at a library, weekly online).
      const exact = sameSessions(label.schedule ?? [], firstSchedules, true) || sameSessions(label.schedule ?? [], schedules, true);
      count(q.schedule, exact);
      if (!facts.scheduleInFields) count(q.scheduleInText, exact);
      count(q.scheduleDays, sameSessions(label.schedule ?? [], firstSchedules, false) || sameSessions(label.schedule ?? [], schedules, false));
      if (!exact) miss(id, 'schedule', label.schedule, atomsOfSchedules(schedules));
    } else {
      const invented = atomsOfSchedules(schedules).length > 0;
      count(q.scheduleInvented, invented);
      if (invented) miss(id, 'schedule', label.schedule ?? null, atomsOfSchedules(schedules));
    }

    if (label.cost !== null && label.cost !== undefined) {
      const c = first.cost;
      const level = c?.level === label.cost.level;
      const ok = level && (label.cost.amountGBP === undefined || c?.amountGBP === label.cost.amountGBP) && (label.cost.per === undefined || c?.per === label.cost.per);
      count(q.price, ok);
      if (!facts.priceInFields) count(q.priceInText, ok);
      count(q.priceLevel, level);
      if (!ok) miss(id, 'cost', label.cost, c ?? null);
    } else {
      count(q.priceInvented, first.cost !== undefined);
      if (first.cost !== undefined) miss(id, 'cost', null, first.cost);
    }

    const aud = label.audience ?? {};
    const e = first.eligibility ?? {};
    if (aud.minAge !== undefined || aud.maxAge !== undefined) {
      const ok = e.minAge === aud.minAge && e.maxAge === aud.maxAge;
      count(q.age, ok);
      if (!facts.ageInFields) count(q.ageInText, ok);
      if (!ok) miss(id, 'age', [aud.minAge, aud.maxAge], [e.minAge, e.maxAge]);
    } else {
      const invented = e.minAge !== undefined || e.maxAge !== undefined;
      count(q.ageInvented, invented);
      if (invented) miss(id, 'age', null, [e.minAge, e.maxAge]);
    }
    if (aud.genders !== undefined) {
      count(q.gender, sameSet(e.genders, aud.genders));
      if (!sameSet(e.genders, aud.genders)) miss(id, 'genders', aud.genders, e.genders);
    } else {
      count(q.genderInvented, e.genders !== undefined);
      if (e.genders !== undefined) miss(id, 'genders', null, e.genders);
    }

    if (label.postcode) {
      const kept = acts.some((a) => postcodeKey(a.location?.postcode) === postcodeKey(label.postcode));
      count(q.postcode, kept);
      if (!kept) miss(id, 'postcode', label.postcode, acts.map((a) => a.location?.postcode));
    }
    if (label.areas !== undefined && label.areas.length > 0 && first.location?.lat === undefined) {
      const names = (first.location?.area?.names ?? []).map((n) => n.toLowerCase());
      const ok = sameSet(names, label.areas.map((n) => n.toLowerCase()));
      count(q.areas, ok);
      if (!ok) miss(id, 'areas', label.areas, first.location?.area?.names);
    }

    const wantAudience = [...(aud.conditions ?? []).map((c) => `c:${c}`), ...(aud.needs ?? []).map((n) => `n:${n}`), ...(aud.groups ?? []).map((g) => `g:${g}`)];
    const a = first.audience ?? {};
    const gotAudience = [...(a.conditions ?? []).map((c) => `c:${c}`), ...(a.needs ?? []).map((n) => `n:${n}`), ...(a.groups ?? []).map((g) => `g:${g}`)];
    count(q.audience, sameSet(wantAudience, gotAudience));
    if (!sameSet(wantAudience, gotAudience)) miss(id, 'audience', wantAudience, gotAudience);
    addPr(audienceItems, wantAudience, gotAudience);
    addPr(conditions, label.conditions ?? [], [...(first.conditions?.designedFor ?? []), ...(a.conditions ?? [])]);
    addPr(needs, label.needs ?? [], [...(first.needs ?? []), ...(a.needs ?? [])]);
  }
  return { records: Object.keys(labels).length, referrable, ...q, nonServicesImported, nonServicesSkipped, nonServicesRejected, audienceItems, conditions, needs, misses };
}

/** Precision and recall as "precision 0.81, recall 0.74 (30/37 predicted, 30/41 labelled)". */
export function prText(pr: PrecisionRecall): string {
  const p = pr.predicted === 0 ? 1 : pr.truePositives / pr.predicted;
  const r = pr.labelled === 0 ? 1 : pr.truePositives / pr.labelled;
  return `precision ${p.toFixed(2)}, recall ${r.toFixed(2)} (${pr.truePositives}/${pr.predicted} predicted, ${pr.truePositives}/${pr.labelled} labelled)`;
}
