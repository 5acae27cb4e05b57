#!/usr/bin/env bash
# Builds podium-jre:local, a Java 17 runtime image, without any container registry:
#   1. debootstrap a Debian bookworm minbase root with openjdk-17-jre-headless, ca-certificates
#      and curl into a cache dir (reused when there), then apply bookworm-security updates in it,
#   2. `docker import` it as podium-base:bookworm-jre,
#   3. `docker build` the Dockerfile beside this script (non-root user 10001, JAVA_HOME, LANG).
# Usage: build.sh [--force] [IMAGE]     (IMAGE defaults to podium-jre:local)
# Skips all work when IMAGE exists and was built from the current Dockerfile and build.sh (a label
# holds their checksum); --force re-imports and rebuilds (the debootstrap cache is kept: delete it
# to start from scratch, e.g. to pick up newer security updates).
# Env:   PODIUM_IMAGE_CACHE (default /var/cache/podium-image, shared with ../mysql-image),
#        PODIUM_DEBIAN_MIRROR (default http://deb.debian.org/debian),
#        PODIUM_DEBIAN_SECURITY_MIRROR (default http://deb.debian.org/debian-security; set it to
#        "none" to skip the security updates).
# Needs a running Docker engine and debootstrap (../mysql-image/start-dockerd.sh provides both).
set -euo pipefail

force=0
if [ "${1:-}" = "--force" ]; then force=1; shift; fi
image="${1:-podium-jre:local}"
base="podium-base:bookworm-jre"
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=../lib/local-image.sh
. "$here/../lib/local-image.sh"
cache="${PODIUM_IMAGE_CACHE:-/var/cache/podium-image}"
mirror="${PODIUM_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
security="${PODIUM_DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}"
rootfs="$cache/bookworm-jre"
packages=openjdk-17-jre-headless,ca-certificates,curl

t0=$(date +%s)
step() { echo "[jre-image] $(( $(date +%s) - t0 ))s: $*"; }

require_docker
sum="$(cd "$here" && cat Dockerfile build.sh | sha256sum | cut -c1-16)"
image_is_current "$sum" && exit 0
# Ids of what this run replaces, removed at the end if nothing uses them any more.
old="$(image_ids "$image" "$base")"

# 1. Root file system. A finished one is renamed into place, so a half-done run is never reused.
if [ ! -d "$rootfs" ]; then
  command -v debootstrap >/dev/null || { echo "debootstrap missing: run deploy/mysql-image/start-dockerd.sh first" >&2; exit 1; }
  tmp="$rootfs.tmp"
  if mountpoint -q "$tmp/proc" 2>/dev/null; then umount "$tmp/proc"; fi
  rm -rf "$tmp"
  mkdir -p "$cache"
  step "debootstrap --variant=minbase --include=$packages bookworm into $tmp"
  debootstrap --variant=minbase --include="$packages" bookworm "$tmp" "$mirror"
  if [ "$security" != none ]; then
    # The JRE faces the network: take bookworm-security's updates (openjdk-17 gets a new build
    # every quarter). Done in a chroot, where the package scripts need /proc (Java runs in the
    # ca-certificates-java trigger).
    step "apt-get upgrade from bookworm-security in the chroot"
    printf 'deb %s bookworm main\ndeb %s bookworm-security main\n' "$mirror" "$security" >"$tmp/etc/apt/sources.list"
    cp /etc/resolv.conf "$tmp/etc/resolv.conf"
    mount -t proc proc "$tmp/proc"
    trap 'umount "$tmp/proc" 2>/dev/null || true' EXIT
    chroot "$tmp" /usr/bin/env DEBIAN_FRONTEND=noninteractive apt-get -q update
    chroot "$tmp" /usr/bin/env DEBIAN_FRONTEND=noninteractive apt-get -q -y upgrade
    umount "$tmp/proc"
    trap - EXIT
    printf 'deb %s bookworm main\n' "$mirror" >"$tmp/etc/apt/sources.list"
  fi
  step "trimming the root file system"
  trim_rootfs "$tmp"
  mv "$tmp" "$rootfs"
else
  step "reusing $rootfs"
fi

# 2. Base image from the root file system.
import_rootfs "$rootfs" "$base"

# 3. The runtime image. BuildKit is off: the legacy builder needs no extra images.
step "docker build -> $image"
DOCKER_BUILDKIT=0 docker build -q --label "podium.source-sum=$sum" -t "$image" "$here" >/dev/null
# shellcheck disable=SC2086 # one id per word
remove_untagged $old
step "done: $image ($(image_size "$image"), $(docker run --rm "$image" java -version 2>&1 | head -n 1))"
