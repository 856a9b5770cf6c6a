#!/usr/bin/env python3
"""Neighbouring-topic problems: questions on a topic next to ones the knowledge base covers (as in BANKING77-OOS),
built from the other data sets so that calibrator changes can be judged without looking at BANKING77-OOS's DEV file.

`--set neighbours` (default): each problem leaves a third of a data set's intents out of its knowledge base (a fixed
seed picks them); their DEV questions become out-of-scope (`expected: null`). The eval command (the production
pipeline, shipped encoder) then calibrates on the problem's questions at precision 0.95 with out-of-scope recall at
least 0.9, as bench/quality.sh does, and the table lists what it reached.

`--set small`: small knowledge bases, like a new deployment's: 25 intents of a 10-shot knowledge base, their DEV
questions plus a quarter as many questions of other intents (out of scope). Besides the calibrated threshold it also
runs the default threshold 0.7, which is what a deployment that never calibrates gets.

The shipped encoder is used unless `--tune` is given (then the 10-shot knowledge bases are tuned, as in the
application; several times slower).

Usage: bench/experiments/neighbour_topics.py [--set neighbours|small] [--tune] [--jar target/parley-*.jar]
                                             [--datasets ../shared/datasets] [--out target/bench/neighbours] [--java java]
(records the results in docs/benchmarks.md by hand; about 15 minutes on 2 cores with a warm embedding cache)
"""
import argparse
import glob
import json
import os
import pathlib
import random
import subprocess

SMALL = [  # data set, seeds: 25 intents of its 10-shot knowledge base each
    ("clinc150", [1, 2, 3, 4]),
    ("banking77", [1, 2, 3]),
    ("bitext-customer-support", [1]),
]

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


def build_small(datasets, out):
    problems = []
    for ds, seeds in SMALL:
        articles = [json.loads(line) for line in open(f"{datasets}/{ds}/kb-10shot.jsonl")]
        questions = [json.loads(line) for line in open(f"{datasets}/{ds}/queries-dev.jsonl")]
        for seed in seeds:
            rng = random.Random(100 + seed)
            ids = sorted(a["id"] for a in articles)
            rng.shuffle(ids)
            kept = set(ids[:25])
            folder = pathlib.Path(out) / f"{ds}-small-s{seed}"
            folder.mkdir(parents=True, exist_ok=True)
            with open(folder / "kb.jsonl", "w") as f:
                for a in articles:
                    if a["id"] in kept:
                        f.write(json.dumps(a) + "\n")
            inside = [q for q in questions if q["expected"] in kept]
            outside = [q for q in questions if q["expected"] not in kept]
            rng.shuffle(outside)
            with open(folder / "queries.jsonl", "w") as f:
                for q in inside:
                    f.write(json.dumps(q) + "\n")
                for q in outside[:len(inside) // 4]:
                    f.write(json.dumps({"question": q["question"], "expected": None}) + "\n")
            problems.append(folder)
    return problems


def evaluate(args, folder, report, *options):
    encoder = [] if args.tune else ["--frozen-encoder"]
    subprocess.run([args.java, "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                    "-Xmx4g", "-jar", args.jar, "eval", "--kb", str(folder / "kb.jsonl"),
                    "--queries", str(folder / "queries.jsonl"), *encoder,
                    "--embedding-cache", args.cache, "--report", str(report), *options],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return json.loads(report.read_text())


def calibrated(folder):
    return ["--calibrate-on", str(folder / "queries.jsonl"), "--target-precision", "0.95", "--min-oos-recall", "0.9"]


def percent(value):
    return f"{value * 100:.1f}%"


def run_neighbours(args):
    rows = []
    for folder in build(args.datasets, args.out):
        m = evaluate(args, folder, folder / "report.json", *calibrated(folder))
        rows.append(m)
        print(f"| {folder.name} | {m['articles']} | {m['outOfScope']} of {m['n']} | {percent(m['top1Accuracy'])} | "
              f"{percent(m['deflection'])} | {percent(m['precision'])} | {percent(m['oosRecall'])} |", flush=True)
    print(f"| mean deflection | | | | {percent(sum(m['deflection'] for m in rows) / len(rows))} | | |")


def run_small(args):
    rows = []
    for folder in build_small(args.datasets, args.out):
        m = evaluate(args, folder, folder / "report.json", *calibrated(folder))
        d = evaluate(args, folder, folder / "report-0.7.json", "--threshold", "0.7")
        rows.append((m, d))
        print(f"| {folder.name} | {m['articles']} | {m['outOfScope']} of {m['n']} | {percent(m['top1Accuracy'])} | "
              f"{percent(m['deflection'])} | {percent(d['deflection'])} | {percent(d['precision'])} | "
              f"{percent(d['oosRecall'])} |", flush=True)
    def mean(i, key):
        return percent(sum(r[i][key] for r in rows) / len(rows))
    print(f"| mean | | | | {mean(0, 'deflection')} | {mean(1, 'deflection')} | {mean(1, 'precision')} | "
          f"{mean(1, 'oosRecall')} |")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", choices=["neighbours", "small"], default="neighbours")
    parser.add_argument("--tune", action="store_true", help="tune the encoder where the application would (slower)")
    parser.add_argument("--jar", default=next(iter(sorted(glob.glob("target/parley-*.jar"))), None))
    parser.add_argument("--datasets", default=str(pathlib.Path("..").resolve() / "shared" / "datasets"))
    parser.add_argument("--out", default="target/bench/neighbours")
    parser.add_argument("--java", default=os.path.join(os.environ["JAVA_HOME"], "bin", "java") if "JAVA_HOME" in os.environ else "java")
    parser.add_argument("--cache", default=os.environ.get("PARLEY_EMBEDDING_CACHE", "/tmp/parley-emb-cache"))
    args = parser.parse_args()
    (run_small if args.set == "small" else run_neighbours)(args)


if __name__ == "__main__":
    main()
