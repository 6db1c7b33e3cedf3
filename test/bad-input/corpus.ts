// The hostile-input corpus: types, shared fixtures and builders of nasty values.
//
// A case is data: which entry point gets the input, the input (or a factory for values that
// are cyclic, huge, frozen or exotic), and what must happen. `walk.test.ts` runs every case
// in `cases/*.ts` through every call of its entry point (see `runners.ts`) and checks the
// outcome plus the invariants that hold for all input: no other error type, no hang, no
// marker value in an error, no prototype pollution, no mutation, JSON-serialisable output.
import catalogueFixture from '../../fixtures/catalogue.json';
import type { ActivityInput, ClientProfileInput, ErrorCode } from '../../src/index.js';
import { activity, AT, CENTRE, client, north } from '../helpers.js';

export { AT };

/**
 * The entry points under test. Add a new one here, give it a runner in `runners.ts` and put
 * its cases in a new file under `cases/`: the walker picks every file up.
 */
export type Entry =
  /** `createMatcher(input)` and `parseCatalogue(input)`, strict. Paths `activities[i]…`. */
  | 'catalogue'
  /** `createMatcher(input, { lenient: true })` and `parseCatalogue(input, { lenient: true })`. */
  | 'lenient-catalogue'
  /** `matcher.recommend(input, { at })` and `matcher.explain(input, 'a1', { at })`. Paths `client…`. */
  | 'client'
  /** `matcher.recommend(CLIENT, input)`. Paths `options…`. */
  | 'options'
  /** `matcher.explain(CLIENT, 'a1', input)`. Paths `options…`. */
  | 'explain-options'
  /** `matcher.explain(CLIENT, input, { at })`. Path `activityId`. */
  | 'explain-id'
  /**
   * Matching rules, given three ways: `createMatcher(CATALOGUE, { rules: input })` (code
   * `INVALID_RULES`, paths `rules…`, as written in the case), and `recommend` / `explain`
   * with `{ at, rules: input }` (code `INVALID_OPTIONS`, paths `options.rules…`).
   */
  | 'rules'
  /** `createMatcher(CATALOGUE, input)`: the matcher options themselves. */
  | 'matcher-options'
  /** `parseCatalogue(CATALOGUE, input)`: the parse options themselves. */
  | 'parse-options'
  /**
   * An activity's `schedules` field (HSDS 3.0 schedules in camelCase): `createMatcher` and
   * `parseCatalogue` of a one-activity catalogue (id `x1`), then `explain`, `recommend` and
   * `nextOccurrences` of the compiled activity. Paths `activities[0].schedules…`.
   */
  | 'schedule'
  /** `nextOccurrences(SCHEDULES, input)` and `nextOccurrences([], input)`. Paths `at`, `limit`, … (no prefix). */
  | 'occurrence-options'
  /**
   * A referral history: `ReferralHistorySchema`, `evaluate` (offered and whole-catalogue
   * candidates), `compareRules` and `fitWeights`, on a ten-activity catalogue. Code
   * `INVALID_OPTIONS` with paths `referrals…`, or `UNKNOWN_ACTIVITY`.
   */
  | 'referrals'
  /**
   * An Open Referral document: `fromOpenReferral(input)` (lenient: write the outcome as
   * `{ rejected, … }`), `fromOpenReferral(input, { strict: true })` and `runImportCommand(input)`.
   */
  | 'open-referral'
  // Issue #21, the edges of the public surface (calls in helper-runners.ts):
  /** A text argument: foldText, slugify, normaliseTag, resolveKeyword, stripHtml, vocabulary look-ups and matches. Path `text`. */
  | 'text'
  /** `createVocabulary(input)`. Paths `terms…`. */
  | 'terms'
  /** `capacityStatus(input)`. Paths `capacity…`. */
  | 'capacity'
  /** `canJoin(input, at)`. Paths `programme…`. */
  | 'programme'
  /** `sessionFit(input, availability)`. Paths `session…`. */
  | 'session'
  /** `sessionFit(window, input)`. Paths `availability…`. */
  | 'availability'
  /** `weeklySlotMask(input)` (and its overlap with a mask). Paths `windows…`. */
  | 'windows'
  /** `fromHsdsSchedule(input)`. Path `schedule`. */
  | 'hsds-schedule'
  /** A ranked list given to the metrics. Paths `ranked…`. */
  | 'ranked'
  /** Judgements given to the metrics. Path `qrels`. */
  | 'qrels'
  /** A cut-off given to the metrics (and a rank to `exposure`). Path `k`. */
  | 'metric-k'
  /** `fitWeights(HISTORY, SMALL, input)`. Paths `options…`. */
  | 'fit-options'
  /** `fitWeights(input, SMALL, { l2: 0 })`: a fit, or `INVALID_OPTIONS` at `referrals` when the history cannot identify the weights. */
  | 'fit-no-penalty'
  /** An argument list spread into every exported factor function: a value in [0, 1] or `INVALID_OPTIONS`. */
  | 'factor-args';

