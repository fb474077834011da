"""JSONL (one article per line) and JSON (a list of article objects) -> pages.

Each record needs a non-empty ``text``; ``id``, ``title``, ``outlet``, ``url``, ``published`` and
``author`` are kept when given. A bad record is reported with its line (JSONL) or its position
(JSON list) and the other records are still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

from rasid.errors import EmptyInputError, FormatError, RasidError
from rasid.ingest.dates import put_published
from rasid.model import Page

Item = Page | RasidError

_KEPT = ("title", "outlet", "url", "author")


def record_page(obj: Any, source: str, encoding: str) -> Page:
    """One article object -> a page; raises FormatError / EmptyInputError for a bad record."""
    if not isinstance(obj, dict):
        raise FormatError(f"record is a JSON {type(obj).__name__}, expected an object with 'text'",
                          source=source)
    text = obj.get("text")
    if text is None:
        raise FormatError("record has no 'text' field", source=source)
    if not isinstance(text, str):
        raise FormatError(f"'text' is a JSON {type(text).__name__}, expected a string", source=source)
    if not text.strip():
        raise EmptyInputError("record 'text' is empty", source=source)
    meta: dict[str, Any] = {}
    if obj.get("id") is not None and str(obj["id"]).strip():
        meta["id"] = str(obj["id"])
    for key in _KEPT:
        value = obj.get(key)
        if isinstance(value, str) and value.strip():
            meta[key] = value
    put_published(meta, obj.get("published"))
    return Page.make(source, text.removeprefix("\ufeff"), "jsonl", encoding, meta)


def iter_jsonl(text: str, source: str, encoding: str) -> Iterator[Item]:
    """Pages from JSON Lines; only ``\\n`` separates records (U+2028 may sit inside a string)."""
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            obj = json.loads(line)
        except ValueError as exc:
            yield FormatError(f"invalid JSON on line {lineno}: {exc}", source=where)
            continue
        try:
            yield record_page(obj, where, encoding)
        except RasidError as exc:
            yield exc


def iter_json(text: str, source: str, encoding: str) -> Iterator[Item]:
    """Pages from a JSON document holding one article object or a list of them (``:N`` is 1-based)."""
    try:
        value = json.loads(text)
    except ValueError as exc:
        yield FormatError(f"invalid JSON: {exc}", source=source)
        return
    if isinstance(value, dict):
        try:
            yield record_page(value, source, encoding)
        except RasidError as exc:
            yield exc
        return
    if not isinstance(value, list):
        yield FormatError("JSON document is neither an object nor a list of objects", source=source)
        return
    if not value:
        yield EmptyInputError("JSON list is empty", source=source)
    for n, obj in enumerate(value, start=1):
        try:
            yield record_page(obj, f"{source}:{n}", encoding)
        except RasidError as exc:
            yield exc


def iter_json_array(stream: IO[str], chunk: int = 1 << 16) -> Iterator[Any]:
    """Elements of a top-level JSON array read incrementally, so a large array is never held whole."""
    decoder = json.JSONDecoder()
    buf = ""
    pos = 0
    eof = False

    def fill() -> bool:
        nonlocal buf, pos, eof
        data = stream.read(chunk)
        if not data:
            eof = True
            return False
        buf = buf[pos:] + data
        pos = 0
        return True

    def skip_ws() -> None:
        nonlocal pos
        while True:
            while pos < len(buf) and buf[pos] in " \t\r\n\ufeff":
                pos += 1
            if pos < len(buf) or not fill():
                return

    skip_ws()
    if pos >= len(buf) or buf[pos] != "[":
        raise ValueError("expected a JSON array")
    pos += 1
    skip_ws()
    if pos < len(buf) and buf[pos] == "]":
        return
    while True:
        skip_ws()
        while True:
            try:
                obj, end = decoder.raw_decode(buf, pos)
                if end < len(buf) or eof or not fill():
                    break
            except json.JSONDecodeError:
                if eof or not fill():
                    raise
        pos = end
        yield obj
        skip_ws()
        if pos >= len(buf):
            raise ValueError("unterminated JSON array")
        if buf[pos] == "]":
            return
        if buf[pos] != ",":
            raise ValueError(f"expected ',' or ']' in JSON array, found {buf[pos]!r}")
        pos += 1
