"""Quotes with speakers: marks, speaker before/after, continuations, pronouns, reported speech, names."""

from __future__ import annotations

import pytest

from rasid.extract.quotes import find_quotes, quote_spans
from rasid.model import Mention, Quote


def direct(text: str) -> list[tuple[str, str | None]]:
    out = [(q.text, q.speaker) for q in find_quotes(text) if q.direct]
    for q in find_quotes(text):
        assert text[q.start:q.end] == q.text
    return out


def reported(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in find_quotes(text) if not q.direct]


@pytest.mark.parametrize(("text", "inner"), [
    ("قال: «نحن مستعدون للحوار»", "نحن مستعدون للحوار"),
    ("قال: \"نحن مستعدون للحوار\"", "نحن مستعدون للحوار"),
    ("قال: “نحن مستعدون للحوار”", "نحن مستعدون للحوار"),
    ("قال: „نحن مستعدون للحوار“", "نحن مستعدون للحوار"),
    ("قال: ‹نحن مستعدون للحوار›", "نحن مستعدون للحوار"),
    ("تؤمن ب”القيادة الحكيمة” للرئيس", "القيادة الحكيمة"),
])
def test_quote_marks(text: str, inner: str) -> None:
    assert [text[s:e] for s, e in quote_spans(text)] == [inner]


def test_speaker_before_with_colon() -> None:
    text = "وقال الرئيس الروسي فلاديمير بوتين: «لن نتراجع عن أهدافنا في هذه الحرب»."
    assert direct(text) == [("لن نتراجع عن أهدافنا في هذه الحرب", "الرئيس الروسي فلاديمير بوتين")]


def test_speaker_before_with_time_adverbial() -> None:
    text = "وقال وزير الخارجية سيرغي لافروف، الخميس: \"الغرب يسعى إلى إطالة أمد الحرب\"."
    assert direct(text) == [("الغرب يسعى إلى إطالة أمد الحرب", "وزير الخارجية سيرغي لافروف")]


def test_speaker_after_the_quote() -> None:
    text = "«لا نرى أي سبب لتغيير موقفنا»، قال المتحدث باسم الكرملين دميتري بيسكوف."
    assert direct(text) == [("لا نرى أي سبب لتغيير موقفنا", "المتحدث باسم الكرملين دميتري بيسكوف")]


def test_title_in_organisation_runs_on_to_the_name() -> None:
    text = "وقال المحلل في المعهد الوطني للدراسات سامي خليل “الاتفاق يمنح الطرفين غطاء قانونيا واسعا”."
    assert direct(text)[0][1] == "المحلل في المعهد الوطني للدراسات سامي خليل"


def test_continuation_verbs_carry_the_speaker() -> None:
    text = ("وقال وزير الدفاع يوسف حداد: «الوضع على الحدود مستقر تماما». "
            "وأضاف: «لن نسمح بأي خرق للهدنة مهما كان». "
            "وتابع “قواتنا في حالة تأهب قصوى منذ أيام”.")
    assert [s for _, s in direct(text)] == ["وزير الدفاع يوسف حداد"] * 3


def test_pronoun_speaker_is_the_previous_one() -> None:
    text = ("أعلنت المتحدثة باسم المفوضية الأوروبية أن الاجتماع أُجّل. "
            "وقالت: «سنحدد موعدا جديدا خلال الأسبوع المقبل بالتشاور مع الأعضاء».")
    assert direct(text) == [("سنحدد موعدا جديدا خلال الأسبوع المقبل بالتشاور مع الأعضاء",
                             "المتحدثة باسم المفوضية الأوروبية")]


def test_quote_opening_a_paragraph_continues_the_speaker() -> None:
    text = ("وقال رئيس الوزراء كمال ناصر في مؤتمر صحافي إن الحكومة ستعلن خطة جديدة.\n"
            "«نحن أمام مرحلة صعبة تتطلب قرارات شجاعة من الجميع»")
    assert direct(text) == [("نحن أمام مرحلة صعبة تتطلب قرارات شجاعة من الجميع", "رئيس الوزراء كمال ناصر")]


