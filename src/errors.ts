/**
 * The one error type thrown by activity-match.
 *
 * Every public entry point validates its input and throws an {@link ActivityMatchError}
 * carrying a machine-readable `code` and the list of `issues`, each naming the field path
 * and the expected form. Messages never quote input values: client profiles are health data.
 */

/**
 * Every code an {@link ActivityMatchError} can carry.
 *
 * @example
 * ```ts
 * ERROR_CODES.length;                     // 8
 * ERROR_CODES.includes('INVALID_CLIENT'); // true
 * ```
 */
export const ERROR_CODES = [
  'INVALID_ACTIVITY',
  'INVALID_CATALOGUE',
  'INVALID_CLIENT',
  'INVALID_RULES',
  'INVALID_OPTIONS',
  'DUPLICATE_ID',
  'UNKNOWN_ACTIVITY',
  'INVALID_SNAPSHOT',
] as const;

/** A literal union of the error codes. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with the input: where it is and what was expected there. */
export interface ValidationIssue {
  /** Field path such as `activities[12].sessions[0].start`. */
  readonly path: string;
  /** What was expected, e.g. `expected HH:MM`. Never contains the input value. */
  readonly message: string;
}

/**
 * The brand every {@link ActivityMatchError} carries: a symbol from the global registry, the
 * same in every copy of the package loaded in one process (the ESM and the CommonJS builds,
 * two versions in node_modules), where the classes themselves differ.
 */
const BRAND = Symbol.for('activity-match.ActivityMatchError');

/**
 * Whether `value` is an {@link ActivityMatchError} from any copy of activity-match: the ESM or
 * the CommonJS build, or another version installed alongside (the dual-package hazard, where
 * `instanceof` with one copy's class fails for the other's errors). A type guard.
 *
 * @example
 * ```ts
 * try {
 *   createMatcher([{ id: 'a1' }]);
 * } catch (error) {
 *   if (isActivityMatchError(error)) error.issues[0]?.path; // 'activities[0].name'
 * }
 * isActivityMatchError(new Error('x')); // false
 * ```
 */
export function isActivityMatchError(value: unknown): value is ActivityMatchError {
  return typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
}

const TITLES: Record<ErrorCode, string> = {
  INVALID_ACTIVITY: 'invalid activity',
  INVALID_CATALOGUE: 'invalid catalogue',
  INVALID_CLIENT: 'invalid client profile',
  INVALID_RULES: 'invalid matching rules',
  INVALID_OPTIONS: 'invalid options',
  DUPLICATE_ID: 'duplicate activity id',
  UNKNOWN_ACTIVITY: 'unknown activity id',
  INVALID_SNAPSHOT: 'invalid snapshot',
};

/** How many issues the message lists before summarising the rest (`issues` always has all). */
const MESSAGE_ISSUE_LIMIT = 10;

/**
 * Thrown by every public entry point on bad input.
 *
 * @example
 * ```ts
 * try {
 *   createMatcher([{ id: 'a1' }]);
 * } catch (error) {
 *   if (error instanceof ActivityMatchError) { // or isActivityMatchError(error): either works across the ESM and CommonJS builds
 *     error.code;               // 'INVALID_CATALOGUE'
 *     error.issues[0]?.path;    // 'activities[0].name'
 *   }
 * }
 * ```
 */
export class ActivityMatchError extends Error {
  override readonly name = 'ActivityMatchError';
  readonly code: ErrorCode;
  readonly issues: readonly ValidationIssue[];

  /**
   * Checks its arguments: a code not in {@link ERROR_CODES}, or issues that are not a list of
   * `{ path, message }` texts, throw an `ActivityMatchError` (`INVALID_OPTIONS`) instead.
   *
   * @param options - `cause`: the exception behind this one, when the library wraps one it did not
   *   raise (a caller's getter, proxy trap or callback that threw). It is kept for debugging and
   *   never copied into the message or `toJSON()`: it may carry the caller's data.
   */
  constructor(code: ErrorCode, issues: readonly ValidationIssue[], options?: { readonly cause?: unknown }) {
    // Callers may build one too (to rethrow with their own path): bad arguments get one of these, not a TypeError.
    if (!(ERROR_CODES as readonly unknown[]).includes(code)) throw new ActivityMatchError('INVALID_OPTIONS', [{ path: 'code', message: 'expected one of ERROR_CODES' }]);
    if (!Array.isArray(issues) || !issues.every((i: unknown) => typeof i === 'object' && i !== null && typeof (i as ValidationIssue).path === 'string' && typeof (i as ValidationIssue).message === 'string')) {
      throw new ActivityMatchError('INVALID_OPTIONS', [{ path: 'issues', message: 'expected a list of issues { path, message } (text)' }]);
    }
    super(formatMessage(code, issues), options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.issues = issues;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /**
   * `error instanceof ActivityMatchError` holds for an error from any copy of the package (the
   * ESM and CommonJS builds, or two versions), as {@link isActivityMatchError} does.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return this === ActivityMatchError ? isActivityMatchError(value) : Function.prototype[Symbol.hasInstance].call(this, value);
  }

  /** A plain JSON-serialisable copy: `{ name, code, message, issues }`. */
  toJSON(): { name: string; code: ErrorCode; message: string; issues: ValidationIssue[] } {
    return { name: this.name, code: this.code, message: this.message, issues: [...this.issues] };
  }
}

function formatMessage(code: ErrorCode, issues: readonly ValidationIssue[]): string {
  const shown = issues.slice(0, MESSAGE_ISSUE_LIMIT).map((i) => `  ${i.path || '(root)'}: ${i.message}`);
  const more = issues.length > MESSAGE_ISSUE_LIMIT ? [`  … and ${issues.length - MESSAGE_ISSUE_LIMIT} more`] : [];
  return [`activity-match: ${TITLES[code]}`, ...shown, ...more].join('\n');
}
