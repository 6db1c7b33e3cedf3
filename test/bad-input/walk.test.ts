// Walks the hostile-input corpus (issue #7): every case in cases/*.ts, through every call of
// its entry point. Each call must return normally (only where the case expects it) or throw
// an ActivityMatchError with the expected code and paths; and, whatever happens: no other
// error type, within the time budget, no planted marker in the error, Object.prototype
// untouched, the input unchanged, output and error JSON-serialisable, the shared matcher
// still answering exactly as before.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ActivityMatchError, DEFAULT_RULES, ERROR_CODES } from '../../src/index.js';
import { DEFAULT_BUDGET_MS, MARKER_PATTERN, PLANTED } from './corpus.js';
import type { RejectedRecord } from '../../src/index.js';
import type { BadInputCase, Entry, Outcome } from './corpus.js';
import { plainView, prototypeKeys, snapshot, snapshotDifference } from './inspect.js';
import { canary, RUNNERS } from './runners.js';
import type { Call } from './runners.js';

const CASE_DIR = new URL('./cases/', import.meta.url);
const files = readdirSync(CASE_DIR)
  .filter((f) => f.endsWith('.ts'))
  .sort();
const corpus: { file: string; cases: readonly BadInputCase[] }[] = [];
for (const file of files) {
  const mod = (await import(new URL(file, CASE_DIR).href)) as { cases?: unknown };
  corpus.push({ file, cases: (mod.cases ?? []) as readonly BadInputCase[] });
}
const allCases = corpus.flatMap((c) => c.cases);

/** Set BAD_INPUT_KNOWN_BUGS=1 to run the known-bug cases too (they fail until fixed). */
const RUN_KNOWN_BUGS = process.env['BAD_INPUT_KNOWN_BUGS'] === '1';
const BASELINE = canary();
const DEFAULTS_JSON = JSON.stringify(DEFAULT_RULES);
const PROTOTYPES = prototypeKeys();

type Happened = { readonly kind: 'return'; readonly value: unknown } | { readonly kind: 'throw'; readonly error: unknown };

function describeError(error: unknown): string {
  if (error instanceof ActivityMatchError) return `ActivityMatchError ${error.code} at [${error.issues.map((i) => i.path).join(', ')}]`;
  if (error instanceof Error) return `${error.name}: ${error.message.slice(0, 200)}`;
  return `a thrown ${typeof error}`;
}

