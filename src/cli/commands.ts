/**
 * The commands behind `activity-match recommend | explain | evaluate | import | personas`, on
 * parsed arguments and the injected io. `sync` lives in `src/sync/sync-command.ts`.
 *
 * @module
 */
import { catalogue as bundledCatalogue, personas as PERSONAS } from '../entries/sample.js';
import type { Persona } from '../entries/sample.js';
import { runImportCommand } from '../catalogue/import-command.js';
import { runEvaluateCommand } from '../evaluate/evaluate-command.js';
import { createMatcher } from '../matcher.js';
import { parseClientProfile } from '../schema/lenient-client.js';
import type { Matcher } from '../matcher.js';
import type { ClientProfileInput } from '../schema/client.js';
import type { DeepReadonly } from '../inputs.js';
import type { MatchingRulesInput } from '../schema/rules.js';
import { ActivityMatchError } from '../errors.js';
import { UsageError } from './args.js';
import type { ParsedArgs } from './args.js';
import { evaluationCsv } from './csv.js';
import { CliError, readBytes, readJson, writeBytes, writeText } from './files.js';
import { loadMatcher as loadSnapshot } from '../load-matcher.js';
import { MAGIC as SNAPSHOT_MAGIC } from '../snapshot/format.js';
import type { FileIo } from './files.js';
import { formatExplanation, formatShortlist, shortfallText } from './format.js';
import { shown, suggestion, wrap } from './text.js';

/** What a command reads and writes through. */
export interface CommandIo extends FileIo {
  /** Text for people: control characters are replaced before it reaches the terminal. */
  readonly out: (text: string) => void;
  /** JSON, written as it is (JSON.stringify already escapes control characters). */
  readonly json: (text: string) => void;
  readonly err: (text: string) => void;
  readonly now: () => Date;
  /** The width to wrap to. */
  readonly width: number;
}

function loadClient(io: CommandIo, ref: string, lenient = false): { profile: DeepReadonly<ClientProfileInput>; label: string } {
  const persona: Persona | undefined = PERSONAS.find((p) => p.id === ref);
  let loaded: { profile: DeepReadonly<ClientProfileInput>; label: string };
  if (persona) loaded = { profile: persona.profile, label: `persona ${persona.id}: ${persona.summary}` };
  else if (!ref.toLowerCase().endsWith('.json')) {
    throw new CliError(`no bundled persona '${shown(ref)}'${suggestion(ref, PERSONAS.map((p) => p.id))}, and not a .json file ('activity-match personas' lists the personas)`);
  }
  // Never echo a real client's profile: name the file only. The library validates it.
  else loaded = { profile: readJson(io, ref, 'client') as ClientProfileInput, label: `client file ${shown(ref)}` };
  if (!lenient) return loaded;
  // Lenient: unknown conditions, needs and fields are set aside; the warnings give paths, never values.
  const parsed = parseClientProfile(loaded.profile, { lenient: true });
  for (const w of parsed.warnings) io.err(`warning: ${w.path}: ${w.message}`);
  return { profile: parsed.profile, label: loaded.label };
}

/** Whether a file starts as a snapshot does (`activity-match compile`'s output). */
function isSnapshotFile(io: CommandIo, file: string): Uint8Array | undefined {
  if (io.readBytes === undefined) return undefined;
  const bytes = readBytes(io, file, 'catalogue');
  return bytes.length >= SNAPSHOT_MAGIC.length && SNAPSHOT_MAGIC.every((b, i) => bytes[i] === b) ? bytes : undefined;
}

/**
 * The matcher of a catalogue file (compiled leniently, every rejected record reported on
 * stderr) or of a snapshot file (loaded as it was compiled; its rejected records were reported
 * by `compile`).
 */
function loadMatcher(io: CommandIo, file: string | undefined): Matcher {
  const snapshot = file === undefined ? undefined : isSnapshotFile(io, file);
  if (snapshot !== undefined) {
    try {
      return loadSnapshot(snapshot);
    } catch (error) {
      if (error instanceof ActivityMatchError) throw new CliError(`the catalogue file ${shown(file ?? '')} is not a usable snapshot: ${error.issues[0]?.message ?? 'invalid'}`);
      throw error;
    }
  }
  const catalogue = file === undefined ? bundledCatalogue : readJson(io, file, 'catalogue');
  if (!Array.isArray(catalogue)) throw new CliError(`the catalogue file ${shown(file ?? '')} is not a list of activities: expected a JSON array`);
  const matcher = createMatcher(catalogue, { lenient: true });
  reportRejected(io, matcher);
  return matcher;
}

