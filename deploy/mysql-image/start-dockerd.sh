#!/usr/bin/env bash
# Makes a Docker engine available on a Debian 12 machine that has only the Docker CLI.
# Idempotent: installs docker.io + debootstrap if missing, starts dockerd in the background if
# `docker info` does not answer, and waits (bounded) until it does.
# Env: PODIUM_DOCKERD_LOG (default /tmp/dockerd.log), PODIUM_DOCKERD_PIDFILE (default
#      /tmp/podium-dockerd.pid, read by stop-dockerd.sh), PODIUM_DOCKERD_TIMEOUT (default 60 s),
#      PODIUM_DOCKERD_STORAGE_DRIVER (default: overlay2 if an overlay mount works here, else vfs).
set -euo pipefail

log_file="${PODIUM_DOCKERD_LOG:-/tmp/dockerd.log}"
pid_file="${PODIUM_DOCKERD_PIDFILE:-/tmp/podium-dockerd.pid}"
timeout="${PODIUM_DOCKERD_TIMEOUT:-60}"
say() { echo "[start-dockerd] $*"; }

if ! command -v dockerd >/dev/null || ! command -v debootstrap >/dev/null; then
  say "installing docker.io and debootstrap"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q || say "warning: apt-get update failed, trying the install anyway"
  apt-get install -y -q --no-install-recommends docker.io debootstrap
fi

if docker info >/dev/null 2>&1; then
  say "a Docker engine already answers"
else
  flags=()
  # overlay2 needs overlay mounts; test one, as some sandboxes refuse them (then: vfs, slower).
  driver="${PODIUM_DOCKERD_STORAGE_DRIVER:-}"
  if [ -z "$driver" ]; then
    d="$(mktemp -d)"; mkdir "$d/l" "$d/u" "$d/w" "$d/m"
    if mount -t overlay overlay -o "lowerdir=$d/l,upperdir=$d/u,workdir=$d/w" "$d/m" 2>/dev/null; then
      umount "$d/m"; driver=overlay2
    else
      driver=vfs
    fi
    rm -rf "$d"
  fi
  flags+=("--storage-driver=$driver")
  # Without working iptables dockerd does not start; published ports still work without it
  # (docker-proxy forwards them), only outbound NAT from containers is lost.
  if ! iptables -t nat -L -n >/dev/null 2>&1; then
    flags+=(--iptables=false --ip-masq=false)
  fi
  say "starting dockerd ${flags[*]} (log: $log_file)"
  # setsid: dockerd leaves the caller's process group, so it outlives the calling shell/job.
  setsid dockerd "${flags[@]}" >>"$log_file" 2>&1 </dev/null &
  echo $! >"$pid_file"
fi

for _ in $(seq 1 "$timeout"); do
  if docker info >/dev/null 2>&1; then
    say "ready: $(docker version --format 'client {{.Client.Version}} (API {{.Client.APIVersion}}), server {{.Server.Version}} (API {{.Server.APIVersion}})'), storage $(docker info --format '{{.Driver}}')"
    exit 0
  fi
  if [ -f "$pid_file" ] && ! kill -0 "$(cat "$pid_file")" 2>/dev/null; then
    say "dockerd exited; last lines of $log_file:" >&2; tail -n 20 "$log_file" >&2; exit 1
  fi
  sleep 1
done
say "dockerd did not answer within ${timeout}s; last lines of $log_file:" >&2
tail -n 20 "$log_file" >&2
exit 1
