#!/usr/bin/env bash
# Builds podium-greenmail:local, a development mail catcher image, without any container registry:
#   1. podium-jre:local (../jre-image/build.sh; a no-op when it is up to date),
#   2. com.icegreen:greenmail-standalone at the root pom's greenmail.version from Maven Central
#      into target/,
#   3. `docker build` of the Dockerfile beside this script FROM podium-jre:local.
# Usage: build.sh [--force] [IMAGE]     (IMAGE defaults to podium-greenmail:local)
# Skips steps 2-3 when IMAGE exists and was built from the current files, GreenMail version and base
# image (a label holds their checksum); --force builds again.
# Env:   PODIUM_JRE_IMAGE (default podium-jre:local), MVNW_OPTS (extra options for mvnw).
set -euo pipefail

force=0
if [ "${1:-}" = "--force" ]; then force=1; shift; fi
image="${1:-podium-greenmail:local}"
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=../lib/local-image.sh
. "$here/../lib/local-image.sh"
root="$(cd "$here/../.." && pwd)"
jre="${PODIUM_JRE_IMAGE:-podium-jre:local}"

t0=$(date +%s)
step() { echo "[greenmail-image] $(( $(date +%s) - t0 ))s: $*"; }

require_docker
if [ "$jre" = podium-jre:local ]; then
  "$root/deploy/jre-image/build.sh" "$jre"
fi
jre_id="$(docker image inspect -f '{{.Id}}' "$jre")"
version="$(pom_property greenmail.version "$root/pom.xml")"

sum="$( (cd "$here" && cat Dockerfile build.sh; echo "$version $jre_id") | sha256sum | cut -c1-16)"
image_is_current "$sum" && exit 0
old="$(image_ids "$image")"

step "greenmail-standalone $version from Maven Central -> $here/target"
rm -rf "$here/target"
(cd "$root" && ./mvnw -q -B -ntp -N ${MVNW_OPTS:-} dependency:copy \
  -Dartifact="com.icegreen:greenmail-standalone:$version" -Dmdep.stripVersion=true -DoutputDirectory="$here/target")

step "docker build -> $image"
DOCKER_BUILDKIT=0 docker build -q --build-arg "BASE=$jre" \
  --label "podium.source-sum=$sum" --label "org.opencontainers.image.title=podium-greenmail" \
  --label "org.opencontainers.image.version=$version" \
  -t "$image" "$here" >/dev/null
# shellcheck disable=SC2086 # one id per word
remove_untagged $old
step "done: $image (GreenMail $version, $(image_size "$image"))"
