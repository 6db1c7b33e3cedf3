/**
 * The matcher: validates and compiles a catalogue (`createMatcher`), or takes compiled parts
 * (`loadMatcher`, `update`), and answers `recommend`, `recommendMany`, `explain`, `search`,
 * `toSnapshot` and `update` over them. Over 300 lines because it is the one place where the
 * layers meet: the public `Matcher` type with its documentation, and one closure over the
 * parts' shared state (contexts, explanation caches, search sources).
 *
 * @module
 */
import { z } from 'zod';
import { compileCatalogue } from './catalogue/compile.js';
import type { CompiledCatalogue } from './catalogue/compile.js';
import { activityAtGlobal, featuresOf, globalPositionOf, idAtGlobal, liveActivities, partIndexAt, partsOf } from './catalogue/parts.js';
import type { Part } from './catalogue/parts.js';
import { applyChanges, UpdateOptionsSchema } from './catalogue/update.js';
import type { CatalogueChanges, UpdateOptions } from './catalogue/update.js';
import { encodeSnapshot } from './snapshot/encode.js';
import { assertCatalogueLength, parseCatalogueEach } from './catalogue/load.js';
import { RowWriter } from './catalogue/row-writer.js';
import { searchSources } from './catalogue/text-search.js';
import type { SearchHit, SearchOptions } from './catalogue/text-search.js';
import { partSources } from './catalogue/part-search.js';
import type { RejectedRecord } from './catalogue/load.js';
import { ActivityMatchError } from './errors.js';
import type { Activity } from './schema/activity.js';
import { ActivitySchema } from './schema/activity.js';
import { ClientProfileSchema } from './schema/client.js';
import { fastParseClient } from './schema/fast-client.js';
import { ExplainOptionsSchema, RecommendOptionsSchema } from './schema/recommend-options.js';
import type { DeepReadonly, ExplainOptions, RecommendOptions } from './inputs.js';
import type { ClientProfileInput } from './schema/client.js';
import { DEFAULT_RULES, MatchingRulesSchema } from './schema/rules.js';
import type { MatchingRules, MatchingRulesInput } from './schema/rules.js';
import { ageAt, clientContext } from './rank/client-context.js';
import { diversify } from './rank/diversify.js';
import type { Placed } from './rank/diversify.js';
import type { ClientContext } from './rank/client-context.js';
import { listText } from './rank/reasons.js';
import { createExplainCache, explainPosition } from './rank/explain.js';
import type { ExplainCache } from './rank/explain.js';
import type { Explanation, Recommendation } from './rank/explain.js';
import { topPositions, topPositionsOfParts } from './rank/block-search.js';
import { guard } from './guard.js';
import type { GuardedInput } from './guard.js';
import { parseOrThrow } from './validate.js';
import { attempt } from './result.js';
import type { SafeResult } from './result.js';

const MatcherOptionsSchema = z.strictObject(
  {
    lenient: z.boolean({ error: 'expected true or false' }).optional(),
    rules: z.unknown().optional(),
  },
  { error: 'expected options { lenient?, rules? }' },
);

const SnapshotOptionsSchema = z.strictObject({ search: z.boolean({ error: 'expected true or false' }).optional() }, { error: 'expected options { search? }' });

/** Options of `matcher.toSnapshot`. */
export interface SnapshotOptions {
  /** Build the search index now if it has not been built, and write it. Default false: write it only when built. */
  readonly search?: boolean;
}

/** Options of {@link createMatcher}. */
export interface MatcherOptions {
  /** Keep good records and report bad ones in `matcher.rejected` instead of throwing. Default false. */
  readonly lenient?: boolean;
  /** Rules used when a call gives none. Missing fields take their defaults. */
  readonly rules?: MatchingRulesInput;
}

/** Size of the compiled index, for capacity planning and the benchmarks. */
export interface MatcherStats {
  readonly activities: number;
  readonly blocks: number;
  /** Bytes of the columnar index beyond the activity objects. */
  readonly indexBytes: number;
}

