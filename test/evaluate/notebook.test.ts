// The notebook's set-up, checked without running it (`npm run test:notebooks` executes it).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')) as Record<string, unknown>;

describe('notebooks/deno.json', () => {
  const deno = read('notebooks/deno.json') as { nodeModulesDir: string; imports: Record<string, string> };
  const pkg = read('package.json') as { dependencies: Record<string, string> };

  it('lets Deno install npm packages itself and maps activity-match to the build', () => {
    expect(deno.nodeModulesDir).toBe('auto');
    expect(deno.imports['activity-match']).toBe('../dist/index.js');
  });

  it('maps every runtime dependency of the library to npm with the same version range', () => {
    for (const [name, range] of Object.entries(pkg.dependencies)) expect(deno.imports[name]).toBe(`npm:${name}@${range}`);
  });
});

describe('notebooks/evaluate-rules.ipynb', () => {
  const notebook = read('notebooks/evaluate-rules.ipynb') as {
    metadata: { kernelspec: { name: string } };
    cells: { cell_type: string; source: string[]; outputs?: unknown[] }[];
  };
  const code = notebook.cells.filter((c) => c.cell_type === 'code').map((c) => c.source.join(''));

  it('runs on the Deno kernel and is committed without outputs', () => {
    expect(notebook.metadata.kernelspec.name).toBe('deno');
    expect(notebook.cells.every((c) => (c.outputs ?? []).length === 0)).toBe(true);
  });

  it('imports the package by name, loads the bundled data and checks its results with assertions', () => {
    expect(code[0]).toContain('from "activity-match"');
    expect(code.join('\n')).toContain('../fixtures/referrals/history.json');
    expect(code.filter((c) => c.includes('assert(')).length).toBeGreaterThanOrEqual(5);
    expect(code.join('\n')).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });
});
