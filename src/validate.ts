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

function messageOf(issue: z.core.$ZodIssue): string {
  // Our schemas set their own messages; zod's built-in ones name types and keys, never values.
  // Union failures say only "Invalid input", so name what the union accepts instead.
  if (issue.code === 'invalid_union' && issue.message === 'Invalid input') return 'expected a value of one of the allowed forms';
  return issue.message;
}

/** Parses `value` with `schema` or throws an {@link ActivityMatchError} with every issue. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, code: ErrorCode, prefix: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ActivityMatchError(code, toIssues(prefix, result.error));
  return result.data;
}