/** A compiled catalogue, ready to answer queries. Pure and synchronous; safe to share. */
export interface Matcher {
  /**
   * The validated activities, in input order (after `update`: a changed activity in its old
   * place, new ones at the end). A matcher loaded from a snapshot decodes them all on the first
   * read of this property; `get`, `recommend` and the rest decode only what they return.
   */
  readonly activities: readonly Activity[];
  /** Records a lenient load (or, for a matcher returned by `update`, that update) left out, with every reason. */
  readonly rejected: readonly RejectedRecord[];
  /** The rules used when a call gives none. */
  readonly rules: MatchingRules;
  readonly stats: MatcherStats;
  /** The validated activity with this id, if any. */
  get(id: string): Activity | undefined;
  /**
   * A ranked, explained shortlist for a client.
   * @throws {ActivityMatchError} `INVALID_CLIENT` or `INVALID_OPTIONS`.
   */
  recommend(client: DeepReadonly<ClientProfileInput>, options: RecommendOptions): Recommendation[];
  /**
   * Shortlists for a whole caseload, in input order: the same as calling `recommend` for each
   * client, with the options validated once and each shortlisted activity's upcoming sessions
   * worked out once for the whole caseload. A bad profile throws `INVALID_CLIENT` with its
   * index in the path (`clients[12].age`).
   */
  recommendMany(clients: readonly DeepReadonly<ClientProfileInput>[], options: RecommendOptions): Recommendation[][];
  /**
   * The full breakdown of one activity for a client, including every rule that excludes it.
   * @throws {ActivityMatchError} `INVALID_CLIENT`, `INVALID_OPTIONS` or `UNKNOWN_ACTIVITY`.
   */
  explain(client: DeepReadonly<ClientProfileInput>, activityId: string, options: ExplainOptions): Explanation;
  /**
   * Typo-tolerant search over names, tags, providers and descriptions, for a referral app's
   * search box ("walkin grup", "helthy lungs"), with highlight ranges and optional filters.
   * The index is built on the first call and kept.
   * @throws {ActivityMatchError} `INVALID_OPTIONS` for bad options.
   */
  search(text: string, options?: SearchOptions): SearchHit[];
  /** `recommend` without exceptions: `{ ok: true, value }` or `{ ok: false, error }` (an `ActivityMatchError`; anything else is thrown). */
  safeRecommend(client: DeepReadonly<ClientProfileInput>, options: RecommendOptions): SafeResult<Recommendation[]>;
  /** `recommendMany` without exceptions, like {@link Matcher.safeRecommend}. */
  safeRecommendMany(clients: readonly DeepReadonly<ClientProfileInput>[], options: RecommendOptions): SafeResult<Recommendation[][]>;
  /**
   * The compiled index as bytes, for `loadMatcher`: columns, grid, id table, activity records,
   * default rules, rejected records, and the search index when it has been built (or, with
   * `{ search: true }`, built now), so the loaded matcher's first search needs no building. The
   * format is versioned and documented in `src/snapshot/format.ts`.
   * @throws {ActivityMatchError} `INVALID_OPTIONS`; `INVALID_SNAPSHOT` when it would not fit in 4 GiB.
   */
  toSnapshot(options?: SnapshotOptions): Uint8Array;
  /**
   * A new matcher with activities added or replaced (`upsert`, by id) and removed (`remove`, by
   * id); this one is left as it was and keeps answering. The cost grows with the change, not
   * the catalogue (see DESIGN.md, "Live catalogues"). Strict by default; with `{ lenient: true }`
   * bad records and unknown ids are left out and reported in the new matcher's `rejected`.
   * @throws {ActivityMatchError} `INVALID_CATALOGUE`, `DUPLICATE_ID` or `UNKNOWN_ACTIVITY` (strict), `INVALID_OPTIONS`.
   */
  update(changes: CatalogueChanges, options?: UpdateOptions): Matcher;
  /** `explain` without exceptions, like {@link Matcher.safeRecommend}. */
  safeExplain(client: DeepReadonly<ClientProfileInput>, activityId: string, options: ExplainOptions): SafeResult<Explanation>;
}

