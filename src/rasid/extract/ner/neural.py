"""The neural half of the tagger: a BiLSTM emission network run by onnxruntime, plus the CRF.

:class:`NeuralScorer` turns sentences into emission scores with the exported network
(``bilstm.onnx``) and the int8 stem vectors in ``neural.npz``. :class:`EnsembleTagger` adds them to
the CRF's scores, with weights chosen on dev at training time, and decodes the sum with the
constrained Viterbi of :class:`rasid.extract.ner.tagger.Tagger`: a product of the two experts.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from rasid.errors import ModelError
from rasid.extract.ner.encode import Encoder
from rasid.extract.ner.features import Lexicon
from rasid.extract.ner.tagger import Tagger, viterbi

BATCH = 64


class NeuralScorer:
    """Emission scores of the exported BiLSTM for tokenised sentences."""

    def __init__(self, onnx_path: Path, vectors: np.ndarray, words: dict[str, int], chars: dict[str, int],
                 lexicon: Lexicon, threads: int = 1) -> None:
        try:
            import onnxruntime as ort
        except ImportError as exc:  # pragma: no cover - a declared dependency
            raise ModelError("onnxruntime is not installed", source=str(onnx_path)) from exc
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        opts.log_severity_level = 3
        try:
            self._session: Any = ort.InferenceSession(str(onnx_path), sess_options=opts,
                                                      providers=["CPUExecutionProvider"])
        except Exception as exc:  # onnxruntime raises its own exception types
            raise ModelError(f"cannot load network: {exc}", source=str(onnx_path)) from exc
        self._vectors = vectors.astype(np.float32)
        self.encoder = Encoder(lexicon, words, chars)

    def emissions(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """Per-sentence (tokens × labels) scores; sentences are batched by length."""
        out: list[np.ndarray] = [np.zeros((0, 0))] * len(sentences)
        order = sorted((i for i in range(len(sentences)) if sentences[i]), key=lambda i: len(sentences[i]))
        for b0 in range(0, len(order), BATCH):
            idx = order[b0:b0 + BATCH]
            enc = self.encoder.encode([sentences[i] for i in idx])
            feed = {"vectors": self._vectors[enc.words], "chars": enc.chars, "clusters": enc.clusters,
                    "dense": enc.dense, "reverse": enc.reverse}
            em = self._session.run(None, feed)[0].astype(np.float64)
            for r, i in enumerate(idx):
                out[i] = em[r, :len(sentences[i])]
        return out


class EnsembleTagger:
    """The CRF tagger with the network's scores added: ``crf_weight·CRF + network``, decoded together."""

    def __init__(self, crf: Tagger, scorer: NeuralScorer, crf_weight: float, transitions: np.ndarray,
                 start: np.ndarray) -> None:
        self.crf = crf
        self.labels = crf.labels
        self.lexicon = crf.lexicon
        self._scorer = scorer
        self._weight = crf_weight
        self._trans = crf_weight * crf.transitions + transitions
        self._start = crf_weight * crf.start_scores + start

    def emissions(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """Summed emission scores of both experts."""
        crf = self.crf.emissions(sentences)
        net = self._scorer.emissions(sentences)
        return [self._weight * c + n if len(c) else c for c, n in zip(crf, net, strict=True)]

    def tag(self, sentences: list[list[str]]) -> list[list[str]]:
        """BIO labels (PER ORG LOC MISC) for each token of each sentence."""
        paths = viterbi(self.emissions(sentences), self._trans, self._start)
        return [[self.labels[j] for j in p] for p in paths]
