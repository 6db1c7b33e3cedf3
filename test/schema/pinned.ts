// Shared by the tests that pin a hand-written validation fast path to its zod schema
// (fast-activity.test.ts, fast-client.test.ts): output comparison, input snapshots, and random
// mutations of valid records.
import fc from 'fast-check';
import { expect } from 'vitest';

export type Json = unknown;

/** The first difference between two outputs (own keys in order, prototypes, leaves by Object.is), or undefined. */
export function difference(a: unknown, b: unknown, path = '$'): string | undefined {
  if (typeof a !== typeof b) return `${path}: ${typeof a} vs ${typeof b}`;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return Object.is(a, b) ? undefined : `${path}: ${String(a)} vs ${String(b)}`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path}: different prototypes`;
  const ka = Reflect.ownKeys(a);
  const kb = Reflect.ownKeys(b);
  if (ka.join('\u0000') !== kb.join('\u0000')) return `${path}: keys [${ka.map(String).join(', ')}] vs [${kb.map(String).join(', ')}]`;
  for (const k of ka) {
    if (k === 'length' && Array.isArray(a)) continue;
    const d = difference((a as Record<PropertyKey, unknown>)[k], (b as Record<PropertyKey, unknown>)[k], `${path}.${String(k)}`);
    if (d !== undefined) return d;
  }
  return undefined;
}

/** Asserts `fast` equals zod's output by JSON text and by own keys in order at every level. */
export function expectSameOutput(fast: unknown, zod: unknown): void {
  expect(JSON.stringify(fast)).toBe(JSON.stringify(zod));
  expect(difference(fast, zod)).toBeUndefined();
}

/** The path of the first object or array in `value` that is not frozen, or undefined. */
export function unfrozen(value: unknown, path = '$'): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  if (!Object.isFrozen(value)) return path;
  for (const [k, v] of Object.entries(value)) {
    const p = unfrozen(v, `${path}.${k}`);
    if (p !== undefined) return p;
  }
  return undefined;
}

/** Every object and array reachable from `value`. */
export function containers(value: unknown, into = new Set<object>()): Set<object> {
  if (value !== null && typeof value === 'object' && !into.has(value)) {
    into.add(value);
    for (const v of Object.values(value)) containers(v, into);
  }
  return into;
}

/** A copy of `value` keeping prototypes, own keys in order and holes (unlike structuredClone). */
export function snapshot(value: unknown, seen = new Map<object, unknown>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  const known = seen.get(value);
  if (known !== undefined) return known;
  const copy = (Array.isArray(value) ? new Array<unknown>(value.length) : Object.create(Object.getPrototypeOf(value) as object | null)) as Record<PropertyKey, unknown>;
  Object.setPrototypeOf(copy, Object.getPrototypeOf(value) as object | null);
  seen.set(value, copy);
  for (const k of Reflect.ownKeys(value)) {
    if (k === 'length' && Array.isArray(value)) continue;
    Object.defineProperty(copy, k, { value: snapshot((value as Record<PropertyKey, unknown>)[k], seen), enumerable: Object.prototype.propertyIsEnumerable.call(value, k), writable: true, configurable: true });
  }
  return copy;
}

/** What a checker reports of one input: whether zod accepted it, and whether the fast path did. */
export type Check = (input: unknown) => { zodOk: boolean; fastOk: boolean };

/** How many inputs were checked, how many zod accepted, and how many of those the fast path took. */
export interface Tally {
  inputs: number;
  valid: number;
  covered: number;
}

function count(tally: Tally, result: { zodOk: boolean; fastOk: boolean }): void {
  tally.inputs++;
  if (result.zodOk) tally.valid++;
  if (result.fastOk) tally.covered++;
}

/**
 * A checker of a fast path against its zod schema. It runs both on `input` and checks the
 * contract: a fast value only when zod succeeds, equal to zod's output, deep-frozen, sharing
 * nothing with the input, and the input left as it was (same keys and values, nothing newly frozen).
 */
export function pinnedChecker(schema: { safeParse(input: unknown): { success: boolean; data?: unknown } }, fast: (input: unknown) => unknown): Check {
  return (input) => {
    const before = snapshot(input);
    const frozenBefore = [...containers(input)].filter((part) => Object.isFrozen(part)).length;
    const zod = schema.safeParse(input);
    const value = fast(input);
    expect(difference(input, before)).toBeUndefined();
    expect([...containers(input)].filter((part) => Object.isFrozen(part))).toHaveLength(frozenBefore);
    if (value !== undefined) {
      expect(zod.success).toBe(true);
      expectSameOutput(value, zod.data);
      expect(unfrozen(value)).toBeUndefined();
      const inputParts = containers(input);
      for (const part of containers(value)) expect(inputParts.has(part)).toBe(false);
    }
    return { zodOk: zod.success, fastOk: value !== undefined };
  };
}

/** The path of every value in `record` (object keys and array indices), depth first. */
export function valuePaths(record: unknown, path: (string | number)[] = [], into: (string | number)[][] = []): (string | number)[][] {
  if (record !== null && typeof record === 'object') {
    for (const key of Object.keys(record)) {
      const k = Array.isArray(record) ? Number(key) : key;
      into.push([...path, k]);
      valuePaths((record as Record<string | number, unknown>)[k], [...path, k], into);
    }
  }
  return into;
}

export const DELETE = Symbol('delete');

/** A copy of `base` with the value at `path` replaced (or deleted with DELETE). */
export function withValue(base: Record<string, Json>, path: readonly (string | number)[], value: unknown): Record<string, Json> {
  const copy = structuredClone(base);
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (value === DELETE) delete node[last];
  else node[last] = value;
  return copy;
}

export type Mutation =
  | { kind: 'delete' | 'dup' | 'swap' | 'reverse' | 'pad' | 'upper' | 'lower'; at: number }
  | { kind: 'nudge'; at: number; by: number }
  | { kind: 'set'; at: number; value: unknown }
  | { kind: 'add'; at: number; key: string; value: unknown };

/** Random edits of a record: deletions, duplicates, swaps, harmless text and number edits, values set and keys added. */
export function mutationArbitrary(valueArb: fc.Arbitrary<unknown>, keys: readonly string[]): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.record({ kind: fc.constantFrom('delete' as const, 'dup' as const, 'swap' as const, 'reverse' as const), at: fc.nat() }),
    // Mostly harmless edits, so that many mutants stay valid and are compared field by field.
    fc.record({ kind: fc.constantFrom('pad' as const, 'upper' as const, 'lower' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('nudge' as const), at: fc.nat(), by: fc.constantFrom(-1, -0.5, 0.5, 1, 1e-9) }),
    fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: valueArb }),
    fc.record({ kind: fc.constant('add' as const), at: fc.nat(), key: fc.constantFrom(...keys), value: valueArb }),
  );
}

export type Container = Record<string | number, unknown>;

/** Every [parent, key] in the record, depth first. */
export function slots(value: unknown, into: Array<[Container, string | number]> = []): Array<[Container, string | number]> {
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      const k = Array.isArray(value) ? Number(key) : key;
      into.push([value as Container, k]);
      slots((value as Container)[k], into);
    }
  }
  return into;
}

export function mutate(record: Container, m: Mutation): void {
  const all = slots(record);
  if (all.length === 0) return;
  const [parent, key] = all[m.at % all.length] as [Container, string | number];
  const node = parent[key];
  switch (m.kind) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      return;
    case 'set':
      parent[key] = structuredClone(m.value);
      return;
    case 'add':
      if (Array.isArray(node)) node.push(structuredClone(m.value));
      else if (node !== null && typeof node === 'object') Object.defineProperty(node, m.key, { value: structuredClone(m.value), enumerable: true, writable: true, configurable: true });
      else if (!Array.isArray(parent)) Object.defineProperty(parent, m.key, { value: structuredClone(m.value), enumerable: true, writable: true, configurable: true });
      return;
    case 'dup':
      if (Array.isArray(node) && node.length > 0) node.push(structuredClone(node[m.at % node.length]));
      else if (Array.isArray(parent)) parent.push(structuredClone(node));
      return;
    case 'swap': {
      const target = node !== null && typeof node === 'object' ? (node as Container) : parent;
      const keys = Object.keys(target);
      if (keys.length < 2) return;
      const a = keys[m.at % keys.length] as string;
      const b = keys[(m.at + 1) % keys.length] as string;
      const t = target[a];
      target[a] = target[b];
      target[b] = t;
      return;
    }
    case 'pad':
      if (typeof node === 'string') parent[key] = `  ${node}\t`;
      return;
    case 'upper':
    case 'lower':
      if (typeof node === 'string') parent[key] = m.kind === 'upper' ? node.toUpperCase() : node.toLowerCase();
      return;
    case 'nudge':
      if (typeof node === 'number') parent[key] = node === 0 ? -0 : node + m.by;
      return;
    case 'reverse':
      if (node !== null && typeof node === 'object' && !Array.isArray(node)) parent[key] = Object.fromEntries(Object.entries(node).reverse());
      else if (Array.isArray(node)) node.reverse();
      return;
  }
}

/** Checks every single edit of `record`: each value in it deleted, or replaced by each of `values`. */
export function checkSingleEdits(check: Check, record: Record<string, Json>, values: readonly unknown[]): Tally {
  const tally: Tally = { inputs: 0, valid: 0, covered: 0 };
  for (const path of valuePaths(record)) for (const value of [DELETE, ...values]) count(tally, check(withValue(record, path, value)));
  return tally;
}

/** Checks `numRuns` random mutants (one to three mutations each) of records drawn from `pool`. */
export function checkMutants(check: Check, pool: readonly unknown[], mutations: fc.Arbitrary<Mutation>, options: { numRuns: number; seed: number }): Tally {
  const tally: Tally = { inputs: 0, valid: 0, covered: 0 };
  fc.assert(
    fc.property(fc.nat(), fc.array(mutations, { minLength: 1, maxLength: 3 }), (pick, edits) => {
      const record = structuredClone(pool[pick % pool.length]) as Container;
      for (const m of edits) mutate(record, m);
      count(tally, check(record));
    }),
    options,
  );
  return tally;
}
