"""report.html: right-to-left, self-contained, escaped, with annotation spans rendered from offsets."""

from __future__ import annotations

import re
from pathlib import Path

from rasid.export.report import Mark, marks, paragraphs, write_report
from rasid.model import Article, Mention, Quantity, Quote, Rejected, TimeRef

TEXT = "قال الوزير سالم إن 5 آلاف شخص <نزحوا> منذ الأحد.\n\nوأضاف أن المساعدات وصلت."


def article() -> Article:
    def at(surface: str) -> tuple[int, int, str]:
        start = TEXT.index(surface)
        return start, start + len(surface), surface

    return Article(
        id="a_1", page_id="p_1", source="in/one.html", text=TEXT, title="نزوح <الآلاف> & المساعدات",
        outlet="الرصد", published="2024-03-05", wire=["أ ف ب"], credits=["سلمى يوسف"],
        entities=[Mention(*at("سالم"), type="PER")],
        quantities=[Quantity(*at("5 آلاف"), value=5000, attributed_to="سالم")],
        times=[TimeRef(*at("الأحد"), value="2024-03-03")],
        quotes=[Quote(*at("5 آلاف شخص <نزحوا> منذ الأحد"), speaker="سالم", direct=False)],
    )


def test_paragraphs_nest_spans_and_escape_text() -> None:
    a = article()
    first, second = paragraphs(a.text, marks(a))
    html = str(first)
    assert "&lt;نزحوا&gt;" in html and "<نزحوا>" not in html
    # The quote is opened first and holds the figure and the time inside it.
    assert re.search(r'<mark class="quote"[^>]*><mark class="fig"[^>]*>5 آلاف</mark>', html)
    assert '<mark class="time" title="date · 2024-03-03">الأحد</mark></mark>' in html
    assert '<mark class="ent ent-PER" title="PER">سالم</mark>' in html
    assert html.count("<mark") == html.count("</mark>") == 4
    assert str(second) == "وأضاف أن المساعدات وصلت."


def test_crossing_and_out_of_range_spans_are_dropped_not_broken() -> None:
    text = "أ ب ج د"
    spans = [Mark(0, 3, "a", ""), Mark(2, 5, "b", ""), Mark(4, 99, "c", "")]
    (html,) = paragraphs(text, spans)
    assert str(html) == '<mark class="a" title="">أ ب</mark> <mark class="c" title="">ج د</mark>'
    a = Article(id="a", page_id="p", source="s", text=text, entities=[Mention(5, 99, "x")])
    assert marks(a) == []


def test_report_is_rtl_self_contained_and_lists_rejections(tmp_path: Path) -> None:
    bad = Rejected(source="in/empty.txt", code="E103", error="EmptyInputError", message="لا نص",
                   hint="The file holds no article text; nothing to analyse.")
    summary = {"run": "r_1", "version": "0", "db": "x.db", "pages": 2, "articles": 1, "rejected": 1,
               "started": "2024-03-05T00:00:00+00:00"}
    path = write_report(tmp_path, summary, [article()], [bad])
    html = path.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>")
    assert '<html lang="ar" dir="rtl">' in html
    assert "نزوح &lt;الآلاف&gt; &amp; المساعدات" in html
    assert "in/empty.txt" in html and "E103" in html and "EmptyInputError" in html
    assert "Noto Naskh Arabic" in html
    assert not re.search(r'(src|href)="(https?:)?//', html) and "<link" not in html and "<script" not in html
