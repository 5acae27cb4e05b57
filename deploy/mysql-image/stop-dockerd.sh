#!/usr/bin/env bash
# Stops the dockerd that start-dockerd.sh started (by its pid file); running containers are
# stopped by dockerd on the way down. Bounded: SIGTERM, then SIGKILL after the timeout.
# Env: PODIUM_DOCKERD_PIDFILE (default /tmp/podium-dockerd.pid), PODIUM_DOCKERD_STOP_TIMEOUT (30 s).
set -euo pipefail

pid_file="${PODIUM_DOCKERD_PIDFILE:-/tmp/podium-dockerd.pid}"
timeout="${PODIUM_DOCKERD_STOP_TIMEOUT:-30}"
say() { echo "[stop-dockerd] $*"; }

if [ ! -f "$pid_file" ]; then say "no $pid_file: nothing started by start-dockerd.sh"; exit 0; fi
pid="$(cat "$pid_file")"
if ! kill -0 "$pid" 2>/dev/null || [ "$(cat "/proc/$pid/comm" 2>/dev/null)" != "dockerd" ]; then
  say "dockerd ($pid) is not running"; rm -f "$pid_file"; exit 0
fi
kill -TERM "$pid"
for _ in $(seq 1 "$timeout"); do
  if ! kill -0 "$pid" 2>/dev/null; then say "stopped dockerd ($pid)"; rm -f "$pid_file"; exit 0; fi
  sleep 1
done
say "dockerd ($pid) still running after ${timeout}s: sending SIGKILL" >&2
kill -KILL "$pid" 2>/dev/null || true
rm -f "$pid_file"
