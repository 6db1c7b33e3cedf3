// objectCheck reads an object's structure from its zod schema (fields, order, presence, defaults)
// and takes only each field's value check by hand. These tests use a small schema of their own,
// so they say what objectCheck does for any schema, generated code and loop alike.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { objectCheck, withoutGeneratedCode } from '../../src/schema/fast-object.js';
import { difference, unfrozen } from './pinned.js';

const Schema = z
  .strictObject({
    name: z.string().max(5),
    size: z.number().int().optional(),
    tags: z.array(z.string()).default([]),
    span: z.strictObject({ from: z.number(), to: z.number() }).default({ from: 0, to: 1 }),
  })
  .refine((o) => o.span.from <= o.span.to);

const isString5 = (v: unknown) => (typeof v === 'string' && v.length <= 5 ? v : undefined);
const isInt = (v: unknown) => (Number.isSafeInteger(v) ? v : undefined);
const stringList = (v: unknown) => (Array.isArray(v) && v.every((s) => typeof s === 'string') ? Object.freeze([...v]) : undefined);
const span = objectCheck(() => Schema.shape.span.unwrap(), { from: (v) => (typeof v === 'number' ? v : undefined), to: (v) => (typeof v === 'number' ? v : undefined) });
const check = objectCheck(() => Schema, { name: isString5, size: isInt, tags: stringList, span });

/** Both ways of running the check, which must agree on every input. */
const ways = { 'generated code': check, loop: (v: unknown) => withoutGeneratedCode(() => check(v)) };

/** Anything, or mostly right for the field: inputs over the schema's keys and one unknown key. */
const any = fc.oneof(fc.constant(undefined), fc.string({ maxLength: 7 }), fc.double(), fc.constant(null));
const field = <T>(right: fc.Arbitrary<T>) => fc.oneof({ arbitrary: right, weight: 4 }, { arbitrary: any, weight: 1 });
const inputs = fc.record(
  {
    name: field(fc.string({ maxLength: 6 })),
    size: field(fc.integer({ min: -3, max: 3 })),
    tags: field(fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 2 })),
    span: field(fc.record({ from: fc.integer({ min: 0, max: 3 }), to: fc.integer({ min: 0, max: 3 }) }, { requiredKeys: [] })),
    extra: any,
  },
  { requiredKeys: [] },
).map((o) => (Math.abs(JSON.stringify(o).length % 5) === 0 ? o : (({ extra: _, ...rest }) => rest)(o)));

describe.each(Object.entries(ways))('objectCheck by %s', (_, run) => {
  it('writes zod’s output for a minimal input: defaults filled, in the schema’s order, frozen', () => {
    const out = run({ name: 'walk' });
    expect(difference(out, Schema.parse({ name: 'walk' }))).toBeUndefined();
    expect(Object.keys(out ?? {})).toEqual(['name', 'tags', 'span']);
    expect(unfrozen(out)).toBeUndefined();
  });

  it('keeps an optional key that is present with the value undefined, as zod does', () => {
    expect(Object.keys(run({ size: undefined, name: 'a' }) ?? {})).toEqual(['name', 'size', 'tags', 'span']);
  });

  it('leaves to zod: an unknown key, a missing required field, a value its check refuses, a failed refinement, a non-plain object', () => {
    expect(run({ name: 'a', extra: 1 })).toBeUndefined();
    expect(run({ size: 1 })).toBeUndefined();
    expect(run({ name: 'too long' })).toBeUndefined();
    expect(run({ name: 'a', span: { from: 2, to: 1 } })).toBeUndefined();
    expect(run(new (class {})())).toBeUndefined();
    expect(run(['name'])).toBeUndefined();
    expect(run(null)).toBeUndefined();
  });

  it('accepts exactly what zod accepts on these inputs, and writes exactly zod’s output (random inputs)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(inputs, (input) => {
        const zod = Schema.safeParse(input);
        const out = run(input);
        // Every field's check here is complete, so nothing valid is left to zod.
        expect(out !== undefined).toBe(zod.success);
        if (out === undefined) return;
        accepted++;
        expect(difference(out, zod.data)).toBeUndefined();
      }),
      { numRuns: 400 },
    );
    expect(accepted).toBeGreaterThan(10);
  });

  it('does not mutate its input, and writes each default as one frozen instance shared by every output', () => {
    const input = { name: 'a' };
    const out = run(input);
    expect(input).toEqual({ name: 'a' });
    expect(run({ name: 'b' })?.span).toBe(out?.span);
  });
});

describe('objectCheck reads its structure from the schema', () => {
  it('handles a field added to the schema with no change but the new field’s check', () => {
    const Wider = z.strictObject({ ...Schema.shape, colour: z.enum(['red', 'blue']).default('red') });
    const wider = objectCheck(() => Wider, { name: isString5, size: isInt, tags: stringList, span, colour: (v) => (v === 'red' || v === 'blue' ? v : undefined) });
    expect(difference(wider({ name: 'a' }), Wider.parse({ name: 'a' }))).toBeUndefined();
    expect(wider({ name: 'a', colour: 'blue' })?.colour).toBe('blue');
  });

  it('reads the schema on first use, not when the check is made', () => {
    let reads = 0;
    const lazy = objectCheck(
      () => {
        reads++;
        return z.strictObject({ a: z.number() });
      },
      { a: isInt },
    );
    expect(reads).toBe(0);
    lazy({ a: 1 });
    lazy({ a: 2 });
    expect(reads).toBe(1);
  });
});
