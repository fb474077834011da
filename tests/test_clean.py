"""Cleaning: pages we wrote in other layouts, exact expected articles, and the offset invariant."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasid.clean import clean_page
from rasid.errors import EmptyInputError
from rasid.model import Article, Page, stable_id

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "clean"
TEXT_PAGES = sorted(FIXTURES.glob("*.txt"))
EXAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "examples" / "pages"


def _expected(page: Path) -> dict:
    return json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))


def _clean(path: Path, fmt: str = "text") -> tuple[Page, list[Article]]:
    page = Page.make(str(path), path.read_text(encoding="utf-8"), fmt)
    return page, clean_page(page)


def assert_offsets(page: Page, article: Article) -> None:
    """Every offset segment maps text to raw exactly, segments do not overlap, and they cover the text."""
    last_end = 0
    for t, r, n in article.offsets:
        assert n > 0
        assert article.text[t:t + n] == page.raw[r:r + n]
        assert t >= last_end
        last_end = t + n
    covered = sum(n for _, _, n in article.offsets)
    newlines = article.text.count("\n")
    assert covered >= 0.9 * (len(article.text) - newlines)


@pytest.mark.parametrize("path", TEXT_PAGES, ids=[p.stem for p in TEXT_PAGES])
def test_fixture_pages(path: Path) -> None:
    """Our own pages: exact article count, text, title, date, wire, credits, outlet and meta lists."""
    expected = _expected(path)
    page, articles = _clean(path)
    assert len(articles) == len(expected["articles"])
    for art, exp in zip(articles, expected["articles"], strict=True):
        assert art.text == "\n".join(exp["body"])
        assert art.title == exp["title"]
        assert art.published == exp["published"]
        assert art.wire == exp["wire"]
        assert art.credits == exp["credits"]
        assert art.outlet == exp["outlet"]
        assert art.meta["subheadings"] == exp["subheadings"]
        assert art.meta["english_titles"] == exp["english_titles"]
        assert_offsets(page, art)


def _line_scores() -> tuple[float, float]:
    """Body recall and boilerplate precision over the fixture lines (each line counted once)."""
    body_total = body_found = kept_total = kept_body = 0
    for path in TEXT_PAGES:
        expected = _expected(path)
        _, articles = _clean(path)
        body = {line for art in expected["articles"] for line in art["body"]}
        kept = [line for art in articles for line in art.text.split("\n")]
        body_total += len(body)
        body_found += len(body & set(kept))
        kept_total += len(kept)
        kept_body += sum(1 for line in kept if line in body)
    return body_found / body_total, kept_body / kept_total


def test_fixture_body_recall_and_boilerplate_precision() -> None:
    recall, precision = _line_scores()
    assert recall == 1.0
    assert precision == 1.0


@pytest.mark.skipif(not EXAMPLES.is_dir(), reason="../shared/examples is absent")
def test_offsets_on_example_pages() -> None:
    for path in sorted(EXAMPLES.glob("*.txt")):
        page, articles = _clean(path)
        for art in articles:
            assert_offsets(page, art)


def test_html_page() -> None:
    """HTML goes through trafilatura: menus, share bar, most-read list and footer stay out."""
    path = FIXTURES / "html_article.html"
    page, articles = _clean(path, "html")
    assert len(articles) == 1
    art = articles[0]
    assert art.title == "ارتفاع صادرات التمور السعودية بنسبة 15 في المئة"
    assert art.outlet == "صحيفة الواحة"
    assert art.published == "2024-09-18"
    assert art.wire == ["SPA"]
    assert art.text.startswith("أعلن المركز الوطني للنخيل والتمور")
    assert art.text.endswith("وفق ما أكده مسؤولون في القطاع الزراعي.")
    for junk in ("الرئيسية", "شارك الخبر", "الأكثر قراءة", "جميع الحقوق", "تصميم وبرمجة", "أسعار الذهب"):
        assert junk not in art.text
    assert_offsets(page, art)


ANT_DOC = """<DOC>
<DOCNO>XX-politics-1-20180301</DOCNO>
<URL>https://www.bbc.com/arabic/middleeast-00000001</URL>
<SRC>BBC</SRC>
<TITLE>افتتاح معبر حدودي بين بلدين جارين</TITLE>
<TIME>Thu, 01 Mar 2018 10:00:00 GMT</TIME>
<TEXT>
أعلنت السلطات، الخميس، افتتاح معبر حدودي جديد لتسهيل حركة المسافرين والبضائع بين البلدين.
وقال مسؤول في هيئة المنافذ إن المعبر سيعمل على مدار الساعة، وفق ما نقلت وكالة الصحافة الفرنسية.
------------------------------
اقرأ أيضاً:
إغلاق طريق سريع بسبب الضباب الكثيف
يمكنكم تسلم إشعارات بأهم الموضوعات بعد تحميل أحدث نسخة من تطبيق بي بي سي عربي على هاتفكم.
</TEXT>
</DOC>
"""


def test_ant_document_keeps_body_and_drops_tail() -> None:
    page = Page.make("ant.txt", ANT_DOC, "ant")
    [art] = clean_page(page)
    assert art.text.split("\n") == [
        "أعلنت السلطات، الخميس، افتتاح معبر حدودي جديد لتسهيل حركة المسافرين والبضائع بين البلدين.",
        "وقال مسؤول في هيئة المنافذ إن المعبر سيعمل على مدار الساعة، وفق ما نقلت وكالة الصحافة الفرنسية.",
    ]
    assert art.title == "افتتاح معبر حدودي بين بلدين جارين"
    assert art.outlet == "بي بي سي عربي"
    assert art.published == "2018-03-01"
    assert art.wire == ["AFP"]
    assert_offsets(page, art)


def test_jsonl_record_uses_meta_and_id() -> None:
    record = {"id": "rec-7", "title": "عنوان الخبر", "url": "https://sabq.org/x/1", "published": "2015-07-21",
              "text": "بدأت أعمال صيانة الطريق الدائري الشمالي صباح اليوم، على أن تستمر أسبوعين.\n"
                      "وأوضحت الأمانة أن التحويلات المرورية ستكون واضحة للسائقين.\nجميع الحقوق محفوظة لصحيفة سبق"}
    raw = json.dumps(record, ensure_ascii=False)
    page = Page.make("records.jsonl", raw, "jsonl", meta={"id": "rec-7", "title": "عنوان الخبر"})
    [art] = clean_page(page)
    assert art.id == "rec-7"
    assert art.title == "عنوان الخبر"
    assert art.outlet == "سبق"
    assert art.published == "2015-07-21"
    assert art.meta["published_source"] == "meta"
    assert "جميع الحقوق" not in art.text
    assert art.text.count("\n") == 1
    assert_offsets(page, art)


def test_body_given_as_raw_for_corpus_formats() -> None:
    """When ``Page.raw`` already is the body (the reader put metadata in ``meta``), offsets are direct."""
    body = "قال مسؤول إن الاجتماع انتهى دون اتفاق.\u200f\nوأضاف أن جولة جديدة ستعقد الأسبوع المقبل.\n***"
    page = Page.make("snn", body, "saudinewsnet", meta={"title": "انتهاء الاجتماع", "outlet": "okaz"})
    [art] = clean_page(page)
    assert art.text == "قال مسؤول إن الاجتماع انتهى دون اتفاق.\nوأضاف أن جولة جديدة ستعقد الأسبوع المقبل."
    assert art.outlet == "عكاظ"
    assert_offsets(page, art)


def test_two_articles_get_stable_ids() -> None:
    path = FIXTURES / "two_glued.txt"
    page = Page.make(str(path), path.read_text(encoding="utf-8"), "text", meta={"id": "given"})
    articles = clean_page(page)
    assert [a.id for a in articles] == [stable_id("a", page.id, "0"), stable_id("a", page.id, "1")]
    assert all(a.page_id == page.id and a.source == str(path) for a in articles)


def test_empty_page_raises_naming_source() -> None:
    page = Page.make("empty.txt", "الرئيسيةأخبارسياسةاقتصاد\nLoading...\nجميع الحقوق محفوظة 2024\n", "text")
    with pytest.raises(EmptyInputError) as err:
        clean_page(page)
    assert "empty.txt" in str(err.value)


def test_never_drops_a_plain_article() -> None:
    """A page that is only body paragraphs comes back whole, title null, no date, no outlet."""
    raw = ("قالت الحكومة إنها ستخفض أسعار الوقود بدءاً من الشهر المقبل.\n"
           "وأضافت أن القرار يأتي استجابة لمطالب شعبية متكررة.\n")
    page = Page.make("plain.txt", raw, "text")
    [art] = clean_page(page)
    assert art.text == raw.strip()
    assert art.title is None and art.published is None and art.outlet is None
    assert_offsets(page, art)


def test_keeps_final_tashkeel_and_tatweel_drops_bidi() -> None:
    """Only bidi marks leave the text; a closing damma, shadda or «لـ» stays as written."""
    raw = "\u200fقال الشاعرُ إن الأرضَ تتّسعُ لنا جميعاً.\u200f\nوأضاف لـ«الصحيفة» أن القصيدةَ كُتبت في المنفى.\n"
    page = Page.make("poem.txt", raw, "text")
    [art] = clean_page(page)
    assert art.text == "قال الشاعرُ إن الأرضَ تتّسعُ لنا جميعاً.\nوأضاف لـ«الصحيفة» أن القصيدةَ كُتبت في المنفى."
    assert_offsets(page, art)
