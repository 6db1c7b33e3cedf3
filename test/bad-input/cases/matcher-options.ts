// The options of createMatcher and parseCatalogue themselves.
import { MARKER, throwingGetter } from '../corpus.js';
import type { BadInputCase } from '../corpus.js';

const m = 'matcher-options' as const;
const p = 'parse-options' as const;
const invalidOptions = { code: 'INVALID_OPTIONS' as const };

export const cases: BadInputCase[] = [
  { name: 'undefined', entry: m, input: undefined, expect: 'ok' },
  { name: 'an empty object', entry: m, input: {}, expect: 'ok' },
  { name: 'lenient', entry: m, input: { lenient: true }, expect: 'ok' },
  { name: 'lenient false and rules', entry: m, input: { lenient: false, rules: { weights: { cost: 3 } } }, expect: 'ok' },
  { name: 'rules undefined', entry: m, input: { rules: undefined }, expect: 'ok' },
  { name: 'rules null', entry: m, input: { rules: null }, expect: { code: 'INVALID_RULES', paths: ['rules'] } },
  { name: 'a negative weight', entry: m, input: { rules: { weights: { distance: -1 } } }, expect: { code: 'INVALID_RULES', paths: ['rules.weights.distance'] } },
  { name: 'a getter that throws', entry: m, make: () => throwingGetter({}, 'rules'), expect: { code: 'INVALID_OPTIONS', paths: ['options.rules'] } },
  { name: 'null', entry: m, input: null, expect: invalidOptions },
  { name: 'a string', entry: m, input: MARKER, expect: invalidOptions },
  { name: 'lenient as a string', entry: m, input: { lenient: 'no' }, expect: invalidOptions },
  { name: 'misspelt lenient', entry: m, input: { leniant: true }, expect: invalidOptions },
  { name: 'misspelt rules', entry: m, input: { rule: { weights: { distance: 5 } } }, expect: invalidOptions },

  { name: 'undefined', entry: p, input: undefined, expect: 'ok' },
  { name: 'an empty object', entry: p, input: {}, expect: 'ok' },
  { name: 'lenient', entry: p, input: { lenient: true }, expect: 'ok' },
  { name: 'null', entry: p, input: null, expect: invalidOptions },
  { name: 'lenient as a string', entry: p, input: { lenient: 'yes' }, expect: invalidOptions },
  { name: 'misspelt lenient', entry: p, input: { lenent: true }, expect: invalidOptions },
];
