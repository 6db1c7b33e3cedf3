// Runs the CLI's main() with in-memory files and captured output: no console, no disk.
import { main } from '../../src/cli.js';
import type { CliIo } from '../../src/cli.js';

export interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
  readonly written: Record<string, string>;
  /** Binary files written (snapshots). */
  readonly writtenBytes: Record<string, Uint8Array>;
}

/** The fixed "now" of every CLI test. */
export const NOW = '2026-11-23T09:00:00Z';

/**
 * Runs `activity-match <argv>` (not `sync`: that one is asynchronous). `files` are what it can
 * read; a missing one fails like the real file system (code ENOENT). `columns` is the
 * terminal's width, as the real io gives it when stdout is a terminal.
 */
export function run(argv: readonly string[], files: Record<string, string | Uint8Array> = {}, options: { columns?: number; io?: Partial<CliIo> } = {}): Run {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string> = {};
  const writtenBytes: Record<string, Uint8Array> = {};
  const missing = (path: string) => Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: 'ENOENT' });
  const code = main(argv, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readFile: (path) => {
      const file = Object.hasOwn(files, path) ? files[path] : undefined;
      if (file === undefined) throw missing(path);
      return typeof file === 'string' ? file : new TextDecoder().decode(file);
    },
    writeFile: (path, text) => {
      written[path] = text;
    },
    readBytes: (path) => {
      const file = Object.hasOwn(files, path) ? files[path] : undefined;
      if (file === undefined) throw missing(path);
      return typeof file === 'string' ? new TextEncoder().encode(file) : file;
    },
    writeBytes: (path, bytes) => {
      writtenBytes[path] = bytes;
    },
    now: () => new Date(NOW),
    ...(options.columns === undefined ? {} : { columns: options.columns }),
    ...options.io,
  });
  if (typeof code !== 'number') throw new Error(`${argv[0] ?? ''} answered asynchronously: use the sync tests' runner`);
  return { code, out: out.join('\n'), err: err.join('\n'), written, writtenBytes };
}

/** Wrapped prose joined back into one line per paragraph, for matching sentences whatever the width. */
export function prose(text: string): string {
  return text.replace(/\n(?=\S)/g, ' ').replace(/\n +/g, ' ');
}
