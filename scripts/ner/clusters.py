"""Word counts, PPMI-SVD word vectors and k-means clusters (several granularities) from the news corpus."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np


def count_words(corpus: Path) -> Counter[str]:
    """Token counts of the one-sentence-per-line corpus."""
    counts: Counter[str] = Counter()
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            counts.update(line.split())
    return counts


def svd_vectors(corpus: Path, counts: Counter[str], seed: int, dim: int = 100, min_count: int = 5,
                contexts: int = 10000, reach: int = 2) -> tuple[list[str], np.ndarray]:
    """Word vectors from a PPMI matrix of left/right neighbours (±``reach``) reduced by truncated SVD.

    Brown-style distributional evidence (which words stand next to which), computed with numpy
    and scipy in a minute on one core where word2vec would take most of an hour.
    """
    from scipy.sparse import coo_matrix
    from scipy.sparse.linalg import svds

    ranked = [w for w, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if n >= min_count]
    vocab = {w: i for i, w in enumerate(ranked)}
    n_ctx = min(contexts, len(ranked)) + 2  # + unknown, + sentence edge
    unk, edge = n_ctx - 2, n_ctx - 1
    flat: list[int] = []
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            flat.extend([-2] * reach)
            flat.extend(vocab.get(w, -1) for w in line.split())
    flat.extend([-2] * reach)
    ids = np.asarray(flat, dtype=np.int64)
    ctx = np.where(ids == -2, edge, np.where((ids < 0) | (ids >= n_ctx - 2), unk, ids))
    rows_all, cols_all = [], []
    block = 0
    for d in range(-reach, reach + 1):
        if d == 0:
            continue
        lo, hi = max(0, -d), len(ids) - max(0, d)
        centre = ids[lo:hi]
        keep = centre >= 0
        rows_all.append(centre[keep])
        cols_all.append(ctx[lo + d:hi + d][keep] + block * n_ctx)
        block += 1
    rows = np.concatenate(rows_all)
    cols = np.concatenate(cols_all)
    mat = coo_matrix((np.ones(len(rows), dtype=np.float64), (rows, cols)),
                     shape=(len(ranked), block * n_ctx)).tocsr()
    mat.sum_duplicates()
    total = mat.sum()
    row_sum = np.asarray(mat.sum(axis=1)).ravel()
    col_sum = np.asarray(mat.sum(axis=0)).ravel() ** 0.75
    col_p = col_sum / col_sum.sum()
    mat = mat.tocoo()
    pmi = np.log(mat.data * 1.0 / (row_sum[mat.row] / total * total) / col_p[mat.col])
    keep = pmi > 0
    ppmi = coo_matrix((pmi[keep], (mat.row[keep], mat.col[keep])), shape=mat.shape).tocsr()
    rng = np.random.default_rng(seed)
    u, sing, _ = svds(ppmi, k=dim, v0=rng.standard_normal(min(ppmi.shape)))
    vecs = (u * np.sqrt(sing)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-8
    return ranked, vecs


def kmeans(vecs: np.ndarray, k: int, seed: int, iters: int = 12) -> np.ndarray:
    """Spherical k-means labels (cosine), k-means++-free: seeded random initial centres."""
    rng = np.random.default_rng(seed)
    centres = vecs[rng.choice(len(vecs), size=k, replace=False)].copy()
    labels = np.zeros(len(vecs), dtype=np.int64)
    for _ in range(iters):
        for lo in range(0, len(vecs), 20000):
            labels[lo:lo + 20000] = (vecs[lo:lo + 20000] @ centres.T).argmax(axis=1)
        sums = np.zeros_like(centres)
        np.add.at(sums, labels, vecs)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        empty = norms[:, 0] == 0
        sums[empty] = vecs[rng.choice(len(vecs), size=int(empty.sum()), replace=False)]
        norms[empty] = 1.0
        centres = sums / norms
    return labels


def write_lexicon(out: Path, counts: Counter[str], words: list[str], vecs: np.ndarray,
                  sizes: tuple[int, ...], seed: int, min_count: int = 3) -> int:
    """Write ``form<TAB>count<TAB>cluster ids…`` for every word seen ``min_count`` times; returns rows."""
    ids = [kmeans(vecs, k, seed + i) for i, k in enumerate(sizes)]
    index = {w: i for i, w in enumerate(words)}
    rows = 0
    with out.open("w", encoding="utf-8") as fh:
        fh.write("# form\tcount\t" + "\t".join(f"k{k}" for k in sizes) + "\n")
        for word, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            if n < min_count or "\t" in word:
                continue
            i = index.get(word)
            cl = [str(int(lab[i])) for lab in ids] if i is not None else []
            fh.write("\t".join([word, str(n), *cl]) + "\n")
            rows += 1
    return rows
