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

/**
 * Turns zod issues into ours: a path and what was expected, never the input value. Give the
 * schema (and the input) when there is one: an unexpected field is then quoted only when it is
 * a likely typo of a field the schema takes there, and otherwise named by its position.
 */
export function toIssues(prefix: string, error: z.ZodError, schema?: z.ZodType, input?: unknown): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(prefix, issue.path), message: messageOf(issue, schema, input) }));
}

/** How many unexpected fields a message describes before "and N more". */
const KEYS_DESCRIBED = 5;

/**
 * The message of one zod issue. Our schemas set their own messages; zod's built-in ones name
 * types and keys, never values. Two are rewritten: union failures say only "Invalid input", and
 * unrecognised keys, whose names are input too (a key can carry a name or a date of birth as
 * easily as a value): a key is quoted only when it is within edit distance 2 of a field the
 * schema takes at that place (see {@link closestField}), with the suggestion; any other key is
 * named by its position among the object's fields ("the 3rd field given here").
 */
export function messageOf(issue: z.core.$ZodIssue, schema?: z.ZodType, input?: unknown): string {
  if (issue.code === 'invalid_union' && issue.message === 'Invalid input') return 'expected a value of one of the allowed forms';
  if (issue.code === 'unrecognized_keys') {
    const known = schema === undefined ? [] : knownFieldsAt(schema, issue.path);
    const order = fieldOrder(input, issue.path);
    const described = issue.keys.slice(0, KEYS_DESCRIBED).map((key) => describeKey(key, known, order?.get(key)));
    const more = issue.keys.length > KEYS_DESCRIBED ? ` and ${issue.keys.length - KEYS_DESCRIBED} more` : '';
    const plural = issue.keys.length === 1 ? '' : 's';
    const quoted = described.some((d) => d.startsWith("'"));
    return `unexpected field${plural}: ${described.join('; ')}${more}${quoted ? '' : ' (a name far from every expected field is not repeated)'}`;
  }
  return issue.message;
}

function describeKey(key: string, known: readonly string[], position: number | undefined): string {
  const match = closestField(key, known);
  if (match !== undefined) return match === key ? `'${key}' is not taken here` : `'${printable(key)}', did you mean '${match}'?`;
  return position === undefined ? 'one not close to an expected field' : `the ${ordinal(position)} field given here`;
}

function printable(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?');
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

/** Each own enumerable key of the object at `path` inside `input`, with its 1-based position; undefined when it cannot be read. */
function fieldOrder(input: unknown, path: readonly PropertyKey[]): Map<string, number> | undefined {
  try {
    let value = input;
    for (const key of path) {
      if (value === null || typeof value !== 'object') return undefined;
      value = (value as Record<PropertyKey, unknown>)[key];
    }
    if (value === null || typeof value !== 'object') return undefined;
    return new Map(Object.keys(value).map((k, i) => [k, i + 1]));
  } catch {
    return undefined;
  }
}

/**
 * The field of `known` an unexpected key is a likely typo of: the nearest within an edit
 * distance (insertions, deletions, substitutions and swaps of neighbours) of 2, and of at most
 * a quarter of the field's length (1 for short names), so "activaton" suggests `activation` and
 * "MS" suggests nothing; ties go to the first in `known`. Undefined when none is that close.
 *
 * @example
 * ```ts
 * closestField('activaton', ['age', 'activation']); // 'activation'
 * closestField('John Smith', ['age', 'activation']); // undefined
 * ```
 */
export function closestField(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const field of known) {
    const limit = Math.min(2, Math.max(1, Math.floor(field.length / 4)));
    if (Math.abs(field.length - key.length) > limit) continue;
    const d = editDistance(key, field, limit);
    if (d <= limit && d < bestDistance) {
      best = field;
      bestDistance = d;
    }
  }
  return best;
}

/** Optimal string alignment distance, or `limit + 1` once it must exceed `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (prev2[j - 2] as number) + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return limit + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length] as number;
}

interface ZodDef {
  readonly type: string;
  readonly [key: string]: unknown;
}

function defOf(schema: unknown): ZodDef | undefined {
  return (schema as { _zod?: { def?: ZodDef } } | undefined)?._zod?.def;
}

/** The schemas a value can meet through wrappers (optional, default, pipes, unions, lazy…). */
function concrete(schema: unknown, out: unknown[], seen: Set<unknown>): void {
  const def = defOf(schema);
  if (def === undefined || seen.has(schema)) return;
  seen.add(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
    case 'success':
      concrete(def.innerType, out, seen);
      return;
    case 'pipe':
      concrete(def.in, out, seen);
      concrete(def.out, out, seen);
      return;
    case 'lazy':
      concrete((def.getter as () => unknown)(), out, seen);
      return;
    case 'union':
      for (const option of def.options as readonly unknown[]) concrete(option, out, seen);
      return;
    case 'intersection':
      concrete(def.left, out, seen);
      concrete(def.right, out, seen);
      return;
    default:
      out.push(schema);
  }
}

