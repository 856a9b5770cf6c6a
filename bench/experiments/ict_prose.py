#!/usr/bin/env python3
"""Experiment (issue 19): does self-supervised tuning of bge-small on a prose knowledge base's own text (the inverse
cloze task) retrieve the right passage for customers' questions better?

Passages are built as ProseRetrievalModels.java builds them (an article's whole sentences up to 400 characters, read as
"Title: passage"). Training pairs come from the knowledge base only (never from the DEV questions): for each passage
with two or more sentences, one sentence of at least 5 words is the pseudo-question and the passage without it (with
probability 0.9; with 0.1 the sentence stays, as in Lee et al. 2019) under its title is the positive. The same
encoder embeds both sides (bge-small's CLS pooling, cosine); the loss is softmax cross-entropy over the batch's
passages (in-batch negatives, passages of the same article masked out) at scale `scale`; Adam tunes the last
`layers` transformer layers in full (finetune_encoder.py's numpy re-implementation and hand-written backward pass,
imported, not changed); the layers below stay frozen and their outputs are computed once. Training sequences are cut
to 128 word pieces; evaluation embeds whole passages and questions, as the Java measurement does. Several depths are
trained on the same sampled pairs (seeded) and each is evaluated after every epoch: on the in-scope DEV questions,
passage top-1 and top-5 (the article of the best-scoring passage), and AUROC in vs out of scope of the best passage's
similarity and of the margin (best minus second-best article, articles scored by their best passage; not the
article-embedding margin of ProseRetrievalModels' "article" level), with an exact sign test against the untuned
numpy encoder (the control: passage top-1 62.1% on doc2dial-prose, 79.1% on bitext body-only, against the ONNX int8
model's 63.8% and 78.3%; doc2dial top-5 86.8% and AUROC 0.613 as the ONNX model's 86.8% and 0.614). Results are in
docs/benchmarks.md (issue 19, the inverse cloze task). Needs python3 with numpy; run with OPENBLAS_NUM_THREADS=1 for
single-threaded numbers.

usage: ict_prose.py <dataset> <kb> [--layers 2,4] [--epochs 2] [--lr 3e-5] [--batch 32] [--scale 20]
                    [--per-passage 1] [--titles 0] [--seed 7]
       --per-passage K: pseudo-questions drawn per passage and epoch (0: every eligible sentence, for small KBs)
       --titles 1: also train "title -> each of its passages" pairs (a title's passages are never in-batch negatives)
       e.g. ict_prose.py doc2dial-prose kb-prose; ict_prose.py bitext-customer-support kb-bodyonly --per-passage 0
       (datasets under ../shared/datasets or $PARLEY_DATASETS; model jar from ~/.m2, as finetune_encoder.py)
"""
import argparse, json, os, re, sys, time
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import finetune_encoder as fe

MAX_PASSAGE_CHARS, TRAIN_TOKENS, MIN_WORDS = 400, 128, 5
WS = ' \t\n\x0b\f\r'  # Java's \s
SENT = re.compile(r'(?<=[^0-9' + WS + r'][.!?])[' + WS + r']+|\n+')


def passages(body):
    """ProseRetrievalModels.passages: whole sentences up to 400 characters; here also each passage's sentences."""
    sents = [s.strip() for s in SENT.split(body)]
    out, cur = [], []
    for s in (s for s in sents if s):
        if cur and len(' '.join(cur)) + 1 + len(s) > MAX_PASSAGE_CHARS: out.append(cur); cur = []
        cur.append(s)
    if cur: out.append(cur)
    return out


def ids(bert, text, limit=512):
    pieces = [p for w in fe.basic_tokens(text) for p in fe.wordpiece(w, bert.vocab)][:limit - 2]
    return [bert.vocab[t] for t in ['[CLS]'] + pieces + ['[SEP]']]


def batches(lengths, batch):
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    return [order[s:s + batch] for s in range(0, len(order), batch)]


def pad(states):
    return fe.padded(states)


def lower_states(bert, seqs, upto, batch=64):
    """Token states after layers 0..upto-1 of id sequences (as Bert.hidden, but from ids, so they can be cut)."""
    out = [None] * len(seqs)
    for idx in batches([len(s) for s in seqs], batch):
        T = max(len(seqs[i]) for i in idx)
        x = np.zeros((len(idx), T), np.int64); mask = np.full((len(idx), T), -1e4, np.float32)
        for j, i in enumerate(idx): x[j, :len(seqs[i])] = seqs[i]; mask[j, :len(seqs[i])] = 0
        h = fe.layer_norm(bert.word[x] + bert.position[:T][None] + bert.token_type[0][None, None],
                          bert.w['embeddings.LayerNorm.weight'], bert.w['embeddings.LayerNorm.bias']).astype(np.float32)
        for l in range(upto): h = bert.layer(l, h, mask)
        for j, i in enumerate(idx): out[i] = h[j, :len(seqs[i])]
    return out


