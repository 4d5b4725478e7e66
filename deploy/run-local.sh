#!/usr/bin/env bash
# Runs Signal Desk without Docker: the three services on the JVM, bound to loopback, the market feed on its
# simulator (or a replay, or a live venue), analysis on the local Ollama when one answers (rules otherwise).
# Ctrl-C stops all three. Works with the bash 3.2 macOS ships and with bash 4/5.
#   deploy/run-local.sh
#   FEED_SOURCE=replay FEED_REPLAY_FORMAT=binance-capture FEED_COINS=BTC \
#     FEED_REPLAY_FILE=../shared/data/binance-spot/spot-btcusdt_20240808.gz,../shared/data/binance-spot/spot-btcusdt_20240809.gz \
#     deploy/run-local.sh
# Overrides:
#   FEED_PORT ANALYZER_PORT DECISION_PORT  8081 / 8082 / 8083
#   BIND_HOST                              127.0.0.1 (loopback only; 0.0.0.0 opens the services to the network)
#   FEED_SOURCE                            simulator (default), replay, binance, coinbase, kraken
#   FEED_COINS                             coins to follow (feed default BTC,ETH,SOL)
#   FEED_REPLAY_FILE                       replay files, comma-separated, played as one session (paths from the repository root)
#   FEED_REPLAY_FORMAT                     events (our JSON Lines recordings, default) or binance-capture
#   FEED_REPLAY_SPEED                      1 = real time (default), 0 = as fast as possible
#   FEED_REPLAY_WAIT_FOR_CLIENTS           1 (default here): the replay starts when the decision engine connects; 0 at once
#   OLLAMA_BASE_URL OLLAMA_MODEL           http://localhost:11434, llama3.2:3b
#   DECISION_DB_PATH                       deploy/.run/decision.db
#   SIGNAL_DATA_DIR                        files the APIs may read: analyzer bench/ (its replay sample), decision data/ (git-ignored;
#                                          the sample candles and captures of ../shared/data are copied in, backtest reports go there)
#   REBUILD=1                              repackage even when the jars are newer than every source
#   JAVA_OPTS                              JVM flags of all three (default: deploy/jvm.conf's JVM_BOUNDS + each service's -Xmx)
#   FEED_XMX ANALYZER_XMX DECISION_XMX      heap bound per service, 96m / 96m / 128m (deploy/jvm.conf; about 200 MB RSS each)
# Logs: deploy/.run/<service>.log
set -euo pipefail
cd "$(dirname "$0")/.."

FEED_PORT=${FEED_PORT:-8081}
ANALYZER_PORT=${ANALYZER_PORT:-8082}
DECISION_PORT=${DECISION_PORT:-8083}
BIND_HOST=${BIND_HOST:-127.0.0.1}
FEED_SOURCE=${FEED_SOURCE:-simulator}
OLLAMA_BASE_URL=${OLLAMA_BASE_URL:-http://localhost:11434}
OLLAMA_MODEL=${OLLAMA_MODEL:-llama3.2:3b}
RUN_DIR=deploy/.run
# the decision engine's key to the analyzer's desk lane (ahead of outside callers, never rate-limited): one per run
# unless set; the analyzer falls back to SIGNAL_API_KEY, so with that set the engine presents it
if [ -z "${SIGNAL_ENGINE_KEY:-}" ] && [ -z "${SIGNAL_API_KEY:-}" ]; then
    SIGNAL_ENGINE_KEY=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
fi
export SIGNAL_ENGINE_KEY=${SIGNAL_ENGINE_KEY:-}
DECISION_DB_PATH=${DECISION_DB_PATH:-$RUN_DIR/decision.db}
SERVICES="market-feed-service ai-analyzer-service decision-service"
# The product's memory budget, about 200 MB RSS per service: JVM_BOUNDS, the heap per service and the malloc arenas
# (the launch settings the Dockerfiles and bench/ use too)
# shellcheck source=deploy/jvm.conf
. deploy/jvm.conf
# where this script reaches the services: the bound address, or loopback when bound to every interface
case $BIND_HOST in
    0.0.0.0 | :: | '[::]') HOST=127.0.0.1 ;;
    *) HOST=$BIND_HOST ;;
