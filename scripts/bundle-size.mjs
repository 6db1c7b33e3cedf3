// Bundle sizes per entry point, as a browser app's bundler would see them: for each import in
// scripts/bundle-size.json, esbuild bundles a one-line program (minified, ESM, browser platform,
// dependencies included) and the script prints its size minified and gzipped against the
// entry's budget (gzipped bytes). Exits 1 when any is over budget.
//
//   node scripts/bundle-size.mjs [--package <dir>] [--json]
//
// --package measures an installed copy (the consumer test's node_modules/activity-match);
// without it, this checkout's package.json and dist/ (run `npm run build` first).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const packageDir = resolve(args.includes('--package') ? (args[args.indexOf('--package') + 1] ?? '.') : join(here, '..'));
const json = args.includes('--json');
// esbuild from this checkout (a devDependency), whichever package is measured.
const esbuild = createRequire(join(here, '..', 'package.json'))('esbuild');
const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
const { budgets } = JSON.parse(readFileSync(join(here, 'bundle-size.json'), 'utf8'));

/** `activity-match` and `activity-match/<subpath>` as the package's exports map gives them to an ESM bundler. */
const selfPlugin = {
  name: 'activity-match-exports',
  setup(build) {
    build.onResolve({ filter: /^activity-match(\/.*)?$/ }, (a) => {
      const subpath = a.path === 'activity-match' ? '.' : `./${a.path.slice('activity-match/'.length)}`;
      const target = pkg.exports?.[subpath];
      const file = typeof target === 'string' ? target : target?.import?.default ?? target?.default;
      if (file === undefined) return { errors: [{ text: `${a.path} is not exported by the package` }] };
      const path = join(packageDir, file);
      if (!existsSync(path)) return { errors: [{ text: `${path} is missing: build the package first` }] };
      return { path };
    });
  },
};

const rows = [];
for (const { label, code, gzip: budget } of budgets) {
  const result = await esbuild.build({
    stdin: { contents: `${code}\nglobalThis.__keep = [${/import \* as (\w+)/.exec(code)?.[1] ?? /import \{ ([^}]+) \}/.exec(code)?.[1]}];\n`, resolveDir: packageDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    plugins: [selfPlugin],
    nodePaths: [join(packageDir, 'node_modules'), join(here, '..', 'node_modules')],
  });
  const out = result.outputFiles[0].contents;
  rows.push({ label, code, minified: out.length, gzip: gzipSync(out, { level: 9 }).length, budget });
}

const over = rows.filter((r) => r.gzip > r.budget);
if (json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
else {
  const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
  const width = Math.max(...rows.map((r) => r.label.length));
  process.stdout.write(`${'entry'.padEnd(width)}  ${'minified'.padStart(9)}  ${'gzip'.padStart(8)}  ${'budget'.padStart(8)}\n`);
  for (const r of rows) process.stdout.write(`${r.label.padEnd(width)}  ${kb(r.minified).padStart(9)}  ${kb(r.gzip).padStart(8)}  ${kb(r.budget).padStart(8)}${r.gzip > r.budget ? '  OVER BUDGET' : ''}\n`);
  process.stdout.write(over.length === 0 ? 'all within budget\n' : `${over.length} over budget\n`);
}
process.exit(over.length === 0 ? 0 : 1);
