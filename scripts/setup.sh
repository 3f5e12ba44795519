#!/usr/bin/env bash
# Installs everything the project needs on a fresh Debian 12 machine with Node 20 (20.19+) and npm 11:
# the Debian tools the tests use, then the npm packages (whose `prepare` step builds the CLI).
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian package, and the file that shows it is installed.
required=(
  "shellcheck /usr/bin/shellcheck"
  "systemd /usr/bin/systemd-analyze"
  "nginx /usr/sbin/nginx"
  "openssl /usr/bin/openssl"
  # The browser tests drive Debian's Chromium; Playwright never downloads one.
  "chromium /usr/bin/chromium"
  # Go's text/template and sprig render the Helm chart in the tests, as helm does.
  "golang-go /usr/bin/go"
  "golang-github-masterminds-sprig-dev /usr/share/gocode/src/github.com/Masterminds/sprig/functions.go"
  "golang-gopkg-yaml.v3-dev /usr/share/gocode/src/gopkg.in/yaml.v3/yaml.go"
)
missing=()
for entry in "${required[@]}"; do
  read -r package file <<<"$entry"
  [ -e "$file" ] || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# `npm ci` trips over npm's lockfile bug for platform-specific optional packages; `npm install` follows
# the lockfile. Browsers are never downloaded: the browser tests use Debian's Chromium.
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund
