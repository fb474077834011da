"""The linker: variants, clitics, titles, short forms, institutions, stable ids — and no wrong merges."""

from __future__ import annotations

import re

import pytest

from rasid.link import CanonicalEntity, Linker, roles_and_countries
from rasid.model import Article, Mention, stable_id


def article(text: str, names: list[tuple[str, str]], aid: str = "a1") -> Article:
    """An article whose mentions are the given (surface, type) pairs, each at every place it occurs."""
    spans = []
    for surface, etype in names:
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            spans.append((m.start(), m.end(), etype))
    mentions = [Mention(a, b, text[a:b], t) for a, b, t in spans
                if not any((c, d) != (a, b) and c <= a and b <= d for c, d, _ in spans)]
    return Article(id=aid, page_id="p", source="test", text=text,
                   entities=sorted(mentions, key=lambda m: m.start))


def link(*articles: Article, known: tuple[CanonicalEntity, ...] = ()) -> dict[str, CanonicalEntity]:
    return {e.id: e for e in Linker(known=known).link(list(articles))}


def ids(art: Article, surface: str) -> set[str | None]:
    found = {m.entity for m in art.entities if m.text == surface}
    assert found, f"no mention {surface!r} left in the article"
    return found


def one(art: Article, surface: str) -> str:
    found = ids(art, surface)
    assert len(found) == 1 and None not in found, (surface, found)
    return str(next(iter(found)))


@pytest.mark.parametrize(("a", "b", "etype"), [
    ("دونالد ترامب", "دونالد ترمب", "PER"),
    ("كيم جونغ أون", "كيم جونج أون", "PER"),
    ("كيم جونغ أون", "كيم جون أون", "PER"),
    ("بيونغ يانغ", "بيونغيانغ", "LOC"),
    ("البنتاغون", "البنتاجون", "ORG"),
    ("فولوديمير زيلينسكي", "فولوديمير زيلنسكي", "PER"),
    ("أنطونيو غوتيريش", "أنطونيو قوتيريش", "PER"),  # غ / ق
    ("أنطونيو غوتيريش", "أنطونيو كوتيرش", "PER"),  # غ / ك, dropped long vowel
    ("إسرائيل", "اسرائيل", "LOC"),
    ("جمهورية كوريا الديمقراطية الشعبية", "كوريا الشمالية", "LOC"),
    ("جمهورية كوريا الشعبية الديموقراطية", "كوريا الشمالية", "LOC"),
    ("أميركا", "الولايات المتحدة", "LOC"),
    ("الدوما", "مجلس الدوما", "ORG"),
])
def test_spelling_variants_of_catalogue_names_link_together(a: str, b: str, etype: str) -> None:
    art1 = article(f"قال {a} اليوم.", [(a, etype)], "a1")
    art2 = article(f"وقال {b} أمس.", [(b, etype)], "a2")
    link(art1, art2)
    assert one(art1, a) == one(art2, b)


@pytest.mark.parametrize(("a", "b", "etype"), [
    ("مصطفى الكردي", "مصطفي الكردي", "PER"),  # ى / ي
    ("منظمة الرحمة", "منظمه الرحمه", "ORG"),  # ة / ه
    ("رأفت الشامي", "رافت الشامي", "PER"),  # hamza seat
    ("بيتر ميلليكن", "بيتر ميليكن", "PER"),  # doubled letter
    ("مدينة الغردقة", "مدينة الجردقة", "LOC"),  # غ / ج for a foreign g
    ("الدوبروفكا", "دوبروفكا", "LOC"),  # «ال»
])
def test_unknown_names_fold_to_one_stable_id(a: str, b: str, etype: str) -> None:
    art1 = article(f"ذكر {a} شيئا.", [(a, etype)], "a1")
    art2 = article(f"ذكر {b} شيئا.", [(b, etype)], "a2")
    link(art1, art2)
    assert one(art1, a) == one(art2, b)


