"""Cleaning pages written independently of the cleaner, read by the real reader, against ``expected.json``.

Per page: the exact number of articles. Per article: title (null ↔ null), the expected first and
last body line as the first and last paragraph of the text, the paragraph count, publication
date, outlet and the set of wire agencies.

Outlets are compared loosely (:func:`outlet_matches`): both names are normalised
(:func:`rasid.text.normalize.normalize`), a leading kind word («صحيفة», «جريدة», «موقع», «شبكة»,
«وكالة», «منصة», «مجلة») is removed, and one name must hold the other as whole words with at
most two words more — «الأفق» matches «صحيفة الأفق» and «شبكة المدار الإخبارية» matches
«المدار». The name as the page writes it (with or without «جريدة») is an acceptable answer; a
copyright sentence («جميع الحقوق محفوظة لصدى العاصمة») is not.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from rasid.clean import clean_page
from rasid.ingest import read_file
from rasid.model import Article
from rasid.text.normalize import normalize

PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"
EXPECTED = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))["pages"]

_KIND_WORDS = ("صحيفه", "جريده", "موقع", "شبكه", "وكاله", "منصه", "مجله")


def outlet_key(name: str) -> str:
    """An outlet name for loose comparison: normalised, without a leading kind word or punctuation."""
    norm = " ".join(re.sub(r"[^\w\s]", " ", normalize(name)).split()).lower()
    for word in _KIND_WORDS:
        if norm.startswith(word + " "):
            norm = norm[len(word) + 1:]
            break
    return norm


def _contains(longer: list[str], shorter: list[str]) -> bool:
    """Whether ``shorter`` is a run of whole words in ``longer``, with at most two words more around it."""
    n = len(shorter)
    if not n or len(longer) - n > 2:
        return False
    return any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


def outlet_matches(got: str | None, expected: str | None) -> bool:
    """Null only for null; else one name's key holds the other's as whole words (two words more at most)."""
    if expected is None or got is None:
        return got is None and expected is None
    a, b = outlet_key(got).split(), outlet_key(expected).split()
    return _contains(a, b) or _contains(b, a)


def test_outlet_matching_is_loose_but_not_empty() -> None:
    assert outlet_matches("الأفق", "صحيفة الأفق")
    assert outlet_matches("جريدة الضفة", "الضفة")
    assert outlet_matches("شبكة المدار الإخبارية", "المدار")
    assert not outlet_matches("جميع الحقوق محفوظة لصدى العاصمة", "صدى العاصمة")
    assert not outlet_matches(None, "صدى العاصمة")
    assert not outlet_matches("جريدة", "جريدة الضفة")


def _articles(name: str) -> list[Article]:
    pages = read_file(PAGES / name)
    assert len(pages) == 1
    return clean_page(pages[0])


@pytest.mark.parametrize("case", EXPECTED, ids=[c["file"] for c in EXPECTED])
def test_page_against_expected(case: dict) -> None:
    articles = _articles(case["file"])
    assert len(articles) == case["article_count"] == len(case["articles"])
    for art, exp in zip(articles, case["articles"], strict=True):
        paragraphs = art.text.split("\n")
        assert art.title == exp["title"]
        assert exp["first_line"] in art.text and exp["last_line"] in art.text
        assert paragraphs[0] == exp["first_line"], "text must start at the first body line"
        assert paragraphs[-1] == exp["last_line"], "text must end at the last body line"
        assert len(paragraphs) == exp["paragraphs"]
        assert art.published == exp["published"]
        assert outlet_matches(art.outlet, exp["outlet"]), (art.outlet, exp["outlet"])
        assert set(art.wire) == set(exp["wire"])


HTML_PAGE = PAGES / "02_alraed_rate_decision.html"
SITE_META = '<meta property="og:site_name" content="الرائد نيوز">'


def _html_variant(tmp_path: Path, *edits: tuple[str, str]) -> Article:
    """Page 02 with some of its furniture changed, written to disk and read by the real reader."""
    raw = HTML_PAGE.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in raw
        raw = raw.replace(old, new)
    path = tmp_path / "variant.html"
    path.write_text(raw, encoding="utf-8")
    (page,) = read_file(path)
    (art,) = clean_page(page)
    return art


def test_html_outlet_without_site_metadata(tmp_path: Path) -> None:
    """No og:site_name: the footer's copyright names the outlet; without a footer, the <title> does."""
    art = _html_variant(tmp_path, (SITE_META, ""))
    assert (art.outlet, art.meta["outlet_source"]) == ("الرائد نيوز", "html:copyright")
    footer = "<footer><p>الرائد نيوز © 2025. جميع الحقوق محفوظة.</p></footer>"
    art = _html_variant(tmp_path, (SITE_META, ""), (footer, ""))
    assert (art.outlet, art.meta["outlet_source"]) == ("الرائد نيوز", "html:title")
    title = "هذا العام - الرائد نيوز</title>"
    art = _html_variant(tmp_path, (SITE_META, ""), (footer, ""), (title, "هذا العام</title>"))
    assert (art.outlet, art.meta["outlet_source"]) == ("الرائد نيوز", "html:masthead")


def test_html_date_from_the_byline_line(tmp_path: Path) -> None:
    """A date written only in the article header's byline line (dropped by main-content extraction)."""
    header = ('<span class="by">بقلم: سلمى الحدّاد</span>\n      '
              '<span class="date">نُشر في: 14/03/2025 - 11:20</span>')
    art = _html_variant(tmp_path, (header, "<div>كتب: سلمى الحدّاد - 14 مارس 2025</div>"),
                        ('<div class="logo">', '<div class="top">الأحد 16 مارس 2025</div><div class="logo">'))
    assert (art.published, art.meta["published_source"]) == ("2025-03-14", "visible:header")
    assert art.text.startswith("قرّر المصرف المركزي")
