// How each entry point is called, and the invariants every normal return must satisfy.
import { expect } from 'vitest';
import {
  ActivityMatchError,
  compareRules,
  createMatcher,
  DEFAULT_RULES,
  ELIGIBILITY_RULES,
  evaluate,
  FACTORS,
  fitWeights,
  fromOpenReferral,
  nextOccurrences,
  parseCatalogue,
  ReferralHistorySchema,
  runImportCommand,
} from '../../src/index.js';
import type {
  Comparison,
  Evaluation,
  Explanation,
  FitWeightsResult,
  ImportCommandResult,
  Matcher,
  MetricSummary,
  Occurrence,
  OpenReferralImport,
  ParsedCatalogue,
  Recommendation,
  RejectedRecord,
  SessionTime,
} from '../../src/index.js';
import { toIssues } from '../../src/validate.js';
import { activity } from '../helpers.js';
import { AT, catalogue, fullClient, MARKER_PATTERN, smallCatalogue, validClient } from './corpus.js';
import type { Entry, Outcome } from './corpus.js';
import { HELPER_RUNNERS } from './helper-runners.js';

/** One way of calling an entry point. */
export interface Call {
  readonly label: string;
  run(input: unknown): unknown;
  /** This call's form of an outcome written for the entry (codes and path prefixes); an array lists alternatives. */
  translate?(outcome: Outcome, input: unknown): Outcome | readonly Outcome[];
  /** Checks the invariants of a normal return; `input` is the input it was given. */
  verify(result: unknown, input: unknown): void;
  /** The part of a normal return that must survive a JSON round trip. */
  data(result: unknown): unknown;
  /** The records a lenient call left out. */
  rejected?(result: unknown): readonly RejectedRecord[];
  /** The records a lenient import kept with warnings (partly mapped). */
  warnings?(result: unknown): readonly RejectedRecord[];
  /** How many services a lenient import skipped as not running. */
  skipped?(result: unknown): number;
  /** The upcoming sessions a result shows for the activity under test, and whether it says there are none. */
  upcoming?(result: unknown): { readonly sessions: number; readonly saysNone: boolean };
}

const AT_DATE = new Date(AT);

/** The matcher shared by the client, options and id cases; checked for corruption after each case. */
export const BASE: Matcher = createMatcher(catalogue());

/** A query on {@link BASE} whose answer must never change, whatever the cases did. */
export function canary(): string {
  const c = fullClient();
  return JSON.stringify([BASE.recommend(c, { at: AT, limit: 10 }), BASE.activities, BASE.rules, BASE.rejected, DEFAULT_RULES]);
}

// ── Invariants ─────────────────────────────────────────────────────────────────────────────

