// Tools the walker uses to look at inputs and outputs without disturbing them.

/**
 * One object's own state, flat: prototype, extensibility, Date time value, then for each own
 * key the key and either its value and writability or its getter and setter.
 */
type Shallow = unknown[];

/**
 * A record of everything reachable from `root`: for each object (by identity) its prototype,
 * extensibility, Date value and own properties (values by identity, accessors by their
 * functions, never invoked). Iterative, so 10,000 levels of nesting and cycles are fine.
 * Stricter than comparing with a structured clone: it also sees non-enumerable and symbol
 * keys, swapped prototypes and replaced getters. Undefined when the input cannot be
 * inspected (a revoked proxy, a trap that throws).
 */
export function snapshot(root: unknown): Map<object, Shallow> | undefined {
  const seen = new Map<object, Shallow>();
  const stack: unknown[] = [root];
  try {
    while (stack.length > 0) {
      const v = stack.pop();
      if (v === null || (typeof v !== 'object' && typeof v !== 'function') || seen.has(v)) continue;
      const record: Shallow = [Reflect.getPrototypeOf(v), Reflect.isExtensible(v), dateTime(v)];
      for (const key of Reflect.ownKeys(v)) {
        const d = Reflect.getOwnPropertyDescriptor(v, key);
        if (d === undefined) continue;
        if (d.get === undefined && d.set === undefined) {
          record.push(key, d.value, d.writable);
          stack.push(d.value);
        } else {
          record.push(key, d.get, d.set);
        }
      }
      seen.set(v, record);
    }
  } catch {
    return undefined;
  }
  return seen;
}

function dateTime(v: object): number | undefined {
  // Cheap test first: throwing and catching for every object would dominate the cost.
  if (!(v instanceof Date) && Object.prototype.toString.call(v) !== '[object Date]') return undefined;
  try {
    return Date.prototype.getTime.call(v);
  } catch {
    return undefined;
  }
}

/** The first difference between two snapshots of the same input, or undefined when none. */
export function snapshotDifference(before: Map<object, Shallow>, after: Map<object, Shallow>): string | undefined {
  if (before.size !== after.size) return `reachable objects went from ${before.size} to ${after.size}`;
  for (const [object, a] of before) {
    const b = after.get(object);
    if (b === undefined) return 'an object is no longer reachable';
    if (a.length !== b.length) return 'own keys were added or removed';
    for (let i = 0; i < a.length; i++) {
      if (!Object.is(a[i], b[i])) return i === 0 ? 'a prototype was changed' : i === 1 ? 'extensibility was changed' : i === 2 ? 'a Date was changed' : `property ${String(a[3 + Math.floor((i - 3) / 3) * 3])} was changed`;
    }
  }
  return undefined;
}

/** A key JSON keeps, so a value JSON would silently change can never equal its round trip. */
const NOT_JSON = '\u0000not JSON';

/**
 * What a JSON round trip of `value` should give if the value is plain data: Dates become ISO
 * strings, undefined properties disappear; anything JSON would silently change (NaN,
 * Infinity, an invalid Date, a Map, a function, a class instance) becomes a value that can
 * never equal the round trip, so the comparison fails.
 */
export function plainView(value: unknown, seen = new Set<object>()): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : { [NOT_JSON]: 'non-finite number' };
  if (typeof value !== 'object') return { [NOT_JSON]: typeof value };
  if (seen.has(value)) return { [NOT_JSON]: 'cycle' };
  seen.add(value);
  try {
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? { [NOT_JSON]: 'invalid Date' } : value.toISOString();
    if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : plainView(v, seen)));
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return { [NOT_JSON]: 'class instance' };
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = plainView(v, seen);
    return out;
  } finally {
    seen.delete(value);
  }
}

/** Every own key of the built-in prototypes a pollution attack would target. */
export function prototypeKeys(): string {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype]
    .map((p) => Reflect.ownKeys(p).map(String).sort().join(','))
    .join('|');
}

