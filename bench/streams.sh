#!/usr/bin/env bash
# Live streams at scale (issue 16, item 4): starts the packaged jar (H2, offline assistant), opens STREAMS widget event
# streams on it (one conversation each), times SAMPLES agent replies (REST API, 20 per second) until their event reaches
# the widget stream, measures the heap per 1,000 streams after full GCs and the node's CPU while they sit idle, then
# closes 1,000 streams client-side and times the connection gauge (parley_realtime_connections{kind="widget"}) counting them out.
# Usage: SKIP_BUILD=1 bench/streams.sh   (env: STREAMS=10000 SAMPLES=500 IDLE_SECONDS=20, WARMUP_REPLIES=0 replies sent first and not timed, SETTLE=0 to measure while the node still
# works off the conversation starts, STREAMS_DB=postgres for a fresh PostgreSQL database instead of H2, JAVA_OPTS for the node, e.g. -Xmx1g)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh

JAVA=$(parley_java)
STREAMS=${STREAMS:-10000}
SAMPLES=${SAMPLES:-500}
if [[ -z "${SKIP_BUILD:-}" ]]; then
  ./mvnw -q -B -DskipTests package >&2
fi
# Each stream holds a file descriptor in the node and one in this client.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
(( $(ulimit -n) > STREAMS + 1000 )) || { echo "ulimit -n $(ulimit -n) is too low for $STREAMS streams" >&2; exit 1; }

trap stop_bench EXIT
use_bench_database "${STREAMS_DB:-h2}"
echo "database: ${STREAMS_DB:-h2}; $(date -u '+%Y-%m-%d %H:%M') UTC; load average $(cut -d' ' -f1-3 /proc/loadavg)"
# All streams come from one address here: lift the per-client cap; no limit on the server's connections.
# Encoder tuning (minutes of CPU after a first start) is off, so it does not run during the measurement.
start_parley --parley.widget.conversations-per-hour=1000000 --parley.widget.streams-per-client=1000000 \
  --parley.assistant.encoder-tuning=false \
  --server.jetty.max-connections=-1

"$JAVA" bench/load/StreamLoad.java "$BASE" "$APP_PID" "$STREAMS" "$SAMPLES" "$ADMIN_EMAIL" "$ADMIN_PASSWORD"
echo "app: $(grep -c ' ERROR ' "$LOG" || true) ERROR lines in the log" >&2
