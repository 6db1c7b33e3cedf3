/**
 * A worker of a matcher pool (`index.ts`): loads the matcher from the snapshot the pool shares
 * with every worker (views of shared memory, so N workers hold one index), then answers
 * requests one at a time. An exception answers that request only.
 *
 * @module
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isActivityMatchError } from '../errors.js';
import { loadMatcher } from '../load-matcher.js';
import type { PoolRequest, PoolResponse, PoolWorkerData } from './protocol.js';

const { snapshot } = workerData as PoolWorkerData;
const matcher = loadMatcher(new Uint8Array(snapshot));
const port = parentPort;

port?.on('message', (request: PoolRequest) => {
  let response: PoolResponse;
  try {
    const method = matcher[request.method] as (...args: unknown[]) => unknown;
    response = { id: request.id, ok: true, value: method(...request.args) };
  } catch (error) {
    response = isActivityMatchError(error)
      ? { id: request.id, ok: false, error: { code: error.code, issues: error.issues, message: error.message } }
      : { id: request.id, ok: false, error: { code: undefined, issues: undefined, message: error instanceof Error ? error.message : 'the worker threw a value that is not an Error' } };
  }
  port.postMessage(response);
});
port?.postMessage({ ready: true });
