// How each entry point is called, and the invariants every normal return must satisfy.
import { expect } from 'vitest';
import { createMatcher, DEFAULT_RULES, ELIGIBILITY_RULES, FACTORS, parseCatalogue } from '../../src/index.js';
import type { Explanation, Matcher, ParsedCatalogue, Recommendation, RejectedRecord, SessionTime } from '../../src/index.js';
import { AT, catalogue, fullClient, MARKER_PATTERN, validClient } from './corpus.js';
import type { Entry, Outcome } from './corpus.js';

/** One way of calling an entry point. */
export interface Call {
  readonly label: string;
  run(input: unknown): unknown;
  /** This call's form of an outcome written for the entry (codes and path prefixes). */
  translate?(outcome: Outcome): Outcome;
  /** Checks the invariants of a normal return; `input` is the input it was given. */
  verify(result: unknown, input: unknown): void;
  /** The part of a normal return that must survive a JSON round trip. */
  data(result: unknown): unknown;
  /** The records a lenient call left out. */
  rejected?(result: unknown): readonly RejectedRecord[];
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
  for (const a of m.activities.slice(0, 20)) verifyExplanation(m.explain(client, a.id, options as never), when);
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

// ── Runners ────────────────────────────────────────────────────────────────────────────────

const asMatcher = (r: unknown) => r as Matcher;
const matcherData = (r: unknown) => ({ activities: asMatcher(r).activities, rejected: asMatcher(r).rejected, rules: asMatcher(r).rules });

export const RUNNERS: Record<Entry, readonly Call[]> = {
  catalogue: [
    { label: 'createMatcher(input)', run: (input) => createMatcher(input), verify: (r, input) => verifyMatcher(asMatcher(r), lengthOf(input), false), data: matcherData },
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
      run: (input) => BASE.recommend(input, { at: AT, limit: 100 }),
      verify: (r, input) => {
        verifyRecommendations(r as Recommendation[], AT_DATE, 100);
        verifyEveryActivity(BASE, input, AT, undefined);
      },
      data: (r) => r,
    },
    { label: "explain(input, 'a1', { at })", run: (input) => BASE.explain(input, 'a1', { at: AT }), verify: (r) => verifyExplanation(r as Explanation, AT_DATE), data: (r) => r },
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
};
