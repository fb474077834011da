"""BiLSTM-CRF for Arabic NER (training only; torch). Exported to ONNX for tagging with onnxruntime.

Inputs per token: a frozen skip-gram vector of the stem, a character CNN over the matching form,
three word-cluster embeddings and the dense lexicon features of :mod:`rasid.extract.ner.encode`.
The backward LSTM reads each sentence reversed within its own length (a gather by the
``reverse`` index), so padding never reaches a real token and the graph exports without packing.
The CRF layer (transitions and start scores) is trained here; tagging decodes with the numpy
Viterbi of :func:`rasid.extract.ner.tagger.viterbi`.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from torch import nn

from rasid.extract.ner.encode import MAX_CHARS, N_DENSE, Encoder, Encoding

log = logging.getLogger("train_ner")


@dataclass
class NetConfig:
    """Sizes and regularisation of the network."""

    char_dim: int = 32
    char_filters: int = 64
    hidden: int = 128
    cluster_dims: tuple[int, int, int] = (8, 16, 16)
    dropout: float = 0.5
    tags: int = 9


class Net(nn.Module):
    """Emission scores (B, T, tags) from word vectors, characters, clusters and dense features."""

    def __init__(self, word_dim: int, n_chars: int, cfg: NetConfig) -> None:
        super().__init__()
        self.char = nn.Embedding(n_chars, cfg.char_dim, padding_idx=0)
        self.conv = nn.Conv1d(cfg.char_dim, cfg.char_filters, kernel_size=3, padding=1)
        self.clusters = nn.ModuleList(nn.Embedding(k + 1, d) for k, d in zip((64, 256, 1024), cfg.cluster_dims,
                                                                              strict=True))
        width = word_dim + cfg.char_filters + sum(cfg.cluster_dims) + N_DENSE
        self.drop = nn.Dropout(cfg.dropout)
        self.fwd = nn.LSTM(width, cfg.hidden, batch_first=True)
        self.bwd = nn.LSTM(width, cfg.hidden, batch_first=True)
        self.out = nn.Linear(2 * cfg.hidden, cfg.tags)
        self.trans = nn.Parameter(torch.zeros(cfg.tags, cfg.tags))
        self.start = nn.Parameter(torch.zeros(cfg.tags))

    def forward(self, vectors: torch.Tensor, chars: torch.Tensor, clusters: torch.Tensor, dense: torch.Tensor,
                reverse: torch.Tensor) -> torch.Tensor:
        b, t, c = chars.shape
        ch = self.char(chars.reshape(b * t, c)).transpose(1, 2)
        ch = torch.relu(self.conv(ch)).max(dim=2).values.reshape(b, t, -1)
        cl = torch.cat([emb(clusters[:, :, i]) for i, emb in enumerate(self.clusters)], dim=-1)
        x = self.drop(torch.cat([vectors, ch, cl, dense], dim=-1))
        h_f, _ = self.fwd(x)
        x_r = torch.gather(x, 1, reverse.unsqueeze(-1).expand(-1, -1, x.size(-1)))
        h_b, _ = self.bwd(x_r)
        h_b = torch.gather(h_b, 1, reverse.unsqueeze(-1).expand(-1, -1, h_b.size(-1)))
        return self.out(self.drop(torch.cat([h_f, h_b], dim=-1)))


class AverageNet(nn.Module):
    """Several trained networks as one graph: the mean of their emission scores."""

    def __init__(self, nets: Sequence[Net]) -> None:
        super().__init__()
        self.nets = nn.ModuleList(nets)

    def forward(self, vectors: torch.Tensor, chars: torch.Tensor, clusters: torch.Tensor, dense: torch.Tensor,
                reverse: torch.Tensor) -> torch.Tensor:
        outs = [net(vectors, chars, clusters, dense, reverse) for net in self.nets]
        return torch.stack(outs).mean(dim=0)

    def transitions(self) -> np.ndarray:
        """Mean transition scores of the networks' CRF layers."""
        return torch.stack([n.trans for n in self.nets]).mean(0).detach().double().numpy()  # type: ignore[union-attr]

    def start_scores(self) -> np.ndarray:
        """Mean start scores of the networks' CRF layers."""
        return torch.stack([n.start for n in self.nets]).mean(0).detach().double().numpy()  # type: ignore[union-attr]


def crf_nll(em: torch.Tensor, tags: torch.Tensor, lengths: torch.Tensor, trans: torch.Tensor,
            start: torch.Tensor) -> torch.Tensor:
    """Summed negative log-likelihood of the gold tag paths under a linear-chain CRF."""
    t = em.shape[1]
    mask = torch.arange(t).unsqueeze(0) < lengths.unsqueeze(1)
    gold = start[tags[:, 0]] + em.gather(2, tags.unsqueeze(-1)).squeeze(-1).mul(mask).sum(1)
    if t > 1:
        gold = gold + (trans[tags[:, :-1], tags[:, 1:]] * mask[:, 1:]).sum(1)
    alpha = start.unsqueeze(0) + em[:, 0]
    for i in range(1, t):
        nxt = torch.logsumexp(alpha.unsqueeze(2) + trans.unsqueeze(0), dim=1) + em[:, i]
        alpha = torch.where(mask[:, i:i + 1], nxt, alpha)
    return (torch.logsumexp(alpha, dim=1) - gold).sum()


