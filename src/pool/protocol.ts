/**
 * The messages between a matcher pool and its workers (see `index.ts`), and the error a worker
 * reports: plain data, since workers exchange structured clones.
 *
 * @module
 */
import type { ValidationIssue } from '../errors.js';

/** What the pool asks of a worker. */
export interface PoolRequest {
  readonly id: number;
  readonly method: 'recommend' | 'recommendMany' | 'explain' | 'search';
  readonly args: readonly unknown[];
}

/** A worker's answer: the value, or the error as data. */
export type PoolResponse =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: { readonly code: string | undefined; readonly issues: readonly ValidationIssue[] | undefined; readonly message: string } };

/** What a worker is started with: the snapshot in shared memory. */
export interface PoolWorkerData {
  readonly snapshot: SharedArrayBuffer;
}
