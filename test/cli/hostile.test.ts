// A hostile-input corpus for the command line itself: arguments and files a careless or
// malicious caller could give. Whatever comes in, the CLI answers with an exit status (0, 1 or
// 2) and a one-line reason, never a stack trace or an "unexpected error", never a control
// character on the terminal, and never a value from a client file.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activity } from '../helpers.js';
import { run } from './run.js';
import type { Run } from './run.js';

/** A value that must never reach the output: client files carry it as a condition, a need, an interest. */
const SECRET = 'SECRET-7f3a9';
const secretClient = { age: 52, activation: 2, conditions: ['asthma', SECRET], needs: [SECRET], interests: [SECRET], home: { lat: 53.38, lon: -1.47, postcode: SECRET } };
const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

const FILES: Record<string, string> = {
  'secret.json': JSON.stringify(secretClient),
  'secret-valid.json': JSON.stringify({ age: 52, activation: 2, conditions: ['asthma'], interests: [SECRET] }),
  'array.json': '[]',
  'null.json': 'null',
  'string.json': '"copd-activation-2"',
  'number.json': '12',
  'binary.json': '\u0000\u0001\u0002\u00ff',
  'empty.json': '',
  'bom-only.json': '\ufeff',
  'deep.json': deep(100_000),
  'proto.json': '{"__proto__": {"age": 5}, "constructor": {"prototype": {"x": 1}}, "activation": 2, "age": 40}',
  'huge-list.json': JSON.stringify({ age: 40, activation: 2, conditions: Array.from({ length: 50_000 }, (_, i) => `${SECRET}-${i}`) }),
  'escape-names.json': JSON.stringify([activity('esc', { name: 'Walk\u001b[2J\u001b]0;pwned\u0007 group\u202e', provider: '\u009b31m' })]),
  'bad-records.json': JSON.stringify(Array.from({ length: 2000 }, (_, i) => ({ id: `bad-${i}`, [`\u001b[${i}m`]: SECRET }))),
  'object.json': '{"contents": 5}',
  'referrals.json': '{"referrals": []}',
};

