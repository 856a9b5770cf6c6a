#!/usr/bin/env bash
# Knowledge search latency over synthetic articles (default 100,000). Runs from a copy of the compiled
# classes, so rebuilding the project meanwhile does not disturb it. The index is kept under
# target/bench-search-<n>; delete that folder to measure the build again.
# Usage: bench/knowledge-search.sh [articles] [merge to at most this many segments first]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/target/bench-classpath.txt" -Dmdep.includeScope=test
run=target/bench-run-$$
mkdir -p "$run" && cp -r target/classes "$run/classes" && cp -r target/test-classes "$run/test-classes"
"$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Xmx3g \
    -Dbench.articles="${1:-100000}" -Dbench.max-segments="${2:-0}" -cp "$run/classes:$run/test-classes:$(cat target/bench-classpath.txt)" \
    dev.parley.knowledge.internal.KnowledgeSearchBenchmark 2>&1 | grep -E "BENCH|Exception|Error" || true
rm -rf "$run"
