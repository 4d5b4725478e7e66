#!/usr/bin/env bash
# Signal Desk benchmarks: builds the jars it needs when they are missing or older than their sources, then
# runs bench/bench.py (Python 3 standard library) which starts the services on free loopback ports, prints
# one table and writes bench/RESULTS.md, then bench/tick_decision.py (tick -> decision through the real feed,
# RULES mode; 30 s with --quick), then bench/emulated.py (AI latency against the Ollama emulator in
# ../shared, per Mac profile; needs node), which appends its section, then bench/kafka_analyses.py (analyses per
# second over Kafka with one and two analyzers on emulated Ollamas; needs node and kafka-test-support). --quick: fewer iterations and one
# emulated profile for 30 s (~4 min), for CI; full runs also measure the Kafka transport feed -> decision
# (bench/kafka.sh). Exit code 1 when a benchmark failed to run (figures are
# printed, never asserted).
set -euo pipefail
cd "$(dirname "$0")/.."

stale=()
for module in market-feed-service ai-analyzer-service decision-service; do
    jar="$module/target/quarkus-app/quarkus-run.jar"
    if [[ ! -f "$jar" ]] || [[ -n "$(find "$module/src/main" "$module/pom.xml" service-common/src/main service-common/pom.xml -newer "$jar" -print -quit)" ]]; then
        stale+=("$module")
    fi
done
if [[ ! -f kafka-test-support/target/classes/io/signaldesk/kafka/test/broker.classpath ]]; then
    stale+=(kafka-test-support)
fi
if ((${#stale[@]})); then
    modules=$(IFS=,; echo "${stale[*]}")
    echo "building $modules"
    ./mvnw -B -q -DskipTests package -pl "$modules" -am
fi

out=bench/RESULTS.md
emulated=(--profiles m1-8gb,m2-16gb,m4max-64gb --seconds 60)
kafka=(--profiles m2-16gb,m4max-64gb --requests 40)
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
    case "${args[$i]}" in
        --quick) emulated=(--profiles m1-8gb --seconds 30); kafka=(--profiles m4max-64gb --requests 20) ;;
        --out) out="${args[$((i + 1))]}" ;;
    esac
done

run() {
    "$@" &
    child=$!
    trap 'kill -TERM "$child" 2>/dev/null || true; wait "$child" 2>/dev/null || true' INT TERM
    wait "$child"
}
status=0
run python3 bench/bench.py "$@" || status=$?
tick=()
for a in "$@"; do case "$a" in --quick) tick=(--quick) ;; esac; done
run python3 bench/tick_decision.py ${tick[@]+"${tick[@]}"} || status=$?
run python3 bench/emulated.py "${emulated[@]}" --out "$out" || status=$?
run python3 bench/kafka_analyses.py "${kafka[@]}" --out "$out" || status=$?
# Kafka transport, feed -> decision (about a minute: full runs only)
if [[ " $* " != *" --quick "* ]]; then
    kafka_out=$(mktemp)
    if run bash -c "bench/kafka.sh | tee '$kafka_out'"; then
        { printf '\n## Kafka transport: feed to decision (bench/kafka.sh)\n\n'; sed 's/^/    /' "$kafka_out"; } >>"$out"
    else
        status=1
    fi
    rm -f "$kafka_out"
fi
exit "$status"
