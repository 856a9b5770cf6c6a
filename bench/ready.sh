#!/usr/bin/env bash
# Time to ready (issue 16, item 5): a first start on a fresh data directory, then restarts with the knowledge base
# unchanged, each timed from the java command to readiness (/actuator/health/readiness 200, which includes the
# assistant's warm-up question) and to the first confident answer of a widget question. With RESTART_AOT=1 (Java 25+)
# an AOT cache is made as the image makes it (`deploy/docker-entrypoint.sh aot-cache`: a training run on the extracted
# jar up to readiness and one answer) and the restarts run both ways, alternating, so machine load hits both alike.
# Every start uses the image's JVM options (a cache only serves the options it was made with). The last column is the
# CPU time the process had used when it became ready (on 2 cores a start is CPU-bound: see docs/benchmarks.md).
# Usage: SKIP_BUILD=1 bench/ready.sh   (RESTARTS=3, RESTART_AOT=1, PORT=18090)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
JAVA=$(parley_java)
[[ "${SKIP_BUILD:-}" == 1 ]] || ./mvnw -q -B package -DskipTests
JAR=$(parley_jar)
PORT=${PORT:-18090}
RESTARTS=${RESTARTS:-3}
WORK=$(mktemp -d)
trap '[[ -z "${PID:-}" ]] || kill "$PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" > /dev/null
APP="$WORK/app/$(basename "$JAR")"
export PARLEY_DATA_DIR="$WORK/data"

JAVA_OPTS=${JAVA_OPTS:---add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -XX:MaxRAMPercentage=75}
now() { date +%s.%N; }
run() {  # label, then extra java options
  local label=$1; shift
  local start; start=$(now)
  # shellcheck disable=SC2086
  "$JAVA" $JAVA_OPTS "$@" -jar "$APP" --server.port="$PORT" > "$WORK/$label.log" 2>&1 &
  PID=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness"; do
    kill -0 "$PID" 2>/dev/null || { echo "$label: the application stopped (log: $WORK/$label.log)" >&2; tail -20 "$WORK/$label.log" >&2; exit 1; }
    sleep 0.1
  done
  local ready; ready=$(echo "$(now) - $start" | bc)
  local cpu; cpu=$(awk '{printf "%.1f", ($14 + $15) / 100}' "/proc/$PID/stat")
  local status
  status=$(curl -s -X POST -H 'Content-Type: application/json' -d '{"message":"How do I return an item?"}' \
    "http://127.0.0.1:$PORT/api/v1/widget/conversations" | grep -o '"status":"[A-Z_]*"' | head -1 | cut -d'"' -f4)
  local answered; answered=$(echo "$(now) - $start" | bc)
  local started; started=$(grep -o 'Started ParleyApplication in [0-9.]* seconds' "$WORK/$label.log" | grep -o '[0-9.]*' | head -1)
  printf '| %s | %s s | %.1f s | %.1f s | %s | %s | %s s |\n' "$label" "${started:-?}" "$ready" "$answered" \
    "$status" "$(cut -d' ' -f1 /proc/loadavg)" "$cpu"
  if [[ "$label" == first ]]; then  # a restart then finds what a running node leaves: the scorer on the tuned encoder
    for _ in $(seq 1 300); do grep -q "Assistant scorer on an encoder tuned" "$WORK/$label.log" && break; sleep 1; done
  fi
  kill "$PID"; wait "$PID" 2>/dev/null || true
  PID=
}

echo "| start | Spring 'Started' | readiness 200 | first answer | its status | load average | CPU at ready |"
echo "|---|---|---|---|---|---|---|"
run first
if [[ "${RESTART_AOT:-1}" == 1 ]] && "$JAVA" -XX:AOTCacheOutput=/dev/null -version > /dev/null 2>&1; then
  PATH="$(dirname "$JAVA"):$PATH" PARLEY_JAR="$APP" PARLEY_AOT_CACHE="$WORK/app.aot" JAVA_OPTS="$JAVA_OPTS" \
    PARLEY_AOT_TRAINING_PORT="$PORT" PARLEY_DATA_DIR="$WORK/training" deploy/docker-entrypoint.sh aot-cache \
    > "$WORK/training.log" 2>&1
  for i in $(seq 1 "$RESTARTS"); do
    run "restart-$i"
    run "restart-$i-aot-cache" -XX:AOTCache="$WORK/app.aot"
  done
else
  for i in $(seq 1 "$RESTARTS"); do run "restart-$i"; done
fi
