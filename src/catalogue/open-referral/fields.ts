/**
 * Small, forgiving readers for Open Referral JSON: feeds put numbers in strings, write "null"
 * for nothing, send datetimes where dates are expected and wrap lists in nothing at all.
 * Every reader returns `undefined` (or `[]`) for what it cannot use; callers decide whether
 * that is worth a warning.
 *
 * @module
 */
import type { ValidationIssue } from '../../errors.js';

/** A JSON object as read from a feed. */
export type JsonObject = Readonly<Record<string, unknown>>;

/**
 * True for a plain JSON object (not null, not an array).
 *
 * @example
 * ```ts
 * isObject({ id: 'a' }); // true
 * isObject([1]);         // false
 * ```
 */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A JSON path one step further: `join('contents[3]', 'schedules')` is `contents[3].schedules`,
 * `join('contents', 3)` is `contents[3]`.
 *
 * @example
 * ```ts
 * join(join('contents', 3), 'name'); // 'contents[3].name'
 * join('', 'name');                  // 'name'
 * ```
 */
export function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

/**
 * Trimmed text of a string (or a finite number), `undefined` for anything else, for blank
 * text and for the text "null" (as CSV exports write it).
 *
 * @example
 * ```ts
 * textOf('  Walk  '); // 'Walk'
 * textOf('null');     // undefined
 * textOf(12);         // '12'
 * ```
 */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' || trimmed.toLowerCase() === 'null' ? undefined : trimmed;
}

/**
 * A finite number from a number or numeric text ("12", " -1 ", "3.50"), else `undefined`.
 *
 * @example
 * ```ts
 * numberOf('3.50'); // 3.5
 * numberOf('free'); // undefined
 * ```
 */
export function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const text = textOf(value);
  if (text === undefined || !/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return undefined;
  return Number(text);
}

/**
 * The list in a field: the array itself, `[]` for null or absent. A single object where a
 * list is expected is read as a list of one (some feeds do that).
 *
 * @example
 * ```ts
 * listOf([1, 2]);     // [1, 2]
 * listOf(undefined);  // []
 * listOf({ id: 'a' }); // [{ id: 'a' }]
 * ```
 */
export function listOf(value: unknown): readonly unknown[] {
  if (Array.isArray(value)) return value;
  return isObject(value) ? [value] : [];
}

/**
 * The calendar date "YYYY-MM-DD" of a date or datetime text ("2024-03-15T10:30:45.123Z"
 * gives "2024-03-15"), or `undefined` when it is not a real date.
 *
 * @example
 * ```ts
 * dateOf('2023-03-15T10:30:45.123Z'); // '2023-03-15'
 * dateOf('2023-02-30');               // undefined
 * ```
 */
export function dateOf(value: unknown): string | undefined {
  const text = textOf(value);
  const m = text === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/**
 * Shortens text to `max` characters (ending in "…") and reports it, or returns it unchanged.
 *
 * @example
 * ```ts
 * const issues: ValidationIssue[] = [];
 * fit('A very long name', 6, 'contents[0].name', issues); // 'A ver…'
 * issues; // [{ path: 'contents[0].name', message: 'shortened to 6 characters' }]
 * ```
 */
export function fit(text: string, max: number, path: string, issues: ValidationIssue[]): string {
  if (text.length <= max) return text;
  issues.push({ path, message: `shortened to ${max} characters` });
  return `${text.slice(0, max - 1).trimEnd()}…`;
}