/**
 * Validates and compiles a catalogue once, and returns a {@link Matcher}.
 *
 * @throws {ActivityMatchError} `INVALID_CATALOGUE` or `DUPLICATE_ID` (strict mode), `INVALID_RULES`.
 * @example
 * ```ts
 * const matcher = createMatcher(catalogue);
 * const [first] = matcher.recommend(
 *   { age: 67, activation: 2, conditions: ['COPD'], home: { lat: 53.38, lon: -1.47 } },
 *   { at: new Date('2026-11-23T09:00:00Z'), limit: 5 },
 * );
 * first?.activity.name; // 'Breathe easy support group' (the bundled catalogue)
 * first?.reasons;       // ['Designed for people with COPD', '1.8 km away', 'Medium-sized group, a gentle start', 'Free', 'Next session Wed 14:00']
 * ```
 */
export function createMatcher(activities: unknown, options: MatcherOptions = {}): Matcher {
  // A caller's getter or proxy trap that throws is reported with its path (see src/guard.ts).
  return guard(
    [
      { code: 'INVALID_RULES', path: 'rules', read: () => (options as { rules?: unknown } | null | undefined)?.rules, fields: [MatchingRulesSchema] },
      { code: 'INVALID_OPTIONS', path: 'options', value: options, fields: [MatcherOptionsSchema, MatchingRulesSchema] },
      { code: 'INVALID_CATALOGUE', path: 'activities', value: activities, fields: [ActivitySchema] },
    ],
    () => compile(activities, options),
  );
}

function compile(activities: unknown, options: MatcherOptions): Matcher {
  const { lenient = false, rules: rulesInput } = parseOrThrow(MatcherOptionsSchema, options, 'INVALID_OPTIONS', 'options');
  const defaults = rulesInput === undefined ? DEFAULT_RULES : parseOrThrow(MatchingRulesSchema, rulesInput, 'INVALID_RULES', 'rules');
  // Each activity's row is extracted as soon as it is validated (see RowWriter), into room
  // allocated for the whole input: so a (sparse) array too long to be a catalogue is refused first.
  if (Array.isArray(activities)) assertCatalogueLength(activities);
  const rows = new RowWriter(Array.isArray(activities) ? activities.length : 0);
  const parsed = parseCatalogueEach(activities, { lenient }, (activity) => rows.add(activity));
  const cat: CompiledCatalogue = compileCatalogue(parsed.activities, rows.finish());
  return matcherOf({ parts: partsOf([{ cat, dead: undefined }]), rules: defaults, rejected: parsed.rejected, activities: parsed.activities });
}

/**
 * Everything a matcher answers from: its compiled parts (see `src/catalogue/parts.ts`, each
 * with its search index once built), default rules and rejected records, and the activities in
 * order when they are at hand (a compiled catalogue).
 * @internal
 */
export interface MatcherState {
  readonly parts: readonly Part[];
  readonly rules: MatchingRules;
  readonly rejected: readonly RejectedRecord[];
  readonly activities: readonly Activity[] | undefined;
}