def test_clitics_are_stripped_before_matching() -> None:
    text = ("أعلن الكرملين أن بوتين سيزور واشنطن. وقال مصدر بالكرملين إن الدعوة وُجّهت لبوتين "
            "من البيت الأبيض وواشنطن.")
    art = article(text, [("الكرملين", "ORG"), ("بالكرملين", "ORG"), ("بوتين", "PER"), ("لبوتين", "PER"),
                         ("واشنطن", "LOC"), ("وواشنطن", "LOC")])
    entities = link(art)
    assert one(art, "الكرملين") == one(art, "بالكرملين")
    assert one(art, "بوتين") == one(art, "لبوتين") == stable_id("e", "vladimir_putin")
    assert one(art, "واشنطن") == one(art, "وواشنطن")
    assert entities[one(art, "واشنطن")].name_en == "Washington, D.C."


def test_capital_stays_a_city_apart_from_its_country() -> None:
    art = article("قالت واشنطن إن الولايات المتحدة لن تتراجع، وأكدت أميركا ذلك.",
                  [("واشنطن", "LOC"), ("الولايات المتحدة", "LOC"), ("أميركا", "LOC")])
    entities = link(art)
    assert one(art, "الولايات المتحدة") == one(art, "أميركا") != one(art, "واشنطن")
    assert entities[one(art, "أميركا")].wikidata == "Q30"


def test_title_in_the_span_becomes_role_and_country() -> None:
    text = "وقال وزير الدفاع الأمريكي لويد أوستن إن أوستن سيزور سيول."
    art = article(text, [("وزير الدفاع الأمريكي لويد أوستن", "PER"), ("أوستن", "PER"), ("سيول", "LOC")])
    entities = link(art)
    first = art.entities[0]
    assert first.text == "لويد أوستن" and text[first.start:first.end] == "لويد أوستن"
    austin = entities[first.entity or ""]
    assert austin.name_en == "Lloyd Austin"
    assert "defence minister" in austin.roles and "US" in austin.countries
    assert one(art, "أوستن") == austin.id


@pytest.mark.parametrize(("text", "name", "roles", "countries"), [
    ("وقال وزير الدفاع الأمريكي لويد أوستن", "لويد أوستن", ["defence minister"], ["US"]),
    ("وعدت وزيرة الخارجية الكورية الشمالية تشوي سون هوي", "تشوي سون هوي", ["foreign minister"], ["KP"]),
    ("وعدت وزيرة خارجية كوريا الشمالية تشوي سون هوي", "تشوي سون هوي", ["foreign minister"], ["KP"]),
    ("قال المتحدث باسم الكرملين دميتري بيسكوف", "دميتري بيسكوف", ["spokesperson"], ["RU"]),
    ("أكد الزعيم الكوري الشمالي كيم جونغ أون", "كيم جونغ أون", ["leader"], ["KP"]),
    ("قالت رئيسة المفوضية الأوروبية أورسولا فون دير لاين", "أورسولا فون دير لاين", ["president"], []),
    ("قال المتحدث باسم الخارجية الإيرانية إسماعيل بقائي", "إسماعيل بقائي", ["spokesperson"], ["IR"]),
    ("قال وزير الدفاع الكوري الجنوبي السابق كيم يونغ هيون", "كيم يونغ هيون", ["former defence minister"], ["KR"]),
    ("قال الرئيس الأمريكي المنتخب دونالد ترامب", "دونالد ترامب", ["president"], ["US"]),
    ("قال أحمد إن", "أحمد", [], []),
])
def test_roles_and_countries(text: str, name: str, roles: list[str], countries: list[str]) -> None:
    start = text.index(name)
    assert roles_and_countries(text, Mention(start, start + len(name), name, "PER")) == (roles, countries)


def test_nationality_adjectives_are_not_entities() -> None:
    text = "التقى الرئيس الروسي بالوفد الكوري الشمالي وبالكوريين الشماليين في موسكو."
    art = article(text, [("الروسي", "LOC"), ("الكوري الشمالي", "PER"), ("بالكوريين الشماليين", "LOC"),
                         ("موسكو", "LOC")])
    link(art)
    assert [m.text for m in art.entities] == ["موسكو"]


