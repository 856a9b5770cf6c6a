#!/usr/bin/env python3
"""Neighbouring-topic problems: questions on a topic next to ones the knowledge base covers (as in BANKING77-OOS),
built from the other data sets so that calibrator changes can be judged without looking at BANKING77-OOS's DEV file.

Each problem leaves a third of a data set's intents out of its knowledge base (a fixed seed picks them); their DEV
questions become out-of-scope (`expected: null`). The eval command (the production pipeline, shipped encoder) then
calibrates on the problem's questions at precision 0.95 with out-of-scope recall at least 0.9, as bench/quality.sh
does, and the table lists what it reached.

Usage: bench/experiments/neighbour_topics.py [--jar target/parley-*.jar] [--datasets ../shared/datasets]
                                             [--out target/bench/neighbours] [--java java]
(records the results in docs/benchmarks.md by hand; about 15 minutes on 2 cores with a warm embedding cache)
"""
import argparse
import glob
import json
import os
import pathlib
import random
import subprocess

PROBLEMS = [  # data set, knowledge base, intents left out, seeds
    ("banking77", "kb-full", 27, [1, 2, 3]),
    ("banking77", "kb-10shot", 27, [1, 2]),
    ("clinc150", "kb-full", 50, [1]),
    ("clinc150", "kb-10shot", 50, [1, 2]),
    ("bitext-customer-support", "kb-10shot", 9, [1]),
]


def build(datasets, out):
    problems = []
    for ds, kb, left_out, seeds in PROBLEMS:
        articles = [json.loads(line) for line in open(f"{datasets}/{ds}/{kb}.jsonl")]
        questions = [json.loads(line) for line in open(f"{datasets}/{ds}/queries-dev.jsonl")]
        for seed in seeds:
            ids = sorted(a["id"] for a in articles)
            random.Random(seed).shuffle(ids)
            outside = set(ids[:left_out])
            folder = pathlib.Path(out) / f"{ds}-{kb}-s{seed}"
            folder.mkdir(parents=True, exist_ok=True)
            with open(folder / "kb.jsonl", "w") as f:
                for a in articles:
                    if a["id"] not in outside:
                        f.write(json.dumps(a) + "\n")
            with open(folder / "queries.jsonl", "w") as f:
                for q in questions:
                    expected = q["expected"]
                    if expected in outside:
                        expected = None
                    f.write(json.dumps({"question": q["question"], "expected": expected}) + "\n")
            problems.append(folder)
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jar", default=next(iter(sorted(glob.glob("target/parley-*.jar"))), None))
    parser.add_argument("--datasets", default=str(pathlib.Path("..").resolve() / "shared" / "datasets"))
    parser.add_argument("--out", default="target/bench/neighbours")
    parser.add_argument("--java", default=os.path.join(os.environ["JAVA_HOME"], "bin", "java") if "JAVA_HOME" in os.environ else "java")
    parser.add_argument("--cache", default=os.environ.get("PARLEY_EMBEDDING_CACHE", "/tmp/parley-emb-cache"))
    args = parser.parse_args()
    rows = []
    for folder in build(args.datasets, args.out):
        report = folder / "report.json"
        subprocess.run([args.java, "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                        "-Xmx4g", "-jar", args.jar, "eval", "--kb", str(folder / "kb.jsonl"),
                        "--queries", str(folder / "queries.jsonl"), "--calibrate-on", str(folder / "queries.jsonl"),
                        "--target-precision", "0.95", "--min-oos-recall", "0.9", "--frozen-encoder",
                        "--embedding-cache", args.cache, "--report", str(report)],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        m = json.loads(report.read_text())
        rows.append((folder.name, m))
        print(f"| {folder.name} | {m['articles']} | {m['outOfScope']} of {m['n']} | {m['top1Accuracy'] * 100:.1f}% | "
              f"{m['deflection'] * 100:.1f}% | {m['precision'] * 100:.1f}% | {m['oosRecall'] * 100:.1f}% |", flush=True)
    mean = sum(m["deflection"] for _, m in rows) / len(rows)
    print(f"| mean deflection | | | | {mean * 100:.2f}% | | |")


if __name__ == "__main__":
    main()
