#!/usr/bin/env bash
# Crash durability and clean stops (issue 17). Drives sustained widget traffic (DURABILITY_CLIENTS customers, each
# posting messages in its own conversation) against the packaged jar and stops the server at a random moment:
#   kill  (default): kill -9, restart, and count the messages answered 201 that are missing from the database
#                    (read back through the widget API, so it works on H2 and PostgreSQL and with encryption on);
#   term:            SIGTERM while the model loads, the index rebuilds, tuning runs or messages are embedded; counts
#                    native crashes (hs_err file or an exit that is not a clean stop) and lost acknowledged messages.
# Usage: bench/durability.sh [kill|term]
#   env: DURABILITY_ROUNDS=10  DURABILITY_DB=h2|postgres  DURABILITY_CLIENTS=8  DURABILITY_MAX_WAIT=20 (kill: 1..N s
#        after the first acknowledged message; term, default 15: 0..N s after the index rebuild began)  SKIP_BUILD=1  APP_OPTS=...
#        DURABILITY_H2_WRITE_DELAY=500 (H2 as before the fix: commits written in the background)
#   PostgreSQL: a fresh database on 127.0.0.1:5432 (user postgres, trust), dropped afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh

MODE=${1:-kill}
ROUNDS=${DURABILITY_ROUNDS:-10}
DB=${DURABILITY_DB:-h2}
CLIENTS=${DURABILITY_CLIENTS:-8}
MAX_WAIT=${DURABILITY_MAX_WAIT:-$([[ "$MODE" == term ]] && echo 15 || echo 20)}
JAVA=$(parley_java)
if [[ -z "${SKIP_BUILD:-}" ]]; then
  ./mvnw -q -B -DskipTests package >&2
fi
JAR=$(ls target/parley-*.jar | grep -v original | head -1)

DATA=$(mktemp -d /tmp/parley-durability.XXXXXX)
PORT=$(( 20000 + RANDOM % 20000 ))
BASE="http://127.0.0.1:$PORT"
DB_ENV=()
if [[ "$DB" == postgres ]]; then
  PGDB="parley_durability_$$"
  createdb -h 127.0.0.1 -U postgres "$PGDB"
  DB_ENV=(PARLEY_DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$PGDB" PARLEY_DATABASE_USER=postgres)
elif [[ -n "${DURABILITY_H2_WRITE_DELAY:-}" ]]; then
  # reproduces the behaviour before the fix (H2's default is 500 ms)
  DB_ENV=(PARLEY_DATABASE_URL="jdbc:h2:file:$DATA/parley;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=$DURABILITY_H2_WRITE_DELAY")
fi

cleanup() {
  if [[ -n "${APP_PID:-}" ]] && kill -0 "$APP_PID" 2>/dev/null; then kill -9 "$APP_PID"; fi
  if [[ -n "${LOAD_PID:-}" ]] && kill -0 "$LOAD_PID" 2>/dev/null; then kill "$LOAD_PID"; fi
  if [[ -n "${PGDB:-}" ]]; then dropdb -h 127.0.0.1 -U postgres --if-exists "$PGDB" || true; fi
  [[ -n "${KEEP_DATA:-}" ]] || rm -rf "$DATA"
}
trap cleanup EXIT

start_app() {
  env "${DB_ENV[@]}" PARLEY_ADMIN_PASSWORD=durability-password "$JAVA" -XX:ErrorFile="$DATA/hs_err_%p.log" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
    -jar "$JAR" --server.port="$PORT" --parley.data-dir="$DATA" \
    --parley.widget.conversations-per-hour=100000 --parley.widget.messages-per-minute=100000 \
    ${APP_OPTS:-} >>"$DATA/app.log" 2>&1 &
  APP_PID=$!
}

await_ready() {
  local started=$(date +%s)
  until curl -fs "$BASE/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then echo "parley exited; log: $DATA/app.log" >&2; tail -40 "$DATA/app.log" >&2; exit 1; fi
    if (( $(date +%s) - started > 300 )); then echo "not ready after 300 s" >&2; exit 1; fi
    sleep 0.5
  done
}

acknowledged=0; missing=0; crashes=0; lossy_rounds=0
for round in $(seq 1 "$ROUNDS"); do
  ACKS="$DATA/acks-$round.txt"; : >"$ACKS"
  if [[ "$MODE" == kill ]]; then
    [[ -n "${APP_PID:-}" ]] || { start_app; await_ready; }
    "$JAVA" bench/durability/Durability.java load "$BASE" "$CLIENTS" "$ACKS" 2>>"$DATA/load.log" &
    LOAD_PID=$!
    # the kill is armed once messages are being acknowledged (right after a restart they wait for the assistant)
    for _ in $(seq 1 600); do [[ -s "$ACKS" ]] && break; sleep 0.2; done
    sleep "$(( 1 + RANDOM % MAX_WAIT )).$(( RANDOM % 10 ))"
    kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  else
    # no index and no trained scorer: every start loads the model, rebuilds the index and trains (and tunes)
    rm -rf "$DATA/index" "$DATA/assistant"
    lines=0; [[ -f "$DATA/app.log" ]] && lines=$(wc -l <"$DATA/app.log")
    start_app
    "$JAVA" bench/durability/Durability.java load "$BASE" "$CLIENTS" "$ACKS" 2>>"$DATA/load.log" &
    LOAD_PID=$!
    # the stop lands anywhere in the first MAX_WAIT seconds after the index rebuild began, under customer traffic
    for _ in $(seq 1 1500); do tail -n +"$((lines + 1))" "$DATA/app.log" | grep -q "Knowledge index at" && break; sleep 0.2; done
    sleep "$(( RANDOM % (MAX_WAIT + 1) )).$(( RANDOM % 10 ))"
    kill -TERM "$APP_PID"
    code=0; wait "$APP_PID" 2>/dev/null || code=$?
    if ls "$DATA"/hs_err_*.log >/dev/null 2>&1 || (( code != 0 && code != 143 )); then
      crashes=$((crashes + 1))
      echo "round $round: crashed (exit $code)" >&2
      mkdir -p "$DATA/crashes"; mv "$DATA"/hs_err_*.log "$DATA/crashes/" 2>/dev/null || true
    fi
  fi
  wait "$LOAD_PID" 2>/dev/null || true
  if [[ "$MODE" == kill ]]; then
    start_app; await_ready
    result=$("$JAVA" bench/durability/Durability.java check "$BASE" "$ACKS" || true)
    read -r _ a _ m <<<"$result"
    acknowledged=$((acknowledged + a)); missing=$((missing + m))
    (( m == 0 )) || lossy_rounds=$((lossy_rounds + 1))
    echo "round $round ($MODE, $DB): $result" >&2
  else
    echo "round $round ($MODE, $DB): exit $code, $(wc -l <"$ACKS") acknowledged" >&2
  fi
done
if [[ "$MODE" == term ]]; then
  # after the last clean stop: every message acknowledged in any round is there
  start_app; await_ready
  cat "$DATA"/acks-*.txt >"$DATA/acks-all.txt"
  result=$("$JAVA" bench/durability/Durability.java check "$BASE" "$DATA/acks-all.txt" || true)
  read -r _ acknowledged _ missing <<<"$result"
  echo "after all rounds: $result" >&2
fi

echo "| $MODE | $DB | $ROUNDS | $acknowledged | $missing | $lossy_rounds | $crashes |"
