#!/usr/bin/env bash
# Speed benchmark: assistant decision latency, single thread, on a 1,000-article knowledge base.
# Builds the KB from the data sets (CLINC150 and BANKING77 intents split into several articles each,
# plus the Bitext articles: ~1,000 articles, ~24,000 example questions), then runs the eval command
# (the production pipeline, question embedding included, after a warm-up) on 2,000 questions.
# Usage: bench/speed.sh [datasets dir]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
DATA="${1:-${PARLEY_DATASETS:-$DATASETS_DEFAULT}}"
OUT=target/bench/speed
CACHE="${PARLEY_EMBEDDING_CACHE:-/tmp/parley-emb-cache}"
JAR=$(parley_jar)
JAVA=$(parley_java)
mkdir -p "$OUT"
python3 - "$DATA" "$OUT" <<'PY'
import json, sys, pathlib
data, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
articles = []
def split(path, parts):
    for line in path.read_text().splitlines():
        a = json.loads(line)
        ex = a["examples"]
        size = -(-len(ex) // parts)
        for p in range(parts):
            chunk = ex[p * size:(p + 1) * size]
            if chunk:
                articles.append({"id": f"{a['id']}-{p}", "title": f"{a['title']} ({p + 1})", "body": a["body"], "examples": chunk})
split(data / "clinc150/kb-full.jsonl", 5)
split(data / "banking77/kb-full.jsonl", 3)
split(data / "bitext-customer-support/kb-10shot.jsonl", 1)
articles = articles[:1000]
(out / "kb-1000.jsonl").write_text("".join(json.dumps(a) + "\n" for a in articles))
queries = []
for name in ["clinc150", "banking77"]:
    queries += [json.loads(l) for l in (data / name / "queries-dev.jsonl").read_text().splitlines()]
queries = queries[::2][:2000]
(out / "queries.jsonl").write_text("".join(json.dumps({"question": q["question"], "expected": None}) + "\n" for q in queries))
print(f"{len(articles)} articles, {sum(len(a['examples']) for a in articles)} examples, {len(queries)} questions")
PY
"$JAVA" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Xmx4g -jar "$JAR" eval \
  --kb "$OUT/kb-1000.jsonl" --queries "$OUT/queries.jsonl" --threshold 0.7 \
  --embedding-cache "$CACHE" --report "$OUT/speed.json" 2>/dev/null | grep -E "latency|knowledge base"
python3 bench/write_table.py speed "$OUT" docs/benchmarks.md