const CORPUS: readonly (readonly [string, readonly string[], 0 | 1 | 2])[] = [
  ['an escape sequence as the command', ['\u001b[2J\u001b[H'], 2],
  ['a prototype key as the command', ['__proto__'], 2],
  ['constructor as the command', ['constructor'], 2],
  ['toString as the command', ['toString'], 2],
  ['a lone dash', ['-'], 2],
  ['three dashes', ['---'], 2],
  ['an empty command', [''], 2],
  ['a 100,000-character command', ['x'.repeat(100_000)], 2],
  ['a 10,000-character option', ['recommend', `--${'a'.repeat(10_000)}`], 2],
  ['an option with a prototype name', ['recommend', '--__proto__', 'x'], 2],
  ['an option with an escape in its name', ['recommend', '--cli\u001b[31ment', 'x'], 2],
  ['--=', ['recommend', '--='], 2],
  ['-=x', ['recommend', '-=x'], 2],
  ['a short option that does not exist', ['recommend', '-x'], 2],
  ['a lone surrogate', ['\ud800'], 2],
  ['right-to-left override in an option', ['recommend', '--\u202etneilc', 'x'], 2],
  ['a thousand and one files to import', ['import', ...Array.from({ length: 1001 }, (_, i) => `f${i}.json`)], 2],
  ['an empty persona id', ['recommend', '--client='], 1],
  ['a persona id with an escape sequence', ['recommend', '--client', '\u001b]0;pwned\u0007'], 1],
  ['a persona id of 100,000 characters', ['recommend', '--client', 'p'.repeat(100_000)], 1],
  ['a persona named __proto__', ['recommend', '--client', '__proto__'], 1],
  ['a client path with an escape sequence', ['recommend', '--client', '\u001b[2J.json'], 1],
  ['a client file that is not there', ['recommend', '--client', 'nowhere.json'], 1],
  ['a client file with the secret in it, and an unknown condition', ['recommend', '--client', 'secret.json'], 1],
  ['a valid client file with the secret as an interest', ['recommend', '--client', 'secret-valid.json'], 0],
  ['a valid client file with the secret, as JSON', ['recommend', '--client', 'secret-valid.json', '--json'], 0],
  ['explain with the secret client', ['explain', '--client', 'secret-valid.json', '--activity', 'ers-leisure-centre-gym'], 0],
  ['a client file that is an array', ['recommend', '--client', 'array.json'], 1],
  ['a client file that is null', ['recommend', '--client', 'null.json'], 1],
  ['a client file that is a string', ['recommend', '--client', 'string.json'], 1],
  ['a client file that is a number', ['recommend', '--client', 'number.json'], 1],
  ['a binary client file', ['recommend', '--client', 'binary.json'], 1],
  ['an empty client file', ['recommend', '--client', 'empty.json'], 1],
  ['a client file with only a byte order mark', ['recommend', '--client', 'bom-only.json'], 1],
  ['100,000 nested arrays', ['recommend', '--client', 'deep.json'], 1],
  ['__proto__ and constructor keys', ['recommend', '--client', 'proto.json'], 1],
  ['50,000 unknown conditions', ['recommend', '--client', 'huge-list.json'], 1],
  ['a catalogue of 100,000 nested arrays (one record, rejected)', ['recommend', '--client', 'copd-activation-2', '--catalogue', 'deep.json'], 0],
  ['a catalogue that is an object', ['recommend', '--client', 'copd-activation-2', '--catalogue', 'object.json'], 1],
  ['a catalogue with escape sequences in names', ['recommend', '--client', 'copd-activation-2', '--catalogue', 'escape-names.json'], 0],
  ['explain on a catalogue with escape sequences in names', ['explain', '--client', 'copd-activation-2', '--catalogue', 'escape-names.json', '--activity', 'esc'], 0],
  ['2,000 bad records with escape sequences in their keys', ['recommend', '--client', 'copd-activation-2', '--catalogue', 'bad-records.json'], 0],
  ['--limit of a thousand digits', ['recommend', '--client', 'copd-activation-2', '--limit', '9'.repeat(1000)], 1],
  ['--limit -1', ['recommend', '--client', 'copd-activation-2', '--limit=-1'], 1],
  ['--limit 1.5', ['recommend', '--client', 'copd-activation-2', '--limit', '1.5'], 1],
  ['--limit 1e2', ['recommend', '--client', 'copd-activation-2', '--limit', '1e2'], 1],
  ['--limit with a space', ['recommend', '--client', 'copd-activation-2', '--limit', ' 5'], 1],
  ['--limit in full-width digits', ['recommend', '--client', 'copd-activation-2', '--limit', '５'], 1],
  ['--at out of range', ['recommend', '--client', 'copd-activation-2', '--at', '0001-01-01T00:00:00Z'], 1],
  ['--at without an offset', ['recommend', '--client', 'copd-activation-2', '--at', '2026-11-23T09:00:00'], 1],
  ['--at not a date', ['recommend', '--client', 'copd-activation-2', '--at', '2026-13-45T99:99:99Z'], 1],
  ['--at of 100,000 characters', ['recommend', '--client', 'copd-activation-2', '--at', '2'.repeat(100_000)], 1],
  ['--min-relevance NaN', ['recommend', '--client', 'copd-activation-2', '--min-relevance', 'NaN'], 1],
  ['--min-relevance Infinity', ['recommend', '--client', 'copd-activation-2', '--min-relevance', 'Infinity'], 1],
  ['--min-relevance with a newline', ['recommend', '--client', 'copd-activation-2', '--min-relevance', '0.5\n'], 1],
  ['--activity __proto__', ['explain', '--client', 'copd-activation-2', '--activity', '__proto__'], 1],
  ['--activity constructor', ['explain', '--client', 'copd-activation-2', '--activity', 'constructor'], 1],
  ['--activity with an escape sequence', ['explain', '--client', 'copd-activation-2', '--activity', '\u001b[2J'], 1],
  ['import of a file that is not Open Referral', ['import', 'object.json'], 1],
  ['import of 100,000 nested arrays (one service, rejected)', ['import', 'deep.json'], 0],
  ['import of a binary file', ['import', 'binary.json'], 1],
  ['import of a file that is not there', ['import', 'nowhere.json'], 1],
  ['import to an --out that cannot be written', ['import', 'array.json', '--out', '/unwritable/x.json'], 1],
  ['evaluate with referrals that are an object', ['evaluate', '--referrals', 'referrals.json'], 1],
  ['evaluate with referrals of 100,000 nested arrays', ['evaluate', '--referrals', 'deep.json'], 1],
  ['evaluate with rules that are a string', ['evaluate', '--referrals', 'array.json', '--rules', 'string.json'], 1],
];

