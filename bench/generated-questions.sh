#!/usr/bin/env bash
# Generated example questions (issue 19 item 3): for each prose knowledge base, runs the eval command twice with the
# flags of bench/quality.sh (calibrated on the DEV file at target precision 0.95, min OOS recall 0.9, evaluated on
# the same DEV file): once as it is, once with a model writing questions for every article without examples
# (--generate-questions-url), and prints the figures side by side.
# The model is a LOCAL STUB, not a language model: bench/llm-stub/OpenAiStub.java answers the question-writing
# request with fixed questions from bench/generated-questions/<data set>--<kb>.jsonl for the article whose title is
# the request's first line (and its body's start where titles repeat). The figures measure what such questions do to
# the scorer and the encoder tuning, not what a given model would write.
# Usage: bench/generated-questions.sh [datasets dir]   (default ../shared/datasets; needs java 21+ and python3)
# GENERATED_QUESTIONS_ROWS="bitext-customer-support/kb-bodyonly" runs only that row.
# Reports, eval output and stub logs go to target/bench/generated-questions/.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
DATA="${1:-${PARLEY_DATASETS:-$DATASETS_DEFAULT}}"
OUT=target/bench/generated-questions
CACHE="${PARLEY_EMBEDDING_CACHE:-/tmp/parley-emb-cache}"
STUB=bench/llm-stub/OpenAiStub.java
ROWS=("doc2dial-prose kb-prose" "bitext-customer-support kb-bodyonly")
if [[ -n "${GENERATED_QUESTIONS_ROWS:-}" ]]; then
  ROWS=()
  for selected in $GENERATED_QUESTIONS_ROWS; do ROWS+=("${selected%%/*} ${selected#*/}"); done
fi

# Everything the runs need, checked before the first (long) run.
[[ -f "$STUB" ]] || { echo "missing $STUB (the local OpenAI-compatible stub)" >&2; exit 1; }
for row in "${ROWS[@]}"; do
  read -r ds kb <<<"$row"
  fixture="bench/generated-questions/$ds--$kb.jsonl"
  [[ -f "$fixture" ]] || { echo "missing fixture $fixture: the stub's questions for $ds / $kb" \
    "(JSON lines {\"id\",\"title\",\"bodyStart\",\"questions\":[...]})" >&2; exit 1; }
  for file in "$DATA/$ds/$kb.jsonl" "$DATA/$ds/queries-dev.jsonl"; do
    [[ -f "$file" ]] || { echo "missing data set file $file" >&2; exit 1; }
  done
done
JAR=$(parley_jar)
JAVA=$(parley_java)
mkdir -p "$OUT"

STUB_PID=""
stop_stub() {
  if [[ -n "$STUB_PID" ]] && kill -0 "$STUB_PID" 2>/dev/null; then
    kill "$STUB_PID"; wait "$STUB_PID" 2>/dev/null || true
  fi
  STUB_PID=""
}
trap stop_stub EXIT

# Starts the stub on a fixture and sets STUB_URL from its first line, "listening on http://127.0.0.1:PORT/v1".
start_stub() {
  local fixture=$1 log=$2 started first
  "$JAVA" "$STUB" --questions "$fixture" >"$log" 2>"$log.err" &
  STUB_PID=$!
  started=$(date +%s)
  until [[ -s "$log" ]] && (( $(wc -l <"$log") >= 1 )); do
    if ! kill -0 "$STUB_PID" 2>/dev/null; then
      echo "the stub exited before printing its address:" >&2; cat "$log" "$log.err" >&2; return 1
    fi
    if (( $(date +%s) - started > 120 )); then echo "the stub printed no address in 120 s; see $log*" >&2; return 1; fi
    sleep 0.5
  done
  first=$(head -1 "$log")
  if [[ ! "$first" =~ ^listening\ on\ (http://[^[:space:]]+)$ ]]; then
    echo "the stub's first line is not 'listening on <url>': $first" >&2; cat "$log.err" >&2; return 1
  fi
  STUB_URL=${BASH_REMATCH[1]}
}

# One eval run; extra arguments after the name. Its table goes to the terminal and $OUT/<name>.txt.
run_eval() {
  local ds=$1 kb=$2 name=$3
  shift 3
  if ! "$JAVA" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Xmx4g -jar "$JAR" eval \
      --kb "$DATA/$ds/$kb.jsonl" --queries "$DATA/$ds/queries-dev.jsonl" \
      --calibrate-on "$DATA/$ds/queries-dev.jsonl" --target-precision 0.95 --min-oos-recall 0.9 \
      --embedding-cache "$CACHE" --report "$OUT/$name.json" "$@" >"$OUT/$name.txt" 2>"$OUT/$name.err"; then
    echo "eval $name failed:" >&2; grep -v '^WARNING' "$OUT/$name.err" >&2; return 1
  fi
  grep -v '^report written' "$OUT/$name.txt"
}

for row in "${ROWS[@]}"; do
  read -r ds kb <<<"$row"
  fixture="bench/generated-questions/$ds--$kb.jsonl"
  echo "== $ds / $kb: without generated questions"
  run_eval "$ds" "$kb" "$ds--$kb--without"
  start_stub "$fixture" "$OUT/$ds--$kb--stub.log"
  echo
  echo "== $ds / $kb: with generated questions (local stub at $STUB_URL serving $fixture)"
  run_eval "$ds" "$kb" "$ds--$kb--with" --generate-questions-url "$STUB_URL" \
    --save-generated "$OUT/$ds--$kb--generated.jsonl"
  stop_stub
  echo
  python3 - "$OUT/$ds--$kb--without.json" "$OUT/$ds--$kb--with.json" "$fixture" <<'EOF'
import json, sys

without, with_, fixture = (json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), sys.argv[3])
g = with_["generatedQuestions"]
print(f"{with_['kb']}: {g['questions']} generated questions for {g['articles']} of {g['articlesAsked']} articles "
      f"without examples, written by a LOCAL STUB (fixed questions from {fixture}) in {g['seconds']} s")
if g["articles"] < g["articlesAsked"]:
    print(f"NOTE: {g['articlesAsked'] - g['articles']} articles got no usable questions from the stub")


def pct(v):
    return "–" if v is None else f"{v * 100:.1f}%"


def calibration(r):
    c = r.get("calibration", {})
    return f"{c.get('expectedPrecision', 0):.3f}" + ("" if c.get("reached") else " (NOT reached)")


rows = [
    ("top-1 accuracy", lambda r: pct(r["top1Accuracy"])),
    ("deflection", lambda r: pct(r["deflection"])),
    ("precision", lambda r: pct(r["precision"])),
    ("OOS recall", lambda r: pct(r["oosRecall"])),
    ("answered", lambda r: f"{r['answered']} of {r['n']}"),
    ("threshold", lambda r: f"{r['threshold']:.4f}"),
    ("expected precision (calibration)", calibration),
    ("ECE", lambda r: f"{r['ece']:.3f}"),
    ("encoder", lambda r: "tuned" if r["encoderTuned"] else "shipped"),
    ("training s", lambda r: str(r["trainingSeconds"])),
    ("latency p50 / p95 ms", lambda r: f"{r['latencyMsP50']:.2f} / {r['latencyMsP95']:.2f}"),
]
print()
print("| metric | without | with generated questions |")
print("|---|---|---|")
for name, fmt in rows:
    print(f"| {name} | {fmt(without)} | {fmt(with_)} |")
print()
EOF
done
