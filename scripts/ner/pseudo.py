"""Type-level label distributions from tagging unlabelled news with a first-stage model.

A foreign name seen once in training but fifty times in the news, often after «الرئيس» or
«مدينة», gets the votes of all those contexts as a feature of its own.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

from rasid.extract.ner.features import split_clitic
from rasid.extract.ner.tagger import Tagger

KINDS = ("PER", "ORG", "LOC", "MISC")


def label_distribution(tagger: Tagger, corpus: Path, max_sentences: int,
                       min_count: int = 3, batch: int = 2000) -> dict[str, tuple[int, ...]]:
    """Per stem: (total, PER, ORG, LOC, MISC, begins) counts over the first ``max_sentences`` news sentences."""
    totals: Counter[str] = Counter()
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    lex = tagger.lexicon
    stems: dict[str, str] = {}

    def flush(sents: list[list[str]]) -> None:
        for toks, labs in zip(sents, tagger.tag(sents), strict=True):
            for tok, lab in zip(toks, labs, strict=True):
                stem = stems.get(tok)
                if stem is None:
                    stem = stems[tok] = split_clitic(tok, lex)[1]
                totals[stem] += 1
                if lab != "O":
                    votes[stem][lab[2:]] += 1
                    if lab[0] == "B":
                        votes[stem]["B"] += 1

    buf: list[list[str]] = []
    with corpus.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= max_sentences:
                break
            toks = line.split()
            if len(toks) > 80:
                continue
            buf.append(toks)
            if len(buf) >= batch:
                flush(buf)
                buf = []
    if buf:
        flush(buf)
    out: dict[str, tuple[int, ...]] = {}
    for stem, n in totals.items():
        if n >= min_count and votes.get(stem):
            out[stem] = (n, *(votes[stem][k] for k in KINDS), votes[stem]["B"])
    return out


def write_distribution(table: dict[str, tuple[int, ...]], out: Path) -> None:
    """Write ``stem<TAB>total<TAB>PER<TAB>ORG<TAB>LOC<TAB>MISC<TAB>B`` lines."""
    with out.open("w", encoding="utf-8") as fh:
        fh.write("# stem\ttotal\t" + "\t".join(KINDS) + "\tB\n")
        for stem, row in sorted(table.items()):
            fh.write(stem + "\t" + "\t".join(str(x) for x in row) + "\n")