esac

die() {
    echo "!! $*" >&2
    exit 1
}

command -v java >/dev/null || die "Java 17+ is needed (java not found)"
command -v curl >/dev/null || die "curl is needed to check the services (curl not found)"

case $FEED_SOURCE in
    simulator | binance | coinbase | kraken) ;;
    replay)
        [ -n "${FEED_REPLAY_FILE:-}" ] || die "FEED_SOURCE=replay needs FEED_REPLAY_FILE (comma-separated files, e.g. a capture under ../shared/data)"
        old_ifs=$IFS
        IFS=,
        for file in $FEED_REPLAY_FILE; do
            [ -r "$file" ] || die "FEED_REPLAY_FILE: $file is not a readable file (paths are from $(pwd))"
        done
        IFS=$old_ifs
        ;;
    *) die "FEED_SOURCE must be simulator, replay, binance, coinbase or kraken (got '$FEED_SOURCE')" ;;
esac

# --- ports: refuse to start next to another process, naming it ---------------------------------------
who_listens() { # port -> "command (pid N)" or empty
    local port=$1 found=""
    if command -v lsof >/dev/null 2>&1; then
        found=$(lsof -nP -iTCP:"$port" -sTCP:LISTEN 2>/dev/null | awk 'NR == 2 { print $1 " (pid " $2 ")" }')
    fi
    if [ -z "$found" ] && command -v ss >/dev/null 2>&1; then
        found=$(ss -ltnpH "sport = :$port" 2>/dev/null | sed -n 's/.*users:((\"\([^\"]*\)\",pid=\([0-9]*\).*/\1 (pid \2)/p' | head -n 1)
        if [ -z "$found" ] && [ -n "$(ss -ltnH "sport = :$port" 2>/dev/null)" ]; then
            found="a process this user cannot see"
        fi
    fi
    if [ -z "$found" ] && command -v fuser >/dev/null 2>&1; then
        found=$(fuser -n tcp "$port" 2>/dev/null | awk '{ print "pid " $1 }')
    fi
    echo "$found"
}

port_taken() { # port -> 0 when something listens there
    local port=$1
    [ -n "$(who_listens "$port")" ] && return 0
    # no lsof/ss/fuser: try to connect (bash's /dev/tcp, in bash 3.2 too)
    (exec 3<>"/dev/tcp/$HOST/$port") 2>/dev/null && return 0
    return 1
}

taken=0
for pair in "market feed:$FEED_PORT:FEED_PORT" "AI analyzer:$ANALYZER_PORT:ANALYZER_PORT" "decision service:$DECISION_PORT:DECISION_PORT"; do
    name=${pair%%:*}
    rest=${pair#*:}
    port=${rest%%:*}
    variable=${rest#*:}
    if port_taken "$port"; then
        owner=$(who_listens "$port")
        echo "!! port $port (the $name, $variable) is taken by ${owner:-another process}" >&2
        taken=1
    fi
done
[ $taken = 0 ] || die "stop that process or choose other ports, e.g. FEED_PORT=9081 ANALYZER_PORT=9082 DECISION_PORT=9083 $0"

mkdir -p "$RUN_DIR"

# --- build when a jar is missing or older than any of its sources -----------------------------------
stale=""
for service in $SERVICES; do
    jar=$service/target/quarkus-app/quarkus-run.jar
    if [ ! -f "$jar" ]; then
        stale="$stale $service (no jar)"
    elif [ -n "$(find pom.xml "$service/pom.xml" "$service/src" service-common/pom.xml service-common/src/main \
        trading-core/pom.xml trading-core/src/main market-data/pom.xml market-data/src/main -type f -newer "$jar" 2>/dev/null | head -n 1)" ]; then
        stale="$stale $service (sources changed)"
    fi
done
if [ -n "$stale" ] || [ "${REBUILD:-0}" = 1 ]; then
    echo "== building:${stale:- REBUILD=1}"
    echo "   ./mvnw -B -DskipTests package"
    ./mvnw -B -q -DskipTests package -pl "$(echo $SERVICES | tr ' ' ',')" -am
fi

# --- start, watch, stop ---------------------------------------------------------------------------
STARTED=""  # "service:pid service:pid ..."

pid_of() { # service -> pid
    local entry
    for entry in $STARTED; do
        if [ "${entry%%:*}" = "$1" ]; then
            echo "${entry#*:}"
            return
        fi
    done
}

stop_all() {
    trap - INT TERM EXIT
    [ -n "$STARTED" ] || return 0
    echo
    echo "== stopping"
    local entry
    for entry in $STARTED; do
        kill "${entry#*:}" 2>/dev/null || true
    done
    for entry in $STARTED; do
        wait "${entry#*:}" 2>/dev/null || true
        echo "   ${entry%%:*} stopped"
    done
}
trap 'stop_all; exit 130' INT TERM
trap stop_all EXIT

heap() { # service
    case $1 in
        market-feed-service) echo "${FEED_XMX:-$FEED_HEAP}" ;;
        ai-analyzer-service) echo "${ANALYZER_XMX:-$ANALYZER_HEAP}" ;;
        *) echo "${DECISION_XMX:-$DECISION_HEAP}" ;;
    esac
}

