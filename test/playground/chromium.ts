// A headless Chromium driven over the DevTools protocol on a pipe (--remote-debugging-pipe): no
// driver library, no port. Messages are JSON separated by NUL bytes, on file descriptors 3 (to the
// browser) and 4 (from it). Only what the playground test needs.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

/** The flags the test starts Chromium with: headless, no sandbox, nothing fetched in the background. */
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--remote-debugging-pipe'];

interface Message {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
  sessionId?: string;
}

/** A browser page, with every console error, uncaught exception and error log entry collected. */
export interface Page {
  /** Sends a DevTools command to the page. */
  send(method: string, params?: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Evaluates an expression in the page and returns its value (awaiting a promise). */
  evaluate<T>(expression: string): Promise<T>;
  /** Polls `expression` until it is truthy, or fails after `timeoutMs`. */
  waitFor(expression: string, timeoutMs?: number): Promise<void>;
  /** Console errors, uncaught exceptions and error log entries so far. */
  readonly errors: string[];
}

export interface Browser {
  readonly page: Page;
  close(): Promise<void>;
}

/** Starts `executable` with a fresh profile and opens a page at about:blank. */
export async function launch(executable: string): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'activity-match-chromium-'));
  const child: ChildProcess = spawn(executable, [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  const pending = new Map<number, { resolve: (m: Message) => void; reject: (e: Error) => void }>();
  const listeners: ((m: Message) => void)[] = [];
  let nextId = 1;
  let buffer = '';
  let exited = false;
  child.on('exit', () => {
    exited = true;
    for (const p of pending.values()) p.reject(new Error(`Chromium exited: ${stderr.slice(-800)}`));
    pending.clear();
  });
  fromBrowser.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    for (let end = buffer.indexOf('\0'); end >= 0; end = buffer.indexOf('\0')) {
      const message = JSON.parse(buffer.slice(0, end)) as Message;
      buffer = buffer.slice(end + 1);
      if (message.id !== undefined) {
        const waiting = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) waiting?.reject(new Error(message.error.message));
        else waiting?.resolve(message);
      } else for (const listener of listeners) listener(message);
    }
  });
  const command = (method: string, params: Record<string, unknown> = {}, sessionId?: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      if (exited) return reject(new Error(`Chromium has exited: ${stderr.slice(-800)}`));
      const id = nextId++;
      pending.set(id, { resolve: (m) => resolve(m.result ?? {}), reject });
      toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });

  const { targetInfos } = (await command('Target.getTargets')) as { targetInfos: { targetId: string; type: string }[] };
  const target = targetInfos.find((t) => t.type === 'page') ?? ((await command('Target.createTarget', { url: 'about:blank' })) as { targetId: string });
  const { sessionId } = (await command('Target.attachToTarget', { targetId: target.targetId, flatten: true })) as { sessionId: string };
  const errors: string[] = [];
  listeners.push((m) => {
    if (m.sessionId !== sessionId) return;
    const p = m.params ?? {};
    if (m.method === 'Runtime.consoleAPICalled' && (p.type === 'error' || p.type === 'assert')) errors.push(`console.${String(p.type)}: ${JSON.stringify(p.args).slice(0, 300)}`);
    if (m.method === 'Runtime.exceptionThrown') errors.push(`exception: ${JSON.stringify(p.exceptionDetails).slice(0, 500)}`);
    if (m.method === 'Log.entryAdded' && (p.entry as { level?: string } | undefined)?.level === 'error') errors.push(`log: ${JSON.stringify(p.entry).slice(0, 300)}`);
  });
  const send = (method: string, params?: Record<string, unknown>) => command(method, params, sessionId);
  await send('Runtime.enable');
  await send('Log.enable');
  await send('Page.enable');
  const evaluate = async <T>(expression: string): Promise<T> => {
    const r = (await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })) as { result: { value?: T }; exceptionDetails?: unknown };
    if (r.exceptionDetails !== undefined) throw new Error(`evaluating ${expression.slice(0, 80)}: ${JSON.stringify(r.exceptionDetails).slice(0, 400)}`);
    return r.result.value as T;
  };
  const page: Page = {
    send,
    evaluate,
    errors,
    async waitFor(expression, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      while (!(await evaluate<boolean>(`Boolean(${expression})`))) {
        if (Date.now() > until) throw new Error(`timed out waiting for ${expression}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
  return {
    page,
    async close() {
      if (!exited) {
        const gone = new Promise((r) => child.once('exit', r));
        await command('Browser.close').catch(() => undefined);
        await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
        if (!exited) child.kill('SIGKILL');
      }
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
