// Every option the help documents, each with a test that compares the command with and without
// it (or with two values), so it fails when the option stops reaching the command. A last test
// checks that no documented option is missing from the table.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/args.js';
import { activity, AT } from '../helpers.js';
import { run } from './run.js';

const history = JSON.parse(readFileSync(new URL('../../fixtures/referrals/history.json', import.meta.url), 'utf8')) as unknown[];
const bundled = JSON.parse(readFileSync(new URL('../../fixtures/catalogue.json', import.meta.url), 'utf8')) as { id: string }[];
const page = readFileSync(new URL('../../fixtures/open-referral/uk-feeds/sheffield-v3-page-1.json', import.meta.url), 'utf8');
const referrals = (n: number) => JSON.stringify(history.slice(0, n));

interface Item {
  id: string;
  placement?: string;
  nextSession?: { start: string };
}
const json = (argv: string[], files: Record<string, string> = {}) => {
  const r = run([...argv, '--json'], files);
  expect(r.err).toBe('');
  return JSON.parse(r.out) as unknown;
};
const ids = (argv: string[], files: Record<string, string> = {}) => (json(argv, files) as Item[]).map((i) => i.id);
const base = ['recommend', '--client', 'copd-activation-2', '--at', AT];

const TESTS: Record<string, () => void> = {
  'recommend --client': () => {
    expect(ids(['recommend', '--client', 'copd-activation-2', '--at', AT])).not.toEqual(ids(['recommend', '--client', 'debt-housing-activation-1', '--at', AT]));
    const far = JSON.stringify({ age: 60, activation: 3, home: { lat: 51.5, lon: -0.12 } });
    expect(run(['recommend', '--client', 'far.json', '--at', AT], { 'far.json': far }).out).toContain('client file far.json');
  },
  'recommend --catalogue': () => {
    const mine = JSON.stringify([activity('only-one', { name: 'The only one' })]);
    expect(ids([...base, '--catalogue', 'c.json'], { 'c.json': mine })).toEqual(['only-one']);
    expect(ids(base)).not.toContain('only-one');
  },
  'recommend --limit': () => {
    expect(ids([...base, '--limit', '2'])).toHaveLength(2);
    expect(ids([...base, '--limit', '7'])).toHaveLength(7);
  },
  'recommend --at': () => {
    const monday = json(['recommend', '--client', 'copd-activation-2', '--at', '2026-11-23T09:00:00Z']) as Item[];
    const friday = json(['recommend', '--client', 'copd-activation-2', '--at', '2026-11-27T09:00:00Z']) as Item[];
    expect(monday[0]?.nextSession?.start).not.toBe(friday.find((i) => i.id === monday[0]?.id)?.nextSession?.start);
    expect(run(base).out).toContain(`at ${AT}, from`);
  },
  'recommend --min-relevance': () => {
    const args = ['recommend', '--client', 'type-1-diabetes-cooking', '--at', AT];
    expect(ids(args)).toHaveLength(2);
    expect(ids([...args, '--min-relevance', '0.3'])).toHaveLength(5);
    expect(ids([...args, '--min-relevance', '1'])).toHaveLength(0);
  },
  'recommend --lenient': () => {
    const files = { 'gp.json': JSON.stringify({ age: 70, activation: 2, conditions: ['13645005', 'gout-SECRET'], home: { lat: 53.41, lon: -1.46 } }) };
    const strict = run(['recommend', '--client', 'gp.json', '--at', AT], files);
    expect(strict.code).toBe(1);
    const lenient = run(['recommend', '--client', 'gp.json', '--at', AT, '--lenient'], files);
    expect(lenient.code).toBe(0);
    expect(lenient.err).toBe('warning: client.conditions[1]: not a condition the matcher knows: kept in unrecognised.conditions, not used in matching');
    expect(lenient.out).toContain('Designed for people with COPD');
    expect(lenient.out + lenient.err).not.toContain('SECRET');
  },
  'explain --lenient': () => {
    const files = { 'gp.json': JSON.stringify({ age: 70, activation: 2, conditions: ['COPD'], pets: 'SECRET cat' }) };
    const args = ['explain', '--client', 'gp.json', '--activity', 'breathe-easy-group', '--at', AT];
    expect(run(args, files).code).toBe(1);
    const lenient = run([...args, '--lenient'], files);
    expect(lenient.code).toBe(0);
    expect(lenient.err).toMatch(/^warning: client: unexpected field: the 4th field given here .*kept in unrecognised\.fields/);
    expect(lenient.err).not.toContain('SECRET');
  },
  'recommend --no-diversity': () => {
    const diverse = json(base) as Item[];
    const plain = json([...base, '--no-diversity']) as Item[];
    expect(diverse.some((i) => i.placement !== undefined)).toBe(true);
    expect(plain.some((i) => i.placement !== undefined)).toBe(false);
  },
  'recommend --json': () => {
    expect(() => JSON.parse(run(base).out) as unknown).toThrow();
    expect(Array.isArray(JSON.parse(run([...base, '--json']).out))).toBe(true);
  },
  'explain --client': () => {
    const gym = (client: string) => run(['explain', '--client', client, '--activity', 'ers-leisure-centre-gym', '--at', AT]).out;
    expect(gym('debt-housing-activation-1')).toContain('[gym-activation]');
    expect(gym('diabetes-get-fit-activation-4')).not.toContain('[gym-activation]');
  },
  'explain --activity': () => {
    const of = (id: string) => (json(['explain', '--client', 'copd-activation-2', '--activity', id, '--at', AT]) as { id: string }).id;
    expect(of('ers-leisure-centre-gym')).toBe('ers-leisure-centre-gym');
    expect(of(bundled[1]?.id ?? '')).toBe(bundled[1]?.id);
  },
  'explain --catalogue': () => {
    const mine = JSON.stringify([activity('mine', { name: 'Mine' })]);
    expect(run(['explain', '--client', 'copd-activation-2', '--activity', 'mine', '--at', AT, '--catalogue', 'c.json'], { 'c.json': mine }).out).toMatch(/^Mine \(mine\)$/m);
    expect(run(['explain', '--client', 'copd-activation-2', '--activity', 'mine', '--at', AT]).code).toBe(1);
  },
  'explain --at': () => {
    const next = (at: string) => (json(['explain', '--client', 'copd-activation-2', '--activity', 'ers-leisure-centre-gym', '--at', at]) as Item).nextSession?.start;
    expect(next('2026-11-23T09:00:00Z')).not.toBe(next('2026-11-27T09:00:00Z'));
  },
  'explain --min-relevance': () => {
    const fits = (extra: string[]) => (json(['explain', '--client', 'copd-activation-2', '--activity', 'breathe-easy-group', '--at', AT, ...extra]) as { fitsWell: boolean; minRelevance: number });
    expect(fits([])).toMatchObject({ fitsWell: true, minRelevance: 0.5 });
    expect(fits(['--min-relevance', '1'])).toMatchObject({ fitsWell: false, minRelevance: 1 });
  },
  'explain --json': () => {
    const args = ['explain', '--client', 'copd-activation-2', '--activity', 'ers-leisure-centre-gym', '--at', AT];
    expect(() => JSON.parse(run(args).out) as unknown).toThrow();
    expect(JSON.parse(run([...args, '--json']).out)).toHaveProperty('exclusions');
  },
  'evaluate --referrals': () => {
    expect(run(['evaluate', '--referrals', 'r.json'], { 'r.json': referrals(30) }).out).toContain('on 30 referrals');
    expect(run(['evaluate', '--referrals', 'r.json'], { 'r.json': referrals(40) }).out).toContain('on 40 referrals');
  },
  'evaluate --rules': () => {
    const files = { 'r.json': referrals(60), 'w.json': JSON.stringify({ weights: { interests: 5, needs: 0.5 } }) };
    const defaults = json(['evaluate', '--referrals', 'r.json'], files) as { label: string; summary: { mean: number }[] };
    const rules = json(['evaluate', '--referrals', 'r.json', '--rules', 'w.json'], files) as { label: string; summary: { mean: number }[] };
    expect([defaults.label, rules.label]).toEqual(['defaults', 'rules']);
    expect(rules.summary.map((s) => s.mean)).not.toEqual(defaults.summary.map((s) => s.mean));
  },
  'evaluate --compare': () => {
    const files = { 'r.json': referrals(60), 'b.json': JSON.stringify({ weights: { interests: 5 } }) };
    expect(run(['evaluate', '--referrals', 'r.json'], files).out).not.toContain('Comparing');
    expect(run(['evaluate', '--referrals', 'r.json', '--compare', 'b.json'], files).out).toContain('Comparing defaults (A) with compare (B) on 60 referrals');
  },
  'evaluate --catalogue': () => {
    // Without the activities the referrals offered, the evaluation cannot run: so the option is read.
    const files = { 'r.json': referrals(60), 'c.json': JSON.stringify(bundled.slice(0, 5)) };
    expect(run(['evaluate', '--referrals', 'r.json'], files).code).toBe(0);
    const other = run(['evaluate', '--referrals', 'r.json', '--catalogue', 'c.json'], files);
    expect(other.code).toBe(1);
    expect(other.err).toMatch(/referrals\[\d+\]\.offered\[\d+\]\.activityId: expected the id of an activity in the catalogue/);
  },
  'evaluate --json': () => {
    const files = { 'r.json': referrals(30) };
    expect(() => JSON.parse(run(['evaluate', '--referrals', 'r.json'], files).out) as unknown).toThrow();
    expect(JSON.parse(run(['evaluate', '--referrals', 'r.json', '--json'], files).out)).toHaveProperty('summary');
  },
  'evaluate --csv': () => {
    const files = { 'r.json': referrals(30) };
    const table = run(['evaluate', '--referrals', 'r.json'], files).out;
    const csv = run(['evaluate', '--referrals', 'r.json', '--csv'], files).out;
    expect(table).not.toContain('rules,metric,n,mean,lower,upper,level');
    expect(csv.split('\n')[0]).toBe('rules,metric,n,mean,lower,upper,level');
  },
  'compile --out': () => {
    const files = { 'c.json': JSON.stringify(bundled.slice(0, 5)) };
    const a = run(['compile', 'c.json', '--out', 'a.snapshot'], files);
    const b = run(['compile', 'c.json', '--out', 'b.snapshot'], files);
    expect(Object.keys(a.writtenBytes)).toEqual(['a.snapshot']);
    expect(Object.keys(b.writtenBytes)).toEqual(['b.snapshot']);
    expect(a.writtenBytes['a.snapshot']).toEqual(b.writtenBytes['b.snapshot']);
  },
  'import --out': () => {
    const toFile = run(['import', 'p.json', '--at', AT, '--out', 'c.json'], { 'p.json': page });
    const toStdout = run(['import', 'p.json', '--at', AT], { 'p.json': page });
    expect(toFile.out).toBe('');
    expect(JSON.parse(toFile.written['c.json'] ?? '')).toEqual(JSON.parse(toStdout.out));
    expect(toStdout.written).toEqual({});
  },
  'import --strict': () => {
    expect(run(['import', 'p.json', '--at', AT], { 'p.json': page }).code).toBe(0);
    const strict = run(['import', 'p.json', '--at', AT, '--strict'], { 'p.json': page });
    expect(strict.code).toBe(1);
    expect(strict.out).toBe('');
  },
  'import --at': () => {
    expect(run(['import', 'p.json', '--at', '2026-11-23T09:00:00Z'], { 'p.json': page }).err).toContain('6 with warnings');
    expect(run(['import', 'p.json', '--at', '2024-01-23T09:00:00Z'], { 'p.json': page }).err).toContain('2 with warnings');
  },
  'personas --json': () => {
    expect(() => JSON.parse(run(['personas']).out) as unknown).toThrow();
    expect((JSON.parse(run(['personas', '--json']).out) as { profile: unknown }[])[0]).toHaveProperty('profile');
  },
};

describe('every documented option works', () => {
  it.each(Object.keys(TESTS))('%s', (name) => {
    (TESTS[name] as () => void)();
  });

  it('has a test for every option the help lists (sync has its own, in test/sync)', () => {
    const documented = Object.entries(COMMANDS)
      .filter(([command]) => command !== 'sync')
      .flatMap(([command, spec]) => spec.options.map((o) => `${command} --${o.name}`));
    expect(Object.keys(TESTS).sort()).toEqual(documented.sort());
    for (const [command, spec] of Object.entries(COMMANDS)) {
      if (command === 'sync') continue;
      const help = run([command, '--help']).out;
      for (const o of spec.options) expect(help).toContain(`--${o.name}`);
    }
  });
});
