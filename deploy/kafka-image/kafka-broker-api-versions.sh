#!/usr/bin/env bash
# bin/kafka-broker-api-versions.sh of podium-kafka:local: the same tool, at the same path, as in the
# apache/kafka image, so one health check works with both:
#   /opt/kafka/bin/kafka-broker-api-versions.sh --bootstrap-server localhost:9092
# A short-lived JVM, sized and tuned to start fast.
set -euo pipefail
home="${KAFKA_HOME:-/opt/kafka}"
exec java -Xmx96m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto \
  "-Dlog4j2.configurationFile=${KAFKA_TOOLS_LOG4J_CONFIG:-$home/config/tools-log4j2.properties}" \
  -cp "$home/libs/*" org.apache.kafka.tools.BrokerApiVersionsCommand "$@"
