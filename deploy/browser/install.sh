#!/usr/bin/env bash
# Installs what the browser tests need (test-support's dev.podium.testsupport.browser.Browser) on
# Debian 12, as root: Debian's chromium + chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)
# with the fonts the screenshots rely on, and axe-core from npm into .podium-browser/ at the
# repository root (git-ignored), where Browser looks for it. Idempotent and quiet: each part is
# skipped when already in place.
# Env: PODIUM_AXE_VERSION (default below), PODIUM_BROWSER_TOOLS (default <repo>/.podium-browser;
#      point the tests at another one with PODIUM_AXE_SCRIPT=<dir>/node_modules/axe-core/axe.min.js).
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
axe_version="${PODIUM_AXE_VERSION:-4.14.1}"
tools="${PODIUM_BROWSER_TOOLS:-$root/.podium-browser}"
say() { echo "[browser-install] $*"; }

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  # Another apt (an image's first boot, a parallel job) may hold the lock: wait for it, bounded.
  local apt=(apt-get -q -o DPkg::Lock::Timeout=600)
  "${apt[@]}" update >/dev/null || say "warning: apt-get update failed, trying the install anyway"
  "${apt[@]}" install -y --no-install-recommends "$@" >/dev/null
}

installed_package() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]; }

# Without recommends (they bring printing and desktop services), but with the fonts pages name
# (Liberation: Arial/Helvetica metrics; DejaVu: accents and symbols), so screenshots do not depend on
# what else the machine happens to have.
packages=(chromium chromium-driver fonts-liberation fonts-dejavu-core)
missing=()
for package in "${packages[@]}"; do
  installed_package "$package" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ] || [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing ${packages[*]} (apt)"
  [ "$(id -u)" = 0 ] || { say "apt-get needs root: run this script as root (sudo)" >&2; exit 1; }
  apt_install "${packages[@]}"
fi

if ! command -v npm >/dev/null; then
  say "installing npm (apt)"
  [ "$(id -u)" = 0 ] || { say "apt-get needs root: run this script as root (sudo)" >&2; exit 1; }
  apt_install npm
fi

installed="$(sed -n 's/^  "version": "\(.*\)",$/\1/p' "$tools/node_modules/axe-core/package.json" 2>/dev/null || true)"
if [ "$installed" != "$axe_version" ] || [ ! -s "$tools/node_modules/axe-core/axe.min.js" ]; then
  say "installing axe-core@$axe_version (npm) into $tools"
  mkdir -p "$tools"
  npm install --no-save --no-audit --no-fund --no-package-lock --loglevel=error \
    --prefix "$tools" "axe-core@$axe_version" >/dev/null
fi

say "ready: $(/usr/bin/chromium --version 2>/dev/null), $(/usr/bin/chromedriver --version | cut -d' ' -f1-2), axe-core $axe_version ($tools/node_modules/axe-core/axe.min.js)"
