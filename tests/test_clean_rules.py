"""Cleaning rules one at a time: cue data form, dates, agencies and credits, line kinds."""

from __future__ import annotations

import pytest

from rasid.clean.boilerplate import Line, classify
from rasid.clean.cues import DATA, cues
from rasid.clean.dates import date_line, find_dates, meta_date, url_date
from rasid.clean.outlets import by_name, by_url, from_copyright, from_title, masthead
from rasid.clean.topic import continues, opens_new_story
from rasid.clean.wire import agency_code, credit_codes, credit_parts, wire_in_text
from rasid.text.normalize import normalize

NORMALISED = {
    "clean_boilerplate.txt": 0, "clean_share.txt": 0, "clean_menu.txt": 0, "clean_related.txt": 0,
    "clean_teaser.txt": 0, "clean_credit_words.txt": 0, "clean_weekdays.txt": 0, "clean_places.txt": 0,
    "clean_counters.txt": 0, "clean_byline.txt": 0, "clean_months.tsv": 0, "clean_agencies.tsv": 1,
    "clean_date_cues.tsv": 0, "clean_date_words.txt": 0, "clean_byline_sources.txt": 0,
    "clean_caption_prefix.txt": 0, "clean_stopwords.txt": 0,
    "clean_continuation.txt": 0,
}


def test_every_cue_file_is_checked() -> None:
    """A new cue file must be added to NORMALISED (or be one of the two tables matched otherwise)."""
    names = {p.name for p in DATA.glob("clean_*")}
    assert names == set(NORMALISED) | {"clean_outlets.tsv", "clean_ui_en.txt"}


@pytest.mark.parametrize("name", sorted(NORMALISED))
def test_cue_files_are_in_matching_form(name: str) -> None:
    """Entries matched against normalised text must already be normalised, or they can never match."""
    column = NORMALISED[name]
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        entry = line.split("\t")[column].lstrip("=~").rstrip(":")
        assert normalize(entry) == entry, f"{name}: {entry!r} is not normalised"


def test_cues_load() -> None:
    c = cues()
    assert c.months["تشرين الثاني"] == 11 and c.months["جانفي"] == 1 and c.months["نوفمبر"] == 11
    assert any(a.code == "KCNA" for a in c.agencies)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("12 نوفمبر 2024", "2024-11-12"),
        ("١٢ تشرين الثاني ٢٠٢٤", "2024-11-12"),
        ("5 جانفي 2024", "2024-01-05"),
        ("3 شباط 2023", "2023-02-03"),
        ("12/11/2024", "2024-11-12"),
        ("2024-11-12", "2024-11-12"),
        ("12 حزيران/يونيو 2024", "2024-06-12"),
        ("الأول من أيار 2023", None),
    ],
)
def test_find_dates(text: str, iso: str | None) -> None:
    found = find_dates(text)
    assert (found[0][0] if found else None) == iso


def test_date_lines() -> None:
    assert date_line("الخميس، 14 مارس 2024 - 09:15 ص") == ("2024-03-14", "plain")
    assert date_line("نشر في: 3 كانون الثاني 2024") == ("2024-01-03", "published")
    assert date_line("آخر تحديث: 12/11/2024 14:00") == ("2024-11-12", "updated")
    assert date_line("وقعت الحادثة في 12 نوفمبر 2024") is None
    assert date_line("نُشر بتاريخ 2025-03-08") == ("2025-03-08", "published")  # two cues on one line
    assert date_line("تاريخ النشر: 8 مارس 2025م") == ("2025-03-08", "published")
    assert date_line("الأربعاء 02 أبريل 2025 02:30 مساءً") == ("2025-04-02", "plain")


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("كتب: محمود يوسف - 19 مارس 2025", "2025-03-19"),
        ("بقلم: سلمى الحداد | نُشر في 14/03/2025", "2025-03-14"),
        ("2 أبريل 2025 | بقلم: سلمى الحداد", "2025-04-02"),
        ("منذ ساعتين - 2 أبريل 2025", "2025-04-02"),
        ("وقال الوزير - 2 أبريل 2025", None),
    ],
)
def test_byline_beside_date_is_a_date_line(text: str, iso: str | None) -> None:
    line = Line(0, len(text), text, normalize(text).strip())
    classify(line)
    assert (line.info.get("date") if line.kind == "date" else None) == iso


