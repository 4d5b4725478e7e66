#!/usr/bin/env bash
# Signal Desk benchmarks: builds the jars it needs when they are missing or older than their sources, then
# runs bench/bench.py (Python 3 standard library) which starts the services on free loopback ports, prints
# one table and writes bench/RESULTS.md. --quick: fewer iterations (~3 min), for CI. Exit code 1 when a
# benchmark failed to run (figures are printed, never asserted).
set -euo pipefail
cd "$(dirname "$0")/.."

stale=()
for module in market-feed-service ai-analyzer-service decision-service; do
    jar="$module/target/quarkus-app/quarkus-run.jar"
    if [[ ! -f "$jar" ]] || [[ -n "$(find "$module/src/main" "$module/pom.xml" -newer "$jar" -print -quit)" ]]; then
        stale+=("$module")
    fi
done
if ((${#stale[@]})); then
    modules=$(IFS=,; echo "${stale[*]}")
    echo "building $modules"
    ./mvnw -B -q -DskipTests package -pl "$modules"
fi

python3 bench/bench.py "$@" &
bench=$!
trap 'kill -TERM "$bench" 2>/dev/null || true; wait "$bench" 2>/dev/null || true' INT TERM
wait "$bench"
