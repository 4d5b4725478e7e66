#!/bin/sh
# CI's stand-in for apache/kafka: the broker from the Maven jars in /opt/kafka/libs, configured as that image does,
# from the KAFKA_* environment of the compose file (KAFKA_FOO_BAR -> foo.bar), one KRaft node formatted on first start.
set -eu
CONFIG=/opt/kafka/config/server.properties
mkdir -p /opt/kafka/config
env | grep '^KAFKA_' | grep -v -E '^KAFKA_(HEAP_OPTS|OPTS|JVM_PERFORMANCE_OPTS|LOG4J_OPTS)=' | while IFS='=' read -r key value; do
    printf '%s=%s\n' "$(printf '%s' "${key#KAFKA_}" | tr 'A-Z_' 'a-z.')" "$value"
done >"$CONFIG"
CP='/opt/kafka/libs/*'
java -cp "$CP" kafka.tools.StorageTool format --ignore-formatted -t "${CLUSTER_ID:-4L6g3nShT-eMCtK--X86sw}" -c "$CONFIG"
exec java ${KAFKA_HEAP_OPTS:--Xmx256m -Xms256m} -cp "$CP" kafka.Kafka "$CONFIG"