const DAY_MS = 86_400_000;
const TOLERANCE = 1e-9;
const SUSPICIOUS_TEXT = /NaN|undefined|Infinity|null|\[object|function /;

/** Fails the test with `message()` unless `condition` holds (cheaper than `expect` in tight loops). */
function ok(condition: boolean, message: () => string): void {
  if (!condition) expect.fail(message());
}

function checkText(texts: readonly unknown[], what: string): void {
  for (const t of texts) ok(typeof t === 'string' && t.length > 0 && !SUSPICIOUS_TEXT.test(t), () => `${what} ${JSON.stringify(t)} reads as words, not a broken value`);
}

const FACTOR_KEYS = [...FACTORS].sort().join();

/** Invariants of one explanation (and of each recommendation) at the query time `at`. */
export function verifyExplanation(e: Explanation, at: Date): void {
  const where = `explanation of ${String(e?.id)}`;
  ok(typeof e.id === 'string' && e.activity.id === e.id, () => `${where}: id and activity.id`);
  ok(Number.isFinite(e.score) && e.score >= -TOLERANCE && e.score <= 1 + TOLERANCE, () => `${where}: score ${e.score} in [0, 1]`);
  ok(e.factors.map((f) => f.factor).join() === FACTORS.join(), () => `${where}: factors in FACTORS order`);
  const total = e.factors.reduce((s, f) => s + f.weight, 0);
  let sum = 0;
  for (const f of e.factors) {
    ok(Number.isFinite(f.value) && f.value >= 0 && f.value <= 1, () => `${where}: ${f.factor} value ${f.value} in [0, 1]`);
    ok(Number.isFinite(f.weight) && f.weight >= 0, () => `${where}: ${f.factor} weight ${f.weight}`);
    // value · (weight / Σ) rather than (value · weight) / Σ: exact even for denormal weights.
    const expected = f.value * (f.weight / total);
    ok(Math.abs(f.contribution - expected) <= TOLERANCE, () => `${where}: ${f.factor} contribution ${f.contribution} should be weight·value/Σweights = ${expected}`);
    ok(e.contributions[f.factor] === f.contribution, () => `${where}: contributions.${f.factor}`);
    sum += f.contribution;
  }
  ok(Math.abs(sum - e.score) <= TOLERANCE, () => `${where}: contributions add up to ${sum}, score ${e.score}`);
  ok(Object.keys(e.contributions).sort().join() === FACTOR_KEYS, () => `${where}: contribution keys`);
  ok(e.eligible === (e.exclusions.length === 0), () => `${where}: eligible iff no exclusions`);
  for (const x of e.exclusions) {
    ok((ELIGIBILITY_RULES as readonly string[]).includes(x.rule), () => `${where}: exclusion rule ${x.rule}`);
    ok(ruleApplies(x.rule, e.activity), () => `${where}: excluded by rule '${x.rule}', which cannot apply to this activity (${x.reason})`);
  }
  checkText(e.exclusions.map((x) => x.reason), `${where}: exclusion reason`);
  checkText(e.reasons, `${where}: reason`);
  checkText(e.cautions, `${where}: caution`);
  ok(e.distanceKm === null || (Number.isFinite(e.distanceKm) && e.distanceKm >= 0), () => `${where}: distanceKm ${e.distanceKm}`);
  ok(e.activity.location.kind === 'venue' || e.distanceKm === 0, () => `${where}: home and online are 0 km`);
  ok(e.activity.lastVerified === undefined || !e.cautions.some((c) => c.startsWith('Details never verified')), () => `${where}: a verified record is called unverified`);
  if (e.nextSession !== null) verifySession(e.nextSession, e.activity.timeZone, at, `${where}: next session`);
  e.upcomingSessions.forEach((s, i) => verifySession(s, e.activity.timeZone, at, `${where}: upcoming session ${i}`));
  for (let i = 1; i < e.upcomingSessions.length; i++) {
    ok((e.upcomingSessions[i]?.start.getTime() ?? 0) >= (e.upcomingSessions[i - 1]?.start.getTime() ?? 0), () => `${where}: upcoming sessions in time order`);
  }
  if (e.activity.sessions.length === 0 && e.activity.schedules.length === 0) {
    ok(e.nextSession === null && e.upcomingSessions.length === 0, () => `${where}: no timetable, yet sessions`);
  }
  if (e.activity.sessions.length > 0) {
    // A weekly session recurs every week: one always starts within the coming week.
    const first = e.upcomingSessions[0];
    ok(e.nextSession !== null && first !== undefined && first.start.getTime() <= at.getTime() + 7 * DAY_MS, () => `${where}: a weekly activity has no session within a week of ${iso(at.getTime())} (next: ${e.nextSession ? iso(e.nextSession.start.getTime()) : 'none'})`);
  }
}

/** Whether a hard rule can exclude this activity at all, judging by the activity alone. */
function ruleApplies(rule: string, a: Explanation['activity']): boolean {
  const timetabled = a.sessions.length > 0 || a.schedules.length > 0;
  switch (rule) {
    case 'age':
      return a.eligibility.minAge !== undefined || a.eligibility.maxAge !== undefined;
    case 'gender':
      return a.eligibility.genders !== undefined;
    case 'unsuitable-condition':
      return a.conditions.unsuitableFor.length > 0;
    case 'accessibility':
    case 'travel':
      return a.location.kind === 'venue' || (rule === 'travel' && 'area' in a.location && a.location.area !== undefined);
    case 'schedule':
      return timetabled;
    case 'ended':
      // Weekly sessions never end; only dated schedules can.
      return a.sessions.length === 0 && a.schedules.length > 0;
    case 'programme':
      return a.programme !== undefined;
    case 'capacity':
      return a.capacity !== undefined;
    case 'cost':
      return a.cost !== undefined && a.cost.level !== 'free';
    case 'gym-activation':
      return a.tags.includes('gym');
    default:
      return true;
  }
}

/** An instant as text, even when it is not a valid date. */
function iso(time: number): string {
  return Number.isFinite(time) && Math.abs(time) <= 8.64e15 ? new Date(time).toISOString() : String(time);
}

const LABEL = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)( \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))? ([01]\d|2[0-3]):[0-5]\d$/;

/** A dated session: valid instants, not before `at`, within the two-year search, in the activity's zone. */
function verifySession(s: SessionTime, timeZone: string, at: Date, where: string): void {
  const start = s.start.getTime();
  const end = s.end.getTime();
  ok(Number.isFinite(start) && Number.isFinite(end), () => `${where}: invalid dates`);
  ok(start >= at.getTime() && start <= at.getTime() + 732 * DAY_MS, () => `${where} ${iso(start)} should start at or after ${iso(at.getTime())}, within two years`);
  ok(end > start && end - start <= DAY_MS + 3_600_000, () => `${where}: should end after it starts, within a day`);
  ok(s.timeZone === timeZone, () => `${where}: zone ${s.timeZone}, activity ${timeZone}`);
  ok(LABEL.test(s.label), () => `${where}: label ${JSON.stringify(s.label)}`);
  ok(typeof s.fitsClient === 'boolean', () => `${where}: fitsClient`);
}

/** Invariants of a shortlist. */
export function verifyRecommendations(list: readonly Recommendation[], at: Date, limit: number): void {
  ok(Array.isArray(list) && list.length <= limit, () => `recommend returns at most ${limit} items`);
  ok(list.every((r, i) => r.rank === i + 1), () => 'ranks are 1…n');
  ok(new Set(list.map((r) => r.id)).size === list.length, () => 'an activity is listed twice');
  for (const r of list) {
    ok(r.eligible, () => `${r.id} on a shortlist is not eligible`);
    verifyExplanation(r, at);
  }
}

