"""Page -> Articles: boilerplate removal, splitting glued pages, metadata.

Public API: ``clean_page(page: Page) -> list[Article]`` (raises
:class:`rasid.errors.EmptyInputError` when a page holds no article text).

How a page is read: each line is classified on its own (:mod:`rasid.clean.boilerplate`), then
page-level rules find titles, related blocks, subheadings and article boundaries
(:mod:`rasid.clean.split`). Captions, watermarks, share bars, menus, footers, date and byline
lines, teasers and English title lines never enter ``Article.text``; they feed the metadata.

Publication date rule (``meta["published_source"]`` says which step gave it):

1. a date line of the article with a publishing cue («نشر في …», «تاريخ النشر») — ``page:cue``;
2. else the standalone date line of the article header **nearest to the body** (a banner with
   the site's current date comes first, above the article's own date) — ``page:header``;
3. else the first standalone date line after the body — ``page:footer``;
4. else an «آخر تحديث» (updated) date line — ``page:updated``;
5. for HTML: a date in the URL path, then the page's metadata date (trafilatura) — ``url``/``html``;
   then the page's visible lines around the headline (:mod:`rasid.clean.visible`: the
   byline-and-date line under it, else the nearest date line above it) — ``visible:*``;
6. else the input metadata — ``meta``; else null. Dates inside paragraphs, captions and
   related-article teasers never count, and the clock is never used.
7. A later article glued on the same page with no date of its own takes the date the page
   states for the first one (steps 1–4) — ``page:first``.

Outlet, first cue found: input metadata, the URL's domain, a byline, a copyright footer, the
masthead line at the top of the page, a dateline; for HTML then the page's own copyright
block, the site name beside the headline in ``<title>`` and a masthead among the page's
visible lines; last, related-article bylines
(:mod:`rasid.clean.outlets`). ``meta["outlet_source"]`` says which.
"""

from __future__ import annotations

from typing import Any

from rasid.clean.boilerplate import Line, classify, split_lines
from rasid.clean.dates import meta_date, url_date
from rasid.clean.html import Source, furniture, source_of
from rasid.clean.offsets import TextBuilder
from rasid.clean.outlets import (
    by_name,
    by_url,
    from_copyright,
    from_title,
    outlet_from_parts,
    outlet_in_dateline,
)
from rasid.clean.split import Part, mark_titles, split_parts
from rasid.clean.visible import find_line, header_date, masthead_name, visible_lines
from rasid.clean.wire import credit_codes, wire_in_text
from rasid.errors import EmptyInputError
from rasid.model import Article, Page, stable_id
from rasid.text.normalize import normalize

__all__ = ["clean_page"]

_CORPUS_FORMATS = {"jsonl", "json", "ant", "saudinewsnet"}


def _lines(source: Source, titles: list[str]) -> list[Line]:
    """Split and classify the source text, then mark titles and captions shown twice."""
    lines = split_lines(source.text)
    for ln in lines:
        classify(ln)
    mark_titles(lines, [normalize(t).strip() for t in titles if isinstance(t, str)])
    if not any(ln.kind == "body" for ln in lines):
        for ln in lines:
            if ln.kind == "short" and ln.words >= 8:
                ln.kind = "body"
    return lines


def _is_html(page: Page, source: Source) -> bool:
    """Whether the page is an HTML document (its text came through main-content extraction)."""
    return page.format.lower() in {"html", "warc"} or (source.base is None and page.raw.lstrip().startswith("<"))


def _page_outlet(page: Page, source: Source, lines: list[Line], parts: list[Part]) -> tuple[str | None, str]:
    """The outlet and where it came from (see :mod:`rasid.clean.outlets`)."""
    for given, where in ((page.meta.get("outlet"), "meta"), (source.meta.get("outlet"), "record")):
        if isinstance(given, str) and given.strip():
            return by_name(given) or given.strip(), where
    url = page.meta.get("url") or source.meta.get("url")
    found = by_url(url if isinstance(url, str) else None)
    if found:
        return found, "url"
    own = {i for p in parts for i in (*p.header, *p.footer)}
    for i in sorted(own):
        ln = lines[i]
        if ln.kind != "byline":
            continue
        names = [str(x) for x in ln.info.get("parts") or []]  # type: ignore[attr-defined]
        if ln.info.get("agencies") or ln.info.get("outlet_hint"):
            name = outlet_from_parts(names)
        else:
            name = next(filter(None, map(by_name, names)), None)
        if name:
            return name, "byline"
    for ln in lines:
        if ln.kind == "junk" and ln.info.get("why") == "boilerplate":
            name = from_copyright(ln.text)
            if name:
                return name, "copyright"
    name = masthead_name(lines, parts[0].body[0])
    if name:
        return name, "masthead"
    name = outlet_in_dateline(lines[parts[0].body[0]].text)
    if name:
        return name, "dateline"
    if _is_html(page, source):
        title, blocks = furniture(page.raw)
        name = next(filter(None, map(from_copyright, blocks)), None)
        if name:
            return name, "html:copyright"
        given = source.meta.get("title") or parts[0].title
        name = from_title(title, given if isinstance(given, str) else None)
        if name:
            return name, "html:title"
        seen = visible_lines(page.raw)
        top = find_line(seen, given if isinstance(given, str) else None)
        name = masthead_name(seen, top if top is not None else 0)
        if name:
            return name, "html:masthead"
    quoted = [ln for ln in lines if ln.kind == "byline" and ln.info.get("quoted")]
    if quoted:
        names = [str((ln.info.get("parts") or [""])[0]) for ln in quoted]  # type: ignore[index]
        best = max(set(names), key=names.count)
        return by_name(best) or best, "related-byline"
    return None, "none"


