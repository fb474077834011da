"""Linear-chain CRF tagging in numpy from weights exported out of python-crfsuite.

A token's emission score is the sum, over window offsets, of a vector that depends only on the
word type at that offset, so each type's (offsets × labels) block is computed once and cached;
a batch of sentences is then a gather, a shifted sum and one batched Viterbi. This is why the
tagger does not call crfsuite at run time: building attribute strings per token is the bottleneck.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np

from rasid.extract.ner.features import (
    BOS,
    EOS,
    WINDOW,
    Lexicon,
    split_clitic,
    type_features,
    word_form,
)

_SPAN = 2 * WINDOW + 1
_CACHE_MAX = 400_000  # word types kept before the cache falls back to the shipped ones
_NEG = -1e4


class Labeller(Protocol):
    """What the rest of rasid needs of a tagger: its labels, its lexicon, scores and BIO labels."""

    labels: list[str]
    lexicon: Lexicon

    def emissions(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """Per-sentence (tokens × labels) scores."""
        ...

    def tag(self, sentences: list[list[str]]) -> list[list[str]]:
        """BIO labels for each token of each sentence."""
        ...


class Tagger:
    """BIO tagger over PER ORG LOC MISC; ``tag`` takes tokenised sentences."""

    def __init__(self, labels: Sequence[str], attributes: Sequence[str], weights: np.ndarray,
                 transitions: np.ndarray, lexicon: Lexicon) -> None:
        """Wrap exported weights: ``weights[attribute, label]`` and ``transitions[from, to]``."""
        self.labels = list(labels)
        self.lexicon = lexicon
        self._attr = {a: i for i, a in enumerate(attributes)}
        self._w = np.vstack([weights.astype(np.float64), np.zeros((1, len(self.labels)))])
        self._zero = len(attributes)
        self._feat_rows = self._rows_by_feature(attributes)
        trans = transitions.astype(np.float64).copy()
        start = np.zeros(len(self.labels))
        for j, lab in enumerate(self.labels):
            if lab.startswith("I-"):
                start[j] = _NEG
                for i, prev in enumerate(self.labels):
                    if prev[2:] != lab[2:]:
                        trans[i, j] = _NEG
        self._trans = trans
        self._start = start
        self._ids: dict[str, int] = {}
        self._pending: list[tuple[str, str, tuple[str, str]]] = []
        self._filled = 0
        self._stems: list[str] = []
        self._forms: list[str] = []
        self._by_form: dict[str, int] = {}
        self._table = np.zeros((0, _SPAN, len(self.labels)))
        self._first = self._span_index()
        self._type_id(BOS)
        self._type_id(EOS)
        self._fill()
        self._base: tuple[dict[str, int], int] = (dict(self._ids), self._filled)

    def _span_index(self) -> dict[str, list[tuple[tuple[str, ...], int, int]]]:
        """Multi-word gazetteer entries by first word, longest first, with their G=B-/G=I- rows."""
        index: dict[str, list[tuple[tuple[str, ...], int, int]]] = {}
        for key, kind in self.lexicon.gazetteer.items():
            words = key.split(" ")
            if len(words) > 1:
                index.setdefault(words[0], []).append(
                    (tuple(words[1:]), self._row("0:G=B-" + kind), self._row("0:G=I-" + kind)))
        for entries in index.values():
            entries.sort(key=lambda e: -len(e[0]))
        return index

    def _rows_by_feature(self, attributes: Sequence[str]) -> dict[str, list[int]]:
        """Feature name → its weight row at each window offset (the zero row where it has none)."""
        table: dict[str, list[int]] = {}
        for i, attr in enumerate(attributes):
            offset, _, name = attr.partition(":")
            d = int(offset)
            if abs(d) > WINDOW:
                continue
            rows = table.get(name)
            if rows is None:
                rows = table[name] = [self._zero] * _SPAN
            rows[d + WINDOW] = i
        return table

    def _row(self, attribute: str) -> int:
        """Weight row of an attribute (the zero row when the model never saw it)."""
        return self._attr.get(attribute, self._zero)

    def _type_id(self, token: str) -> int:
        """Integer id of a token type; a new type's emission block is filled in by ``_fill``."""
        tid = self._ids.get(token)
        if tid is not None:
            return tid
        form = word_form(token)
        if "\u0640" not in token:
            tid = self._by_form.get(form)
            if tid is not None:
                self._ids[token] = tid
                return tid
        tid = len(self._stems)
        self._ids[token] = tid
        split = split_clitic(form, self.lexicon)
        self._stems.append(split[1])
        self._forms.append(form)
        self._pending.append((token, form, split))
        return tid

    def blocks_for(self, forms: Sequence[str]) -> tuple[list[str], np.ndarray]:
        """Stems and float32 emission blocks of ``forms`` (matching forms), to ship with the weights."""
        ids = [self._type_id(f) for f in forms]
        self._fill()
        return [self._stems[i] for i in ids], self._table[ids].astype(np.float32)

    def preload(self, forms: Sequence[str], stems: Sequence[str], blocks: np.ndarray) -> None:
        """Adopt emission blocks computed ahead (see :meth:`blocks_for`) so frequent words cost a lookup."""
        self._fill()
        self._grow(len(forms))
        n = self._filled
        self._table[n:n + len(forms)] = blocks
        self._by_form.update(zip(forms, range(n, n + len(forms)), strict=True))
        self._forms.extend(forms)
        self._stems.extend(stems)
        self._filled = n + len(forms)
        self._base = (dict(self._ids), self._filled)

    def _trim(self) -> None:
        """Forget the types cached since loading once there are too many (long-running processes)."""
        ids, n = self._base
        self._ids = dict(ids)
        del self._stems[n:], self._forms[n:]
        self._filled = n

    def _grow(self, extra: int) -> None:
        """Make room for ``extra`` more emission blocks."""
        n = self._filled
        if n + extra > len(self._table):
            grown = np.zeros((max(n + extra, 2 * len(self._table), 1024), _SPAN, len(self.labels)))
            grown[:n] = self._table[:n]
            self._table = grown

    def _fill(self) -> None:
        """Compute the emission blocks of every type first seen since the last call, in one gather."""
        if not self._pending:
            return
        rows: list[list[int]] = []
        starts: list[int] = []
        feat_rows = self._feat_rows
        zero = [self._zero] * _SPAN
        lex = self.lexicon
        for token, form, split in self._pending:
            starts.append(len(rows))
            rows.append(zero)
            rows.extend(feat_rows[name] for name, _ in type_features(token, lex, form, split) if name in feat_rows)
        gathered = self._w[np.asarray(rows, dtype=np.int64)]
        blocks = np.add.reduceat(gathered, np.asarray(starts, dtype=np.int64), axis=0)
        n, k = self._filled, len(blocks)
        self._grow(k)
        self._table[n:n + k] = blocks
        self._filled = n + k
        self._pending = []

    def _span_scores(self, ids: list[int], out: np.ndarray, base: int) -> None:
        """Add multi-word gazetteer match scores for one sentence (its tokens start at ``out[base]``)."""
        n = len(ids)
        stems, forms, first = self._stems, self._forms, self._first
        i = 0
        while i < n:
            entries = first.get(stems[ids[i]])
            size = 1
            if entries:
                for rest, brow, irow in entries:
                    m = len(rest)
                    if i + m < n and all(forms[ids[i + 1 + k]] == rest[k] for k in range(m)):
                        out[base + i] += self._w[brow]
                        for j in range(i + 1, i + 1 + m):
                            out[base + j] += self._w[irow]
                        size = m + 1
                        break
            i += size

    def emissions(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """Per-sentence (tokens × labels) emission scores."""
        if self._filled > _CACHE_MAX:
            self._trim()
        pad = [self._ids[BOS]] * WINDOW
        end = [self._ids[EOS]] * WINDOW
        flat: list[int] = []
        starts: list[int] = []
        for sent in sentences:
            flat.extend(pad)
            starts.append(len(flat))
            flat.extend(self._type_id(t) for t in sent)
            flat.extend(end)
        self._fill()
        table = self._table
        ids = np.asarray(flat, dtype=np.int64)
        total = np.zeros((len(flat), len(self.labels)))
        for k, d in enumerate(range(-WINDOW, WINDOW + 1)):
            lo = WINDOW + d
            total[WINDOW:len(flat) - WINDOW] += table[ids[lo:len(flat) - 2 * WINDOW + lo], k]
        for sent, s in zip(sentences, starts, strict=True):
            if self._first:
                self._span_scores(flat[s:s + len(sent)], total, s)
        return [total[s:s + len(sent)] for sent, s in zip(sentences, starts, strict=True)]

    @property
    def transitions(self) -> np.ndarray:
        """Label transition scores ``[from, to]``, impossible BIO moves at a large negative."""
        return self._trans

    @property
    def start_scores(self) -> np.ndarray:
        """Scores of each label opening a sentence (I- labels cannot)."""
        return self._start

    def tag(self, sentences: list[list[str]]) -> list[list[str]]:
        """BIO labels (PER ORG LOC MISC) for each token of each sentence."""
        paths = viterbi(self.emissions(sentences), self._trans, self._start)
        return [[self.labels[j] for j in p] for p in paths]


def viterbi(scores: Sequence[np.ndarray], trans: np.ndarray, start: np.ndarray) -> list[list[int]]:
    """Best label paths for a batch of sentences of any lengths (scores: tokens × labels each)."""
    out: list[list[int]] = [[] for _ in scores]
    order = sorted(range(len(scores)), key=lambda i: len(scores[i]))
    size = 128
    labels = len(start)
    for b0 in range(0, len(order), size):
        chunk = [i for i in order[b0:b0 + size] if len(scores[i])]
        if not chunk:
            continue
        lens = np.array([len(scores[i]) for i in chunk])
        m = int(lens.max())
        em = np.zeros((len(chunk), m, labels))
        for r, i in enumerate(chunk):
            em[r, :lens[r]] = scores[i]
        back = np.zeros((len(chunk), m, labels), dtype=np.int64)
        score = em[:, 0] + start
        for t in range(1, m):
            cand = score[:, :, None] + trans[None]
            bp = cand.argmax(axis=1)
            best = cand.max(axis=1) + em[:, t]
            live = (t < lens)[:, None]
            score = np.where(live, best, score)
            back[:, t] = bp
        cur = score.argmax(axis=1)
        path = np.zeros((len(chunk), m), dtype=np.int64)
        rows = np.arange(len(chunk))
        for t in range(m - 1, 0, -1):
            live = t <= lens - 1
            path[:, t] = np.where(live, cur, path[:, t])
            cur = np.where(live, back[rows, t, cur], cur)
        path[:, 0] = cur
        for r, i in enumerate(chunk):
            out[i] = path[r, :lens[r]].tolist()
    return out
