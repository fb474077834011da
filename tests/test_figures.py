"""Figures: hedge + number + counted noun, unit, subject and claimant, on sentences written for the tests."""

from __future__ import annotations

import pytest

from rasid.extract.attribution import speaker_of
from rasid.extract.figures import find_quantities
from rasid.model import Mention, Quantity, Span


def one(text: str, mentions: list[Mention] | None = None) -> Quantity:
    found = find_quantities(text, mentions)
    assert len(found) == 1, [q.text for q in found]
    q = found[0]
    assert text[q.start:q.end] == q.text
    return q


@pytest.mark.parametrize(("text", "span", "value", "value_max", "approx", "unit"), [
    ("وصل نحو عشرة آلاف جندي إلى الحدود.", "نحو عشرة آلاف جندي", 10000, None, "about", "troops"),
    ("انتشر 11 ألف جندي كوري شمالي قرب الجبهة.", "11 ألف جندي كوري شمالي", 11000, None, "exact", "troops"),
    ("يتدرب 3 آلاف جندي كوري شمالي على الأقل في الشرق.", "3 آلاف جندي كوري شمالي على الأقل", 3000, None,
     "at_least", "troops"),
    ("أرسلت بيونغ يانغ آلاف الجنود إلى الجبهة.", "آلاف الجنود", None, None, "vague", "troops"),
    ("وافق المجلس بأغلبية 397 صوتًا.", "397 صوتًا", 397, None, "exact", "votes"),
    ("أُطلق ما يصل إلى 40 مسيرة على المدينة.", "ما يصل إلى 40 مسيرة", 40, None, "up_to", "drones"),
    ("أسقطت الدفاعات أكثر من 20 طائرة مسيرة.", "أكثر من 20 طائرة مسيرة", 20, None, "more_than", "drones"),
    ("قُتل ما لا يقل عن 15 شخصًا في القصف.", "ما لا يقل عن 15 شخصًا", 15, None, "at_least", "people"),
    ("فرّ قرابة ٢٠٠ ألف لاجئ من المنطقة.", "قرابة ٢٠٠ ألف لاجئ", 200000, None, "about", "refugees"),
    ("تنتظر زهاء 500 حاوية في الميناء.", "زهاء 500 حاوية", 500, None, "about", "containers"),
    ("بلغ عدد القتلى 34 قتيلًا.", "34 قتيلًا", 34, None, "exact", "dead"),
    ("أصيب أقل من 10 جرحى بجروح طفيفة.", "أقل من 10 جرحى", 10, None, "less_than", "wounded"),
    ("يمتد الخط على طول 120 كيلومترًا.", "120 كيلومترًا", 120, None, "exact", "km"),
    ("تسيطر القوات على بضع مئات من الكيلومترات المربعة.", "بضع مئات من الكيلومترات المربعة", None, None,
     "vague", "km2"),
    ("ارتفعت الأسعار بنسبة 15% هذا العام.", "15%", 15, None, "exact", "percent"),
    ("تراجع الإنتاج ١٢٫٥ في المئة.", "١٢٫٥ في المئة", 12.5, None, "exact", "percent"),
    ("انخفضت الصادرات 3 بالمئة.", "3 بالمئة", 3, None, "exact", "percent"),
    ("خصصت الحكومة 2.5 مليون دولار للإغاثة.", "2.5 مليون دولار", 2.5e6, None, "exact", "USD"),
    ("قدم الاتحاد مساعدات بقيمة ثلاثة مليارات يورو.", "ثلاثة مليارات يورو", 3e9, None, "exact", "EUR"),
    ("نقلت السفينة حوالي 30 ألف طن من القمح.", "حوالي 30 ألف طن", 30000, None, "about", "tonnes"),
    ("أطلق الجيش ١٢ صاروخًا باليستيًا.", "١٢ صاروخًا باليستيًا", 12, None, "exact", "missiles"),
    ("نشرت موسكو بين 8 و10 آلاف جندي.", "بين 8 و10 آلاف جندي", 8000, 10000, "range", "troops"),
    ("يقيم في المخيم من 5 إلى 7 آلاف شخص.", "من 5 إلى 7 آلاف شخص", 5000, 7000, "range", "people"),
    ("أعلن الجيش مقتل أحد عشر جنديًا.", "أحد عشر جنديًا", 11, None, "exact", "troops"),
    ("وعبر الحدود مئتا جندي.", "مئتا جندي", 200, None, "exact", "troops"),
    ("وأرسلت موسكو عشرات الآلاف من الجنود.", "عشرات الآلاف من الجنود", None, None, "vague", "troops"),
    ("وافق 397 نائبا على النص.", "397 نائبا", 397, None, "exact", "lawmakers"),
    ("وصل 10,000 جندي إلى القاعدة.", "10,000 جندي", 10000, None, "exact", "troops"),
    ("تسلم الجيش ١٠٬٠٠٠ قذيفة مدفعية.", "١٠٬٠٠٠ قذيفة مدفعية", 10000, None, "exact", "shells"),
    ("بلغت قيمة الصفقة نصف مليار دولار.", "نصف مليار دولار", 5e8, None, "exact", "USD"),
])
def test_figure_constructions(text: str, span: str, value: float | None, value_max: float | None,
                              approx: str, unit: str) -> None:
    q = one(text)
    assert (q.text, q.value, q.value_max, q.approx, q.unit) == (span, value, value_max, approx, unit)


