#!/usr/bin/env bash
# Runs Signal Desk without Docker: the three services on the JVM, the market feed on its simulator,
# analysis on the local Ollama when one answers (rules otherwise). Ctrl-C stops all three.
#   deploy/run-local.sh
# Overrides: FEED_PORT ANALYZER_PORT DECISION_PORT (8081/8082/8083), BIND_HOST (127.0.0.1), OLLAMA_BASE_URL
# (http://localhost:11434), OLLAMA_MODEL (llama3.2:3b), DECISION_DB_PATH (deploy/.run/decision.db),
# REBUILD=1 to repackage even when the jars exist. Logs: deploy/.run/<service>.log
set -euo pipefail
cd "$(dirname "$0")/.."

FEED_PORT=${FEED_PORT:-8081}
ANALYZER_PORT=${ANALYZER_PORT:-8082}
DECISION_PORT=${DECISION_PORT:-8083}
BIND_HOST=${BIND_HOST:-127.0.0.1}
OLLAMA_BASE_URL=${OLLAMA_BASE_URL:-http://localhost:11434}
OLLAMA_MODEL=${OLLAMA_MODEL:-llama3.2:3b}
RUN_DIR=deploy/.run
DECISION_DB_PATH=${DECISION_DB_PATH:-$RUN_DIR/decision.db}
SERVICES=(market-feed-service ai-analyzer-service decision-service)

command -v java >/dev/null || { echo "Java 17+ is needed (java not found)" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is needed to check the services (curl not found)" >&2; exit 1; }
mkdir -p "$RUN_DIR"

missing=0
for service in "${SERVICES[@]}"; do
    [[ -f $service/target/quarkus-app/quarkus-run.jar ]] || missing=1
done
if [[ $missing == 1 || ${REBUILD:-0} == 1 ]]; then
    echo "== building: ./mvnw -B -DskipTests package"
    ./mvnw -B -DskipTests package -pl "$(IFS=,; echo "${SERVICES[*]}")" -am
fi

declare -A PIDS=()
stop_all() {
    trap - INT TERM EXIT
    echo
    echo "== stopping"
    for service in "${!PIDS[@]}"; do
        kill "${PIDS[$service]}" 2>/dev/null || true
    done
    for service in "${!PIDS[@]}"; do
        wait "${PIDS[$service]}" 2>/dev/null || true
        echo "   $service stopped"
    done
}
trap 'stop_all; exit 130' INT TERM
trap stop_all EXIT

start() { # service port [VAR=value ...]
    local service=$1 port=$2
    shift 2
    env QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST="$BIND_HOST" "$@" java -jar "$service/target/quarkus-app/quarkus-run.jar" \
        >"$RUN_DIR/$service.log" 2>&1 &
    PIDS[$service]=$!
    echo "   $service on :$port (pid $!, log $RUN_DIR/$service.log)"
}

await_ready() { # service port
    local service=$1 port=$2
    for _ in $(seq 1 120); do
        if curl -fs -o /dev/null "http://localhost:$port/q/health/ready"; then
            return 0
        fi
        if ! kill -0 "${PIDS[$service]}" 2>/dev/null; then
            echo "!! $service exited; the end of its log:" >&2
            tail -n 40 "$RUN_DIR/$service.log" >&2
            exit 1
        fi
        sleep 1
    done
    echo "!! $service not ready after 120 s; see $RUN_DIR/$service.log" >&2
    exit 1
}

if curl -fs --max-time 3 "$OLLAMA_BASE_URL/api/tags" -o "$RUN_DIR/ollama-tags.json"; then
    ANALYSIS_MODE=AI
    if grep -q "\"$OLLAMA_MODEL\"" "$RUN_DIR/ollama-tags.json"; then
        echo "== Ollama answers at $OLLAMA_BASE_URL with $OLLAMA_MODEL: analysis by the local model"
    else
        echo "== Ollama answers at $OLLAMA_BASE_URL but has no $OLLAMA_MODEL: run 'ollama pull $OLLAMA_MODEL'"
        echo "   (until then every analysis falls back to rules, labelled MODEL_DOWN)"
    fi
else
    ANALYSIS_MODE=RULES
    echo "== No Ollama at $OLLAMA_BASE_URL: analysis runs on RULES (deterministic, labelled source=RULES)."
    echo "   Start Ollama and run 'ollama pull $OLLAMA_MODEL', then switch with:"
    echo "   curl -X PUT localhost:$ANALYZER_PORT/api/ai/mode -H 'Content-Type: application/json' -d '{\"mode\":\"AI\"}'"
fi

echo "== starting"
start market-feed-service "$FEED_PORT" FEED_SOURCE=simulator
await_ready market-feed-service "$FEED_PORT"
start ai-analyzer-service "$ANALYZER_PORT" \
    OLLAMA_BASE_URL="$OLLAMA_BASE_URL" OLLAMA_MODEL="$OLLAMA_MODEL" \
    QUARKUS_REST_CLIENT_MARKET_FEED_URL="http://localhost:$FEED_PORT"
await_ready ai-analyzer-service "$ANALYZER_PORT"
if [[ $ANALYSIS_MODE == RULES ]]; then
    curl -fs -o /dev/null -X PUT "http://localhost:$ANALYZER_PORT/api/ai/mode" \
        -H 'Content-Type: application/json' -d '{"mode":"RULES"}' || echo "   (could not set the analyzer to RULES mode)"
fi
start decision-service "$DECISION_PORT" \
    DECISION_FEED_URL="ws://localhost:$FEED_PORT/ws/market" \
    QUARKUS_REST_CLIENT_AI_ANALYZER_URL="http://localhost:$ANALYZER_PORT" \
    DECISION_DB_PATH="$DECISION_DB_PATH"
await_ready decision-service "$DECISION_PORT"

cat <<EOF

== Signal Desk is running ($ANALYSIS_MODE analysis). Ctrl-C stops all three.
   Dashboard:   http://localhost:$DECISION_PORT/
   Swagger UI:  http://localhost:$FEED_PORT/q/swagger-ui   (market feed)
                http://localhost:$ANALYZER_PORT/q/swagger-ui   (AI analyzer)
                http://localhost:$DECISION_PORT/q/swagger-ui   (decisions)
   Metrics:     http://localhost:$FEED_PORT/q/metrics  http://localhost:$ANALYZER_PORT/q/metrics  http://localhost:$DECISION_PORT/q/metrics
   Snapshot:    curl localhost:$FEED_PORT/api/market/snapshot
   AI status:   curl localhost:$ANALYZER_PORT/api/ai/status
   Logs:        $RUN_DIR/*.log
EOF

# block until Ctrl-C or until a service dies
while true; do
    for service in "${!PIDS[@]}"; do
        if ! kill -0 "${PIDS[$service]}" 2>/dev/null; then
            echo "!! $service stopped; the end of its log:" >&2
            tail -n 20 "$RUN_DIR/$service.log" >&2
            exit 1
        fi
    done
    sleep 2
done
