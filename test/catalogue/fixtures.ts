// Reads the Open Referral fixtures (never ../shared: a fresh clone has only fixtures/).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/open-referral/', import.meta.url));

/** A fixture file parsed as JSON, by path under fixtures/open-referral/. */
export function readFixture(path: string): unknown {
  return JSON.parse(readFileSync(`${FIXTURES}${path}`, 'utf8')) as unknown;
}

/** File names in a fixture folder. */
export function fixtureFiles(folder: string): string[] {
  return readdirSync(`${FIXTURES}${folder}`, { withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort();
}

/** The official examples that are Open Referral services, one way or another. */
export const OFFICIAL_SERVICE_EXAMPLES = ['hsds-3.0/service_full.json', 'hsds-3.0/service_list.json', 'hsds-3.0/service_at_location_full.json', 'hsds-3.0/schedule-guidance-services.json', 'uk-profile/service_full.json'] as const;

/** The hand-written UK feeds. */
export const UK_FEEDS = ['uk-feeds/sheffield-v3-page-1.json', 'uk-feeds/sheffield-v3-page-2.json', 'uk-feeds/rotherham-v1-page.json'] as const;

/** Freezes a value deeply, so a test fails if the code under test mutates it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