@pytest.mark.parametrize("text", [
    "اندلعت الحرب في عام 2022 واستمرت.",
    "وصل الوفد في 21 نوفمبر 2024 إلى العاصمة.",
    "نصّت المادة 5 من الميثاق على الدفاع المشترك.",
    "للاستفسار اتصلوا على الرقم 0123456789 مساءً.",
    "قال أحد الركاب إنه شعر بتوعك.",
    "وقع الحادث الساعة 10:30 صباحًا.",
    "صدر القرار رقم 2334 عن مجلس الأمن.",
])
def test_not_figures(text: str) -> None:
    assert find_quantities(text) == []


def test_subject_keeps_qualifiers_and_place() -> None:
    q = one("وقال المسؤول إن 11 ألف جندي كوري شمالي باتوا موجودين في منطقة كورسك الروسية.")
    assert q.subject is not None
    assert q.subject.startswith("جندي كوري شمالي")
    assert "منطقة كورسك" in q.subject


@pytest.mark.parametrize(("text", "claimant"), [
    ("وقال الرئيس الأوكراني فولوديمير زيلينسكي، مساء الاثنين، إن 11 ألف جندي وصلوا إلى الجبهة.",
     "الرئيس الأوكراني فولوديمير زيلينسكي"),
    ("ونقلت وكالة رويترز عن مسؤول أميركي قوله إن 3 آلاف جندي يتدربون في الشرق.",
     "مسؤول أميركي (via وكالة رويترز)"),
    ("يستعد آلاف الجنود، وفق كييف وواشنطن، للقتال.", "كييف وواشنطن"),
    ("قُتل 20 شخصًا بحسب وزارة الصحة.", "وزارة الصحة"),
    ("وتقدّر أجهزة الاستخبارات الكورية الجنوبية، أنّ بيونغيانغ قد تُرسل نحو 12 ألف جندي.",
     "أجهزة الاستخبارات الكورية الجنوبية"),
    ("كما قال نواب من كوريا الجنوبية إنّ نحو ثلاثة آلاف جندي جرى إرسالهم.", "نواب من كوريا الجنوبية"),
    ("وأكدت وزارة الدفاع أن 40 مسيرة أُسقطت خلال الليل.", "وزارة الدفاع"),
    ("نزح 5 آلاف شخص وفقًا للأمم المتحدة.", "الأمم المتحدة"),
    ("وصل 300 لاجئ إلى الجزيرة، قال خفر السواحل.", "خفر السواحل"),
    ("وكانت الشرطة قد أعلنت أن 12 شخصًا اعتُقلوا.", "الشرطة"),
    ("ومع ورود تقارير تفيد بوصول آلاف الجنود إلى روسيا.", "ورود تقارير"),
    ("ذكرت وكالة يونهاب للأنباء نقلا عن مصادر عسكرية أن 12 ألف جندي وصلوا.",
     "مصادر عسكرية (via وكالة يونهاب)"),
    ("وقال مسؤولون أميركيون لوكالة رويترز إن نحو 3 آلاف جندي قد يصلون.", "مسؤولون أميركيون"),
    ("وبحسب جهاز الاستخبارات، فإن أكثر من 1500 عنصر وصلوا إلى الميناء.", "جهاز الاستخبارات"),
    ("وتشير تقديرات غربية إلى أن روسيا خسرت أكثر من 700 ألف جندي.", "تقديرات غربية"),
    ("وقُتل أو أصيب نحو 3 آلاف جندي، بحسب ما أعلنته الاستخبارات الكورية الجنوبية.",
     "الاستخبارات الكورية الجنوبية"),
])
def test_claimant(text: str, claimant: str) -> None:
    assert one(text).attributed_to == claimant


