"""The whole visible text of an HTML page, line by line, read for metadata the main content lacks.

Main-content extraction (trafilatura) keeps the paragraphs and drops the article header: the
byline-and-date line («كتب: محمود يوسف - 19 مارس 2025»), the masthead («الرائد نيوز») and the
footer. When the page's metadata gives no date or outlet, the same line rules that read text
pages (:mod:`rasid.clean.boilerplate`) read these lines; nothing here enters ``Article.text``.
"""

from __future__ import annotations

from functools import lru_cache

from rasid.clean.boilerplate import Line, classify, split_lines
from rasid.clean.outlets import masthead
from rasid.text.normalize import normalize

_BLOCK_TAGS = ("p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer",
               "section", "article", "aside", "nav", "time", "span", "br", "td", "tr", "figcaption",
               "blockquote", "small", "address")


@lru_cache(maxsize=4)
def visible_lines(raw: str) -> list[Line]:
    """The page's visible text, one block element a line, each line classified alone (cached: a
    page asks for it for its date and its outlet; callers must not change the lines)."""
    import lxml.html  # installed with trafilatura; imported lazily like it

    try:
        tree = lxml.html.fromstring(raw)
    except (ValueError, lxml.etree.ParserError):
        return []
    for bad in tree.xpath("//head|//script|//style|//noscript|//template"):
        bad.drop_tree()
    for el in tree.iter(*_BLOCK_TAGS):
        el.text = "\n" + (el.text or "")
        el.tail = "\n" + (el.tail or "")
    text = "\n".join(" ".join(ln.split()) for ln in tree.text_content().split("\n") if ln.strip())
    lines = split_lines(text)
    for ln in lines:
        classify(ln)
    return lines


def find_line(lines: list[Line], text: str | None, prefix: bool = False) -> int | None:
    """Index of the line equal to ``text`` (or, with ``prefix``, opening like it), after normalising."""
    if not text:
        return None
    want = normalize(text).strip()
    for i, ln in enumerate(lines):
        if ln.norm == want or (prefix and len(ln.norm) >= 20 and want.startswith(ln.norm[:60])):
            return i
    return None


def header_date(lines: list[Line], title: str | None, first_paragraph: str) -> tuple[str, str] | None:
    """The article's date from the lines around its headline: ``(iso, where)``.

    A date with a publishing cue between the headline and the first paragraph comes first, then
    the plain date there nearest to the paragraph (the byline-and-date line), then the date line
    nearest above the headline (a top bar with the site's date comes further up).
    """
    body = find_line(lines, first_paragraph, prefix=True)
    head = find_line(lines, title)
    if body is None:
        return None
    if head is None or head > body:
        head = body
    between = [ln for ln in lines[head + 1:body] if ln.kind == "date"]
    for ln in between:
        if ln.info.get("date_kind") == "published":
            return str(ln.info["date"]), "visible:cue"
    plain = [ln for ln in between if ln.info.get("date_kind") == "plain"]
    if plain:
        return str(plain[-1].info["date"]), "visible:header"
    above = [ln for ln in lines[max(0, head - 12):head] if ln.kind == "date" and ln.info.get("date_kind") != "updated"]
    if above:
        return str(above[-1].info["date"]), "visible:top"
    return None


def masthead_name(lines: list[Line], top: int) -> str | None:
    """The outlet a masthead line names above line ``top`` (the first paragraph).

    «NAME | section» anywhere above counts; a bare name of one to four words counts only as the
    page's first line, followed by navigation or a date (possibly under a short section line);
    a kicker above a headline is followed by the headline, so it does not count.
    """
    content = [i for i in range(min(top, len(lines))) if lines[i].kind != "blank"]
    for n, i in enumerate(content):
        ln = lines[i]
        if ln.kind == "title" or ln.info.get("why") in {"boilerplate", "share"}:
            break
        if ln.kind not in {"short", "junk", "byline"}:
            continue
        name, sectioned = masthead(ln.text)
        if not name:
            continue
        if sectioned:
            return name
        if n == 0 and ln.kind == "short":
            follow = [lines[j] for j in content[1:3]]
            if follow and follow[0].kind == "short" and follow[0].words <= 3:
                follow = follow[1:]  # a section line under the name («أخبار المحافظات»)
            if follow and follow[0].kind in {"junk", "date"}:
                return name
    return None
