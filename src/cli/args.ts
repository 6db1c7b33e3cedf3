/**
 * The commands the CLI knows, their options and help text, and one argument parser for all of
 * them (except `sync`, which parses its own). Usage errors are {@link UsageError}s: the CLI
 * prints them with the command's usage and exits 2.
 *
 * @module
 */
import { SYNC_USAGE } from '../sync/sync-command.js';
import { shown, suggestion, wrap } from './text.js';

/** A problem with the command line itself (exit 2). */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose usage to show, when known. */
    readonly command?: CommandName,
  ) {
    super(message);
  }
}

/** One `--option`. */
export interface OptionSpec {
  readonly name: string;
  /** The value's placeholder (`<file.json>`); absent for a flag. */
  readonly value?: string;
  readonly required?: boolean;
  readonly help: string;
}

/** One command. */
export interface CommandSpec {
  readonly summary: string;
  /** What follows `activity-match <command>` in the usage line. */
  readonly usage: string;
  readonly description: string;
  /** Positional arguments: how many at least and at most, and what to call them. */
  readonly positionals?: { readonly min: number; readonly max: number; readonly name: string };
  readonly options: readonly OptionSpec[];
  readonly examples: readonly string[];
}

const CLIENT: OptionSpec = { name: 'client', value: '<file.json | persona id>', required: true, help: "a client profile file, or the id of a bundled persona ('activity-match personas' lists them); the CLI never prints a profile's contents" };
const CATALOGUE: OptionSpec = { name: 'catalogue', value: '<file.json | file.snapshot>', help: "a catalogue file, loaded leniently: rejected records are listed on stderr; or a snapshot from 'activity-match compile' (default: the bundled catalogue of fictional Sheffield services)" };
const AT: OptionSpec = { name: 'at', value: '<ISO date-time>', help: 'the time of the recommendation, with an offset, e.g. 2026-11-23T09:00:00Z (default: now)' };
const LENIENT: OptionSpec = { name: 'lenient', help: 'set aside conditions, needs and fields the matcher does not know (with a warning naming each path) instead of failing' };
const MIN_RELEVANCE: OptionSpec = { name: 'min-relevance', value: '<0-1>', help: 'the relevance an activity needs to fit them well (default 0.5); lower it for a fuller list' };