/** The matcher of a state (compiled, loaded from a snapshot, or updated). @internal */
export function matcherOf(state: MatcherState): Matcher {
  const { parts, rules: defaults } = state;
  const last = parts[parts.length - 1] as Part;
  const single = parts.length === 1 && last.dead === undefined ? last.cat : undefined;
  const idAt = idAtGlobal(parts);
  let activities = state.activities;
  let sources: ReturnType<typeof partSources> | undefined;
  const allActivities = (): readonly Activity[] => (activities ??= Object.freeze(liveActivities(parts)));
  let live = 0;
  let blocks = 0;
  let indexBytes = 0;
  for (const part of parts) {
    live += part.live;
    blocks += part.cat.grid.blockStart.length - 1;
    indexBytes += part.cat.indexBytes + (part.dead?.byteLength ?? 0);
  }

  /** Validates a profile and builds its context; a date of birth must give an age from 0 to 130 at `at`. */
  function contextFor(client: unknown, path: string, at: Date, rules: MatchingRules) {
    // The fast path accepts exactly what zod accepts, with zod's output; zod decides the rest and writes the errors.
    const profile = fastParseClient(client) ?? parseOrThrow(ClientProfileSchema, client, 'INVALID_CLIENT', path);
    const age = ageAt(profile, at);
    if (age < 0 || age > 130) throw new ActivityMatchError('INVALID_CLIENT', [{ path: `${path}.dateOfBirth`, message: 'expected a date of birth giving an age from 0 to 130 at the time of the recommendation' }]);
    // The last part's dictionaries extend every earlier part's: its context serves them all.
    return clientContext(profile, at, rules, last.cat.columns);
  }

  /** "Moved below Tea dance for variety: much like Chair yoga for beginners, higher on the list". */
  function placementText(movedBelow: readonly number[], similarTo: number): string {
    const name = (g: number) => activityAtGlobal(parts, g).name;
    return `Moved below ${listText(movedBelow.map(name))} for variety: much like ${name(similarTo)}, higher on the list`;
  }

  /** One explanation cache per part, shared by every client of one call (same `at` and rules): see {@link ExplainCache}. */
  const cachesFor = (rules: MatchingRules, at: Date): ExplainCache[] => parts.map((part) => createExplainCache(part.cat, rules, at));

  function explainGlobal(ctx: ClientContext, g: number, rules: MatchingRules, caches: readonly ExplainCache[] | undefined): Explanation {
    const k = partIndexAt(parts, g);
    const part = parts[k] as Part;
    return explainPosition(ctx, part.cat, g - part.offset, rules, caches?.[k]);
  }

  function shortlist(client: unknown, path: string, at: Date, limit: number, rules: MatchingRules, caches: readonly ExplainCache[]): Recommendation[] {
    const ctx = contextFor(client, path, at, rules);
    const pool = rules.diversity.enabled ? limit * rules.diversity.poolFactor : limit;
    const penalty = rules.diversity.enabled ? rules.diversity.penalty : 0;
    let chosen: readonly Placed[];
    if (single !== undefined) {
      chosen = diversify(single.columns, topPositions(single, ctx, rules, pool), limit, penalty);
    } else {
      // Several parts: similarity reads the candidates' features gathered by index, then the indexes map back.
      const top = topPositionsOfParts(parts, idAt, ctx, rules, pool);
      const global = top.map((r) => r.position);
      const placed = diversify(featuresOf(parts, global), top.map((r, i) => ({ position: i, fit: r.fit, score: r.score })), limit, penalty);
      const back = (i: number) => global[i] as number;
      chosen = placed.map((x) => ({ position: back(x.position), fit: x.fit, score: x.score, movedBelow: x.movedBelow.map(back), similarTo: x.similarTo === undefined ? undefined : back(x.similarTo) }));
    }
    return chosen.map((candidate, i) => {
      const explanation = explainGlobal(ctx, candidate.position, rules, caches);
      const placement = candidate.similarTo === undefined ? undefined : placementText(candidate.movedBelow, candidate.similarTo);
      return placement === undefined ? { rank: i + 1, ...explanation } : { rank: i + 1, ...explanation, placement };
    });
  }

  const matcher: Matcher = {
    get activities() {
      return allActivities();
    },
    rejected: state.rejected,
    rules: defaults,
    stats: { activities: live, blocks, indexBytes },
    get: (id) => {
      const g = typeof id === 'string' ? globalPositionOf(parts, id) : -1;
      return g < 0 ? undefined : activityAtGlobal(parts, g);
    },
    recommend: (client, callOptions) =>
      guard(callerInputs(client, 'client', callOptions, RecommendOptionsSchema), () => {
        const opts = parseOrThrow(RecommendOptionsSchema, callOptions, 'INVALID_OPTIONS', 'options');
        const rules = opts.rules ?? defaults;
        return shortlist(client, 'client', opts.at, opts.limit, rules, cachesFor(rules, opts.at));
      }),
    recommendMany: (clients, callOptions) => guard(callerInputs(clients, 'clients', callOptions, RecommendOptionsSchema), () => recommendMany(clients, callOptions)),
    search: (text, searchOptions) =>
      guard([{ code: 'INVALID_OPTIONS', path: 'options', value: searchOptions, fields: 'identifiers' }], () => {
        sources ??= partSources(parts);
        return searchSources(sources, text, searchOptions);
      }),
    explain: (client, activityId, callOptions) => guard(callerInputs(client, 'client', callOptions, ExplainOptionsSchema), () => explain(client, activityId, callOptions)),
    safeRecommend: (client, callOptions) => attempt(() => matcher.recommend(client, callOptions)),
    safeRecommendMany: (clients, callOptions) => attempt(() => matcher.recommendMany(clients, callOptions)),
    safeExplain: (client, activityId, callOptions) => attempt(() => matcher.explain(client, activityId, callOptions)),
    toSnapshot: (snapshotOptions) =>
      guard([{ code: 'INVALID_OPTIONS', path: 'options', value: snapshotOptions, fields: [SnapshotOptionsSchema] }], () => {
        const { search = false } = parseOrThrow(SnapshotOptionsSchema, snapshotOptions ?? {}, 'INVALID_OPTIONS', 'options');
        return encodeSnapshot({ parts, rules: defaults, rejected: state.rejected, search });
      }),
    update: (changes, updateOptions) =>
      guard(
        [
          { code: 'INVALID_OPTIONS', path: 'options', value: updateOptions, fields: [UpdateOptionsSchema] },
          { code: 'INVALID_CATALOGUE', path: 'changes', value: changes, fields: [ActivitySchema] },
        ],
        () => {
          const next = applyChanges(parts, changes, updateOptions);
          return matcherOf({ parts: next.parts, rules: defaults, rejected: next.rejected, activities: undefined });
        },
      ),
  };

  function recommendMany(clients: unknown, callOptions: unknown): Recommendation[][] {
    if (!Array.isArray(clients)) throw new ActivityMatchError('INVALID_CLIENT', [{ path: 'clients', message: 'expected an array of client profiles' }]);
    const opts = parseOrThrow(RecommendOptionsSchema, callOptions, 'INVALID_OPTIONS', 'options');
    const rules = opts.rules ?? defaults;
    // One cache for the caseload: the clients share `at` and the rules, and so each activity's upcoming sessions.
    const caches = cachesFor(rules, opts.at);
    return clients.map((client: unknown, i) => shortlist(client, `clients[${i}]`, opts.at, opts.limit, rules, caches));
  }

  function explain(client: unknown, activityId: unknown, callOptions: unknown): Explanation {
    const opts = parseOrThrow(ExplainOptionsSchema, callOptions, 'INVALID_OPTIONS', 'options');
    if (typeof activityId !== 'string') throw new ActivityMatchError('INVALID_OPTIONS', [{ path: 'activityId', message: 'expected an activity id (string)' }]);
    const g = globalPositionOf(parts, activityId);
    if (g < 0) throw new ActivityMatchError('UNKNOWN_ACTIVITY', [{ path: 'activityId', message: 'expected the id of an activity in the catalogue' }]);
    const rules = opts.rules ?? defaults;
    return explainGlobal(contextFor(client, 'client', opts.at, rules), g, rules, undefined);
  }

  return matcher;
}

/** A profile (or caseload) and call options, for {@link guard}. */
function callerInputs(client: unknown, path: string, options: unknown, optionsSchema: z.ZodType): GuardedInput[] {
  return [
    { code: 'INVALID_CLIENT', path, value: client, fields: [ClientProfileSchema] },
    { code: 'INVALID_OPTIONS', path: 'options', value: options, fields: [optionsSchema] },
  ];
}
