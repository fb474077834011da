"""ANT corpus files (TREC-like pseudo-XML: DOC, DOCNO, URL, SRC, CAT, TITLE, TIME, AUTHOR, ABSTRACT, TEXT).

Written by hand with regular expressions because the files are not XML: bodies carry raw ``<``
and ``&``, some documents lack SRC/CAT/AUTHOR, and JawharaFM mixes ``DD/MM/YYYY``, ISO and
``YYYY-MM-DDTHHMMSS`` dates. Archives are read member by member with :mod:`tarfile` streaming.
"""

from __future__ import annotations

import tarfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rasid.errors import EmptyInputError, FormatError, InputError, RasidError
from rasid.ingest.dates import put_published
from rasid.model import Page

Item = Page | RasidError

_TAGS = ("DOCNO", "URL", "SRC", "CAT", "TITLE", "TIME", "AUTHOR", "ABSTRACT", "TEXT")
_EDGE = " \t\r\n"


def _docs(text: str) -> list[str]:
    """Bodies of the DOC elements; an unclosed DOC runs to the next ``<DOC>`` or the end."""
    return [part.split("</DOC>", 1)[0] for part in text.split("<DOC>")[1:]]


def _fields(body: str) -> dict[str, str]:
    """The first occurrence of each known element; an element without its closing tag is ignored."""
    fields: dict[str, str] = {}
    for tag in _TAGS:
        start = body.find(f"<{tag}>")
        if start < 0:
            continue
        start += len(tag) + 2
        end = body.find(f"</{tag}>", start)
        if end >= 0:
            fields[tag] = body[start:end].strip(_EDGE)
    return fields


def iter_ant(text: str, source: str, encoding: str) -> Iterator[Item]:
    """Pages from one ANT file; ``:N`` is appended to the source when the file holds several DOCs."""
    docs = _docs(text)
    if not docs:
        yield FormatError("no <DOC> element found in ANT file", source=source)
        return
    for n, body in enumerate(docs, start=1):
        where = source if len(docs) == 1 else f"{source}:{n}"
        try:
            yield doc_page(body, where, encoding)
        except RasidError as exc:
            yield exc


def doc_page(body: str, source: str, encoding: str) -> Page:
    """One DOC body -> a page whose raw text is the TEXT element."""
    fields = _fields(body)
    if "TEXT" not in fields:
        raise FormatError("ANT document has no <TEXT> element", source=source)
    raw = fields["TEXT"]
    if not raw.strip():
        raise EmptyInputError("ANT document has an empty <TEXT>", source=source)
    meta: dict[str, Any] = {}
    for tag, key in (("DOCNO", "id"), ("TITLE", "title"), ("SRC", "outlet"), ("URL", "url"),
                     ("CAT", "category"), ("AUTHOR", "author"), ("ABSTRACT", "abstract")):
        if fields.get(tag, "").strip():
            meta[key] = fields[tag]
    put_published(meta, fields.get("TIME"))
    return Page.make(source, raw, "ant", encoding, meta)


def iter_ant_tar(path: Path, source: str, max_bytes: int) -> Iterator[Item]:
    """Pages from a (gzipped) tar of ANT files, streamed member by member (nothing extracted)."""
    from rasid.ingest.reader import iter_bytes

    try:
        with tarfile.open(path, mode="r|*") as tar:
            for member in tar:
                if not member.isfile() or _hidden(member.name):
                    continue
                where = f"{source}#{member.name}"
                if member.size > max_bytes:
                    yield InputError(f"archive member is {member.size} bytes, over the limit of "
                                     f"{max_bytes}", source=where)
                    continue
                fh = tar.extractfile(member)
                if fh is None:
                    continue
                yield from iter_bytes(fh.read(), where)
    except (tarfile.TarError, OSError, EOFError) as exc:
        yield FormatError(f"unreadable tar archive: {exc}", source=source)


def _hidden(name: str) -> bool:
    return any(part.startswith(".") for part in name.split("/") if part not in ("", "."))
