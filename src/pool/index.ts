/**
 * `activity-match/pool`: a matcher served from several worker threads (Node only; issue #20).
 * The snapshot is copied once into shared memory and every worker loads its matcher from views
 * of it, so N workers hold one copy of the index and records (each keeps only the activities it
 * has decoded). `recommendMany` splits a caseload into one contiguous share per worker;
 * `recommend`, `explain` and `search` calls go to the worker with the fewest calls waiting.
 * The core stays synchronous: this entry only adds the threads and the promises.
 *
 * @module
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ActivityMatchError, ERROR_CODES } from '../errors.js';
import type { ErrorCode } from '../errors.js';
import type { DeepReadonly, ExplainOptions, RecommendOptions } from '../inputs.js';
import type { Explanation, Recommendation } from '../rank/explain.js';
import type { ClientProfileInput } from '../schema/client.js';
import type { SearchHit, SearchOptions } from '../catalogue/text-search.js';
import { decodeSnapshot } from '../snapshot/decode.js';
import type { PoolRequest, PoolResponse, PoolWorkerData } from './protocol.js';

/** Options of {@link createMatcherPool}. */
export interface MatcherPoolOptions {
  /** Worker threads; default: the machine's available parallelism. From 1 to 256. */
  readonly workers?: number;
  /** Where the worker script is, for bundlers that move it; default: `pool-worker.js` beside this module. */
  readonly workerUrl?: URL;
}

/** A matcher answering from worker threads: the matcher's queries, as promises. */
export interface MatcherPool {
  readonly workers: number;
  /** `matcher.recommend` in a worker. */
  recommend(client: DeepReadonly<ClientProfileInput>, options: RecommendOptions): Promise<Recommendation[]>;
  /** `matcher.recommendMany`, the caseload shared out among the workers; the same shortlists in the same order. */
  recommendMany(clients: readonly DeepReadonly<ClientProfileInput>[], options: RecommendOptions): Promise<Recommendation[][]>;
  /** `matcher.explain` in a worker. */
  explain(client: DeepReadonly<ClientProfileInput>, activityId: string, options: ExplainOptions): Promise<Explanation>;
  /** `matcher.search` in a worker. */
  search(text: string, options?: SearchOptions): Promise<SearchHit[]>;
  /** Stops the workers; calls still waiting reject. */
  close(): Promise<void>;
}

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  readonly pending: Map<number, Pending>;
}

/** An error a worker reported, as an `ActivityMatchError` again (or a plain `Error` for anything else). */
function errorOf(error: Extract<PoolResponse, { ok: false }>['error']): Error {
  if (error.code !== undefined && (ERROR_CODES as readonly string[]).includes(error.code) && error.issues !== undefined) return new ActivityMatchError(error.code as ErrorCode, error.issues);
  return new Error(`activity-match pool worker: ${error.message}`);
}

/**
 * Starts a pool of workers over a snapshot (`matcher.toSnapshot()`). The snapshot is checked
 * here, once, before any worker starts.
 *
 * @throws {ActivityMatchError} `INVALID_SNAPSHOT`, or `INVALID_OPTIONS` for a bad worker count.
 * @example
 * ```ts
 * import { createMatcherPool } from 'activity-match/pool';
 * const pool = createMatcherPool(readFileSync('catalogue.snapshot'), { workers: 4 });
 * const shortlists = await pool.recommendMany(caseload, { at: new Date() });
 * await pool.close();
 * ```
 */
