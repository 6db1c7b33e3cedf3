// The Open Referral fixtures: every copied file is listed in its notice, and the hand-written
// UK v3 pages use HSDS 3.0 field names only (apart from deliberate pc_ vendor fields).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixtureFiles, FIXTURES, readFixture } from '../fixtures.js';

describe('notices', () => {
  it.each([
    ['hsds-3.0', ['location.json', 'schedule-guidance-schedules.csv', 'schedule-guidance-services.json', 'service_at_location_full.json', 'service_full.json', 'service_list.json']],
    ['uk-profile', ['service_full.json']],
  ])('%s: NOTICE.md names every copied file, and the licence is there', (folder, copies) => {
    const files = fixtureFiles(folder);
    expect(files.filter((f) => f !== 'NOTICE.md' && f !== 'LICENSE-HSDS')).toEqual(copies);
    expect(files).toContain('LICENSE-HSDS');
    const notice = readFileSync(`${FIXTURES}${folder}/NOTICE.md`, 'utf8');
    for (const file of copies) expect(notice).toContain(`\`${file}\``);
    expect(notice).toMatch(/unchanged copy/);
  });

  it('hsds-3.0/NOTICE.md covers the schemas', () => {
    expect(readFileSync(`${FIXTURES}hsds-3.0/NOTICE.md`, 'utf8')).toContain('`schema/*.json`');
    expect(fixtureFiles('hsds-3.0/schema').length).toBeGreaterThanOrEqual(10);
  });

  it('uk-feeds/README.md describes every feed and says they are fictional', () => {
    const readme = readFileSync(`${FIXTURES}uk-feeds/README.md`, 'utf8');
    expect(readme).toMatch(/Fictional/);
    for (const file of fixtureFiles('uk-feeds').filter((f) => f.endsWith('.json'))) expect(readme).toContain(`\`${file}\``);
  });
});

type Schema = { properties?: Record<string, { $ref?: string; items?: { $ref?: string } }> };

/** Field paths in `value` that the HSDS 3.0 schema `ref` does not define (not following refs the fixtures do not copy). */
function unknownFields(value: unknown, ref: string, path: string, out: string[]): string[] {
  let schema: Schema;
  try {
    schema = readFixture(`hsds-3.0/schema/${ref}`) as Schema;
  } catch {
    return out;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [key, child] of Object.entries(value)) {
    const property = schema.properties?.[key];
    if (property === undefined) {
      out.push(`${path}.${key}`);
      continue;
    }
    const childRef = property.$ref ?? property.items?.$ref;
    if (childRef === undefined) continue;
    for (const [i, item] of (Array.isArray(child) ? child : [child]).entries()) unknownFields(item, childRef, Array.isArray(child) ? `${path}.${key}[${i}]` : `${path}.${key}`, out);
  }
  return out;
}

describe('hand-written UK v3 pages', () => {
  it.each(['uk-feeds/sheffield-v3-page-1.json', 'uk-feeds/sheffield-v3-page-2.json'])('%s uses HSDS 3.0 field names, apart from pc_ vendor fields', (path) => {
    const page = readFixture(path) as { contents: unknown[] };
    const unknown = page.contents.flatMap((service, i) => unknownFields(service, 'service.json', `contents[${i}]`, []));
    expect(unknown.filter((p) => !/\.pc_\w+$/.test(p))).toEqual([]);
  });

  it('the checker itself notices a field HSDS does not have', () => {
    expect(unknownFields({ id: 'x', name: 'y', colour: 'red', service_at_locations: [{ id: 'z', location: { id: 'l', postcode: 'S1' } }] }, 'service.json', 's', [])).toEqual(['s.colour', 's.service_at_locations[0].location.postcode']);
  });

  it('page 1 carries the quirks it is meant to', () => {
    const text = JSON.stringify(readFixture('uk-feeds/sheffield-v3-page-1.json'));
    for (const quirk of ['<p>', '&amp;', '"minimum_age":-1', '"pc_targetAudience"', '"status":"defunct"', '"location_type":"virtual"', '"location_type":"postal"', '"assured_date":"2022-06-10"', 'Call Jo on']) expect(text).toContain(quirk);
  });
});
