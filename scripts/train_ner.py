"""Train the packaged Arabic NER model (CRF) from ../shared/data with a fixed seed.

    python scripts/train_ner.py --data ../shared/data

Steps: news corpus → counts, PPMI-SVD word vectors and k-means clusters (64/256/1024) → gazetteer
table → stage-1 CRF (python-crfsuite, L-BFGS) on ANERcorp train → label votes per word from tagging
200k news sentences → stage-2 CRF with the votes, plus 4 CRFs on 80% subsets, weights averaged →
numpy weights, precomputed frequent-word scores and manifest in src/rasid/models/ner, scored on dev.
Intermediate files are cached in --work; delete it to rebuild from scratch (about 13 minutes).
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "src"))

from ner.args import add_common_arguments  # noqa: E402
from ner.clusters import count_words, svd_vectors, write_lexicon  # noqa: E402
from ner.corpus import write_corpus  # noqa: E402
from ner.gazetteer import compile_gazetteer, write_gazetteer  # noqa: E402
from ner.pseudo import label_distribution, write_distribution  # noqa: E402
from rasid.extract.ner.conll import Sentence, read_conll, score  # noqa: E402
from rasid.extract.ner.features import (  # noqa: E402
    BOS,
    EOS,
    WINDOW,
    Lexicon,
    span_features,
    split_clitic,
    type_features,
    window_attributes,
    word_form,
)
from rasid.extract.ner.loader import LANG_DIR, build_lexicon, sha256_file  # noqa: E402
from rasid.extract.ner.tagger import Tagger  # noqa: E402

log = logging.getLogger("train_ner")
CLUSTER_SIZES = (64, 256, 1024)


def dedupe(sents: list[Sentence]) -> list[Sentence]:
    """Drop repeated sentences (same tokens and labels), keeping the first."""
    seen: set[tuple[tuple[str, ...], tuple[str, ...]]] = set()
    out = []
    for s in sents:
        key = (tuple(s.tokens), tuple(s.labels))
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out


def sentence_attributes(tokens: list[str], lex: Lexicon, cache: dict[str, list[tuple[str, int]]]) -> list[list[str]]:
    """CRF attribute lists of one sentence, exactly as the tagger scores them."""
    feats = []
    for t in [BOS] * WINDOW + tokens + [EOS] * WINDOW:
        f = cache.get(t)
        if f is None:
            f = cache[t] = type_features(t, lex)
        feats.append(f)
    forms = [word_form(t) for t in tokens]
    stems = [split_clitic(f, lex)[1] for f in forms]
    spans = span_features(forms, stems, lex)
    out = []
    for i in range(len(tokens)):
        attrs: list[str] = []
        for d in range(-WINDOW, WINDOW + 1):
            attrs.extend(window_attributes(feats[WINDOW + i + d], d))
        attrs.extend("0:" + s for s in spans[i])
        out.append(attrs)
    return out


def build_resources(data: Path, work: Path, model_dir: Path, seed: int) -> None:
    """News corpus, lexicon (counts + clusters) and the gazetteer table, cached in ``work``."""
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / "news.txt"
    if not corpus.exists():
        t0 = time.time()
        tmp = work / "news.txt.part"
        n = write_corpus(data, tmp)
        tmp.rename(corpus)
        log.info("news corpus: %d tokens in %.0fs", n, time.time() - t0)
    lexicon = work / "lexicon.tsv"
    if not lexicon.exists():
        t0 = time.time()
        counts = count_words(corpus)
        words, vecs = svd_vectors(corpus, counts, seed)
        rows = write_lexicon(work / "lexicon.tsv.part", counts, words, vecs, CLUSTER_SIZES, seed)
        (work / "lexicon.tsv.part").rename(lexicon)
        log.info("lexicon: %d forms, %d vectors in %.0fs", rows, len(words), time.time() - t0)
    model_dir.mkdir(parents=True, exist_ok=True)
    (model_dir / "lexicon.tsv").write_bytes(lexicon.read_bytes())
    write_gazetteer(compile_gazetteer(data), LANG_DIR / "ner_gazetteer.tsv")


def train_crf(train: list[Sentence], lex: Lexicon, params: dict[str, float], path: Path) -> None:
    """Fit the CRF with python-crfsuite (L-BFGS, elastic net)."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    cache: dict[str, list[tuple[str, int]]] = {}
    for s in train:
        trainer.append(sentence_attributes(s.tokens, lex, cache), s.labels)
    trainer.set_params({"c1": params["c1"], "c2": params["c2"], "max_iterations": int(params["iterations"]),
                        "feature.possible_transitions": True, "feature.minfreq": params["minfreq"]})
    trainer.train(str(path))