def test_short_form_joins_the_full_name_of_the_article() -> None:
    text = ("قال الباحث هونغ مين إن العلاقة تتعمق. وأضاف هونغ أن القرار متوقع. "
            "وقال جون سميث إن سميث لا يعلق.")
    art = article(text, [("هونغ مين", "PER"), ("هونغ", "PER"), ("جون سميث", "PER"), ("سميث", "PER")])
    entities = link(art)
    assert one(art, "هونغ") == one(art, "هونغ مين")
    assert one(art, "سميث") == one(art, "جون سميث") != one(art, "هونغ مين")
    assert entities[one(art, "هونغ مين")].name_en is None


def test_short_form_never_merges_two_people_who_share_a_name_part() -> None:
    text = ("استقبل كيم جونغ أون الوفد، فيما قال كيم يونغ هيون إن سيول مستعدة. "
            "وأضاف كيم أن الوضع خطير.")
    art = article(text, [("كيم جونغ أون", "PER"), ("كيم يونغ هيون", "PER"), ("كيم", "PER")])
    entities = link(art)
    assert one(art, "كيم جونغ أون") != one(art, "كيم يونغ هيون")
    assert entities[one(art, "كيم يونغ هيون")].name_en == "Kim Yong-hyun"
    assert ids(art, "كيم") == {None}


@pytest.mark.parametrize(("context", "expected"), [
    ("وقال وزير الدفاع الكوري الجنوبي كيم", "Kim Yong-hyun"),
    ("وقال الزعيم الكوري الشمالي كيم", "Kim Jong Un"),
    ("وقال وزير الدفاع السابق كيم", "Kim Yong-hyun"),
])
def test_context_decides_between_people_sharing_a_name(context: str, expected: str) -> None:
    text = f"استقبل كيم جونغ أون الوفد، فيما قال كيم يونغ هيون إن سيول مستعدة. {context} إن الوضع خطير."
    art = article(text, [("كيم جونغ أون", "PER"), ("كيم يونغ هيون", "PER"), ("كيم", "PER")])
    entities = link(art)
    assert entities[one(art, "كيم")].name_en == expected


def test_unknown_people_sharing_a_surname_stay_apart() -> None:
    text = "قال أحمد الزيدي إن خالد الزيدي غادر. وأكد الزيدي ذلك."
    art = article(text, [("أحمد الزيدي", "PER"), ("خالد الزيدي", "PER"), ("الزيدي", "PER")])
    link(art)
    assert one(art, "أحمد الزيدي") != one(art, "خالد الزيدي")
    assert ids(art, "الزيدي") == {None}


def test_short_form_does_not_cross_articles() -> None:
    art1 = article("قال هونغ مين إن الوضع خطير.", [("هونغ مين", "PER")], "a1")
    art2 = article("قال هونغ إن الوضع خطير.", [("هونغ", "PER")], "a2")
    link(art1, art2)
    assert one(art1, "هونغ مين") != one(art2, "هونغ")


def test_institutions_by_head_and_nationality() -> None:
    text = ("تتراجع القوات الأوكرانية في الشرق، وقال الجيش الأوكراني إن الجيش الروسي يتقدم. "
            "وأكدت وزارة الخارجية الأمريكية ذلك.")
    art = article(text, [("القوات الأوكرانية", "ORG"), ("الجيش الأوكراني", "ORG"), ("الجيش الروسي", "ORG"),
                         ("وزارة الخارجية الأمريكية", "ORG")])
    entities = link(art)
    assert one(art, "القوات الأوكرانية") == one(art, "الجيش الأوكراني") != one(art, "الجيش الروسي")
    assert entities[one(art, "الجيش الأوكراني")].name_en == "Armed Forces of Ukraine"
    assert entities[one(art, "وزارة الخارجية الأمريكية")].name_en == "United States Department of State"


def test_bare_name_joins_the_same_name_with_a_nationality() -> None:
    text = "صوّت مجلس الشورى الإيراني على القرار، بعد أسبوعين من نقاش في مجلس الشورى."
    art = article(text, [("مجلس الشورى الإيراني", "ORG"), ("مجلس الشورى", "ORG")])
    link(art)
    assert one(art, "مجلس الشورى") == one(art, "مجلس الشورى الإيراني")


