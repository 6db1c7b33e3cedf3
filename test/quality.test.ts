// Issue #16's named acceptance cases, on the bundled catalogue and the judged personas. The same
// cases run in `npm run quality` (scripts/quality-cases.ts), which also checks the judged set.
import { describe, expect, it } from 'vitest';
import catalogue from '../fixtures/catalogue.json';
import bundled from '../fixtures/personas.json';
import judged from '../fixtures/relevance/personas.json';
import { qualityCases } from '../scripts/quality-cases.js';
import type { Api, JudgedPersona } from '../scripts/quality-cases.js';
import * as api from '../src/index.js';

const personas = [...bundled, ...judged] as JudgedPersona[];
const cases = qualityCases(api as unknown as Api, api.createMatcher(catalogue) as unknown as Parameters<typeof qualityCases>[1], personas);

describe('shortlists a link worker would sign (issue #16)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(c.failures()).toEqual([]);
  });
});
