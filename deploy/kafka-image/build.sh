#!/usr/bin/env bash
# Builds podium-kafka:local, a Kafka KRaft broker image, without any container registry:
#   1. podium-jre:local (../jre-image/build.sh; a no-op when it is up to date),
#   2. the broker's jars from Maven Central (`mvnw -f pom.xml dependency:copy-dependencies`, with
#      the root pom's kafka.version) into target/libs,
#   3. `docker build` of the Dockerfile beside this script FROM podium-jre:local.
# Usage: build.sh [--force] [IMAGE]     (IMAGE defaults to podium-kafka:local)
# Skips steps 2-3 when IMAGE exists and was built from the current files, Kafka version and base
# image (a label holds their checksum); --force builds again.
# Env:   PODIUM_JRE_IMAGE (default podium-jre:local), MVNW_OPTS (extra options for mvnw).
set -euo pipefail

force=0
if [ "${1:-}" = "--force" ]; then force=1; shift; fi
image="${1:-podium-kafka:local}"
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=../lib/local-image.sh
. "$here/../lib/local-image.sh"
root="$(cd "$here/../.." && pwd)"
jre="${PODIUM_JRE_IMAGE:-podium-jre:local}"

t0=$(date +%s)
step() { echo "[kafka-image] $(( $(date +%s) - t0 ))s: $*"; }

require_docker
if [ "$jre" = podium-jre:local ]; then
  "$root/deploy/jre-image/build.sh" "$jre"
fi
jre_id="$(docker image inspect -f '{{.Id}}' "$jre")"
kafka_version="$(pom_property kafka.version "$root/pom.xml")"

sum="$( (cd "$here" && cat Dockerfile build.sh pom.xml run.sh kafka-broker-api-versions.sh log4j2.properties tools-log4j2.properties; echo "$kafka_version $jre_id") | sha256sum | cut -c1-16)"
image_is_current "$sum" && exit 0
old="$(image_ids "$image")"

step "Kafka $kafka_version jars from Maven Central -> $here/target/libs"
rm -rf "$here/target/libs"
(cd "$root" && ./mvnw -q -B -ntp ${MVNW_OPTS:-} -f "$here/pom.xml" dependency:copy-dependencies \
  -Dkafka.version="$kafka_version" -DincludeScope=runtime -DoutputDirectory="$here/target/libs")

step "docker build -> $image"
DOCKER_BUILDKIT=0 docker build -q --build-arg "BASE=$jre" \
  --label "podium.source-sum=$sum" --label "org.opencontainers.image.title=podium-kafka" \
  --label "org.opencontainers.image.version=$kafka_version" \
  -t "$image" "$here" >/dev/null
# shellcheck disable=SC2086 # one id per word
remove_untagged $old
step "done: $image (Kafka $kafka_version, $(image_size "$image"))"