/** Every command but `help`, in the order help lists them. */
export const COMMANDS = {
  recommend: {
    summary: 'a ranked, explained shortlist for one client',
    usage: 'recommend --client <file.json | persona id> [options]',
    description: 'Ranks the catalogue for one client and prints the shortlist: under each activity why it suits them, whether they can go, and what to check.',
    options: [
      CLIENT,
      CATALOGUE,
      { name: 'limit', value: '<N>', help: 'how many activities to list, 1 to 100 (default 5)' },
      AT,
      MIN_RELEVANCE,
      LENIENT,
      { name: 'no-diversity', help: 'the plain fit-and-score order, without moving similar activities down the list' },
      { name: 'json', help: 'print the shortlist as JSON' },
    ],
    examples: ['activity-match recommend --client copd-activation-2 --limit 3', 'activity-match recommend --client me.json --catalogue services.json --json'],
  },
  explain: {
    summary: 'why one activity is or is not suggested for a client',
    usage: 'explain --client <file.json | persona id> --activity <id> [options]',
    description: 'Prints every rule the activity breaks for this client, each factor with its contribution to the score, and the reasons.',
    options: [CLIENT, { name: 'activity', value: '<id>', required: true, help: 'the id of an activity in the catalogue' }, CATALOGUE, AT, MIN_RELEVANCE, LENIENT, { name: 'json', help: 'print the explanation as JSON' }],
    examples: ['activity-match explain --client anxious-gym-averse --activity ers-leisure-centre-gym'],
  },
  evaluate: {
    summary: 'ranking metrics of matching rules on a referral history',
    usage: 'evaluate --referrals <file.json> [options]',
    description: 'Replays a referral history against matching rules and prints each metric with a 95% bootstrap interval; with --compare, two rule sets side by side with their paired difference.',
    options: [
      { name: 'referrals', value: '<file.json>', required: true, help: 'the referral history (what was offered, taken up, attended, completed)' },
      { name: 'rules', value: '<file.json>', help: 'matching rules to evaluate (default: the defaults)' },
      { name: 'compare', value: '<file.json>', help: 'matching rules to compare with them' },
      CATALOGUE,
      { name: 'json', help: 'print the summary as JSON' },
      { name: 'csv', help: 'print the summary as CSV, one row per metric, for a spreadsheet' },
    ],
    examples: ['activity-match evaluate --referrals fixtures/referrals/history.json --compare my-rules.json', 'activity-match evaluate --referrals history.json --csv > metrics.csv'],
  },
  compile: {
    summary: 'compile a catalogue into a snapshot that loads in a moment',
    usage: 'compile <catalogue.json> --out <file.snapshot>',
    description: "Validates and compiles a catalogue (leniently: rejected records are listed on stderr) and writes the compiled index as a snapshot, which every command takes as --catalogue and the library loads with loadMatcher.",
    positionals: { min: 1, max: 1, name: '<catalogue.json>' },
    options: [{ name: 'out', value: '<file.snapshot>', required: true, help: 'the snapshot file to write' }],
    examples: ['activity-match compile catalogue.json --out catalogue.snapshot', 'activity-match recommend --client copd-activation-2 --catalogue catalogue.snapshot'],
  },
  import: {
    summary: 'convert Open Referral pages into a catalogue',
    usage: 'import <open-referral.json>... [options]',
    description:
      'Imports Open Referral UK or HSDS 3.0 files (pages of a feed, or lists of services) into one catalogue, and lists every rejected, partly mapped or skipped service on stderr.',
    positionals: { min: 1, max: 1000, name: '<open-referral.json>' },
    options: [
      { name: 'out', value: '<catalogue.json>', help: 'write the catalogue to this file (default: standard output)' },
      { name: 'strict', help: 'stop at the first problem instead of leaving the record out' },
      { name: 'at', value: '<ISO date-time>', help: 'the time the import counts from, for closed and expired services (default: now)' },
    ],
    examples: ['activity-match import page-1.json page-2.json --out catalogue.json'],
  },
  sync: {
    summary: 'crawl a live Open Referral feed into a catalogue',
    usage: SYNC_USAGE.replace(/^activity-match /, ''),
    description: "Pages through <base-url>/services and writes the catalogue ('activity-match sync --help' for its options).",
    options: [],
    examples: ['activity-match sync https://directory.example.org/api/v3 --out catalogue.json --state sync-state.json'],
  },
  personas: {
    summary: 'list the bundled example client profiles',
    usage: 'personas [--json]',
    description: 'Lists the bundled personas (fictional clients) by id, for --client.',
    options: [{ name: 'json', help: 'print the personas, profiles included, as JSON' }],
    examples: ['activity-match personas'],
  },
} as const satisfies Record<string, CommandSpec>;

/** A command's name. */
export type CommandName = keyof typeof COMMANDS;
/** Every command name, `help` included. */
export const COMMAND_NAMES: readonly string[] = [...Object.keys(COMMANDS), 'help'];

export function isCommand(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}

/** The parsed arguments of one command. */
export interface ParsedArgs {
  readonly values: Readonly<Record<string, string>>;
  readonly flags: ReadonlySet<string>;
  readonly positionals: readonly string[];
  /** `--help` or `-h` was given. */
  readonly help: boolean;
}

/**
 * Parses the arguments after the command: `--name value`, `--name=value`, flags, `-h`, `--`
 * (what follows is positional). Unknown options, missing values, flags given a value, options
 * given twice, missing required options and unexpected positionals are {@link UsageError}s.
 * With `--help` anywhere before `--`, nothing else is checked.
 */
