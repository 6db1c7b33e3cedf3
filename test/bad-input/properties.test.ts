// Property tests for issue #7: arbitrary values given as a client, a catalogue, options or
// rules never produce anything but a result or an ActivityMatchError (no other error type),
// and never pollute Object.prototype. Values come from fast-check: JSON values, and
// "anything" (bigints, Dates, Maps, Sets, typed arrays, sparse arrays, null prototypes, boxed
// values), plus near-valid inputs with one field replaced.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ActivityMatchError, createMatcher, evaluate, FACTORS, fromOpenReferral, nextOccurrences, parseCatalogue } from '../../src/index.js';
import { activity } from '../helpers.js';
import { AT, fullClient, MARKER_PATTERN, orService, referral } from './corpus.js';
import { prototypeKeys } from './inspect.js';
import { BASE, SCHEDULES, SMALL } from './runners.js';

/** Runs per property; set BAD_INPUT_RUNS higher for a longer hunt. */
const RUNS = Number(process.env['BAD_INPUT_RUNS'] ?? 150);
const PROTOTYPES = prototypeKeys();
/** Time for a property that calls the slower entry points (imports, evaluations) `RUNS` times. */
const SLOW_TIMEOUT = Math.max(5000, RUNS * 5);

const anything = fc.anything({
  maxDepth: 3,
  maxKeys: 6,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withObjectString: true,
  withSet: true,
  withSparseArray: true,
  withTypedArray: true,
});
const json = fc.jsonValue({ maxDepth: 4 });
const junk = fc.oneof(anything, json);

/** Runs `fn`: it must return or throw an ActivityMatchError that serialises and quotes no marker. */
function resultOrOurError(fn: () => unknown): void {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof ActivityMatchError)) throw error;
    expect(error.issues.length).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(error))).toEqual(JSON.parse(JSON.stringify(error.toJSON())));
    expect(MARKER_PATTERN.test(error.message)).toBe(false);
  } finally {
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(prototypeKeys()).toBe(PROTOTYPES);
  }
}

/** A valid object with one key (known or not) set to an arbitrary value. */
function withOneField(base: () => Record<string, unknown>, keys: readonly string[]) {
  return fc.tuple(fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 12 })), junk).map(([key, value]) => {
    const out = base();
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    return out;
  });
}

const CLIENT_KEYS = ['id', 'age', 'dateOfBirth', 'gender', 'home', 'conditions', 'activation', 'needs', 'loneliness', 'interests', 'avoid', 'availability', 'datesAway', 'travel', 'housebound', 'budget', 'accessibility', 'languages', 'referredBy'];
const ACTIVITY_KEYS = ['id', 'name', 'provider', 'description', 'category', 'tags', 'location', 'sessions', 'schedules', 'timeZone', 'programme', 'capacity', 'intensity', 'groupSize', 'supported', 'cost', 'eligibility', 'conditions', 'needs', 'accessibility', 'languages', 'lastVerified', 'url'];
const OPTION_KEYS = ['at', 'limit', 'rules'];
const RULE_SECTIONS = ['weights', 'distance', 'activation', 'schedule', 'freshness', 'diversity'];
const SCHEDULE_KEYS = ['id', 'freq', 'interval', 'byday', 'bymonthday', 'wkst', 'opensAt', 'closesAt', 'dtstart', 'until', 'count', 'validFrom', 'validTo', 'description', 'closures', 'extraSessions', 'byweekno'];
const OCCURRENCE_KEYS = ['at', 'timeZone', 'limit', 'horizonDays'];
const REFERRAL_KEYS = ['id', 'date', 'client', 'support', 'offered', 'takenUp', 'attended', 'completed', 'wellbeing'];
const SERVICE_KEYS = ['id', 'name', 'description', 'status', 'minimum_age', 'maximum_age', 'cost_options', 'fees_description', 'fees', 'schedules', 'service_at_locations', 'attributes', 'languages', 'assured_date', 'organization', 'attending_type', 'attending_access', 'pc_attendingAccess_additionalInfo', 'deliverable_type', 'pc_targetAudience', 'service_areas', 'url'];