/** What must happen. */
export type Outcome =
  /** Returns normally, and the result passes every invariant of its kind. */
  | 'ok'
  /** Throws an `ActivityMatchError` with this code; each listed path is among the issue paths. */
  | { readonly code: ErrorCode; readonly paths?: readonly string[] }
  /**
   * A lenient load returns, leaving out exactly this many records (at these indices, if given).
   * For imports (`open-referral`), also: issue paths that must be among the rejected records'
   * (`paths`) and among the warnings' (`warned`), the number of services with warnings
   * (`warnings`; 0 unless `warned` is given, when it is only counted if stated) and of skipped
   * services (`skipped`, counted if stated). The strict import must then throw
   * `INVALID_CATALOGUE` naming the first service with a problem, or return when there is none.
   */
  | {
      readonly rejected: number;
      readonly indices?: readonly number[];
      readonly paths?: readonly string[];
      readonly warned?: readonly string[];
      readonly warnings?: number;
      readonly skipped?: number;
    }
  /**
   * Returns normally, and the activity's timetable gives no upcoming session (`'none'`: the
   * explanation says so) or at least one (`'some'`). Calls that find no sessions just return.
   */
  | { readonly upcoming: 'none' | 'some' }
  /**
   * The exception raised by the input itself propagates: `planted` is {@link PLANTED} thrown by
   * a getter or proxy trap of the input, `engine` the engine's TypeError for a revoked proxy.
   * Only the exported zod schemas (zod's own API) let it through; every function of the
   * library reports it as an `ActivityMatchError` with its path (issue #21).
   */
  | { readonly propagates: 'planted' | 'engine' };

export interface BadInputCase {
  readonly name: string;
  readonly entry: Entry;
  /** The input, when it is a plain value that survives being shared across calls. */
  readonly input?: unknown;
  /** Builds the input afresh for each call (cyclic, huge, frozen or exotic values). */
  readonly make?: () => unknown;
  /** What must happen; an array lists acceptable alternatives (each call must meet one). */
  readonly expect: Outcome | readonly Outcome[];
  /**
   * A bug in src: the case states the correct behaviour and is skipped until the bug is
   * fixed (the lead removes the flag with the fix).
   */
  readonly knownBug?: string;
  /** Wall-clock budget per call in ms (default {@link DEFAULT_BUDGET_MS}). */
  readonly budgetMs?: number;
}

export const DEFAULT_BUDGET_MS = 2000;

/** Planted in free text and in invalid values: it must never appear in an error. */
export const MARKER = 'SECRET-MARKER-123';
/** How the walker looks for a leaked marker (case-insensitive, so slugs are caught too). */
export const MARKER_PATTERN = /secret.?marker/i;

/** The exception thrown by getters and proxy traps in the corpus. */
export const PLANTED = new Error('planted by the bad-input corpus');

/** A getter that throws {@link PLANTED}. */
export function throwingGetter<T extends object>(target: T, key: string): T {
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get() {
      throw PLANTED;
    },
  });
  return target;
}

/** About 10 MB of text made of the marker (so any echo of it is caught). */
export function hugeMarker(): string {
  return `${MARKER} `.repeat(Math.ceil((10 * 1024 * 1024) / (MARKER.length + 1)));
}

/** 10 MB of punctuation between letters: the worst case for text folding. */
export function hugePunctuated(): string {
  return 'a!'.repeat(5 * 1024 * 1024);
}

/** 10 MB of one-letter words ("a a a …"): valid-looking folded text. */
export function hugeWords(): string {
  return 'a '.repeat(5 * 1024 * 1024);
}

/** `levels` arrays nested in one another around a marker. */
export function deepArrays(levels = 10_000): unknown {
  let v: unknown = MARKER;
  for (let i = 0; i < levels; i++) v = [v];
  return v;
}

/** `levels` objects nested in one another around a marker. */
export function deepObjects(levels = 10_000): unknown {
  let v: unknown = { leaf: MARKER };
  for (let i = 0; i < levels; i++) v = { nested: v };
  return v;
}

/** Freezes a value and everything it reaches. */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    Object.freeze(v);
    for (const child of Object.values(v)) stack.push(child);
  }
  return value;
}

/** Own-property objects from JSON text, so `__proto__` and friends are real own keys. */
export function json(text: string): unknown {
  return JSON.parse(text);
}

/** A revoked proxy: every operation on it throws a TypeError. */
export function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

