#!/usr/bin/env bash
# Smoke test of Podium's container images and deploy/compose.yaml, offline (CI):
#   1. a Docker engine (started with ../mysql-image/start-dockerd.sh if none answers; stopped again
#      at the end only then) and a Compose tool (`docker compose`, else `docker-compose`; installs
#      Debian's docker-compose package when neither is there),
#   2. the local images: podium-mysql:local, podium-jre:local, podium-kafka:local,
#      podium-greenmail:local (each build.sh is a no-op when its image is up to date),
#   3. the three service images and the gateway's with Maven/Jib on podium-jre:local
#      (./mvnw -Pimages -Dmaven.test.skip=true package -pl <services>,deploy/gateway -am
#       -Dpodium.image.base=docker://podium-jre:local -Dpodium.image.skipShade=true),
#   4. `compose up -d` with the local images and a throw-away .env (random passwords and secrets),
#      then waits until the gateway's and each service's /health answer UP,
#   5. checks the platform through the gateway, its one public origin: a group created on
#      events-service can be read back; talks-service learns of it through Kafka (its open call for
#      papers can be set, at /groups/{slug}/cfp, a talks-service path under events-service's);
#      joining the group's mailing list makes notifications-service send the opt-in mail, which
#      arrives in the mail catcher (GreenMail's REST API) with a link on the gateway's origin; that
#      link's page and the form it posts work through the gateway; the services' /prometheus is not
#      reachable through it,
#   6. `compose down -v` (always, also on failure, after printing the containers' state and logs).
# Exits non-zero on any failure; prints each stage's duration and the total.
#
# Env: PODIUM_SMOKE_TIMEOUT   seconds for the stack to become healthy (default 300),
#      PODIUM_SMOKE_KEEP=1    leave the stack running (tear down later with the printed command),
#      PODIUM_SMOKE_SKIP_BUILD=1  reuse the images already built (stages 2-3 skipped),
#      PODIUM_SMOKE_JAVA_TOOL_OPTIONS  JVM options of the services (default -XX:TieredStopAtLevel=1,
#                             a faster start on small machines; set it empty for the images' defaults),
#      PODIUM_SMOKE_PORT_BASE ports on 127.0.0.1: base+80 for the gateway, base+81/82/83 for the
#                             services, base+25 for GreenMail's API, base+90 for the token issuer
#                             (default 18000 -> 18080, 18081, 18082, 18083, 18025, 18090),
#      MVNW_OPTS              extra options for ./mvnw (e.g. -o).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
deploy="$root/deploy"
project="podium-smoke"
timeout="${PODIUM_SMOKE_TIMEOUT:-300}"
port_base="${PODIUM_SMOKE_PORT_BASE:-18000}"
gateway_url="http://127.0.0.1:$((port_base + 80))"
events_url="http://127.0.0.1:$((port_base + 81))"
talks_url="http://127.0.0.1:$((port_base + 82))"
notifications_url="http://127.0.0.1:$((port_base + 83))"
mail_api_url="http://127.0.0.1:$((port_base + 25))"
issuer_url="http://127.0.0.1:$((port_base + 90))"
export DOCKER_BUILDKIT=0 TESTCONTAINERS_RYUK_DISABLED=true

started=$(date +%s)
stage_started=$started
current_stage=""
summary=()
stage() {
  local now; now=$(date +%s)
  if [ -n "$current_stage" ]; then
    summary+=("$(printf '%5ss  %s' "$((now - stage_started))" "$current_stage")")
    echo "=== [smoke] $current_stage: $((now - stage_started))s"
  fi
  current_stage="$1"; stage_started=$now
  [ "$1" = done ] || echo "=== [smoke] $1 ..."
}
fail() { echo "=== [smoke] FAILED: $*" >&2; exit 1; }

