#!/usr/bin/env bash
# Installs everything the project needs on a fresh Debian 12 machine with Node 20 and npm 11:
# the Debian tools the tests use, then the npm packages (whose `prepare` step builds the CLI).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v shellcheck >/dev/null 2>&1 || missing+=(shellcheck)
command -v systemd-analyze >/dev/null 2>&1 || missing+=(systemd)
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# `npm ci` trips over npm's lockfile bug for platform-specific optional packages; `npm install` follows
# the lockfile. Browsers are never downloaded: the browser tests use Debian's Chromium.
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund
