"""CoNLL-style reading and conlleval-style entity scoring (exact span match).

Written by hand because the scoring is a few lines and conlleval itself is a Perl script;
labels are IOB2 over PER ORG LOC MISC (ANERcorp's PERS is read as PER).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rasid.errors import FormatError

TYPES = ("PER", "ORG", "LOC", "MISC")
_RENAME = {"PERS": "PER", "PERSON": "PER", "ORGANIZATION": "ORG", "LOCATION": "LOC"}


def fix_label(label: str) -> str:
    """One label in our tag set: «B-PERS» → «B-PER»; anything unknown becomes MISC."""
    if label == "O" or "-" not in label:
        return "O"
    prefix, kind = label.split("-", 1)
    kind = _RENAME.get(kind, kind)
    if kind not in TYPES:
        kind = "MISC"
    return f"{prefix if prefix in ('B', 'I') else 'B'}-{kind}"


def repair_iob(labels: Sequence[str]) -> list[str]:
    """IOB2 repair: an I- tag that opens a span (after O or another type) becomes B-."""
    out: list[str] = []
    prev = "O"
    for lab in labels:
        if lab.startswith("I-") and (prev == "O" or prev[2:] != lab[2:]):
            lab = "B-" + lab[2:]
        out.append(lab)
        prev = lab
    return out


@dataclass
class Sentence:
    """One CoNLL sentence: tokens and (possibly empty) gold labels."""

    tokens: list[str]
    labels: list[str]


def read_conll(path: Path, labelled: bool = True) -> list[Sentence]:
    """Sentences of a CoNLL file: first column the token, last column the gold label if ``labelled``."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise FormatError(f"cannot read CoNLL file: {exc}", source=str(path)) from exc
    sents: list[Sentence] = []
    toks: list[str] = []
    labs: list[str] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        cols = line.split()
        if not cols:
            if toks:
                sents.append(Sentence(toks, repair_iob(labs) if labelled else []))
                toks, labs = [], []
            continue
        toks.append(cols[0])
        if labelled:
            if len(cols) < 2:
                raise FormatError(f"line {lineno} has no label column", source=str(path))
            labs.append(fix_label(cols[-1]))
    if toks:
        sents.append(Sentence(toks, repair_iob(labs) if labelled else []))
    return sents


def spans(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entity spans ``(start, end, type)`` of a BIO sequence (end exclusive); stray I- opens a span."""
    out: list[tuple[int, int, str]] = []
    start = -1
    kind = ""
    for i, lab in enumerate([*labels, "O"]):
        if start >= 0 and (lab == "O" or lab.startswith("B-") or lab[2:] != kind):
            out.append((start, i, kind))
            start = -1
        if lab != "O" and start < 0:
            start, kind = i, lab[2:]
    return out


def score(gold: Iterable[Sequence[str]], pred: Iterable[Sequence[str]]) -> dict[str, dict[str, float]]:
    """Entity-level precision / recall / F1 per type and ``overall`` (exact span and type match)."""
    counts = {t: [0, 0, 0] for t in (*TYPES, "overall")}  # correct, predicted, gold
    for g, p in zip(gold, pred, strict=True):
        gs, ps = set(spans(g)), set(spans(p))
        for s in gs:
            counts.setdefault(s[2], [0, 0, 0])[2] += 1
            counts["overall"][2] += 1
        for s in ps:
            counts.setdefault(s[2], [0, 0, 0])[1] += 1
            counts["overall"][1] += 1
            if s in gs:
                counts[s[2]][0] += 1
                counts["overall"][0] += 1
    result: dict[str, dict[str, float]] = {}
    for kind, (c, np_, ng) in counts.items():
        prec = c / np_ if np_ else 0.0
        rec = c / ng if ng else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        result[kind] = {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4),
                        "predicted": np_, "gold": ng, "correct": c}
    return result
