/**
 * Whether a service may be recommended (`status`), and how fresh its record is
 * (`assured_date`, `last_modified`).
 *
 * @module
 */
import type { ValidationIssue } from '../../errors.js';
import { dateOf, join, textOf } from './fields.js';
import type { JsonObject } from './fields.js';

/** HSDS 3.0 service statuses. Only `active` services become activities. */
export const SERVICE_STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;
/** An HSDS service status. */
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

/**
 * The status of a service: HSDS spellings with case, underscores and hyphens forgiven
 * ("Temporarily_Closed" is `temporarily closed`). Absent status is read as `active` with a
 * warning (HSDS requires it; many feeds leave it out); an unknown word is `undefined` with an issue.
 *
 * @example
 * ```ts
 * const issues: ValidationIssue[] = [];
 * statusOf({ status: 'Temporarily_Closed' }, 'contents[2]', issues); // 'temporarily closed'
 * statusOf({}, 'contents[3]', issues); // 'active', with a warning
 * ```
 */
export function statusOf(service: JsonObject, path: string, issues: ValidationIssue[]): ServiceStatus | undefined {
  const text = textOf(service.status);
  if (text === undefined) {
    issues.push({ path: join(path, 'status'), message: 'no status: read as active' });
    return 'active';
  }
  const folded = text.toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ');
  const status = SERVICE_STATUSES.find((s) => s === folded);
  if (status === undefined) issues.push({ path: join(path, 'status'), message: "expected status 'active', 'inactive', 'defunct' or 'temporarily closed'" });
  return status;
}

/**
 * The date the record was last checked: `assured_date` (checked with the provider), or
 * failing that the date of `last_modified` (a record edited was at least looked at). The
 * assured date wins even when older: a directory's bulk edit must not make a stale record
 * look freshly verified.
 *
 * @example
 * ```ts
 * const issues: ValidationIssue[] = [];
 * lastVerifiedOf({ assured_date: '2005-01-01', last_modified: '2023-03-15T10:30:45.123Z' }, '', issues); // { date: '2005-01-01', from: 'assured_date' }
 * lastVerifiedOf({ last_modified: '2023-03-15T10:30:45.123Z' }, '', issues); // { date: '2023-03-15', from: 'last_modified' }
 * ```
 */
export function lastVerifiedOf(service: JsonObject, path: string, issues: ValidationIssue[]): { date: string; from: 'assured_date' | 'last_modified' } | undefined {
  for (const field of ['assured_date', 'last_modified'] as const) {
    const value = service[field];
    const date = dateOf(value);
    if (date !== undefined) return { date, from: field };
    if (textOf(value) !== undefined) issues.push({ path: join(path, field), message: 'expected a date YYYY-MM-DD (or a date-time); ignored' });
  }
  return undefined;
}
