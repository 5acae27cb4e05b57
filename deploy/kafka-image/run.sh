#!/usr/bin/env bash
# Entrypoint of podium-kafka:local: one Kafka KRaft node, configured like the apache/kafka image
# so that deploy/compose.yaml works with either image:
# - every environment variable KAFKA_<NAME> becomes the property <name> ("_" -> ".", "__" -> "_",
#   "___" -> "-"; KAFKA_NODE_ID -> node.id), except the JVM option variables below;
#   without any such variable a single combined broker+controller on localhost:9092 is configured,
# - CLUSTER_ID names the cluster when the first log dir has no meta.properties yet (first start;
#   a random id when unset),
# - KAFKA_HEAP_OPTS, KAFKA_JVM_PERFORMANCE_OPTS and KAFKA_OPTS are JVM options, as in Kafka's scripts.
# Then it execs the broker as PID 1 (docker stop -> SIGTERM -> controlled shutdown).
set -euo pipefail

home="${KAFKA_HOME:-/opt/kafka}"
config_dir="${KAFKA_CONFIG_DIR:-$home/config}"
config="$config_dir/server.properties"
log() { echo "[podium-kafka] $*" >&2; }

# Variables that are options for the JVM or the scripts, never broker properties.
not_properties=" KAFKA_HOME KAFKA_CONFIG_DIR KAFKA_LOG4J_CONFIG KAFKA_TOOLS_LOG4J_CONFIG KAFKA_VERSION KAFKA_HEAP_OPTS KAFKA_JVM_PERFORMANCE_OPTS KAFKA_OPTS \
KAFKA_LOG4J_OPTS KAFKA_JMX_OPTS KAFKA_GC_LOG_OPTS KAFKA_DEBUG KAFKA_JMX_PORT KAFKA_JMX_HOSTNAME \
KAFKA_LOG4J_ROOT_LOGLEVEL KAFKA_LOG4J_LOGGERS KAFKA_TOOLS_LOG4J_LOGLEVEL "

properties=""
while IFS= read -r var; do
  case "$not_properties" in *" $var "*) continue ;; esac
  key="${var#KAFKA_}"
  key="$(printf '%s' "$key" | tr '[:upper:]' '[:lower:]' | sed -e 's/___/-/g' -e 's/__/@/g' -e 's/_/./g' -e 's/@/_/g')"
  properties+="$key=${!var}"$'\n'
done < <(compgen -e | grep '^KAFKA_' | sort)

mkdir -p "$config_dir"
if [ -n "$properties" ]; then
  printf '# Written by run.sh from the KAFKA_* environment variables on every start.\n%s' "$properties" >"$config"
else
  log "no KAFKA_* variables: a single broker+controller on localhost:9092"
  cat >"$config" <<'PROPERTIES'
# Written by run.sh on every start (no KAFKA_* variables were set).
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@localhost:9093
listeners=PLAINTEXT://:9092,CONTROLLER://:9093
advertised.listeners=PLAINTEXT://localhost:9092
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=/var/lib/kafka/data
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPERTIES
fi

log4j_config="${KAFKA_LOG4J_CONFIG:-$config_dir/log4j2.properties}"
java_opts=(${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}
           ${KAFKA_JVM_PERFORMANCE_OPTS:--XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true}
           ${KAFKA_OPTS:-}
           "-Dlog4j2.configurationFile=$log4j_config"
           -cp "$home/libs/*")

# Format the log dirs on first start only: a restart on the same volume keeps its data and its
# cluster id (formatting again with another id would fail).
log_dir="$(sed -n -e 's/^log\.dirs\{0,1\}=//p' "$config" | tail -n 1)"
log_dir="${log_dir%%,*}"
log_dir="${log_dir:-/tmp/kafka-logs}"
if [ ! -f "$log_dir/meta.properties" ]; then
  cluster_id="${CLUSTER_ID:-}"
  if [ -z "$cluster_id" ]; then
    cluster_id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | cut -c1-22)"
    log "CLUSTER_ID is not set: the new cluster gets the id $cluster_id"
  fi
  java -Xmx128m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC "-Dlog4j2.configurationFile=$log4j_config" \
    -cp "$home/libs/*" kafka.tools.StorageTool format --ignore-formatted --cluster-id="$cluster_id" --config "$config" >&2
fi

exec java "${java_opts[@]}" kafka.Kafka "$config"
