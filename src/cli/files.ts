/**
 * Reading and writing the CLI's files through its injected io, with messages that say which
 * file, what it was for and what went wrong, and never quote its contents (a client file is
 * health data).
 *
 * @module
 */
import { shown } from './text.js';

/** A failure the CLI reports as one line and exit status 1. */
export class CliError extends Error {}

/** What the CLI reads and writes files through. */
export interface FileIo {
  readonly readFile: (path: string) => string;
  readonly writeFile: (path: string, text: string) => void;
  /** Binary files (snapshots); without them the CLI reads and writes text only. */
  readonly readBytes?: (path: string) => Uint8Array;
  readonly writeBytes?: (path: string, bytes: Uint8Array) => void;
}

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'too many symbolic links',
  EBUSY: 'the file is busy',
  ETXTBSY: 'the file is busy',
  EINVAL: 'not a valid path',
  ERR_STRING_TOO_LONG: 'the file is too large',
  ERR_FS_FILE_TOO_LARGE: 'the file is too large',
  ERR_INVALID_ARG_VALUE: 'not a valid path',
};

/** ": reason" for a file system error's code; empty when there is no code we know. */
function reasonOf(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (error instanceof RangeError) return ': the file is too large';
  return typeof code === 'string' && REASONS[code] !== undefined ? `: ${REASONS[code]}` : '';
}

/**
 * Reads a JSON file: a byte order mark is ignored; a file that cannot be read or is not JSON is
 * a {@link CliError} naming the file and what it was for, never its contents.
 */
export function readJson(io: FileIo, path: string, what: string): unknown {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (error) {
    throw new CliError(`cannot read the ${what} file ${shown(path)}${reasonOf(error)}`);
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } catch {
    throw new CliError(`the ${what} file ${shown(path)} is not valid JSON`);
  }
}

/** Writes a file, or throws a {@link CliError} naming it and what went wrong. */
export function writeText(io: FileIo, path: string, text: string, what: string): void {
  try {
    io.writeFile(path, text);
  } catch (error) {
    throw new CliError(`cannot write the ${what} file ${shown(path)}${reasonOf(error)}`);
  }
}

/** Reads a binary file, or throws a {@link CliError} naming it and what went wrong. */
export function readBytes(io: FileIo, path: string, what: string): Uint8Array {
  if (io.readBytes === undefined) throw new CliError(`cannot read the ${what} file ${shown(path)}: this program reads text files only`);
  try {
    return io.readBytes(path);
  } catch (error) {
    throw new CliError(`cannot read the ${what} file ${shown(path)}${reasonOf(error)}`);
  }
}

/** Writes a binary file, or throws a {@link CliError} naming it and what went wrong. */
export function writeBytes(io: FileIo, path: string, bytes: Uint8Array, what: string): void {
  if (io.writeBytes === undefined) throw new CliError(`cannot write the ${what} file ${shown(path)}: this program writes text files only`);
  try {
    io.writeBytes(path, bytes);
  } catch (error) {
    throw new CliError(`cannot write the ${what} file ${shown(path)}${reasonOf(error)}`);
  }
}
