// Puts the package's runtime dependencies (their whole tree, at the versions package-lock.json
// pins) into npm's cache, so test/runtime/consumer.test.ts can install the packed package with
// --offline. `npm install` from a lockfile fetches tarballs by address and caches no registry
// metadata, so on a fresh machine an offline install of the tarball finds none. Run before
// `npm test` (pretest); with --prefer-offline it reaches the registry only for what is missing.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
const specs = Object.entries(lock.packages)
  .filter(([path, entry]) => path.startsWith('node_modules/') && entry.dev !== true && entry.devOptional !== true && entry.link !== true)
  .map(([path, entry]) => `${path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)}@${entry.version}`);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['cache', 'add', '--prefer-offline', '--no-audit', '--no-fund', ...new Set(specs)], { cwd: root, encoding: 'utf8' });
if (result.status !== 0) {
  process.stderr.write(`npm cache add failed (the consumer test installs offline and will fail): ${result.stderr}\n`);
  process.exit(1);
}
