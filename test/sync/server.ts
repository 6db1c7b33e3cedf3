// A real HTTP server on 127.0.0.1 for the crawler's tests: started on port 0, stopped by the
// tests, serving the fixture feeds in fixtures/sync/ with faults added per request.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const FIXTURES = new URL('../../fixtures/sync/', import.meta.url);

/** A fixture file from fixtures/sync/, parsed (a fresh copy each time, so tests may edit it). */
export function fixture<T = unknown>(path: string): T {
  return JSON.parse(readFileSync(new URL(path, FIXTURES), 'utf8')) as T;
}

/** A fixture file's text. */
export function fixtureText(path: string): string {
  return readFileSync(new URL(path, FIXTURES), 'utf8');
}

/** One request, as a route sees it. */
export interface Request {
  /** The path, e.g. `/api/services` or `/api/services/syn-walk-01`. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** How many times this exact URL (path and query) has been asked for, this one included. */
  readonly count: number;
  /** The service id of a detail request (`/api/services/{id}`). */
  readonly id?: string;
  /** The `page` parameter of a list request, as a number. */
  readonly page?: number;
}

/** What to answer. `json` is sent as JSON; `text` as is; `truncate` cuts the body to that many bytes. */
export interface Reply {
  readonly status?: number;
  readonly json?: unknown;
  readonly text?: string;
  readonly headers?: Record<string, string>;
  readonly delayMs?: number;
  readonly truncate?: number;
}

export type Route = (request: Request) => Reply;

export interface FeedServer {
  /** The API root, `http://127.0.0.1:<port>/api`. */
  readonly base: string;
  /** Every request's path and query, in arrival order. */
  readonly hits: string[];
  /** The most requests that were in flight at once. */
  readonly maxInFlight: () => number;
  /** How many times `pathAndQuery` was asked for. */
  readonly count: (pathAndQuery: string) => number;
  /** Forgets the requests so far (hits and counts), e.g. between two syncs. */
  reset(): void;
  close(): Promise<void>;
}

/** Starts a server answering with `route`; every unrouted request gets a JSON 404. */
export async function startFeedServer(route: Route): Promise<FeedServer> {
  const hits: string[] = [];
  const counts = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  let inFlight = 0;
  let maxInFlight = 0;
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const key = `${url.pathname}${url.search}`;
    hits.push(key);
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    const detail = /^\/api\/services\/([^/]+)$/.exec(url.pathname);
    const pageParam = url.searchParams.get('page');
    const request: Request = {
      path: url.pathname,
      query: url.searchParams,
      count,
      ...(detail?.[1] === undefined ? {} : { id: decodeURIComponent(detail[1]) }),
      ...(pageParam === null ? {} : { page: Number(pageParam) }),
    };
    const reply = route(request);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let done = false;
    const finish = () => {
      if (!done) inFlight -= 1;
      done = true;
    };
    res.on('close', finish);
    const send = () => {
      if (res.destroyed) return;
      let body = reply.text ?? (reply.json === undefined ? '' : JSON.stringify(reply.json));
      if (reply.truncate !== undefined) body = Buffer.from(body).subarray(0, reply.truncate).toString('utf8');
      res.writeHead(reply.status ?? 200, { 'content-type': reply.text === undefined ? 'application/json' : 'text/html; charset=utf-8', ...reply.headers, 'content-length': Buffer.byteLength(body) });
      res.end(body);
    };
    if (reply.delayMs === undefined) send();
    else {
      const timer = setTimeout(() => {
        timers.delete(timer);
        send();
      }, reply.delayMs);
      timers.add(timer);
    }
  };
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}/api`,
    hits,
    maxInFlight: () => maxInFlight,
    count: (pathAndQuery) => counts.get(pathAndQuery) ?? 0,
    reset: () => {
      hits.length = 0;
      counts.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const notFound: Reply = { status: 404, json: { error: 'not found' } };

/**
 * Serves a fixture feed: `/api/services?page=N` from `<dir>/page-N.json` (shifted by
 * `pageOffset`, so a feed numbered from 0 can be served either way), `/api/services/{id}` from
 * `details/{id}.json`; `edit` may change a page or record before it is sent.
 */
export function fixtureFeed(dir: string, options: { pageOffset?: number; pageParam?: string; edit?: (value: unknown, request: Request) => unknown } = {}): Route {
  return (request) => {
    const edit = options.edit ?? ((value) => value);
    if (request.path === '/api/services') {
      const param = request.query.get(options.pageParam ?? 'page');
      const n = Number(param ?? 1) + (options.pageOffset ?? 0);
      let page: unknown;
      try {
        page = fixture(`${dir}/page-${n}.json`);
      } catch {
        return notFound;
      }
      return { json: edit(page, request) };
    }
    if (request.id !== undefined) {
      if (!/^[\w-]+$/.test(request.id)) return notFound;
      try {
        return { json: edit(fixture(`details/${request.id}.json`), request) };
      } catch {
        return notFound;
      }
    }
    return notFound;
  };
}

/** A page of a feed: `/api/services?page=N&per_page=50&number=N&size=50`, as the crawler asks for it with its default page size. */
export const pageUrl = (n: number, perPage = 50) => `/api/services?page=${n}&per_page=${perPage}&number=${n}&size=${perPage}`;

/** The detail address of a service. */
export const detailPath = (id: string) => `/api/services/${encodeURIComponent(id)}`;