/** A proxy over `target` whose `ownKeys` trap throws {@link PLANTED}. */
export function keysThrow<T extends object>(target: T): T {
  return new Proxy(target, {
    ownKeys() {
      throw PLANTED;
    },
  });
}

/** An object posing as a Date: Date.prototype without the internal slot. */
export function fakeDate(): Date {
  return Object.create(Date.prototype) as Date;
}

// ── Fixtures ───────────────────────────────────────────────────────────────────────────────

/** A small catalogue covering each location kind, sessions and none, gym, restrictions. */
export function catalogue(): ActivityInput[] {
  return [
    activity('a1'),
    activity('a2', {
      category: 'physical-activity',
      tags: ['gym', 'exercise on referral'],
      intensity: 'moderate',
      groupSize: 'small',
      location: { kind: 'venue', ...north(2) },
      cost: { level: 'low', amountGBP: 15, per: 'month', freePeriod: { weeks: 10, sessionsPerWeek: 2 } },
      eligibility: { minAge: 18, referralRoutes: ['gp'] },
      sessions: [
        { day: 'mon', start: '09:00', end: '10:00' },
        { day: 'thu', start: '18:00', end: '19:30' },
      ],
    }),
    // By appointment, cost not recorded, never verified.
    { id: 'a3', name: 'Computer help online', category: 'learning', location: { kind: 'online' }, tags: ['computers'] },
    activity('a4', {
      category: 'befriending',
      location: { kind: 'home' },
      needs: ['loneliness'],
      supported: true,
      groupSize: 'one-to-one',
      sessions: [
        { day: 'mon', start: '10:00', end: '11:00' },
        { day: 'fri', start: '14:00', end: '15:00' },
      ],
    }),
    activity('a5', {
      category: 'social',
      tags: ['singing'],
      languages: ['pl'],
      timeZone: 'Europe/Warsaw',
      eligibility: { genders: ['female'] },
      location: { kind: 'venue', ...north(4) },
      accessibility: {},
    }),
  ];
}

/** A valid client, with the marker planted in every free-text field. */
export function validClient(overrides: Partial<ClientProfileInput> = {}): ClientProfileInput {
  return client({
    id: MARKER,
    home: { ...CENTRE, postcode: 'S1 2AB' },
    interests: ['singing', MARKER],
    avoid: [`${MARKER} crowds`],
    conditions: ['COPD'],
    ...overrides,
  });
}

/** A client whose every field is present and valid. */
export function fullClient(): ClientProfileInput {
  return {
    id: 'client-1',
    age: 67,
    gender: 'female',
    home: { lat: 53.41, lon: -1.46, postcode: 'S5 7AU' },
    conditions: ['copd', 'anxiety'],
    activation: 2,
    needs: ['loneliness', 'debt'],
    loneliness: 'often-or-always',
    interests: ['singing', 'bee keeping'],
    avoid: ['gym'],
    availability: [
      { day: 'mon', start: '09:00', end: '12:00' },
      { day: 'thu', start: '13:00', end: '16:00' },
    ],
    travel: { maxKm: 5, mode: 'public-transport' },
    housebound: false,
    budget: 'low',
    accessibility: { wheelchair: false, stepFree: true, hearingLoop: true },
    languages: ['en', 'pl'],
    referredBy: 'gp',
  };
}

/** The activity the single-activity cases start from. */
export function baseActivity(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...activity('x1'), ...overrides };
}

/** A one-activity catalogue with `overrides` applied to the activity. */
export function withActivity(overrides: Record<string, unknown>): unknown[] {
  return [baseActivity(overrides)];
}

/** A valid client with `overrides` (fields may be set to anything). */
export function withClient(overrides: Record<string, unknown>): Record<string, unknown> {
  return { ...validClient(), ...overrides };
}

// ── Referral histories ─────────────────────────────────────────────────────────────────────

/** The ten-activity catalogue the referral cases are evaluated on (first ten of the fixture). */
export function smallCatalogue(): ActivityInput[] {
  return structuredClone(catalogueFixture.slice(0, 10)) as ActivityInput[];
}

/** Ids of {@link smallCatalogue}, for offers. */
export const SMALL_IDS = ['ers-leisure-centre-gym', 'gentle-move-studio', 'healthy-lungs-course', 'debt-advice-drop-in', 'benefits-advice', 'housing-advice', 'online-money-advice', 'telephone-befriending', 'home-visiting-befriending', 'health-walk-endcliffe'] as const;

/**
 * A valid referral on {@link smallCatalogue}, with the marker in the client's free text:
 * three offers, the second taken up and attended. `overrides` may set any field to anything.
 */
