/**
 * Fast checks of strict zod objects, read from the schema itself: which fields there are, their
 * order (zod writes outputs in shape order), whether each is required, optional or defaulted, the
 * defaults, each field's check (compiled from its schema by ./fast-compile.ts) and the object's
 * own refinements. A fast path writes a field's check by hand only where the compiler cannot read
 * the field's schema or where a cache makes it faster; the table of those is typed by the
 * schema's shape. Used by the activity and client fast paths for their objects and sub-objects.
 *
 * Each object's fields are checked by straight-line code generated once from its field list, so
 * every field is read and written by a constant name: a loop over the list reads and writes each
 * field by a key held in a variable, which goes through V8's megamorphic cache and measured 1.28×
 * the time per activity record. The generated code holds only the schema's field names (quoted
 * with `JSON.stringify`) and indices into the field list. Where generating code is forbidden (a
 * content security policy without 'unsafe-eval'), the loop is used; zod 4 does the same for its
 * own object parsers. The fast paths' tests run both.
 *
 * Internal: not exported from the package.
 *
 * @module
 */
import { z } from 'zod';
import { deepFreeze, freeze, isPlainObject } from './fast-common.js';
import type { Obj } from './fast-common.js';
import { compile, fieldSchema, objectChecks } from './fast-compile.js';
import type { FieldCheck } from './fast-compile.js';

const REQUIRED = 0;
const OPTIONAL = 1;
const DEFAULTED = 2;

interface Field {
  readonly key: string;
  readonly presence: typeof REQUIRED | typeof OPTIONAL | typeof DEFAULTED;
  /** The schema's default, deep-frozen once and shared by every input that leaves the field out. */
  readonly fallback: unknown;
  readonly check: FieldCheck;
}

let generatedCodeAllowed = true;

/**
 * Runs `fn` with every fast object check using its loop instead of generated code: what runs
 * where generating code is forbidden. For the tests, which hold both to zod.
 *
 * @example
 * ```ts
 * withoutGeneratedCode(() => fastParseActivity(record)); // the same value, by the loop
 * ```
 */
export function withoutGeneratedCode<T>(fn: () => T): T {
  const before = generatedCodeAllowed;
  generatedCodeAllowed = false;
  try {
    return fn();
  } finally {
    generatedCodeAllowed = before;
  }
}

/** A strict object's check with every field compiled from its schema. */
const compiledObject = (schema: z.ZodType): FieldCheck => objectCheck(() => schema as unknown as { shape: Readonly<Record<string, z.ZodType>> }, {});

/** The object checks made here, each with the function that builds its generated code. */
const generatedOf = new WeakMap<FieldCheck, () => FieldCheck>();

/**
 * The generated code of an object check made here (built now if it was not), else `check`:
 * generated parents call their children's generated code directly, each a function of its own
 * that the optimiser can inline, not through the shared wrapper.
 */
const direct = (check: FieldCheck): FieldCheck => generatedOf.get(check)?.() ?? check;

/** A field's check compiled from its schema; an error names the field. */
function compiledField(key: string, schema: z.ZodType, generate: boolean): FieldCheck {
  try {
    return compile(fieldSchema(schema), generate ? (s) => direct(compiledObject(s)) : compiledObject, generate);
  } catch (error) {
    throw new Error(`${key}: ${(error as Error).message}`, { cause: error });
  }
}

/** The fields; those without a hand-written check are compiled, to generated code or not. */
function fieldsOf(shape: Readonly<Record<string, z.ZodType>>, checks: Readonly<Record<string, FieldCheck | undefined>>, generate: boolean): Field[] {
  return Object.keys(shape).map((key): Field => {
    const schema = shape[key] as z.ZodType;
    const hand = checks[key];
    const check = hand !== undefined ? (generate ? direct(hand) : hand) : compiledField(key, schema, generate);
    if (schema instanceof z.ZodOptional) return { key, presence: OPTIONAL, fallback: undefined, check };
    if (schema instanceof z.ZodDefault) {
      const fallback: unknown = schema.def.defaultValue;
      deepFreeze(fallback);
      return { key, presence: DEFAULTED, fallback, check };
    }
    return { key, presence: REQUIRED, fallback: undefined, check };
  });
}

