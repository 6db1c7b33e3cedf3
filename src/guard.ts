/**
 * The edges of the public surface: arguments that must be text or plain numbers, and caller
 * objects whose getters, proxy traps or callbacks throw.
 *
 * **Caller exceptions (a decision).** A getter or proxy trap of the caller's input that throws
 * while the library reads it is reported as an {@link ActivityMatchError} with the code of that
 * argument (`INVALID_CLIENT` for a profile, `INVALID_CATALOGUE` for a catalogue,
 * `INVALID_OPTIONS` for options) and the path of the value that could not be read; the original
 * exception is kept as the error's `cause` (never in its message, which could then carry the
 * caller's data). The library finds the path by reading the input again, only after something
 * went wrong: when no read of the input throws the second time (a getter that throws once,
 * say), or the exception came from the library itself, it propagates unchanged, so the
 * library's own bugs are never disguised as bad input. A path names a field only when it is one
 * of the library's field names (or, for a directory feed, looks like a field name); any other
 * key is named by its position (`client.(field 3)`), as it may carry data. A callback given as an option (a
 * provider look-up, a target predicate) that throws is reported the same way, at the option's path.
 *
 * @module
 */
import { ActivityMatchError } from './errors.js';
import type { ErrorCode } from './errors.js';
import type { z } from 'zod';
import { fieldNamesOf } from './validate.js';

/** An argument of a public function: its error code, its path in messages, and its value. */
export interface GuardedInput {
  readonly code: ErrorCode;
  readonly path: string;
  /** The value, or `read` to reach it only after something went wrong (a part of another argument, such as `options.rules`). */
  readonly value?: unknown;
  readonly read?: () => unknown;
  /**
   * The field names a path may show: those of these schemas, or `'identifiers'` for any key that
   * looks like one (a directory feed's own field names). Other keys are named by position.
   */
  readonly fields?: readonly z.ZodType[] | 'identifiers';
}

/** The message of a value that could not be read. */
export const UNREADABLE_MESSAGE = 'could not be read: a getter or proxy trap of the input threw';

/** Objects on which the library's field names are read even when they are not own keys. */
const PROBED_OBJECTS = 10_000;

/** Most objects the second reading visits (a catalogue of millions of records is read in full once already). */
const WALK_LIMIT = 50_000_000;

/**
 * Runs `run`; if it throws anything but an {@link ActivityMatchError}, looks for a value of the
 * inputs whose reading throws and, when there is one, throws `ActivityMatchError` with that
 * input's code and the value's path instead (the original as `cause`). Anything else propagates.
 *
 * @example
 * ```ts
 * const client = { get age(): number { throw new Error('locked'); } };
 * guard([{ code: 'INVALID_CLIENT', path: 'client', value: client, fields: [ClientProfileSchema] }], () => client.age);
 * // throws ActivityMatchError INVALID_CLIENT, client.age: could not be read: a getter or proxy trap of the input threw
 * ```
 */
export function guard<T>(inputs: readonly GuardedInput[], run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ActivityMatchError) throw error;
    for (const input of inputs) {
      let value = input.value;
      if (input.read !== undefined) {
        try {
          value = input.read();
        } catch {
          continue; // the argument it is part of names it
        }
      }
      const path = unreadablePath(value, input.path, input.fields);
      if (path !== undefined) throw new ActivityMatchError(input.code, [{ path, message: UNREADABLE_MESSAGE }], { cause: error });
    }
    throw error;
  }
}

/**
 * Calls a caller's callback (a look-up function, a predicate); an exception it throws becomes
 * `INVALID_OPTIONS` at `path` (the original as `cause`).
 *
 * @example
 * ```ts
 * callCaller('providerOf', () => providerOf(id)); // providerOf's own exception becomes INVALID_OPTIONS at providerOf
 * ```
 */
export function callCaller<T>(path: string, call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (error instanceof ActivityMatchError) throw error;
    throw new ActivityMatchError('INVALID_OPTIONS', [{ path, message: 'the function given here threw' }], { cause: error });
  }
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,39}$/;

/** Which keys a path may show, and which to probe on every object (a proxy trap may throw only for them). */
function knownNames(fields: GuardedInput['fields']): { shows(key: string): boolean; probes: readonly string[] } {
  if (fields === 'identifiers') return { shows: (key) => IDENTIFIER.test(key), probes: [] };
  const names = new Set(fields === undefined ? [] : fieldNamesOf(...fields));
  return { shows: (key) => names.has(key), probes: [...names] };
}

function isIndex(key: string): boolean {
  return /^(?:0|[1-9]\d{0,9})$/.test(key);
}

