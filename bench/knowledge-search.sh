#!/usr/bin/env bash
# Knowledge search latency over synthetic articles (default 100,000). The index is kept under
# target/bench-search-<n>; delete it to measure the build again.
# Usage: bench/knowledge-search.sh [articles]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -B -o test -Dtest=KnowledgeSearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.articles="${1:-100000}" 2>&1 | grep -E "BENCH|ERROR|FAIL" || true
