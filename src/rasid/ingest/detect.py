"""Format detection by content: container magic bytes first, then the shape of the decoded text.

Extensions lie (HTML saved as ``.txt``, JSONL saved as ``.txt``), so the extension is never used.
"""

from __future__ import annotations

import gzip
import json
import re
import zlib

# Magic numbers of binary formats we do not read, named so the error can say what the file is.
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x7fELF", "executable"),
    (b"MZ", "Windows executable"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ", "xz archive"),
    (b"7z\xbc\xaf", "7-Zip archive"),
    (b"Rar!", "RAR archive"),
    (b"\xd0\xcf\x11\xe0", "legacy Office document"),
    (b"SQLite format 3", "SQLite database"),
)

_HTML_STRONG = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
_HTML_TAG = re.compile(
    r"</?(?:p|div|span|a|br|meta|script|style|title|h[1-6]|article|section|li|ul|ol|table|tr|td|img|link|nav|footer|header)\b[^>]{0,500}>",
    re.IGNORECASE,
)
_URL_LINE = re.compile(r"https?://\S+")


def _is_tar(head: bytes) -> bool:
    return len(head) >= 262 and head[257:262] == b"ustar"


def sniff_container(head: bytes) -> str | None:
    """'warc', 'warc.gz', 'tar', 'tar.gz', 'zip', 'gz', a binary kind ('binary:PDF document'), or None."""
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "zip"
    if _is_tar(head):
        return "tar"
    if head.startswith(b"\x1f\x8b"):
        inner = _gunzip_head(head)
        if inner.startswith(b"WARC/"):
            return "warc.gz"
        if _is_tar(inner):
            return "tar.gz"
        return "gz"
    for magic, kind in _BINARY_MAGIC:
        if head.startswith(magic):
            return f"binary:{kind}"
    return None


def _gunzip_head(head: bytes) -> bytes:
    """The first decompressed bytes of a gzip stream, from its first compressed bytes."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 1024)
    except zlib.error:
        try:
            return gzip.decompress(head)[:1024]
        except (OSError, EOFError):
            return b""


def _first_lines(text: str, limit: int = 50) -> list[str]:
    lines: list[str] = []
    for line in text[:262144].split("\n"):
        stripped = line.strip()
        if stripped:
            lines.append(stripped)
            if len(lines) >= limit:
                break
    return lines


def sniff_text(text: str) -> str:
    """One of 'ant', 'html', 'jsonl', 'json', 'urls', 'text' for decoded text."""
    start = text.lstrip()[:4096]
    if start.startswith("<DOC>") and "<DOCNO>" in start[:1000]:
        return "ant"
    if start.startswith("["):
        try:
            value = json.loads(text)
        except ValueError:
            value = None
        if isinstance(value, list):
            return "json"
    lines = _first_lines(text)
    if lines and lines[0].startswith("{"):
        # One object per line is JSONL; one pretty-printed object is JSON; anything else that
        # opens like JSON is read as JSONL so each bad line is reported rather than taken as prose.
        objects = sum(1 for line in lines if line.startswith("{") and line.endswith("}"))
        if objects >= max(1, len(lines) // 2):
            return "jsonl"
        try:
            return "json" if isinstance(json.loads(text), dict) else "jsonl"
        except ValueError:
            return "jsonl"
    head = text[:16384]
    if _HTML_STRONG.search(head) or len(_HTML_TAG.findall(head)) >= 5:
        return "html"
    if lines and all(_URL_LINE.fullmatch(line) for line in lines) and _all_urls(text):
        return "urls"
    return "text"


def _all_urls(text: str) -> bool:
    return all(_URL_LINE.fullmatch(line.strip()) for line in text.split("\n") if line.strip())