def to_tensors(enc: Encoding, table: np.ndarray) -> tuple[torch.Tensor, ...]:
    """Model inputs of an encoding; word ids are looked up in the frozen vector table."""
    return (torch.from_numpy(table[enc.words]), torch.from_numpy(enc.chars), torch.from_numpy(enc.clusters),
            torch.from_numpy(enc.dense), torch.from_numpy(enc.reverse))


def emissions(net: nn.Module, encoder: Encoder, table: np.ndarray, sents: Sequence[Sequence[str]],
              batch: int = 64) -> list[np.ndarray]:
    """Per-sentence emission matrices in evaluation mode."""
    net.eval()
    order = sorted(range(len(sents)), key=lambda i: len(sents[i]))
    out: list[np.ndarray] = [np.zeros((0, 9))] * len(sents)
    with torch.no_grad():
        for b0 in range(0, len(order), batch):
            idx = order[b0:b0 + batch]
            enc = encoder.encode([sents[i] for i in idx])
            em = net(*to_tensors(enc, table)).numpy()
            for r, i in enumerate(idx):
                out[i] = em[r, :len(sents[i])]
    return out


def train(net: Net, encoder: Encoder, table: np.ndarray, train_sents: Sequence[Sequence[str]],
          train_tags: Sequence[Sequence[int]], evaluate: Callable[[Net], float], epochs: int, seed: int,
          lr: float = 1e-3, batch: int = 16, patience: int = 8, save: Path | None = None,
          average_from: int = 0) -> tuple[float, int]:
    """Adam on the CRF likelihood; keeps the weights of the epoch with the best ``evaluate`` score.

    With ``average_from`` > 0, the running mean of the weights after each epoch from that one on is
    scored too, and kept when it is better (checkpoint averaging smooths the epoch-to-epoch noise).
    """
    rng = random.Random(seed)
    opt = torch.optim.Adam([p for p in net.parameters() if p.requires_grad], lr=lr)
    encs = []
    order = sorted(range(len(train_sents)), key=lambda i: len(train_sents[i]))
    for b0 in range(0, len(order), batch):
        idx = order[b0:b0 + batch]
        enc = encoder.encode([train_sents[i] for i in idx])
        tags = np.zeros(enc.words.shape, dtype=np.int64)
        for r, i in enumerate(idx):
            tags[r, :len(train_tags[i])] = train_tags[i]
        encs.append((to_tensors(enc, table), torch.from_numpy(tags), torch.from_numpy(enc.lengths)))
    best, best_epoch = -1.0, 0
    state: dict[str, torch.Tensor] | None = None
    mean: dict[str, torch.Tensor] | None = None
    for epoch in range(1, epochs + 1):
        net.train()
        rng.shuffle(encs)
        t0, total = time.time(), 0.0
        for inputs, tags, lengths in encs:
            opt.zero_grad()
            em = net(*inputs)
            loss = crf_nll(em, tags, lengths, net.trans, net.start)
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
            total += loss.item()
        f1 = evaluate(net)
        current = {k: v.detach().clone() for k, v in net.state_dict().items()}
        candidates = [(f1, current)]
        if average_from and epoch >= average_from:
            n = epoch - average_from + 1
            mean = current if mean is None else {k: mean[k] + (current[k] - mean[k]) / n for k in current}
            net.load_state_dict(mean)
            candidates.append((evaluate(net), mean))
            net.load_state_dict(current)
        log.info("epoch %d loss %.1f dev F1 %s (%.0fs)", epoch, total,
                 " / averaged ".join(f"{c[0]:.4f}" for c in candidates), time.time() - t0)
        top = max(candidates, key=lambda c: c[0])
        if top[0] > best:
            best, best_epoch, state = top[0], epoch, top[1]
            if save is not None:
                torch.save(state, save)
        elif epoch - best_epoch >= patience:
            break
    if state is not None:
        net.load_state_dict(state)
    return best, best_epoch


def export_onnx(net: nn.Module, word_dim: int, path: Path) -> None:
    """Write the emission network as ONNX with dynamic batch and length axes."""
    net.eval()
    b, t = 2, 5
    args = (torch.zeros(b, t, word_dim), torch.zeros(b, t, MAX_CHARS, dtype=torch.int64),
            torch.zeros(b, t, 3, dtype=torch.int64), torch.zeros(b, t, N_DENSE),
            torch.arange(t).repeat(b, 1))
    names = ["vectors", "chars", "clusters", "dense", "reverse"]
    axes = {n: {0: "batch", 1: "length"} for n in names}
    axes["emissions"] = {0: "batch", 1: "length"}
    torch.onnx.export(net, args, str(path), input_names=names, output_names=["emissions"],
                      dynamic_axes=axes, opset_version=17, dynamo=False)
