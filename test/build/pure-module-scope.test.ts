// The build step that marks module-level work pure (scripts/build/pure-module-scope.ts): what it
// wraps, what it leaves, and that the wrapped module computes the same values.
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { markModuleScopePure } from '../../scripts/build/pure-module-scope.js';

const PURE = '/* @__PURE__ */ (() => (';

describe('markModuleScopePure', () => {
  it('wraps each top-level const computed by a call, and imports zod as a namespace', () => {
    const out = markModuleScopePure(
      ["import { z } from 'zod';", 'export const A = z.string().min(1);', 'const cache = new Map<string, number>();', 'export const B: number = Math.max(1, 2), C = tag`x`;'].join('\n'),
      'a.ts',
    );
    expect(out).toBe(
      [
        "import * as z from 'zod';",
        `export const A = ${PURE}z.string().min(1)))();`,
        `const cache = ${PURE}new Map<string, number>()))();`,
        `export const B: number = ${PURE}Math.max(1, 2)))(), C = ${PURE}tag\`x\`))();`,
      ].join('\n'),
    );
  });

  it('leaves alone what does no work: literals, functions, classes, let, nested statements, type imports', () => {
    const source = [
      "import type { z } from 'zod';",
      "export const LIMIT = 10, NAMES = ['a', 'b'] as const, OBJ = { a: 1 };",
      'export const f = (x: number) => Math.abs(x);',
      'export const g = function () { return compute(); };',
      'export const K = class { static x = compute(); };',
      'let counter = start();',
      'export function h() { const inner = compute(); return inner; }',
      'if (flag) { const y = compute(); }',
    ].join('\n');
    expect(markModuleScopePure(source, 'b.ts')).toBe(source);
  });

  it('leaves an initialiser that awaits (top-level await cannot move into a function)', () => {
    const source = 'export const data = await load();';
    expect(markModuleScopePure(source, 'c.ts')).toBe(source);
  });

  it('computes the same values, in the same order', () => {
    const source = ['const log: string[] = [];', 'const a = (log.push("a"), 1 + 1);', 'const b = [a, a * 2].map((x) => x + 1);', 'log.push("c");', 'export const result = { a, b, log };'].join('\n');
    const run = (code: string) => {
      const js = transformSync(code, { loader: 'ts', format: 'cjs' }).code;
      const module = { exports: {} as Record<string, unknown> };
      new Function('module', 'exports', js)(module, module.exports);
      return module.exports.result;
    };
    expect(run(markModuleScopePure(source, 'd.ts'))).toEqual(run(source));
    expect(run(source)).toEqual({ a: 2, b: [3, 5], log: ['a', 'c'] });
  });

  it('keeps the pure marks through esbuild, so a bundler can drop what is unused', () => {
    const out = transformSync(markModuleScopePure('export const A = build();\nexport const B = 1;', 'e.ts'), { loader: 'ts', format: 'esm' }).code;
    expect(out).toContain('/* @__PURE__ */');
  });
});
