/**
 * A small compiler from a zod schema's own definition to a fast check of a value: what the fast
 * paths use for every field they do not check by hand, so the rules (bounds, lengths, enum
 * values, patterns, trimming, refinements, transforms) are written once, in the schema.
 *
 * It reads the schema's type and its list of checks (`schema._zod.def`), as zod itself runs them:
 * - types: number, string, boolean, enum, literal, arrays of these, strict objects (through
 *   `objectCheck`), unions of literals, discriminated unions of strict objects, and a pipe into or out of a transform (`.transform`,
 *   `z.preprocess`; the transform is run as zod runs it, on a payload that collects its issues);
 * - checks: the common kinds (`min`, `max`, `positive`, `int`, `length`, `trim` and other
 *   overwrites, `refine`) are run inline from the parameters they hold; any other kind (a
 *   `superRefine`, a string format) is run by zod's own check function on a payload, as zod runs
 *   it. A check or transform that returns a promise makes the value go to zod.
 *
 * Anything else (a union of objects, a lazy schema, a catchall object) throws when the check is
 * built, naming the schema's type: such a field needs its check written by hand in the fast
 * path's table. The fast paths build their checks on first use and catch the error, so a field of
 * a new kind only makes them defer to zod, and their tests, which require the fast path to accept
 * every valid fixture, fail.
 *
 * The result of a check is the value zod would output, or `undefined` where zod would reject it
 * (or would need to decide). Arrays and objects come back frozen.
 *
 * Internal: not exported from the package. It reads zod 4's `_zod.def`, which zod documents for
 * library authors; the pinning tests hold every compiled path to zod.
 *
 * Size: just over 300 lines: one compiler with its two back ends (a loop, and generated code)
 * side by side, so that they are read and changed together.
 *
 * @module
 */
import type { z } from 'zod';
import { deepFreeze, EMPTY_LIST, exactList, freeze, isPlainArray, isPlainObject } from './fast-common.js';

/** How a fast path checks one value (never `undefined`): the checked output, or `undefined` to leave the input to zod. */
export type FieldCheck = (value: unknown) => unknown;

/** What a failed step returns (a step's output may be any value, `undefined` included). */
const FAIL: unique symbol = Symbol('fail');
type Step = (value: unknown) => unknown;

interface Payload {
  value: unknown;
  issues: unknown[];
  addIssue?: (issue: unknown) => void;
}