def more_layers(bert, states, layers, batch=64):
    """Frozen layers applied on top of cached token states."""
    out = [None] * len(states)
    for idx in batches([len(s) for s in states], batch):
        X, M = pad([states[i] for i in idx])
        for l in layers: X = bert.layer(l, X, M)
        for j, i in enumerate(idx): out[i] = X[j, :len(states[i])]
    return out


def embed(params, layers, states, batch=128):
    out = np.zeros((len(states), 384), np.float32)
    for idx in batches([len(s) for s in states], batch):
        X, M = pad([states[i] for i in idx]); out[idx] = fe.stack_forward(params, layers, X, M)[0]
    return out


def auroc(pos, neg):
    if len(pos) == 0 or len(neg) == 0: return float('nan')
    pos, neg = np.asarray(pos)[:, None], np.asarray(neg)[None, :]
    return float(((pos > neg).sum() + 0.5 * (pos == neg).sum()) / (pos.size * neg.size))


def sign_test(a, b):
    from math import comb
    n, k = a + b, min(a, b)
    return 1.0 if n == 0 else min(1.0, 2 * sum(comb(n, i) for i in range(k + 1)) / 2 ** n)


def evaluate(Q, P, part, expected, articles):
    """Passage-max article scores -> top-1/top-5 of in-scope questions, AUROC of the top score and of the margin."""
    S = Q @ P.T; A = np.full((len(Q), articles), -2.0, np.float32)
    for a in range(articles): A[:, a] = S[:, part == a].max(1)
    order = np.argsort(-A, axis=1, kind='stable'); top = A[np.arange(len(A)), order[:, 0]]
    margin = top - A[np.arange(len(A)), order[:, 1]]; inside = expected >= 0
    right = order[:, 0] == expected
    top5 = (order[:, :5] == expected[:, None]).any(1)
    return dict(top1=100 * right[inside].mean(), top5=100 * top5[inside].mean(),
                auc=auroc(top[inside], top[~inside]), auc_margin=auroc(margin[inside], margin[~inside]),
                right=right & inside)


