#!/usr/bin/env bash
# Starts Parley in the container image (and in the test that exercises this script against the packaged jar).
#   docker run parley                      -> the server
#   docker run parley --server.port=9090   -> the server with extra Spring arguments
#   docker run parley encryption-key       -> print a fresh encryption key and exit
#   docker run parley eval ...             -> the assistant's quality evaluation (see bench/)
#   aot-cache                               -> (image build) write the JVM's AOT cache to $PARLEY_AOT_CACHE (a training
#                                              run on port $PARLEY_AOT_TRAINING_PORT, default 18089)
#   docker run -it parley bash             -> any other command runs as given
# Settings come from PARLEY_* environment variables (see README). For each VAR_FILE variable the file's content
# becomes VAR (Docker and Kubernetes secrets), e.g. PARLEY_DATABASE_PASSWORD_FILE=/run/secrets/db-password.
set -euo pipefail

PARLEY_JAR=${PARLEY_JAR:-/app/parley.jar}
export PARLEY_DATA_DIR=${PARLEY_DATA_DIR:-/var/lib/parley}
# The tokenizer library unpacks a native library; keep it off a read-only root file system.
export DJL_CACHE_DIR=${DJL_CACHE_DIR:-${TMPDIR:-/tmp}/djl}
# The vector API speeds up the search index; native access is for the model runtime. Heap: 75% of the container.
JAVA_OPTS=${JAVA_OPTS:---add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -XX:MaxRAMPercentage=75}

for name in $(compgen -e | grep -E '^PARLEY_[A-Z0-9_]+_FILE$' || true); do
  target=${name%_FILE}
  file=${!name}
  if [ -n "${!target:-}" ]; then
    echo "parley: both $target and $name are set; use one" >&2
    exit 64
  fi
  if [ ! -r "$file" ]; then
    echo "parley: $name points at $file, which cannot be read" >&2
    exit 66
  fi
  export "$target"="$(cat "$file")"
  unset "$name"
done

# The JVM's AOT cache (Java 25+; the image makes it at build time with `aot-cache`): classes loaded and linked ahead,
# a restart is ready about 40% sooner. Only for the jar it was made from (extracted, not the nested one) and the same
# JVM options; the JVM starts without it (and says so) when it does not match.
AOT_OPTS=""
if [ -n "${PARLEY_AOT_CACHE:-}" ] && [ "${1:-}" != aot-cache ]; then
  if [ -r "$PARLEY_AOT_CACHE" ]; then
    AOT_OPTS="-XX:AOTCache=$PARLEY_AOT_CACHE"
  else
    echo "parley: PARLEY_AOT_CACHE names $PARLEY_AOT_CACHE, which cannot be read; starting without the AOT cache" >&2
  fi
fi

case "${1:-}" in
  aot-cache)
    # A training run: the application starts on a throw-away data directory (embedded database, offline assistant,
    # demo knowledge base) until it is ready, answers one widget question and renders the sign-in page, then stops;
    # the JVM writes what it loaded and linked (and how the code ran) to the cache. Running up to readiness, not only
    # to the end of Spring's refresh, also caches the search index, the web server's request path and the assistant.
    if [ -z "${PARLEY_AOT_CACHE:-}" ]; then
      echo "parley: aot-cache needs PARLEY_AOT_CACHE, the file to write" >&2
      exit 64
    fi
    training=$(mktemp -d)
    port=${PARLEY_AOT_TRAINING_PORT:-18089}
    # shellcheck disable=SC2086
    PARLEY_DATA_DIR="$training/data" DJL_CACHE_DIR="$training/djl" SERVER_PORT=$port PORT=$port \
      java $JAVA_OPTS -XX:AOTCacheOutput="$PARLEY_AOT_CACHE" -jar "$PARLEY_JAR" &
    pid=$!
    ready=""
    for _ in $(seq 1 600); do
      if curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"; then ready=1; break; fi
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    if [ -z "$ready" ]; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
      rm -rf "$training"
      echo "parley: the AOT training run did not become ready on port $port within 5 minutes" >&2
      exit 70
    fi
    curl -fs -o /dev/null -X POST -H 'Content-Type: application/json' -d '{"message":"How do I return an item?"}' \
      "http://127.0.0.1:$port/api/v1/widget/conversations" || true
    curl -fs -o /dev/null "http://127.0.0.1:$port/login" || true
    # SIGTERM: a graceful stop, after which the JVM writes the cache
    kill -TERM "$pid"
    wait "$pid" || true
    rm -rf "$training"
    [ -s "$PARLEY_AOT_CACHE" ] || { echo "parley: no AOT cache was written to $PARLEY_AOT_CACHE" >&2; exit 70; }
    exit 0
    ;;
  encryption-key|eval)
    # shellcheck disable=SC2086
    exec java $JAVA_OPTS -jar "$PARLEY_JAR" "$@"
    ;;
  ""|-*)
    ;;
  *)
    exec "$@"
    ;;
esac

if ! mkdir -p "$PARLEY_DATA_DIR" 2>/dev/null || [ ! -w "$PARLEY_DATA_DIR" ]; then
  echo "parley: the data directory $PARLEY_DATA_DIR is not writable by user $(id -u); mount a volume it owns" >&2
  exit 73
fi
if [ ! -r "$PARLEY_JAR" ]; then
  echo "parley: no application jar at $PARLEY_JAR" >&2
  exit 66
fi

# exec: java becomes the process that receives SIGTERM and shuts down gracefully (requests finish, streams close).
# shellcheck disable=SC2086
exec java $JAVA_OPTS $AOT_OPTS -jar "$PARLEY_JAR" "$@"
