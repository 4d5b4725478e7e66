#!/usr/bin/env bash
# Events per second through Kafka from feed to decision (issue 14): builds what it lacks, then runs
# bench/KafkaThroughput.java, which starts a one-node KRaft broker and the packaged feed and decision service with
# SIGNAL_TRANSPORT=kafka on free loopback ports and prints the figures. About a minute.
#   bench/kafka.sh [--live-seconds 10] [--records 20000]
set -euo pipefail
cd "$(dirname "$0")/.."
CLASSPATH_FILE=kafka-test-support/target/classes/io/signaldesk/kafka/test/broker.classpath
need=()
[[ -s $CLASSPATH_FILE ]] || need+=(kafka-test-support)
for module in market-feed-service decision-service; do
    jar="$module/target/quarkus-app/quarkus-run.jar"
    if [[ ! -f "$jar" ]] || [[ -n "$(find "$module/src/main" "$module/pom.xml" -newer "$jar" -print -quit)" ]]; then
        need+=("$module")
    fi
done
if ((${#need[@]})); then
    modules=$(IFS=,; echo "${need[*]}")
    echo "building $modules"
    ./mvnw -B -q -DskipTests package -pl "$modules" -am
fi
exec java -cp "kafka-test-support/target/classes:$(cat "$CLASSPATH_FILE")" bench/KafkaThroughput.java "$@"
