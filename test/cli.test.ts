// The command line through main(), with in-memory files and captured output (test/cli/run.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import pkg from '../package.json';
import personas from '../fixtures/personas.json';
import { activity } from './helpers.js';
import { prose, run } from './cli/run.js';

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
    expect(prose(out)).toContain('Why: Helps with debt and money worries');
    expect(prose(out)).toContain('Going: 400 m away · Free · By appointment or arrangement');
  });

  it('says when fewer activities fit well than were asked for, and what to relax to see more', () => {
    const short = prose(run(['recommend', '--client', 'type-1-diabetes-cooking', '--limit', '5']).out);
    expect(short).toMatch(/Only 2 activities fit them well \(relevance at least 0\.5\), so the list is shorter than 5\./);
    expect(short).toMatch(/To see more: .*\d+ more pass every rule but fit weakly \(--min-relevance to include them\)/);
    // A housebound client is never told to travel further.
    const housebound = prose(run(['recommend', '--client', 'housebound-lonely', '--limit', '5']).out);
    expect(housebound).toContain('so the list is shorter than 5');
    expect(housebound).not.toContain('travel limit');
    // A full list says nothing of the kind.
    expect(run(['recommend', '--client', 'copd-activation-2', '--limit', '5']).out).not.toContain('shorter than');
  });

  it('--min-relevance lowers the bar for a fuller list, and rejects anything but a number from 0 to 1', () => {
    const fuller = run(['recommend', '--client', 'type-1-diabetes-cooking', '--limit', '5', '--min-relevance', '0.3', '--json']);
    expect((JSON.parse(fuller.out) as unknown[]).length).toBe(5);
    for (const bad of ['2', '1.5', 'half', '', '-0.1', '0x1', '1e-1']) {
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

  it('exits 1 with the field path when the client file is invalid, without its values', () => {
    const { code, err } = run(['recommend', '--client', 'c.json'], { 'c.json': JSON.stringify({ age: 55, activation: 9, conditions: ['SECRET-condition'] }) });
    expect(code).toBe(1);
    expect(err).toContain('client.activation: expected an activation level 1, 2, 3 or 4');
    expect(err).not.toContain('SECRET');
  });

  it.each([
    [['recommend', '--client', 'nobody'], "no bundled persona 'nobody'"],
    [['recommend', '--client', 'missing.json'], 'cannot read the client file missing.json: no such file or folder'],
    [['recommend', '--client', 'bad.json'], 'the client file bad.json is not valid JSON'],
    [['recommend', '--client', 'copd-activation-2', '--limit', 'lots'], '--limit expects a whole number from 1 to 100'],
    [['recommend', '--client', 'copd-activation-2', '--limit', '0'], '--limit expects a whole number from 1 to 100'],
    [['recommend', '--client', 'copd-activation-2', '--limit', '101'], '--limit expects a whole number from 1 to 100'],
    [['recommend', '--client', 'copd-activation-2', '--at', 'tomorrow'], 'options.at: expected a valid Date or an ISO 8601 date-time with offset'],
    [['recommend', '--client', 'copd-activation-2', '--catalogue', 'obj.json'], 'the catalogue file obj.json is not a list of activities: expected a JSON array'],
  ])('%j fails (exit 1): %s', (argv, message) => {
    const { code, err, out } = run(argv, { 'bad.json': '{not json', 'obj.json': '{"id":"x"}' });
    expect(code).toBe(1);
    expect(err).toContain(message);
    expect(err.startsWith('activity-match: ')).toBe(true);
    expect(out).toBe('');
  });

  it('reads a JSON file saved with a byte order mark', () => {
    const { code } = run(['recommend', '--client', 'c.json'], { 'c.json': `\ufeff${JSON.stringify({ age: 55, activation: 3 })}` });
    expect(code).toBe(0);
  });
});

describe('exit statuses and usage errors', () => {
  it.each([
    [[], 'a command is needed'],
    [['frobnicate'], "unknown command 'frobnicate'"],
    [['recomend', '--client', 'copd-activation-2'], "unknown command 'recomend' (did you mean 'recommend'?)"],
    [['personas', '--jsn'], "unknown option '--jsn' for personas (did you mean '--json'?)"],
    [['recommend', '--client', 'copd-activation-2', '--catalog', 'c.json'], "unknown option '--catalog' for recommend (did you mean '--catalogue'?)"],
    [['recommend', '--bogus'], "unknown option '--bogus' for recommend"],
    [['explain', '--client', 'copd-activation-2', '--activity', 'x', '--limit', '3'], "unknown option '--limit' for explain (--limit is an option of recommend)"],
    [['recommend'], '--client is required'],
    [['explain', '--client', 'copd-activation-2'], '--activity is required'],
    [['evaluate'], '--referrals is required'],
    [['import'], 'import needs a file'],
    [['recommend', '--client'], '--client needs a value'],
    [['recommend', '--client', '--json'], '--client needs a value'],
    [['recommend', '--client', 'a', '--client', 'b'], '--client is given more than once'],
    [['recommend', '--json=yes', '--client', 'copd-activation-2'], '--json takes no value'],
    [['recommend', 'copd-activation-2'], "recommend takes no arguments besides its options, and was given 'copd-activation-2' (give each file or id with its option, e.g. --client copd-activation-2)"],
    [['personas', 'extra'], "personas takes no arguments besides its options, and was given 'extra'"],
    [['--client', 'x', 'recommend'], "the command comes first, before options such as '--client'"],
    [['--verison'], "unknown option '--verison' (did you mean '--version'?)"],
    [['help', 'recomend'], "no command 'recomend' (did you mean 'recommend'?)"],
  ])('%j exits 2: %s', (argv, message) => {
    const { code, err, out } = run(argv);
    expect(code).toBe(2);
    expect(err).toContain(`activity-match: ${message}`);
    expect(err).toMatch(/Run 'activity-match (\w+ )?--help' for/);
    expect(out).toBe('');
  });

  it('shows the usage line of the command after a usage error', () => {
    expect(run(['recommend', '--bogus']).err.split('\n')[1]).toBe('Usage: activity-match recommend --client <file.json | persona id> [options]');
  });

  it('suggests the nearest persona id for a misspelt one', () => {
    const { code, err } = run(['recommend', '--client', 'copd-activation2']);
    expect(code).toBe(1);
    expect(err).toContain("no bundled persona 'copd-activation2' (did you mean 'copd-activation-2'?)");
  });

  it('suggests the nearest activity id for a misspelt one in explain', () => {
    const { code, err } = run(['explain', '--client', 'copd-activation-2', '--activity', 'ers-leisure-centre-gim']);
    expect(code).toBe(1);
    expect(err).toContain("no activity 'ers-leisure-centre-gim' in the bundled catalogue (did you mean 'ers-leisure-centre-gym'?)");
  });

  it('treats everything after -- as positional', () => {
    const r = run(['import', '--', '--strict'], { '--strict': '[]' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual([]);
  });
});

describe('help and version', () => {
  it.each([[['--help']], [['-h']], [['help']]])('%j prints the general help on stdout and exits 0', (argv) => {
    const { code, out, err } = run(argv);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toContain('Usage: activity-match <command> [options]');
    for (const command of ['recommend', 'explain', 'evaluate', 'import', 'sync', 'personas', 'help']) expect(out).toMatch(new RegExp(`^  ${command} +\\S`, 'm'));
    expect(out).toContain('Exit status: 0 done, 1 failed');
  });

  it.each(['recommend', 'explain', 'evaluate', 'import', 'personas'])('%s has its own help (--help, -h, help <command>), listing every option', (command) => {
    const viaFlag = run([command, '--help']);
    expect(viaFlag.code).toBe(0);
    expect(viaFlag.out.split('\n')[0]).toBe(`Usage: activity-match ${command}${command === 'import' ? ' <open-referral.json>...' : ''}${command === 'personas' ? ' [--json]' : ''}${['recommend', 'explain'].includes(command) ? ' --client <file.json | persona id>' : ''}${command === 'explain' ? ' --activity <id>' : ''}${command === 'evaluate' ? ' --referrals <file.json>' : ''}${command === 'personas' ? '' : ' [options]'}`);
    expect(run([command, '-h']).out).toBe(viaFlag.out);
    expect(run(['help', command]).out).toBe(viaFlag.out);
    expect(viaFlag.out).toContain('Example:');
    expect(viaFlag.out).toContain('  --help');
  });

  it('--help wins over anything else on the line, even a broken one', () => {
    const { code, out } = run(['recommend', '--bogus', '--limit', '--help']);
    expect(code).toBe(0);
    expect(out).toContain('Usage: activity-match recommend');
  });

  it('sync has help too, from its own command', async () => {
    const { main } = await import('../src/cli.js');
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: () => undefined, readFile: () => '', writeFile: () => undefined, now: () => new Date() };
    expect(await main(['help', 'sync'], io)).toBe(0);
    expect(await main(['sync', '--help'], io)).toBe(0);
    expect(out[0]).toContain('Usage: activity-match sync <base-url>');
    expect(out[1]).toBe(out[0]);
  });

  it('--version prints the package version', () => {
    const { code, out } = run(['--version']);
    expect(code).toBe(0);
    expect(out).toBe(pkg.version);
    expect(run(['-v']).out).toBe(pkg.version);
  });
});

describe('output width', () => {
  const lines = (text: string) => text.split('\n');
  const widest = (text: string) => Math.max(...lines(text).map((l) => [...l].length));

  it('wraps to 80 columns when stdout is not a terminal', () => {
    for (const argv of [['recommend', '--client', 'copd-activation-2'], ['recommend', '--client', 'type-1-diabetes-cooking'], ['explain', '--client', 'copd-activation-2', '--activity', 'ers-leisure-centre-gym'], ['personas'], ['--help'], ['recommend', '--help']]) {
      expect({ argv, width: widest(run(argv).out) }).toEqual({ argv, width: expect.any(Number) as number });
      expect(widest(run(argv).out), argv.join(' ')).toBeLessThanOrEqual(80);
    }
  });

  it("wraps to the terminal's width when stdout is a terminal (kept between 40 and 120)", () => {
    const narrow = run(['recommend', '--client', 'copd-activation-2'], {}, { columns: 50 }).out;
    expect(widest(narrow)).toBeLessThanOrEqual(50);
    expect(widest(narrow)).toBeGreaterThan(40);
    const wide = run(['recommend', '--client', 'copd-activation-2'], {}, { columns: 200 }).out;
    expect(widest(wide)).toBeGreaterThan(80);
    expect(widest(wide)).toBeLessThanOrEqual(120);
    expect(widest(run(['personas'], {}, { columns: 10 }).out)).toBeLessThanOrEqual(40);
    // Wrapping changes only the line breaks.
    expect(prose(narrow).replace(/─+/g, '').replace(/ +/g, ' ')).toBe(prose(run(['recommend', '--client', 'copd-activation-2']).out).replace(/─+/g, '').replace(/ +/g, ' '));
  });

  it('never wraps JSON', () => {
    const json = run(['recommend', '--client', 'copd-activation-2', '--json'], {}, { columns: 40 }).out;
    expect(JSON.parse(json)).toEqual(JSON.parse(run(['recommend', '--client', 'copd-activation-2', '--json']).out));
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
});

describe('activity-match evaluate --csv', () => {
  const history = readFileSync(new URL('../fixtures/referrals/history.json', import.meta.url), 'utf8');
  const files = { 'r.json': JSON.stringify((JSON.parse(history) as unknown[]).slice(0, 60)), 'b.json': JSON.stringify({ weights: { interests: 5 } }) };
  const parse = (csv: string) => csv.split('\n').map((line) => line.split(','));

  it('prints one row per metric, at full precision, with the confidence level', () => {
    const r = run(['evaluate', '--referrals', 'r.json', '--csv'], files);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const json = JSON.parse(run(['evaluate', '--referrals', 'r.json', '--json'], files).out) as { summary: { metric: string; n: number; mean: number | null; lower: number | null; upper: number | null }[] };
    const [header, ...rows] = parse(r.out);
    expect(header).toEqual(['rules', 'metric', 'n', 'mean', 'lower', 'upper', 'level']);
    const text = (x: number | null) => (x === null ? '' : String(x));
    expect(rows).toEqual(json.summary.map((s) => ['defaults', s.metric, String(s.n), text(s.mean), text(s.lower), text(s.upper), '0.95']));
  });

  it('names a comparison’s columns after the two rule sets', () => {
    const r = run(['evaluate', '--referrals', 'r.json', '--compare', 'b.json', '--csv'], files);
    expect(r.code).toBe(0);
    const [header, first] = parse(r.out);
    expect(header?.slice(0, 3)).toEqual(['metric', 'n', 'defaults']);
    expect(header).toContain('compare');
    expect(header).toContain('difference (B - A)');
    expect(header).toContain('difference lower');
    expect(header?.at(-1)).toBe('level');
    expect(first?.[0]).toBe('ndcg@5');
    expect(first?.length).toBe(header?.length);
  });

  it('cannot be combined with --json (exit 2)', () => {
    const r = run(['evaluate', '--referrals', 'r.json', '--csv', '--json'], files);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--csv and --json cannot be used together');
  });

  it('quotes text with commas or quotes, keeps text from being read as a formula, and leaves missing values empty', async () => {
    const { toCsv } = await import('../src/cli/csv.js');
    const row = { label: 'a, "b"', x: null, y: Number.NaN, formula: '=HYPERLINK("http://x")', minus: -0.5, at: '@sum' };
    expect(toCsv([row]).split('\n')).toEqual(['label,x,y,formula,minus,at', `"a, ""b""",,,"'=HYPERLINK(""http://x"")",-0.5,'@sum`, '']);
  });
});

describe('activity-match import', () => {
  const fixture = (name: string) => readFileSync(new URL(`../fixtures/open-referral/uk-feeds/${name}`, import.meta.url), 'utf8');
  const page = fixture('sheffield-v3-page-1.json');

  it('writes the imported catalogue to --out and reports every rejected or skipped service on stderr', () => {
    const { code, out, err, written } = run(['import', 'sheffield-v3-page-1.json', '--out', 'catalogue.json', '--at', '2026-11-23T09:00:00Z'], { 'sheffield-v3-page-1.json': page });
    expect(code).toBe(0);
    expect(out).toBe('');
    const activities = JSON.parse(written['catalogue.json'] ?? '[]') as { id: string; source?: { feed?: string } }[];
    expect(activities.length).toBeGreaterThan(3);
    expect(activities[0]?.source?.feed).toBe('sheffield-v3-page-1.json');
    expect(err).toMatch(/rejected/i);
    expect(err).toMatch(/skipped/i);
    expect(err).toContain('note: this is page 1 of 2; import the other pages too');
  });

  it('produces a catalogue the matcher loads strictly', () => {
    const { written } = run(['import', 'p.json', '--out', 'c.json', '--at', '2026-11-23T09:00:00Z'], { 'p.json': page });
    const { code, err } = run(['recommend', '--client', 'copd-activation-2', '--catalogue', 'c.json', '--at', '2026-11-23T09:00:00Z'], { 'c.json': written['c.json'] ?? '' });
    expect(code).toBe(0);
    expect(err).toBe('');
  });

  it('imports every page given, in order, each activity naming its page, and no longer asks for pages it was given', () => {
    const files = { 'p1.json': page, 'p2.json': fixture('sheffield-v3-page-2.json') };
    const one = (name: keyof typeof files) => JSON.parse(run(['import', name, '--at', '2026-11-23T09:00:00Z'], files).out) as { id: string }[];
    const both = run(['import', 'p1.json', 'p2.json', '--at', '2026-11-23T09:00:00Z'], files);
    expect(both.code).toBe(0);
    const ids = (JSON.parse(both.out) as { id: string; source?: { feed?: string } }[]).map((a) => `${a.source?.feed ?? ''}:${a.id}`);
    // The second page lists one service again (a real-feed quirk): kept once, from the first page, and reported.
    const first = new Set(one('p1.json').map((a) => a.id));
    const again = one('p2.json').filter((a) => first.has(a.id));
    expect(again).toHaveLength(1);
    expect(ids).toEqual([...one('p1.json').map((a) => `p1.json:${a.id}`), ...one('p2.json').filter((a) => !first.has(a.id)).map((a) => `p2.json:${a.id}`)]);
    expect(ids.filter((id) => id.startsWith('p2.json:')).length).toBeGreaterThan(0);
    expect(both.err).toContain(`duplicate ${again[0]?.id ?? ''} in p2.json: kept the one from p1.json`);
    expect(both.err).toMatch(/^p1\.json: imported \d+ activit/m);
    expect(both.err).toMatch(/^p2\.json: imported \d+ activit/m);
    expect(both.err).not.toContain('import the other pages too');
    expect(both.err).toContain(`catalogue: ${ids.length} activities from 2 files`);
    // Page 1 twice: the second copy's activities are duplicates, kept once and reported.
    const twice = run(['import', 'p1.json', 'p1.json', '--at', '2026-11-23T09:00:00Z'], files);
    expect(JSON.parse(twice.out)).toHaveLength(one('p1.json').length);
    expect(twice.err).toMatch(/^duplicate \S+ in p1\.json: kept the one from p1\.json$/m);
    expect(twice.err).toContain('note: page 2 of 2 is missing; import it too');
  });

  it('says which file a strict import stopped at', () => {
    const { code, err } = run(['import', 'p1.json', 'p2.json', '--strict'], { 'p1.json': '[]', 'p2.json': page });
    expect(code).toBe(1);
    expect(err.split('\n').find((line) => line.startsWith('activity-match: '))).toBe('activity-match: p2.json: invalid catalogue');
  });

  it('cannot-write errors name the file and the reason, with no stack trace', () => {
    const io = {
      writeFile: (path: string) => {
        throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: path === '/' ? 'EISDIR' : 'ENOENT' });
      },
    };
    const missing = run(['import', 'p.json', '--out', '/no/such/dir/x.json'], { 'p.json': page }, { io });
    expect(missing.code).toBe(1);
    expect(missing.err.split('\n').at(-1)).toBe('activity-match: cannot write the catalogue file /no/such/dir/x.json: no such file or folder');
    const root = run(['import', 'p.json', '--out', '/'], { 'p.json': page }, { io });
    expect(root.code).toBe(1);
    expect(root.err.split('\n').at(-1)).toBe('activity-match: cannot write the catalogue file /: it is a folder');
  });
});

describe('activity-match personas', () => {
  it('lists the bundled personas, one id and summary each', () => {
    const { code, out } = run(['personas']);
    expect(code).toBe(0);
    const ids = out.split('\n').filter((l) => /^\S/.test(l)).map((l) => l.split(' ')[0]);
    expect(ids).toEqual(personas.map((p) => p.id));
  });

  it('prints the personas, profiles included, with --json', () => {
    const { code, out } = run(['personas', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual(personas);
  });
});
