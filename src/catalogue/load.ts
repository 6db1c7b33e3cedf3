import { ActivityMatchError } from '../errors.js';
import type { ValidationIssue } from '../errors.js';
import { ActivitySchema } from '../schema/activity.js';
import { fastParseActivity } from '../schema/fast-activity.js';
import type { Activity } from '../schema/activity.js';
import { parseOrThrow, toIssues } from '../validate.js';
import { MAX_ACTIVITIES } from './row-writer.js';
import { z } from 'zod';
import { guard } from '../guard.js';
import { deepFreeze } from '../schema/fast-common.js';

const ParseOptionsSchema = z.strictObject({ lenient: z.boolean({ error: 'expected true or false' }).optional() }, { error: 'expected options { lenient? }' });

/** A record left out of a lenient load, with every reason. */
export interface RejectedRecord {
  /** Position in the input array. */
  readonly index: number;
  /** The record's id when it had a usable one. */
  readonly id: string | undefined;
  readonly issues: readonly ValidationIssue[];
}

/** The result of {@link parseCatalogue}. */
export interface ParsedCatalogue {
  readonly activities: readonly Activity[];
  /** Every record that was left out and why (always empty in strict mode, which throws instead). */
  readonly rejected: readonly RejectedRecord[];
}

/** Options for {@link parseCatalogue}. */
export interface ParseCatalogueOptions {
  /**
   * Keep the good records and report each bad one in `rejected` (true), or throw on any bad
   * record (false, the default).
   */
  readonly lenient?: boolean;
}

/**
 * Refuses an array longer than a catalogue can be ({@link MAX_ACTIVITIES}) before anything is
 * read or allocated for it: a sparse array such as `new Array(1e9)` would otherwise mean a
 * billion "missing record" reports.
 */
export function assertCatalogueLength(input: readonly unknown[]): void {
  if (input.length > MAX_ACTIVITIES) throw new ActivityMatchError('INVALID_CATALOGUE', [{ path: 'activities', message: `expected at most ${MAX_ACTIVITIES.toLocaleString('en-GB')} activities` }]);
}

/**
 * Whether a record is `undefined` (a hole in a sparse array), `null`, `true` or `false`: each is
 * one value, so it gets the same issues wherever it stands, and zod is asked once per load.
 * (Compared directly: a `Set` lookup would hash every record object of a large catalogue.)
 */
function isSingleValue(record: unknown): record is undefined | null | boolean {
  return record === undefined || record === null || typeof record === 'boolean';
}

function idOf(record: unknown): string | undefined {
  if (record === null || typeof record !== 'object') return undefined;
  const id = (record as { id?: unknown }).id;
  return typeof id === 'string' && id.length <= 200 ? id : undefined;
}

/**
 * Validates a catalogue: every activity against {@link ActivitySchema}, and ids unique.
 * Strict by default (throws `INVALID_CATALOGUE` listing every issue in every record, or
 * `DUPLICATE_ID`); lenient keeps the good records and reports the rest. Never mutates its input.
 *
 * @throws {ActivityMatchError} `INVALID_CATALOGUE` or `DUPLICATE_ID` in strict mode; `INVALID_CATALOGUE` when the input is not an array.
 * @example
 * ```ts
 * const { activities, rejected } = parseCatalogue(records, { lenient: true });
 * rejected[0]; // { index: 3, id: 'walk-7', issues: [{ path: 'activities[3].sessions[0].start', message: 'expected HH:MM' }] }
 * ```
 */
export function parseCatalogue(input: unknown, options: ParseCatalogueOptions = {}): ParsedCatalogue {
  return guard([{ code: 'INVALID_OPTIONS', path: 'options', value: options, fields: [ParseOptionsSchema] }, { code: 'INVALID_CATALOGUE', path: 'activities', value: input, fields: [ActivitySchema] }], () => parseCatalogueUnguarded(input, options));
}

function parseCatalogueUnguarded(input: unknown, options: ParseCatalogueOptions = {}): ParsedCatalogue {
  return parseCatalogueEach(input, options, undefined);
}

/**
 * {@link parseCatalogue}, calling `onActivity` with each valid activity with a new id, in order,
 * as soon as it is validated (createMatcher extracts its rows there, while the record is in
 * cache). `onActivity` may refuse the record, naming a field and the expected form: it is then
 * rejected like an invalid one (reported when lenient, thrown when strict).
 * @internal
 */
export function parseCatalogueEach(
  input: unknown,
  options: ParseCatalogueOptions,
  onActivity: ((activity: Activity) => { readonly field: string; readonly message: string } | undefined) | undefined,
): ParsedCatalogue {
  const { lenient = false } = parseOrThrow(ParseOptionsSchema, options, 'INVALID_OPTIONS', 'options');
  if (!Array.isArray(input)) throw new ActivityMatchError('INVALID_CATALOGUE', [{ path: 'activities', message: 'expected an array of activities' }]);
  assertCatalogueLength(input);
  const activities: Activity[] = [];
  const rejected: RejectedRecord[] = [];
  const seen = new Set<string>();
  // zod's verdict on each single value (see isSingleValue), asked once: a sparse array's holes
  // then cost a path each, not a failed parse each (about 8 µs).
  const singleValueErrors = new Map<unknown, z.ZodError | null>();
  for (let index = 0; index < input.length; index++) {
    const record: unknown = input[index];
    if (isSingleValue(record)) {
      let error = singleValueErrors.get(record);
      if (error === undefined) {
        error = ActivitySchema.safeParse(record).error ?? null;
        singleValueErrors.set(record, error);
      }
      if (error !== null) {
        rejected.push({ index, id: undefined, issues: toIssues(`activities[${index}]`, error) });
        continue;
      }
    }
    // The fast path (compiled from the schema) accepts only what zod accepts and builds the same frozen
    // output (test/schema/fast-activity.test.ts); anything else, every invalid record
    // included, goes to zod, which remains the definition and writes every message.
    let activity = fastParseActivity(record);
    if (activity === undefined) {
      const result = ActivitySchema.safeParse(record);
      if (!result.success) {
        rejected.push({ index, id: idOf(record), issues: toIssues(`activities[${index}]`, result.error, ActivitySchema, record) });
        continue;
      }
      activity = result.data;
    }
    if (seen.has(activity.id)) {
      rejected.push({ index, id: activity.id, issues: [{ path: `activities[${index}].id`, message: 'expected a unique id (an earlier activity has this id)' }] });
      continue;
    }
    const refusal = onActivity?.(activity);
    if (refusal !== undefined) {
      rejected.push({ index, id: activity.id, issues: [{ path: `activities[${index}].${refusal.field}`, message: refusal.message }] });
      continue;
    }
    seen.add(activity.id);
    // The validated copy is the library's own: frozen, so a caller editing a result cannot
    // change what the matcher returns later (scoring reads the compiled columns anyway).
    activities.push(deepFreeze(activity));
  }
  if (!lenient && rejected.length > 0) {
    const duplicatesOnly = rejected.every((r) => r.issues.length === 1 && r.issues[0]?.path.endsWith('.id') && r.issues[0].message.startsWith('expected a unique id'));
    throw new ActivityMatchError(duplicatesOnly ? 'DUPLICATE_ID' : 'INVALID_CATALOGUE', rejected.flatMap((r) => r.issues));
  }
  return { activities, rejected };
}
