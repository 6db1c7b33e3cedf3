/**
 * `fromOpenReferral` as the package exports it: the importer of `open-referral/import.ts`, with a
 * caller's getter or proxy trap that throws reported like any bad input (see `src/guard.ts`).
 *
 * @module
 */
import { guard } from '../guard.js';
import { fromOpenReferral as importFeed } from './open-referral/import.js';
import type { OpenReferralImport, OpenReferralImportOptions } from './open-referral/import.js';

/**
 * Imports Open Referral UK / HSDS 3.0 services as activities: the importer's `fromOpenReferral`
 * (every option and outcome as documented there and in the README), except that an exception
 * thrown by the document itself while it is read (a getter or proxy trap of the caller's data)
 * becomes `ActivityMatchError` `INVALID_CATALOGUE` with the path of the value that could not be
 * read (`contents[3].name`), or `INVALID_OPTIONS` for the options, with the original as `cause`.
 *
 * @example
 * ```ts
 * const { activities, rejected } = fromOpenReferral(page, { feed: 'sheffield-1.json', at: '2026-01-15' });
 * createMatcher(activities);
 * ```
 */
export function fromOpenReferral(data: unknown, options: OpenReferralImportOptions = {}): OpenReferralImport {
  return guard(
    [
      { code: 'INVALID_OPTIONS', path: 'options', value: options, fields: 'identifiers' },
      { code: 'INVALID_CATALOGUE', path: '', value: data, fields: 'identifiers' },
    ],
    () => importFeed(data, options),
  );
}
