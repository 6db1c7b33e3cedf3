// Builds the playground into examples/playground/dist/: app.js (the page's code and the package's
// browser bundle, from this checkout's dist/ as a consumer would import it), index.html, style.css.
//   node examples/playground/build.mjs      (after npm run build)
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const out = join(here, 'dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** `activity-match` and its subpaths, resolved through the package's exports map as a bundler would. */
const packageExports = {
  name: 'activity-match-exports',
  setup(b) {
    b.onResolve({ filter: /^activity-match(\/.*)?$/ }, (args) => {
      const subpath = args.path === 'activity-match' ? '.' : `./${args.path.slice('activity-match/'.length)}`;
      const file = pkg.exports?.[subpath]?.import?.default;
      const path = file === undefined ? undefined : join(root, file);
      if (path === undefined || !existsSync(path)) return { errors: [{ text: `${args.path}: not built (run npm run build)` }] };
      return { path };
    });
  },
};

mkdirSync(out, { recursive: true });
await build({
  entryPoints: [join(here, 'src/main.ts')],
  outfile: join(out, 'app.js'),
  bundle: true,
  minify: true,
  sourcemap: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  plugins: [packageExports],
  logLevel: 'error',
});
for (const file of ['index.html', 'style.css']) copyFileSync(join(here, file), join(out, file));