/**
 * The path of the first value inside `value` whose reading throws (a getter, a proxy trap, a
 * revoked proxy), or undefined when every read succeeds. A field whose name is not one of the
 * library's field names is not named in the path (it may carry data): the path stops at its object.
 */
export function unreadablePath(value: unknown, path: string, fields?: GuardedInput['fields']): string | undefined {
  const stack: [unknown, string][] = [[value, path]];
  const seen = new Set<unknown>();
  const known = knownNames(fields);
  let visited = 0;
  while (stack.length > 0 && visited < WALK_LIMIT) {
    const [v, here] = stack.pop() as [unknown, string];
    if (v === null || (typeof v !== 'object' && typeof v !== 'function') || seen.has(v)) continue;
    seen.add(v);
    visited++;
    let keys: (string | symbol)[];
    let array: boolean;
    try {
      array = Array.isArray(v);
      Object.getPrototypeOf(v);
      Object.isExtensible(v);
      keys = Reflect.ownKeys(v);
    } catch {
      return here || '(root)';
    }
    // A field the library does not know is named by its position among the object's fields.
    const name = (key: string, position = 0) =>
      array && isIndex(key) ? `${here}[${key}]` : `${here}${here === '' ? '' : '.'}${known.shows(key) ? key : `(field ${position})`}`;
    const children: [unknown, string][] = [];
    const own = new Set<string>();
    let position = 0;
    for (const key of keys) {
      if (typeof key === 'symbol') continue;
      position++;
      own.add(key);
      try {
        Object.getOwnPropertyDescriptor(v, key);
        children.push([Reflect.get(v, key), name(key, position)]);
      } catch {
        return name(key, position);
      }
    }
    // Probing costs a read per field name and object: the first objects only (a proxy usually sits near the top).
    if (!array && typeof v === 'object' && visited <= PROBED_OBJECTS) {
      for (const key of known.probes) {
        if (own.has(key)) continue;
        try {
          if (Reflect.has(v, key)) Reflect.get(v, key);
        } catch {
          return name(key);
        }
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as [unknown, string]);
  }
  return undefined;
}

/** What a text argument must be. */
export const TEXT_MESSAGE = 'expected text (a string)';

/**
 * Throws `INVALID_OPTIONS` at `path` unless `value` is a string.
 *
 * @example
 * ```ts
 * expectText(null, 'text'); // throws ActivityMatchError INVALID_OPTIONS, text: expected text (a string)
 * ```
 */
export function expectText(value: unknown, path: string): asserts value is string {
  if (typeof value !== 'string') throw new ActivityMatchError('INVALID_OPTIONS', [{ path, message: TEXT_MESSAGE }]);
}

/**
 * Throws `INVALID_OPTIONS` at `path` unless `value` is a number that is not NaN (infinities
 * allowed only with `infinite`), within `[min, max]`, and whole when `integer` is set.
 *
 * @example
 * ```ts
 * expectNumber(NaN, 'km', { min: 0 }); // throws ActivityMatchError INVALID_OPTIONS, km: expected a number of at least 0
 * ```
 */
export function expectNumber(value: unknown, path: string, rule: { readonly min?: number; readonly max?: number; readonly integer?: boolean; readonly nan?: boolean; readonly what?: string } = {}): asserts value is number {
  const { min = -Infinity, max = Infinity, integer = false, nan = false } = rule;
  if (typeof value === 'number' && ((nan && Number.isNaN(value)) || (value >= min && value <= max && (!integer || Number.isInteger(value))))) return;
  throw new ActivityMatchError('INVALID_OPTIONS', [{ path, message: `expected ${rule.what ?? numberForm(min, max, integer)}${nan ? ', or NaN for not recorded' : ''}` }]);
}

function numberForm(min: number, max: number, integer: boolean): string {
  const kind = integer ? 'a whole number' : 'a number';
  if (min > -Infinity && max < Infinity) return `${kind} from ${min} to ${max}`;
  if (min > -Infinity) return `${kind} of at least ${min}`;
  if (max < Infinity) return `${kind} of at most ${max}`;
  return integer ? kind : 'a number (not NaN)';
}

/**
 * Throws `INVALID_OPTIONS` at `path` unless `value` is true or false.
 *
 * @example
 * ```ts
 * expectBoolean('yes', 'gym'); // throws ActivityMatchError INVALID_OPTIONS, gym: expected true or false
 * ```
 */
export function expectBoolean(value: unknown, path: string): asserts value is boolean {
  if (typeof value !== 'boolean') throw new ActivityMatchError('INVALID_OPTIONS', [{ path, message: 'expected true or false' }]);
}
