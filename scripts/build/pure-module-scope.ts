/**
 * A build step (an esbuild plugin, used by tsup.config.ts) that lets bundlers drop the module-level
 * work of everything a program does not use. Each top-level `const` whose value is computed by a
 * call (a zod schema, a vocabulary, the frozen default rules, a lookup table) is wrapped as
 * `const x = /* @__PURE__ *\/ (() => (value))()`: the same value, computed at the same moment, but
 * marked free of side effects, so esbuild, Rollup, webpack and terser remove it when `x` is unused.
 * Without the mark a bundler must keep every such call (and all of zod with it) from every module
 * it reaches, whether or not the program uses the result.
 *
 * Also rewrites `import { z } from 'zod'` as `import * as z from 'zod'`: the same bindings, but a
 * bundler can then keep only the parts of zod a program uses (`z` as a named import is one object
 * holding all of zod, its 40-odd locales included). zod registers its English messages on first
 * use either way, so no message changes.
 *
 * Top-level statements other than `const` declarations are left as they are (there are none in
 * src/ that do work), and so are initialisers containing `await` or none containing a call.
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import ts from 'typescript';
import type { Plugin } from 'esbuild';

/** Whether evaluating `node` calls something (not counting calls inside functions it defines). */
function computes(node: ts.Node): boolean {
  if (ts.isFunctionLike(node) || ts.isClassLike(node)) return false;
  if (ts.isCallExpression(node) || ts.isNewExpression(node) || ts.isTaggedTemplateExpression(node)) return true;
  return ts.forEachChild(node, (child) => (computes(child) ? true : undefined)) === true;
}

function awaits(node: ts.Node): boolean {
  if (ts.isFunctionLike(node)) return false;
  if (ts.isAwaitExpression(node)) return true;
  return ts.forEachChild(node, (child) => (awaits(child) ? true : undefined)) === true;
}

/**
 * The source with every computed top-level `const` marked pure, and zod imported as a namespace.
 *
 * @example
 * ```ts
 * markModuleScopePure("import { z } from 'zod';\nexport const A = z.string();\n", 'a.ts');
 * // "import * as z from 'zod';\nexport const A = /* @__PURE__ *\/ (() => (z.string()))();\n"
 * ```
 */
export function markModuleScopePure(source: string, fileName: string): string {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits: { start: number; end: number; text: string }[] = [];
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement) || (statement.declarationList.flags & ts.NodeFlags.Const) === 0) continue;
    for (const declaration of statement.declarationList.declarations) {
      const value = declaration.initializer;
      if (value === undefined || !computes(value) || awaits(value)) continue;
      const start = value.getStart(file);
      edits.push({ start, end: value.getEnd(), text: `/* @__PURE__ */ (() => (${source.slice(start, value.getEnd())}))()` });
    }
  }
  let out = source;
  for (const edit of edits.reverse()) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out.replace(/^import \{ z \} from 'zod';$/gm, "import * as z from 'zod';");
}

/** The esbuild plugin: applies {@link markModuleScopePure} to the library's own TypeScript files. */
export const pureModuleScope: Plugin = {
  name: 'pure-module-scope',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => ({ contents: markModuleScopePure(await readFile(args.path, 'utf8'), args.path), loader: 'ts' }));
  },
};