/** The object check by a loop over the fields: the same steps as the generated code. */
function byLoop(fields: readonly Field[], refine: (out: unknown) => unknown): FieldCheck {
  const known: ReadonlySet<string> = new Set(fields.map((f) => f.key));
  return (o) => {
    if (!isPlainObject(o)) return undefined;
    // Strict keys, found with `for...in` as zod's strict objects find them.
    for (const k in o) if (!known.has(k)) return undefined;
    const out: Obj = {};
    for (const field of fields) {
      const value = o[field.key];
      if (value === undefined) {
        // Absent or undefined: zod writes the default, keeps an optional key that is present, and fails a required one.
        if (field.presence === DEFAULTED) out[field.key] = field.fallback;
        else if (field.presence === OPTIONAL) {
          if (field.key in o) out[field.key] = undefined;
        } else return undefined;
        continue;
      }
      const checked = field.check(value);
      if (checked === undefined) return undefined;
      out[field.key] = checked;
    }
    return refine(out) === undefined ? undefined : freeze(out);
  };
}

/**
 * The loop of {@link byLoop} unrolled into straight-line code, a function of its own for each
 * object, or `undefined` where code cannot be generated. The code holds only the schema's field
 * names (quoted with `JSON.stringify`) and indices into the field list.
 */
function byCode(fields: readonly Field[], refine: ((out: unknown) => unknown) | undefined): FieldCheck | undefined {
  const steps = fields.map((field, i) => {
    const key = JSON.stringify(field.key);
    const absent = field.presence === DEFAULTED ? `out[${key}] = fallback${i};` : field.presence === OPTIONAL ? `if (${key} in o) out[${key}] = undefined;` : 'return undefined;';
    return `v = o[${key}]; if (v === undefined) { ${absent} } else { c = check${i}(v); if (c === undefined) return undefined; out[${key}] = c; }`;
  });
  // Each check and default is bound once to a constant of the generated closure, so the optimiser can inline it.
  const constants = fields.map((_, i) => `const check${i} = F[${i}].check, fallback${i} = F[${i}].fallback;`).join('\n');
  const body = [
    'if (typeof o !== "object" || o === null) return undefined;',
    'const p = getPrototypeOf(o); if (p !== OBJECT && p !== null) return undefined;',
    'for (const k in o) if (!known.has(k)) return undefined;',
    'const out = {}; let v, c;',
    ...steps,
    refine === undefined ? '' : 'if (refine(out) === undefined) return undefined;',
    'return freeze(out);',
  ].join('\n');
  try {
    const make = new Function('F', 'known', 'refine', 'getPrototypeOf', 'OBJECT', 'freeze', `${constants}\nreturn function checkObject(o) {\n${body}\n};`);
    return make(fields, new Set(fields.map((f) => f.key)), refine, Object.getPrototypeOf, Object.prototype, freeze) as FieldCheck;
  } catch {
    return undefined;
  }
}

/**
 * A fast check of the strict object `schema()` returns: its output, deep-frozen, exactly as zod
 * would write it, or `undefined` for anything zod would reject or the check leaves to zod
 * (unknown keys, objects that are not plain, a field check that defers, a refinement that fails).
 * The schema is read on first use, so module scope does no work; a field whose schema the
 * compiler cannot read, and that has no check in `checks`, throws then.
 *
 * @param schema - The zod object, behind a function (read once, on first use).
 * @param checks - Hand-written checks for the fields that need one; every other field's is compiled from its schema.
 *
 * @example
 * ```ts
 * const capacity = objectCheck(() => CapacitySchema, {});
 * capacity({ placesLeft: 3 }); // { placesLeft: 3 }, frozen
 * capacity({ placesLeft: -1 }); // undefined: zod decides and writes the message
 * ```
 */
export function objectCheck<S extends { readonly shape: Readonly<Record<string, z.ZodType>> }>(schema: () => S, checks: { readonly [K in keyof S['shape']]?: FieldCheck }): (value: unknown) => Obj | undefined {
  const table = checks as Readonly<Record<string, FieldCheck | undefined>>;
  let loop: FieldCheck | undefined;
  let generated: FieldCheck | undefined;
  const built = () => {
    if (loop === undefined) {
      const s = schema();
      const refine = objectChecks(s as unknown as z.ZodType);
      loop = byLoop(fieldsOf(s.shape, table, false), refine ?? ((out) => out));
      // Set before the children are built, so that a schema reached again (none is, today) does not loop.
      generated = loop;
      generated = byCode(fieldsOf(s.shape, table, true), refine) ?? loop;
    }
  };
  const check = (value: unknown) => {
    built();
    return (generatedCodeAllowed ? (generated as FieldCheck) : (loop as FieldCheck))(value) as Obj | undefined;
  };
  generatedOf.set(check, () => {
    built();
    return generated as FieldCheck;
  });
  return check;
}
