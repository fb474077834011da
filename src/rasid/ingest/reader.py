"""Dispatch: paths -> files -> containers or decoded text -> the format readers -> pages.

Readers yield pages and typed errors as values, so one bad record (a JSONL line, an archive
member) is reported on its own and the rest of the file is still read.
"""

from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from rasid.errors import EmptyInputError, FormatError, InputError, RasidError
from rasid.ingest.ant import iter_ant, iter_ant_tar
from rasid.ingest.detect import sniff_container, sniff_text
from rasid.ingest.encoding import declared_charset, decode
from rasid.ingest.jsonl import iter_json, iter_jsonl
from rasid.ingest.saudinewsnet import iter_zip
from rasid.ingest.urls import iter_urls
from rasid.ingest.warc import iter_warc
from rasid.model import Page, Rejected
from rasid.settings import Settings

Item = Page | RasidError


def _limit(max_bytes: int | None) -> int:
    return max_bytes if max_bytes is not None else Settings.load().max_file_bytes


def iter_bytes(data: bytes, source: str) -> Iterator[Item]:
    """Pages from one in-memory document (a whole file or an archive member), by its content."""
    if not data.strip():
        yield EmptyInputError("empty or whitespace-only input", source=source)
        return
    kind = sniff_container(data[:1024])
    if kind is not None:
        what = kind.split(":", 1)[1] if kind.startswith("binary:") else f"{kind} archive"
        yield FormatError(f"unsupported content here: {what}", source=source)
        return
    declared = declared_charset(data[:8192]) if b"<" in data[:8192] else None
    try:
        text, codec = decode(data, source, declared=declared)
    except RasidError as exc:
        yield exc
        return
    if not text.strip():
        yield EmptyInputError("empty or whitespace-only input", source=source)
        return
    fmt = sniff_text(text)
    if fmt == "ant":
        yield from iter_ant(text, source, codec)
    elif fmt == "jsonl":
        yield from iter_jsonl(text, source, codec)
    elif fmt == "json":
        yield from iter_json(text, source, codec)
    elif fmt == "urls":
        yield from iter_urls(text, source)
    else:
        yield Page.make(source, text, fmt, codec)


def _iter_path(path: Path, source: str, max_bytes: int) -> Iterator[Item]:
    """Pages from one file on disk; archives are streamed, other files read whole (within the limit)."""
    try:
        if not path.exists():
            yield InputError("no such file or directory", source=source)
            return
        if path.is_dir():
            yield InputError("is a directory, not a file", source=source)
            return
        size = path.stat().st_size
        if size == 0:
            yield EmptyInputError("empty file", source=source)
            return
        with path.open("rb") as fh:
            head = fh.read(1024)
    except OSError as exc:
        yield InputError(f"cannot read: {exc.strerror or exc}", source=source)
        return
    kind = sniff_container(head)
    if kind in ("warc", "warc.gz", "tar", "tar.gz", "zip"):
        yield from _iter_archive(path, source, kind, max_bytes)
    elif kind == "gz":
        yield from _iter_gzip(path, source, max_bytes)
    elif kind is not None and kind.startswith("binary:"):
        yield FormatError(f"binary content ({kind.split(':', 1)[1]}), not a supported format",
                          source=source)
    elif size > max_bytes:
        yield InputError(f"file is {size} bytes, over the limit of {max_bytes} "
                         "(raise RASID_MAX_FILE_BYTES or split the file)", source=source)
    else:
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield InputError(f"cannot read: {exc.strerror or exc}", source=source)
            return
        yield from iter_bytes(data, source)


def _iter_archive(path: Path, source: str, kind: str, max_bytes: int) -> Iterator[Item]:
    """Pages from a WARC, tar or zip archive; an archive holding no document is reported as empty."""
    if kind.startswith("warc"):
        items = iter_warc(path, source, max_bytes)
    elif kind.startswith("tar"):
        items = iter_ant_tar(path, source, max_bytes)
    else:
        items = iter_zip(path, source, max_bytes)
    seen = False
    for item in items:
        seen = True
        yield item
    if not seen:
        what = "HTML or text responses" if kind.startswith("warc") else "documents"
        yield EmptyInputError(f"{kind} archive holds no {what}", source=source)


def _iter_gzip(path: Path, source: str, max_bytes: int) -> Iterator[Item]:
    """A single gzip-compressed document (not a WARC or tar)."""
    try:
        with gzip.open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        yield FormatError(f"unreadable gzip file: {exc}", source=source)
        return
    if len(data) > max_bytes:
        yield InputError(f"decompressed content is over the limit of {max_bytes} bytes", source=source)
        return
    yield from iter_bytes(data, source)


def _rejected(exc: RasidError, source: str) -> Rejected:
    d = exc.as_dict()
    return Rejected(source=d["source"] or source, code=d["code"] or exc.code, error=d["error"] or "",
                    message=d["message"] or "", hint=d["hint"])


def iter_file(path: str | Path, *, max_bytes: int | None = None) -> Iterator[Page | Rejected]:
    """Pages from one file, lazily; each bad record or member becomes a Rejected and reading goes on."""
    source = str(path)
    for item in _iter_path(Path(path), source, _limit(max_bytes)):
        yield _rejected(item, source) if isinstance(item, RasidError) else item


def read_file(path: str | Path, *, max_bytes: int | None = None) -> list[Page]:
    """All pages of one file; raises the typed error of the first bad input (file, record or member)."""
    pages: list[Page] = []
    for item in _iter_path(Path(path), str(path), _limit(max_bytes)):
        if isinstance(item, RasidError):
            raise item
        pages.append(item)
    return pages


def _walk(root: Path) -> Iterator[Path]:
    """Files under ``root`` in sorted order (by path components), hidden files and folders skipped."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(f for f in filenames if not f.startswith(".")):
            yield Path(dirpath) / name


def _files(root: Path) -> list[Path]:
    return sorted(_walk(root), key=lambda p: p.relative_to(root).parts)


def read_paths(paths: Iterable[str | Path], *, max_bytes: int | None = None) -> Iterator[Page | Rejected]:
    """Pages from files and folders (recursive, sorted, hidden entries skipped), bad inputs as Rejected."""
    limit = _limit(max_bytes)
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files = _files(path)
            if not files:
                yield Rejected(source=str(given), code=EmptyInputError.code, error="EmptyInputError",
                               message="folder holds no readable files", hint=EmptyInputError.hint)
            for file in files:
                yield from iter_file(file, max_bytes=limit)
        else:
            yield from iter_file(given, max_bytes=limit)
