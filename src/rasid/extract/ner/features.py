"""Token features for the NER tagger, shared by training and tagging.

Every token *type* gets a fixed list of features (word form, clitic-stripped stem, affixes,
shape, gazetteer and trigger membership, word clusters, corpus statistics, and the labels a
first-stage model gave the word across the news corpus), each with a reach:
the largest window offset at which it is used. Window features are ``"{offset}:{feature}"``,
so a token's score is a sum of per-type, per-offset vectors that the tagger caches. Features
that depend on the sentence (multi-word gazetteer matches) are added at offset 0 only.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rasid.text.normalize import normalize

WINDOW = 3
KINDS = ("PER", "ORG", "LOC", "MISC")
BOS = "<s>"
EOS = "</s>"
_DIGITS = re.compile(r"[0-9]")
_LATIN = re.compile(r"[a-z]")
_ARABIC = re.compile(r"[\u0621-\u064a]")
_ALNUM = re.compile(r"\w")
_TATWEEL = "\u0640"


def _form_table() -> dict[int, str]:
    """One translate table equal to :func:`rasid.text.normalize.normalize` (a per-character map)
    followed by folding digits to 0, built by applying it to every character it can change."""
    table: dict[int, str] = {}
    ranges = [range(0x0000, 0x0100), range(0x0600, 0x0700), range(0x2000, 0x2070), [0x3000, 0xFEFF]]
    for block in ranges:
        for code in block:
            ch = chr(code)
            out = _DIGITS.sub("0", normalize(ch))
            if out != ch:
                table[code] = out
    return table


_FORM = _form_table()


def word_form(token: str) -> str:
    """The matching form of a token: normalised letters, lower-cased Latin, digits folded to 0."""
    return token.translate(_FORM).lower()


@dataclass
class Lexicon:
    """Everything the features look up: gazetteer, triggers, clitics, corpus counts and clusters.

    ``corpus`` maps a form to its raw ``count<TAB>cluster…`` row and ``typedist`` a stem to its
    ``total<TAB>PER<TAB>ORG<TAB>LOC<TAB>MISC`` votes; rows are parsed on use, which keeps loading fast.
    """

    gazetteer: dict[str, str] = field(default_factory=dict)
    triggers: dict[str, str] = field(default_factory=dict)
    clitics: tuple[str, ...] = ()
    corpus: dict[str, str] = field(default_factory=dict)
    typedist: dict[str, str] = field(default_factory=dict)
    span_max: int = 1

    def __post_init__(self) -> None:
        """Longest multi-word gazetteer entry, for span matching."""
        self.span_max = max((k.count(" ") + 1 for k in self.gazetteer), default=1)

    def count(self, form: str) -> int:
        """How often ``form`` occurs in the news corpus (0 when rarer than the lexicon's cut-off)."""
        row = self.corpus.get(form)
        return int(row.split("\t", 1)[0]) if row else 0

    def clusters(self, form: str) -> tuple[str, ...]:
        """Cluster ids of ``form``, coarse to fine (empty when it has no vector)."""
        row = self.corpus.get(form)
        return tuple(row.split("\t")[1:]) if row else ()

    def votes(self, stem: str) -> tuple[int, ...]:
        """``(total, PER, ORG, LOC, MISC)`` labels the first-stage model gave ``stem`` in the news."""
        row = self.typedist.get(stem)
        return tuple(int(x) for x in row.split("\t")) if row else ()


def split_clitic(form: str, lex: Lexicon) -> tuple[str, str]:
    """``(clitic, rest)`` of a matching form: strip a proclitic only when the rest is the likelier word.

    The rest must be a known name or clearly more frequent than the whole form in the news
    corpus, so «لبوتين» → («ل», «بوتين») while «لندن», «بوتين», «واشنطن» stay whole.
    """
    if form in lex.gazetteer:
        return "", form
    whole = lex.count(form)
    for clitic in lex.clitics:
        if not form.startswith(clitic) or len(form) - len(clitic) < 2:
            continue
        rest = form[len(clitic):]
        if rest.startswith("ال") and clitic.endswith("ل"):
            continue  # «لل» is ل + ال with the alef dropped; handled by the article strip
        if rest in lex.gazetteer or lex.count(rest) >= max(3, 2 * whole):
            return clitic, rest
    return "", form


def bare(stem: str) -> str:
    """The stem without the article: «الرياض» → «رياض», «للرياض» → «رياض»."""
    for art in ("ال", "لل"):
        if stem.startswith(art) and len(stem) - len(art) >= 2:
            return stem[len(art):]
    return stem


def _bucket(n: int) -> str:
    """Logarithmic bucket of a count."""
    return str(min(int(math.log2(n + 1)), 16))


def type_features(token: str, lex: Lexicon, form: str | None = None,
                  split: tuple[str, str] | None = None) -> list[tuple[str, int]]:
    """Features of one token type with their reach (largest |offset| where they apply).

    ``form`` and ``split`` may pass in :func:`word_form` and :func:`split_clitic` results already at hand.
    """
    if token in (BOS, EOS):
        return [("w=" + token, WINDOW)]
    f = word_form(token) if form is None else form
    clitic, stem = split_clitic(f, lex) if split is None else split
    b = bare(stem)
    feats: list[tuple[str, int]] = [("w=" + f, 2), ("s=" + stem, WINDOW), ("b=" + b, 1)]
    if clitic:
        feats.append(("cl=" + clitic, 1))
    if stem.startswith("ال") or stem.startswith("لل"):
        feats.append(("al", 1))
    for n in (1, 2, 3):
        if len(f) > n:
            feats.append((f"p{n}=" + f[:n], 0))
        if len(stem) > n:
            feats.append((f"x{n}=" + stem[-n:], 1 if n == 2 else 0))
    if len(b) > 4:
        feats.append(("bx3=" + b[-3:], 0))
    if not _ALNUM.search(f):
        feats.append(("pun=" + f[:3], 2))
    elif _LATIN.search(f):
        feats.append(("lat", 1))
    elif "0" in f and not _ARABIC.search(f):
        feats.append(("dig", 1))
    feats.append(("len=" + str(min(len(b), 8)), 0))
    if _TATWEEL in token:
        feats.append(("tatweel", 0))
    for key, form in (("g", f), ("gs", stem), ("gb", b)):
        kind = lex.gazetteer.get(form)
        if kind:
            feats.append((f"{key}={kind}", 2 if key == "gs" else 1))
    for form in {f, stem}:
        kind = lex.triggers.get(form)
        if kind:
            feats.append(("t=" + kind, WINDOW))
    cl = lex.clusters(stem) or lex.clusters(f)
    if cl:
        for i, c in enumerate(cl):
            feats.append((f"c{i}={c}", WINDOW if i == 0 else 2 if i == 1 else 1))
    else:
        feats.append(("c=none", 1))
    dist = lex.votes(stem)
    if dist:
        for kind, votes in zip(KINDS, dist[1:5], strict=True):
            frac = votes / dist[0]
            if frac >= 0.1:
                feats.append((f"pd={kind}{3 if frac >= 0.6 else 2 if frac >= 0.3 else 1}", 1))
        entity = sum(dist[1:5])
        if len(dist) > 5 and entity >= 0.1 * dist[0]:
            begin = dist[5] / entity
            feats.append(("pdb=" + ("0" if begin < 0.2 else "1" if begin < 0.8 else "2"), 1))
    count = lex.count(stem)
    feats.append(("fq=" + _bucket(count), 1))
    if _ARABIC.search(b) and len(b) >= 3:
        with_al = lex.count("ال" + b)
        without = lex.count(b)
        total = with_al + without
        if total >= 3:
            ratio = with_al / total
            feats.append(("alr=" + ("0" if ratio < 0.02 else "1" if ratio < 0.2 else "2" if ratio < 0.6 else "3"), 1))
        else:
            feats.append(("alr=rare", 1))
    return feats


def span_features(forms: Sequence[str], stems: Sequence[str], lex: Lexicon) -> list[list[str]]:
    """Sentence-level features (offset 0): B-/I- of the longest multi-word gazetteer match."""
    n = len(forms)
    out: list[list[str]] = [[] for _ in range(n)]
    i = 0
    while i < n:
        hit = 0
        for size in range(min(lex.span_max, n - i), 1, -1):
            first = stems[i]
            key = " ".join([first, *forms[i + 1:i + size]])
            kind = lex.gazetteer.get(key)
            if kind:
                hit = size
                out[i].append("G=B-" + kind)
                for j in range(i + 1, i + size):
                    out[j].append("G=I-" + kind)
                break
        i += hit or 1
    return out


def window_attributes(feats: list[tuple[str, int]], offset: int) -> list[str]:
    """The attribute names a type contributes at window ``offset``."""
    d = abs(offset)
    return [f"{offset}:{name}" for name, reach in feats if reach >= d]
