#!/usr/bin/env bash
# Answer-passage benchmark: runs the eval command on doc2dial-prose DEV (prose help pages, real first questions)
# and reports what customers are shown for the questions whose best article is the right one: answer length, and
# the share of the question's content words inside the shown passage versus the article's start cut to the same
# length (doc2dial-prose keeps no gold answer span, so this is the proxy). Writes the table into docs/benchmarks.md.
# Usage: bench/answers.sh [datasets dir]   (default ../shared/datasets; needs java 21+ and python3)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
DATA="${1:-${PARLEY_DATASETS:-$DATASETS_DEFAULT}}"
OUT=target/bench/answers
CACHE="${PARLEY_EMBEDDING_CACHE:-/tmp/parley-emb-cache}"
JAR=$(parley_jar)
JAVA=$(parley_java)
mkdir -p "$OUT"
"$JAVA" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Xmx4g -jar "$JAR" eval \
  --kb "$DATA/doc2dial-prose/kb-prose.jsonl" --queries "$DATA/doc2dial-prose/queries-dev.jsonl" --threshold 0.7 \
  --frozen-encoder --embedding-cache "$CACHE" --report "$OUT/doc2dial-prose.json" 2>"$OUT/eval.log" | { grep -v '^report written' || true; }
python3 bench/write_table.py answers "$OUT" docs/benchmarks.md
