#!/usr/bin/env bash
# Quality benchmark: runs the eval command (the production pipeline) for every row of the quality bar,
# calibrating the threshold on each data set's DEV file at target precision 0.95 and evaluating on the
# same DEV file, then writes the table into docs/benchmarks.md (between the quality markers).
# The eval command tunes the encoder on each knowledge base as the application does (ADR 0009): CLINC150 full and
# BANKING77-OOS take about half an hour each on 2 cores, doc2dial-prose (prose) about two minutes, the whole run about 1.5 hours.
# Usage: bench/quality.sh [datasets dir]   (default ../shared/datasets; needs java 21+ and python3)
# QUALITY_ROWS="banking77-oos/kb-full bitext-customer-support/kb-bodyonly" runs only those rows and leaves the table
# in docs/benchmarks.md as it is (a partial run prints its figures only). QUALITY_JAVA_OPTS adds JVM options to the
# eval command, e.g. the -D switch of a local experiment build.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
DATA="${1:-${PARLEY_DATASETS:-$DATASETS_DEFAULT}}"
OUT=target/bench/quality
CACHE="${PARLEY_EMBEDDING_CACHE:-/tmp/parley-emb-cache}"
JAR=$(parley_jar)
JAVA=$(parley_java)
mkdir -p "$OUT"
ROWS=(
  "clinc150 kb-full"
  "clinc150 kb-10shot"
  "banking77 kb-10shot"
  "banking77-oos kb-full"
  "bitext-customer-support kb-10shot"
  "bitext-customer-support kb-bodyonly"
  "doc2dial-prose kb-prose"
)
if [[ -n "${QUALITY_ROWS:-}" ]]; then
  ROWS=()
  for selected in $QUALITY_ROWS; do ROWS+=("${selected%%/*} ${selected#*/}"); done
fi
for row in "${ROWS[@]}"; do
  read -r ds kb <<<"$row"
  echo "== $ds / $kb"
  "$JAVA" ${QUALITY_JAVA_OPTS:-} --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Xmx4g -jar "$JAR" eval \
    --kb "$DATA/$ds/$kb.jsonl" --queries "$DATA/$ds/queries-dev.jsonl" \
    --calibrate-on "$DATA/$ds/queries-dev.jsonl" --target-precision 0.95 --min-oos-recall 0.9 \
    --embedding-cache "$CACHE" --report "$OUT/$ds--$kb.json" 2>/dev/null | grep -v '^report written'
done
[[ -n "${QUALITY_ROWS:-}" ]] || python3 bench/write_table.py quality "$OUT" docs/benchmarks.md
