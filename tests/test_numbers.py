"""Arabic number parsing: digits, separators, number words, mixed forms; data files in matching form."""

from __future__ import annotations

from importlib import resources

import pytest

from rasid.extract.numbers import find_numbers, parse_number, scan_numbers
from rasid.text.normalize import normalize


@pytest.mark.parametrize(("text", "value"), [
    ("42", 42), ("١٢", 12), ("۱۲", 12), ("10,000", 10000), ("10٬000", 10000), ("1.5", 1.5),
    ("١٢٫٥", 12.5), ("1,234,567", 1234567), ("2,5", 2.5), ("1.234.567", 1234567),
    ("واحد وعشرون", 21), ("ثلاثة", 3), ("ثلاث", 3), ("عشرة", 10), ("عشر", 10),
    ("أحد عشر", 11), ("إحدى عشرة", 11), ("اثنا عشر", 12), ("اثنتي عشرة", 12), ("خمسة عشر", 15),
    ("عشرون", 20), ("عشرين", 20), ("خمسة وعشرون", 25), ("تسعة وتسعين", 99),
    ("مئة", 100), ("مائة", 100), ("مئتان", 200), ("مئتين", 200), ("ثلاثمئة", 300), ("ثلاث مئة", 300),
    ("خمسمائة", 500), ("مئتان وخمسون", 250), ("ألف", 1000), ("ألفان", 2000), ("ألفين", 2000),
    ("ثلاثة آلاف", 3000), ("عشرة آلاف", 10000), ("أحد عشر ألفًا", 11000), ("عشرين ألفا", 20000),
    ("مئة ألف", 100000), ("ألف وخمسمئة", 1500), ("مليون", 1e6), ("ملايين", None), ("ثلاثة ملايين", 3e6),
    ("مليونين", 2e6), ("مليار", 1e9), ("نصف مليون", 5e5), ("مليون ونصف", 1.5e6), ("ربع مليون", 250000),
    ("11 ألف", 11000), ("2.5 مليون", 2.5e6), ("١٢ ألف", 12000), ("١٫٥ مليار", 1.5e9),
    ("ثلاثة ملايين و500 ألف", 3.5e6), ("3 آلاف", 3000),
])
def test_parse_number(text: str, value: float | None) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "جندي", "أحد", "ألف جندي", "الثالث", "12 13"])
def test_parse_number_rejects_non_numbers(text: str) -> None:
    assert parse_number(text) is None


def test_find_numbers_spans_point_into_the_text() -> None:
    text = "قُتل 12 شخصًا وأصيب ثلاثة عشر آخرون، وفرّ نحو عشرة آلاف من المدينة."
    found = find_numbers(text)
    assert [(text[s:e], v) for s, e, v in found] == [("12", 12), ("ثلاثة عشر", 13), ("عشرة آلاف", 10000)]


def test_conjunction_is_left_out_of_the_span() -> None:
    text = "بين ثمانية وعشرة آلاف"
    spans = [(text[s:e], v) for s, e, v in find_numbers(text)]
    assert spans == [("ثمانية", 8), ("عشرة آلاف", 10000)]


def test_vague_amounts_have_no_value() -> None:
    text = "أرسلت آلاف الجنود وبضع مئات من الآليات وعشرات الصواريخ"
    found = [(text[m.start:m.end], m.value, m.vague) for m in scan_numbers(text)]
    assert found == [("آلاف", None, True), ("بضع مئات", None, True), ("عشرات", None, True)]


def test_one_of_is_not_a_number() -> None:
    assert find_numbers("قال أحد الركاب إن واحدًا منهم أصيب") == []


def test_two_numbers_joined_by_and_stay_two() -> None:
    text = "بين 3 ملايين و14 مليونا"
    assert [v for _, _, v in find_numbers(text)] == [3e6, 14e6]


@pytest.mark.parametrize("name", ["num_words.tsv", "units.tsv", "hedges.tsv", "speech_verbs.tsv",
                                  "attribution_words.tsv"])
def test_data_entries_are_in_matching_form(name: str) -> None:
    raw = resources.files("rasid.lang.ar").joinpath(name).read_text(encoding="utf-8")
    bad = []
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        entry = line.split("\t")[0]
        if normalize(entry) != entry or " ".join(entry.split()) != entry:
            bad.append(entry)
    assert not bad, f"{name}: entries not in normalised form: {bad}"
