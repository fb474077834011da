"""Word vectors for the neural tagger: skip-gram (gensim) over clitic-stripped stems of the news corpus."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from rasid.extract.ner.features import Lexicon, split_clitic

log = logging.getLogger("train_ner")


def write_stem_corpus(corpus: Path, lex: Lexicon, out: Path) -> None:
    """Rewrite the news corpus (matching forms, one sentence a line) as stems."""
    stems: dict[str, str] = {}
    with corpus.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for line in src:
            toks = []
            for form in line.split():
                stem = stems.get(form)
                if stem is None:
                    stem = stems[form] = split_clitic(form, lex)[1]
                toks.append(stem)
            dst.write(" ".join(toks) + "\n")


class _Lines:
    """Re-iterable token lists of a text file, for gensim's several passes."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __iter__(self) -> Iterator[list[str]]:
        with self.path.open(encoding="utf-8") as fh:
            for line in fh:
                yield line.split()


def train_vectors(stem_corpus: Path, seed: int, dim: int, min_count: int, max_words: int,
                  epochs: int = 5, workers: int = 2) -> tuple[list[str], np.ndarray]:
    """Skip-gram vectors of the ``max_words`` most frequent stems, L2-normalised, most frequent first."""
    from gensim.models import Word2Vec

    model = Word2Vec(sentences=_Lines(stem_corpus), vector_size=dim, window=5, min_count=min_count,
                     sg=1, negative=10, sample=1e-4, epochs=epochs, seed=seed, workers=workers)
    words = list(model.wv.index_to_key[:max_words])
    vecs = np.stack([model.wv[w] for w in words]).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-8
    log.info("word vectors: %d stems × %d", len(words), dim)
    return words, vecs
