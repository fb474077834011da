"""NER throughput on one core: sentences/s and tokens/s tagging ANERcorp dev, and model load time."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "ner" / "anercorp" / "dev.txt"
_SAMPLE = [
    ["قال", "الرئيس", "الروسي", "فلاديمير", "بوتين", "إن", "موسكو", "مستعدة", "للحوار", "مع", "واشنطن", "."],
    ["وصل", "وزير", "الخارجية", "الفرنسي", "إلى", "القاهرة", "أمس", "في", "زيارة", "تستمر", "يومين", "."],
    ["أعلنت", "منظمة", "الصحة", "العالمية", "عن", "خطة", "جديدة", "لمكافحة", "الوباء", "في", "جنيف", "."],
]


def _one_core() -> None:
    """Pin this process (and BLAS threads) to one core where the platform allows it."""
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


_COLD_START = ("import time; t = time.perf_counter(); from rasid.extract.ner import load_tagger; "
               "load_tagger(); print(time.perf_counter() - t)")


def run() -> dict[str, float | int | str]:
    """Load time (fresh process, imports included; and in-process), then cold and warm tagging speed on dev."""
    _one_core()
    fresh = subprocess.run([sys.executable, "-c", _COLD_START], capture_output=True, text=True, check=True)
    from rasid.extract.ner.conll import read_conll
    from rasid.extract.ner.loader import load_model

    t0 = time.perf_counter()
    tagger = load_model()
    load_s = time.perf_counter() - t0
    if DEV.exists():
        sents = [s.tokens for s in read_conll(DEV)]
        source = "anercorp/dev.txt"
    else:
        sents = _SAMPLE * 136
        source = "built-in sample (../shared/data absent)"
    n_tok = sum(len(s) for s in sents)
    t0 = time.perf_counter()
    tagger.tag(sents)
    cold = time.perf_counter() - t0
    runs = 5
    t0 = time.perf_counter()
    for _ in range(runs):
        tagger.tag(sents)
    warm = (time.perf_counter() - t0) / runs
    return {
        "source": source,
        "sentences": len(sents),
        "tokens": n_tok,
        "load_s": round(load_s, 3),
        "load_with_imports_s": round(float(fresh.stdout.strip()), 3),
        "cold_sentences_per_s": round(len(sents) / cold),
        "cold_tokens_per_s": round(n_tok / cold),
        "sentences_per_s": round(len(sents) / warm),
        "tokens_per_s": round(n_tok / warm),
    }
