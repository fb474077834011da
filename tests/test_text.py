"""The Arabic text layer: each normalisation function, tokens with offsets, sentences."""

from __future__ import annotations

import pytest

from rasid.text import normalize, split_sentences, tokenize
from rasid.text.normalize import (
    normalize_alef,
    normalize_digits,
    normalize_display,
    normalize_space,
    normalize_taa_marbuta,
    normalize_yaa,
    strip_bidi,
    strip_tashkeel,
    strip_tatweel,
)


@pytest.mark.parametrize(
    ("fn", "before", "after"),
    [
        (normalize_alef, "أحمد إلى آمن", "احمد الى امن"),
        (normalize_yaa, "على مستشفى", "علي مستشفي"),
        (normalize_taa_marbuta, "مدينة", "مدينه"),
        (normalize_digits, "١٢٫٥ و۱۰", "12٫5 و10"),
        (normalize_space, "١\u00a0ألف", "١ ألف"),
        (strip_tashkeel, "وقّعَ", "وقع"),
        (strip_tatweel, "الـــرئيس", "الرئيس"),
        (strip_bidi, "\u200fنص\u200e\ufeff", "نص"),
    ],
)
def test_each_normalisation_function(fn, before, after):
    assert fn(before) == after


@pytest.mark.parametrize(
    "fn", [normalize_alef, normalize_yaa, normalize_taa_marbuta, normalize_digits, normalize_space]
)
def test_length_preserving_functions_keep_offsets(fn):
    text = "أكّد الرئيس\u00a0في ١٢ إلى مدينة"
    assert len(fn(text)) == len(text)


def test_normalize_composes_all_steps():
    assert normalize("أكّد الـرئيـس\u00a0فلاديمير بوتين يوم ١٢ أكتوبر") == "اكد الرئيس فلاديمير بوتين يوم 12 اكتوبر"


def test_normalize_is_idempotent():
    once = normalize("إنّ الـمعاهدة سَتدخل حيّز التنفيذ في ٢٠٢٤")
    assert normalize(once) == once


def test_display_form_keeps_letters_and_digits():
    assert normalize_display("الــرئيس\u00a0\u200fأكّد ١٢") == "الرئيس أكّد ١٢"


def test_tokens_carry_exact_offsets():
    text = "وقال زيلينسكي إن 11 ألف جندي، و10,000 آخرين و١٢٫٥٪ «وصلوا»."
    tokens = tokenize(text)
    assert all(text[t.start : t.end] == t.text for t in tokens)
    words = [t.text for t in tokens]
    assert "10,000" in words and "١٢٫٥" in words and "زيلينسكي" in words
    assert "و" in words  # a conjunction glued to a number is its own token
    assert "«" in words and "»" in words


def test_tokens_keep_tashkeel_inside_words():
    tokens = tokenize("وقّعَ بوتينُ")
    assert [t.text for t in tokens] == ["وقّعَ", "بوتينُ"]
    assert tokens[0].norm == "وقع"


def test_tokenize_offset_argument_shifts_positions():
    assert tokenize("كييف", offset=10)[0].start == 10


def test_sentences_split_on_arabic_punctuation():
    text = "صادق المجلس على المعاهدة. هل ستدخل حيز التنفيذ؟ نعم! انتهى"
    assert [s.text for s in split_sentences(text)] == [
        "صادق المجلس على المعاهدة.", "هل ستدخل حيز التنفيذ؟", "نعم!", "انتهى"]


def test_sentences_do_not_split_inside_quotes_or_numbers():
    text = "وقال: «نرى زيادة. لكننا لا نشهد زخمًا». وبلغ العدد 1.5 مليون وفق أ.ف.ب اليوم."
    sents = [s.text for s in split_sentences(text)]
    assert sents == ["وقال: «نرى زيادة. لكننا لا نشهد زخمًا».", "وبلغ العدد 1.5 مليون وفق أ.ف.ب اليوم."]


def test_sentence_spans_index_the_text():
    text = "  السطر الأول.\nالسطر الثاني  \n\n"
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text
    assert [s.text for s in split_sentences(text)] == ["السطر الأول.", "السطر الثاني"]


def test_one_pass_normalize_equals_the_composed_functions():
    from rasid.text.normalize import normalize_kaf

    def composed(text: str) -> str:
        text = strip_bidi(strip_tatweel(strip_tashkeel(text)))
        text = normalize_alef(normalize_yaa(normalize_taa_marbuta(normalize_kaf(text))))
        return normalize_space(normalize_digits(text))

    sample = "".join(chr(c) for c in [*range(0x0600, 0x0700), *range(0x2000, 0x2070), 0x00A0, 0xFEFF, 0x09])
    assert normalize(sample) == composed(sample)
    for ch in sample:
        assert normalize(ch) == composed(ch), hex(ord(ch))
