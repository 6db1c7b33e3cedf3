#!/usr/bin/env bash
# Executes every notebook in notebooks/ headless on Deno's Jupyter kernel and fails when a cell
# throws (cells check their results with assert(), which throws).
# Installs what it needs, idempotently:
#   - Jupyter's nbconvert and kernel machinery from Debian, only when `jupyter nbconvert` is missing;
#   - the Deno kernel spec, with the deno from node_modules (written under ~/.local/share/jupyter);
#   - dist/, with `npm run build`, when it is missing or older than src/.
# Usage: npm run test:notebooks   (after npm install)
set -euo pipefail
cd "$(dirname "$0")/.."

if ! jupyter nbconvert --version >/dev/null 2>&1; then
  echo "Installing jupyter-nbconvert, python3-nbclient and python3-ipykernel (Debian packages)"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y jupyter-nbconvert python3-nbclient python3-ipykernel
fi

deno=node_modules/.bin/deno
if [ ! -x "$deno" ]; then
  echo "node_modules/.bin/deno is missing: run npm install first"
  exit 1
fi
"$deno" jupyter --install --force >/dev/null

if [ ! -f dist/index.js ] || [ -n "$(find src -name '*.ts' -newer dist/index.js -print -quit)" ]; then
  npm run build
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
status=0
for notebook in notebooks/*.ipynb; do
  echo "== executing $notebook"
  # nbconvert runs the kernel in the notebook's folder, so notebooks/deno.json applies.
  if timeout 900 jupyter nbconvert --to notebook --execute \
    --ExecutePreprocessor.kernel_name=deno --ExecutePreprocessor.timeout=600 \
    --output-dir "$out" "$notebook"; then
    echo "ok: $notebook"
  else
    echo "FAILED: $notebook (a cell threw; see the error above)"
    status=1
  fi
done
exit "$status"