def test_writer_clause_has_no_claimant() -> None:
    text = ("وقال الرئيس إن 11 ألف جندي باتوا في المنطقة، حيث يحتل الجيش بضع مئات من الكيلومترات المربعة.")
    found = find_quantities(text)
    assert [q.attributed_to for q in found] == ["الرئيس", None]


def test_plain_sentence_has_no_claimant() -> None:
    assert one("صادق النواب بأغلبية 397 صوتًا على المعاهدة.").attributed_to is None


def test_continuation_takes_the_previous_speaker() -> None:
    text = "وقال وزير الدفاع سيرغي شويغو إن الهجوم فشل. وأضاف أن 200 جندي أُسروا."
    assert one(text).attributed_to == "وزير الدفاع سيرغي شويغو"


def test_mentions_narrow_the_claimant_to_the_name() -> None:
    text = "وقال الرئيس الأوكراني فولوديمير زيلينسكي إن 11 ألف جندي وصلوا."
    start = text.index("فولوديمير")
    name = "فولوديمير زيلينسكي"
    mentions = [Mention(start, start + len(name), name, type="PER")]
    assert one(text, mentions).attributed_to == name


def test_speaker_of_returns_a_span() -> None:
    text = "أعلنت وزارة الخارجية أن السفير استُدعي."
    span = speaker_of(text, Span(0, len(text), text))
    assert span is not None and text[span.start:span.end] == span.text == "وزارة الخارجية"


def test_empty_text() -> None:
    assert find_quantities("") == []


def test_elliptical_figure_takes_the_unit_of_the_sentence() -> None:
    text = "أرسلت بيونغ يانغ نحو 1500 جندي، ومن المتوقع أن يرتفع العدد إلى 12 ألفا."
    assert [(q.value, q.unit) for q in find_quantities(text)] == [(1500, "troops"), (12000, "troops")]


def test_scaled_number_without_a_noun_has_no_unit() -> None:
    assert [(q.value, q.unit) for q in find_quantities("بلغ عدد السكان 40 مليونا.")] == [(4e7, None)]


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("تتقدم القوات بعد 32 شهرًا من الحرب.", 32, "months"),
    ("صوّت المجلس بعد أسبوعين من النقاش.", 2, "weeks"),
    ("استمرت المفاوضات يومين كاملين.", 2, "days"),
])
def test_durations_are_figures_with_a_time_unit(text: str, value: float, unit: str) -> None:
    (q,) = find_quantities(text)
    assert (q.value, q.unit) == (value, unit)
    assert text[q.start:q.end] == q.text


def test_claimant_resolves_to_the_linked_entity() -> None:
    from rasid.model import Mention

    text = "وقال الرئيس الأوكراني فولوديمير زيلينسكي إن 11 ألف جندي كوري شمالي موجودون في كورسك."
    start = text.index("فولوديمير")
    name = Mention(start, start + len("فولوديمير زيلينسكي"), "فولوديمير زيلينسكي", "PER", "e_zel")
    (q,) = find_quantities(text, [name])
    assert q.value == 11000 and q.attributed_entity == "e_zel"
    assert "زيلينسكي" in (q.attributed_to or "")
    (q,) = find_quantities(text)
    assert q.attributed_entity is None