def test_ids_are_stable_and_rerunning_never_duplicates() -> None:
    def fresh() -> list[Article]:
        return [article("قال فلاديمير بوتين وهونغ مين إن بوتين في موسكو.",
                        [("فلاديمير بوتين", "PER"), ("وهونغ مين", "PER"), ("بوتين", "PER"), ("موسكو", "LOC")],
                        "a1"),
                article("زار هونغ مين موسكو.", [("هونغ مين", "PER"), ("موسكو", "LOC")], "a2")]
    first_articles = fresh()
    first = link(*first_articles)
    assert first[stable_id("e", "vladimir_putin")].mentions == 2
    moscow = first[one(first_articles[0], "موسكو")]
    assert moscow.articles == ["a1", "a2"] and moscow.mentions == 2
    again_articles = fresh()
    again = link(*again_articles, known=tuple(first.values()))
    assert set(again) == set(first)
    assert again[moscow.id].mentions == 2 and again[moscow.id].articles == ["a1", "a2"]
    assert one(again_articles[1], "هونغ مين") == one(first_articles[0], "وهونغ مين")
    new = article("عاد هونغ مين من موسكو.", [("هونغ مين", "PER"), ("موسكو", "LOC")], "a3")
    more = link(new, known=tuple(again.values()))
    assert more[moscow.id].mentions == 3 and more[moscow.id].articles == ["a1", "a2", "a3"]


def test_entity_json_round_trip() -> None:
    art = article("قال فلاديمير بوتين إن روسيا مستعدة.", [("فلاديمير بوتين", "PER"), ("روسيا", "LOC")])
    for entity in link(art).values():
        assert CanonicalEntity.from_json(entity.to_json()) == entity
    putin = link(article("بوتين", [("بوتين", "PER")])).get(stable_id("e", "vladimir_putin"))
    assert putin is not None and putin.to_json()["wikidata"] == "Q7747"


def test_name_particles_are_not_short_forms() -> None:
    text = "قال حسن نصر الله إن الحرب طويلة وإن الله معهم. وقال أبو الحسن إن الحسن غادر."
    art = article(text, [("حسن نصر الله", "PER"), ("الله", "PER"), ("أبو الحسن", "PER"), ("الحسن", "PER")])
    link(art)
    assert one(art, "حسن نصر الله") != one(art, "الله")
    assert one(art, "أبو الحسن") != one(art, "الحسن")


def test_a_longer_name_of_another_person_is_not_merged() -> None:
    text = "التقى علي عبد الله صالح نجله أحمد علي عبد الله صالح."
    art = article(text, [("علي عبد الله صالح", "PER"), ("أحمد علي عبد الله صالح", "PER")])
    link(art)
    assert one(art, "علي عبد الله صالح") != one(art, "أحمد علي عبد الله صالح")


def test_bracketed_short_name_is_an_alias() -> None:
    text = "أعلنت قوات النخبة الشمالية (قنش) أن قنش سيطرت على المدينة."
    art = article(text, [("قوات النخبة الشمالية", "ORG"), ("قنش", "ORG")])
    link(art)
    assert one(art, "قنش") == one(art, "قوات النخبة الشمالية")


def test_short_words_do_not_collapse_into_other_names() -> None:
    art1 = article("قالت الأمم اليوم.", [("الأمم", "ORG")], "a1")
    art2 = article("قالت أم اليوم.", [("أم", "ORG")], "a2")
    link(art1, art2)
    assert one(art1, "الأمم") != one(art2, "أم")


def test_east_asian_spelling_variants_merge_but_arabic_names_do_not() -> None:
    text = ("قالت باك سونغ هي إن الوفد وصل، ثم أكدت باك سون هوي ذلك. "
            "وقال أحمد محمد إن أحمد محمود غادر، وإن حسن علي وحسين علي بقيا.")
    art = article(text, [("باك سونغ هي", "PER"), ("باك سون هوي", "PER"), ("أحمد محمد", "PER"),
                         ("أحمد محمود", "PER"), ("حسن علي", "PER"), ("وحسين علي", "PER")])
    link(art)
    assert one(art, "باك سونغ هي") == one(art, "باك سون هوي")
    assert one(art, "أحمد محمد") != one(art, "أحمد محمود")
    assert one(art, "حسن علي") != one(art, "وحسين علي")


