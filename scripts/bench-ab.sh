#!/usr/bin/env bash
# npm run bench:ab -- [base-ref] [count] [spread] [rounds] [recommend|caseload|load|search]
# Times recommend() at git ref `base-ref` (default HEAD) and in the working tree, in one process
# (see scripts/bench-ab.ts for why). The base's src/ is extracted with git archive into
# .bench/ab-<sha>/ (node_modules resolve from the repository root), and a small driver
# importing both versions is bundled with tsup, as `npm run bench` does.
set -euo pipefail
base=${1:-HEAD}
count=${2:-100000}
spread=${3:-national}
rounds=${4:-10}
workload=${5:-recommend}
case "$spread" in national | city) ;; *) echo "spread must be national or city" >&2; exit 2 ;; esac
case "$workload" in recommend | caseload | load | search) ;; *) echo "workload must be recommend, caseload, load or search" >&2; exit 2 ;; esac
[[ "$count" =~ ^[0-9]+$ && "$rounds" =~ ^[0-9]+$ ]] || { echo "count and rounds must be whole numbers" >&2; exit 2; }
root=$(git rev-parse --show-toplevel)
sha=$(git rev-parse --short "$base^{commit}")
dir="$root/.bench/ab-$sha"
rm -rf "$dir"
mkdir -p "$dir"
git -C "$root" archive "$sha" src | tar -x -C "$dir"
cat > "$dir/driver.ts" <<TS
import * as base from './src/index.js';
import * as head from '$root/src/index.js';
import { compare } from '$root/scripts/bench-ab.js';
compare(base, head, { baseName: '$base ($sha)', count: $count, spread: '$spread', rounds: $rounds, workload: '$workload' });
TS
npx tsup "$dir/driver.ts" --no-config --format esm --platform node --target node20 --out-dir "$dir/out" --silent
node --max-old-space-size=16000 "$dir/out/driver.js"
