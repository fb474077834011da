"""Unlabelled news text for word clusters: ANT pseudo-XML and SaudiNewsNet JSON, one sentence per line.

Tokens are split the way ANERcorp splits them (clitics stay attached, punctuation apart) and put
in the matching form the tagger uses, so cluster keys and tagger keys agree.
"""

from __future__ import annotations

import json
import re
import tarfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

from rasid.extract.ner.features import word_form
from rasid.text import split_sentences, tokenize

_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_TITLE = re.compile(r"<TITLE>(.*?)</TITLE>", re.S)


def ant_texts(path: Path) -> Iterator[str]:
    """Titles and bodies of every document in an ANT .tar.gz (pseudo-XML, not well-formed)."""
    with tarfile.open(path, "r:gz") as tar:
        for member in tar:
            if not member.isfile():
                continue
            handle = tar.extractfile(member)
            if handle is None:
                continue
            raw = handle.read().decode("utf-8", errors="replace")
            for pattern in (_TITLE, _TEXT):
                for m in pattern.finditer(raw):
                    yield m.group(1)


def saudi_texts(folder: Path) -> Iterator[str]:
    """Titles and contents of every SaudiNewsNet article (zipped JSON arrays)."""
    for zpath in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(zpath) as z:
            for name in z.namelist():
                for art in json.loads(z.read(name)):
                    for key in ("title", "content"):
                        if art.get(key):
                            yield str(art[key])


def news_texts(data: Path) -> Iterator[str]:
    """Every unlabelled news text under ``data/news``."""
    news = data / "news"
    for tgz in sorted(news.glob("ant_*/*.tar.gz")):
        yield from ant_texts(tgz)
    yield from saudi_texts(news / "saudinewsnet" / "dataset")


def news_sentences(data: Path) -> Iterator[list[str]]:
    """Deduplicated tokenised sentences (matching forms) from the news corpora."""
    seen: set[int] = set()
    forms: dict[str, str] = {}
    for text in news_texts(data):
        for line in text.splitlines():
            for span in split_sentences(line):
                toks = []
                for t in tokenize(span.text):
                    form = forms.get(t.text)
                    if form is None:
                        form = forms[t.text] = word_form(t.text)
                    toks.append(form)
                if len(toks) < 4:
                    continue
                key = hash(tuple(toks))
                if key in seen:
                    continue
                seen.add(key)
                yield toks


def write_corpus(data: Path, out: Path) -> int:
    """Write the news sentences to ``out``, one per line; returns the token count."""
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for toks in news_sentences(data):
            fh.write(" ".join(toks) + "\n")
            n += len(toks)
    return n
