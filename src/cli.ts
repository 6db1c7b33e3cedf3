/**
 * The `activity-match` command line: `main(argv, io)` with every file, stream and clock
 * injected (tests never touch the real ones), and, when run as a program, the real io.
 * The only module of the package allowed Node APIs.
 *
 * Exit status: 0 done; 1 failed (a file, its data or an option's value); 2 usage error (an
 * unknown command or option, a missing option or argument).
 *
 * @module
 */
import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { version } from '../package.json';
import { ActivityMatchError } from './errors.js';
import { runSyncCommand } from './sync/sync-command.js';
import type { FetchLike } from './sync/http.js';
import { COMMAND_NAMES, commandHelp, generalHelp, isCommand, parseArgs, UsageError, usageLine } from './cli/args.js';
import type { CommandName } from './cli/args.js';
import { compileCommand, evaluateCommand, explainCommand, importCommand, personasCommand, recommendCommand } from './cli/commands.js';
import type { CommandIo } from './cli/commands.js';
import { CliError } from './cli/files.js';
import { outputWidth, printable, shown, suggestion } from './cli/text.js';

export { formatExplanation, formatShortlist } from './cli/format.js';

/** Where the CLI writes and reads; injected so tests never touch the real console or disk. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly readFile: (path: string) => string;
  readonly writeFile: (path: string, text: string) => void;
  /** Binary files: snapshots (`compile`, and `--catalogue` given a snapshot). */
  readonly readBytes?: (path: string) => Uint8Array;
  readonly writeBytes?: (path: string, bytes: Uint8Array) => void;
  readonly now: () => Date;
  /** The terminal's width when standard output is a terminal; output is wrapped to it (else to 80 columns). */
  readonly columns?: number;
  /** `sync` only: the HTTP client (default: the platform's `fetch`). */
  readonly fetch?: FetchLike;
  /** `sync` only: waits between retries (default: a real timer). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** `sync` only: rewrites the progress line; set only when stderr is a terminal. */
  readonly progress?: (line: string) => void;
}

const COMMAND_RUNNERS: Readonly<Record<Exclude<CommandName, 'sync'>, (io: CommandIo, args: ReturnType<typeof parseArgs>) => number>> = {
  recommend: recommendCommand,
  compile: compileCommand,
  explain: explainCommand,
  evaluate: evaluateCommand,
  import: importCommand,
  personas: personasCommand,
};

/** The message of an error no command expected (a bug): its kind and first line, never a stack trace. */
function unexpected(io: CliIo, error: unknown): number {
  const text = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0] ?? ''}` : 'a non-error value was thrown';
  io.err(`activity-match: unexpected error (please report it): ${shown(text).slice(0, 200)}`);
  return 1;
}

/** A usage error: the message, the command's usage line and where to read more; exit 2. */
function usage(io: CliIo, message: string, command?: CommandName): number {
  const more = command === undefined ? "Run 'activity-match --help' for the commands." : `${usageLine(command)}\nRun 'activity-match ${command} --help' for its options.`;
  io.err(`activity-match: ${message}\n${more}`);
  return 2;
}

/**
 * Runs the command line; returns the exit code (a promise of it for `sync`, the one command
 * that uses the network). Never throws: every problem is a message on stderr and an exit code.
 */
export function main(argv: readonly string[], given: CliIo): number | Promise<number> {
  const width = outputWidth(given.columns);
  // Text for people never carries control characters to the terminal; JSON goes out as it is.
  const io: CliIo = { ...given, out: (text) => given.out(printable(text)), err: (text) => given.err(printable(text)) };
  try {
    const [first, ...rest] = argv;
    if (first === undefined) return usage(io, 'a command is needed');
    if (first === '--help' || first === '-h') {
      io.out(generalHelp(version, width));
      return 0;
    }
    if (first === '--version' || first === '-v') {
      io.out(version);
      return 0;
    }
    if (first === 'help') {
      const topic = rest[0];
      if (topic === undefined) {
        io.out(generalHelp(version, width));
        return 0;
      }
      if (topic === 'sync') return runSync(['--help'], io);
      if (!isCommand(topic)) return usage(io, `no command '${shown(topic)}'${suggestion(topic, COMMAND_NAMES)}`);
      io.out(commandHelp(topic, width));
      return 0;
    }
    if (first.startsWith('-')) {
      const hint = suggestion(first, ['--help', '--version']);
      return usage(io, hint === '' ? `the command comes first, before options such as '${shown(first)}'` : `unknown option '${shown(first)}'${hint}`);
    }
    if (!isCommand(first)) return usage(io, `unknown command '${shown(first)}'${suggestion(first, COMMAND_NAMES)}`);
    if (first === 'sync') return runSync(rest, { ...io, out: given.out });
    const args = parseArgs(first, rest);
    if (args.help) {
      io.out(commandHelp(first, width));
      return 0;
    }
    return COMMAND_RUNNERS[first]({ ...io, json: given.out, width }, args);
  } catch (error) {
    if (error instanceof UsageError) return usage(io, error.message, error.command);
    if (error instanceof ActivityMatchError || error instanceof CliError) {
      io.err(`activity-match: ${error.message.replace(/^activity-match: /, '')}`);
      return 1;
    }
    return unexpected(io, error);
  }
}

function runSync(args: readonly string[], io: CliIo): Promise<number> {
  return Promise.resolve()
    .then(() => runSyncCommand(args, io))
    .catch((error: unknown) => unexpected(io, error));
}

/**
 * The io of the real program: files, standard output and error, the clock, the terminal's
 * width. A closed pipe on stdout (`activity-match personas | head -1`) stops the output
 * quietly instead of failing with EPIPE.
 */
export function processIo(): CliIo {
  let stdoutOpen = true;
  let stderrOpen = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    stdoutOpen = false;
    if (error.code !== 'EPIPE') process.exitCode = 1;
  });
  process.stderr.on('error', () => {
    stderrOpen = false;
  });
  return {
    out: (text) => {
      if (stdoutOpen) process.stdout.write(`${text}\n`);
    },
    err: (text) => {
      if (stderrOpen) process.stderr.write(`${text}\n`);
    },
    readFile: (path) => readFileSync(path, 'utf8'),
    writeFile: (path, text) => writeFileSync(path, `${text}\n`),
    readBytes: (path) => readFileSync(path),
    writeBytes: (path, bytes) => writeFileSync(path, bytes),
    now: () => new Date(),
    ...(process.stdout.isTTY && process.stdout.columns > 0 ? { columns: process.stdout.columns } : {}),
    ...(process.stderr.isTTY ? { progress: (line: string) => process.stderr.write(`\r${line}\x1b[K`) } : {}),
  };
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
  const code = main(process.argv.slice(2), processIo());
  if (typeof code === 'number') process.exitCode = code;
  else void code.then((exit) => (process.exitCode = exit));
}
