#!/usr/bin/env bash
# A slow model under many conversations (issue 16, item 6). Starts the OpenAI-compatible stub
# (bench/llm-stub/OpenAiStub.java) answering after SLOW_DELAY_MS, the packaged jar with the openai provider pointed at
# it, then SLOW_CONVERSATIONS widget customers, each with its event stream open, post a question at the same moment
# (bench/load/SlowLlmLoad.java: stream arrivals, other traffic timed meanwhile, pool and thread gauges sampled).
# Second phase: the stub slower than the provider timeout (TIMEOUT_DELAY_MS against PROVIDER_TIMEOUT), so every answer
# fails and must end in a hand-off (or the confident offline answer standing in), never a 500.
# Usage: bench/slow-llm.sh   (env: SLOW_CONVERSATIONS=200 SLOW_DELAY_MS=5000 PROVIDER_TIMEOUT=2s TIMEOUT_DELAY_MS=10000
# PHASES="answers timeouts", SLOW_DB=postgres for a fresh PostgreSQL database on 127.0.0.1:5432 per phase instead of
# H2, SKIP_BUILD=1 to reuse target/parley-*.jar, APP_OPTS for extra --options)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh

JAVA=$(parley_java)
CONVERSATIONS=${SLOW_CONVERSATIONS:-200}
PHASES=${PHASES:-answers timeouts}

if [[ -z "${SKIP_BUILD:-}" ]]; then
  ./mvnw -q -B -DskipTests package >&2
fi

STUB_PID=
stop_stub() {
  if [[ -n "$STUB_PID" ]] && kill -0 "$STUB_PID" 2>/dev/null; then kill "$STUB_PID"; wait "$STUB_PID" 2>/dev/null || true; fi
  STUB_PID=
}
PGDB=
drop_db() {
  if [[ -n "$PGDB" ]]; then dropdb -h 127.0.0.1 -U postgres --if-exists "$PGDB" || true; fi
  PGDB=
}
trap 'stop_parley; stop_stub; drop_db' EXIT

# Starts the stub with the given delay and sets STUB_URL from its one line of output.
start_stub() {
  local out
  out=$(mktemp /tmp/openai-stub.XXXXXX)
  "$JAVA" bench/llm-stub/OpenAiStub.java --delay-ms "$1" >"$out" 2>"$out.err" &
  STUB_PID=$!
  for _ in $(seq 1 60); do
    STUB_URL=$(grep -o 'http://[^ ]*' "$out" || true)
    [[ -n "$STUB_URL" ]] && break
    sleep 0.5
  done
  [[ -n "$STUB_URL" ]] || { echo "the stub did not start" >&2; cat "$out.err" >&2; return 1; }
  echo "stub pid $STUB_PID at $STUB_URL, ${1} ms per answer" >&2
}

run_phase() { # phase, stub delay ms, extra app options...
  local phase=$1 delay=$2
  shift 2
  start_stub "$delay"
  if [[ "${SLOW_DB:-h2}" == postgres ]]; then
    PGDB="parley_slow_llm_$$"
    createdb -h 127.0.0.1 -U postgres "$PGDB"
    export PARLEY_DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$PGDB" PARLEY_DATABASE_USER=postgres
  fi
  # shellcheck disable=SC2086
  start_parley --parley.widget.conversations-per-hour=100000 --parley.widget.messages-per-minute=100000 \
    --parley.widget.streams-per-client=100000 --parley.assistant.encoder-tuning=false --spring.datasource.hikari.register-mbeans=true \
    --parley.assistant.provider=openai --parley.assistant.openai.base-url="$STUB_URL" \
    --parley.assistant.openai.api-key=bench --parley.assistant.openai.model=stub-model "$@" ${APP_OPTS:-}
  echo "database: ${SLOW_DB:-h2}"
  echo "load average before $phase: $(cut -d' ' -f1-3 /proc/loadavg)"
  "$JAVA" bench/load/SlowLlmLoad.java "$BASE" src/main/resources/demo/knowledge "$CONVERSATIONS" "$phase" "$APP_PID"
  echo "load average after $phase: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "app: $(grep -c ' ERROR ' "$LOG" || true) ERROR lines in the log" >&2
  stop_parley
  stop_stub
  drop_db
}

for phase in $PHASES; do
  case $phase in
    answers) run_phase answers "${SLOW_DELAY_MS:-5000}" ;;
    timeouts) run_phase timeouts "${TIMEOUT_DELAY_MS:-10000}" \
      --parley.assistant.resilience.timeout="${PROVIDER_TIMEOUT:-2s}" ;;
    *) echo "unknown phase $phase" >&2; exit 2 ;;
  esac
done