/** What every answer must satisfy, whatever the input. */
function expectSafe(r: Run): void {
  expect([0, 1, 2]).toContain(r.code);
  for (const text of [r.out, r.err]) {
    expect(text).not.toMatch(/^\s+at .+\(?.*:\d+:\d+\)?$/m); // a stack frame
    expect(text).not.toContain('unexpected error');
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  }
  expect(r.err).not.toContain(SECRET);
  if (r.code !== 0) {
    const reason = r.err.split('\n').find((line) => line.startsWith('activity-match: '));
    expect(reason, r.err).toBeDefined();
    expect(reason?.length).toBeLessThan(400);
  }
}

const io = {
  writeFile: (path: string) => {
    if (path.startsWith('/unwritable/')) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
  },
};

describe('the CLI with hostile input', () => {
  it.each(CORPUS)('%s: exits %j', (_name, argv, expected) => {
    const r = run(argv, FILES, { io });
    expectSafe(r);
    expect(r.code, r.err).toBe(expected);
    // The secret is in no output but a shortlist's own JSON (which echoes nothing of the profile).
    expect(r.out).not.toContain(SECRET);
  });

  it('file system failures name the file and the reason', () => {
    const failing = (error: unknown) => run(['recommend', '--client', 'c.json'], {}, { io: { readFile: () => { throw error; } } });
    expect(failing(Object.assign(new Error('x'), { code: 'EACCES' })).err).toBe('activity-match: cannot read the client file c.json: permission denied');
    expect(failing(Object.assign(new Error('x'), { code: 'EISDIR' })).err).toBe('activity-match: cannot read the client file c.json: it is a folder');
    expect(failing(new RangeError('Invalid string length')).err).toBe('activity-match: cannot read the client file c.json: the file is too large');
    expect(failing('not even an Error').err).toBe('activity-match: cannot read the client file c.json');
  });

  it('a bug inside a command is one line naming the error, with no stack trace', () => {
    const r = run(['personas'], {}, { io: { out: () => { throw new TypeError('boom'); } } });
    expect(r.code).toBe(1);
    expect(r.err).toBe('activity-match: unexpected error (please report it): TypeError: boom');
  });

  it('random command lines: always an exit status and a clean message', () => {
    const token = fc.oneof(
      fc.constantFrom('recommend', 'explain', 'evaluate', 'import', 'personas', 'help', '--help', '-h', '--version', '--client', '--catalogue', '--limit', '--at', '--json', '--no-diversity', '--min-relevance', '--activity', '--referrals', '--rules', '--compare', '--out', '--strict', '--', '-', 'copd-activation-2', 'secret.json', 'secret-valid.json', 'array.json', 'deep.json', 'escape-names.json', 'ers-leisure-centre-gym', '0.5', '3', '2026-11-23T09:00:00Z'),
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 7 }), (argv) => {
        if (argv[0] === 'sync') return;
        const r = run(argv, FILES, { io: { ...io, writeFile: () => undefined } });
        expectSafe(r);
        if (!argv.includes('--json')) expect(r.out).not.toContain(SECRET);
      }),
      { numRuns: 150, seed: 18 },
    );
  });
});
