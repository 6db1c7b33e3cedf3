import type { z } from 'zod';
import { ActivityMatchError } from './errors.js';
import type { ErrorCode, ValidationIssue } from './errors.js';

/** Formats a zod path as `activities[12].sessions[0].start`. */
export function formatPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Turns zod issues into ours: a path and what was expected, never the input value. */
export function toIssues(prefix: string, error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(prefix, issue.path), message: messageOf(issue) }));
}

/** Longest key name an "unexpected field" message quotes; longer names are cut. */
const KEY_QUOTE_LIMIT = 40;

/**
 * The message of one zod issue. Our schemas set their own messages; zod's built-in ones name
 * types and keys, never values. Two are rewritten: union failures say only "Invalid input", and
 * an unrecognised key is input too, so its name is quoted only up to 40 printable characters.
 */
export function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_union' && issue.message === 'Invalid input') return 'expected a value of one of the allowed forms';
  if (issue.code === 'unrecognized_keys') {
    const names = issue.keys.slice(0, 5).map((key) => {
      const printable = key.replace(/[^\x20-\x7e]/g, '?');
      return printable.length > KEY_QUOTE_LIMIT ? `${printable.slice(0, KEY_QUOTE_LIMIT)}…` : printable;
    });
    const more = issue.keys.length > 5 ? ` and ${issue.keys.length - 5} more` : '';
    return `unexpected field${issue.keys.length === 1 ? '' : 's'} ${names.map((n) => `'${n}'`).join(', ')}${more} (check the spelling)`;
  }
  return issue.message;
}

/** Parses `value` with `schema` or throws an {@link ActivityMatchError} with every issue. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, code: ErrorCode, prefix: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ActivityMatchError(code, toIssues(prefix, result.error));
  return result.data;
}
