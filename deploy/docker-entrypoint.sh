#!/usr/bin/env bash
# Starts Parley in the container image (and in the test that exercises this script against the packaged jar).
#   docker run parley                      -> the server
#   docker run parley --server.port=9090   -> the server with extra Spring arguments
#   docker run parley encryption-key       -> print a fresh encryption key and exit
#   docker run parley eval ...             -> the assistant's quality evaluation (see bench/)
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

case "${1:-}" in
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
exec java $JAVA_OPTS -jar "$PARLEY_JAR" "$@"
