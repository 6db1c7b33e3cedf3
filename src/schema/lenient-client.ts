/**
 * `parseClientProfile`: a client profile checked as `recommend` checks it, or, in lenient mode,
 * with what the matcher does not know set aside instead of failing the whole profile.
 *
 * In lenient mode a condition or need the vocabulary does not know (a word such as "gout", or a
 * SNOMED CT concept the table does not list) is removed from the profile and kept in
 * `unrecognised`, and so is a field the schema does not have; each gets a warning naming its
 * path, never its value. Nothing is dropped silently: the caller gets every set-aside value back
 * and can show or store it. Everything else is checked as strictly as ever (an age of 'sixty'
 * still fails): lenient mode is about vocabulary that outgrows the matcher, not bad data.
 *
 * @module
 */
import { z } from 'zod';
import { ActivityMatchError } from '../errors.js';
import type { ValidationIssue } from '../errors.js';
import { guard } from '../guard.js';
import { knownFieldsAt, messageOf, parseOrThrow } from '../validate.js';
import { isConceptId } from '../vocabulary/snomed.js';
import { ClientProfileSchema } from './client.js';
import type { ClientProfile } from './client.js';
import { conditionList, needList } from './common.js';

/** Options of {@link parseClientProfile}. */
export interface ParseClientOptions {
  /** Set unknown conditions, needs and fields aside with warnings instead of failing. Default false. */
  readonly lenient?: boolean;
}

/** What a lenient parse set aside, as the caller gave it. */
export interface UnrecognisedClientData {
  /** Conditions the vocabulary does not know, in the order given. */
  readonly conditions: readonly string[];
  /** Needs the vocabulary does not know, in the order given. */
  readonly needs: readonly string[];
  /** Fields the profile schema does not have, with their values. */
  readonly fields: Readonly<Record<string, unknown>>;
}

/** The result of {@link parseClientProfile}. */
export interface ParsedClientProfile {
  /** The validated profile, defaults filled in: pass it to `recommend` or `explain`. */
  readonly profile: ClientProfile;
  /** What was set aside (lenient mode only; empty otherwise). */
  readonly unrecognised: UnrecognisedClientData;
  /** One per value set aside: its path and what happened to it, never the value. */
  readonly warnings: readonly ValidationIssue[];
}

const OptionsSchema = z.strictObject({ lenient: z.boolean({ error: 'expected true or false' }).optional() }, { error: 'expected options { lenient? }' });
const NOTHING: UnrecognisedClientData = Object.freeze({ conditions: Object.freeze([]), needs: Object.freeze([]), fields: Object.freeze({}) });
const LISTS = { conditions: { schema: conditionList(), what: 'condition' }, needs: { schema: needList(), what: 'need' } } as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** A field's description for a warning: quoted only when it is a likely typo of a real field (as every other message does). */
function fieldWarning(key: string, input: Record<string, unknown>): string {
  const issue = { code: 'unrecognized_keys', keys: [key], path: [], message: '', input } as unknown as z.core.$ZodIssue;
  return `${messageOf(issue, ClientProfileSchema, input)} [kept in unrecognised.fields, not used in matching]`;
}

/**
 * Checks a client profile. Strict (the default), it throws `ActivityMatchError` (`INVALID_CLIENT`,
 * paths `client.…`) as `recommend` would. Lenient, unknown conditions, needs and fields are set
 * aside in `unrecognised` with a warning each, and the rest of the profile is checked strictly.
 * The input is never mutated.
 *
 * @throws {ActivityMatchError} `INVALID_CLIENT` for a profile that fails (in lenient mode, for
 *   anything but unknown vocabulary and fields); `INVALID_OPTIONS` for bad options.
 * @example
 * ```ts
 * const { profile, unrecognised, warnings } = parseClientProfile(
 *   { age: 70, activation: 2, conditions: ['COPD', 'gout', '24700007'], hobby: 'chess' },
 *   { lenient: true },
 * );
 * profile.conditions;       // ['copd', 'multiple-sclerosis']  (a SNOMED CT concept id is accepted)
 * unrecognised.conditions;  // ['gout']
 * unrecognised.fields;      // { hobby: 'chess' }
 * warnings[0];              // { path: 'client.conditions[1]', message: 'not a condition the matcher knows: kept in unrecognised.conditions, …' }
 * matcher.recommend(profile, { at: new Date() });
 * ```
 */
export function parseClientProfile(input: unknown, options: ParseClientOptions = {}): ParsedClientProfile {
  const { lenient = false } = parseOrThrow(OptionsSchema, options, 'INVALID_OPTIONS', 'options');
  if (!lenient || !isPlainObject(input)) return { profile: parseOrThrow(ClientProfileSchema, input, 'INVALID_CLIENT', 'client'), unrecognised: NOTHING, warnings: [] };
  return guard([{ code: 'INVALID_CLIENT', path: 'client', value: input, fields: [ClientProfileSchema] }], () => lenientParse(input));
}

function lenientParse(input: Record<string, unknown>): ParsedClientProfile {
  const known = new Set(knownFieldsAt(ClientProfileSchema, []));
  const copy: Record<string, unknown> = {};
  const fields: Record<string, unknown> = {};
  const unknownTerms = { conditions: [] as string[], needs: [] as string[] };
  const warnings: ValidationIssue[] = [];
  /** For each list, the index in the input of each entry kept, so errors keep the input's paths. */
  const kept: Partial<Record<keyof typeof LISTS, number[]>> = {};
  for (const key of Object.keys(input)) {
    const value = input[key];
    if (!known.has(key)) {
      fields[key] = value;
      warnings.push({ path: 'client', message: fieldWarning(key, input) });
      continue;
    }
    if ((key === 'conditions' || key === 'needs') && Array.isArray(value) && value.length <= 1000) {
      const { schema, what } = LISTS[key];
      const entries: unknown[] = [];
      const indices: number[] = [];
      value.forEach((entry: unknown, i) => {
        if (typeof entry === 'string' && entry.length <= 200 && !schema.safeParse([entry]).success) {
          unknownTerms[key].push(entry.trim());
          const detail = isConceptId(entry) ? `a SNOMED CT concept the matcher does not map to a ${what}` : `not a ${what} the matcher knows`;
          warnings.push({ path: `client.${key}[${i}]`, message: `${detail}: kept in unrecognised.${key}, not used in matching` });
        } else {
          entries.push(entry);
          indices.push(i);
        }
      });
      copy[key] = entries;
      kept[key] = indices;
      continue;
    }
    copy[key] = value;
  }
  let profile: ClientProfile;
  try {
    profile = parseOrThrow(ClientProfileSchema, copy, 'INVALID_CLIENT', 'client');
  } catch (error) {
    if (!(error instanceof ActivityMatchError)) throw error;
    // Paths into the shortened lists point at the entries the caller gave.
    const issues = error.issues.map((issue) => ({
      ...issue,
      path: issue.path.replace(/^client\.(conditions|needs)\[(\d+)\]/, (_, list: keyof typeof LISTS, j: string) => `client.${list}[${kept[list]?.[Number(j)] ?? j}]`),
    }));
    throw new ActivityMatchError('INVALID_CLIENT', issues);
  }
  return { profile, unrecognised: { conditions: unknownTerms.conditions, needs: unknownTerms.needs, fields }, warnings };
}
