// Fails any test that writes to the console: the library must never log (profiles are health data).
import { afterEach, beforeEach, vi } from 'vitest';

const METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table'] as const;
const written: string[] = [];

beforeEach(() => {
  written.length = 0;
  for (const method of METHODS) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      written.push(`console.${method}: ${args.map(String).join(' ').slice(0, 200)}`);
    });
  }
});

afterEach(() => {
  vi.restoreAllMocks();
  if (written.length > 0) {
    const lines = written.splice(0);
    throw new Error(`A test wrote to the console:\n${lines.join('\n')}`);
  }
});