def _published(page: Page, source: Source, lines: list[Line], part: Part) -> tuple[str | None, str]:
    """The article's publication date and its source, by the rule in the module docstring."""
    dated = [(i, lines[i]) for i in (*part.header, *part.footer) if lines[i].kind == "date"]
    cue = [ln for _, ln in sorted(dated) if ln.info.get("date_kind") == "published"]
    if cue:
        return str(cue[0].info["date"]), "page:cue"
    header = [ln for i, ln in dated if i in part.header and ln.info.get("date_kind") == "plain"]
    if header:
        return str(header[-1].info["date"]), "page:header"
    footer = [ln for i, ln in dated if i in part.footer and ln.info.get("date_kind") == "plain"]
    if footer:
        return str(footer[0].info["date"]), "page:footer"
    updated = [ln for _, ln in dated if ln.info.get("date_kind") == "updated"]
    if updated:
        return str(updated[0].info["date"]), "page:updated"
    if page.format.lower() in {"html", "warc"}:
        url = page.meta.get("url") or source.meta.get("url")
        found = url_date(url if isinstance(url, str) else None)
        if found:
            return found, "url"
        found = meta_date(source.meta.get("published"))
        if found:
            return found, "html"
    if _is_html(page, source):
        given = page.meta.get("title") or source.meta.get("title") or part.title
        seen_date = header_date(visible_lines(page.raw), given if isinstance(given, str) else None,
                                lines[part.body[0]].text)
        if seen_date:
            return seen_date
    found = meta_date(page.meta.get("published") or source.meta.get("published"))
    return (found, "meta") if found else (None, "none")


def _article(page: Page, source: Source, lines: list[Line], part: Part, index: int,
             count: int, outlet: tuple[str | None, str], page_date: tuple[str | None, str]) -> Article:
    """Build one article from its lines."""
    builder = TextBuilder(source.text, page.raw, source.base)
    for i in part.body:
        builder.add(lines[i].start, lines[i].end)
    text, offsets = builder.result()
    wire: list[str] = []
    for i in sorted((*part.header, *part.footer)):
        for code in lines[i].info.get("agencies") or []:  # type: ignore[attr-defined]
            if code not in wire:
                wire.append(code)
    for code in wire_in_text(text):
        if code not in wire:
            wire.append(code)
    credits: list[str] = []
    for i in part.captions:
        for code in credit_codes(list(lines[i].info.get("credit") or [])):  # type: ignore[call-overload]
            if code not in credits:
                credits.append(code)
    title = part.title
    given_title = page.meta.get("title") or source.meta.get("title")
    if title is None and index == 0 and isinstance(given_title, str) and given_title.strip():
        title = given_title.strip()
    published, published_source = _published(page, source, lines, part)
    if index > 0 and published is None and page_date[0] and page_date[1].startswith("page:"):
        published, published_source = page_date[0], "page:first"  # a glued article without a date of its own
    meta: dict[str, Any] = {
        "published_source": published_source,
        "outlet_source": outlet[1],
        "subheadings": [lines[i].text for i in part.body if lines[i].kind == "short"],
        "english_titles": [lines[i].text for i in part.english],
        "captions": list(dict.fromkeys(lines[i].text for i in part.captions)),
        "bylines": [lines[i].text for i in sorted((*part.header, *part.footer)) if lines[i].kind == "byline"],
    }
    given_id = page.meta.get("id")
    art_id = str(given_id) if given_id and count == 1 else stable_id("a", page.id, str(index))
    url = page.meta.get("url") or source.meta.get("url")
    return Article(id=art_id, page_id=page.id, source=page.source, text=text, title=title,
                   outlet=outlet[0], published=published, wire=wire, credits=credits,
                   url=url if isinstance(url, str) else None, meta=meta, offsets=offsets)


def clean_page(page: Page) -> list[Article]:
    """The articles in a page: clean body text mapped to ``page.raw``, with title, outlet, date, wire."""
    source = source_of(page.format, page.raw)
    titles = [t for t in (page.meta.get("title"), source.meta.get("title")) if isinstance(t, str)]
    lines = _lines(source, titles)
    parts = split_parts(lines, lead_is_body=page.format.lower() in _CORPUS_FORMATS)
    if not parts:
        raise EmptyInputError("no article text left after removing boilerplate", source=page.source)
    outlet = _page_outlet(page, source, lines, parts)
    page_date = _published(page, source, lines, parts[0])
    return [_article(page, source, lines, part, k, len(parts), outlet, page_date) for k, part in enumerate(parts)]