/**
 * After a query was accepted: every activity of the matcher explained with the same client,
 * `at` and rules also satisfies the invariants (a shortlist alone can hide an activity that
 * was wrongly excluded).
 */
export function verifyEveryActivity(m: Matcher, client: unknown, at: unknown, rules: unknown): void {
  const options = rules === undefined ? { at } : { at, rules };
  const when = at instanceof Date ? new Date(Date.prototype.getTime.call(at)) : new Date(String(at));
  for (const a of m.activities.slice(0, 20)) verifyExplanation(m.explain(client as never, a.id, options as never), when);
}

/** Invariants of a compiled matcher: it answers queries sanely for every activity. */
export function verifyMatcher(m: Matcher, inputLength: number | undefined, lenient: boolean): void {
  if (inputLength !== undefined) expect(m.activities.length + m.rejected.length, 'every record is kept or reported').toBe(inputLength);
  if (!lenient) expect(m.rejected, 'strict mode rejects nothing silently').toEqual([]);
  verifyRejected(m.rejected);
  for (const c of [validClient(), fullClient()]) {
    verifyRecommendations(m.recommend(c, { at: AT, limit: 100 }), AT_DATE, 100);
    for (const a of m.activities.slice(0, 20)) verifyExplanation(m.explain(c, a.id, { at: AT }), AT_DATE);
  }
  for (const a of m.activities.slice(0, 20)) expect(m.get(a.id), 'get finds each activity').toBe(a);
}

function verifyParsed(p: ParsedCatalogue, inputLength: number | undefined, lenient: boolean): void {
  if (inputLength !== undefined) expect(p.activities.length + p.rejected.length, 'every record is kept or reported').toBe(inputLength);
  if (!lenient) expect(p.rejected, 'strict mode rejects nothing silently').toEqual([]);
  expect(new Set(p.activities.map((a) => a.id)).size, 'ids are unique').toBe(p.activities.length);
  verifyRejected(p.rejected);
}

function verifyRejected(rejected: readonly RejectedRecord[]): void {
  const problems: string[] = [];
  let last = -1;
  for (const r of rejected) {
    if (!(r.index > last)) problems.push(`record ${r.index} out of input order`);
    last = r.index;
    if (r.issues.length === 0) problems.push(`record ${r.index} has no reason`);
    for (const issue of r.issues) if (!issue.path.startsWith(`activities[${r.index}]`)) problems.push(`issue path ${issue.path} does not name record ${r.index}`);
    if (problems.length > 10) break;
  }
  expect(problems, 'rejected records in order, each with reasons at its own path').toEqual([]);
  expect(MARKER_PATTERN.test(JSON.stringify(rejected.map((r) => r.issues))), 'rejection issues quote no planted value').toBe(false);
}

function lengthOf(input: unknown): number | undefined {
  return Array.isArray(input) ? input.length : undefined;
}

/** The query time an options object asks for (only called on inputs that were accepted). */
function instantOf(options: unknown): Date {
  const at = (options as { at: unknown }).at;
  return at instanceof Date ? new Date(Date.prototype.getTime.call(at)) : new Date(String(at));
}

function limitOf(options: unknown): number {
  const limit = (options as { limit?: unknown }).limit;
  return typeof limit === 'number' ? limit : 5;
}

// ── Translations ───────────────────────────────────────────────────────────────────────────

/** Rules cases are written for `createMatcher` (INVALID_RULES, `rules…`); per call they become INVALID_OPTIONS at `options.rules…`. */
function rulesAsOptions(outcome: Outcome): Outcome {
  if (typeof outcome === 'object' && 'code' in outcome && outcome.code === 'INVALID_RULES') {
    return { code: 'INVALID_OPTIONS', ...(outcome.paths ? { paths: outcome.paths.map((p) => `options.${p}`) } : {}) };
  }
  return outcome;
}


// ── Schedules ──────────────────────────────────────────────────────────────────────────────

/** A one-activity catalogue (`x1`, no weekly sessions) whose `schedules` field is `input`. */
function scheduled(input: unknown): unknown[] {
  return [{ ...activity('x1', { lastVerified: '2026-10-01' }), sessions: [], schedules: input }];
}

