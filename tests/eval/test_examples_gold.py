"""Quality gate: the three hand-checked example pages against their gold annotation.

Per page: the number of articles; per article: title (null ↔ null), first and last gold body
lines inside the text, no boilerplate line inside it (lines outside every gold body range that
are not titles, and photo captions anywhere), publication date, wire agencies, photo credits
and outlet.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest

from rasid.clean import clean_page
from rasid.model import Article, Page

EXAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "examples"
PAGES = sorted((EXAMPLES / "pages").glob("*.txt")) if EXAMPLES.is_dir() else []

pytestmark = [
    pytest.mark.eval,
    pytest.mark.skipif(not PAGES, reason="../shared/examples is absent (not part of a fresh clone)"),
]


def _gold(page: Path) -> dict:
    return json.loads((EXAMPLES / "gold" / f"{page.stem}.json").read_text(encoding="utf-8"))


def _caption_like(line: str) -> bool:
    """A line ending in a parenthesised credit with no sentence end before it."""
    if not line.endswith(")") or "(" not in line:
        return False
    before = line[: line.rfind("(")].rstrip()
    return bool(before) and before[-1] not in ".!?؟:"


def _boilerplate_lines(raw: str, gold: dict) -> list[str]:
    """Lines that must not be in any article text."""
    lines = [ln.strip() for ln in raw.split("\n")]
    ranges = []
    for art in gold["articles"]:
        first = next(i for i, ln in enumerate(lines) if art["first_line"].strip() in ln)
        last = next(i for i, ln in enumerate(lines) if i >= first and art["last_line"].strip() in ln)
        ranges.append((first, last))
    titles = {a["title"] for a in gold["articles"] if a["title"]}
    bad = []
    for i, line in enumerate(lines):
        if not line or line.replace("\u00a0", "").strip() == "":
            continue
        inside = any(a <= i <= b for a, b in ranges)
        if (not inside and line not in titles) or (inside and _caption_like(line)):
            bad.append(line)
    return bad


def _match(articles: list[Article], gold_art: dict) -> Article:
    for art in articles:
        if gold_art["first_line"].strip() in art.text:
            return art
    raise AssertionError(f"no article holds the gold first line {gold_art['first_line'][:40]!r}")


@pytest.mark.parametrize("path", PAGES, ids=[p.stem for p in PAGES])
def test_page_against_gold(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    gold = _gold(path)
    articles = clean_page(Page.make(str(path), raw, "text"))
    assert len(articles) == len(gold["articles"])
    bad = _boilerplate_lines(raw, gold)
    gold_outlet = gold["outlet"].split(" / ")[0] if gold["outlet"] else None
    for gold_art in gold["articles"]:
        art = _match(articles, gold_art)
        text_lines = set(art.text.split("\n"))
        assert art.title == gold_art["title"]
        assert art.text.startswith(gold_art["first_line"].strip())
        assert art.text.endswith(gold_art["last_line"].strip())
        leaked = [b for b in bad if b in text_lines]
        assert not leaked, f"boilerplate in body: {leaked}"
        assert art.published == gold_art["publication_date"]
        assert sorted(art.wire) == sorted(gold_art["wire_sources"])
        assert sorted(art.credits) == sorted(gold_art["photo_credits"])
        assert art.outlet == gold_outlet
        for t, r, n in art.offsets:
            assert art.text[t:t + n] == raw[r:r + n]


NOISE_TOP = ["الرئيسيةأخبارسياسةاقتصادرياضةمنوعات", "Loading...", "شارك الخبر:", "FacebookTwitterLinkedInEmail"]
NOISE_BOTTOM = ["اقرأ أيضاً:", "ارتفاع أسعار النفط في الأسواق الآسيوية", "جميع الحقوق محفوظة © 2024", "تصميم وبرمجة"]
TEASER = "شاهد ايضاً: لحظة وصول الوفد إلى المطار"


def _perturbed(raw: str, gold: dict) -> str:
    """The page with menus, share bars, an inline teaser after the first body line, and a footer."""
    lines = raw.split("\n")
    first = gold["articles"][0]["first_line"].strip()
    at = next(i for i, ln in enumerate(lines) if first in ln)
    lines.insert(at + 1, TEASER)
    return "\n".join([*NOISE_TOP, *lines, *NOISE_BOTTOM])


@pytest.mark.parametrize("path", PAGES, ids=[p.stem for p in PAGES])
def test_page_with_other_site_furniture(path: Path) -> None:
    """The same gold holds when the page carries another site's menus, share bars, teasers and footer."""
    gold = _gold(path)
    raw = _perturbed(path.read_text(encoding="utf-8"), gold)
    articles = clean_page(Page.make(str(path), raw, "text"))
    assert len(articles) == len(gold["articles"])
    for gold_art in gold["articles"]:
        art = _match(articles, gold_art)
        assert art.title == gold_art["title"]
        assert art.text.startswith(gold_art["first_line"].strip())
        assert art.text.endswith(gold_art["last_line"].strip())
        assert art.published == gold_art["publication_date"]
        assert sorted(art.wire) == sorted(gold_art["wire_sources"])
        for noise in (*NOISE_TOP, *NOISE_BOTTOM, TEASER):
            assert noise not in art.text.split("\n")


def line_scores() -> tuple[float, float]:
    """Body recall and boilerplate precision over the example pages' lines (captions are not body)."""
    total = found = kept_total = kept_body = 0
    for path in PAGES:
        raw = path.read_text(encoding="utf-8")
        gold = _gold(path)
        lines = [ln.strip() for ln in raw.split("\n")]
        body: set[str] = set()
        for art in gold["articles"]:
            first = next(i for i, ln in enumerate(lines) if art["first_line"].strip() in ln)
            last = next(i for i, ln in enumerate(lines) if i >= first and art["last_line"].strip() in ln)
            body |= {lines[i] for i in range(first, last + 1) if lines[i] and not _caption_like(lines[i])}
        kept = [ln for a in clean_page(Page.make(str(path), raw, "text")) for ln in a.text.split("\n")]
        total += len(body)
        found += len(body & set(kept))
        kept_total += len(kept)
        kept_body += sum(1 for ln in kept if ln in body)
    return found / total, kept_body / kept_total


def test_example_line_scores() -> None:
    recall, precision = line_scores()
    assert recall == 1.0 and precision == 1.0


@pytest.mark.parametrize("path", PAGES, ids=[p.stem for p in PAGES])
def test_page_as_html(path: Path) -> None:
    """The page's lines as HTML paragraphs (entities escaped) go through trafilatura to the same articles."""
    gold = _gold(path)
    paragraphs = "".join(f"<p>{html.escape(ln)}</p>\n" for ln in path.read_text(encoding="utf-8").split("\n") if ln.strip())
    doc = f'<html><head><meta charset="utf-8"></head><body><nav><a href="/">الرئيسية</a></nav><article>{paragraphs}</article></body></html>'
    page = Page.make(str(path), doc, "html")
    articles = clean_page(page)
    assert len(articles) == len(gold["articles"])
    for gold_art in gold["articles"]:
        art = _match(articles, gold_art)
        if gold_art["title"]:
            assert art.title == gold_art["title"]
        assert art.text.startswith(gold_art["first_line"].strip())
        assert art.text.endswith(gold_art["last_line"].strip())
        assert art.published == gold_art["publication_date"]
        assert sorted(art.wire) == sorted(gold_art["wire_sources"])
        assert art.offsets
        for t, r, n in art.offsets:
            assert art.text[t:t + n] == doc[r:r + n]
