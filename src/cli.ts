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
import type { EligibilityRule } from './rank/eligibility.js';
import type { Matcher } from './matcher.js';
import type { MatchingRulesInput } from './schema/rules.js';
import { ClientProfileSchema } from './schema/client.js';

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
  activity-match recommend --client <file.json | persona id> [--catalogue <file.json>] [--limit N] [--at ISO-date-time] [--json] [--no-diversity] [--min-relevance 0-1]
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

const FIT_HEADINGS = { 'practical-first': 'Practical help first', 'for-them': 'Chosen for them', 'open-to-all': 'Also open to them' } as const;

/**
 * A readable table of a shortlist: under each row why it suits this person, whether they can
 * go, what to check, and why diversity placed it below a lower score. When the list mixes fits
 * (practical help first, chosen for them, open to anyone), each starts under its heading.
 */
export function formatShortlist(items: readonly Recommendation[]): string {
  if (items.length === 0) return 'No activity both fits them well and passes every rule. Use `explain` to see why an activity is left out.';
  const lines = [' #  score  activity', '──  ─────  ' + '─'.repeat(60)];
  const mixed = new Set(items.map((i) => i.fit)).size > 1;
  let fit: Recommendation['fit'] | undefined;
  for (const item of items) {
    if (mixed && item.fit !== fit) lines.push(`    ${FIT_HEADINGS[item.fit]}`);
    fit = item.fit;
    const provider = item.activity.provider ? `  (${item.activity.provider})` : '';
    lines.push(`${String(item.rank).padStart(2)}  ${item.score.toFixed(2).padStart(5)}  ${item.activity.name}${provider}`);
    if (item.whyThem.length > 0) lines.push(...wrap(`Why: ${item.whyThem.join(' · ')}`, 78, '           '));
    if (item.canTheyGo.length > 0) lines.push(...wrap(`Going: ${item.canTheyGo.join(' · ')}`, 78, '           '));
    if (item.cautions.length > 0) lines.push(...wrap(`Check: ${item.cautions.join(' · ')}`, 78, '           '));
    if (item.placement !== undefined) lines.push(...wrap(`Note: ${item.placement}`, 78, '           '));
  }
  return lines.join('\n');
}

/** Hard rules a link worker can relax, and how to say so. */
const RELAXABLE: Readonly<Partial<Record<EligibilityRule, string>>> = {
  travel: 'a longer travel limit',
  schedule: 'more times they are free',
  cost: 'a bigger budget',
  'gym-activation': 'allowing gym settings at their activation level',
};

/** Beyond this many activities the CLI does not explain each one to say what to relax. */
const RELAX_SCAN_LIMIT = 20_000;

/**
 * Why a list is shorter than asked: how many more activities fit well but break a rule a link
 * worker could relax (a longer travel limit, more free times, a bigger budget), and how many
 * more pass every rule but fit weakly. Explains every activity, so only for catalogues up to
 * 20,000 activities.
 */
function shortfallText(matcher: Matcher, profile: unknown, at: string, rules: MatchingRulesInput | undefined, items: readonly Recommendation[], limit: number): string {
  const minimum = items[0]?.minRelevance ?? matcher.explain(profile, (matcher.activities[0] as { id: string }).id, { at, ...(rules ? { rules } : {}) }).minRelevance;
  const head = `Only ${items.length} ${items.length === 1 ? 'activity fits' : 'activities fit'} them well (relevance at least ${minimum}), so the list is shorter than ${limit}.`;
  if (matcher.activities.length > RELAX_SCAN_LIMIT) return head;
  const listed = new Set(items.map((i) => i.id));
  // A housebound client cannot travel at all: a longer travel limit is no suggestion for them.
  const housebound = ClientProfileSchema.safeParse(profile).data?.housebound === true;
  const broken = new Map<string, number>();
  let weak = 0;
  for (const activity of matcher.activities) {
    if (listed.has(activity.id)) continue;
    const e = matcher.explain(profile, activity.id, { at, ...(rules ? { rules } : {}) });
    if (e.eligible && !e.fitsWell) weak++;
    if (e.eligible || !e.fitsWell) continue;
    for (const x of e.exclusions) {
      const how = x.rule === 'travel' && housebound ? undefined : RELAXABLE[x.rule];
      if (how !== undefined && e.exclusions.length === 1) broken.set(how, (broken.get(how) ?? 0) + 1);
    }
  }
  const hints = [...broken].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([how, n]) => `${how} would add ${n}`);
  if (weak > 0) hints.push(`${weak} more pass every rule but fit weakly (--min-relevance to include them)`);
  return hints.length === 0 ? head : `${head}\nTo see more: ${hints.join('; ')}.`;
}

/** A readable breakdown of one activity: verdict, factors with contributions, reasons. */
export function formatExplanation(e: Explanation): string {
  const lines = [`${e.activity.name} (${e.id})`, e.eligible ? 'Eligible' : 'Excluded:'];
  for (const x of e.exclusions) lines.push(`  - ${x.reason} [${x.rule}]`);
  lines.push(`Fit: ${FIT_HEADINGS[e.fit].toLowerCase()}; relevance ${e.relevance.toFixed(2)} (why this person; the shortlist takes ${e.minRelevance} or more${e.fitsWell ? '' : ': not reached'}), practicality ${e.practicality.toFixed(2)} (can they go)`);
  lines.push(`Score ${e.score.toFixed(3)} = sum of contributions:`);
  for (const f of e.factors) lines.push(`  ${f.factor.padEnd(11)} value ${f.value.toFixed(2)} × weight ${String(f.weight).padEnd(4)} → ${f.contribution.toFixed(3)}`);
  lines.push(`Why: ${e.whyThem.join(' · ')}`);
  lines.push(`Going: ${e.canTheyGo.join(' · ')}`);
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
        'min-relevance': { type: 'string' },
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
    const minRelevance = values['min-relevance'];
    if (minRelevance !== undefined && !/^(0(\.\d+)?|1(\.0+)?)$/.test(minRelevance)) throw new CliError('--min-relevance expects a number from 0 to 1');
    const rules: MatchingRulesInput | undefined =
      values['no-diversity'] || minRelevance !== undefined
        ? { ...(values['no-diversity'] ? { diversity: { enabled: false } } : {}), ...(minRelevance === undefined ? {} : { relevance: { minimum: Number(minRelevance) } }) }
        : undefined;
    if (command === 'explain') {
      if (values.activity === undefined) throw new CliError('--activity is required');
      const explanation = matcher.explain(profile, values.activity, { at, ...(rules ? { rules } : {}) });
      io.out(values.json ? JSON.stringify(explanation, null, 2) : formatExplanation(explanation));
      return 0;
    }
    const limit = values.limit === undefined ? 5 : Number(values.limit);
    const items = matcher.recommend(profile, { at, limit, ...(rules ? { rules } : {}) });
    if (values.json) io.out(JSON.stringify(items, null, 2));
    else {
      const short = items.length < limit && matcher.activities.length > 0 ? `\n\n${shortfallText(matcher, profile, at, rules, items, limit)}` : '';
      io.out(`Shortlist for ${label}\nat ${at}, from ${matcher.activities.length} activities\n\n${formatShortlist(items)}${short}`);
    }
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
