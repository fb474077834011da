"""The curated entity catalogue (entities_curated.tsv): its invariants, and names it must link end to end.

The structural checks guard what the linker relies on (one row per key, an English name, ids and codes
in their formats, no alias shared by two people); the end-to-end ones spot catalogue names in sentences
written for these tests and link them with :class:`rasid.link.Linker`, as the pipeline does when the
tagger missed them.
"""

from __future__ import annotations

import re

import pytest

from rasid.link import CanonicalEntity, Linker
from rasid.link.curated import read_tsv
from rasid.link.gazetteer import catalogue
from rasid.link.spotter import add_catalogue_mentions
from rasid.link.variants import fold, name_key
from rasid.model import Article, Mention, stable_id

TYPES = {"PER", "ORG", "LOC", "MISC"}


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return read_tsv("entities_curated.tsv")


def test_every_row_parses_with_a_unique_key_and_an_english_name(rows: list[dict[str, str]]) -> None:
    keys = [r["key"] for r in rows]
    assert len(keys) == len(set(keys)), [k for k in keys if keys.count(k) > 1]
    assert len(rows) >= 1000
    heads = {r["slug"] for r in read_tsv("institutions.tsv")}
    for r in rows:
        assert r["key"] and r["type"] in TYPES, r
        assert r["name_en"] and r["name_en"] == r["name_en"].strip(), r["key"]
        assert r["name_ar"] or r["key"].startswith(("country:", "city:")), r["key"]
        assert not r["wikidata"] or re.fullmatch(r"Q[1-9]\d*", r["wikidata"]), r["key"]
        assert not r["country"] or re.fullmatch(r"[A-Z]{2}", r["country"]), r["key"]
        assert all(re.fullmatch(r"[A-Z]{2}", c) for c in filter(None, r["context"].split("|"))), r["key"]
        if r["inst"]:
            slug, _, iso = r["inst"].partition(":")
            assert slug in heads and re.fullmatch(r"[A-Z]{2}", iso), r["key"]
        for alias in filter(None, r["aliases"].split("|")):
            assert alias == alias.strip() and name_key(alias), (r["key"], alias)


def test_ids_and_institutions_name_one_entity_each(rows: list[dict[str, str]]) -> None:
    for column in ("wikidata", "inst"):
        values = [r[column] for r in rows if r[column]]
        assert len(values) == len(set(values)), [v for v in values if values.count(v) > 1]


def test_no_alias_is_shared_by_two_people() -> None:
    """Surnames included: a short form that could be two people would link one of them wrongly."""
    owners: dict[str, str] = {}
    for entry in catalogue().entries.values():
        if entry.type != "PER":
            continue
        for alias in entry.aliases:
            key = fold(name_key(alias))
            assert owners.setdefault(key, entry.key) == entry.key, (alias, owners[key], entry.key)


@pytest.mark.parametrize(("text", "names"), [
    ("لولا تدخل الوسطاء لما توقف القتال.", []),  # not Lula
    ("تعيش الكائنات الحية في الضفة الشرقية للنهر.", []),  # not al-Hayya, not the West Bank
    ("رحب المضيف بالضيف في الضاحية الجديدة.", []),  # not Mohammed Deif, not Dahieh
    ("تحدث باللغة العربية وشاهد الفيلم حتى النهاية.", []),  # not Al Arabiya, not the Shahed drone
    ("ناقش الأمور المالية في المدى المتوسط.", []),  # not the Amur region, not the Mediterranean
    ("عُثر عليه ميتا وكان فارس الحكاية يوم النصر.", []),  # not Meta, not Fars, not a Victory Day
    ("وقالت إن المحادثات جرت بين الجيش وروسيا اليوم.", ["روسيا"]),  # «Russia, today», not RT
    ("وقال الرئيس الألماني فان دير بيلين إن كارني معبر مغلق.", []),  # not Yellen, not Carney
])
def test_everyday_words_are_not_taken_for_catalogue_names(text: str, names: list[str]) -> None:
    assert [m.text for m in add_catalogue_mentions(text, [])] == names


def _linked(text: str) -> tuple[Article, dict[str, CanonicalEntity]]:
    art = Article(id="t1", page_id="p", source="test", text=text, entities=add_catalogue_mentions(text, []))
    return art, {e.id: e for e in Linker().link([art])}


