# Shared by the benchmark scripts (source it after cd to the repository root).
# PARLEY_DATASETS: the shared data sets (default: ../shared/datasets beside this repository).
DATASETS_DEFAULT="$(cd .. && pwd)/shared/datasets"

# The application jar (built once, tests skipped) and a java of version 21 or newer.
parley_jar() {
  local jar
  jar=$(ls target/parley-*.jar 2>/dev/null | grep -v original | head -1 || true)
  if [[ -z "$jar" ]]; then
    ./mvnw -q -B package -DskipTests >&2
    jar=$(ls target/parley-*.jar | grep -v original | head -1)
  fi
  echo "$jar"
}

parley_java() {
  local java="${JAVA_HOME:+$JAVA_HOME/bin/}java"   # set JAVA_HOME if the default java is older than 21
  if ! "$java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then
    echo "needs Java 21 or newer: set JAVA_HOME (e.g. /usr/lib/jvm/temurin-25-jdk-amd64)" >&2
    return 1
  fi
  echo "$java"
}

# Starts the packaged jar on a fresh temporary data directory and a random port (offline assistant, H2, demo knowledge
# base, metrics public), waits for readiness and sets APP_PID, BASE, DATA and LOG; the caller's EXIT trap should call
# stop_parley. Extra --options in the arguments. ADMIN_EMAIL / ADMIN_PASSWORD name the first admin; REUSE_DATA starts it
# on an existing data directory instead (a restart).
ADMIN_EMAIL=${ADMIN_EMAIL:-bench@parley.local}
ADMIN_PASSWORD=${ADMIN_PASSWORD:-load-test-password}
start_parley() {
  local java jar
  java=$(parley_java)
  jar=$(ls target/parley-*.jar | grep -v original | head -1)
  DATA=${REUSE_DATA:-$(mktemp -d /tmp/parley-bench.XXXXXX)}
  local port=$(( 20000 + RANDOM % 20000 ))
  BASE="http://127.0.0.1:$port"
  LOG="$DATA/app.log"
  PARLEY_PUBLIC_METRICS=true PARLEY_ADMIN_EMAIL="$ADMIN_EMAIL" PARLEY_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    "$java" ${JAVA_OPTS:-} -jar "$jar" --server.port="$port" --parley.data-dir="$DATA" "$@" >>"$LOG" 2>&1 &
  APP_PID=$!
  echo "parley pid $APP_PID on port $port, data $DATA" >&2
  local started
  started=$(date +%s)
  until curl -fs "$BASE/actuator/health/readiness" | grep -q '"UP"'; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then echo "parley exited; log: $LOG" >&2; tail -50 "$LOG" >&2; return 1; fi
    if (( $(date +%s) - started > 300 )); then echo "not ready after 300 s" >&2; return 1; fi
    sleep 1
  done
  echo "ready after $(( $(date +%s) - started )) s" >&2
}

stop_parley() {
  if [[ -n "${APP_PID:-}" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  fi
  [[ -z "${DATA:-}" || -n "${KEEP_DATA:-}" ]] || rm -rf "$DATA"
}

# use_bench_database h2 (the default) leaves the node on its embedded H2 file; use_bench_database postgres creates a
# fresh PostgreSQL database on 127.0.0.1:5432 (user postgres) and points the node at it. Call it before start_parley;
# drop_bench_database drops that database; stop_bench (the EXIT trap of a script that uses both) stops the node and
# drops it.
BENCH_DATABASE=""
use_bench_database() {
  local db=${1:-h2}
  if [[ "$db" == postgres ]]; then
    BENCH_DATABASE="parley_bench_$(date +%s)_$RANDOM"
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE $BENCH_DATABASE" >&2
    export PARLEY_DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$BENCH_DATABASE" PARLEY_DATABASE_USER=postgres \
      PARLEY_DATABASE_PASSWORD=""
  elif [[ "$db" != h2 ]]; then
    echo "the database is h2 or postgres, not $db" >&2; return 2
  fi
}

drop_bench_database() {
  if [[ -n "$BENCH_DATABASE" ]]; then
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DATABASE" >&2 || true
  fi
}

stop_bench() {
  stop_parley
  drop_bench_database
}
