"""Train the neural half of the packaged NER model and join it to the CRF (run after train_ner.py).

    python scripts/train_ner_neural.py --data ../shared/data

Steps: news corpus (cached from train_ner.py) → clitic-stripped stems → skip-gram vectors (gensim,
one worker so the run is repeatable) → int8 vectors → N BiLSTM-CRF networks (torch, fixed seeds),
each kept at its best dev epoch → one ONNX graph averaging their scores → the weight of the CRF in
the sum chosen on dev → bilstm.onnx, neural.npz and the manifest updated in src/rasid/models/ner.
Torch, gensim and onnx are needed here only (the ``train`` extra); tagging needs onnxruntime.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "src"))

from ner.args import add_common_arguments  # noqa: E402
from ner.corpus import write_corpus  # noqa: E402
from ner.vectors import train_vectors, write_stem_corpus  # noqa: E402
from rasid.extract.ner.conll import Sentence, read_conll, score  # noqa: E402
from rasid.extract.ner.encode import PAD, UNK, Encoder  # noqa: E402
from rasid.extract.ner.features import word_form  # noqa: E402
from rasid.extract.ner.loader import load_crf, read_manifest, sha256_file  # noqa: E402
from rasid.extract.ner.tagger import Tagger, viterbi  # noqa: E402

log = logging.getLogger("train_ner")
WEIGHTS = (0.0, 0.25, 0.5, 0.75, 1.0)


def quantize(vecs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per-row int8 codes and scales; ``codes * scales[:, None]`` is what the network reads."""
    scales = np.abs(vecs).max(axis=1) / 127.0
    scales[scales == 0] = 1.0
    codes = np.round(vecs / scales[:, None]).astype(np.int8)
    return codes, scales.astype(np.float32)


def char_table(train: list[Sentence]) -> list[str]:
    """Characters of the training forms, by first appearance; rows 0 and 1 are padding and unknown."""
    chars = ["", "\x00"]
    seen = set(chars)
    for s in train:
        for tok in s.tokens:
            for c in word_form(tok):
                if c not in seen:
                    seen.add(c)
                    chars.append(c)
    return chars


def decode(labels: list[str], ems: list[np.ndarray], trans: np.ndarray, start: np.ndarray) -> list[list[str]]:
    """BIO labels of the best paths."""
    return [[labels[j] for j in path] for path in viterbi(ems, trans, start)]