def _entity(text: str, surface: str) -> CanonicalEntity:
    art, entities = _linked(text)
    found = {m.entity for m in art.entities if m.text == surface}
    assert len(found) == 1 and None not in found, (surface, [(m.text, m.entity) for m in art.entities])
    return entities[str(next(iter(found)))]


def test_a_minister_links_with_role_and_country() -> None:
    text = "قال وزير الدفاع الروسي أندريه بيلوسوف إن القوات ستواصل تقدمها في منطقة كورسك."
    belousov = _entity(text, "أندريه بيلوسوف")
    assert belousov.id == stable_id("e", "andrei_belousov")
    assert belousov.name_en == "Andrei Belousov"
    assert "defence minister" in belousov.roles and belousov.countries == ["RU"]
    assert _entity(text, "منطقة كورسك").name_en == "Kursk Oblast"


@pytest.mark.parametrize(("text", "surface", "key"), [
    ("وقال بيلاوسوف للصحفيين إن الوضع تحت السيطرة.", "بيلاوسوف", "andrei_belousov"),
    ("والتقى سيرجي شويجو الزعيم الكوري الشمالي.", "سيرجي شويجو", "sergei_shoigu"),
    ("وكتب زلنسكي على منصة إكس أن الهجوم فشل.", "زلنسكي", "volodymyr_zelensky"),
    ("وأكدت المتحدثة ماريا زخاروفا ذلك.", "ماريا زخاروفا", "maria_zakharova"),
    ("وردت كارولين ليفيت على أسئلة الصحفيين.", "كارولين ليفيت", "karoline_leavitt"),
    ("وقال المتحدث أندري يوسوف إن الجنود وصلوا.", "أندري يوسوف", "andriy_yusov"),
    ("ونشرت وكالة الأنباء الكورية الشمالية صورا للزعيم.", "وكالة الأنباء الكورية الشمالية", "kcna"),
    ("ونقلت وكالة الإعلام الروسية عن مصدر عسكري.", "وكالة الإعلام الروسية", "ria_novosti"),
    ("وأفادت مديرية الاستخبارات الرئيسية الأوكرانية بوصول الجنود.", "مديرية الاستخبارات الرئيسية الأوكرانية",
     "ua_gur"),
    ("وقالت الاستخبارات العسكرية الأوكرانية إن الجنود وصلوا.", "الاستخبارات العسكرية الأوكرانية", "ua_gur"),
    ("وقدر معهد دراسة الحرب أن الهجوم سيتواصل.", "معهد دراسة الحرب", "isw"),
    ("واستعادت القوات الروسية بلدة سودجا.", "بلدة سودجا", "sudzha"),
    ("وزار الرئيس قاعدة فوستوشني الفضائية.", "قاعدة فوستوشني الفضائية", "vostochny"),
    ("وأعلن التحالف العربي تدمير زورق مفخخ.", "التحالف العربي", "arab_coalition"),
])
def test_catalogue_names_and_their_variants_link(text: str, surface: str, key: str) -> None:
    assert _entity(text, surface).id == stable_id("e", key)


def test_a_name_two_countries_use_follows_the_article() -> None:
    turkish = "وفاز حزب العدالة والتنمية التركي في إسطنبول، وقال إن حزب العدالة والتنمية سيحكم تركيا."
    moroccan = "وخسر حزب العدالة والتنمية في الانتخابات المغربية التي جرت في المغرب."
    assert _entity(moroccan, "حزب العدالة والتنمية").id == stable_id("e", "pjd_morocco")
    art, _ = _linked(turkish)
    assert {m.entity for m in art.entities if "العدالة" in m.text} == {stable_id("e", "akp")}


def test_the_middle_east_is_the_region_unless_tagged_as_an_organisation() -> None:
    text = "تتصاعد التوترات في الشرق الأوسط منذ أشهر."
    assert _entity(text, "الشرق الأوسط").id == stable_id("e", "middle_east")
    quoted = "وقال مسؤول لـ«الشرق الأوسط» إن المحادثات مستمرة."
    start = quoted.index("الشرق")
    tagged = Mention(start, start + len("الشرق الأوسط"), "الشرق الأوسط", "ORG")
    art = Article(id="t2", page_id="p", source="test", text=quoted, entities=add_catalogue_mentions(quoted, [tagged]))
    Linker().link([art])
    assert [m.entity for m in art.entities] == [stable_id("e", "asharq_al_awsat")]