/** The parts of zod 4's internal definition that are read here. */
interface Def {
  readonly type: string;
  readonly checks?: readonly ZodCheck[];
  readonly innerType?: z.ZodType;
  readonly element?: z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly discriminator?: string;
  readonly in?: z.ZodType;
  readonly out?: z.ZodType;
  readonly catchall?: z.ZodType;
  readonly transform?: (value: unknown, payload: Payload) => unknown;
}
interface CheckDef {
  readonly check: string;
  readonly when?: (payload: Payload) => boolean;
  readonly value?: number;
  readonly inclusive?: boolean;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly length?: number;
  readonly format?: string;
  readonly tx?: (value: unknown) => unknown;
  readonly fn?: (value: unknown) => unknown;
}
interface ZodCheck {
  readonly _zod: { readonly def: CheckDef; readonly check: (payload: Payload) => unknown };
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const valuesOf = (schema: z.ZodType) => (schema as unknown as { _zod: { values?: ReadonlySet<unknown> } })._zod.values;

/**
 * One test or rewrite of the value, in the order zod runs them: a type test, a bound, a length,
 * or a call (an inner parse, an overwrite such as `trim`, a refinement, a transform, or zod's own
 * check function). A call returns the new value or `FAIL`.
 */
type Test =
  | { readonly kind: 'typeof'; readonly type: 'number' | 'string' | 'boolean' }
  | { readonly kind: 'in'; readonly values: ReadonlySet<unknown> }
  | { readonly kind: 'min' | 'max'; readonly value: number; readonly inclusive: boolean }
  | { readonly kind: 'safeint' }
  | { readonly kind: 'length'; readonly lo: number; readonly hi: number }
  | { readonly kind: 'call'; readonly step: Step }
  | { readonly kind: 'check'; readonly check: FieldCheck };

/** A zod check as a test: the common kinds from the parameters they hold, any other by zod's own function. */
function testOf(ch: ZodCheck): Test {
  const def = ch._zod.def;
  if (def.when === undefined) {
    switch (def.check) {
      case 'greater_than':
        return { kind: 'min', value: def.value as number, inclusive: def.inclusive === true };
      case 'less_than':
        return { kind: 'max', value: def.value as number, inclusive: def.inclusive === true };
      case 'number_format':
        if (def.format === 'safeint') return { kind: 'safeint' };
        break;
      case 'overwrite':
        return { kind: 'call', step: def.tx as Step };
      case 'custom':
        // A `refine` holds its predicate; a `superRefine` does not, and is run by zod below.
        if (def.fn !== undefined) {
          const fn = def.fn;
          return {
            kind: 'call',
            step: (v) => {
              const ok = fn(v);
              return ok instanceof Promise || !ok ? FAIL : v;
            },
          };
        }
        break;
    }
  } else if (def.check === 'min_length' || def.check === 'max_length' || def.check === 'length_equals') {
    // Length checks run only on values with a length, which every string and array has.
    if (def.check === 'length_equals') return { kind: 'length', lo: def.length as number, hi: def.length as number };
    return { kind: 'length', lo: def.minimum ?? 0, hi: def.maximum ?? Infinity };
  }
  return {
    kind: 'call',
    step: (v) => {
      const payload: Payload = { value: v, issues: [] };
      if (def.when !== undefined && !def.when(payload)) return v;
      if (ch._zod.check(payload) instanceof Promise || payload.issues.length !== 0) return FAIL;
      return payload.value;
    },
  };
}

/** The tests as one function, by a loop over them. */
function byLoop(tests: readonly Test[]): FieldCheck {
  const passes = (t: Test, v: unknown): unknown => {
    switch (t.kind) {
      case 'typeof':
        return (t.type === 'number' ? typeof v === 'number' && Number.isFinite(v) : typeof v === t.type) ? v : FAIL;
      case 'in':
        return t.values.has(v) ? v : FAIL;
      case 'min':
        return (t.inclusive ? (v as number) >= t.value : (v as number) > t.value) ? v : FAIL;
      case 'max':
        return (t.inclusive ? (v as number) <= t.value : (v as number) < t.value) ? v : FAIL;
      case 'safeint':
        return Number.isSafeInteger(v) ? v : FAIL;
      case 'length': {
        const n = (v as { length: number }).length;
        return n >= t.lo && n <= t.hi ? v : FAIL;
      }
      case 'call':
        return t.step(v);
      case 'check':
        return t.check(v) ?? FAIL;
    }
  };
  return (value) => {
    let v = value;
    for (const t of tests) if ((v = passes(t, v)) === FAIL) return undefined;
    return v;
  };
}

/**
 * The tests as one function of straight-line code, generated once: the bounds are constants of
 * the function and every call is bound to a constant, so the optimiser can inline them. The code
 * holds only the kinds of test and indices into the lists of constants; `undefined` where code
 * cannot be generated.
 */
function byCode(tests: readonly Test[]): FieldCheck | undefined {
  const constants: unknown[] = [];
  const constant = (value: unknown) => `c${constants.push(value) - 1}`;
  const lines = tests.map((t) => {
    switch (t.kind) {
      case 'typeof':
        return t.type === 'number' ? 'if (typeof v !== "number" || !isFinite(v)) return undefined;' : `if (typeof v !== "${t.type}") return undefined;`;
      case 'in':
        return `if (!${constant(t.values)}.has(v)) return undefined;`;
      case 'min':
        return `if (!(v ${t.inclusive ? '>=' : '>'} ${constant(t.value)})) return undefined;`;
      case 'max':
        return `if (!(v ${t.inclusive ? '<=' : '<'} ${constant(t.value)})) return undefined;`;
      case 'safeint':
        return 'if (!isSafeInteger(v)) return undefined;';
      case 'length':
        return `if (!(v.length >= ${constant(t.lo)} && v.length <= ${constant(t.hi)})) return undefined;`;
      case 'call':
        return `v = ${constant(t.step)}(v); if (v === FAIL) return undefined;`;
      case 'check':
        return `v = ${constant(t.check)}(v); if (v === undefined) return undefined;`;
    }
  });
  const bound = constants.map((_, i) => `const c${i} = C[${i}];`).join('\n');
  try {
    return new Function('C', 'FAIL', `const isFinite = Number.isFinite, isSafeInteger = Number.isSafeInteger;\n${bound}\nreturn function check(v) {\n${lines.join('\n')}\nreturn v; };`)(constants, FAIL) as FieldCheck;
  } catch {
    return undefined;
  }
}

/** A transform run as zod runs it: on a payload, whose issues make it fail. */
function transformStep(transform: NonNullable<Def['transform']>): Step {
  return (v) => {
    const payload: Payload = { value: v, issues: [] };
    payload.addIssue = (issue) => payload.issues.push(issue);
    const out = transform(v, payload);
    return out instanceof Promise || payload.issues.length !== 0 ? FAIL : out;
  };
}

/** Deep-freezes what a step returns (a transform's output is new, made from values already checked here). */
const frozen =
  (inner: Step): Step =>
  (v) => {
    const out = inner(v);
    if (out !== FAIL) deepFreeze(out);
    return out;
  };

function unsupported(what: string): never {
  throw new Error(`no fast check for ${what}: write the field's check by hand in the fast path's table`);
}

/** The tests zod runs for `schema`: its type's, then its checks. */
function testsOf(schema: z.ZodType, object: (schema: z.ZodType) => FieldCheck, generate: boolean): Test[] {
  const def = defOf(schema);
  const checks = (def.checks ?? []).map(testOf);
  const inner = (s: z.ZodType) => compile(s, object, generate);
  switch (def.type) {
    case 'number':
    case 'string':
    case 'boolean':
      return [{ kind: 'typeof', type: def.type }, ...checks];
    case 'enum':
    case 'literal':
      return [{ kind: 'in', values: valuesOf(schema) as ReadonlySet<unknown> }, ...checks];
    case 'undefined':
      // A field that must be left out (`z.undefined().optional()`): any value is invalid.
      return [{ kind: 'in', values: new Set([undefined]) }, ...checks];
    case 'union': {
      if (def.discriminator !== undefined) return [{ kind: 'check', check: discriminated(def.discriminator, def.options ?? [], object) }, ...checks];
      // Otherwise only unions of literals and enums, where at most one option can match.
      const values = new Set<unknown>();
      for (const option of def.options ?? []) {
        const t = defOf(option).type;
        if ((t !== 'literal' && t !== 'enum') || (defOf(option).checks ?? []).length > 0) unsupported(`a union with a ${t} option`);
        for (const v of valuesOf(option) as ReadonlySet<unknown>) values.add(v);
      }
      return [{ kind: 'in', values }, ...checks];
    }
    case 'array': {
      const element = inner(def.element as z.ZodType);
      const list: Step = (v) => {
        if (!isPlainArray(v)) return FAIL;
        const n = v.length;
        if (n === 0) return EMPTY_LIST;
        const out = exactList<unknown>(n);
        for (let i = 0; i < n; i++) {
          const e = element(v[i]);
          if (e === undefined) return FAIL;
          out[i] = e;
        }
        return freeze(out);
      };
      return [{ kind: 'call', step: list }, ...checks];
    }
    case 'object':
      if (def.catchall === undefined || defOf(def.catchall).type !== 'never') unsupported('an object that is not strict');
      // The object's own refinements are run by its check.
      return [{ kind: 'check', check: object(schema) }];
    case 'pipe': {
      const [first, second] = [def.in as z.ZodType, def.out as z.ZodType];
      // A schema then a transform (`.transform`), or a transform then a schema (`z.preprocess`).
      if (defOf(second).type === 'transform') return [...testsOf(first, object, generate), { kind: 'call', step: frozen(transformStep(defOf(second).transform as NonNullable<Def['transform']>)) }, ...checks];
      if (defOf(first).type === 'transform') return [{ kind: 'call', step: transformStep(defOf(first).transform as NonNullable<Def['transform']>) }, ...testsOf(second, object, generate), ...checks];
      return unsupported('a pipe between two schemas');
    }
    default:
      return unsupported(`a zod ${def.type} schema`);
  }
}

/**
 * A discriminated union: the option whose discriminator value the input holds, checked as a strict
 * object, as zod picks it (no option for the value: invalid).
 */
function discriminated(key: string, options: readonly z.ZodType[], object: (schema: z.ZodType) => FieldCheck): FieldCheck {
  const byValue = new Map<unknown, FieldCheck>();
  for (const option of options) {
    const values = (option as unknown as { _zod: { propValues?: Record<string, ReadonlySet<unknown>> } })._zod.propValues?.[key];
    if (defOf(option).type !== 'object' || values === undefined) unsupported('a discriminated union of other than objects');
    const check = object(option);
    for (const v of values) byValue.set(v, check);
  }
  return (v) => (isPlainObject(v) ? byValue.get(v[key])?.(v) : undefined);
}

/**
 * A fast check compiled from `schema`'s definition, for the kinds described in the module note;
 * throws, naming the kind, for any other. `object` builds a strict object's check (given by
 * ./fast-object.ts, which compiles its fields with this); `generate` asks for generated code
 * (straight-line, about a third faster per activity record than the loop) where it can be made.
 *
 * @example
 * ```ts
 * const age = compile(z.number().int().min(0).max(130), objectCheck, true);
 * age(72);  // 72
 * age(7.5); // undefined
 * ```
 */
export function compile(schema: z.ZodType, object: (schema: z.ZodType) => FieldCheck, generate: boolean): FieldCheck {
  const tests = testsOf(schema, object, generate);
  return (generate ? byCode(tests) : undefined) ?? byLoop(tests);
}

/** The schema inside an `optional` or `default` field (whose presence `objectCheck` handles), or the schema itself. */
export function fieldSchema(schema: z.ZodType): z.ZodType {
  const def = defOf(schema);
  return (def.type === 'optional' || def.type === 'default') && (def.checks ?? []).length === 0 ? (def.innerType as z.ZodType) : schema;
}

/** Runs an object schema's own checks (its `refine` and `superRefine`) on a checked output: the output, or `undefined`; `undefined` when it has none. */
export function objectChecks(schema: z.ZodType): ((out: unknown) => unknown) | undefined {
  const checks = (defOf(schema).checks ?? []).map(testOf);
  return checks.length === 0 ? undefined : byLoop(checks);
}
