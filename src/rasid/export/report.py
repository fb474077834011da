"""``report.html``: one self-contained right-to-left page summarising a run, for a person to read.

Annotation spans are rendered from their character offsets into the article text (STYLE rule 3),
and the entity mentions of captions and bylines from their offsets into those (``meta_entities``);
every piece of text is escaped, and spans that cross each other are shown only once (the outer one).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from rasid.model import Article, Event, Mention, Quantity, Quote, Rejected, Span, TimeRef

REPORT_FILE = "report.html"
_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*")


@dataclass(frozen=True)
class Mark:
    """A span to highlight: where it is, its CSS class and its tooltip."""

    start: int
    end: int
    css: str
    title: str


def _title(span: Span) -> tuple[str, str]:
    """CSS class and tooltip for one annotation."""
    def join(*parts: object) -> str:
        return " · ".join(str(p) for p in parts if p not in (None, ""))

    if isinstance(span, Mention):
        return f"ent ent-{span.type}", join(span.type, span.entity)
    if isinstance(span, Quantity):
        value = span.value if span.value_max is None else f"{span.value}–{span.value_max}"
        return "fig", join(span.approx, value, span.unit, span.subject, span.attributed_to)
    if isinstance(span, TimeRef):
        return "time", join(span.kind, span.value)
    if isinstance(span, Quote):
        return "quote", join("مباشر" if span.direct else "منقول", span.speaker)
    if isinstance(span, Event):
        return "event", join(span.type, span.code, span.time, span.place)
    return "span", ""


def marks(article: Article) -> list[Mark]:
    """Every annotation of ``article`` as a highlight, outer kinds (quotes, events) first on ties."""
    found: list[Mark] = []
    for group in (article.quotes, article.events, article.entities, article.quantities, article.times):
        for span in group:
            if 0 <= span.start < span.end <= len(article.text):
                found.append(Mark(span.start, span.end, *_title(span)))
    return found


def field_lines(article: Article, where: str) -> list[Markup]:
    """The article's captions (``where="caption"``) or bylines (``"byline"``), each escaped, with the
    entity mentions found in it (``meta_entities``) as marks."""
    values = article.meta.get(f"{where}s") or []
    out = []
    for i, value in enumerate(values):
        if not isinstance(value, str) or not value.strip():
            continue
        spans = [Mark(m.start, m.end, *_title(m)) for m in article.meta_entities
                 if m.where == where and m.index == i and 0 <= m.start < m.end <= len(value)]
        out.append(_nest(value, 0, len(value), spans))
    return out


def _nest(text: str, ps: int, pe: int, spans: list[Mark]) -> Markup:
    """``text[ps:pe]`` escaped, with the spans that touch it clipped to it and opened as nested marks."""
    inside = sorted(((max(m.start, ps), min(m.end, pe), i, m) for i, m in enumerate(spans)
                     if m.start < pe and m.end > ps), key=lambda x: (x[0], -x[1], x[2]))
    out: list[str] = []
    pos = ps
    stack: list[int] = []
    for start, end, _, m in [*inside, (pe, pe, -1, None)]:
        while stack and stack[-1] <= start:
            close = stack.pop()
            out.append(f"{escape(text[pos:close])}</mark>")
            pos = close
        if m is None or (stack and end > stack[-1]):
            continue  # the sentinel, or a span crossing one already open: keep the outer one only
        out.append(f'{escape(text[pos:start])}<mark class="{escape(m.css)}" title="{escape(m.title)}">')
        pos = start
        stack.append(end)
    out.append(str(escape(text[pos:pe])))
    return Markup("".join(out))


def paragraphs(text: str, spans: list[Mark]) -> list[Markup]:
    """``text`` cut into paragraphs (non-blank lines), each escaped, with ``spans`` as nested ``<mark>``."""
    return [_nest(text, p.start(), p.end(), spans) for p in _PARAGRAPH.finditer(text)]


def _environment() -> Environment:
    return Environment(loader=PackageLoader("rasid.web", "templates"), autoescape=select_autoescape(["html"]),
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def render_report(summary: dict[str, Any], articles: Iterable[Article], rejected: list[Rejected],
                  max_articles: int = 1000) -> str:
    """The report page as a string; shows at most ``max_articles`` articles (all are in articles.jsonl)."""
    shown = []
    for i, article in enumerate(articles):
        if i >= max_articles:
            break
        spans = marks(article)
        shown.append({"a": article, "paragraphs": paragraphs(article.text, spans), "n_marks": len(spans) + len(article.meta_entities),
                      "captions": field_lines(article, "caption"), "bylines": field_lines(article, "byline")})
    reasons = Counter((r.code, r.error) for r in rejected)
    return _environment().get_template("report.html").render(
        summary=summary, articles=shown, rejected=rejected[:max_articles],
        reasons=sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])),
        any_marks=any(x["n_marks"] for x in shown))


def write_report(out_dir: Path, summary: dict[str, Any], articles: Iterable[Article],
                 rejected: list[Rejected], max_articles: int = 1000) -> Path:
    """Write ``out_dir/report.html`` and return its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / REPORT_FILE
    path.write_text(render_report(summary, articles, rejected, max_articles), encoding="utf-8")
    return path
