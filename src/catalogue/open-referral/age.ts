/**
 * HSDS `minimum_age` / `maximum_age` (and UK v1 `eligibilitys[]`) to the activity's age limits.
 *
 * Directory conventions, read as *no limit* rather than as limits:
 * - absent, `null`, `-1` (the UK "unknown") or any other negative number;
 * - a minimum of 0, a maximum of 0;
 * - a maximum of 99 or more (99, 100, 120, 999 are "no upper limit" placeholders).
 *
 * Ages in text ("18") are read; fractions are rounded down for the minimum and up for the
 * maximum (a service for "up to 17.5" takes 17-year-olds). A minimum above the maximum keeps
 * neither, with a warning.
 *
 * @module
 */
import type { ValidationIssue } from '../../errors.js';
import { isObject, join, listOf, numberOf, textOf } from './fields.js';
import type { JsonObject } from './fields.js';

/** A maximum age at or above this is read as "no upper limit". */
export const NO_MAXIMUM_FROM = 99;

/** Age limits for the activity's `eligibility`. */
export interface AgeLimits {
  minAge?: number;
  maxAge?: number;
}

function readAge(value: unknown, path: string, issues: ValidationIssue[]): number | undefined {
  if (value === undefined || value === null) return undefined;
  const n = numberOf(value);
  if (n === undefined) {
    if (textOf(value) !== undefined) issues.push({ path, message: 'expected an age in years (a number); read as no limit' });
    return undefined;
  }
  return n < 0 ? undefined : n;
}

/**
 * The age limits of a service at `path`. Service-level ages win; UK v1 `eligibilitys` are
 * read when the service has none (the widest range across its rows).
 *
 * @example
 * ```ts
 * const issues: ValidationIssue[] = [];
 * mapAges({ minimum_age: 12, maximum_age: 100 }, 'contents[0]', issues); // { minAge: 12 }
 * mapAges({ minimum_age: -1, maximum_age: -1 }, 'contents[1]', issues);  // {}
 * mapAges({ eligibilitys: [{ minimum_age: 50 }] }, 'content[0]', issues); // { minAge: 50 }
 * ```
 */
export function mapAges(service: JsonObject, path: string, issues: ValidationIssue[]): AgeLimits {
  let min = readAge(service.minimum_age, join(path, 'minimum_age'), issues);
  let max = readAge(service.maximum_age, join(path, 'maximum_age'), issues);
  let minPath = join(path, 'minimum_age');
  if (min === undefined && max === undefined) {
    const rows = listOf(service.eligibilitys ?? service.eligibilities);
    const key = service.eligibilitys !== undefined ? 'eligibilitys' : 'eligibilities';
    const mins: number[] = [];
    const maxes: number[] = [];
    rows.forEach((row, i) => {
      if (!isObject(row)) return;
      const a = readAge(row.minimum_age, join(join(join(path, key), i), 'minimum_age'), issues);
      const b = readAge(row.maximum_age, join(join(join(path, key), i), 'maximum_age'), issues);
      mins.push(a ?? 0);
      maxes.push(b ?? Infinity);
    });
    if (mins.length > 0) {
      min = Math.min(...mins);
      max = Math.max(...maxes);
      minPath = join(path, key);
    }
  }
  const limits: AgeLimits = {};
  const minAge = min === undefined ? undefined : Math.floor(min);
  const maxAge = max === undefined || max <= 0 || !Number.isFinite(max) || max >= NO_MAXIMUM_FROM ? undefined : Math.ceil(max);
  if (minAge !== undefined && minAge > 130) {
    issues.push({ path: minPath, message: 'expected a minimum age of at most 130; read as no limit' });
    return maxAge === undefined ? limits : { maxAge };
  }
  if (minAge !== undefined && maxAge !== undefined && minAge > maxAge) {
    issues.push({ path: join(path, 'maximum_age'), message: 'expected maximum_age not below minimum_age; neither limit kept' });
    return limits;
  }
  if (minAge !== undefined && minAge > 0) limits.minAge = minAge;
  if (maxAge !== undefined) limits.maxAge = maxAge;
  return limits;
}