def test_meta_and_url_dates() -> None:
    assert meta_date("Sun, 15 Jul 2018 21:56:56 +0400") == "2018-07-15"
    assert meta_date("2015-07-21 10:00:00") == "2015-07-21"
    assert meta_date("") is None
    assert url_date("http://arabic.cnn.com/2013/middle_east/8/3/syria/index.html") == "2013-08-03"
    assert url_date("https://example.com/news/12345") is None


def test_wire_in_text_and_credits() -> None:
    text = ("وفق ما أفادت «وكالة الصحافة الفرنسية». وقالت لـ«وكالة الأنباء الألمانية» إن… "
            "ونقلت وكالة رويترز عن مسؤول، وأوردت وكالة الأنباء المركزية الكورية الشمالية (أ ف ب)")
    assert wire_in_text(text) == ["AFP", "dpa", "Reuters", "KCNA"]
    assert wire_in_text("التقى الوزير نظيره في الرياض") == []
    assert agency_code("إ.ب.أ") == "EPA" and agency_code("أ.ب") == "AP"
    parts = credit_parts("أرشيفية - رويترز")
    assert parts is not None and credit_codes(parts) == ["Reuters"]
    assert credit_parts("كييف") is None


def _kind(text: str) -> str:
    line = Line(0, len(text), text, normalize(text).strip())
    classify(line)
    return line.kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("TT", "junk"),
        ("Loading...", "junk"),
        ("FacebookTwitterLinkedInEmail", "junk"),
        ("شارك الخبر:", "junk"),
        ("الفيس بوك", "junk"),
        ("الرئيسيةأخبارسياسةاقتصادرياضة", "junk"),
        ("الرئيسية / أخبار / سياسة", "junk"),
        ("الرئيسية » اقتصاد » ارتفاع صادرات التمور بنسبة 20 في المئة", "junk"),  # breadcrumb
        ("اقتصاد / الحكومة تعلن خطة لدعم صغار المزارعين.", "body"),  # a sentence, not a breadcrumb
        ("جميع الحقوق محفوظة YemenFreedom ---- تصميم وبرمجة ALRAJIHI", "junk"),
        ("منذ 3 ساعات", "junk"),
        ("مقالات ذات صلة", "related"),
        ("شاهد ايضاً: فيديو لحظة سقوط الصاروخ", "teaser"),
        ("21 نوفمبر 2024", "date"),
        ("يمن فريدم-فرانس برس", "byline"),
        ("«الشرق الأوسط» (كييف)", "byline"),
        ("صورة من جلسة لمجلس النواب الروسي «الدوما» (رويترز)", "caption"),
        ("ألواح شمسية قرب ورزازات (أرشيفية - رويترز)", "caption"),
        ("Floods hit northern Iraq villages", "english"),
        ("قلق غربي", "short"),
        ("– مزيد من الجنود؟ –", "short"),
        ("قدّمت الرئيسة خدماتها، اليوم (الخميس).", "body"),
        ("وقالت الشركة إنها ستغير سياسة الخصوصية الخاصة بها.", "body"),
        ("شاهد العالم كله المباراة النهائية أمس في الملعب الكبير وسط حضور جماهيري.", "body"),
        ("تحقيقات دولية", "short"),
    ],
)
def test_line_kinds(text: str, kind: str) -> None:
    assert _kind(text) == kind


