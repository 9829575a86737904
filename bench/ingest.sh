#!/usr/bin/env bash
# The HTTP ingestion benchmark (docs/benchmarks.md): a server on a fresh embedded PostgreSQL, the partners
# and programs of a generated data set, then EVENTS events posted in batches of 1,000 by CLIENTS clients,
# timed until the books have booked every earning.
#   bench/ingest.sh [EVENTS=1000000] [CLIENTS=4] [DATA=/tmp/accrue-ingest]
# Environment: WARMUP=N posts N events (the first N again, under new ids) and waits until they are booked
# before the clock starts (default 0: a freshly started server, JIT compilation included); SERVER_LOG=FILE
# keeps the server's log; ACCRUE_JAVA_OPTS and LOAD_JAVA_OPTS go to the server's and the load generator's JVM.
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${1:-1000000}
CLIENTS=${2:-4}
DATA=${3:-/tmp/accrue-ingest}
. scripts/find-jdk.sh && accrue_find_jdk >/dev/null
[ -f bench/target/benchmarks.jar ] && [ -f app/target/accrue-all.jar ] || ./mvnw -q -B -DskipTests package
if [ ! -f "$DATA/events.jsonl" ]; then
  "$JAVA_HOME/bin/java" -Xmx4g -cp bench/target/benchmarks.jar dev.accrue.bench.data.Generate \
    --out "$DATA" --partners 500 --sales "$EVENTS" --programs 9 --seed 42
fi
PORT=$(( 20000 + RANDOM % 20000 ))
SERVER_DATA=$(mktemp -d)
LOG="${SERVER_LOG:-$SERVER_DATA/server.log}"   # SERVER_LOG=FILE keeps the server's log
./accrue serve --data "$SERVER_DATA/db" --port "$PORT" --close-every PT1H >"$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$SERVER_DATA"' EXIT
for _ in $(seq 120); do grep -q "API key" "$LOG" && break; sleep 1; done
KEY=$(sed -n 's/.*shown only this once: //p' "$LOG")
[ -n "$KEY" ] || { cat "$LOG"; exit 1; }
ACCRUE_URL="http://localhost:$PORT" ACCRUE_API_KEY="$KEY" ./accrue import partners "$DATA/partners.jsonl" | tail -1
# CPU seconds are read from /proc for the server JVM, the embedded PostgreSQL (its postmaster and children)
# and the load generator itself.
POSTMASTER_PID=$(head -n 1 "$(find "$SERVER_DATA" -name postmaster.pid | head -n 1)" 2>/dev/null || echo 0)
"$JAVA_HOME/bin/java" ${LOAD_JAVA_OPTS:--XX:TieredStopAtLevel=1} -cp bench/target/benchmarks.jar dev.accrue.bench.ingest.IngestLoad \
  --url "http://localhost:$PORT/api/v1" --key "$KEY" --data "$DATA" --events "$EVENTS" --clients "$CLIENTS" \
  --server-pid "$SERVER" --postgres-pid "$POSTMASTER_PID" --warmup "${WARMUP:-0}"