def test_reported_speech() -> None:
    text = "وقال الرئيس الأوكراني فولوديمير زيلينسكي، مساء الاثنين، إن 11 ألف جندي باتوا في المنطقة، حيث تدور المعارك."
    assert reported(text) == [("إن 11 ألف جندي باتوا في المنطقة", "الرئيس الأوكراني فولوديمير زيلينسكي")]


def test_reported_speech_after_inserted_clause() -> None:
    text = "أشارت كوريا الجنوبية، وهي مصدر رئيسي للأسلحة، إلى أنها تدرس إرسال أسلحة إلى أوكرانيا."
    assert reported(text) == [("أنها تدرس إرسال أسلحة إلى أوكرانيا", "كوريا الجنوبية")]


def test_reported_speech_through_a_relay() -> None:
    text = "ونقلت وكالة رويترز عن مسؤول أميركي قوله إن التقديرات تشير إلى وصول ثلاثة آلاف جندي."
    assert reported(text) == [("إن التقديرات تشير إلى وصول ثلاثة آلاف جندي",
                               "مسؤول أميركي (via وكالة رويترز)")]


def test_reported_speech_holding_a_direct_quote_gives_both() -> None:
    text = "وأكد المسؤول أن بعض الجنود «تعرضوا لإطلاق النار في المنطقة»."
    found = {(q.text, q.direct) for q in find_quotes(text)}
    assert ("تعرضوا لإطلاق النار في المنطقة", True) in found
    assert ("أن بعض الجنود «تعرضوا لإطلاق النار في المنطقة»", False) in found


def test_reported_content_that_is_the_direct_quote_is_not_doubled() -> None:
    text = "وقالت الوكالة إن “المعاهدة ستدخل حيز التنفيذ فور تبادل الوثائق”."
    assert [q.direct for q in find_quotes(text)] == [True]


def test_belief_verbs_are_not_reported_speech() -> None:
    assert reported("ويعتقد الغرب أن بيونغيانغ تزود موسكو بالأسلحة.") == []


def test_participle_points_back_to_the_subject() -> None:
    text = "ورفض الكرملين التعليق، قائلًا إن المعاهدة لها معنى \"واضح\" ولا تحتاج إلى شرح."
    found = find_quotes(text)
    assert found and all((q.speaker or "").startswith("الكرملين") for q in found)
    assert ("واضح", True) in {(q.text, q.direct) for q in found}


@pytest.mark.parametrize("text", [
    "نشر الجيش بيانا عبر منصة «تلغرام» صباح اليوم.",
    "صادق مجلس «الدوما» على المعاهدة بالإجماع.",
    "زار الزعيمان قاعدة «فوستوشني» في أقصى الشرق.",
    "وأكد رئيس «مركز مكافحة المعلومات المضللة» أن الوضع هادئ.",
    "أطلقت أوكرانيا صواريخ «ستورم شادو» على الأراضي الروسية.",
    "أُرسلت المعاهدة إلى مجلس الاتحاد \"الشيوخ\" للموافقة عليها.",
    "«الشرق الأوسط» (كييف)",
    "وقال المتحدث لـ«وكالة الأنباء الألمانية» إن الاجتماع انتهى.",
    "وقال السفير لـ«العربية» إن الاجتماع انتهى.",
    "نقلت وكالة أنباء \"تسنيم\" الخبر صباح اليوم.",
    "وقالت \"غرينبيس\" إن المفاعل غير آمن.",
    "وأشاد اللاعب عبر \"تويتر\" بأداء زميله، وقال إنه سعيد.",
    "وقال المخرج إن أفلامه مثل \"الرحلة الأخيرة\" و\"نيكيتا\" حققت نجاحا.",
    "وهبطت الطائرة في مطار \"كالما\" وفق ما ذكر المسؤول.",
])
def test_quoted_names_are_not_quotes(text: str) -> None:
    assert direct(text) == []


def test_short_quotes_with_a_speaker_are_quotes() -> None:
    text = ("أكد الرئيس الكوري الجنوبي يون سوك يول أن بلاده لن \"تبقى مكتوفة الأيدي\"، "
            "منددًا بما وصفه بـ\"الاستفزاز\".")
    assert direct(text) == [("تبقى مكتوفة الأيدي", "الرئيس الكوري الجنوبي يون سوك يول"),
                            ("الاستفزاز", "الرئيس الكوري الجنوبي يون سوك يول")]