start() { # service port [VAR=value ...]
    local service=$1 port=$2
    shift 2
    # shellcheck disable=SC2086 # the flags are words
    env QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST="$BIND_HOST" MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-$MALLOC_ARENAS}" "$@" \
        java ${JAVA_OPTS:-$JVM_BOUNDS -Xmx$(heap "$service")} \
        -jar "$service/target/quarkus-app/quarkus-run.jar" >"$RUN_DIR/$service.log" 2>&1 &
    STARTED="$STARTED $service:$!"
    echo "   $service on $BIND_HOST:$port (pid $!, log $RUN_DIR/$service.log)"
}

await_ready() { # service port
    local service=$1 port=$2 i=0
    while [ $i -lt 120 ]; do
        if curl -fs -o /dev/null "http://$HOST:$port/q/health/ready"; then
            return 0
        fi
        if ! kill -0 "$(pid_of "$service")" 2>/dev/null; then
            echo "!! $service exited; the end of its log:" >&2
            tail -n 40 "$RUN_DIR/$service.log" >&2
            exit 1
        fi
        sleep 1
        i=$((i + 1))
    done
    die "$service not ready after 120 s; see $RUN_DIR/$service.log"
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
    echo "   curl -X PUT $HOST:$ANALYZER_PORT/api/ai/mode -H 'Content-Type: application/json' -d '{\"mode\":\"AI\"}'" \
        "${SIGNAL_API_KEY:+-H 'X-Api-Key: ...'}"
fi

# the feed's settings: only those given are passed, the feed's defaults hold otherwise
FEED_ENV="FEED_SOURCE=$FEED_SOURCE"
[ -z "${FEED_COINS:-}" ] || FEED_ENV="$FEED_ENV FEED_COINS=$FEED_COINS"
if [ "$FEED_SOURCE" = replay ]; then
    FEED_ENV="$FEED_ENV FEED_REPLAY_FILE=$FEED_REPLAY_FILE FEED_REPLAY_SPEED=${FEED_REPLAY_SPEED:-1}"
    # the decision engine is the feed's /ws/market client: the replay waits for it, so it sees the session from the start
    FEED_ENV="$FEED_ENV FEED_REPLAY_WAIT_FOR_CLIENTS=${FEED_REPLAY_WAIT_FOR_CLIENTS:-1}"
    [ -z "${FEED_REPLAY_FORMAT:-}" ] || FEED_ENV="$FEED_ENV FEED_REPLAY_FORMAT=$FEED_REPLAY_FORMAT"
fi

# --- the decision service's backtest data: the repository's sample candles and captures, copied once ---------------
# A copy, not ../shared/data itself: the service writes its reports into its data directory, and it refuses links that
# lead outside it. Only files not there yet are copied; nothing is overwritten.
DECISION_DATA_DIR=${SIGNAL_DATA_DIR:-data}
SAMPLE_DATA=../shared/data
if [ -d "$SAMPLE_DATA" ]; then
    copied=0
    for sub in klines-1m binance-spot; do
        [ -d "$SAMPLE_DATA/$sub" ] || continue
        mkdir -p "$DECISION_DATA_DIR/$sub"
        for file in "$SAMPLE_DATA/$sub"/*; do
            [ -f "$file" ] || continue
            target="$DECISION_DATA_DIR/$sub/$(basename "$file")"
            if [ ! -e "$target" ]; then
                cp "$file" "$target"
                copied=$((copied + 1))
            fi
        done
    done
    [ $copied = 0 ] || echo "== backtest data: copied $copied sample file(s) of $SAMPLE_DATA into $DECISION_DATA_DIR/"
else
    echo "== backtest data: no $SAMPLE_DATA beside the repository; GET /api/backtest/files lists only $DECISION_DATA_DIR/"
fi

echo "== starting (feed: $FEED_SOURCE)"
# shellcheck disable=SC2086 # FEED_ENV is a list of VAR=value words without spaces
start market-feed-service "$FEED_PORT" $FEED_ENV
await_ready market-feed-service "$FEED_PORT"
start ai-analyzer-service "$ANALYZER_PORT" \
    OLLAMA_BASE_URL="$OLLAMA_BASE_URL" OLLAMA_MODEL="$OLLAMA_MODEL" SIGNAL_DATA_DIR="${SIGNAL_DATA_DIR:-bench}" \
    QUARKUS_REST_CLIENT_MARKET_FEED_URL="http://$HOST:$FEED_PORT"
await_ready ai-analyzer-service "$ANALYZER_PORT"
if [ "$ANALYSIS_MODE" = RULES ]; then
    # the analyzer's controls need the shared key when SIGNAL_API_KEY is set (the services inherit it)
    curl -fs -o /dev/null -X PUT "http://$HOST:$ANALYZER_PORT/api/ai/mode" -H "X-Api-Key: ${SIGNAL_API_KEY:-}" \
        -H 'Content-Type: application/json' -d '{"mode":"RULES"}' || echo "   (could not set the analyzer to RULES mode)"
fi
start decision-service "$DECISION_PORT" \
    DECISION_FEED_URL="ws://$HOST:$FEED_PORT/ws/market" \
    QUARKUS_REST_CLIENT_AI_ANALYZER_URL="http://$HOST:$ANALYZER_PORT" \
    DECISION_DB_PATH="$DECISION_DB_PATH" SIGNAL_DATA_DIR="$DECISION_DATA_DIR"
await_ready decision-service "$DECISION_PORT"

cat <<EOF

== Signal Desk is running ($ANALYSIS_MODE analysis, feed: $FEED_SOURCE, bound to $BIND_HOST). Ctrl-C stops all three.
   Dashboard:   http://$HOST:$DECISION_PORT/
   Swagger UI:  http://$HOST:$FEED_PORT/q/swagger-ui   (market feed)
                http://$HOST:$ANALYZER_PORT/q/swagger-ui   (AI analyzer)
                http://$HOST:$DECISION_PORT/q/swagger-ui   (decisions)
   Metrics:     http://$HOST:$FEED_PORT/q/metrics  http://$HOST:$ANALYZER_PORT/q/metrics  http://$HOST:$DECISION_PORT/q/metrics
   Snapshot:    curl $HOST:$FEED_PORT/api/market/snapshot
   AI status:   curl $HOST:$ANALYZER_PORT/api/ai/status
   Backtests:   curl $HOST:$DECISION_PORT/api/backtest/files   (the data in $DECISION_DATA_DIR/; POST /api/backtest/jobs runs one)
   Logs:        $RUN_DIR/*.log
EOF

# block until Ctrl-C or until a service dies
while true; do
    for entry in $STARTED; do
        if ! kill -0 "${entry#*:}" 2>/dev/null; then
            echo "!! ${entry%%:*} stopped; the end of its log:" >&2
            tail -n 20 "$RUN_DIR/${entry%%:*}.log" >&2
            exit 1
        fi
    done
    sleep 2
done
