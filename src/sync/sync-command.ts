/**
 * The `activity-match sync <base-url> --out catalogue.json` command. All files, the console
 * and the network go through the injected io, so tests never touch the real ones; `src/cli.ts`
 * dispatches to {@link runSyncCommand} and supplies the real io.
 *
 * @module
 */
import { ActivityMatchError } from '../index.js';
import { syncFeed } from './crawl.js';
import { normaliseBase } from './feed.js';
import type { FetchLike } from './http.js';
import type { SyncOptions, SyncProgress } from './sync-options.js';
import { formatSyncReport } from './report.js';
import { parseSyncState } from './state.js';
import type { SyncState } from './state.js';

/** What the sync command reads and writes through: the CLI's io, with the network and terminal parts it may add. */
export interface SyncCommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly readFile: (path: string) => string;
  readonly writeFile: (path: string, text: string) => void;
  readonly now: () => Date;
  /** Default: the platform's `fetch`. */
  readonly fetch?: FetchLike;
  /** Waits between retries. Default: a real timer. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Rewrites the progress line; given only when standard error is a terminal. */
  readonly progress?: (line: string) => void;
}

/** The command's usage line. */
export const SYNC_USAGE = 'activity-match sync <base-url> --out <catalogue.json> [--state <state.json>] [--incremental] [--concurrency N] [--report <report.json>] [--json]';

const HELP = `Usage: ${SYNC_USAGE}

Crawls an Open Referral UK feed (v3 or v1) from <base-url>/services, fetches full records
for services listed as summaries, imports them and writes the catalogue to --out.
  --state <file>     save progress after each page; an unfinished state is resumed
  --incremental      with --state: fetch again only services changed since that sync
  --concurrency N    requests at once (1 to 64, default 4)
  --report <file>    write the report as JSON; --json prints it on stdout
The report goes to stderr. Exit 0 on success, 1 when nothing could be fetched, 2 on usage errors.`;

/** The command's arguments, parsed. */
export interface SyncArgs {
  readonly url: string;
  readonly out: string;
  readonly state?: string;
  readonly incremental: boolean;
  readonly concurrency?: number;
  readonly report?: string;
  readonly json: boolean;
}

const VALUE_OPTIONS = ['out', 'state', 'concurrency', 'report'] as const;
const FLAG_OPTIONS = ['incremental', 'json', 'help'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];
type FlagOption = (typeof FLAG_OPTIONS)[number];

class UsageError extends Error {}
/** A file that cannot be read or written. */
class FileError extends Error {}

/**
 * Parses the arguments after `sync`: one base URL, `--name value` or `--name=value` options.
 * Returns `'help'` for `--help`.
 *
 * @throws {Error} with a usage message for an unknown option, a missing value, a missing URL or `--out`, a bad `--concurrency`, or `--incremental` without `--state`.
 * @example
 * ```ts
 * parseSyncArgs(['https://example.org/api', '--out', 'c.json', '--concurrency=2']);
 * // { url: 'https://example.org/api', out: 'c.json', concurrency: 2, incremental: false, json: false }
 * ```
 */
export function parseSyncArgs(args: readonly string[]): SyncArgs | 'help' {
  const values: Partial<Record<ValueOption, string>> = {};
  const flags: Partial<Record<FlagOption, boolean>> = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if ((FLAG_OPTIONS as readonly string[]).includes(name)) {
      if (eq !== -1) throw new UsageError(`option '--${name}' takes no value`);
      flags[name as FlagOption] = true;
    } else if ((VALUE_OPTIONS as readonly string[]).includes(name)) {
      const value = eq === -1 ? args[(i += 1)] : arg.slice(eq + 1);
      if (value === undefined || value === '' || (eq === -1 && value.startsWith('--'))) throw new UsageError(`option '--${name}' needs a value`);
      values[name as ValueOption] = value;
    } else throw new UsageError(`unknown option '${arg.slice(0, eq === -1 ? 60 : Math.min(eq, 60))}'`);
  }
  if (flags.help) return 'help';
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'sync needs the feed address: activity-match sync <base-url> --out <catalogue.json>' : 'sync takes one feed address');
  const url = positionals[0] as string;
  if (values.out === undefined) throw new UsageError('--out <catalogue.json> is required');
  if (flags.incremental && values.state === undefined) throw new UsageError('--incremental needs --state <state.json> (the state of the previous sync)');
  let concurrency: number | undefined;
  if (values.concurrency !== undefined) {
    concurrency = /^\d{1,2}$/.test(values.concurrency) ? Number(values.concurrency) : Number.NaN;
    if (!(concurrency >= 1 && concurrency <= 64)) throw new UsageError('--concurrency expects a whole number from 1 to 64');
  }
  return {
    url,
    out: values.out,
    incremental: flags.incremental === true,
    json: flags.json === true,
    ...(values.state === undefined ? {} : { state: values.state }),
    ...(values.report === undefined ? {} : { report: values.report }),
    ...(concurrency === undefined ? {} : { concurrency }),
  };
}

