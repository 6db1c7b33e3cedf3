// Builds dist/ with tsup when it is missing or older than what it is built from (src/, the bundled
// fixtures, package.json, tsup.config.ts). Run before `npm start` and `npm test` (prestart, pretest), so a
// fresh clone works after `npm install` without an install script: a consumer installing the
// package never runs one (the published tarball carries dist/, built by `prepack`).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outputs = ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/cli.js'].map((f) => join(root, f));

/** Newest modification time under `path` (a file or a folder), in ms. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const name of readdirSync(path)) latest = Math.max(latest, newest(join(path, name)));
  return latest;
}

const built = Math.min(...outputs.map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0)));
const sources = Math.max(...['src', 'fixtures/catalogue.json', 'fixtures/personas.json', 'package.json', 'tsup.config.ts', 'scripts/build'].map((p) => newest(join(root, p))));
if (built === 0 || sources > built) {
  process.stderr.write(`building dist/ (${built === 0 ? 'missing' : 'older than its sources'})\n`);
  const result = spawnSync(process.execPath, [join(root, 'node_modules/tsup/dist/cli-default.js'), '--silent'], { cwd: root, stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
