import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { realpathSync } from 'node:fs';
import bundledCatalogue from '../fixtures/catalogue.json';
import bundledPersonas from '../fixtures/personas.json';
import { ActivityMatchError } from './errors.js';
import { runImportCommand } from './catalogue/import-command.js';
import { runEvaluateCommand } from './evaluate/command.js';
import { runSyncCommand } from './sync/command.js';
import type { FetchLike } from './sync/http.js';
import { createMatcher } from './matcher.js';
import type { Explanation, Recommendation } from './rank/explain.js';

/** Where the CLI writes and reads; injected so tests never touch the real console or disk. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly readFile: (path: string) => string;
  readonly writeFile: (path: string, text: string) => void;
  readonly now: () => Date;
  /** `sync` only: the HTTP client (default: the platform's `fetch`). */
  readonly fetch?: FetchLike;
  /** `sync` only: waits between retries (default: a real timer). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** `sync` only: rewrites the progress line; set only when stderr is a terminal. */
  readonly progress?: (line: string) => void;
}

interface Persona {
  readonly id: string;
  readonly summary: string;
  readonly profile: unknown;
}

const USAGE = `Usage:
  activity-match recommend --client <file.json | persona id> [--catalogue <file.json>] [--limit N] [--at ISO-date-time] [--json] [--no-diversity]
  activity-match explain --client <file.json | persona id> --activity <id> [--catalogue <file.json>] [--at ISO-date-time] [--json]
  activity-match evaluate --referrals <file.json> [--rules <file.json>] [--compare <file.json>] [--catalogue <file.json>] [--json]
  activity-match import <open-referral.json> [--out <catalogue.json>] [--strict] [--at ISO-date-time]
  activity-match sync <base-url> --out <catalogue.json> [--state <state.json>] [--incremental] [--concurrency N] [--report <report.json>] [--json]
  activity-match personas

Without --catalogue the bundled catalogue (fictional Sheffield services) is used.
--client takes a JSON client profile file or the id of a bundled persona (see 'personas').`;

