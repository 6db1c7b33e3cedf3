/**
 * Checking the plain arguments of the time functions (instants, zones, limits), throwing
 * {@link ActivityMatchError} with code `INVALID_OPTIONS` and the field path.
 *
 * @module
 */
import { z } from 'zod';
import { ActivityMatchError } from '../errors.js';
import type { ValidationIssue } from '../errors.js';
import { messageOf } from '../validate.js';
import { InstantSchema, isTimeZone, TimeZoneSchema } from '../schema/common.js';

/** {@link TimeZoneSchema}, which caches the zones it has found valid. */
export const CachedTimeZoneSchema = TimeZoneSchema;

export { InstantSchema } from '../schema/common.js';

/** Parses `value` with `schema`, or throws `INVALID_OPTIONS` naming each bad field. */
export function parseOptions<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues: ValidationIssue[] = result.error.issues.map((i) => ({ path: i.path.length === 0 ? 'options' : i.path.map(String).join('.'), message: messageOf(i) }));
  throw new ActivityMatchError('INVALID_OPTIONS', issues);
}

const ZoneOnly = z.strictObject({ timeZone: CachedTimeZoneSchema });

/** Throws `INVALID_OPTIONS` (path `timeZone`) unless `timeZone` is a known IANA zone. */
export function checkTimeZone(timeZone: string): void {
  if (!isTimeZone(timeZone)) parseOptions(ZoneOnly, { timeZone });
}

const AtAndZone = z.strictObject({ at: InstantSchema, timeZone: CachedTimeZoneSchema });

/** Throws `INVALID_OPTIONS` unless `at` is a valid Date and `timeZone` a known IANA zone. */
export function checkAtAndZone(at: Date, timeZone: string): void {
  parseOptions(AtAndZone, { at, timeZone });
}
