/**
 * Checking the plain arguments of the time functions (instants, zones, limits), throwing
 * {@link ActivityMatchError} with code `INVALID_OPTIONS` and the field path.
 *
 * @module
 */
import { z } from 'zod';
import { ActivityMatchError } from '../errors.js';
import { toIssues } from '../validate.js';
import { InstantSchema, isTimeZone, TimeZoneSchema } from '../schema/common.js';


/** Parses `value` with `schema`, or throws `INVALID_OPTIONS` naming each bad field. */
export function parseOptions<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  // The options object itself is called `options`, as at every other entry point.
  const issues = toIssues('', result.error, schema, value).map((i) => (i.path === '' ? { ...i, path: 'options' } : i));
  throw new ActivityMatchError('INVALID_OPTIONS', issues);
}

const ZoneOnly = z.strictObject({ timeZone: TimeZoneSchema });

/** Throws `INVALID_OPTIONS` (path `timeZone`) unless `timeZone` is a known IANA zone. */
export function checkTimeZone(timeZone: string): void {
  if (!isTimeZone(timeZone)) parseOptions(ZoneOnly, { timeZone });
}

const AtAndZone = z.strictObject({ at: InstantSchema, timeZone: TimeZoneSchema });

/** Throws `INVALID_OPTIONS` unless `at` is a valid Date and `timeZone` a known IANA zone. */
export function checkAtAndZone(at: Date, timeZone: string): void {
  parseOptions(AtAndZone, { at, timeZone });
}