def test_compound_given_name_is_one_short_form() -> None:
    text = "قال رامي عبد الرحمن إن الاشتباكات مستمرة، وأضاف عبد الرحمن أن مئات قتلوا."
    art = article(text, [("رامي عبد الرحمن", "PER"), ("عبد الرحمن", "PER")])
    link(art)
    assert one(art, "عبد الرحمن") == one(art, "رامي عبد الرحمن")


def test_long_foreign_name_variants_merge_within_an_article() -> None:
    text = "قال بيتر ميخايلوفسكي إن الوضع خطير، وأكد بيتر ميخايلوفسكى وبيتر ميخائيلوفسكي ذلك."
    art = article(text, [("بيتر ميخايلوفسكي", "PER"), ("بيتر ميخايلوفسكى", "PER"), ("وبيتر ميخائيلوفسكي", "PER")])
    link(art)
    assert one(art, "بيتر ميخايلوفسكي") == one(art, "بيتر ميخايلوفسكى") == one(art, "وبيتر ميخائيلوفسكي")


def test_latin_acronyms_link_to_the_agency() -> None:
    art = article("نقلت وكالة الصحافة الفرنسية (AFP) عن مسؤول في NATO أن الحلف مستعد.",
                  [("وكالة الصحافة الفرنسية", "ORG"), ("AFP", "ORG"), ("NATO", "ORG")])
    entities = link(art)
    assert one(art, "AFP") == one(art, "وكالة الصحافة الفرنسية")
    assert entities[one(art, "NATO")].name_en == "NATO"


def test_a_bare_organisation_name_links_where_the_article_names_its_body() -> None:
    text = "وافق مجلس الدوما على القانون، ثم صوت مجلس النواب مرة ثانية في الأسبوع التالي."
    art = article(text, [("مجلس الدوما", "ORG"), ("مجلس النواب", "ORG")])
    link(art)
    assert one(art, "مجلس النواب") == one(art, "مجلس الدوما")


def test_a_bare_organisation_name_links_to_the_body_of_the_articles_main_country() -> None:
    text = ("قال الكرملين إن روسيا لن تتراجع، وإن مجلس النواب سيصوت على الاتفاق الذي وقعته روسيا مع "
            "الصين، فيما تراقب الولايات المتحدة الموقف.")
    art = article(text, [("روسيا", "LOC"), ("مجلس النواب", "ORG"), ("الصين", "LOC"),
                         ("الولايات المتحدة", "LOC"), ("الكرملين", "ORG")])
    entities = link(art)
    assert entities[one(art, "مجلس النواب")].name_en == "State Duma"


def test_a_bare_organisation_name_stays_unknown_without_support() -> None:
    # Egypt is the article's country: the House is Egypt's, which the catalogue does not know.
    text = ("أقر مجلس النواب في مصر موازنة العام الجديد، وقال مسؤول إن مصر ستزيد وارداتها من روسيا "
            "بعد أن رفعت مصر الرسوم الجمركية.")
    art = article(text, [("مجلس النواب", "ORG"), ("مصر", "LOC"), ("روسيا", "LOC")])
    unknown = article("ناقش مجلس النواب مشروع القانون.", [("مجلس النواب", "ORG")], "a2")
    entities = link(art, unknown)
    for a in (art, unknown):
        record = entities[one(a, "مجلس النواب")]
        assert (record.type, record.name_en) == ("ORG", None)


def test_an_apposition_joins_an_organisation_the_tagger_typed_as_misc() -> None:
    text = "صادق مجلس الشيوخ البلجيكي «السناتو» على الاتفاق."
    art = article(text, [("مجلس الشيوخ البلجيكي", "MISC"), ("السناتو", "ORG")])
    link(art)
    assert one(art, "السناتو") == one(art, "مجلس الشيوخ البلجيكي")