/** Dated sessions from `nextOccurrences`: sorted, valid, not before `at`, within the horizon, in the zone asked for. */
function verifyOccurrences(list: readonly Occurrence[], at: Date, options: { limit: number; horizonDays: number; timeZone: string; schedules: number }): void {
  ok(Array.isArray(list) && list.length <= options.limit, () => `nextOccurrences returned ${list.length}, limit ${options.limit}`);
  list.forEach((o, i) => {
    const start = o.start.getTime();
    const end = o.end.getTime();
    const where = `occurrence ${i} (${iso(start)} to ${iso(end)})`;
    ok(Number.isFinite(start) && Number.isFinite(end), () => `${where}: invalid dates`);
    ok(start >= at.getTime(), () => `${where} starts before ${iso(at.getTime())}`);
    ok(start <= at.getTime() + (options.horizonDays + 2) * DAY_MS, () => `${where} starts after the ${options.horizonDays}-day horizon`);
    ok(end > start && end - start <= DAY_MS + 3_600_000, () => `${where} should end after it starts, within a day`);
    ok(o.timeZone === options.timeZone, () => `${where}: zone ${o.timeZone}, asked for ${options.timeZone}`);
    ok(Number.isInteger(o.scheduleIndex) && o.scheduleIndex >= 0 && o.scheduleIndex < options.schedules, () => `${where}: schedule index ${o.scheduleIndex}`);
    ok(typeof o.extra === 'boolean', () => `${where}: extra`);
    const prev = list[i - 1];
    ok(prev === undefined || prev.start.getTime() <= start, () => `${where}: out of time order`);
  });
}

/** What an explanation shows of the sessions of its activity. */
function explainedUpcoming(e: Explanation): { sessions: number; saysNone: boolean } {
  const sessions = e.upcomingSessions.length + (e.nextSession === null ? 0 : 1);
  const said = [...e.reasons, ...e.cautions].some((t) => /^No upcoming session|^By appointment/.test(t));
  return { sessions, saysNone: said };
}

/** The validated schedules of the single activity of a matcher. */
function schedulesOf(m: Matcher) {
  const a = m.activities[0];
  if (a === undefined) throw new Error('the one-activity catalogue lost its activity');
  return { schedules: a.schedules, timeZone: a.timeZone };
}

/** Validated schedules for the occurrence-options cases: weekly, monthly, a one-off and an extra session. */
export const SCHEDULES = schedulesOf(
  createMatcher(
    scheduled([
      { freq: 'WEEKLY', byday: 'TU', opensAt: '10:00', closesAt: '12:00' },
      { freq: 'MONTHLY', byday: '1SA', opensAt: '09:00:00Z', closesAt: '17:00:00Z', closures: ['2027-01-02'] },
      { dtstart: '2026-12-05', opensAt: '14:00', closesAt: '15:00' },
      { freq: 'WEEKLY', byday: 'FR', dtstart: '2026-01-02', interval: 2, opensAt: '18:00', closesAt: '19:30', extraSessions: [{ date: '2026-12-24', opensAt: '10:00' }] },
    ]) as never,
  ),
).schedules;

function occurrenceSettings(input: unknown, schedules: number) {
  const o = input as { limit?: unknown; horizonDays?: unknown; timeZone?: unknown };
  return {
    limit: typeof o.limit === 'number' ? o.limit : 3,
    horizonDays: typeof o.horizonDays === 'number' ? o.horizonDays : 730,
    timeZone: typeof o.timeZone === 'string' ? o.timeZone : 'Europe/London',
    schedules,
  };
}

// ── Referral histories ─────────────────────────────────────────────────────────────────────

/** The ten-activity matcher the referral cases are evaluated against. */
export const SMALL: Matcher = createMatcher(smallCatalogue());
const QUICK = { bootstrap: { resamples: 100 } } as const;
const EDITED = { weights: { distance: 3, interests: 1 } } as const;

function inUnit(v: number | null): boolean {
  return v === null || (Number.isFinite(v) && v >= -TOLERANCE && v <= 1 + TOLERANCE);
}

function verifySummaries(summary: readonly MetricSummary[], metrics: readonly string[], referrals: number | undefined, where: string): void {
  ok(summary.map((s) => s.metric).join() === metrics.join(), () => `${where}: one summary per metric, in order`);
  for (const s of summary) {
    ok(Number.isInteger(s.n) && s.n >= 0 && (referrals === undefined || s.n <= referrals), () => `${where}: ${s.metric} n ${s.n} of ${referrals} referrals`);
    ok((s.n === 0) === (s.mean === null) && (s.mean === null) === (s.lower === null) && (s.mean === null) === (s.upper === null), () => `${where}: ${s.metric} mean and interval null exactly when n is 0`);
    ok(inUnit(s.mean) && inUnit(s.lower) && inUnit(s.upper), () => `${where}: ${s.metric} mean ${s.mean} [${s.lower}, ${s.upper}] in [0, 1]`);
    if (s.mean !== null) ok((s.lower as number) <= s.mean + TOLERANCE && s.mean <= (s.upper as number) + TOLERANCE, () => `${where}: ${s.metric} mean ${s.mean} inside [${s.lower}, ${s.upper}]`);
  }
}

function verifyEvaluation(e: Evaluation, referrals: number | undefined): void {
  const metrics = e.settings.metrics;
  if (referrals !== undefined) ok(e.rows.length === referrals * metrics.length, () => `evaluate: ${e.rows.length} rows for ${referrals} referrals × ${metrics.length} metrics`);
  ok(e.rows.every((r) => r.rules === e.label && metrics.includes(r.metric) && typeof r.referral === 'string' && inUnit(r.value)), () => 'evaluate: every row has the label, a metric and a value in [0, 1] or null');
  verifySummaries(e.summary, metrics, referrals, 'evaluate');
}