def test_outlets() -> None:
    assert by_url("https://aawsat.com/node/1") == "الشرق الأوسط"
    assert by_url("https://www.unknown.example/x") is None
    assert by_name("YemenFreedom") == "يمن فريدم"
    assert from_copyright("جميع الحقوق محفوظة YemenFreedom ---- تصميم وبرمجة ALRAJIHI") == "يمن فريدم"
    assert from_copyright("جميع الحقوق محفوظة © 2024 شبكة الأفق الإخبارية") == "شبكة الأفق الإخبارية"


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("© 2025 جريدة الضفة - جميع الحقوق محفوظة", "جريدة الضفة"),  # the name before the rights phrase
        ("الرائد نيوز © 2025. جميع الحقوق محفوظة.", "الرائد نيوز"),
        ("© جميع الحقوق محفوظة لصدى العاصمة 2025", "صدى العاصمة"),  # «لـ» after «محفوظة» is cut
        ("جميع الحقوق محفوظة للشرق الأوسط", "الشرق الأوسط"),  # ل + ال
        ("جميع الحقوق محفوظة لـ«الرائد» 2024", "الرائد"),
        ("نبض الخليج © 2025 | جميع الحقوق محفوظة", "نبض الخليج"),
        ("Copyright © 2024 Al Arabiya. All rights reserved.", "العربية"),
        ("جميع الحقوق محفوظة © 2024", None),
        ("سياسة الخصوصية | اتصل بنا | جميع الحقوق محفوظة", None),
        ("Photos are copyright.", None),
    ],
)
def test_outlet_from_copyright_anywhere_in_the_line(line: str, name: str | None) -> None:
    assert from_copyright(line) == name


def test_masthead_and_title_outlets() -> None:
    assert masthead("نبض الخليج | أخبار العالم") == ("نبض الخليج", True)
    assert masthead("جريدة الضفة") == ("جريدة الضفة", False)
    assert masthead("الرئيسية » اقتصاد") == (None, False)
    assert masthead("عربي ودولي") == (None, False)
    assert masthead("وقّعت الهيئة اتفاقاً.") == (None, False)
    headline = "المصرف المركزي يخفض سعر الفائدة"
    assert from_title(f"{headline} - الرائد نيوز", headline) == "الرائد نيوز"
    assert from_title(f"الرائد نيوز | {headline}", headline) == "الرائد نيوز"
    assert from_title(headline, headline) is None
    assert from_title("عنوان آخر تماماً - الرائد نيوز", headline) is None


ABOVE = [
    "دخلت الهدنة الإنسانية في الإقليم حيز التنفيذ صباح اليوم، وسط هدوء حذر في البلدة.",
    "وقال أحد السكان إن الليلة مرت بلا قصف للمرة الأولى منذ أسابيع.",
]
BELOW = [
    "افتتح وزير الثقافة، مساء الثلاثاء، الدورة الثامنة عشرة لمعرض الكتاب الدولي بمشاركة 420 دار نشر.",
    "وقال مدير المعرض إن الدورة الحالية تشهد أكبر مشاركة في تاريخه.",
]


def test_headline_of_a_glued_story() -> None:
    """A headline whose words are in the lead below and not above, over a lead that opens afresh."""
    headline = "افتتاح معرض الكتاب الدولي بمشاركة 420 دار نشر"
    assert opens_new_story(headline, ABOVE, BELOW)
    # The same line over a paragraph that goes on from the one before is a subheading.
    assert not opens_new_story(headline, ABOVE, ["و" + BELOW[0], BELOW[1]])
    # A subheading whose words the article already used.
    assert not opens_new_story("هدوء حذر في البلدة بعد دخول الهدنة حيز التنفيذ", ABOVE, BELOW)
    # Questions, quotations and short lines are not taken for a new story's headline.
    assert not opens_new_story("هل ينجح معرض الكتاب الدولي بمشاركة 420 دار نشر؟", ABOVE, BELOW)
    assert not opens_new_story("«معرض الكتاب الدولي بمشاركة 420 دار نشر»", ABOVE, BELOW)
    assert not opens_new_story("معرض الكتاب", ABOVE, BELOW)


def test_paragraphs_that_go_on() -> None:
    assert continues("وأضاف الوزير أن…") and continues("من جهته، قال…") and continues("في المقابل، أكد…")
    assert not continues("وزير الخارجية يصل إلى جنيف…")  # «و» of the word itself
    assert not continues("افتتح وزير الثقافة…")