# --- teardown, always ------------------------------------------------------------------------------
compose=()
env_file=""
started_engine=0
stack_up=0
finish() {
  local rc=$?
  if [ -n "$current_stage" ] && [ "$current_stage" != done ]; then
    summary+=("$(printf '%5ss  %s (interrupted)' "$(($(date +%s) - stage_started))" "$current_stage")")
  fi
  if [ "$stack_up" = 1 ]; then
    if [ "$rc" != 0 ]; then
      echo "=== [smoke] state of the stack:" >&2
      "${compose[@]}" ps >&2 || true
      for s in mysql kafka mail gateway events-service talks-service notifications-service; do
        echo "=== [smoke] last log lines of $s:" >&2
        "${compose[@]}" logs --no-color --tail=40 "$s" >&2 || true
      done
    fi
    if [ "${PODIUM_SMOKE_KEEP:-0}" = 1 ]; then
      echo "=== [smoke] stack left running; remove it with: ${compose[*]} down -v"
    else
      local t; t=$(date +%s)
      "${compose[@]}" down -v --remove-orphans >/dev/null 2>&1 || echo "=== [smoke] warning: compose down failed" >&2
      summary+=("$(printf '%5ss  %s' "$(($(date +%s) - t))" "compose down -v")")
    fi
  fi
  if [ -n "$env_file" ] && [ "${PODIUM_SMOKE_KEEP:-0}" != 1 ]; then rm -f "$env_file"; fi
  if [ "$started_engine" = 1 ]; then bash "$deploy/mysql-image/stop-dockerd.sh" || true; fi
  echo "=== [smoke] durations:"
  printf '%s\n' "${summary[@]}"
  echo "=== [smoke] total: $(($(date +%s) - started))s ($([ "$rc" = 0 ] && echo passed || echo "FAILED, exit $rc"))"
  exit "$rc"
}
trap finish EXIT

# --- 1. engine and compose -------------------------------------------------------------------------
stage "Docker engine and Compose"
if ! docker info >/dev/null 2>&1; then
  bash "$deploy/mysql-image/start-dockerd.sh"
  started_engine=1
fi
if docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
elif command -v docker-compose >/dev/null; then
  compose=(docker-compose)
else
  echo "[smoke] no Compose tool: apt-get install docker-compose"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends docker-compose >/dev/null \
    || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends docker-compose >/dev/null; }
  compose=(docker-compose)
fi
echo "[smoke] compose: ${compose[*]} ($("${compose[@]}" version 2>/dev/null | head -n 1))"

version="$(sed -n '/<artifactId>podium<\/artifactId>/{n;s:.*<version>\(.*\)</version>.*:\1:p;}' "$root/pom.xml" | head -n 1)"
[ -n "$version" ] || fail "cannot read the project version from $root/pom.xml"

# --- 2-3. images -----------------------------------------------------------------------------------
if [ "${PODIUM_SMOKE_SKIP_BUILD:-0}" != 1 ]; then
  stage "local images: podium-mysql, podium-jre, podium-kafka, podium-greenmail"
  bash "$deploy/mysql-image/build.sh" podium-mysql:local
  bash "$deploy/jre-image/build.sh" podium-jre:local
  bash "$deploy/kafka-image/build.sh" podium-kafka:local
  bash "$deploy/greenmail-image/build.sh" podium-greenmail:local

  stage "service and gateway images with Maven/Jib (podium/<name>:$version on docker://podium-jre:local)"
  revision="$(git -C "$root" rev-parse HEAD 2>/dev/null || echo unknown)"
  # Ids of the images this build replaces, removed afterwards once untagged (module jars carry
  # build timestamps, so a rebuild usually yields new images and would leave the old ones dangling).
  old_ids="$(docker image inspect -f '{{.Id}}' "podium/events-service:$version" "podium/talks-service:$version" \
    "podium/notifications-service:$version" "podium/dev-issuer:$version" "podium/gateway:$version" 2>/dev/null || true)"
  mvn_log="$(mktemp /tmp/podium-smoke-mvn.XXXXXX)"
  if ! (cd "$root" && ./mvnw -B -ntp ${MVNW_OPTS:-} -Pimages -Dmaven.test.skip=true package \
          -pl events-service,talks-service,notifications-service,dev-issuer,deploy/gateway -am \
          -Dpodium.image.base=docker://podium-jre:local -Dpodium.image.prefix=podium \
          -Dpodium.image.tag="$version" -Dpodium.image.revision="$revision" -Dpodium.image.skipShade=true) >"$mvn_log" 2>&1; then
    tail -n 80 "$mvn_log" >&2
    fail "Maven/Jib image build (log: $mvn_log)"
  fi
  grep -E '^\[INFO\] (Built image to Docker daemon as|Using base image|BUILD|Total time)|^\[(WARNING|ERROR)\].*[Jj]ib' "$mvn_log" || true
  rm -f "$mvn_log"
  for id in $old_ids; do
    if [ -z "$(docker image inspect -f '{{.RepoTags}}' "$id" 2>/dev/null | tr -d '[]')" ]; then
      docker rmi "$id" >/dev/null 2>&1 || true
    fi
  done
