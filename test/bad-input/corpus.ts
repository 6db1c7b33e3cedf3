// The hostile-input corpus: types, shared fixtures and builders of nasty values.
//
// A case is data: which entry point gets the input, the input (or a factory for values that
// are cyclic, huge, frozen or exotic), and what must happen. `walk.test.ts` runs every case
// in `cases/*.ts` through every call of its entry point (see `runners.ts`) and checks the
// outcome plus the invariants that hold for all input: no other error type, no hang, no
// marker value in an error, no prototype pollution, no mutation, JSON-serialisable output.
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
  | 'parse-options';

/** What must happen. */
export type Outcome =
  /** Returns normally, and the result passes every invariant of its kind. */
  | 'ok'
  /** Throws an `ActivityMatchError` with this code; each listed path is among the issue paths. */
  | { readonly code: ErrorCode; readonly paths?: readonly string[] }
  /** A lenient load returns, leaving out exactly this many records (at these indices, if given). */
  | { readonly rejected: number; readonly indices?: readonly number[] }
  /**
   * The exception raised by the input itself propagates: `planted` is {@link PLANTED} thrown by
   * a getter or proxy trap of the input (the library does not swallow exceptions it did not
   * raise, and is left working); `engine` is the engine's TypeError for a revoked proxy.
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