export function referral(id = 'r1', overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    date: '2026-03-02',
    client: { id: `c-${id}`, age: 67, activation: 2, conditions: ['COPD'], needs: ['debt'], interests: ['walking', MARKER], home: { ...CENTRE } },
    offered: [
      { activityId: 'debt-advice-drop-in', rank: 1 },
      { activityId: 'benefits-advice', rank: 2 },
      { activityId: 'health-walk-endcliffe', rank: 3 },
    ],
    takenUp: 'benefits-advice',
    attended: true,
    completed: false,
    ...overrides,
  };
}

/**
 * A small valid history with every outcome (nothing taken up, taken up, attended, completed)
 * and both kinds of support, enough for `fitWeights` to hold some out and fit.
 */
export function history(): Record<string, unknown>[] {
  const offers = (...ids: string[]) => ids.map((activityId, i) => ({ activityId, rank: i + 1 }));
  return [
    referral('r1'),
    referral('r2', { offered: offers('telephone-befriending', 'home-visiting-befriending', 'gentle-move-studio'), takenUp: 'telephone-befriending', attended: true, completed: true, wellbeing: { scale: 'WEMWBS', before: 38, after: 43, change: 5 } }),
    referral('r3', { date: '2026-05-11', offered: offers('health-walk-endcliffe', 'healthy-lungs-course'), takenUp: null, attended: false, support: 'list-only' }),
    referral('r4', { offered: offers('housing-advice', 'debt-advice-drop-in', 'online-money-advice'), takenUp: 'debt-advice-drop-in', attended: false }),
    referral('r5', { date: '2025-12-30', client: { age: 40, activation: 4, needs: ['physical-activity'], interests: ['gym'] }, offered: offers('ers-leisure-centre-gym', 'gentle-move-studio', 'health-walk-endcliffe'), takenUp: 'ers-leisure-centre-gym', attended: true, completed: true }),
    referral('r6', { offered: offers('benefits-advice', 'online-money-advice'), takenUp: 'online-money-advice', attended: true, support: 'list-only', wellbeing: { scale: 'ONS4', before: { lifeSatisfaction: 4, worthwhile: 5, happiness: 4, anxiety: 7 } } }),
    referral('r7', { date: '2026-06-01', offered: offers('home-visiting-befriending', 'telephone-befriending'), takenUp: 'home-visiting-befriending', attended: true, completed: false, wellbeing: { scale: 'SWEMWBS', before: 20.1, after: 20.3, change: 0.2 } }),
    referral('r8', { offered: offers('healthy-lungs-course', 'gentle-move-studio', 'health-walk-endcliffe'), takenUp: 'healthy-lungs-course', attended: false }),
  ];
}

/** {@link history} with `overrides` applied to the referral at `index`. */
export function historyWith(index: number, overrides: Record<string, unknown>): Record<string, unknown>[] {
  const h = history();
  h[index] = { ...h[index], ...overrides };
  return h;
}

// ── Open Referral ──────────────────────────────────────────────────────────────────────────

/** An HSDS 3.0 location a venue can be made of. */
export function orLocation(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, location_type: 'physical', name: 'Heeley Hall', latitude: 53.36, longitude: -1.47, addresses: [{ address_1: '1 Gleadless Road', city: 'Sheffield', postal_code: 'S2 3AA', address_type: 'physical' }], ...overrides };
}

/**
 * An HSDS 3.0 service that imports cleanly (one activity `id@loc-id`, no warning), with the
 * marker in its free text. `overrides` may set any field to anything.
 */
export function orService(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    name: 'Chair yoga',
    description: `<p>Gentle chair-based yoga for older adults.</p><p>${MARKER}</p>`,
    status: 'active',
    assured_date: '2026-01-10',
    cost_options: [{ id: `${id}-cost`, option: 'Everyone', amount: 0 }],
    attributes: [{ id: `${id}-attr`, taxonomy_term: { id: 'term-pa', name: 'Physical activity' } }],
    schedules: [{ id: `${id}-sch`, freq: 'WEEKLY', byday: 'TU', opens_at: '10:00:00Z', closes_at: '11:00:00Z' }],
    service_at_locations: [{ id: `${id}-sal`, location: orLocation(`loc-${id}`) }],
    ...overrides,
  };
}

/** A UK v3 API page (HSDS 3.0 `/services`) of `contents`. */
export function v3Page(contents: unknown): Record<string, unknown> {
  const n = Array.isArray(contents) ? contents.length : 0;
  return { total_items: n, total_pages: 1, page_number: 1, size: 50, first_page: true, last_page: true, empty: n === 0, contents };
}

/** A page of three clean services with `service` (overriding `s2`) in the middle. */
export function pageAround(overrides: Record<string, unknown>): Record<string, unknown> {
  return v3Page([orService('s1'), orService('s2', overrides), orService('s3')]);
}
