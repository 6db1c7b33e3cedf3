// SNOMED CT concept ids for conditions and needs, and lenient client profiles
// (parseClientProfile): what is accepted, what is set aside, and that nothing is dropped silently.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ClientProfileSchema, CONDITIONS, createMatcher, NEEDS, parseClientProfile, SNOMED_CT, SNOMED_CT_SOURCES, snomedTerm, vocabularies } from '../../src/index.js';
import { fastParseClient } from '../../src/schema/fast-client.js';
import { activity, AT, client, errorOf } from '../helpers.js';

const rows = [...Object.entries(SNOMED_CT.conditions).flatMap(([term, list]) => (list ?? []).map((r) => ({ kind: 'conditions' as const, term, ...r }))), ...Object.entries(SNOMED_CT.needs).flatMap(([term, list]) => (list ?? []).map((r) => ({ kind: 'needs' as const, term, ...r })))];

describe('the SNOMED CT table', () => {
  it('maps each concept id to one term of the vocabulary, from a named source', () => {
    expect(rows.length).toBeGreaterThan(50);
    const ids = rows.map((r) => r.conceptId);
    expect(new Set(ids).size).toBe(ids.length);
    const conditions = new Set(CONDITIONS.map((c) => c.id));
    const needs = new Set(NEEDS.map((n) => n.id));
    for (const r of rows) {
      expect(r.conceptId).toMatch(/^\d{6,18}$/);
      expect((r.kind === 'conditions' ? conditions : needs).has(r.term as never), `${r.conceptId} → ${r.term}`).toBe(true);
      expect(Object.keys(SNOMED_CT_SOURCES)).toContain(r.source);
      expect(r.display.length).toBeGreaterThan(3);
      expect(snomedTerm(r.kind, r.conceptId)).toBe(r.term);
    }
  });

  it('is listed in the README, row by row', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const r of rows) expect(readme, r.conceptId).toContain(r.conceptId);
  });

  it('reads the bare id or FHIR’s system|code, and nothing else', () => {
    expect(snomedTerm('conditions', '13645005')).toBe('copd');
    expect(snomedTerm('conditions', ' http://snomed.info/sct|13645005 ')).toBe('copd');
    expect(snomedTerm('needs', '13645005')).toBeUndefined();
    expect(snomedTerm('conditions', '73211009')).toBeUndefined(); // diabetes of no stated type: the vocabulary needs the type
    expect(snomedTerm('conditions', 'copd')).toBeUndefined();
    expect(snomedTerm('conditions', '1364500')).toBeUndefined();
    expect(errorOf(() => snomedTerm('tags' as never, '13645005')).issues).toEqual([{ path: 'kind', message: "expected 'conditions' or 'needs'" }]);
    expect(errorOf(() => snomedTerm('conditions', 13645005 as never)).issues[0]?.path).toBe('text');
  });
});

describe('concept ids in profiles and records', () => {
  it('stand for their terms in a client profile, on the fast path and through zod alike', () => {
    const coded = { age: 70, activation: 2, conditions: ['13645005', '24700007'], needs: ['422650009'] };
    const worded = { age: 70, activation: 2, conditions: ['COPD', 'multiple sclerosis'], needs: ['lonely'] };
    expect(ClientProfileSchema.parse(coded)).toEqual(ClientProfileSchema.parse(worded));
    expect(fastParseClient(coded)).toEqual(ClientProfileSchema.parse(worded));
    expect(ClientProfileSchema.parse(coded).conditions).toEqual(['copd', 'multiple-sclerosis']);
  });

  it('give the same shortlist as the words, in profiles and in activity records', () => {
    const catalogue = [activity('breathe', { conditions: { designedFor: ['13645005'] }, needs: ['422650009'] }), activity('other')];
    const matcher = createMatcher(catalogue);
    expect(matcher.activities[0]?.conditions.designedFor).toEqual(['copd']);
    const ids = (c: object) => matcher.recommend(client(c), { at: AT, rules: { relevance: { minimum: 0 } } }).map((r) => [r.id, r.score]);
    expect(ids({ conditions: ['13645005'], needs: ['422650009'] })).toEqual(ids({ conditions: ['COPD'], needs: ['loneliness'] }));
  });

  it('a concept the table does not list fails a strict profile with the vocabulary’s message, never the value', () => {
    const error = errorOf(() => createMatcher([activity('a')]).recommend(client({ conditions: ['73211009'] }), { at: AT }));
    expect(error.issues).toEqual([{ path: 'client.conditions[0]', message: expect.stringMatching(/^expected a condition from the vocabulary/) as string }]);
    expect(error.message).not.toContain('73211009');
  });

  it('brain injury is in the vocabulary, by its words and its concept ids', () => {
    expect(vocabularies.conditions.lookup('acquired brain injury')).toBe('brain-injury');
    expect(snomedTerm('conditions', '127295002')).toBe('brain-injury');
  });
});

