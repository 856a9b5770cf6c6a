#!/usr/bin/env bash
# Widget load, side by side in one run (issue 16): starts the packaged jar on a fresh data directory and a random port
# (H2, or with LOAD_DB=postgres a fresh PostgreSQL database on 127.0.0.1:5432, user postgres, dropped afterwards), then
#  1. the embedding-only ceiling: the jar's embed-ceiling command (the shipped model with the application's settings,
#     in a JVM of its own while the app is idle) embeds the same numbered example questions at each level;
#  2. answered: N customers post unique in-scope questions, one per pre-created conversation, LOAD_SECONDS per level;
#  3. the waiting queue filled with LOAD_WAITING (10,000) conversations whose customers asked for a person (untimed),
#     then the `queue` event timed on LOAD_STREAMS (500) of their event streams as single customers join the queue;
#  4. escalated: N customers ask for a person, each on a fresh conversation, at the same levels;
#  5. the ratios of the best answered and escalated messages/s to the ceiling.
# Each level's row also gives the CPU time per message of the node, the harness and all PostgreSQL processes (/proc).
# Usage: bench/load.sh   (env: LOAD_LEVELS=1,4,16,64,256 LOAD_SECONDS=30 LOAD_CONVERSATIONS=6000 per level,
# LOAD_WAITING=10000 LOAD_FILL_MINUTES=15 LOAD_STREAMS=500 LOAD_ANSWERED=0 to leave the answered levels out,
# LOAD_DB=h2|postgres, LOAD_HISTORY=1 (postgres only) to run on a million conversations of history: bench/load/history.sql
# applied to the node's migrated database, then the node restarted; SKIP_BUILD=1 to reuse target/parley-*.jar, APP_OPTS for
# extra --options, KEEP_DATA=1 to keep the data directory and its app.log)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh

JAVA=$(parley_java)
LEVELS=${LOAD_LEVELS:-1,4,16,64,256}
SECONDS_PER_LEVEL=${LOAD_SECONDS:-30}
CONVERSATIONS=${LOAD_CONVERSATIONS:-6000}
DB=${LOAD_DB:-h2}

if [[ -z "${SKIP_BUILD:-}" ]]; then
  ./mvnw -q -B -DskipTests package >&2
fi
JAR=$(parley_jar)

if [[ -n "${LOAD_HISTORY:-}" && "$DB" != postgres ]]; then
  echo "LOAD_HISTORY needs LOAD_DB=postgres" >&2; exit 2
fi
trap stop_bench EXIT
use_bench_database "$DB"

echo "database: $DB${BENCH_DATABASE:+ ($BENCH_DATABASE)}; $(date -u '+%Y-%m-%d %H:%M') UTC; load average $(cut -d' ' -f1-3 /proc/loadavg)"
# Encoder tuning is off: it would spend a core for about ten minutes after the start, in the middle of the levels.
# The tuned encoder is the same network with other weights in the same session settings, so a question costs the same.
# shellcheck disable=SC2206
APP_ARGS=(--parley.widget.conversations-per-hour=10000000 --parley.widget.messages-per-minute=10000000
  --parley.widget.streams-per-client=1000000 --parley.assistant.encoder-tuning=false ${APP_OPTS:-})
start_parley "${APP_ARGS[@]}"
if [[ -n "${LOAD_HISTORY:-}" ]]; then
  # Applied while the node is stopped: its jobs would otherwise start closing the generated conversations at once.
  KEEP_DATA=1 stop_parley   # the assignment holds for this call only
  started=$(date +%s)
  psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -d "$BENCH_DATABASE" -f bench/load/history.sql
  echo "history of a million conversations applied in $(( $(date +%s) - started )) s; starting the node again"
  REUSE_DATA=$DATA start_parley "${APP_ARGS[@]}"
fi

QUESTIONS="$DATA/questions.txt"
"$JAVA" bench/load/WidgetLoad.java questions src/main/resources/demo/knowledge >"$QUESTIONS"
echo
echo "Embedding-only ceiling (java -jar $(basename "$JAR") embed-ceiling, app idle)"
"$JAVA" -jar "$JAR" embed-ceiling --questions "$QUESTIONS" --seconds "$SECONDS_PER_LEVEL" --concurrency "$LEVELS" \
  | tee "$DATA/ceiling.txt"
LOAD_CEILING=$(sed -n 's/^ceiling \([0-9.]*\) questions.*/\1/p' "$DATA/ceiling.txt")
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo

LOAD_APP_PID=$APP_PID LOAD_CLK_TCK=$(getconf CLK_TCK) LOAD_CEILING=$LOAD_CEILING "$JAVA" bench/load/WidgetLoad.java "$BASE" src/main/resources/demo/knowledge "$LEVELS" \
  "$SECONDS_PER_LEVEL" "$CONVERSATIONS"

echo "load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%H:%M') UTC"
echo "app: $(grep -c ' ERROR ' "$LOG" || true) ERROR lines, $(grep -c ' WARN ' "$LOG" || true) WARN lines in the log" >&2
