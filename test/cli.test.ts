import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { activity } from './helpers.js';

function run(argv: string[], files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string> = {};
  const code = main(argv, {
    writeFile: (path, text) => {
      written[path] = text;
    },
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readFile: (path) => {
      const text = files[path];
      if (text === undefined) throw new Error('ENOENT');
      return text;
    },
    now: () => new Date('2026-11-23T09:00:00Z'),
  });
  return { code, out: out.join('\n'), err: err.join('\n'), written };
}

describe('activity-match recommend', () => {
  it('prints an explained shortlist for a bundled persona', () => {
    const { code, out, err } = run(['recommend', '--client', 'copd-activation-2', '--limit', '3']);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toContain('Shortlist for persona copd-activation-2');
    expect(out).toContain('Healthy Lungs course');
    expect(out).toContain('Designed for people with COPD');
    expect(out.match(/^ {0,1}\d {2}/gm)).toHaveLength(3);
  });

  it('says why and whether they can go for each activity, and heads each fit when the list mixes them', () => {
    const { out } = run(['recommend', '--client', 'debt-housing-activation-1', '--limit', '5']);
    expect(out).toMatch(/^ {4}Practical help first$/m);
    expect(out).toMatch(/^ {4}Chosen for them$/m);
    expect(out.indexOf('Practical help first')).toBeLessThan(out.indexOf('Chosen for them'));
    expect(out).toContain('Why: Helps with debt and money worries');
    expect(out).toContain('Going: 400 m away · Free · By appointment or arrangement');
  });

  it('says when fewer activities fit well than were asked for, and what to relax to see more', () => {
    const short = run(['recommend', '--client', 'type-1-diabetes-cooking', '--limit', '5']);
    expect(short.out).toMatch(/Only 2 activities fit them well \(relevance at least 0\.5\), so the list is shorter than 5\./);
    expect(short.out).toMatch(/To see more: .*\d+ more pass every rule but fit weakly \(--min-relevance to include them\)/);
    // A housebound client is never told to travel further.
    const housebound = run(['recommend', '--client', 'housebound-lonely', '--limit', '5']);
    expect(housebound.out).toContain('so the list is shorter than 5');
    expect(housebound.out).not.toContain('travel limit');
    // A full list says nothing of the kind.
    expect(run(['recommend', '--client', 'copd-activation-2', '--limit', '5']).out).not.toContain('shorter than');
  });

  it('--min-relevance lowers the bar for a fuller list, and rejects anything but a number from 0 to 1', () => {
    const fuller = run(['recommend', '--client', 'type-1-diabetes-cooking', '--limit', '5', '--min-relevance', '0.3', '--json']);
    expect((JSON.parse(fuller.out) as unknown[]).length).toBe(5);
    for (const bad of ['2', '1.5', 'half', '']) {
      const r = run(['recommend', '--client', 'type-1-diabetes-cooking', '--min-relevance', bad]);
      expect(r.code).toBe(1);
      expect(r.err).toContain('--min-relevance expects a number from 0 to 1');
    }
  });

  it('--no-diversity reaches recommend: the pure fit-and-score order, with no placement notes', () => {
    const diverse = JSON.parse(run(['recommend', '--client', 'copd-activation-2', '--json']).out) as { id: string; placement?: string }[];
    const plain = JSON.parse(run(['recommend', '--client', 'copd-activation-2', '--json', '--no-diversity']).out) as { id: string; placement?: string; score: number }[];
    expect(diverse.some((i) => i.placement !== undefined)).toBe(true);
    expect(plain.every((i) => i.placement === undefined)).toBe(true);
    expect(plain.map((i) => i.id)).not.toEqual(diverse.map((i) => i.id));
  });

  it('prints JSON with --json', () => {
    const { code, out } = run(['recommend', '--client', 'copd-activation-2', '--json', '--limit', '2']);
    expect(code).toBe(0);
    const items = JSON.parse(out) as { rank: number; score: number }[];
    expect(items.map((i) => i.rank)).toEqual([1, 2]);
  });

  it('reads a client file and a catalogue file, reporting rejected records on stderr without echoing the client', () => {
    const files = {
      'client.json': JSON.stringify({ age: 55, activation: 3, conditions: ['asthma'] }),
      'cat.json': JSON.stringify([activity('a', { name: 'Good one' }), { id: 'bad' }]),
    };
    const { code, out, err } = run(['recommend', '--client', 'client.json', '--catalogue', 'cat.json'], files);
    expect(code).toBe(0);
    expect(out).toContain('Good one');
    expect(out).toContain('client file client.json');
    expect(out).not.toContain('asthma');
    expect(err).toContain('rejected activities[1] (bad): activities[1].name');
  });

  it('exits 1 with the field path when the client file is invalid', () => {
    const { code, err } = run(['recommend', '--client', 'c.json'], { 'c.json': JSON.stringify({ age: 55, activation: 9 }) });
    expect(code).toBe(1);
    expect(err).toContain('client.activation: expected an activation level 1, 2, 3 or 4');
  });

  it.each([
    [['recommend', '--client', 'nobody'], 1, "no bundled persona 'nobody'"],
    [['recommend', '--client', 'missing.json'], 1, 'cannot read the client file missing.json'],
    [['recommend', '--client', 'bad.json'], 1, 'is not valid JSON'],
    [['recommend'], 1, '--client is required'],
    [['recommend', '--client', 'copd-activation-2', '--limit', 'lots'], 1, 'options.limit'],
    [['frobnicate'], 1, "unknown command 'frobnicate'"],
    [['recommend', '--bogus'], 2, "Unknown option '--bogus'"],
  ])('%j exits %s and says %s', (argv, exitCode, message) => {
    const { code, err } = run(argv, { 'bad.json': '{not json' });
    expect(code).toBe(exitCode);
    expect(err).toContain(message);
  });
});