fi
for s in events-service talks-service notifications-service dev-issuer gateway; do
  user="$(docker image inspect -f '{{.Config.User}}' "podium/$s:$version" 2>/dev/null)" || fail "image podium/$s:$version missing"
  case "$user" in ""|0|0:*|root|root:*) fail "podium/$s:$version runs as root (user '$user')" ;; esac
done
docker image ls --format '[smoke] image {{.Repository}}:{{.Tag}} {{.Size}}' \
  | grep -E 'podium/|podium-(jre|kafka|greenmail|mysql):local' || true

# --- 4. compose up ---------------------------------------------------------------------------------
stage "compose up until every service is healthy"
env_file="$(mktemp /tmp/podium-smoke-env.XXXXXX)"
secret() { head -c 36 /dev/urandom | base64 | tr -d '/+=' | cut -c1-40; }
cat >"$env_file" <<EOF
COMPOSE_PROFILES=development
PODIUM_DEVELOPMENT=true
AUTH_JWKS_URL=http://issuer:8090/.well-known/jwks.json
AUTH_ISSUER=http://issuer:8090
AUTH_AUDIENCE=podium-local
PODIUM_ISSUER_PORT=$((port_base + 90))
PODIUM_MYSQL_IMAGE=podium-mysql:local
PODIUM_KAFKA_IMAGE=podium-kafka:local
PODIUM_MAIL_IMAGE=podium-greenmail:local
PODIUM_IMAGE_PREFIX=podium
PODIUM_IMAGE_TAG=$version
PODIUM_BIND_ADDRESS=127.0.0.1
PODIUM_SERVICES_BIND_ADDRESS=127.0.0.1
PODIUM_GATEWAY_PORT=$((port_base + 80))
PODIUM_EVENTS_PORT=$((port_base + 81))
PODIUM_TALKS_PORT=$((port_base + 82))
PODIUM_NOTIFICATIONS_PORT=$((port_base + 83))
PODIUM_MAIL_API_PORT=$((port_base + 25))
PODIUM_IMAP_PORT=$((port_base + 43))
MYSQL_ROOT_PASSWORD=$(secret)
PODIUM_EVENTS_DB_PASSWORD=$(secret)
PODIUM_TALKS_DB_PASSWORD=$(secret)
PODIUM_NOTIFICATIONS_DB_PASSWORD=$(secret)
# Letters and digits only: an id starting with '-' reads as an option to kafka-storage (--cluster-id -x…).
KAFKA_CLUSTER_ID=$(head -c 16 /dev/urandom | base64 | tr '+/' 'Kp' | cut -c1-22)
EVENTS_LINK_SECRET=$(secret)
TALKS_INVITATION_SECRET=$(secret)
NOTIFICATIONS_UNSUBSCRIBE_SECRET=$(secret)
NOTIFICATIONS_INVITATION_SECRET=$(secret)
# Every link in an email goes through the one public origin, the gateway.
EVENTS_PUBLIC_URL=$gateway_url
TALKS_PUBLIC_BASE_URL=$gateway_url
NOTIFICATIONS_PUBLIC_URL=$gateway_url
# CI machines are small: C1 only starts the three JVMs side by side faster (as ./podium up does).
PODIUM_JAVA_TOOL_OPTIONS=${PODIUM_SMOKE_JAVA_TOOL_OPTIONS--XX:TieredStopAtLevel=1}
PODIUM_GATEWAY_JAVA_TOOL_OPTIONS=${PODIUM_SMOKE_JAVA_TOOL_OPTIONS--XX:TieredStopAtLevel=1}
EOF
compose+=(--project-name "$project" --env-file "$env_file" --file "$deploy/compose.yaml")
# Whatever a previous run left behind (killed before its teardown).
"${compose[@]}" down -v --remove-orphans >/dev/null 2>&1 || true
stack_up=1
up_started=$(date +%s)
# `up -d` starts each service once what it depends on is healthy (mysql, kafka).
"${compose[@]}" up -d
# A service's container, by the labels both Compose v1 and v2 set (no Compose start-up cost).
container() { docker ps -q --filter "label=com.docker.compose.project=$project" --filter "label=com.docker.compose.service=$1"; }
health() { curl -fsS --max-time 3 "$1/health" 2>/dev/null | grep -q '"status" *: *"UP"'; }
for name_url in "gateway $gateway_url" "events-service $events_url" "talks-service $talks_url" "notifications-service $notifications_url"; do
  set -- $name_url
  until health "$2"; do
    [ $(($(date +%s) - up_started)) -lt "$timeout" ] || fail "$1 not UP at $2/health within ${timeout}s"
    sleep 2
  done
  echo "[smoke] $1 UP after $(($(date +%s) - up_started))s"
