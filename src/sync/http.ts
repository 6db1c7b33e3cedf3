/**
 * One JSON GET with a time-out, retries, backoff and `Retry-After`: the crawler's only
 * contact with the network. Every outcome is a value (a body, or a failure with its reason);
 * nothing here throws for anything a server or the network does.
 *
 * @module
 */

/**
 * The part of `fetch` the crawler uses: a GET with an abort signal and headers, answered
 * with a standard `Response`. The platform's global `fetch` fits; tests may pass their own.
 */
export type FetchLike = (url: string, init: { readonly signal: AbortSignal; readonly headers: Record<string, string> }) => Promise<Response>;

/** Settings and injected effects of {@link getJson}. */
export interface HttpSettings {
  readonly fetch: FetchLike;
  /** Waits between attempts; injected so tests never really wait. */
  readonly sleep: (ms: number) => Promise<void>;
  /** The clock, for `Retry-After` given as an HTTP date. */
  readonly now: () => Date;
  /** A number in [0, 1) for the jitter. */
  readonly random: () => number;
  /** Time allowed for one attempt, headers and body together. */
  readonly timeoutMs: number;
  /** Attempts after the first, for retryable failures only. */
  readonly retries: number;
  /** The first backoff; doubled on each retry up to `maxBackoffMs`, then jittered. */
  readonly backoffMs: number;
  readonly maxBackoffMs: number;
  /** The longest wait a `Retry-After` header can ask for. */
  readonly maxRetryAfterMs: number;
  /** A body longer than this is a failure (not retried). */
  readonly maxBodyBytes: number;
}

/** What one GET came to. `attempts` counts requests made; `waitedMs` the time slept between them. */
export type JsonOutcome =
  | { readonly ok: true; readonly body: unknown; readonly attempts: number; readonly waitedMs: number }
  | { readonly ok: false; readonly reason: string; readonly status?: number; readonly attempts: number; readonly waitedMs: number };

/** One attempt's result. */
type Attempt =
  | { readonly ok: true; readonly body: unknown }
  | { readonly ok: false; readonly reason: string; readonly retryable: boolean; readonly status?: number; readonly retryAfterMs?: number };

class BodyTooLarge extends Error {}

/**
 * The wait a `Retry-After` header asks for, in milliseconds: whole seconds (`120`) or an HTTP
 * date (`Wed, 21 Oct 2026 07:28:00 GMT`), never negative, capped at `maxMs`. `undefined` when
 * the header is missing or unreadable.
 *
 * @example
 * ```ts
 * retryAfterMs('3', new Date(), 60_000);                                                        // 3000
 * retryAfterMs('Wed, 21 Oct 2026 07:28:30 GMT', new Date('2026-10-21T07:28:00Z'), 60_000);      // 30000
 * retryAfterMs('3600', new Date(), 60_000);                                                     // 60000
 * ```
 */
export function retryAfterMs(header: string | null, now: Date, maxMs: number): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  let ms: number;
  if (/^\d{1,10}$/.test(text)) ms = Number(text) * 1000;
  else {
    const at = Date.parse(text);
    if (Number.isNaN(at)) return undefined;
    ms = at - now.getTime();
  }
  return Math.min(Math.max(0, ms), maxMs);
}

/**
 * The wait before retry number `retry` (1 for the first retry): `backoffMs · 2^(retry−1)`,
 * capped at `maxBackoffMs`, of which a random half is taken off ("equal jitter"), so many
 * clients do not retry in step.
 *
 * @example
 * ```ts
 * backoffDelay(1, { backoffMs: 500, maxBackoffMs: 30_000, random: () => 0 });   // 250
 * backoffDelay(3, { backoffMs: 500, maxBackoffMs: 30_000, random: () => 0.5 }); // 1500
 * ```
 */
export function backoffDelay(retry: number, settings: Pick<HttpSettings, 'backoffMs' | 'maxBackoffMs' | 'random'>): number {
  const ceiling = Math.min(settings.maxBackoffMs, settings.backoffMs * 2 ** Math.min(retry - 1, 30));
  return Math.round(ceiling / 2 + (ceiling / 2) * settings.random());
}

async function readText(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new BodyTooLarge();
  }
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/**
 * Whether text that is not valid JSON stops mid-document: a string left open, or more brackets
 * opened than closed. Decided by scanning, not from the parser's message, which differs between
 * engines and versions.
 */