describe('activity-match explain', () => {
  it('shows every exclusion and the factor breakdown', () => {
    const { code, out } = run(['explain', '--client', 'debt-housing-activation-1', '--activity', 'ers-leisure-centre-gym']);
    expect(code).toBe(0);
    expect(out).toContain('Excluded:');
    expect(out).toContain('[gym-activation]');
    expect(out).toMatch(/activation +value/);
  });
});

describe('activity-match evaluate', () => {
  it('prints the metric table for a referral history, comparing two rule sets', () => {
    const history = readFileSync(new URL('../fixtures/referrals/history.json', import.meta.url), 'utf8');
    const referrals = JSON.stringify((JSON.parse(history) as unknown[]).slice(0, 60));
    const { code, out, err } = run(['evaluate', '--referrals', 'r.json', '--compare', 'b.json'], { 'r.json': referrals, 'b.json': JSON.stringify({ weights: { interests: 5 } }) });
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/ndcg@5/);
    expect(out).toContain('Comparing defaults (A) with compare (B) on 60 referrals');
    expect(out).toMatch(/B − A +95% CI/);
  });

  it('needs --referrals', () => {
    const { code, err } = run(['evaluate']);
    expect(code).toBe(1);
    expect(err).toContain('--referrals is required');
  });
});

describe('activity-match import', () => {
  const page = readFileSync(new URL('../fixtures/open-referral/uk-feeds/sheffield-v3-page-1.json', import.meta.url), 'utf8');

  it('writes the imported catalogue to --out and reports every rejected or skipped service on stderr', () => {
    const { code, out, err, written } = run(['import', 'sheffield-v3-page-1.json', '--out', 'catalogue.json', '--at', '2026-11-23T09:00:00Z'], { 'sheffield-v3-page-1.json': page });
    expect(code).toBe(0);
    expect(out).toBe('');
    const activities = JSON.parse(written['catalogue.json'] ?? '[]') as { id: string; source?: { feed?: string } }[];
    expect(activities.length).toBeGreaterThan(3);
    expect(activities[0]?.source?.feed).toBe('sheffield-v3-page-1.json');
    expect(err).toMatch(/rejected/i);
    expect(err).toMatch(/skipped/i);
  });

  it('produces a catalogue the matcher loads strictly', () => {
    const { written } = run(['import', 'p.json', '--out', 'c.json', '--at', '2026-11-23T09:00:00Z'], { 'p.json': page });
    const { code, err } = run(['recommend', '--client', 'copd-activation-2', '--catalogue', 'c.json', '--at', '2026-11-23T09:00:00Z'], { 'c.json': written['c.json'] ?? '' });
    expect(code).toBe(0);
    expect(err).toBe('');
  });

  it('needs a file', () => {
    expect(run(['import']).err).toContain('import needs a file');
  });
});

describe('activity-match personas', () => {
  it('lists the bundled personas', () => {
    const { code, out } = run(['personas']);
    expect(code).toBe(0);
    expect(out).toContain('housebound-lonely');
  });
});