def report(tag, r, control=None):
    line = (f'{tag}: passage top-1 {r["top1"]:.1f}%, top-5 {r["top5"]:.1f}%, AUROC best passage {r["auc"]:.3f}, '
            f'margin {r["auc_margin"]:.3f}')
    if control is not None:
        a, b = int((r['right'] & ~control['right']).sum()), int((~r['right'] & control['right']).sum())
        line += f'; right only tuned {a}, only control {b}, sign test p={sign_test(a, b):.3f}'
    print(line, flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('dataset'); ap.add_argument('kb')
    ap.add_argument('--layers', default='2,4'); ap.add_argument('--epochs', type=int, default=2)
    ap.add_argument('--lr', type=float, default=3e-5); ap.add_argument('--batch', type=int, default=32)
    ap.add_argument('--scale', type=float, default=20.0); ap.add_argument('--per-passage', type=int, default=1)
    ap.add_argument('--titles', type=int, default=0); ap.add_argument('--seed', type=int, default=7)
    args = ap.parse_args(); depths = sorted(int(d) for d in args.layers.split(','))
    print('command: ' + ' '.join(sys.argv), flush=True)
    started = time.time()
    articles = [json.loads(l) for l in open(f'{fe.DATA}/{args.dataset}/{args.kb}.jsonl') if l.strip()]
    index = {a['id']: i for i, a in enumerate(articles)}
    queries = [json.loads(l) for l in open(f'{fe.DATA}/{args.dataset}/queries-dev.jsonl') if l.strip()]
    expected = np.array([index[q['expected']] if q.get('expected') is not None else -1 for q in queries])
    texts, part, sents = [], [], []  # evaluation passages "Title: passage", their article, their sentences
    for a, art in enumerate(articles):
        for p in passages(art['body']):
            texts.append(art['title'] + ': ' + ' '.join(p)); part.append(a); sents.append(p)
    part = np.array(part)
    print(f'{args.dataset}: {len(articles)} articles, {len(texts)} passages, {len(queries)} DEV questions '
          f'({(expected >= 0).sum()} in scope)', flush=True)

    # ICT pairs for every epoch, sampled up front from the KB only (the same pairs for every depth)
    rng = np.random.default_rng(args.seed); epochs = []
    for _ in range(args.epochs):
        pairs = []  # (query text, positive text, article, passage index or -1)
        for j, ss in enumerate(sents):
            if len(ss) < 2: continue
            eligible = [k for k, s in enumerate(ss) if len(s.split()) >= MIN_WORDS]
            if not eligible: continue
            picks = rng.permutation(eligible)
            if args.per_passage > 0: picks = picks[:args.per_passage]
            for k in picks:
                rest = ss if rng.random() < 0.1 else ss[:k] + ss[k + 1:]
                pairs.append((ss[k], articles[part[j]]['title'] + ': ' + ' '.join(rest), part[j]))
        if args.titles:
            pairs += [(articles[part[j]]['title'], texts[j], part[j]) for j in range(len(texts))]
        epochs.append([pairs[i] for i in rng.permutation(len(pairs))])
    print(f'training pairs per epoch: {len(epochs[0])}', flush=True)

    bert = fe.Bert(); low = 12 - max(depths)
    t0 = time.time()
    eval_states = lower_states(bert, [ids(bert, t) for t in texts] + [ids(bert, q['question']) for q in queries], low)
    train_q = [lower_states(bert, [ids(bert, q, TRAIN_TOKENS) for q, _, _ in ep], low) for ep in epochs]
    train_p = [lower_states(bert, [ids(bert, p, TRAIN_TOKENS) for _, p, _ in ep], low) for ep in epochs]
    print(f'frozen layers 0-{low - 1} for {len(eval_states)} evaluation and {2 * sum(map(len, epochs))} training texts: '
          f'{time.time() - t0:.0f} s', flush=True)

    n = len(texts); control = None; results = []
    for depth in depths:
        layers = list(range(12 - depth, 12)); extra = list(range(low, 12 - depth))
        t0 = time.time()
        ev = more_layers(bert, eval_states, extra) if extra else eval_states
        tq = [more_layers(bert, s, extra) for s in train_q] if extra else train_q
        tp = [more_layers(bert, s, extra) for s in train_p] if extra else train_p
        params = {}
        for l in layers: params.update(fe.layer_parameters(bert, l))
        if control is None:
            E = embed(params, layers, ev); control = evaluate(E[n:], E[:n], part, expected, len(articles))
            report('control (untuned numpy encoder)', control)
        print(f'layers {layers[0]}-11 tuned; frozen states ready in {time.time() - t0:.0f} s', flush=True)
        opt = fe.Adam(params, args.lr); train_time = 0.0
        for e, ep in enumerate(epochs):
            t0, loss, arts = time.time(), 0.0, np.array([a for _, _, a in ep])
            for s in range(0, len(ep), args.batch):
                b = list(range(s, min(len(ep), s + args.batch)))
                if len(b) < 2: continue
                Xq, Mq = pad([tq[e][i] for i in b]); Xp, Mp = pad([tp[e][i] for i in b])
                q, cq = fe.stack_forward(params, layers, Xq, Mq); p, cp = fe.stack_forward(params, layers, Xp, Mp)
                z = args.scale * (q @ p.T); same = arts[b][:, None] == arts[b][None, :]
                z[same & ~np.eye(len(b), dtype=bool)] = -1e9
                pr = fe.softmax(z); rows = np.arange(len(b))
                loss -= np.log(pr[rows, rows] + 1e-12).sum(); pr[rows, rows] -= 1; dz = args.scale * pr / len(b)
                gq = fe.stack_backward(params, layers, dz @ p, cq); gp = fe.stack_backward(params, layers, dz.T @ q, cp)
                opt.update(params, {k: gq[k] + gp[k] for k in params})
            train_time += time.time() - t0
            E = embed(params, layers, ev); r = evaluate(E[n:], E[:n], part, expected, len(articles))
            print(f'layers {depth}, epoch {e + 1}: loss {loss / len(ep):.4f}, training {train_time:.0f} s', flush=True)
            report(f'  tuned {depth} layers, {e + 1} epoch(s)', r, control)
            results.append((depth, e + 1, r, train_time))
    print(f'\n| setting | passage top-1 | top-5 | AUROC best passage | AUROC margin | training s |')
    print('|---|---|---|---|---|---|')
    print(f'| control (untuned) | {control["top1"]:.1f}% | {control["top5"]:.1f}% | {control["auc"]:.3f} | '
          f'{control["auc_margin"]:.3f} | 0 |')
    for depth, e, r, t in results:
        print(f'| {depth} layers, {e} epoch(s) | {r["top1"]:.1f}% | {r["top5"]:.1f}% | {r["auc"]:.3f} | '
              f'{r["auc_margin"]:.3f} | {t:.0f} |')
    print(f'total {time.time() - started:.0f} s', flush=True)


if __name__ == '__main__':
    main()