Weights = tuple[list[str], list[str], np.ndarray, np.ndarray]


def export(crf_path: Path) -> Weights:
    """CRF weights as arrays: labels, attributes, weights[attr, label], transitions[from, to]."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(crf_path))
    info = tagger.info()
    labels = sorted(tagger.labels(), key=lambda x: (x != "O", x[2:], x))
    lidx = {lab: i for i, lab in enumerate(labels)}
    attrs = sorted({a for a, _ in info.state_features})
    aidx = {a: i for i, a in enumerate(attrs)}
    weights = np.zeros((len(attrs), len(labels)), dtype=np.float32)
    for (a, lab), w in info.state_features.items():
        weights[aidx[a], lidx[lab]] = w
    trans = np.zeros((len(labels), len(labels)), dtype=np.float32)
    for (a, b), w in info.transitions.items():
        trans[lidx[a], lidx[b]] = w
    tagger.close()
    return labels, attrs, weights, trans


def average(models: list[Weights]) -> Weights:
    """One model whose scores are the mean of the models' scores (bagging at no run-time cost)."""
    labels = models[0][0]
    attrs = sorted(set().union(*(m[1] for m in models)))
    index = {a: i for i, a in enumerate(attrs)}
    weights = np.zeros((len(attrs), len(labels)), dtype=np.float64)
    trans = np.zeros((len(labels), len(labels)), dtype=np.float64)
    for m_labels, m_attrs, m_weights, m_trans in models:
        if m_labels != labels:
            raise ValueError("models disagree on the label set")
        weights[[index[a] for a in m_attrs]] += m_weights
        trans += m_trans
    return labels, attrs, (weights / len(models)).astype(np.float32), (trans / len(models)).astype(np.float32)


def save_weights(model: Weights, out: Path) -> None:
    """Write the arrays the tagger loads (``weights.npz``)."""
    labels, attrs, weights, trans = model
    np.savez_compressed(out, labels=np.array(labels), attributes=np.array(attrs), weights=weights,
                        transitions=trans)


