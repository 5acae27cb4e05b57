#!/usr/bin/env bash
# Builds a local MySQL-compatible (MariaDB 10.11) image without any container registry:
#   1. debootstrap a Debian bookworm root with mariadb-server into a cache dir (reused when there),
#   2. `docker import` it as podium-base:bookworm-mariadb,
#   3. `docker build` the Dockerfile beside this script (entrypoint that behaves like mysql's).
# Usage: build.sh [--force] [IMAGE]     (IMAGE defaults to podium-mysql:local)
# Skips all work when IMAGE exists and was built from the current Dockerfile, entrypoint.sh and
# mariadb.cnf (a label holds their checksum); --force re-imports and rebuilds (the debootstrap
# cache is kept: delete it to start from scratch).
# Env:   PODIUM_IMAGE_CACHE (default /var/cache/podium-image), PODIUM_DEBIAN_MIRROR.
# Needs a running Docker engine (see start-dockerd.sh) and debootstrap (installed by it).
set -euo pipefail

force=0
if [ "${1:-}" = "--force" ]; then force=1; shift; fi
image="${1:-podium-mysql:local}"
base="podium-base:bookworm-mariadb"
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=../lib/local-image.sh
. "$here/../lib/local-image.sh"
cache="${PODIUM_IMAGE_CACHE:-/var/cache/podium-image}"
mirror="${PODIUM_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
rootfs="$cache/bookworm-mariadb"

t0=$(date +%s)
step() { echo "[build.sh] $(( $(date +%s) - t0 ))s: $*"; }

require_docker
sum="$(cd "$here" && cat Dockerfile entrypoint.sh mariadb.cnf | sha256sum | cut -c1-16)"
image_is_current "$sum" && exit 0
# Ids of what this run replaces, removed at the end if nothing uses them any more.
old="$(image_ids "$image" "$base")"

# 1. Root file system. A finished one is renamed into place, so a half-done run is never reused.
if [ ! -d "$rootfs" ]; then
  command -v debootstrap >/dev/null || { echo "debootstrap missing: run start-dockerd.sh first" >&2; exit 1; }
  tmp="$rootfs.tmp"
  rm -rf "$tmp"
  mkdir -p "$cache"
  step "debootstrap into $tmp"
  debootstrap --variant=minbase --include=mariadb-server bookworm "$tmp" "$mirror"
  step "trimming the root file system"
  # Also the data dir made by the package's postinst: the entrypoint initialises its own.
  trim_rootfs "$tmp" 'var/lib/mysql/*'
  mv "$tmp" "$rootfs"
else
  step "reusing $rootfs"
fi

# 2. Base image from the root file system.
import_rootfs "$rootfs" "$base"

# 3. The image with the entrypoint. BuildKit is off: the legacy builder needs no extra images.
step "docker build -> $image"
DOCKER_BUILDKIT=0 docker build -q --label "podium.source-sum=$sum" -t "$image" "$here" >/dev/null
# shellcheck disable=SC2086 # one id per word
remove_untagged $old
step "done: $image ($(image_size "$image"))"