done
"${compose[@]}" ps

# --- 5. the platform answers -----------------------------------------------------------------------
stage "platform checks through the gateway (events -> Kafka -> talks, notifications -> SMTP, the emailed link)"
run_id="$(date +%s)$RANDOM"
slug="smoke-$run_id"
email="smoke-$run_id@example.org"
group_json="{\"slug\":\"$slug\",\"name\":\"Smoke test $run_id\",\"timeZone\":\"Europe/Paris\",\"language\":\"en\"}"
code=$(curl -sS -o /dev/null -w '%{http_code}' -X POST "$gateway_url/groups" -H 'Content-Type: application/json' -d "$group_json")
[ "$code" = 401 ] || fail "POST /groups without a token answered $code, not 401"
token=""
for _ in $(seq 30); do
  token=$(curl -fsS "$issuer_url/token?sub=smoke-orga-$run_id&name=Orga&email=orga-$run_id@example.org" 2>/dev/null) && break
  sleep 1
done
[ -n "$token" ] || fail "the development issuer at $issuer_url gave no token within 30s"
echo "[smoke] without a token: 401; token for smoke-orga-$run_id from the development issuer"
code=$(curl -sS -o /tmp/podium-smoke-group.json -w '%{http_code}' -X POST "$gateway_url/groups" \
  -H 'Content-Type: application/json' -H "Authorization: Bearer $token" -d "$group_json")
[ "$code" = 201 ] || fail "POST /groups answered $code: $(cat /tmp/podium-smoke-group.json)"
curl -fsS "$gateway_url/groups/$slug" | grep -q "\"slug\":\"$slug\"" || fail "GET /groups/$slug does not return the group"
echo "[smoke] events-service: group $slug created and read back through the gateway"
checks_started=$(date +%s)

deadline=$(($(date +%s) + 90))
until code=$(curl -sS -o /tmp/podium-smoke-cfp.json -w '%{http_code}' -X PUT "$gateway_url/groups/$slug/cfp" \
      -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
      -d '{"opensAt":"2026-01-01T00:00:00Z","closesAt":"2099-01-01T00:00:00Z"}') && [ "$code" = 200 ]; do
  [ "$(date +%s)" -lt "$deadline" ] || fail "talks-service never learnt of group $slug (PUT cfp: $code $(cat /tmp/podium-smoke-cfp.json))"
  sleep 1
