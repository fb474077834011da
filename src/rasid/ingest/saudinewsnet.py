"""Zip archives: SaudiNewsNet (JSON arrays of ``source, url, date_extracted, title, author, content``).

Members are read one at a time and JSON arrays element by element, so a large archive is never
held whole. ``date_extracted`` is the crawl time, not the publication date: it is kept under its
own name and ``published`` is left unset. Other members are read as ordinary files.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rasid.errors import EmptyInputError, FormatError, InputError, RasidError
from rasid.ingest.jsonl import iter_json_array, record_page
from rasid.model import Page

Item = Page | RasidError

_FIELDS = ("source", "content")


def article_page(obj: dict[str, Any], source: str) -> Page:
    """One SaudiNewsNet article object -> a page (raw = content, outlet = source)."""
    content = obj.get("content")
    if not isinstance(content, str):
        raise FormatError("article has no string 'content'", source=source)
    if not content.strip():
        raise EmptyInputError("article 'content' is empty", source=source)
    meta: dict[str, Any] = {}
    for key, name in (("source", "outlet"), ("url", "url"), ("title", "title"), ("author", "author"),
                      ("date_extracted", "date_extracted")):
        value = obj.get(key)
        if isinstance(value, str) and value.strip():
            meta[name] = value
    return Page.make(source, content, "saudinewsnet", "utf-8", meta)


def _element_page(obj: Any, source: str) -> Page:
    if isinstance(obj, dict) and all(k in obj for k in _FIELDS):
        return article_page(obj, source)
    return record_page(obj, source, "utf-8")


def iter_zip(path: Path, source: str, max_bytes: int) -> Iterator[Item]:
    """Pages from every member of a zip archive, in archive order, hidden members skipped."""
    from rasid.ingest.reader import iter_bytes

    try:
        with zipfile.ZipFile(path) as zf:
            for info in zf.infolist():
                name = info.filename
                if info.is_dir() or any(p.startswith(".") or p == "__MACOSX" for p in name.split("/") if p):
                    continue
                where = f"{source}#{name}"
                with zf.open(info) as fh:
                    head = fh.read(4096)
                    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"["):
                        yield from _iter_array(fh, head, where)
                        continue
                    if info.file_size > max_bytes:
                        yield InputError(f"archive member is {info.file_size} bytes, over the limit "
                                         f"of {max_bytes}", source=where)
                        continue
                    yield from iter_bytes(head + fh.read(), where)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        yield FormatError(f"unreadable zip archive: {exc}", source=source)


class _Prefixed(io.RawIOBase):
    """A binary stream that replays already-read bytes before the rest of ``fh``."""

    def __init__(self, prefix: bytes, fh: Any) -> None:
        self._prefix = prefix
        self._fh = fh

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        if self._prefix:
            n = min(len(b), len(self._prefix))
            b[:n] = self._prefix[:n]
            self._prefix = self._prefix[n:]
            return n
        data = self._fh.read(len(b))
        b[: len(data)] = data
        return len(data)


def _iter_array(fh: Any, prefix: bytes, source: str) -> Iterator[Item]:
    stream = io.TextIOWrapper(io.BufferedReader(_Prefixed(prefix, fh)), encoding="utf-8-sig")
    n = 0
    try:
        for n, obj in enumerate(iter_json_array(stream), start=1):
            try:
                yield _element_page(obj, f"{source}:{n}")
            except RasidError as exc:
                yield exc
    except (ValueError, UnicodeDecodeError) as exc:
        yield FormatError(f"malformed JSON array after element {n}: {exc}", source=source)
