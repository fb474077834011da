"""Load the packaged NER model: word lists from lang/ar, weights and corpus lexicon from models/ner.

Every weight file is checked against the sha256 in ``manifest.json`` before use; a missing or
altered file raises :class:`rasid.errors.ModelError` naming it.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import numpy as np

from rasid.errors import ModelError
from rasid.extract.ner.features import Lexicon
from rasid.extract.ner.tagger import Labeller, Tagger

LANG_DIR = Path(__file__).resolve().parents[2] / "lang" / "ar"
MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "ner"


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _lines(path: Path) -> list[str]:
    """Non-empty, non-comment lines of a UTF-8 word list."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ModelError(f"cannot read word list: {exc}", source=str(path)) from exc
    return [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def read_table(path: Path) -> dict[str, str]:
    """A ``form<TAB>value`` word list as a dict."""
    table: dict[str, str] = {}
    for ln in _lines(path):
        form, _, value = ln.partition("\t")
        table[form] = value.strip()
    return table


def read_clitics(path: Path | None = None) -> tuple[str, ...]:
    """Proclitics, longest first."""
    items = [ln.strip() for ln in _lines(path or LANG_DIR / "ner_clitics.txt")]
    return tuple(sorted(items, key=len, reverse=True))


def read_rows(path: Path) -> dict[str, str]:
    """A TSV with a header line as ``first column → rest of the row`` (parsed later, on use)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ModelError(f"cannot read table: {exc}", source=str(path)) from exc
    lines = text.split("\n")[1:]
    return dict(ln.split("\t", 1) for ln in lines if "\t" in ln)


def build_lexicon(model_dir: Path | None, lang_dir: Path = LANG_DIR) -> Lexicon:
    """The feature lexicon: word lists, plus corpus counts, clusters and label votes found in ``model_dir``."""
    corpus: dict[str, str] = {}
    dist: dict[str, str] = {}
    if model_dir is not None and (model_dir / "lexicon.tsv").exists():
        corpus = read_rows(model_dir / "lexicon.tsv")
    if model_dir is not None and (model_dir / "typedist.tsv").exists():
        dist = read_rows(model_dir / "typedist.tsv")
    return Lexicon(gazetteer=read_table(lang_dir / "ner_gazetteer.tsv"),
                   triggers=read_table(lang_dir / "ner_triggers.tsv"),
                   clitics=read_clitics(lang_dir / "ner_clitics.txt"), corpus=corpus, typedist=dist)


def read_manifest(model_dir: Path) -> dict[str, Any]:
    """The model manifest, checked against the sha256 of every file it lists."""
    path = model_dir / "manifest.json"
    try:
        manifest: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read model manifest: {exc}", source=str(path)) from exc
    files = manifest.get("files")
    if not isinstance(files, dict) or not files:
        raise ModelError("manifest lists no weight files", source=str(path))
    checks = [(model_dir / name, expected) for name, expected in files.items()]
    checks += [(LANG_DIR / name, expected) for name, expected in (manifest.get("lang") or {}).items()]
    for fpath, expected in checks:
        if not fpath.is_file():
            raise ModelError("model file is missing", source=str(fpath))
        actual = sha256_file(fpath)
        if actual != expected:
            raise ModelError(f"sha256 {actual[:12]}… does not match the manifest ({str(expected)[:12]}…)",
                             source=str(fpath))
    return manifest


def load_crf(model_dir: Path, manifest: dict[str, Any]) -> Tagger:
    """The CRF stored in ``model_dir`` (weights, lexicon, precomputed frequent types)."""
    path = model_dir / "weights.npz"
    try:
        with np.load(path, allow_pickle=False) as npz:
            labels = [str(x) for x in npz["labels"]]
            attributes = npz["attributes"].tolist()
            weights = npz["weights"]
            transitions = npz["transitions"]
    except (OSError, KeyError, ValueError) as exc:
        raise ModelError(f"cannot read weights: {exc}", source=str(path)) from exc
    tagger = Tagger(labels, attributes, weights, transitions, build_lexicon(model_dir))
    if "types.npz" in manifest["files"]:
        path = model_dir / "types.npz"
        try:
            with np.load(path, allow_pickle=False) as npz:
                tagger.preload(npz["forms"].tolist(), npz["stems"].tolist(), npz["blocks"])
        except (OSError, KeyError, ValueError) as exc:
            raise ModelError(f"cannot read precomputed types: {exc}", source=str(path)) from exc
    return tagger


def load_ensemble(model_dir: Path, crf: Tagger) -> Labeller:
    """The CRF joined by the BiLSTM network (``bilstm.onnx`` and ``neural.npz``)."""
    from rasid.extract.ner.encode import UNK
    from rasid.extract.ner.neural import EnsembleTagger, NeuralScorer

    path = model_dir / "neural.npz"
    try:
        with np.load(path, allow_pickle=False) as npz:
            vectors = npz["codes"].astype(np.float32) * npz["scales"][:, None]
            words = {str(w): i for i, w in enumerate(npz["words"].tolist()) if i > UNK}
            chars = {str(c): i for i, c in enumerate(npz["chars"].tolist()) if i > UNK}
            transitions = npz["transitions"].astype(np.float64)
            start = npz["start"].astype(np.float64)
            crf_weight = float(npz["crf_weight"])
    except (OSError, KeyError, ValueError) as exc:
        raise ModelError(f"cannot read network tables: {exc}", source=str(path)) from exc
    n = len(crf.labels)
    if transitions.shape != (n, n) or start.shape != (n,):
        raise ModelError("network labels do not match the CRF labels", source=str(path))
    scorer = NeuralScorer(model_dir / "bilstm.onnx", vectors, words, chars, crf.lexicon)
    return EnsembleTagger(crf, scorer, crf_weight, transitions, start)


def load_model(model_dir: Path = MODEL_DIR) -> Labeller:
    """Verify and load the tagger stored in ``model_dir``: the CRF, with the network when shipped."""
    manifest = read_manifest(model_dir)
    crf = load_crf(model_dir, manifest)
    if "bilstm.onnx" in manifest["files"]:
        return load_ensemble(model_dir, crf)
    return crf