function endsMidDocument(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) depth += 1;
    else if (c === 0x7d || c === 0x5d) {
      depth -= 1;
      if (depth < 0) return false;
    }
  }
  return inString || depth > 0;
}

/**
 * Parses a response body as JSON, or says in words why it is not: an HTML page (an error
 * page or a login form where JSON was expected), a body that ends mid-document (truncated),
 * an empty body, or malformed JSON. Never quotes the body.
 *
 * @example
 * ```ts
 * parseJsonBody('{"a":1}', 'application/json');      // { ok: true, body: { a: 1 } }
 * parseJsonBody('<!doctype html><p>Error</p>', 'text/html'); // { ok: false, reason: 'expected JSON, got an HTML page (text/html)' }
 * parseJsonBody('{"contents":[{"id":', 'application/json');  // { ok: false, reason: 'truncated JSON: the body (19 bytes) ends mid-document' }
 * ```
 */
export function parseJsonBody(text: string, contentType: string | null): { ok: true; body: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch {
    const type = (contentType ?? '').split(';')[0]?.trim() || 'no content type';
    const trimmed = text.trimStart();
    if (trimmed === '') return { ok: false, reason: `expected JSON, got an empty body (${type})` };
    if (trimmed.startsWith('<') || /html/i.test(type)) return { ok: false, reason: `expected JSON, got an HTML page (${type})` };
    const bytes = new TextEncoder().encode(text).byteLength;
    if (endsMidDocument(text)) {
      return { ok: false, reason: `truncated JSON: the body (${bytes} bytes) ends mid-document` };
    }
    return { ok: false, reason: `malformed JSON (${bytes} bytes, ${type})` };
  }
}

function networkReason(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  const code = cause && 'code' in cause && typeof cause.code === 'string' ? cause.code : undefined;
  const message = (cause ?? (error instanceof Error ? error : undefined))?.message ?? String(error);
  return `network error: ${code ?? message.slice(0, 200)}`;
}

async function attempt(url: string, settings: HttpSettings): Promise<Attempt> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, settings.timeoutMs);
  try {
    const response = await settings.fetch(url, { signal: controller.signal, headers: { accept: 'application/json' } });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      const { status } = response;
      const retryable = status >= 500 || status === 408 || status === 429;
      const wait = retryAfterMs(response.headers.get('retry-after'), settings.now(), settings.maxRetryAfterMs);
      const reason = `HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}`;
      return { ok: false, reason, retryable, status, ...(wait === undefined ? {} : { retryAfterMs: wait }) };
    }
    const text = await readText(response, settings.maxBodyBytes);
    const parsed = parseJsonBody(text, response.headers.get('content-type'));
    return parsed.ok ? parsed : { ok: false, reason: parsed.reason, retryable: false, status: response.status };
  } catch (error) {
    if (timedOut) return { ok: false, reason: `timed out: no complete response within ${settings.timeoutMs} ms`, retryable: true };
    if (error instanceof BodyTooLarge) return { ok: false, reason: `the body is larger than ${settings.maxBodyBytes} bytes`, retryable: false };
    return { ok: false, reason: networkReason(error), retryable: true };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * GETs `url` as JSON. Retries time-outs, network errors, HTTP 5xx, 408 and 429, waiting
 * between attempts as a `Retry-After` header asks (capped) or else by {@link backoffDelay};
 * any other 4xx, and a body that is not JSON, fail at once. Resolves to the body or to a
 * failure naming the last reason and the number of attempts; never rejects.
 *
 * @example
 * ```ts
 * const outcome = await getJson('https://example.org/api/services?page=1', settings);
 * if (!outcome.ok) outcome.reason; // 'HTTP 503 Service Unavailable (4 attempts)'
 * ```
 */
export async function getJson(url: string, settings: HttpSettings): Promise<JsonOutcome> {
  let waitedMs = 0;
  for (let attempts = 1; ; attempts += 1) {
    const result = await attempt(url, settings);
    if (result.ok) return { ok: true, body: result.body, attempts, waitedMs };
    if (!result.retryable || attempts > settings.retries) {
      const reason = attempts > 1 ? `${result.reason} (${attempts} attempts)` : result.reason;
      return { ok: false, reason, attempts, waitedMs, ...(result.status === undefined ? {} : { status: result.status }) };
    }
    const wait = result.retryAfterMs ?? backoffDelay(attempts, settings);
    waitedMs += wait;
    await settings.sleep(wait);
  }
}