/** Why `happened` does not meet `outcome`, or undefined when it does. */
function mismatch(outcome: Outcome, happened: Happened, call: Call): string | undefined {
  if (outcome === 'ok') return happened.kind === 'return' ? undefined : `expected a normal return, got ${describeError(happened.error)}`;
  if ('rejected' in outcome) {
    if (happened.kind === 'throw') return `expected a lenient load, got ${describeError(happened.error)}`;
    if (call.rejected === undefined) return 'a rejection count is only meaningful for a lenient call';
    const rejected = call.rejected(happened.value);
    if (rejected.length !== outcome.rejected) return `expected ${outcome.rejected} rejected, got ${rejected.length}`;
    if (outcome.indices && rejected.map((r) => r.index).join() !== outcome.indices.join()) return `expected rejected indices [${outcome.indices.join()}], got [${rejected.map((r) => r.index).join()}]`;
    const missing = missingPaths(outcome.paths, rejected);
    if (missing.length > 0) return `expected paths [${missing.join(', ')}] among the rejected records' issues [${issuePaths(rejected).join(', ')}]`;
    if (call.warnings !== undefined) {
      const warnings = call.warnings(happened.value);
      const count = outcome.warnings ?? (outcome.warned ? undefined : 0);
      if (count !== undefined && warnings.length !== count) return `expected ${count} services with warnings, got ${warnings.length} [${issuePaths(warnings).join(', ')}]`;
      const unwarned = missingPaths(outcome.warned, warnings);
      if (unwarned.length > 0) return `expected paths [${unwarned.join(', ')}] among the warnings [${issuePaths(warnings).join(', ')}]`;
    }
    if (outcome.skipped !== undefined && call.skipped !== undefined && call.skipped(happened.value) !== outcome.skipped) return `expected ${outcome.skipped} skipped, got ${call.skipped(happened.value)}`;
    return undefined;
  }
  if ('upcoming' in outcome) {
    if (happened.kind === 'throw') return `expected a normal return, got ${describeError(happened.error)}`;
    if (call.upcoming === undefined) return undefined;
    const found = call.upcoming(happened.value);
    if (outcome.upcoming === 'some') return found.sessions > 0 ? undefined : 'expected at least one upcoming session, found none';
    if (found.sessions > 0) return `expected no upcoming session, found ${found.sessions}`;
    return found.saysNone ? undefined : 'found no upcoming session, but the result does not say so';
  }
  if ('propagates' in outcome) {
    if (happened.kind === 'return') return `expected the input's own exception to propagate, got a normal return`;
    if (outcome.propagates === 'planted') return happened.error === PLANTED ? undefined : `expected the planted exception to propagate unchanged, got ${describeError(happened.error)}`;
    return happened.error instanceof TypeError ? undefined : `expected the engine's TypeError, got ${describeError(happened.error)}`;
  }
  if (happened.kind === 'return') return `expected ActivityMatchError ${outcome.code}, got a normal return`;
  const error = happened.error;
  if (!(error instanceof ActivityMatchError)) return `expected ActivityMatchError ${outcome.code}, got ${describeError(error)}`;
  if (error.code !== outcome.code) return `expected code ${outcome.code}, got ${describeError(error)}`;
  const paths = error.issues.map((i) => i.path);
  const missing = (outcome.paths ?? []).filter((p) => !paths.includes(p));
  if (missing.length > 0) return `expected issue paths [${missing.join(', ')}] among [${paths.join(', ')}]`;
  return undefined;
}

function issuePaths(records: readonly RejectedRecord[]): string[] {
  return records.flatMap((r) => r.issues.map((i) => i.path));
}

function missingPaths(expected: readonly string[] | undefined, records: readonly RejectedRecord[]): string[] {
  const paths = new Set(issuePaths(records));
  return (expected ?? []).filter((p) => !paths.has(p));
}

/** Fails unless `data` survives a JSON round trip unchanged (compared as text: results can be large). */
function expectJsonSafe(data: unknown, what: string): void {
  const roundTrip = JSON.stringify(JSON.parse(JSON.stringify(data)));
  const plain = JSON.stringify(plainView(data));
  if (roundTrip !== plain) expect(JSON.parse(roundTrip), `${what} survives a JSON round trip`).toEqual(JSON.parse(plain));
}

/** Invariants of any ActivityMatchError, whatever the case expected. */
function checkError(error: ActivityMatchError): void {
  expect(error).toBeInstanceOf(Error);
  expect(error.name).toBe('ActivityMatchError');
  expect(ERROR_CODES).toContain(error.code);
  expect(error.issues.length, 'an error lists at least one issue').toBeGreaterThan(0);
  expect(error.message.startsWith('activity-match: '), 'message starts with the library name').toBe(true);
  const malformed = error.issues.filter((i) => Object.keys(i).sort().join() !== 'message,path' || typeof i.path !== 'string' || typeof i.message !== 'string' || i.message.length === 0);
  expect(malformed, 'every issue is { path, message } with a message').toEqual([]);
  const json = error.toJSON();
  expect(Object.keys(json).sort()).toEqual(['code', 'issues', 'message', 'name']);
  expect(json.name).toBe('ActivityMatchError');
  expect(json.code).toBe(error.code);
  expect(json.message).toBe(error.message);
  expect(json.issues.length).toBe(error.issues.length);
  expect(json.issues.every((issue, i) => issue === error.issues[i]), 'toJSON lists the same issues').toBe(true);
  expectJsonSafe(json, 'the error');
  expect(JSON.stringify(error), 'JSON.stringify uses toJSON').toBe(JSON.stringify(json));
  expect(error.message, 'the message quotes no planted value').not.toMatch(MARKER_PATTERN);
  expect(MARKER_PATTERN.test(JSON.stringify(error.issues)), 'the issues quote no planted value').toBe(false);
}

