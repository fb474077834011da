"""Numeric inputs of the neural NER model, shared by training and tagging.

Each token becomes a word id (its clitic-stripped stem in the embedding vocabulary), character
ids of its matching form, three word-cluster ids, and a short vector of dense features taken from
the same lexicon the CRF uses (gazetteer and trigger membership, clitic, shape, label votes from
the news corpus, frequency). A batch of sentences becomes padded arrays plus the index that
reverses each sentence within its own length, so the backward LSTM never reads padding.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from rasid.extract.ner.features import (
    _ALNUM,
    _ARABIC,
    _LATIN,
    _TATWEEL,
    KINDS,
    Lexicon,
    bare,
    split_clitic,
    word_form,
)

MAX_CHARS = 20
PAD, UNK = 0, 1
#: dense features per token: gazetteer kind of form/stem/bare (3×4), trigger kind (4), clitic,
#: article, punctuation, Latin, digits, tatweel, label votes (4) + has votes + begin share,
#: log frequency, article ratio + rare, length, multi-word gazetteer B-/I- kind (2×4)
N_DENSE = 12 + 4 + 6 + 6 + 1 + 2 + 1 + 8
_KIND = {k: i for i, k in enumerate(KINDS)}
_SPAN = 32  # index of the first multi-word gazetteer slot


@dataclass
class Encoding:
    """Padded model inputs of a batch of sentences."""

    words: np.ndarray  # (B, T) int64
    chars: np.ndarray  # (B, T, MAX_CHARS) int64
    clusters: np.ndarray  # (B, T, 3) int64
    dense: np.ndarray  # (B, T, N_DENSE) float32
    reverse: np.ndarray  # (B, T) int64: position t reads t' = len-1-t inside the sentence
    lengths: np.ndarray  # (B,) int64


class Encoder:
    """Token → numeric inputs. Each token type is worked out once and kept as a row of four tables
    (word id, character ids, cluster ids, dense features), so a batch is a few fancy-indexed copies."""

    def __init__(self, lexicon: Lexicon, words: dict[str, int], chars: dict[str, int],
                 max_types: int = 200_000) -> None:
        self.lexicon = lexicon
        self.words = words
        self.chars = chars
        self.max_types = max_types
        self._firsts: dict[str, int] | None = None
        self._reset()

    def _reset(self) -> None:
        self._ids: dict[str, int] = {}
        self._forms: list[str] = []
        self._stems: list[str] = []
        self._word = np.zeros(1024, dtype=np.int64)
        self._char = np.zeros((1024, MAX_CHARS), dtype=np.int64)
        self._cluster = np.zeros((1024, 3), dtype=np.int64)
        self._dense = np.zeros((1024, N_DENSE), dtype=np.float32)

    def _add(self, token: str) -> int:
        """Work out a new token type and store its row."""
        lex = self.lexicon
        f = word_form(token)
        clitic, stem = split_clitic(f, lex)
        b = bare(stem)
        row = len(self._forms)
        if row == len(self._word):
            self._word = np.concatenate([self._word, np.zeros_like(self._word)])
            self._char = np.concatenate([self._char, np.zeros_like(self._char)])
            self._cluster = np.concatenate([self._cluster, np.zeros_like(self._cluster)])
            self._dense = np.concatenate([self._dense, np.zeros_like(self._dense)])
        d = self._dense[row]
        for slot, form in enumerate((f, stem, b)):
            kind = lex.gazetteer.get(form)
            if kind in _KIND:
                d[slot * 4 + _KIND[kind]] = 1.0
        for form in (f, stem):
            kind = lex.triggers.get(form)
            if kind in _KIND:
                d[12 + _KIND[kind]] = 1.0
        d[16] = bool(clitic)
        d[17] = stem.startswith(("ال", "لل"))
        d[18] = not _ALNUM.search(f)
        d[19] = bool(_LATIN.search(f))
        d[20] = "0" in f and not _ARABIC.search(f)
        d[21] = _TATWEEL in token
        votes = lex.votes(stem)
        if votes and votes[0]:
            for i in range(4):
                d[22 + i] = votes[1 + i] / votes[0]
            d[26] = 1.0
            entity = sum(votes[1:5])
            if len(votes) > 5 and entity:
                d[27] = votes[5] / entity
        d[28] = math.log2(lex.count(stem) + 1) / 16
        if _ARABIC.search(b) and len(b) >= 3:
            with_al, without = lex.count("ال" + b), lex.count(b)
            if with_al + without >= 3:
                d[29] = with_al / (with_al + without)
            else:
                d[30] = 1.0
        d[31] = min(len(b), 8) / 8
        cl = lex.clusters(stem) or lex.clusters(f)
        if len(cl) == 3:
            self._cluster[row] = [int(c) + 1 for c in cl]
        ids = [self.chars.get(c, UNK) for c in f[:MAX_CHARS]]
        self._char[row, :len(ids)] = ids
        self._word[row] = self.words.get(stem, self.words.get(f, UNK))
        self._forms.append(f)
        self._stems.append(stem)
        self._ids[token] = row
        return row

    def type_ids(self, tokens: Sequence[str]) -> list[int]:
        """Table rows of ``tokens``, adding the types not seen yet."""
        if len(self._forms) > self.max_types:
            self._reset()
        ids = self._ids
        return [ids[t] if t in ids else self._add(t) for t in tokens]

    def _first_words(self) -> dict[str, int]:
        """Longest multi-word gazetteer entry (in words) by its first word."""
        if self._firsts is None:
            firsts: dict[str, int] = {}
            for key in self.lexicon.gazetteer:
                if " " in key:
                    first, size = key.split(" ", 1)[0], key.count(" ") + 1
                    firsts[first] = max(size, firsts.get(first, 0))
            self._firsts = firsts
        return self._firsts

    def _spans(self, forms: Sequence[str], stems: Sequence[str], dense: np.ndarray) -> None:
        """Mark B-/I- of the longest multi-word gazetteer match starting at each token (offset 0)."""
        firsts = self._first_words()
        gaz = self.lexicon.gazetteer
        n = len(forms)
        i = 0
        while i < n:
            hit = 0
            longest = firsts.get(stems[i], 0)
            for size in range(min(longest, n - i), 1, -1):
                kind = gaz.get(" ".join([stems[i], *forms[i + 1:i + size]]))
                if kind in _KIND:
                    hit = size
                    dense[i, _SPAN + _KIND[kind]] = 1.0
                    dense[i + 1:i + size, _SPAN + 4 + _KIND[kind]] = 1.0
                    break
            i += hit or 1

    def encode(self, sentences: Sequence[Sequence[str]]) -> Encoding:
        """Padded arrays for ``sentences`` (each a list of tokens; empty ones stay all padding)."""
        b = len(sentences)
        lengths = np.array([len(s) for s in sentences], dtype=np.int64)
        t = int(lengths.max(initial=1)) or 1
        flat = self.type_ids([tok for sent in sentences for tok in sent])
        idx = np.asarray(flat, dtype=np.int64)
        rows = np.repeat(np.arange(b), lengths)
        cols = np.concatenate([np.arange(n) for n in lengths]) if b else np.zeros(0, dtype=np.int64)
        enc = Encoding(words=np.zeros((b, t), dtype=np.int64),
                       chars=np.zeros((b, t, MAX_CHARS), dtype=np.int64),
                       clusters=np.zeros((b, t, 3), dtype=np.int64),
                       dense=np.zeros((b, t, N_DENSE), dtype=np.float32),
                       reverse=np.tile(np.arange(t, dtype=np.int64), (b, 1)),
                       lengths=lengths)
        enc.words[rows, cols] = self._word[idx]
        enc.chars[rows, cols] = self._char[idx]
        enc.clusters[rows, cols] = self._cluster[idx]
        enc.dense[rows, cols] = self._dense[idx]
        k = 0
        for r, n in enumerate(lengths.tolist()):
            if n:
                part = flat[k:k + n]
                self._spans([self._forms[x] for x in part], [self._stems[x] for x in part], enc.dense[r])
                enc.reverse[r, :n] = np.arange(n - 1, -1, -1)
            k += n
        return enc