/**
 * The progress line: pages read (of the feed's own count, when it gives one), services, failures.
 *
 * @example
 * ```ts
 * formatProgress({ pages: 3, totalPages: 12, services: 240, details: 200, pendingDetails: 12, failed: 2 });
 * // 'page 3/12 · 240 services · 2 failed · 12 full records to fetch'
 * ```
 */
export function formatProgress(p: SyncProgress): string {
  const pending = p.pendingDetails > 0 ? ` · ${p.pendingDetails} full record${p.pendingDetails === 1 ? '' : 's'} to fetch` : '';
  return `page ${p.pages}${p.totalPages === undefined ? '' : `/${p.totalPages}`} · ${p.services} service${p.services === 1 ? '' : 's'} · ${p.failed} failed${pending}`;
}

/** Reads the state file: `undefined` when there is none yet; a message when it cannot be used. */
function readState(io: SyncCommandIo, path: string): SyncState | undefined {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (error) {
    if (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT') return undefined;
    throw new FileError(`cannot read the state file ${path}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw new FileError(`the state file ${path} is not valid JSON`);
  }
  return parseSyncState(value, 'state');
}

function write(io: SyncCommandIo, path: string, text: string, what: string): void {
  try {
    io.writeFile(path, text);
  } catch {
    throw new FileError(`cannot write the ${what} file ${path}`);
  }
}

/**
 * Runs `activity-match sync` with the arguments after `sync`; resolves to the exit code: 0 when
 * the catalogue was written (the report lists anything that failed), 1 when nothing could be
 * fetched (the catalogue is then not written, so a good one is never replaced by an empty one)
 * or a file cannot be read or written, 2 for a usage error. Never rejects for bad input.
 *
 * With `--state`, the state is written after each page and at the end. An unfinished state
 * (an interrupted run) is resumed; a finished one is the baseline of `--incremental`, or is
 * replaced by a full sync without it.
 *
 * @example
 * ```ts
 * const code = await runSyncCommand(['https://example.org/api', '--out', 'catalogue.json', '--state', 'state.json'], io);
 * ```
 */
export async function runSyncCommand(args: readonly string[], io: SyncCommandIo): Promise<number> {
  let parsed: SyncArgs | 'help';
  try {
    parsed = parseSyncArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`activity-match: ${error.message}\nUsage: ${SYNC_USAGE}`);
    return 2;
  }
  if (parsed === 'help') {
    io.out(HELP);
    return 0;
  }
  const { url, out, state: statePath } = parsed;
  const base = normaliseBase(url);
  if (base === undefined) {
    io.err(`activity-match: expected the http or https address of the feed (the address before /services)\nUsage: ${SYNC_USAGE}`);
    return 2;
  }
  try {
    const saved = statePath === undefined ? undefined : readState(io, statePath);
    if (saved !== undefined && saved.base !== base) {
      io.err(`activity-match: the state file ${statePath} is for another feed; give another --state file`);
      return 2;
    }
    const mode: Pick<SyncOptions, 'resume' | 'previous'> = saved === undefined ? {} : !saved.finished ? { resume: saved } : parsed.incremental ? { previous: saved } : {};
    if (mode.resume !== undefined) io.err(`resuming the unfinished sync in ${statePath}`);
    else if (saved !== undefined && !parsed.incremental) io.err(`note: ${statePath} holds a finished sync; this is a full sync (add --incremental to fetch only what changed)`);
    else if (saved === undefined && parsed.incremental) io.err(`note: no state file ${statePath} yet, so this is a full sync`);
    const { progress } = io;
    const result = await syncFeed(base, {
      ...mode,
      now: io.now,
      ...(io.fetch === undefined ? {} : { fetch: io.fetch }),
      ...(io.sleep === undefined ? {} : { sleep: io.sleep }),
      ...(parsed.concurrency === undefined ? {} : { concurrency: parsed.concurrency }),
      ...(statePath === undefined ? {} : { onState: (state: SyncState) => write(io, statePath, JSON.stringify(state), 'state') }),
      ...(progress === undefined ? {} : { onProgress: (p: SyncProgress) => progress(formatProgress(p)) }),
      import: { at: io.now().toISOString() },
    });
    progress?.('');
    const { report } = result;
    for (const line of formatSyncReport(report)) io.err(line);
    if (parsed.report !== undefined) write(io, parsed.report, JSON.stringify(report, null, 2), 'report');
    if (parsed.json) io.out(JSON.stringify(report, null, 2));
    if (report.pages === 0) {
      io.err(`activity-match: nothing could be fetched from ${base}/services; ${out} was not written`);
      return 1;
    }
    write(io, out, JSON.stringify(result.activities, null, 2), 'out');
    return 0;
  } catch (error) {
    io.progress?.('');
    if (error instanceof FileError) io.err(`activity-match: ${error.message}`);
    else if (error instanceof ActivityMatchError) io.err(`activity-match: ${error.message.replace(/^activity-match: /, '')}`);
    else throw error;
    return 1;
  }
}