describe('arbitrary input gives a result or an ActivityMatchError', () => {
  it('as a client', () => {
    fc.assert(
      fc.property(junk, (client) => {
        resultOrOurError(() => BASE.recommend(client as never, { at: AT }));
        resultOrOurError(() => BASE.explain(client as never, 'a1', { at: AT }));
      }),
      { numRuns: RUNS },
    );
  });

  it('as a client with one field replaced', () => {
    fc.assert(
      fc.property(withOneField(() => ({ ...fullClient() }), CLIENT_KEYS), (client) => {
        resultOrOurError(() => BASE.recommend(client as never, { at: AT, limit: 10 }));
      }),
      { numRuns: RUNS },
    );
  });

  it('as a catalogue, strict and lenient', () => {
    fc.assert(
      fc.property(fc.oneof(junk, fc.array(junk, { maxLength: 5 })), (catalogue) => {
        resultOrOurError(() => createMatcher(catalogue as never));
        resultOrOurError(() => parseCatalogue(catalogue, { lenient: true }));
      }),
      { numRuns: RUNS },
    );
  });

  it('as an activity with one field replaced', () => {
    fc.assert(
      fc.property(withOneField(() => ({ ...activity('x') }), ACTIVITY_KEYS), (record) => {
        resultOrOurError(() => createMatcher([record] as never).recommend(fullClient(), { at: AT }));
        resultOrOurError(() => {
          const { rejected } = parseCatalogue([record, activity('y')], { lenient: true });
          expect(rejected.length).toBeLessThanOrEqual(1);
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('as options, and as options with one field replaced', () => {
    fc.assert(
      fc.property(fc.oneof(junk, withOneField(() => ({ at: AT, limit: 3 }), OPTION_KEYS)), (options) => {
        resultOrOurError(() => BASE.recommend(fullClient(), options as never));
        resultOrOurError(() => BASE.explain(fullClient(), 'a2', options as never));
      }),
      { numRuns: RUNS },
    );
  });

  it('as matching rules, whole or one section or weight replaced', () => {
    const weights = () => ({ weights: Object.fromEntries(FACTORS.map((f) => [f, 1])) as Record<string, unknown> });
    const rules = fc.oneof(junk, withOneField(() => ({}), RULE_SECTIONS), withOneField(() => weights().weights, [...FACTORS]).map((w) => ({ weights: w })));
    fc.assert(
      fc.property(rules, (r) => {
        resultOrOurError(() => createMatcher([activity('x')], { rules: r as never }));
        resultOrOurError(() => BASE.recommend(fullClient(), { at: AT, rules: r as never }));
      }),
      { numRuns: RUNS },
    );
  });

  it('as an activity id', () => {
    fc.assert(
      fc.property(junk, (id) => {
        resultOrOurError(() => BASE.explain(fullClient(), id as string, { at: AT }));
      }),
      { numRuns: RUNS },
    );
  });

  it('as a schedule with one field replaced, and as occurrence options', () => {
    fc.assert(
      fc.property(withOneField(() => ({ freq: 'WEEKLY', byday: 'MO', opensAt: '10:00', closesAt: '12:00' }), SCHEDULE_KEYS), fc.oneof(junk, withOneField(() => ({ at: AT }), OCCURRENCE_KEYS)), (schedule, options) => {
        resultOrOurError(() => createMatcher([{ ...activity('x'), sessions: [], schedules: [schedule] }]).explain(fullClient(), 'x', { at: AT }));
        resultOrOurError(() => nextOccurrences(SCHEDULES, options as never));
      }),
      { numRuns: RUNS },
    );
  }, SLOW_TIMEOUT);

  it('as a referral history, or a referral with one field replaced', () => {
    fc.assert(
      fc.property(fc.oneof(junk, withOneField(() => referral(), REFERRAL_KEYS).map((r) => [r])), (referrals) => {
        resultOrOurError(() => evaluate(SMALL, referrals, { bootstrap: { resamples: 100 } }));
      }),
      { numRuns: RUNS },
    );
  }, SLOW_TIMEOUT);

  it('as an Open Referral document; a list of services never throws when lenient', () => {
    // A list of services with holes is a known bug (cases/open-referral.ts: 'a sparse list of services').
    const dense = junk.filter((d) => !Array.isArray(d) || Object.keys(d).length === d.length);
    fc.assert(
      fc.property(dense, withOneField(() => orService('s1'), SERVICE_KEYS), (document, service) => {
        resultOrOurError(() => fromOpenReferral(document));
        const lenient = fromOpenReferral([service, orService('s2')]);
        expect(lenient.activities.length + lenient.rejected.length + lenient.skipped.length).toBeGreaterThanOrEqual(2);
        expect(MARKER_PATTERN.test(JSON.stringify([lenient.rejected, lenient.warnings]))).toBe(false);
        resultOrOurError(() => fromOpenReferral([service], { strict: true }));
      }),
      { numRuns: RUNS },
    );
  }, SLOW_TIMEOUT);
});