function runCall(c: BadInputCase, call: Call): void {
  const input = c.make ? c.make() : c.input;
  const before = snapshot(input);
  let happened: Happened;
  const started = performance.now();
  try {
    happened = { kind: 'return', value: call.run(input) };
  } catch (error) {
    happened = { kind: 'throw', error };
  }
  const elapsed = performance.now() - started;
  const where = `${call.label}`;

  // The outcome: one of the acceptable alternatives.
  const outcomes = (Array.isArray(c.expect) ? c.expect : [c.expect]) as readonly Outcome[];
  const translated = outcomes.flatMap((o): readonly Outcome[] => {
    const t = call.translate ? call.translate(o, input) : o;
    return Array.isArray(t) ? t : [t as Outcome];
  });
  const reasons = translated.map((o) => mismatch(o, happened, call));
  if (reasons.every((r) => r !== undefined)) {
    expect.fail(`${where}: ${reasons.join('; or ')}`);
  }

  // Time.
  const budget = c.budgetMs ?? DEFAULT_BUDGET_MS;
  expect(elapsed, `${where}: took ${elapsed.toFixed(0)} ms, budget ${budget} ms`).toBeLessThanOrEqual(budget);

  // The error, or the result.
  if (happened.kind === 'throw') {
    if (happened.error instanceof ActivityMatchError) checkError(happened.error);
  } else {
    call.verify(happened.value, input);
    expectJsonSafe(call.data(happened.value), `${where}: the result`);
  }

  // No pollution, no mutation.
  expect(({} as Record<string, unknown>)['polluted'], `${where}: Object.prototype polluted`).toBeUndefined();
  expect(prototypeKeys(), `${where}: built-in prototypes gained or lost keys`).toBe(PROTOTYPES);
  if (before !== undefined) {
    const after = snapshot(input);
    expect(after, `${where}: the input can still be inspected`).toBeDefined();
    if (after !== undefined) expect(snapshotDifference(before, after), `${where}: the input was mutated`).toBeUndefined();
  }
}

function timeoutOf(c: BadInputCase): number {
  return (c.budgetMs ?? DEFAULT_BUDGET_MS) * (RUNNERS[c.entry].length + 1) + 2000;
}

describe('the bad-input corpus', () => {
  it('has at least 100 cases, each well-formed, with unique names per entry', () => {
    expect(allCases.length).toBeGreaterThanOrEqual(100);
    for (const { file, cases } of corpus) expect(Array.isArray(cases) && cases.length > 0, `${file} exports a non-empty \`cases\` array`).toBe(true);
    const names = new Set<string>();
    for (const c of allCases) {
      expect(Object.keys(RUNNERS), `${c.name}: entry`).toContain(c.entry);
      expect('input' in c !== (c.make !== undefined), `${c.name}: exactly one of input and make`).toBe(true);
      expect(names.has(`${c.entry}: ${c.name}`), `duplicate case name ${c.entry}: ${c.name}`).toBe(false);
      names.add(`${c.entry}: ${c.name}`);
    }
  });
});

for (const { file, cases } of corpus) {
  describe(file, () => {
    for (const c of cases) {
      const title = `${c.entry}: ${c.name}`;
      if (c.knownBug !== undefined && !RUN_KNOWN_BUGS) {
        it.skip(`${title} [known bug: ${c.knownBug}]`, () => {});
        continue;
      }
      it(
        title,
        () => {
          for (const call of RUNNERS[c.entry as Entry]) runCall(c, call);
          // The shared matcher and the defaults are exactly as they were.
          expect(JSON.stringify(DEFAULT_RULES), 'DEFAULT_RULES changed').toBe(DEFAULTS_JSON);
          expect(Object.isFrozen(DEFAULT_RULES) && Object.isFrozen(DEFAULT_RULES.weights), 'DEFAULT_RULES thawed').toBe(true);
          expect(canary(), 'the shared matcher answers differently after this case').toBe(BASELINE);
        },
        timeoutOf(c),
      );
    }
  });
}