def bag_subsets(train: list[Sentence], bags: int, seed: int, share: float = 0.8) -> list[list[Sentence]]:
    """``bags`` seeded random subsets of the training sentences, each about ``share`` of them."""
    out = []
    for b in range(bags):
        rng = random.Random(seed * 1000 + b)
        out.append([s for s in train if rng.random() < share])
    return out


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: build resources, train, export, score on dev, write the manifest."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_common_arguments(ap, ROOT)
    ap.add_argument("--c1", type=float, default=0.02)
    ap.add_argument("--c2", type=float, default=0.02)
    ap.add_argument("--iterations", type=int, default=150)
    ap.add_argument("--minfreq", type=float, default=1)
    ap.add_argument("--stages", type=int, choices=(1, 2), default=2,
                    help="2: retrain with label votes from tagging the news with the first model")
    ap.add_argument("--pseudo-sentences", type=int, default=200000)
    ap.add_argument("--bags", type=int, default=4,
                    help="also train on this many 80%% subsets and average all the models' weights")
    ap.add_argument("--precompute", type=int, default=40000,
                    help="ship emission blocks of this many most frequent news words (speed only)")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    t_start = time.time()
    np.random.seed(args.seed)
    build_resources(args.data, args.work, args.out, args.seed)
    anercorp = args.data / "ner" / "anercorp"
    train = dedupe(read_conll(anercorp / "train.txt"))
    dev = read_conll(anercorp / "dev.txt")
    log.info("train %d sentences, dev %d", len(train), len(dev))
    params = {"c1": args.c1, "c2": args.c2, "iterations": args.iterations, "minfreq": args.minfreq}
    t0 = time.time()
    dist_path = args.out / "typedist.tsv"
    dist_path.unlink(missing_ok=True)
    lex = build_lexicon(args.out)
    with tempfile.TemporaryDirectory() as tmp:
        crf_path = Path(tmp) / "ner.crfsuite"
        train_crf(train, lex, params, crf_path)
        labels, attrs, weights, trans = export(crf_path)
        tagger = Tagger(labels, attrs, weights, trans, lex)
        stage1 = score([s.labels for s in dev], tagger.tag([s.tokens for s in dev]))
        log.info("stage 1 dev: %s", json.dumps({k: v["f1"] for k, v in stage1.items()}))
        if args.stages == 2:
            t1 = time.time()
            dist = label_distribution(tagger, args.work / "news.txt", args.pseudo_sentences)
            write_distribution(dist, dist_path)
            log.info("label votes for %d stems in %.0fs", len(dist), time.time() - t1)
            lex = build_lexicon(args.out)
            train_crf(train, lex, params, crf_path)
        models = [export(crf_path)]
        for b, subset in enumerate(bag_subsets(train, args.bags, args.seed)):
            train_crf(subset, lex, params, crf_path)
            models.append(export(crf_path))
            log.info("bag %d: %d sentences", b, len(subset))
        labels, attrs, weights, trans = average(models)
        save_weights((labels, attrs, weights, trans), args.out / "weights.npz")
    crf_time = time.time() - t0
    tagger = Tagger(labels, attrs, weights, trans, lex)
    pred = tagger.tag([s.tokens for s in dev])
    dev_scores = score([s.labels for s in dev], pred)
    log.info("dev: %s", json.dumps({k: v["f1"] for k, v in dev_scores.items()}))
    top = [f for f in list(lex.corpus)[:args.precompute] if f not in (BOS, EOS)]
    stems, blocks = tagger.blocks_for(top)
    np.savez_compressed(args.out / "types.npz", forms=np.array(top), stems=np.array(stems), blocks=blocks)
    names = ["weights.npz", "lexicon.tsv", "types.npz"] + (["typedist.tsv"] if dist_path.exists() else [])
    files = {name: sha256_file(args.out / name) for name in names}
    used = [args.data / "ner" / "anercorp" / "train.txt", args.data / "ner" / "anercorp" / "dev.txt",
            *sorted((args.data / "news").glob("ant_*/*.tar.gz")),
            *sorted((args.data / "news" / "saudinewsnet" / "dataset").glob("*.zip")),
            *sorted((args.data / "gazetteer" / "anergazet").glob("*.txt")),
            args.data / "gazetteer" / "countries" / "countries.json",
            args.data / "gazetteer" / "world_cities" / "world-cities.csv"]
    data_files = {str(p.relative_to(args.data)): sha256_file(p) for p in used}
    manifest = {
        "name": "rasid-ner-crf",
        "labels": labels,
        "files": files,
        "lang": {name: sha256_file(LANG_DIR / name)
                 for name in ("ner_gazetteer.tsv", "ner_triggers.tsv", "ner_clitics.txt")},
        "data": data_files,
        "resources": {"news": "news/* (ANT v2.1, ANT JawharaFM v1.1, SaudiNewsNet)",
                      "gazetteer": "gazetteer/* compiled to lang/ar/ner_gazetteer.tsv"},
        "parameters": {**params, "stages": args.stages, "pseudo_sentences": args.pseudo_sentences,
                       "bags": args.bags, "bag_share": 0.8,
                       "precompute": args.precompute, "window": WINDOW, "clusters": list(CLUSTER_SIZES), "algorithm": "lbfgs"},
        "seed": args.seed,
        "attributes": len(attrs),
        "train_sentences": len(train),
        "dev": dev_scores,
        "dev_stage1": stage1,
        "train_seconds": round(time.time() - t_start, 1),
        "crf_seconds": round(crf_time, 1),
    }
    (args.out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n",
                                            encoding="utf-8")
    log.info("wrote %s (%.0fs)", args.out, time.time() - t_start)
    return 0


if __name__ == "__main__":
    sys.exit(main())
