#!/usr/bin/env bash
# Import + index of a JSONL knowledge base (default: CLINC150 full, 150 articles, 15,000 examples).
# Usage: bench/knowledge-import.sh [path/to/kb.jsonl]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -B test -Dtest=KnowledgeImportBenchmark -Dtest.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.file="${1:-$(dirname "$PWD")/shared/datasets/clinc150/kb-full.jsonl}" 2>&1 | grep -E "BENCH|Knowledge index|Embedding|ERROR" || true
