"""The text to clean for each input format, with what the format itself says about the page.

HTML goes through trafilatura (main content with one paragraph per line, plus title, date,
site name and URL from the page's metadata); the same line cleaning then runs on its output.
Corpus formats (JSONL, ANT pseudo-XML, SaudiNewsNet) already hold article text: the body is
taken from the record when ``Page.raw`` is the whole record, else ``Page.raw`` is the body.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

_ANT_TAG = re.compile(r"<(TITLE|URL|TIME|SRC|AUTHOR|DOCNO)>(.*?)</\1>", re.S)
_ANT_TEXT = re.compile(r"<TEXT>(.*?)(?:</TEXT>|</DOC>|\Z)", re.S)
_HTML_START = re.compile(r"<(?:!doctype\s+html|html[\s>])", re.I)
_BODY_KEYS = ("text", "content", "body", "article", "TEXT")
_META_KEYS = {"title": ("title", "TITLE", "headline"), "url": ("url", "URL", "link"),
              "published": ("published", "date", "date_published", "TIME", "time"),
              "outlet": ("outlet", "source", "site", "SRC", "sitename"), "author": ("author", "AUTHOR")}


@dataclass
class Source:
    """Text to clean: ``text``, where it sits in ``Page.raw`` (``base`` when a verbatim slice, else
    None) and metadata the format gave (title, url, published, outlet, author)."""

    text: str
    base: int | None
    meta: dict[str, Any] = field(default_factory=dict)


def _pick(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = record.get(key)
        if value not in (None, ""):
            return value
    return None


def from_html(raw: str) -> Source:
    """Main content and metadata of an HTML page via trafilatura (paragraphs one per line)."""
    import trafilatura  # imported lazily: heavy, and only HTML pages need it

    # No extensive date search: its fallbacks guess «2022-01-01» from a year in the text.
    doc = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False,
                                      include_tables=False, include_images=False,
                                      date_extraction_params={"extensive_search": False, "original_date": True})
    if doc is None:
        # No main content found: fall back to all the page's text, cleaned line by line.
        return Source(trafilatura.html2txt(raw) or "", None)
    get = (lambda k: getattr(doc, k, None)) if not isinstance(doc, dict) else doc.get
    date = get("date")
    if isinstance(date, str) and date.endswith("-01-01"):
        date = None  # a year alone, padded: not a stated date
    meta = {"title": get("title"), "url": get("url"), "published": date,
            "outlet": get("sitename"), "author": get("author")}
    return Source(get("text") or "", None, {k: v for k, v in meta.items() if v})


_RIGHTS_HINT = re.compile(r"©|حقوق|copyright|all rights reserved", re.I)


def furniture(raw: str) -> tuple[str | None, list[str]]:
    """What an HTML page says around its content: the ``<title>`` as written and its short text
    blocks naming rights («© 2025 الرائد نيوز. جميع الحقوق محفوظة.»), which main-content
    extraction drops. Used for the outlet when the page's metadata does not name it."""
    import lxml.html  # installed with trafilatura; imported lazily like it

    try:
        tree = lxml.html.fromstring(raw)
    except (ValueError, lxml.etree.ParserError):
        return None, []
    title = tree.findtext(".//title")
    blocks: list[str] = []
    for el in tree.iter("p", "div", "span", "small", "footer", "li", "section"):
        text = " ".join(el.text_content().split())
        if text and len(text) <= 200 and _RIGHTS_HINT.search(text) and text not in blocks:
            blocks.append(text)
    blocks.sort(key=len)  # the innermost block names the rights and little else
    return (" ".join(title.split()) if title else None), blocks


def from_ant(raw: str) -> Source:
    """The <TEXT> block of an ANT document, with its TITLE, URL, TIME and SRC tags."""
    m = _ANT_TEXT.search(raw)
    if not m:
        return Source(raw, 0)
    tags = {k: v.strip() for k, v in _ANT_TAG.findall(raw)}
    meta = {"title": tags.get("TITLE"), "url": tags.get("URL"), "published": tags.get("TIME"),
            "outlet": tags.get("SRC"), "author": tags.get("AUTHOR")}
    return Source(m.group(1), m.start(1), {k: v for k, v in meta.items() if v})


def from_record(raw: str) -> Source:
    """The body of a JSON record (``text``/``content``/``body``) and its title, url, date and source."""
    try:
        record = json.loads(raw)
    except ValueError:
        return Source(raw, 0)
    if not isinstance(record, dict):
        return Source(raw, 0)
    body = _pick(record, _BODY_KEYS)
    meta = {name: _pick(record, keys) for name, keys in _META_KEYS.items()}
    return Source(body if isinstance(body, str) else "", None, {k: v for k, v in meta.items() if v})


def source_of(fmt: str, raw: str) -> Source:
    """The text to clean for a page of format ``fmt``."""
    fmt = fmt.lower()
    stripped = raw.lstrip()
    if fmt in {"html", "warc"} or _HTML_START.match(stripped):
        return from_html(raw)
    if fmt in {"jsonl", "json", "saudinewsnet", "ant"} and stripped.startswith("{"):
        return from_record(raw)
    if fmt == "ant" or stripped.startswith("<DOC>"):
        return from_ant(raw)
    return Source(raw, 0)