export function parseArgs(command: CommandName, args: readonly string[]): ParsedArgs {
  const spec: CommandSpec = COMMANDS[command];
  const end = args.indexOf('--');
  const before = end === -1 ? args : args.slice(0, end);
  if (before.includes('--help') || before.includes('-h')) return { values: {}, flags: new Set(), positionals: [], help: true };
  const byName = new Map(spec.options.map((o) => [o.name, o]));
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  const positionals: string[] = [];
  for (let i = 0; i < before.length; i++) {
    const arg = before[i] as string;
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') ? arg.slice(2, eq === -1 ? undefined : eq) : '';
    const option = byName.get(name);
    if (option === undefined) throw new UsageError(unknownOption(command, eq === -1 ? arg : arg.slice(0, eq)), command);
    if (values[name] !== undefined || flags.has(name)) throw new UsageError(`--${name} is given more than once`, command);
    if (option.value === undefined) {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`, command);
      flags.add(name);
      continue;
    }
    const value = eq === -1 ? before[i + 1] : arg.slice(eq + 1);
    if (eq === -1) i++;
    if (value === undefined || (eq === -1 && value.startsWith('--'))) throw new UsageError(`--${name} needs a value: --${name} ${option.value}`, command);
    values[name] = value;
  }
  if (end !== -1) positionals.push(...args.slice(end + 1));
  const wanted = spec.positionals;
  if (wanted === undefined && positionals.length > 0) {
    throw new UsageError(`${command} takes no arguments besides its options, and was given '${shown(positionals[0] as string)}'${command === 'personas' ? '' : ` (give each file or id with its option, e.g. --${(spec.options[0] as OptionSpec).name} ${shown(positionals[0] as string)})`}`, command);
  }
  if (wanted !== undefined && positionals.length < wanted.min) throw new UsageError(`${command} needs a file: ${wanted.name}`, command);
  if (wanted !== undefined && positionals.length > wanted.max) throw new UsageError(`${command} takes at most ${wanted.max} files`, command);
  for (const option of spec.options) if (option.required && values[option.name] === undefined) throw new UsageError(`--${option.name} is required: --${option.name} ${option.value ?? ''}`.trimEnd(), command);
  return { values, flags, positionals, help: false };
}

function unknownOption(command: CommandName, typed: string): string {
  const known = COMMANDS[command].options.map((o) => `--${o.name}`);
  const hint = suggestion(typed, known);
  if (hint !== '') return `unknown option '${shown(typed)}' for ${command}${hint}`;
  const elsewhere = Object.entries(COMMANDS).find(([, spec]) => (spec.options as readonly OptionSpec[]).some((o) => `--${o.name}` === typed));
  return `unknown option '${shown(typed)}' for ${command}${elsewhere ? ` (${typed} is an option of ${elsewhere[0]})` : ''}`;
}

/** The usage line of a command, as printed after a usage error. */
export function usageLine(command: CommandName): string {
  return `Usage: activity-match ${COMMANDS[command].usage}`;
}

/**
 * The help of one command, wrapped to `width`: usage, what it does, each option, examples.
 */
export function commandHelp(command: CommandName, width: number): string {
  const spec: CommandSpec = COMMANDS[command];
  const lines = [usageLine(command), '', ...wrap(spec.description, width)];
  if (spec.options.length > 0) {
    lines.push('', 'Options:');
    const label = (o: OptionSpec) => `--${o.name}${o.value === undefined ? '' : ` ${o.value}`}`;
    const column = Math.min(30, Math.max(...spec.options.map((o) => label(o).length)) + 4);
    for (const o of [...spec.options, { name: 'help', help: 'show this help' }]) {
      const head = `  ${label(o)}`;
      const text = `${o.required ? 'required: ' : ''}${o.help}`;
      if (head.length + 2 > column) lines.push(head, ...wrap(text, width, ' '.repeat(column)));
      else lines.push(...wrap(text, width, head.padEnd(column), ' '.repeat(column)));
    }
  }
  lines.push('', 'Example:', ...spec.examples.map((e) => `  ${e}`));
  return lines.join('\n');
}

/** The general help: commands, global options, exit statuses. */
export function generalHelp(version: string, width: number): string {
  const lines = [
    ...wrap(`activity-match ${version}: scores community activities against a social prescribing client profile and prints an explained shortlist.`, width),
    '',
    'Usage: activity-match <command> [options]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, spec]) => wrap(spec.summary, width, `  ${name.padEnd(11)}`, ' '.repeat(13)).join('\n')),
    `  ${'help'.padEnd(11)}help on a command: activity-match help <command>`,
    '',
    'Options:',
    '  -h, --help   show help; with a command, that command\'s help',
    '  --version    print the version',
    '',
    ...wrap('Without --catalogue the bundled catalogue (fictional Sheffield services) is used. The CLI never prints the contents of a client file.', width),
    ...wrap('Exit status: 0 done, 1 failed (a file, its data or a value), 2 usage error (an unknown command or option, a missing one).', width),
  ];
  return lines.join('\n');
}
