"""The linker's data tables: normalised entries, unique keys, sizes, and the compiled gazetteers."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from rasid.link.curated import load_nationalities, read_tsv
from rasid.link.variants import clitic_variants, fold, joined, name_key, skeleton
from rasid.text.normalize import normalize

ROOT = Path(__file__).resolve().parents[1]
GAZETTEER = ROOT.parent / "shared" / "data" / "gazetteer"


@pytest.mark.parametrize(("table", "column"), [
    ("titles.tsv", "title"), ("institutions.tsv", "head"), ("descriptors.tsv", "word"),
    ("nationality.tsv", "adjective"), ("nationality.tsv", "plurals"),
])
def test_word_tables_are_written_in_matching_form(table: str, column: str) -> None:
    for row in read_tsv(table):
        for value in filter(None, row[column].split("|")):
            assert normalize(value) == value, f"{table}: {value!r} is not in normalised form"


def test_curated_table_is_broad_and_well_formed() -> None:
    rows = read_tsv("entities_curated.tsv")
    keys = [r["key"] for r in rows]
    assert len(keys) == len(set(keys)), "duplicate keys"
    assert len(rows) >= 200
    assert sum(r["type"] == "PER" for r in rows) >= 100
    heads = {r["slug"] for r in read_tsv("institutions.tsv")}
    for r in rows:
        assert r["type"] in {"PER", "ORG", "LOC", "MISC"}, r["key"]
        assert not r["wikidata"] or re.fullmatch(r"Q\d+", r["wikidata"]), r["key"]
        assert not r["country"] or re.fullmatch(r"[A-Z]{2}", r["country"]), r["key"]
        assert not re.search(r"[A-Za-z]", r["name_ar"]), r["key"]
        assert not r["inst"] or r["inst"].split(":")[0] in heads, r["key"]


def test_nationality_forms_cover_gender_and_number() -> None:
    forms = load_nationalities()
    for word in ("الكوري الشمالي", "الكوريه الشماليه", "الكوريون الشماليون", "الكوريين الشماليين",
                 "كوري شمالي", "كوريه شماليه"):
        assert forms[word] == "KP", word
    for word in ("الروسي", "الروسيه", "الروس", "روسي"):
        assert forms[word] == "RU", word
    for word in ("الامريكي", "الاميركيه", "الامريكيون", "الاميركيين", "الامريكان"):
        assert forms[word] == "US", word


def test_variant_keys() -> None:
    assert skeleton(name_key("ترامب")) == skeleton(name_key("ترمب"))
    assert fold(name_key("جونغ")) == fold(name_key("جون")) == fold(name_key("جونج"))
    assert joined(name_key("بيونغ يانغ")) == joined(name_key("بيونغيانغ"))
    assert fold(name_key("البنتاغون")) == fold(name_key("البنتاجون"))
    assert skeleton(name_key("كيم جونغ أون")) != skeleton(name_key("كيم يو جونغ"))
    assert fold(name_key("محمد")) != fold(name_key("محمود"))
    assert clitic_variants(name_key("وواشنطن"))[-1] == "واشنطن"
    assert "الكرملين" in clitic_variants(name_key("بالكرملين"))
    assert "القوات الاوكرانيه" in clitic_variants(name_key("للقوات الأوكرانية"))
    assert clitic_variants("لبنان")[0] == "لبنان"


def test_compiled_tables_are_small_and_clean() -> None:
    countries = read_tsv("gaz_countries.tsv")
    cities = read_tsv("gaz_cities.tsv")
    assert len(countries) == 250 and list(countries[0]) == ["iso2", "name_en", "names_ar", "capital_en"]
    assert 2000 < len(cities) < 5000 and list(cities[0]) == ["name_en", "iso2", "names_ar"]
    for row in cities:
        assert not re.search(r"[A-Za-z0-9]", row["names_ar"]), row


@pytest.mark.skipif(not GAZETTEER.is_dir(), reason="../shared/data/gazetteer is absent (not in a fresh clone)")
def test_compiled_tables_match_their_sources() -> None:
    spec = importlib.util.spec_from_file_location("compile_gazetteers", ROOT / "scripts" / "compile_gazetteers.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    countries, by_name = module.compile_countries(GAZETTEER)
    capitals = {(cap, row[0]) for row in countries for cap in row[3].split("|") if cap}
    country_names = {normalize(n) for row in countries for n in row[2].split("|")}
    cities = module.compile_cities(GAZETTEER, by_name, capitals, country_names)
    assert [list(r.values()) for r in read_tsv("gaz_countries.tsv")] == countries
    assert [list(r.values()) for r in read_tsv("gaz_cities.tsv")] == cities
    assert not module.sounds_alike("فيروسات غدانية", "Aden") and module.sounds_alike("زيورخ", "Zurich")
