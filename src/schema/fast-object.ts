/**
 * Fast checks of strict zod objects whose structure is read from the schema itself: which fields
 * there are, their order (zod writes outputs in shape order), whether each is required, optional
 * or defaulted, and the defaults. Only the check of each field's value is written by hand, in a
 * table typed by the schema's shape, so a field added to the schema does not compile until it has
 * a check. Used by the activity and client fast paths for their objects and sub-objects.
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
import { freeze, isPlainObject } from './fast-common.js';
import type { Obj } from './fast-common.js';

/** How a fast path checks one field's value (never `undefined`): the checked output, or `undefined` to leave the input to zod. */
export type FieldCheck = (value: unknown) => unknown;

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

type FieldsParser = (o: Obj) => Obj | undefined;

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

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  for (const v of Object.values(value)) deepFreeze(v);
  freeze(value);
}

function fieldsOf(shape: Readonly<Record<string, z.ZodType>>, checks: Readonly<Record<string, FieldCheck>>): Field[] {
  return Object.keys(shape).map((key): Field => {
    const schema = shape[key];
    const check = checks[key] as FieldCheck;
    if (schema instanceof z.ZodOptional) return { key, presence: OPTIONAL, fallback: undefined, check };
    if (schema instanceof z.ZodDefault) {
      const fallback: unknown = schema.def.defaultValue;
      deepFreeze(fallback);
      return { key, presence: DEFAULTED, fallback, check };
    }
    return { key, presence: REQUIRED, fallback: undefined, check };
  });
}

/** The fields, checked in a loop: the same steps as the generated code. */
function loopParser(fields: readonly Field[]): FieldsParser {
  return (o) => {
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
    return out;
  };
}

/** The loop of {@link loopParser} unrolled into straight-line code, or `undefined` where code cannot be generated. */
function generatedParser(fields: readonly Field[]): FieldsParser | undefined {
  const steps = fields.map((field, i) => {
    const key = JSON.stringify(field.key);
    const absent = field.presence === DEFAULTED ? `out[${key}] = F[${i}].fallback;` : field.presence === OPTIONAL ? `if (${key} in o) out[${key}] = undefined;` : 'return undefined;';
    return `v = o[${key}]; if (v === undefined) { ${absent} } else { c = check${i}(v); if (c === undefined) return undefined; out[${key}] = c; }`;
  });
  // Each check is bound once to a constant of the generated closure, so the optimiser can inline it.
  const checks = fields.map((_, i) => `const check${i} = F[${i}].check;`).join('\n');
  try {
    return new Function('F', `${checks}\nreturn function parseFields(o) { const out = {}; let v, c;\n${steps.join('\n')}\nreturn out; };`)(fields) as FieldsParser;
  } catch {
    return undefined;
  }
}

/**
 * A fast check of the strict object `schema()` returns: its output, deep-frozen, exactly as zod
 * would write it, or `undefined` for anything zod would reject or the check leaves to zod
 * (unknown keys, objects that are not plain, a field check that defers, `refine` false). The
 * schema is read on first use, so module scope does no work.
 *
 * @param schema - The zod object, behind a function (read once, on first use).
 * @param checks - The check of each field's value, one per field of the schema's shape.
 * @param refine - Cross-field rules the schema states in a refinement, on the checked output.
 *
 * @example
 * ```ts
 * const capacity = objectCheck(() => CapacitySchema, { placesLeft: (v) => (isIntIn(v, 0, 100_000) ? v : undefined), … });
 * capacity({ placesLeft: 3 }); // { placesLeft: 3 }, frozen
 * capacity({ placesLeft: -1 }); // undefined: zod decides and writes the message
 * ```
 */
export function objectCheck<S extends { readonly shape: Readonly<Record<string, z.ZodType>> }>(
  schema: () => S,
  checks: { readonly [K in keyof S['shape']]: FieldCheck },
  refine?: (out: Obj) => boolean,
): (value: unknown) => Obj | undefined {
  let known: ReadonlySet<string> | undefined;
  let generated: FieldsParser | undefined;
  let loop: FieldsParser | undefined;
  return (value) => {
    if (!isPlainObject(value)) return undefined;
    if (known === undefined) {
      const fields = fieldsOf(schema().shape, checks as Readonly<Record<string, FieldCheck>>);
      known = new Set(fields.map((f) => f.key));
      loop = loopParser(fields);
      generated = generatedParser(fields) ?? loop;
    }
    // Strict keys, found with `for...in` as zod's strict objects find them.
    for (const k in value) if (!known.has(k)) return undefined;
    const out = (generatedCodeAllowed ? (generated as FieldsParser) : (loop as FieldsParser))(value);
    if (out === undefined || (refine !== undefined && !refine(out))) return undefined;
    return freeze(out);
  };
}