def main(argv: list[str] | None = None) -> int:
    """Train, select on dev, export and record in the manifest."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_common_arguments(ap, ROOT)
    ap.add_argument("--nets", type=int, default=1, help="networks averaged in the shipped graph")
    ap.add_argument("--epochs", type=int, default=50)
    ap.add_argument("--hidden", type=int, default=128)
    ap.add_argument("--char-dim", type=int, default=32)
    ap.add_argument("--char-filters", type=int, default=64)
    ap.add_argument("--dropout", type=float, default=0.5)
    ap.add_argument("--patience", type=int, default=12, help="epochs without a better dev score before stopping")
    ap.add_argument("--average-from", type=int, default=20, help="average the weights from this epoch on")
    ap.add_argument("--dim", type=int, default=100, help="word vector size")
    ap.add_argument("--vocab", type=int, default=100_000, help="most frequent stems given a vector")
    ap.add_argument("--workers", type=int, default=1, help="gensim workers (1 = repeatable)")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    logging.getLogger("gensim").setLevel(logging.WARNING)

    import torch

    from ner.neural import AverageNet, Net, NetConfig, emissions, export_onnx, train

    t0 = time.time()
    torch.set_num_threads(1)  # one thread: as fast here, and repeatable
    args.work.mkdir(parents=True, exist_ok=True)
    manifest = read_manifest(args.out)
    crf = load_crf(args.out, manifest)
    labels = crf.labels
    corpus = args.work / "news.txt"
    if not corpus.exists():
        write_corpus(args.data, args.work / "news.txt.part")
        (args.work / "news.txt.part").rename(corpus)
    stems = args.work / "stems.txt"
    if not stems.exists():
        write_stem_corpus(corpus, crf.lexicon, args.work / "stems.txt.part")
        (args.work / "stems.txt.part").rename(stems)
    vec_cache = args.work / f"vectors-{args.dim}-{args.seed}-{args.workers}.npz"
    if vec_cache.exists():
        with np.load(vec_cache) as z:
            words, vecs = [str(w) for w in z["words"]], z["vecs"]
    else:
        words, vecs = train_vectors(stems, args.seed, args.dim, 5, args.vocab, workers=args.workers)
        np.savez(vec_cache, words=np.array(words), vecs=vecs)
    codes, scales = quantize(np.vstack([np.zeros((2, vecs.shape[1]), np.float32), vecs]))
    table = codes.astype(np.float32) * scales[:, None]
    vocab = ["", "\x00", *words]
    word_ids = {w: i for i, w in enumerate(vocab) if i not in (PAD, UNK)}

    anercorp = args.data / "ner" / "anercorp"
    train_s, dev_s = read_conll(anercorp / "train.txt"), read_conll(anercorp / "dev.txt")
    chars = char_table(train_s)
    encoder = Encoder(crf.lexicon, word_ids, {c: i for i, c in enumerate(chars) if i > UNK})
    label_id = {lab: i for i, lab in enumerate(labels)}
    dev_tokens, dev_gold = [s.tokens for s in dev_s], [s.labels for s in dev_s]
    cfg = NetConfig(hidden=args.hidden, dropout=args.dropout, tags=len(labels), char_dim=args.char_dim,
                    char_filters=args.char_filters)

    def dev_f1(net: Net) -> float:
        ems = emissions(net, encoder, table, dev_tokens)
        trans, start = net.trans.detach().double().numpy(), net.start.detach().double().numpy()
        return score(dev_gold, decode(labels, ems, trans, start))["overall"]["f1"]

    nets, runs = [], []
    for k in range(args.nets):
        seed = args.seed + 1000 * k
        random.seed(seed)
        np.random.seed(seed)
        torch.manual_seed(seed)
        net = Net(table.shape[1], len(chars), cfg)
        best, epoch = train(net, encoder, table, [s.tokens for s in train_s],
                            [[label_id[lab] for lab in s.labels] for s in train_s], dev_f1, args.epochs, seed,
                            patience=args.patience, average_from=args.average_from)
        log.info("network %d (seed %d): dev F1 %.4f at epoch %d", k + 1, seed, best, epoch)
        nets.append(net)
        runs.append({"seed": seed, "dev_f1": best, "epoch": epoch})

    avg = AverageNet(nets)
    ems = emissions(avg, encoder, table, dev_tokens)
    trans, start = avg.transitions(), avg.start_scores()
    crf_ems = crf.emissions(dev_tokens)
    results = {}
    for w in WEIGHTS:
        summed = [w * c + e for c, e in zip(crf_ems, ems, strict=True)]
        pred = decode(labels, summed, w * crf.transitions + trans, w * crf.start_scores + start)
        results[w] = score(dev_gold, pred)
        log.info("CRF weight %.2f: dev F1 %.4f", w, results[w]["overall"]["f1"])
    weight = max(WEIGHTS, key=lambda w: (results[w]["overall"]["f1"], -w))

    export_onnx(avg, table.shape[1], args.out / "bilstm.onnx")
    np.savez_compressed(args.out / "neural.npz", codes=codes, scales=scales, words=np.array(vocab),
                        chars=np.array(chars), transitions=trans, start=start, crf_weight=np.array(weight))
    write_manifest(args, manifest, crf, runs, results, weight, time.time() - t0)
    log.info("done in %.0f s: dev F1 %.4f (CRF weight %.2f)", time.time() - t0,
             results[weight]["overall"]["f1"], weight)
    return 0


def write_manifest(args: argparse.Namespace, manifest: dict, crf: Tagger, runs: list[dict],
                   results: dict[float, dict[str, dict[str, float]]], weight: float, seconds: float) -> None:
    """Add the network files, its parameters and the joint dev scores to the model manifest."""
    import gensim
    import torch

    if "dev_crf" not in manifest:
        manifest["dev_crf"] = manifest["dev"]
    for name in ("bilstm.onnx", "neural.npz"):
        manifest["files"][name] = sha256_file(args.out / name)
    manifest["name"] = "rasid-ner-crf-bilstm"
    manifest["neural"] = {
        "method": "CRF + average of BiLSTM-CRF networks (char CNN, skip-gram stem vectors, cluster and "
                  "lexicon features), scores summed and decoded jointly",
        "parameters": {"seed": args.seed, "nets": args.nets, "epochs_max": args.epochs, "patience": args.patience,
                       "average_from": args.average_from, "hidden": args.hidden,
                       "char_dim": args.char_dim, "char_filters": args.char_filters,
                       "dropout": args.dropout, "vector_dim": args.dim, "vocab": args.vocab,
                       "gensim_workers": args.workers, "optimizer": "Adam lr 1e-3, batch 16, clip 5",
                       "torch": torch.__version__, "gensim": gensim.__version__},
        "networks": runs,
        "crf_weight": weight,
        "dev_by_crf_weight": {str(w): r["overall"]["f1"] for w, r in results.items()},
        "train_seconds": round(seconds),
    }
    manifest["dev"] = results[weight]
    manifest["dev_note"] = ("dev.txt chose each network's epoch and the CRF weight, so held-out scores "
                            "will be a few points lower")
    (args.out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n",
                                            encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
