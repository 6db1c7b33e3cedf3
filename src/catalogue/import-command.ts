/**
 * The `activity-match import <file> [--out catalogue.json]` command, without I/O: the CLI
 * reads the file, calls {@link runImportCommand} and writes `output` and `stderr`.
 *
 * @module
 */
import { fromOpenReferral } from './from-open-referral.js';
import type { ImportProblem, OpenReferralImportOptions } from './open-referral/import.js';
import { guard } from '../guard.js';

/** Options of {@link runImportCommand}: those of `fromOpenReferral`. */
export type ImportCommandOptions = OpenReferralImportOptions;

/**
 * What the import command prints.
 *
 * @example
 * ```ts
 * const { output, stderr, counts } = runImportCommand(page);
 * counts; // { services: 10, activities: 8, rejected: 2, warnings: 2, skipped: 2 }
 * ```
 */
export interface ImportCommandResult {
  /** The catalogue: a JSON array of activities, for `--out` or standard output. */
  readonly output: string;
  /** Summary, then one line per rejected, partly mapped or skipped service, for standard error. */
  readonly stderr: string[];
  /** Counts, for the exit code and tests. */
  readonly counts: { readonly services: number; readonly activities: number; readonly rejected: number; readonly warnings: number; readonly skipped: number };
}

function problemLine(kind: string, problem: ImportProblem): string {
  const who = `#${problem.index}${problem.id === undefined ? '' : ` (${problem.id})`}`;
  return `${kind} ${who}: ${problem.issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Imports an Open Referral document for the command line: the catalogue as JSON, and a
 * summary with every rejected, partly mapped and skipped service on stderr. Record lines
 * name services by position and id and give field paths, never field values.
 *
 * @throws {ActivityMatchError} as `fromOpenReferral` (unrecognisable document; with `strict`, the first problem).
 * @example
 * ```ts
 * const { output, stderr } = runImportCommand(JSON.parse(readFileSync('page-1.json', 'utf8')), { feed: 'page-1.json' });
 * stderr[0]; // 'imported 8 activities from 10 services (UK v3 page 1 of 2): 2 rejected, 2 with warnings, 2 skipped'
 * stderr[1]; // 'rejected #7 (shf-svc-0808): contents[7].name: expected a service name; …'
 * writeFileSync('catalogue.json', output);
 * ```
 */
export function runImportCommand(data: unknown, options: ImportCommandOptions = {}): ImportCommandResult {
  return guard([{ code: 'INVALID_OPTIONS', path: 'options', value: options, fields: 'identifiers' }, { code: 'INVALID_CATALOGUE', path: '', value: data, fields: 'identifiers' }], () => runImportCommandUnguarded(data, options));
}

function runImportCommandUnguarded(data: unknown, options: ImportCommandOptions = {}): ImportCommandResult {
  const result = fromOpenReferral(data, options);
  const { feed } = result;
  const shape = { 'uk-v3-page': 'UK v3 page', 'uk-v1-page': 'UK v1 page', array: 'array of services', services: 'list of services', service: 'one service', 'service-at-location': 'one service at a location' }[feed.shape];
  const page = feed.page?.pageNumber !== undefined && feed.page.totalPages !== undefined ? ` ${feed.page.pageNumber} of ${feed.page.totalPages}` : '';
  const stderr = [
    `imported ${plural(result.activities.length, 'activity', 'activities')} from ${plural(feed.services, 'service')} (${shape}${page}): ${result.rejected.length} rejected, ${result.warnings.length} with warnings, ${result.skipped.length} skipped`,
    ...result.rejected.map((r) => problemLine('rejected', r)),
    ...result.warnings.map((w) => problemLine('warning', w)),
    ...result.skipped.map((s) => `skipped #${s.index}${s.id === undefined ? '' : ` (${s.id})`}: ${s.path}: ${s.reason}`),
  ];
  if (feed.page?.pageNumber !== undefined && feed.page.totalPages !== undefined && feed.page.pageNumber < feed.page.totalPages) {
    stderr.push(`note: this is page ${feed.page.pageNumber} of ${feed.page.totalPages}; import the other pages too`);
  }
  return {
    output: `${JSON.stringify(result.activities, null, 2)}\n`,
    stderr,
    counts: { services: feed.services, activities: result.activities.length, rejected: result.rejected.length, warnings: result.warnings.length, skipped: result.skipped.length },
  };
}