function shapeOf(schema: unknown): Record<string, unknown> | undefined {
  const def = defOf(schema);
  return def?.type === 'object' ? (def.shape as Record<string, unknown>) : undefined;
}

/** What the value at `key` inside a value of `schema` is checked against. */
function childrenOf(schema: unknown, key: PropertyKey): unknown[] {
  const def = defOf(schema);
  if (def === undefined) return [];
  const shape = shapeOf(schema);
  if (shape !== undefined) return typeof key === 'string' && Object.hasOwn(shape, key) ? [shape[key]] : [];
  if (def.type === 'array') return typeof key === 'number' ? [def.element] : [];
  if (def.type === 'tuple') return typeof key === 'number' ? [(def.items as readonly unknown[])[key] ?? def.rest] : [];
  if (def.type === 'record') return [def.valueType];
  return [];
}

/**
 * The field names the schema takes for the object at `path` (every alternative of a union).
 *
 * @example
 * ```ts
 * knownFieldsAt(ClientProfileSchema, ['travel']); // ['maxKm', 'modes', …]
 * ```
 */
export function knownFieldsAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  try {
    let current: unknown[] = [];
    concrete(schema, current, new Set());
    for (const key of path) {
      const next: unknown[] = [];
      const seen = new Set<unknown>();
      for (const s of current) for (const child of childrenOf(s, key)) concrete(child, next, seen);
      current = next;
    }
    const names = new Set<string>();
    for (const s of current) for (const name of Object.keys(shapeOf(s) ?? {})) names.add(name);
    return [...names];
  } catch {
    return [];
  }
}

/**
 * Every field name of every object inside the given schemas (a field of the library's data
 * model may be named in messages and paths; other keys are input, and are not).
 *
 * @example
 * ```ts
 * fieldNamesOf(z.strictObject({ home: z.strictObject({ lat: z.number() }) })); // ['home', 'lat']
 * ```
 */
export function fieldNamesOf(...schemas: readonly z.ZodType[]): string[] {
  const names = new Set<string>();
  const seen = new Set<unknown>();
  const stack: unknown[] = [...schemas];
  while (stack.length > 0) {
    const s = stack.pop();
    const def = defOf(s);
    if (def === undefined || seen.has(s)) continue;
    seen.add(s);
    try {
      const shape = shapeOf(s);
      if (shape !== undefined) {
        for (const [name, child] of Object.entries(shape)) {
          names.add(name);
          stack.push(child);
        }
        continue;
      }
      const expanded: unknown[] = [];
      concrete(s, expanded, new Set([s]));
      stack.push(...expanded, def.element, def.valueType, ...((def.items as unknown[] | undefined) ?? []), def.rest);
      if (def.type !== 'lazy') stack.push(def.innerType, def.in, def.out, def.left, def.right, ...((def.options as unknown[] | undefined) ?? []));
    } catch {
      // a schema that cannot be walked names nothing
    }
  }
  return [...names];
}

/** Parses `value` with `schema` or throws an {@link ActivityMatchError} with every issue. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, code: ErrorCode, prefix: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ActivityMatchError(code, toIssues(prefix, result.error, schema, value));
  return result.data;
}

/** Per schema: deeply frozen inputs already validated, with their output. */
const frozenChecked = new Map<z.ZodType, WeakMap<object, unknown>>();

function isDeepFrozen(value: unknown, depth = 0): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (depth > 8 || !Object.isFrozen(value)) return false;
  for (const v of Object.values(value)) if (!isDeepFrozen(v, depth + 1)) return false;
  return true;
}

/**
 * {@link parseOrThrow} for small values that are usually the library's own validated, deeply
 * frozen copies (an activity's programme or capacity, read again for every shortlist): a deeply
 * frozen input that passed once is not parsed again (it cannot have changed), so the check costs
 * a look-up instead of a parse on the matcher's hot path. Anything else is parsed every time.
 */
export function parseOrThrowOnce<S extends z.ZodType>(schema: S, value: unknown, code: ErrorCode, prefix: string): z.output<S> {
  let seen = frozenChecked.get(schema);
  if (value !== null && typeof value === 'object' && seen?.has(value)) return seen.get(value) as z.output<S>;
  const output = parseOrThrow(schema, value, code, prefix);
  if (value !== null && typeof value === 'object' && isDeepFrozen(value)) {
    if (seen === undefined) frozenChecked.set(schema, (seen = new WeakMap()));
    seen.set(value, output);
  }
  return output;
}