done
echo "[smoke] talks-service: knows group $slug through Kafka after $(($(date +%s) - checks_started))s (call for papers set)"

code=$(curl -sS -o /tmp/podium-smoke-member.json -w '%{http_code}' -X POST "$gateway_url/groups/$slug/members" \
  -H 'Content-Type: application/json' -d "{\"name\":\"Ada Smoke\",\"email\":\"$email\"}")
case "$code" in 200|201) ;; *) fail "POST /groups/$slug/members answered $code: $(cat /tmp/podium-smoke-member.json)" ;; esac
deadline=$(($(date +%s) + 90))
until curl -fsS "$mail_api_url/api/user/$email/messages/" 2>/dev/null | grep -q '"subject"'; do
  [ "$(date +%s)" -lt "$deadline" ] || fail "no mail for $email in the mail catcher within 90s"
  sleep 1
done
echo "[smoke] notifications-service: opt-in mail to $email delivered after $(($(date +%s) - checks_started))s ($(curl -fsS "$mail_api_url/api/user/$email/messages/" | grep -o '"subject":"[^"]*"' | head -n 1))"
health "$notifications_url" || fail "notifications-service not UP after sending"

# The mail's opt-in link is on the gateway's origin (quoted-printable undone: soft line breaks, =3D);
# its page and the form it posts (a relative action, same origin) work through the gateway.
link="$(curl -fsS "$mail_api_url/api/user/$email/messages/" | sed -e 's/=\\r\\n//g' -e 's/=3D/=/g' \
  | grep -oE "$gateway_url/groups/$slug/members/[A-Za-z0-9-]+/confirmation\?token=[A-Za-z0-9_.%-]+" | head -n 1)" || true
[ -n "$link" ] || fail "the opt-in mail has no confirmation link on $gateway_url: $(curl -fsS "$mail_api_url/api/user/$email/messages/" | head -c 3000)"
page="$(curl -fsS "$link")" || fail "GET of the emailed link $link through the gateway failed"
action="$(printf '%s' "$page" | grep -o 'action="[^"]*"' | head -n 1 | sed -e 's/^action="//' -e 's/"$//' -e 's/&amp;/\&/g')"
case "$action" in /groups/*) ;; *) fail "the confirmation page's form action is not a path on the same origin: '$action'" ;; esac
code=$(curl -sS -o /tmp/podium-smoke-confirm.json -w '%{http_code}' -X POST "$gateway_url$action" \
  -H "Origin: $gateway_url" -H 'Content-Type: application/x-www-form-urlencoded' --data '')
[ "$code" = 200 ] || fail "POST $action through the gateway (same-origin form) answered $code: $(cat /tmp/podium-smoke-confirm.json)"
grep -q '"status":"ACTIVE"' /tmp/podium-smoke-confirm.json \
  || fail "the membership is not active after the confirmation: $(cat /tmp/podium-smoke-confirm.json)"
code=$(curl -sS -o /dev/null -w '%{http_code}' "$gateway_url/prometheus")
[ "$code" = 404 ] || fail "GET /prometheus through the gateway answered $code, not 404"
echo "[smoke] gateway: the emailed link ($gateway_url/groups/$slug/members/…) opens its page, its form confirms; /prometheus is not forwarded"
for s in gateway events-service talks-service notifications-service; do
  uid="$(docker exec "$(container "$s")" id -u)"
  [ "$uid" != 0 ] || fail "$s runs as root in its container"
done
echo "[smoke] the gateway and the three services run as uid $uid, not root"
rm -f /tmp/podium-smoke-group.json /tmp/podium-smoke-cfp.json /tmp/podium-smoke-member.json /tmp/podium-smoke-confirm.json

# Memory of the running containers, for the record.
docker stats --no-stream --format '[smoke] {{.Name}}: {{.MemUsage}}' \
  $(docker ps -q --filter "label=com.docker.compose.project=$project") 2>/dev/null || true

stage "done"
