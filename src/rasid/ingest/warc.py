"""WARC and WARC.gz (via warcio) -> one page per HTML or text response.

Only successful (2xx) ``response`` and ``resource`` records whose payload is HTML or plain text
are documents; images, scripts, requests and redirects in a crawl are not articles and are
passed over. ``WARC-Date`` is the fetch time and is kept as ``meta['fetched']``, never as
the publication date.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from rasid.errors import EmptyInputError, FormatError, InputError, RasidError
from rasid.ingest.encoding import declared_charset, decode
from rasid.model import Page

Item = Page | RasidError

_DOC_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def _content_type(record: Any) -> tuple[str, str | None]:
    """Media type and charset of a record's payload (HTTP header, else the WARC header)."""
    value = ""
    if record.http_headers is not None:
        value = record.http_headers.get_header("Content-Type") or ""
    if not value:
        value = record.rec_headers.get_header("Content-Type") or ""
    parts = [p.strip() for p in value.split(";")]
    charset = None
    for p in parts[1:]:
        if p.lower().startswith("charset="):
            charset = p.split("=", 1)[1].strip("\"' ") or None
    return parts[0].lower(), charset


def iter_warc(path: Path, source: str, max_bytes: int) -> Iterator[Item]:
    """Pages from a WARC file, streamed record by record."""
    try:
        with path.open("rb") as fh:
            for record in ArchiveIterator(fh):
                if record.rec_type not in ("response", "resource"):
                    continue
                if record.rec_type == "response" and record.http_headers is not None:
                    status = record.http_headers.get_statuscode() or ""
                    if not status.startswith("2"):
                        continue
                media, charset = _content_type(record)
                if media not in _DOC_TYPES:
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                where = f"{source}#{uri}"
                data = record.content_stream().read(max_bytes + 1)
                if len(data) > max_bytes:
                    yield InputError(f"WARC record payload is over the limit of {max_bytes} bytes",
                                     source=where)
                    continue
                try:
                    yield _page(data, where, media, charset, uri, record)
                except RasidError as exc:
                    yield exc
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        yield FormatError(f"unreadable WARC: {exc}", source=source)


def _page(data: bytes, source: str, media: str, charset: str | None, uri: str, record: Any) -> Page:
    if not data.strip():
        raise EmptyInputError("WARC record has an empty payload", source=source)
    declared = charset or (declared_charset(data) if media != "text/plain" else None)
    text, codec = decode(data, source, declared=declared)
    if not text.strip():
        raise EmptyInputError("WARC record payload holds no text", source=source)
    meta: dict[str, Any] = {"content_type": media}
    if uri:
        meta["url"] = uri
    fetched = record.rec_headers.get_header("WARC-Date")
    if fetched:
        meta["fetched"] = fetched
    return Page.make(source, text, "warc", codec, meta)
