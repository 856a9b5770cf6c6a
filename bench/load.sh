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
trap stop_parley EXIT
# shellcheck disable=SC2086
start_parley --parley.widget.conversations-per-hour=100000 --parley.widget.messages-per-minute=100000 ${APP_OPTS:-}

"$JAVA" bench/load/WidgetLoad.java "$BASE" src/main/resources/demo/knowledge "$LEVELS" "$SECONDS_PER_LEVEL" "$CONVERSATIONS"

echo "app: $(grep -c ' ERROR ' "$LOG" || true) ERROR lines in the log" >&2
