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
