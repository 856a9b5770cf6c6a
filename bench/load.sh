#!/usr/bin/env bash
# Widget load: starts the packaged jar on a fresh data directory and a random port, then customers post unique
# in-scope questions (the demo knowledge base's example questions, numbered), one per pre-created conversation, at
# 4, 8, 16 and 32 concurrent clients for LOAD_SECONDS each. Reports messages/s, latency percentiles, errors and the
# module-listener backlog per level. Usage: bench/load.sh   (env: LOAD_LEVELS=4,8,16,32 LOAD_SECONDS=30
# LOAD_CONVERSATIONS=6000 per level, SKIP_BUILD=1 to reuse target/parley-*.jar, APP_OPTS for extra --options)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh

JAVA=$(parley_java)
LEVELS=${LOAD_LEVELS:-4,8,16,32}
SECONDS_PER_LEVEL=${LOAD_SECONDS:-30}
CONVERSATIONS=${LOAD_CONVERSATIONS:-6000}

if [[ -z "${SKIP_BUILD:-}" ]]; then
  ./mvnw -q -B -DskipTests package >&2
fi
JAR=$(ls target/parley-*.jar | grep -v original | head -1)

DATA=$(mktemp -d /tmp/parley-load.XXXXXX)
PORT=$(( 20000 + RANDOM % 20000 ))
BASE="http://127.0.0.1:$PORT"
LOG="$DATA/app.log"

cleanup() {
  if [[ -n "${APP_PID:-}" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  fi
  [[ -n "${KEEP_DATA:-}" ]] || rm -rf "$DATA"
}
trap cleanup EXIT

PARLEY_PUBLIC_METRICS=true PARLEY_ADMIN_PASSWORD=load-test-password "$JAVA" -jar "$JAR" \
  --server.port="$PORT" --parley.data-dir="$DATA" \
  --parley.widget.conversations-per-hour=100000 --parley.widget.messages-per-minute=100000 \
  ${APP_OPTS:-} >"$LOG" 2>&1 &
APP_PID=$!
echo "parley pid $APP_PID on port $PORT, data $DATA" >&2

started=$(date +%s)
until curl -fs "$BASE/actuator/health/readiness" | grep -q '"UP"'; do
  if ! kill -0 "$APP_PID" 2>/dev/null; then echo "parley exited; log: $LOG" >&2; tail -50 "$LOG" >&2; exit 1; fi
  if (( $(date +%s) - started > 300 )); then echo "not ready after 300 s" >&2; exit 1; fi
  sleep 1
done
echo "ready after $(( $(date +%s) - started )) s" >&2

"$JAVA" bench/load/WidgetLoad.java "$BASE" src/main/resources/demo/knowledge "$LEVELS" "$SECONDS_PER_LEVEL" "$CONVERSATIONS"

echo "app: $(grep -c ' ERROR ' "$LOG" || true) ERROR lines in the log" >&2
