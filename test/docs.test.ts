// Issue #7: every export has a doc comment with an example. For each runtime export of the
// package entry point, this follows the re-exports from src/index.ts to the declaration and
// checks that a /** … */ comment containing `@example` sits directly above it.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

const ROOT = new URL('../', import.meta.url);
const sources = new Map<string, string>();

/** Source text of a file given relative to the package root, e.g. `src/index.ts`. */
function source(file: string): string {
  let text = sources.get(file);
  if (text === undefined) {
    text = readFileSync(new URL(file, ROOT), 'utf8');
    sources.set(file, text);
  }
  return text;
}

/** The file a relative module specifier (`./time/index.js`, `../schema/rules.js`) points at. */
function resolveModule(from: string, specifier: string): string {
  const url = new URL(specifier, new URL(from, ROOT));
  const path = url.href.slice(ROOT.href.length).replace(/\.js$/, '');
  for (const candidate of [`${path}.ts`, `${path}/index.ts`]) {
    if (existsSync(new URL(candidate, ROOT))) return candidate;
  }
  throw new Error(`${from}: cannot resolve module '${specifier}'`);
}

const escape = (name: string) => name.replace(/\$/g, '\\$');

/** `[exported, local]` pairs of a `{ a, b as c, type D }` specifier list; type-only ones are left out. */
function specifiers(list: string): Array<[string, string]> {
  return list
    .replace(/\/\/.*$/gm, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '' && !s.startsWith('type '))
    .map((s) => {
      const [local = s, exported = local] = s.split(/\s+as\s+/);
      return [exported.trim(), local.trim()];
    });
}

interface Declaration {
  readonly file: string;
  /** Offset of the declaration in the file. */
  readonly at: number;
}

/** Finds the declaration behind `name` as exported (or, with `local`, as declared) by `file`. */
function findDeclaration(file: string, name: string, local = false, seen = new Set<string>()): Declaration | undefined {
  const key = `${file}#${name}#${local}`;
  if (seen.has(key)) return undefined;
  seen.add(key);
  const text = source(file);
  const declared = new RegExp(`^${local ? '(?:export\\s+)?' : 'export\\s+'}(?:declare\\s+)?(?:async\\s+)?(?:abstract\\s+)?(?:const|let|var|function\\*?|class)\\s+${escape(name)}\\b`, 'm').exec(text);
  if (declared) return { file, at: declared.index };
  if (local) {
    // A local name brought in by an import and exported again: `import { a as b } from './x.js'; export { b };`
    for (const m of text.matchAll(/^import\s*\{([^}]*)\}\s*from\s*['"]([^'"]+)['"]/gm)) {
      for (const [imported, original] of specifiers(m[1] ?? '')) {
        if (imported === name) return findDeclaration(resolveModule(file, m[2] ?? ''), original, false, seen);
      }
    }
    return undefined;
  }
  // `export { a as b } from './x.js'` and `export { a as b }`.
  for (const m of text.matchAll(/^export\s*\{([^}]*)\}(?:\s*from\s*['"]([^'"]+)['"])?/gm)) {
    for (const [exported, original] of specifiers(m[1] ?? '')) {
      if (exported !== name) continue;
      return m[2] === undefined ? findDeclaration(file, original, true, seen) : findDeclaration(resolveModule(file, m[2]), original, false, seen);
    }
  }
  for (const m of text.matchAll(/^export\s*\*\s*from\s*['"]([^'"]+)['"]/gm)) {
    const found = findDeclaration(resolveModule(file, m[1] ?? ''), name, false, seen);
    if (found) return found;
  }
  return undefined;
}

/** The `/** … *\/` comment directly above the declaration (only white space in between). */
function docComment({ file, at }: Declaration): string | undefined {
  return /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*$/.exec(source(file).slice(0, at))?.[1];
}

const names = Object.keys(api).sort();

describe('documentation (issue #7)', () => {
  it('the entry point has runtime exports to check', () => {
    expect(names.length).toBeGreaterThan(50);
  });

  it.each(names)('%s has a doc comment with an @example', (name) => {
    const declaration = findDeclaration('src/index.ts', name);
    expect(declaration, `export ${name}: no declaration found by following the re-exports of src/index.ts`).toBeDefined();
    if (!declaration) return;
    const doc = docComment(declaration);
    expect(doc, `export ${name} (declared in ${declaration.file}): no /** … */ doc comment directly above the declaration`).toBeDefined();
    expect(doc?.includes('@example'), `export ${name} (declared in ${declaration.file}): the doc comment has no @example`).toBe(true);
  });
});