def test_describe_verb_takes_the_earlier_speaker() -> None:
    text = "وأشاد بوتين بالاتفاق ووصف الوثيقة بأنها “اختراق”."
    assert direct(text) == [("اختراق", "بوتين")]


def test_text_verb_speaks_for_the_document() -> None:
    text = "هذه المعاهدة، التي وقعها الزعيمان في يونيو، تنص على تقديم «مساعدة عسكرية فورية» متبادلة."
    assert direct(text) == [("مساعدة عسكرية فورية", "المعاهدة")]


def test_short_quote_without_speaker_is_dropped() -> None:
    assert direct("انتشرت عناصر «الفرقة الرابعة» في الشوارع.") == []


def test_long_quote_without_speaker_is_kept() -> None:
    quotes = find_quotes("وجاء في البيان: «على جميع الأطراف احترام وقف إطلاق النار فورا ودون شروط».")
    assert [q.direct for q in quotes] == [True]


def test_mentions_narrow_the_speaker() -> None:
    text = "وقال الرئيس الأوكراني فولوديمير زيلينسكي: «نحتاج إلى مزيد من الدفاعات الجوية فورا»."
    name = "فولوديمير زيلينسكي"
    start = text.index(name)
    quotes = find_quotes(text, [Mention(start, start + len(name), name, type="PER")])
    assert [q.speaker for q in quotes] == [name]


def test_empty() -> None:
    assert find_quotes("") == []
    assert isinstance(find_quotes("نص بلا اقتباس."), list)


def test_quote_model_fields() -> None:
    q = find_quotes("قال الوزير: «سنرد على أي اعتداء بكل حزم وقوة»")[0]
    assert isinstance(q, Quote) and q.direct and q.speaker == "الوزير"


def test_statement_speaks_for_itself() -> None:
    text = "وجاء في بيان لوزارة الخارجية: «على جميع الأطراف احترام وقف إطلاق النار فورا»."
    assert direct(text) == [("على جميع الأطراف احترام وقف إطلاق النار فورا", "بيان لوزارة الخارجية")]


def test_written_statement() -> None:
    text = "وكتب الرئيس الفرنسي إيمانويل ماكرون على منصة إكس: «لن نتخلى عن أوكرانيا مهما حدث»."
    assert direct(text) == [("لن نتخلى عن أوكرانيا مهما حدث", "الرئيس الفرنسي إيمانويل ماكرون")]


def test_speaker_stops_before_the_outlet_spoken_to() -> None:
    text = "وقال مسؤولون أميركيون لوكالة رويترز إن القوات قد تصل قريبا."
    assert reported(text) == [("إن القوات قد تصل قريبا", "مسؤولون أميركيون")]


def test_name_set_off_by_commas_after_a_title() -> None:
    text = "وصرّح الناطق باسم الجيش الأوكراني، أولكسندر شتوبون، بأن القوات صدت الهجوم."
    assert reported(text) == [("أن القوات صدت الهجوم", "الناطق باسم الجيش الأوكراني، أولكسندر شتوبون")]


def test_participle_keeps_the_speaker_of_its_sentence() -> None:
    text = "وقالت الخارجية الصينية إنها لا تعلم بالوضع، داعية جميع الأطراف إلى \"ضبط النفس\"."
    assert direct(text) == [("ضبط النفس", "الخارجية الصينية")]


def test_source_phrase_names_the_speaker_of_a_quote() -> None:
    text = "وبحسب صحيفة «وول ستريت جورنال»، فإن الجنود \"يفتقرون إلى الخبرة القتالية\"."
    assert direct(text) == [("يفتقرون إلى الخبرة القتالية", "صحيفة «وول ستريت جورنال»")]


def test_speaker_resolves_to_the_linked_entity() -> None:
    from rasid.model import Mention

    text = "وقال المتحدث باسم الكرملين دميتري بيسكوف: «لا تعليق لدينا على هذه التقارير»."
    start = text.index("دميتري")
    name = Mention(start, start + len("دميتري بيسكوف"), "دميتري بيسكوف", "PER", "e_peskov")
    (q,) = find_quotes(text, [name])
    assert q.speaker_entity == "e_peskov" and q.direct