function verifyComparison(c: Comparison, referrals: number | undefined): void {
  const metrics = c.settings.metrics;
  if (referrals !== undefined) ok(c.rows.length === 2 * referrals * metrics.length, () => `compareRules: ${c.rows.length} rows for 2 × ${referrals} referrals × ${metrics.length} metrics`);
  verifySummaries(c.a, metrics, referrals, 'compareRules a');
  verifySummaries(c.b, metrics, referrals, 'compareRules b');
  for (const row of c.summary) {
    const d = row.difference;
    ok(d === null || (Number.isFinite(d) && Math.abs(d) <= 1 + TOLERANCE), () => `compareRules: ${row.metric} difference ${d} in [-1, 1]`);
    if (d !== null) ok((row.lower as number) <= d + TOLERANCE && d <= (row.upper as number) + TOLERANCE, () => `compareRules: ${row.metric} difference ${d} inside [${row.lower}, ${row.upper}]`);
  }
}

const DEFAULT_WEIGHT_SUM = FACTORS.reduce((s, f) => s + DEFAULT_RULES.weights[f], 0);

function verifyFit(f: FitWeightsResult, referrals: number | undefined): void {
  const weights = FACTORS.map((k) => f.rules.weights[k]);
  ok(weights.every((w) => Number.isFinite(w) && w >= 0), () => `fitWeights: weights ${weights.join()} finite and non-negative`);
  const sum = weights.reduce((a, b) => a + b, 0);
  ok(Math.abs(sum - DEFAULT_WEIGHT_SUM) <= 1e-9 * DEFAULT_WEIGHT_SUM, () => `fitWeights: weights add up to ${sum}, the starting ${DEFAULT_WEIGHT_SUM}`);
  ok(FACTORS.every((k) => Number.isFinite(f.coefficients[k])), () => 'fitWeights: coefficients finite');
  if (referrals !== undefined) ok(f.split.train + f.split.test === referrals && f.split.test >= 1 && f.split.train >= 1, () => `fitWeights: split ${JSON.stringify(f.split)} of ${referrals}`);
  verifySummaries(f.before, f.before.map((s) => s.metric), f.split.test, 'fitWeights before');
  verifySummaries(f.after, f.after.map((s) => s.metric), f.split.test, 'fitWeights after');
  // The learned rules are usable as they are.
  createMatcher(smallCatalogue().slice(0, 2), { rules: f.rules });
}

/** Whether `fitWeights` can fit a history at all: two referrals or more, with something taken up. */
function fittable(input: unknown): boolean {
  return Array.isArray(input) && input.length >= 2 && input.some((r: unknown) => typeof r === 'object' && r !== null && (r as { takenUp?: unknown }).takenUp !== null);
}

/** `ReferralHistorySchema` as the library reports it: the same paths and messages as `evaluate`. */
function parseHistory(input: unknown): unknown {
  const result = ReferralHistorySchema.safeParse(input);
  if (!result.success) throw new ActivityMatchError('INVALID_OPTIONS', toIssues('referrals', result.error));
  return result.data;
}

/** The schema alone cannot know the catalogue: an unknown activity id is valid to it. */
function schemaOnly(outcome: Outcome): Outcome {
  return typeof outcome === 'object' && 'code' in outcome && outcome.code === 'UNKNOWN_ACTIVITY' ? 'ok' : outcome;
}

// ── Open Referral ──────────────────────────────────────────────────────────────────────────

const SERVICE_PATH = /^(?:contents|content|services)?\[(\d+)\]|^service(?=$|\.)/;

/** The index of the service an issue path belongs to (0 for a document that is one service). */
function serviceIndex(path: string): number {
  const m = SERVICE_PATH.exec(path);
  return m?.[1] === undefined ? 0 : Number(m[1]);
}

function listLength(input: unknown): number | undefined {
  if (Array.isArray(input)) return input.length;
  if (typeof input !== 'object' || input === null) return undefined;
  const doc = input as Record<string, unknown>;
  for (const key of ['contents', 'content', 'services']) if (Array.isArray(doc[key])) return (doc[key] as unknown[]).length;
  return undefined;
}

function verifyProblems(records: readonly RejectedRecord[], services: number, what: string): void {
  const problems: string[] = [];
  let last = -1;
  for (const r of records) {
    if (!(Number.isInteger(r.index) && r.index >= 0 && r.index < Math.max(services, 1))) problems.push(`${what} index ${r.index} of ${services} services`);
    if (r.index < last) problems.push(`${what} record ${r.index} out of input order`);
    last = r.index;
    if (r.issues.length === 0) problems.push(`${what} record ${r.index} has no reason`);
    for (const issue of r.issues) {
      if (serviceIndex(issue.path) !== r.index) problems.push(`${what} issue path ${JSON.stringify(issue.path)} does not name service ${r.index}`);
      if (typeof issue.message !== 'string' || issue.message === '' || SUSPICIOUS_TEXT.test(issue.message)) problems.push(`${what} issue message ${JSON.stringify(issue.message)}`);
    }
    if (problems.length > 10) break;
  }
  expect(problems, `${what}: records in order, each with reasons at its own service's path`).toEqual([]);
  expect(MARKER_PATTERN.test(JSON.stringify(records.map((r) => r.issues))), `${what}: issues quote no planted value`).toBe(false);
}