describe('parseClientProfile', () => {
  const SECRET = 'SECRET-9d1';

  it('strict (the default): the profile recommend would use, or recommend’s error', () => {
    const input = { age: 70, activation: 2, conditions: ['COPD'] };
    expect(parseClientProfile(input)).toEqual({ profile: ClientProfileSchema.parse(input), unrecognised: { conditions: [], needs: [], fields: {} }, warnings: [] });
    const bad = { age: 70, activation: 2, conditions: ['gout'] } as const;
    expect(errorOf(() => parseClientProfile(bad)).toJSON()).toEqual(errorOf(() => createMatcher([activity('a')]).recommend(bad, { at: AT })).toJSON());
  });

  it('lenient: unknown conditions, needs and fields are set aside with a warning each, and nothing else changes', () => {
    const input = { age: 70, activation: 2, conditions: ['COPD', `gout ${SECRET}`, '24700007', '73211009'], needs: ['lonely', SECRET], [SECRET]: 'x', activaton: 3 };
    const frozen = JSON.stringify(input);
    const { profile, unrecognised, warnings } = parseClientProfile(input, { lenient: true });
    expect(JSON.stringify(input)).toBe(frozen);
    expect(profile.conditions).toEqual(['copd', 'multiple-sclerosis']);
    expect(profile.needs).toEqual(['loneliness']);
    expect(unrecognised).toEqual({ conditions: [`gout ${SECRET}`, '73211009'], needs: [SECRET], fields: { [SECRET]: 'x', activaton: 3 } });
    expect(warnings.map((w) => w.path)).toEqual(['client.conditions[1]', 'client.conditions[3]', 'client.needs[1]', 'client', 'client']);
    expect(warnings[0]?.message).toBe('not a condition the matcher knows: kept in unrecognised.conditions, not used in matching');
    expect(warnings[1]?.message).toBe('a SNOMED CT concept the matcher does not map to a condition: kept in unrecognised.conditions, not used in matching');
    expect(warnings[4]?.message).toContain("did you mean 'activation'?");
    expect(JSON.stringify(warnings)).not.toContain(SECRET);
    expect(JSON.stringify(warnings)).not.toContain('gout');
  });

  it('lenient: the profile ranks as the same profile without what was set aside', () => {
    const matcher = createMatcher([activity('breathe', { conditions: { designedFor: ['copd'] } }), activity('other')]);
    const { profile } = parseClientProfile(client({ conditions: ['COPD', 'gout'] }), { lenient: true });
    expect(matcher.recommend(profile, { at: AT })).toEqual(matcher.recommend(client({ conditions: ['COPD'] }), { at: AT }));
  });

  it('lenient is not lax: other problems still fail, with the paths the caller gave', () => {
    const error = errorOf(() => parseClientProfile({ age: 'sixty', activation: 2, conditions: ['gout', 5], needs: ['cats', 'debt', 7] }, { lenient: true }));
    expect(error.code).toBe('INVALID_CLIENT');
    expect(error.issues.map((i) => i.path)).toEqual(['client.age', 'client.conditions[1]', 'client.needs[2]']);
    expect(errorOf(() => parseClientProfile('a profile', { lenient: true })).code).toBe('INVALID_CLIENT');
    expect(errorOf(() => parseClientProfile({ age: 60, activation: 2 }, { lenient: 'yes' } as never)).issues[0]?.path).toBe('options.lenient');
  });

  it('lenient with nothing unknown is the strict parse', () => {
    const input = { age: 70, activation: 2, conditions: ['COPD'], needs: ['debt'] };
    expect(parseClientProfile(input, { lenient: true })).toEqual(parseClientProfile(input));
  });
});
