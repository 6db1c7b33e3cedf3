#!/usr/bin/env bash
# Prints the path of a Chromium for the playground test, installing Debian's `chromium` package
# first when there is none (apt-get; with sudo when not root). Idempotent.
# Usage: bash scripts/ensure-chromium.sh   (prints e.g. /usr/bin/chromium)
set -euo pipefail

find_chromium() {
  for candidate in "${CHROMIUM:-}" chromium chromium-browser; do
    if [ -n "$candidate" ] && command -v "$candidate" >/dev/null 2>&1; then command -v "$candidate"; return 0; fi
  done
  return 1
}

if ! find_chromium >/dev/null; then
  echo "Installing chromium (Debian package) for the playground test" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y chromium >&2
fi
find_chromium