function verifyImport(r: OpenReferralImport, input: unknown): void {
  const length = listLength(input);
  if (length !== undefined) expect(r.feed.services, 'feed.services counts the list').toBe(length);
  verifyProblems(r.rejected, r.feed.services, 'rejected');
  verifyProblems(r.warnings, r.feed.services, 'warnings');
  const ids = r.activities.map((a) => a.id);
  expect(new Set(ids).size, 'activity ids are unique').toBe(ids.length);
  expect(r.skipped.every((s) => (s.status === 'not a service' || s.path.endsWith('status')) && serviceIndex(s.path) === s.index), 'skipped services name their status field, or the record for one that is not a service').toBe(true);
  // Directory HTML is gone from the text an activity shows (tags, comments, script and style).
  const markup = r.activities.filter((a) => [a.name, a.description, a.provider, a.location.kind === 'venue' ? a.location.venue : undefined].some((t) => t !== undefined && /<\/?[a-z][^<>]*>|<!--|-->/i.test(t)));
  expect(markup.map((a) => a.id), 'imported text carries no HTML markup').toEqual([]);
  // Every activity is one a matcher takes as it is (the first 300: enough, and quick).
  const sample = r.activities.slice(0, 300);
  expect(parseCatalogue(sample).activities.length, 'imported activities pass the activity schema').toBe(sample.length);
}

/**
 * The strict import: the first service with a problem throws the issues of its first rejected
 * place (else its warnings); with none, it returns. Expected: the first path the case lists for
 * that service (rejected paths come before warned ones, each in the importer's order).
 */
function strictImport(outcome: Outcome): Outcome {
  if (typeof outcome !== 'object' || !('rejected' in outcome)) return outcome;
  const listed = [...(outcome.paths ?? []), ...(outcome.warned ?? [])];
  const problems = outcome.rejected > 0 || (outcome.warnings ?? 0) > 0 || (outcome.warned?.length ?? 0) > 0;
  if (!problems) return 'ok';
  const first = Math.min(...listed.map(serviceIndex));
  const path = listed.find((p) => serviceIndex(p) === first);
  return { code: 'INVALID_CATALOGUE', ...(path === undefined ? {} : { paths: [path] }) };
}

/** The import command prints one line per record: the counts and indices are all it can be checked on. */
function commandImport(outcome: Outcome): Outcome {
  if (typeof outcome !== 'object' || !('rejected' in outcome)) return outcome;
  const { paths: _paths, warned, ...counts } = outcome;
  // Services with warnings are still counted when the case gives a count; `warned: []` keeps "some, uncounted".
  return warned === undefined ? counts : { ...counts, warned: [] };
}

const LINE = /^(rejected|warning|skipped) #(\d+)/;

function commandRecords(r: ImportCommandResult, kind: string): RejectedRecord[] {
  return r.stderr.flatMap((line) => {
    const m = LINE.exec(line);
    return m?.[1] === kind ? [{ index: Number(m[2]), id: undefined, issues: [] }] : [];
  });
}

function verifyCommand(r: ImportCommandResult, input: unknown): void {
  const activities = JSON.parse(r.output) as unknown[];
  expect(Array.isArray(activities) && activities.length === r.counts.activities, 'output is the JSON array of the activities counted').toBe(true);
  const length = listLength(input);
  if (length !== undefined) expect(r.counts.services).toBe(length);
  expect(commandRecords(r, 'rejected').length, 'one stderr line per rejected record').toBe(r.counts.rejected);
  expect(commandRecords(r, 'warning').length, 'one stderr line per record with warnings').toBe(r.counts.warnings);
  expect(commandRecords(r, 'skipped').length, 'one stderr line per skipped service').toBe(r.counts.skipped);
  expect(r.stderr[0]?.startsWith(`imported ${r.counts.activities} `), 'the summary line comes first').toBe(true);
  expect(r.stderr.some((l) => MARKER_PATTERN.test(l)), 'stderr quotes no planted value').toBe(false);
}

// ── Runners ────────────────────────────────────────────────────────────────────────────────

const asMatcher = (r: unknown) => r as Matcher;
const matcherData = (r: unknown) => ({ activities: asMatcher(r).activities, rejected: asMatcher(r).rejected, rules: asMatcher(r).rules });

