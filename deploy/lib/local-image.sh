# Sourced by deploy/*/build.sh: building a local image without a registry, and only when its
# sources changed. A label (podium.source-sum) on the image holds the checksum of its sources.
# The caller sets $image and $force (0 or 1) and defines step().

require_docker() {
  docker info >/dev/null 2>&1 || { echo "no Docker engine answers: run deploy/mysql-image/start-dockerd.sh" >&2; exit 1; }
}

# True (and says so) when $image was built from sources with this checksum and --force was not given.
image_is_current() {
  local label='{{index .Config.Labels "podium.source-sum"}}'
  if [ "$force" = 0 ] && [ "$(docker image inspect -f "$label" "$image" 2>/dev/null)" = "$1" ]; then
    step "$image is up to date (use --force to rebuild)"
    return 0
  fi
  return 1
}

# The ids of the given images that exist (what a rebuild is about to replace).
image_ids() {
  docker image inspect -f '{{.Id}}' "$@" 2>/dev/null || true
}

# Removes the given image ids that no tag names any more.
remove_untagged() {
  local id
  for id in "$@"; do
    if [ -z "$(docker image inspect -f '{{.RepoTags}}' "$id" 2>/dev/null | tr -d '[]')" ]; then
      docker rmi "$id" >/dev/null 2>&1 || true
    fi
  done
}

image_size() {
  docker image inspect -f '{{.Size}}' "$1" | awk '{printf "%.0f MB", $1/1e6}'
}

# A property of a pom.xml: pom_property kafka.version path/to/pom.xml
pom_property() {
  local value
  value="$(sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$2" | head -n 1)"
  [ -n "$value" ] || { echo "no <$1> in $2" >&2; exit 1; }
  echo "$value"
}

# Drops what a container never needs from a debootstrapped root: apt caches and lists, docs, man
# pages, locales, logs, and the host's resolv.conf/hostname debootstrap copied (Docker supplies its
# own). Further paths under the root may follow: trim_rootfs DIR [RELATIVE_PATH ...]
trim_rootfs() {
  local root="$1" extra
  shift
  rm -rf "$root"/var/cache/apt/* "$root"/var/lib/apt/lists/* "$root"/var/cache/debconf/*-old \
    "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/info/* \
    "$root"/usr/share/locale/* "$root"/var/log/*.log "$root"/var/log/apt/* \
    "$root"/etc/resolv.conf "$root"/etc/hostname
  for extra in "$@"; do
    # shellcheck disable=SC2086 # the path may be a glob, e.g. var/lib/mysql/*
    rm -rf "${root:?}"/$extra
  done
}

# `docker import`s a root file system as a base image, unless it exists (and --force was not given).
import_rootfs() {
  local rootfs="$1" base="$2"
  if [ "$force" = 1 ] || ! docker image inspect "$base" >/dev/null 2>&1; then
    step "docker import -> $base"
    tar --numeric-owner -C "$rootfs" -c . | docker import - "$base" >/dev/null
  else
    step "reusing $base"
  fi
}