export function createMatcherPool(snapshot: Uint8Array, options: MatcherPoolOptions = {}): MatcherPool {
  const count = options.workers ?? availableParallelism();
  if (!Number.isInteger(count) || count < 1 || count > 256) throw new ActivityMatchError('INVALID_OPTIONS', [{ path: 'options.workers', message: 'expected a whole number of workers from 1 to 256' }]);
  if (options.workerUrl !== undefined && !(options.workerUrl instanceof URL)) throw new ActivityMatchError('INVALID_OPTIONS', [{ path: 'options.workerUrl', message: 'expected a URL' }]);
  decodeSnapshot(snapshot);
  let shared: SharedArrayBuffer;
  if (snapshot.buffer instanceof SharedArrayBuffer && snapshot.byteOffset === 0 && snapshot.byteLength === snapshot.buffer.byteLength) {
    shared = snapshot.buffer;
  } else {
    shared = new SharedArrayBuffer(snapshot.byteLength);
    new Uint8Array(shared).set(snapshot);
  }
  const url = options.workerUrl ?? new URL('./pool-worker.js', import.meta.url);
  const data: PoolWorkerData = { snapshot: shared };
  let nextId = 0;
  let closed = false;

  const start = (slot?: Slot): Slot => {
    const worker = new Worker(url, { workerData: data });
    const s: Slot = slot ?? { worker, pending: new Map() };
    s.worker = worker;
    worker.on('message', (message: PoolResponse | { ready: true }) => {
      if (!('id' in message)) return;
      const waiting = s.pending.get(message.id);
      if (waiting === undefined) return;
      s.pending.delete(message.id);
      if (message.ok) waiting.resolve(message.value);
      else waiting.reject(errorOf(message.error));
    });
    // A worker that stops (a crash, not an exception in a call) fails only the calls it held, and is replaced.
    const stopped = (reason: string) => {
      if (s.worker !== worker) return;
      for (const waiting of s.pending.values()) waiting.reject(new Error(`activity-match pool worker stopped: ${reason}`));
      s.pending.clear();
      if (!closed) start(s);
    };
    worker.on('error', (error) => stopped(error.message));
    worker.on('exit', (code) => stopped(`exit code ${code}`));
    worker.unref();
    return s;
  };
  const slots = Array.from({ length: count }, () => start());

  const call = (slot: Slot, method: PoolRequest['method'], args: readonly unknown[]): Promise<unknown> =>
    new Promise((resolve, reject) => {
      if (closed) {
        reject(new Error('activity-match pool: closed'));
        return;
      }
      const id = nextId++;
      try {
        slot.worker.postMessage({ id, method, args } satisfies PoolRequest);
      } catch {
        // Functions, symbols and some objects cannot be copied to another thread.
        reject(new ActivityMatchError('INVALID_OPTIONS', [{ path: 'arguments', message: 'expected plain data that can be copied to a worker thread (no functions or class instances other than Date)' }]));
        return;
      }
      // A worker keeps the process alive only while it holds calls.
      if (slot.pending.size === 0) slot.worker.ref();
      const settle = () => {
        if (slot.pending.size === 0) slot.worker.unref();
      };
      slot.pending.set(id, {
        resolve: (value) => {
          settle();
          resolve(value);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
      });
    });

  const leastBusy = (): Slot => slots.reduce((best, slot) => (slot.pending.size < best.pending.size ? slot : best));

  return {
    workers: count,
    recommend: (client, callOptions) => call(leastBusy(), 'recommend', [client, callOptions]) as Promise<Recommendation[]>,
    explain: (client, activityId, callOptions) => call(leastBusy(), 'explain', [client, activityId, callOptions]) as Promise<Explanation>,
    search: (text, searchOptions) => call(leastBusy(), 'search', searchOptions === undefined ? [text] : [text, searchOptions]) as Promise<SearchHit[]>,
    recommendMany: async (clients, callOptions) => {
      if (!Array.isArray(clients) || clients.length < 2 * count) return (await call(leastBusy(), 'recommendMany', [clients, callOptions])) as Recommendation[][];
      const size = Math.ceil(clients.length / count);
      const shares = slots.map((slot, k) => ({ slot, from: k * size, clients: clients.slice(k * size, (k + 1) * size) })).filter((s) => s.clients.length > 0);
      const settled = await Promise.allSettled(shares.map((s) => call(s.slot, 'recommendMany', [s.clients, callOptions])));
      const out: Recommendation[][] = [];
      for (let k = 0; k < settled.length; k++) {
        const result = settled[k] as PromiseSettledResult<unknown>;
        if (result.status === 'rejected') throw renumbered(result.reason, (shares[k] as { from: number }).from);
        out.push(...(result.value as Recommendation[][]));
      }
      return out;
    },
    close: async () => {
      closed = true;
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}

/** A worker's error about its share of a caseload, with each `clients[i]` renumbered to the whole caseload. */
function renumbered(error: unknown, from: number): unknown {
  if (!(error instanceof ActivityMatchError) || from === 0) return error;
  return new ActivityMatchError(
    error.code,
    error.issues.map((issue) => ({ ...issue, path: issue.path.replace(/^clients\[(\d+)\]/, (_, i: string) => `clients[${Number(i) + from}]`) })),
  );
}