function readJson(io: CliIo, path: string, what: string): unknown {
  let text: string;
  try {
    text = io.readFile(path);
  } catch {
    throw new CliError(`cannot read the ${what} file ${path}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CliError(`the ${what} file ${path} is not valid JSON`);
  }
}

class CliError extends Error {}

function loadClient(io: CliIo, ref: string): { profile: unknown; label: string } {
  const persona = (bundledPersonas as readonly Persona[]).find((p) => p.id === ref);
  if (persona) return { profile: persona.profile, label: `persona ${persona.id}: ${persona.summary}` };
  if (!ref.endsWith('.json')) throw new CliError(`no bundled persona '${ref}' (run 'activity-match personas'), and not a .json file`);
  // Never echo a real client's profile: name the file only.
  return { profile: readJson(io, ref, 'client'), label: `client file ${ref}` };
}

function wrap(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(indent + line);
  return lines;
}

/** A readable table of a shortlist, with reasons and cautions under each row. */
export function formatShortlist(items: readonly Recommendation[]): string {
  if (items.length === 0) return 'No eligible activities. Use `explain` to see which rules exclude an activity.';
  const lines = [' #  score  activity', '──  ─────  ' + '─'.repeat(60)];
  for (const item of items) {
    const provider = item.activity.provider ? `  (${item.activity.provider})` : '';
    lines.push(`${String(item.rank).padStart(2)}  ${item.score.toFixed(2).padStart(5)}  ${item.activity.name}${provider}`);
    lines.push(...wrap(item.reasons.join(' · '), 78, '           '));
    if (item.cautions.length > 0) lines.push(...wrap(`Check: ${item.cautions.join(' · ')}`, 78, '           '));
  }
  return lines.join('\n');
}

/** A readable breakdown of one activity: verdict, factors with contributions, reasons. */
export function formatExplanation(e: Explanation): string {
  const lines = [`${e.activity.name} (${e.id})`, e.eligible ? 'Eligible' : 'Excluded:'];
  for (const x of e.exclusions) lines.push(`  - ${x.reason} [${x.rule}]`);
  lines.push(`Score ${e.score.toFixed(3)} = sum of contributions:`);
  for (const f of e.factors) lines.push(`  ${f.factor.padEnd(11)} value ${f.value.toFixed(2)} × weight ${String(f.weight).padEnd(4)} → ${f.contribution.toFixed(3)}`);
  lines.push(`Reasons: ${e.reasons.join(' · ')}`);
  if (e.cautions.length > 0) lines.push(`Check: ${e.cautions.join(' · ')}`);
  return lines.join('\n');
}

/** Compiles a catalogue leniently, reporting every rejected record on stderr. */
function loadMatcher(io: CliIo, catalogue: unknown) {
  const matcher = createMatcher(catalogue, { lenient: true });
  for (const r of matcher.rejected) io.err(`rejected activities[${r.index}]${r.id ? ` (${r.id})` : ''}: ${r.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  return matcher;
}

/** Runs the command line; returns the exit code (a promise of it for `sync`, the one command that uses the network). */
export function main(argv: readonly string[], io: CliIo): number | Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === 'sync') return runSyncCommand(rest, io);
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: command === 'import',
      options: {
        client: { type: 'string' },
        catalogue: { type: 'string' },
        activity: { type: 'string' },
        limit: { type: 'string' },
        referrals: { type: 'string' },
        rules: { type: 'string' },
        compare: { type: 'string' },
        out: { type: 'string' },
        strict: { type: 'boolean', default: false },
        at: { type: 'string' },
        json: { type: 'boolean', default: false },
        'no-diversity': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    });
    if (command === undefined || command === 'help' || values.help) {
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === 'personas') {
      for (const p of bundledPersonas as readonly Persona[]) io.out(`${p.id.padEnd(32)} ${p.summary}`);
      return 0;
    }
    if (command === 'import') {
      const file = positionals[0];
      if (file === undefined) throw new CliError('import needs a file: activity-match import <open-referral.json>');
      const result = runImportCommand(readJson(io, file, 'Open Referral'), {
        strict: values.strict,
        feed: basename(file),
        at: values.at ?? io.now().toISOString(),
      });
      for (const line of result.stderr) io.err(line);
      if (values.out === undefined) io.out(result.output);
      else io.writeFile(values.out, result.output);
      return 0;
    }
    if (command !== 'recommend' && command !== 'explain' && command !== 'evaluate') throw new CliError(`unknown command '${command}'\n${USAGE}`);
    const catalogue = values.catalogue === undefined ? bundledCatalogue : readJson(io, values.catalogue, 'catalogue');
    if (command === 'evaluate') {
      if (values.referrals === undefined) throw new CliError('--referrals is required');
      const matcher = loadMatcher(io, catalogue);
      io.out(
        runEvaluateCommand({
          referrals: readJson(io, values.referrals, 'referrals'),
          ...(values.rules === undefined ? {} : { rules: readJson(io, values.rules, 'rules') }),
          ...(values.compare === undefined ? {} : { compare: readJson(io, values.compare, 'compare rules') }),
          json: values.json,
          catalogue: matcher,
        }),
      );
      return 0;
    }
    if (values.client === undefined) throw new CliError('--client is required');
    const matcher = loadMatcher(io, catalogue);
    const { profile, label } = loadClient(io, values.client);
    const at = values.at ?? io.now().toISOString();
    const rules = values['no-diversity'] ? { diversity: { enabled: false } } : undefined;
    if (command === 'explain') {
      if (values.activity === undefined) throw new CliError('--activity is required');
      const explanation = matcher.explain(profile, values.activity, { at, ...(rules ? { rules } : {}) });
      io.out(values.json ? JSON.stringify(explanation, null, 2) : formatExplanation(explanation));
      return 0;
    }
    const limit = values.limit === undefined ? 5 : Number(values.limit);
    const items = matcher.recommend(profile, { at, limit, ...(rules ? { rules } : {}) });
    if (values.json) io.out(JSON.stringify(items, null, 2));
    else io.out(`Shortlist for ${label}\nat ${at}, from ${matcher.activities.length} activities\n\n${formatShortlist(items)}`);
    return 0;
  } catch (error) {
    if (error instanceof ActivityMatchError || error instanceof CliError) {
      io.err(`activity-match: ${error.message.replace(/^activity-match: /, '')}`);
      return 1;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`activity-match: ${error.message}\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  const code = main(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    readFile: (path) => readFileSync(path, 'utf8'),
    writeFile: (path, text) => writeFileSync(path, `${text}\n`),
    now: () => new Date(),
    ...(process.stderr.isTTY ? { progress: (line: string) => process.stderr.write(`\r${line}\x1b[K`) } : {}),
  });
  if (typeof code === 'number') process.exitCode = code;
  else void code.then((exit) => (process.exitCode = exit));
}
