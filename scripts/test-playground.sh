#!/usr/bin/env bash
# The playground test: installs Chromium when it is missing (Debian's package), builds the package
# and the page, type-checks the page's source, and loads it in headless Chromium
# (test/playground/playground.browser.ts). The screenshot goes to examples/playground/dist/screenshot.png.
# Usage: npm run test:playground
set -euo pipefail
cd "$(dirname "$0")/.."
chromium=$(bash scripts/ensure-chromium.sh)
node scripts/ensure-built.mjs
npx --no-install tsc --noEmit -p examples/playground
node examples/playground/build.mjs
CHROMIUM="$chromium" npx --no-install vitest run --config test/playground/vitest.config.ts
echo "screenshot: examples/playground/dist/screenshot.png"