function reportRejected(io: CommandIo, matcher: Matcher): void {
  for (const r of matcher.rejected) io.err(`rejected activities[${r.index}]${r.id ? ` (${shown(r.id)})` : ''}: ${r.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
}

/** `activity-match compile <catalogue.json> --out <file>`: the compiled index as a snapshot. */
export function compileCommand(io: CommandIo, args: ParsedArgs): number {
  const file = args.positionals[0] as string;
  const out = args.values.out as string;
  const catalogue = readJson(io, file, 'catalogue');
  if (!Array.isArray(catalogue)) throw new CliError(`the catalogue file ${shown(file)} is not a list of activities: expected a JSON array`);
  const matcher = createMatcher(catalogue, { lenient: true });
  reportRejected(io, matcher);
  // With the search index, so a program loading the snapshot answers its first search at once.
  const bytes = matcher.toSnapshot({ search: true });
  writeBytes(io, out, bytes, 'snapshot');
  io.err(`compiled ${matcher.stats.activities.toLocaleString('en-GB')} activities (${matcher.rejected.length} rejected) into ${shown(out)}: ${(bytes.length / 2 ** 20).toFixed(1)} MiB`);
  return 0;
}

/** `--at`, or now. The library checks the form. */
function atOf(io: CommandIo, args: ParsedArgs): string {
  return args.values.at ?? io.now().toISOString();
}

/** `--min-relevance` and `--no-diversity` as rules, or undefined when neither is given. */
function rulesOf(args: ParsedArgs): MatchingRulesInput | undefined {
  const minRelevance = args.values['min-relevance'];
  if (minRelevance !== undefined && !/^(0(\.\d{1,6})?|1(\.0{1,6})?|\.\d{1,6})$/.test(minRelevance)) throw new CliError('--min-relevance expects a number from 0 to 1');
  const noDiversity = args.flags.has('no-diversity');
  if (!noDiversity && minRelevance === undefined) return undefined;
  return { ...(noDiversity ? { diversity: { enabled: false } } : {}), ...(minRelevance === undefined ? {} : { relevance: { minimum: Number(minRelevance) } }) };
}

/** `activity-match recommend`. */
export function recommendCommand(io: CommandIo, args: ParsedArgs): number {
  const limitText = args.values.limit;
  if (limitText !== undefined && !/^\d{1,3}$/.test(limitText)) throw new CliError('--limit expects a whole number from 1 to 100');
  const limit = limitText === undefined ? 5 : Number(limitText);
  if (limit < 1 || limit > 100) throw new CliError('--limit expects a whole number from 1 to 100');
  const rules = rulesOf(args);
  const matcher = loadMatcher(io, args.values.catalogue);
  const { profile, label } = loadClient(io, args.values.client as string, args.flags.has('lenient'));
  const at = atOf(io, args);
  const items = matcher.recommend(profile, { at, limit, ...(rules ? { rules } : {}) });
  if (args.flags.has('json')) {
    io.json(JSON.stringify(items, null, 2));
    return 0;
  }
  const short = items.length < limit && matcher.activities.length > 0 ? `\n\n${wrapText(shortfallText(matcher, profile, at, rules, items, limit), io.width)}` : '';
  io.out(`${wrapText(`Shortlist for ${label}`, io.width)}\nat ${at}, from ${matcher.activities.length} activities\n\n${formatShortlist(items, io.width)}${short}`);
  return 0;
}

/** `activity-match explain`. */
export function explainCommand(io: CommandIo, args: ParsedArgs): number {
  const rules = rulesOf(args);
  const matcher = loadMatcher(io, args.values.catalogue);
  const id = args.values.activity as string;
  if (matcher.get(id) === undefined) {
    throw new CliError(`no activity '${shown(id)}' in the ${args.values.catalogue === undefined ? 'bundled catalogue' : 'catalogue'}${suggestion(id, matcher.activities.map((a) => a.id))}`);
  }
  const { profile } = loadClient(io, args.values.client as string, args.flags.has('lenient'));
  const explanation = matcher.explain(profile, id, { at: atOf(io, args), ...(rules ? { rules } : {}) });
  if (args.flags.has('json')) io.json(JSON.stringify(explanation, null, 2));
  else io.out(formatExplanation(explanation, io.width));
  return 0;
}

/** `activity-match evaluate`. */
export function evaluateCommand(io: CommandIo, args: ParsedArgs): number {
  const { referrals: referralsFile, rules: rulesFile, compare: compareFile } = args.values;
  const csv = args.flags.has('csv');
  if (csv && args.flags.has('json')) throw new UsageError('--csv and --json cannot be used together', 'evaluate');
  const matcher = loadMatcher(io, args.values.catalogue);
  const output = runEvaluateCommand({
    referrals: readJson(io, referralsFile as string, 'referrals'),
    ...(rulesFile === undefined ? {} : { rules: readJson(io, rulesFile, 'rules') }),
    ...(compareFile === undefined ? {} : { compare: readJson(io, compareFile, 'compare rules') }),
    json: args.flags.has('json') || csv,
    catalogue: matcher,
  });
  if (csv) io.json(evaluationCsv(output).trimEnd());
  else (args.flags.has('json') ? io.json : io.out)(output);
  return 0;
}

/** "page 1 of 4" in an import summary line. */
const PAGE = /\bpage (\d+) of (\d+)\b/;

/**
 * `activity-match import <file>...`: each file is imported on its own (its activities' source
 * names it), the catalogues are joined in order, and an activity id met again on a later file is
 * kept once, from the first, and reported. The "import the other pages too" note is given once,
 * for the pages still missing.
 */
export function importCommand(io: CommandIo, args: ParsedArgs): number {
  const at = atOf(io, args);
  const many = args.positionals.length > 1;
  const activities: { id?: unknown }[] = [];
  const firstFile = new Map<string, string>();
  const pages = new Map<number, number>();
  const notes: string[] = [];
  for (const file of args.positionals) {
    const data = readJson(io, file, 'Open Referral');
    let result: ReturnType<typeof runImportCommand>;
    try {
      result = runImportCommand(data, { strict: args.flags.has('strict'), feed: basename(file), at });
    } catch (error) {
      if (error instanceof ActivityMatchError && many) throw new CliError(`${shown(file)}: ${error.message.replace(/^activity-match: /, '')}`);
      throw error;
    }
    for (const line of result.stderr) {
      const page = PAGE.exec(line);
      if (line.startsWith('note: ') && page) {
        notes.push(line);
        continue;
      }
      if (page && !line.startsWith('note: ')) pages.set(Number(page[1]), Number(page[2]));
      io.err(many ? `${shown(file)}: ${line}` : line);
    }
    for (const activity of JSON.parse(result.output) as { id?: unknown }[]) {
      const id = typeof activity.id === 'string' ? activity.id : undefined;
      const seen = id === undefined ? undefined : firstFile.get(id);
      if (id !== undefined && seen !== undefined) {
        io.err(`duplicate ${shown(id)} in ${shown(file)}: kept the one from ${shown(seen)}`);
        continue;
      }
      if (id !== undefined) firstFile.set(id, file);
      activities.push(activity);
    }
  }
  const total = Math.max(0, ...pages.values());
  const missing = total > 0 && total <= 10_000 ? Array.from({ length: total }, (_, i) => i + 1).filter((n) => !pages.has(n)) : [];
  if (!many) for (const note of notes) io.err(note);
  else if (missing.length > 0) io.err(`note: page${missing.length === 1 ? '' : 's'} ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ' …' : ''} of ${total} ${missing.length === 1 ? 'is' : 'are'} missing; import ${missing.length === 1 ? 'it' : 'them'} too`);
  if (many) io.err(`catalogue: ${activities.length} activities from ${args.positionals.length} files`);
  const output = `${JSON.stringify(activities, null, 2)}\n`;
  if (args.values.out === undefined) io.json(output.trimEnd());
  else writeText(io, args.values.out, output.trimEnd(), 'catalogue');
  return 0;
}

/** `activity-match personas`. */
export function personasCommand(io: CommandIo, args: ParsedArgs): number {
  if (args.flags.has('json')) {
    io.json(JSON.stringify(PERSONAS, null, 2));
    return 0;
  }
  const column = Math.max(...PERSONAS.map((p) => p.id.length)) + 2;
  const fits = io.width - column >= 30;
  for (const p of PERSONAS) {
    if (fits) io.out(wrap(p.summary, io.width, p.id.padEnd(column), ' '.repeat(column)).join('\n'));
    else io.out(`${p.id}\n${wrap(p.summary, io.width, '  ').join('\n')}`);
  }
  return 0;
}

/** The last part of a path (either slash). */
function basename(path: string): string {
  return path.split(/[\\/]/).filter((part) => part !== '').pop() ?? path;
}

/** Each line of `text` wrapped to `width`. */
function wrapText(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => wrap(line, width).join('\n'))
    .join('\n');
}
