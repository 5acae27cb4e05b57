#!/usr/bin/env bash
# Regenerates schemas/strimzi/*.json from Maven Central artifacts (see README.md beside this file):
# resolves io.strimzi:api and io.strimzi:crd-generator with Maven, runs Strimzi's own CRD
# generator on the API classes (as Strimzi's build does for its release CRDs), then turns the
# v1beta2 openAPIV3Schema of Kafka, KafkaNodePool and KafkaTopic into JSON Schema files.
# Needs: mvn, node + npm, and a Java 21+ runtime (crd-generator 1.2.0 is built for Java 21; set
# JAVA21 to a java binary, else JAVA_HOME and /usr/lib/jvm are searched).
# Only for maintainers: validate.sh uses the committed JSON files and never runs this.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tools="$here/../tools"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

java_major() { "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }
find_java21() {
  local candidates=("${JAVA21:-}" "${JAVA_HOME:+$JAVA_HOME/bin/java}" /usr/lib/jvm/*/bin/java "$(command -v java || true)")
  for j in "${candidates[@]}"; do
    [ -n "$j" ] && [ -x "$j" ] || continue
    local major; major="$(java_major "$j")"
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then echo "$j"; return 0; fi
  done
  return 1
}
JAVA="$(find_java21)" || { echo "generate-strimzi.sh: needs a Java 21+ runtime (set JAVA21)" >&2; exit 1; }

mvn -q -B -f "$here/strimzi-generator/pom.xml" dependency:build-classpath -Dmdep.outputFile="$work/cp.txt"
api_version="$(sed -n 's:.*<strimzi.api.version>\(.*\)</strimzi.api.version>.*:\1:p' "$here/strimzi-generator/pom.xml")"
gen_version="$(sed -n 's:.*<strimzi.crd-generator.version>\(.*\)</strimzi.crd-generator.version>.*:\1:p' "$here/strimzi-generator/pom.xml")"

# The same options Strimzi's build passes for the CRDs it installs (apiextensions v1), limited to
# the one API version Podium's manifests use.
"$JAVA" -cp "$(cat "$work/cp.txt")" io.strimzi.crdgenerator.CrdGenerator \
  --crd-api-version v1 --api-versions v1beta2 --storage-version v1beta2 --yaml \
  io.strimzi.api.kafka.model.kafka.Kafka="$work/kafka.yaml" \
  io.strimzi.api.kafka.model.nodepool.KafkaNodePool="$work/kafkanodepool.yaml" \
  io.strimzi.api.kafka.model.topic.KafkaTopic="$work/kafkatopic.yaml"

[ -d "$tools/node_modules" ] || (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error)
node "$tools/crd-to-jsonschema.mjs" --version v1beta2 --out "$here/strimzi" \
  --source "io.strimzi:api:$api_version (Maven Central) through io.strimzi:crd-generator:$gen_version" \
  "$work/kafka.yaml" "$work/kafkanodepool.yaml" "$work/kafkatopic.yaml"