export const RUNNERS: Record<Entry, readonly Call[]> = {
  catalogue: [
    { label: 'createMatcher(input)', run: (input) => createMatcher(input as never), verify: (r, input) => verifyMatcher(asMatcher(r), lengthOf(input), false), data: matcherData },
    { label: 'parseCatalogue(input, { lenient: false })', run: (input) => parseCatalogue(input, { lenient: false }), verify: (r, input) => verifyParsed(r as ParsedCatalogue, lengthOf(input), false), data: (r) => r },
  ],
  'lenient-catalogue': [
    {
      label: 'createMatcher(input, { lenient: true })',
      run: (input) => createMatcher(input, { lenient: true }),
      verify: (r, input) => verifyMatcher(asMatcher(r), lengthOf(input), true),
      data: matcherData,
      rejected: (r) => asMatcher(r).rejected,
    },
    {
      label: 'parseCatalogue(input, { lenient: true })',
      run: (input) => parseCatalogue(input, { lenient: true }),
      verify: (r, input) => verifyParsed(r as ParsedCatalogue, lengthOf(input), true),
      data: (r) => r,
      rejected: (r) => (r as ParsedCatalogue).rejected,
    },
  ],
  client: [
    {
      label: 'recommend(input, { at, limit: 100 })',
      run: (input) => BASE.recommend(input as never, { at: AT, limit: 100 }),
      verify: (r, input) => {
        verifyRecommendations(r as Recommendation[], AT_DATE, 100);
        verifyEveryActivity(BASE, input, AT, undefined);
      },
      data: (r) => r,
    },
    { label: "explain(input, 'a1', { at })", run: (input) => BASE.explain(input as never, 'a1', { at: AT }), verify: (r) => verifyExplanation(r as Explanation, AT_DATE), data: (r) => r },
  ],
  options: [
    {
      label: 'recommend(CLIENT, input)',
      run: (input) => BASE.recommend(fullClient(), input as never),
      verify: (r, input) => {
        verifyRecommendations(r as Recommendation[], instantOf(input), limitOf(input));
        const { at, rules } = input as { at: unknown; rules?: unknown };
        verifyEveryActivity(BASE, fullClient(), at, rules);
      },
      data: (r) => r,
    },
    {
      label: 'recommend(CLIENT with free text, input)',
      run: (input) => BASE.recommend(validClient(), input as never),
      verify: (r, input) => {
        verifyRecommendations(r as Recommendation[], instantOf(input), limitOf(input));
        const { at, rules } = input as { at: unknown; rules?: unknown };
        verifyEveryActivity(BASE, validClient(), at, rules);
      },
      data: (r) => r,
    },
  ],
  'explain-options': [
    { label: "explain(CLIENT, 'a2', input)", run: (input) => BASE.explain(fullClient(), 'a2', input as never), verify: (r, input) => verifyExplanation(r as Explanation, instantOf(input)), data: (r) => r },
    { label: "explain(CLIENT, 'a4', input)", run: (input) => BASE.explain(fullClient(), 'a4', input as never), verify: (r, input) => verifyExplanation(r as Explanation, instantOf(input)), data: (r) => r },
  ],
  'explain-id': [{ label: 'explain(CLIENT, input, { at })', run: (input) => BASE.explain(fullClient(), input as string, { at: AT }), verify: (r) => verifyExplanation(r as Explanation, AT_DATE), data: (r) => r }],
  rules: [
    { label: 'createMatcher(CATALOGUE, { rules: input })', run: (input) => createMatcher(catalogue(), { rules: input as never }), verify: (r) => verifyMatcher(asMatcher(r), 5, false), data: matcherData },
    {
      label: 'recommend(CLIENT, { at, limit: 100, rules: input })',
      run: (input) => BASE.recommend(fullClient(), { at: AT, limit: 100, rules: input as never }),
      translate: rulesAsOptions,
      verify: (r, input) => {
        verifyRecommendations(r as Recommendation[], AT_DATE, 100);
        verifyEveryActivity(BASE, fullClient(), AT, input);
      },
      data: (r) => r,
    },
    {
      label: "explain(CLIENT, 'a1', { at, rules: input })",
      run: (input) => BASE.explain(validClient(), 'a1', { at: AT, rules: input as never }),
      translate: rulesAsOptions,
      verify: (r) => verifyExplanation(r as Explanation, AT_DATE),
      data: (r) => r,
    },
  ],
  'matcher-options': [
    {
      label: 'createMatcher(CATALOGUE, input)',
      run: (input) => createMatcher(catalogue(), input as never),
      verify: (r) => verifyMatcher(asMatcher(r), 5, false),
      data: matcherData,
    },
  ],
  'parse-options': [
    {
      label: 'parseCatalogue(CATALOGUE, input)',
      run: (input) => parseCatalogue(catalogue(), input as never),
      verify: (r) => verifyParsed(r as ParsedCatalogue, 5, false),
      data: (r) => r,
    },
  ],

  schedule: [
    { label: 'createMatcher([x1 with schedules: input])', run: (input) => createMatcher(scheduled(input) as never), verify: (r) => verifyMatcher(asMatcher(r), 1, false), data: matcherData },
    { label: 'parseCatalogue([x1 with schedules: input])', run: (input) => parseCatalogue(scheduled(input)), verify: (r) => verifyParsed(r as ParsedCatalogue, 1, false), data: (r) => r },
    {
      label: "explain(CLIENT, 'x1', { at }) on it",
      run: (input) => createMatcher(scheduled(input) as never).explain(fullClient(), 'x1', { at: AT }),
      verify: (r) => verifyExplanation(r as Explanation, AT_DATE),
      data: (r) => r,
      upcoming: (r) => explainedUpcoming(r as Explanation),
    },
    {
      label: 'recommend(CLIENT, { at, limit: 100 }) on it',
      run: (input) => createMatcher(scheduled(input) as never).recommend(validClient(), { at: AT, limit: 100 }),
      verify: (r) => verifyRecommendations(r as Recommendation[], AT_DATE, 100),
      data: (r) => r,
      upcoming: (r) => {
        const x1 = (r as Recommendation[]).find((x) => x.id === 'x1');
        return x1 === undefined ? { sessions: 0, saysNone: true } : explainedUpcoming(x1);
      },
    },
    {
      label: 'nextOccurrences(its schedules, { at, limit: 50 })',
      run: (input) => {
        const { schedules, timeZone } = schedulesOf(createMatcher(scheduled(input) as never));
        return nextOccurrences(schedules, { at: AT_DATE, timeZone, limit: 50 });
      },
      verify: (r, input) => verifyOccurrences(r as Occurrence[], AT_DATE, { limit: 50, horizonDays: 730, timeZone: 'Europe/London', schedules: Array.isArray(input) ? input.length : 0 }),
      data: (r) => r,
      upcoming: (r) => ({ sessions: (r as Occurrence[]).length, saysNone: true }),
    },
  ],
  'occurrence-options': [
    {
      label: 'nextOccurrences(SCHEDULES, input)',
      run: (input) => nextOccurrences(SCHEDULES, input as never),
      verify: (r, input) => verifyOccurrences(r as Occurrence[], instantOf(input), occurrenceSettings(input, SCHEDULES.length)),
      data: (r) => r,
    },
    {
      label: 'nextOccurrences([], input)',
      run: (input) => nextOccurrences([], input as never),
      verify: (r) => expect(r).toEqual([]),
      data: (r) => r,
    },
  ],
  referrals: [
    { label: 'ReferralHistorySchema.safeParse(input)', run: parseHistory, translate: schemaOnly, verify: () => {}, data: () => null },
    {
      label: 'evaluate(DEFAULT_RULES, input, { catalogue })',
      run: (input) => evaluate(DEFAULT_RULES, input, { catalogue: smallCatalogue(), ...QUICK }),
      verify: (r, input) => verifyEvaluation(r as Evaluation, lengthOf(input)),
      data: (r) => r,
    },
    {
      label: "evaluate(MATCHER, input, { candidates: 'catalogue', relevance: 'graded' })",
      run: (input) => evaluate(SMALL, input, { candidates: 'catalogue', relevance: 'graded', metrics: ['ndcg@10', 'hit@3'], ...QUICK }),
      verify: (r, input) => verifyEvaluation(r as Evaluation, lengthOf(input)),
      data: (r) => r,
    },
    {
      label: 'compareRules(DEFAULT_RULES, EDITED, input, { catalogue: MATCHER })',
      run: (input) => compareRules(DEFAULT_RULES, EDITED, input, { catalogue: SMALL, relevance: 'attended', ...QUICK }),
      verify: (r, input) => verifyComparison(r as Comparison, lengthOf(input)),
      data: (r) => r,
    },
    {
      label: 'fitWeights(input, MATCHER)',
      run: (input) => fitWeights(input, SMALL, { maxIterations: 50, ...QUICK }),
      // An accepted history too small to fit is rejected as such.
      translate: (outcome, input) => (outcome === 'ok' && !fittable(input) ? { code: 'INVALID_OPTIONS', paths: ['referrals'] } : outcome),
      verify: (r, input) => verifyFit(r as FitWeightsResult, lengthOf(input)),
      data: (r) => r,
    },
  ],
  'open-referral': [
    {
      label: 'fromOpenReferral(input)',
      run: (input) => fromOpenReferral(input),
      verify: (r, input) => verifyImport(r as OpenReferralImport, input),
      data: (r) => r,
      rejected: (r) => (r as OpenReferralImport).rejected,
      warnings: (r) => (r as OpenReferralImport).warnings,
      skipped: (r) => (r as OpenReferralImport).skipped.length,
    },
    {
      label: 'fromOpenReferral(input, { strict: true })',
      run: (input) => fromOpenReferral(input, { strict: true }),
      translate: strictImport,
      verify: (r, input) => {
        verifyImport(r as OpenReferralImport, input);
        expect((r as OpenReferralImport).rejected.length + (r as OpenReferralImport).warnings.length, 'a strict import that returns has no problem').toBe(0);
      },
      data: (r) => r,
    },
    {
      label: 'runImportCommand(input)',
      run: (input) => runImportCommand(input),
      translate: commandImport,
      verify: (r, input) => verifyCommand(r as ImportCommandResult, input),
      data: (r) => r,
      rejected: (r) => commandRecords(r as ImportCommandResult, 'rejected'),
      warnings: (r) => commandRecords(r as ImportCommandResult, 'warning'),
      skipped: (r) => (r as ImportCommandResult).counts.skipped,
    },
  ],
  ...HELPER_RUNNERS,
};
