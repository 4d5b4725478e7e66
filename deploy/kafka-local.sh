#!/usr/bin/env bash
# A one-node KRaft Kafka broker (broker + controller in one JVM, Apache Kafka 4.1.2 from Maven Central) on loopback,
# for running the services with SIGNAL_TRANSPORT=kafka without Docker. Ctrl-C stops it; its data stays in KAFKA_DIR.
# The same broker the tests start (kafka-test-support's KafkaBroker). Works with bash 3.2 and 5.
#   deploy/kafka-local.sh                       # then, in another terminal:
#   SIGNAL_TRANSPORT=kafka KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 deploy/run-local.sh
# Overrides: KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (KAFKA_PORT+1), KAFKA_DIR (deploy/.run/kafka), REBUILD=1
set -euo pipefail
cd "$(dirname "$0")/.."

KAFKA_PORT=${KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))}
KAFKA_DIR=${KAFKA_DIR:-deploy/.run/kafka}
MODULE=kafka-test-support
CLASSPATH_FILE=$MODULE/target/classes/io/signaldesk/kafka/test/broker.classpath

die() {
    echo "!! $*" >&2
    exit 1
}

command -v java >/dev/null || die "Java 17+ is needed (java not found)"
for port in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        die "port $port is taken (KAFKA_PORT / KAFKA_CONTROLLER_PORT choose others)"
    fi
done

# the broker's jars come through Maven: the module writes their paths to broker.classpath
if [ "${REBUILD:-0}" = 1 ] || [ ! -s "$CLASSPATH_FILE" ] || [ ! -d "$MODULE/target/classes/io/signaldesk/kafka/test" ]; then
    echo "== building $MODULE (fetches org.apache.kafka:kafka_2.13 once)"
    ./mvnw -B -q -pl "$MODULE" -DskipTests package
fi
mkdir -p "$KAFKA_DIR"
exec java -Xmx128m -cp "$MODULE/target/classes:$(cat "$CLASSPATH_FILE")" io.signaldesk.kafka.test.KafkaBroker \
    --port "$KAFKA_PORT" --controller-port "$KAFKA_CONTROLLER_PORT" --dir "$KAFKA_DIR"
