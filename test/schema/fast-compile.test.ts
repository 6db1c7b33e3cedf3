// The compiler from a zod schema's definition to a fast check: for every kind it reads, it must
// accept exactly what zod accepts and write exactly zod's output; for any other kind it must
// refuse to build, naming the kind.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compile } from '../../src/schema/fast-compile.js';
import { objectCheck } from '../../src/schema/fast-object.js';
import { difference, unfrozen } from './pinned.js';

const object = (schema: z.ZodType) => objectCheck(() => schema as unknown as { shape: Record<string, z.ZodType> }, {});
const compiled = (schema: z.ZodType, generate = true) => compile(schema, object, generate);

/** Values of every kind, near the bounds the schemas below use. */
const values = fc.oneof(
  fc.constantFrom(0, -0, 1, 1.5, 130, 131, -1, 2 ** 53, NaN, Infinity, '', ' ', ' a ', 'abc', 'a'.repeat(11), 'red', 'blue', true, false, null, undefined, '2026-02-29', '2024-02-29', 'en-GB', 'EN'),
  fc.string({ maxLength: 12 }),
  fc.double(),
  fc.integer({ min: -5, max: 140 }),
  fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.integer({ min: 0, max: 3 })), { maxLength: 4 }),
  fc.record({ from: fc.constantFrom('2026-01-01', '2026-01-02', 'x'), to: fc.constantFrom('2026-01-01', '2026-01-02'), reason: fc.constantFrom(' away ', '', undefined) }, { requiredKeys: [] }),
);

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s);
const Range = z.strictObject({ from: z.string().refine(isDate), to: z.string().refine(isDate), reason: z.string().trim().min(1).optional() }).refine((r) => r.to >= r.from);

const SCHEMAS: Record<string, z.ZodType> = {
  'an integer in a range': z.number().int().min(0).max(130),
  'a positive number below a bound': z.number().positive().lt(100),
  'a trimmed text of 1 to 10 characters': z.string().trim().min(1).max(10),
  'a text of exactly 3 characters': z.string().length(3),
  'a text matching a pattern (a zod format check)': z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/),
  'a refined text': z.string().refine(isDate),
  'a boolean': z.boolean(),
  'an enum': z.enum(['red', 'blue']),
  'a literal': z.literal(130),
  'a union of literals': z.union([z.literal(1), z.literal(2), z.literal('red')]),
  'a list with bounds of trimmed texts': z.array(z.string().trim().min(1)).min(1).max(3),
  'a transform after a check': z
    .string()
    .max(5)
    .transform((s) => s.toUpperCase()),
  'a list transformed (de-duplicated)': z.array(z.string()).transform((l) => [...new Set(l)]),
  'a transform that reports an issue': z.string().transform((s, ctx) => {
    if (s.length > 2) ctx.addIssue({ code: 'custom', message: 'too long' });
    return s;
  }),
  'a preprocessed object with a refinement': z.preprocess((v) => (typeof v === 'string' ? { from: v, to: v } : v), Range),
  'an object with a superRefine': z.strictObject({ a: z.number().optional(), b: z.number().optional() }).superRefine((o, ctx) => {
    if ((o.a === undefined) !== (o.b === undefined)) ctx.addIssue({ code: 'custom', message: 'a and b together' });
  }),
};

describe.each(Object.entries(SCHEMAS))('compile: %s', (_, schema) => {
  it.each([
    ['generated code', true],
    ['a loop over the tests', false],
  ])('accepts exactly what zod accepts, with zod’s output, frozen (by %s)', (_way, generate) => {
    const check = compiled(schema, generate);
    let accepted = 0;
    fc.assert(
      fc.property(values, (value) => {
        const zod = schema.safeParse(value);
        const out = check(value);
        expect(out !== undefined).toBe(zod.success);
        if (out === undefined) return;
        accepted++;
        expect(difference(out, zod.data)).toBeUndefined();
        expect(unfrozen(out)).toBeUndefined();
      }),
      { numRuns: 300, seed: 5 },
    );
    expect(accepted).toBeGreaterThan(0);
  });
});

describe('compile leaves to zod what it cannot decide', () => {
  it('an asynchronous refinement', () => {
    const check = compiled(z.string().refine(async () => true));
    expect(check('a')).toBeUndefined();
  });

  it('refuses to build for kinds it does not read, naming the kind', () => {
    expect(() => compiled(z.union([z.string(), z.strictObject({ a: z.number() })]))).toThrow(/a union with a string option/);
    expect(() => compiled(z.lazy(() => z.string()))).toThrow(/a zod lazy schema/);
    expect(() => compiled(z.object({ a: z.number() }))).toThrow(/not strict/);
    expect(() => compiled(z.string().pipe(z.string()))).toThrow(/pipe between two schemas/);
  });
});
