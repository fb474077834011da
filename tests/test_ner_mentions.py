"""Proclitics on tagged spans: cut where the evidence says the first letter is one, kept otherwise."""

from __future__ import annotations

import pytest

from rasid.extract.ner import load_tagger
from rasid.extract.ner.features import Lexicon
from rasid.extract.ner.mentions import clitic_length, known_name, span_clitic_length

CLITICS = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")


def lexicon(counts: dict[str, int], gazetteer: dict[str, str] | None = None) -> Lexicon:
    """A lexicon with the given news-corpus counts (matching forms) and gazetteer."""
    return Lexicon(gazetteer=gazetteer or {}, clitics=CLITICS, corpus={w: str(n) for w, n in counts.items()})


def test_a_clitic_is_cut_when_the_rest_is_much_the_likelier_word() -> None:
    lex = lexicon({"بوتين": 1600, "لبوتين": 60, "واشنطن": 4800, "وواشنطن": 330}, {"واشنطن": "LOC"})
    assert clitic_length("لبوتين", lex) == 1
    assert clitic_length("وواشنطن", lex) == 1
    assert clitic_length("بوتين", lex) == 0


def test_a_gazetteer_rest_alone_does_not_cut_a_word_that_is_common_itself() -> None:
    # «يونغ» is a listed name, but «بيونغ» is written more often than it: no «ب» to cut
    lex = lexicon({"بيونغ": 715, "يونغ": 430, "لكمبوديا": 0, "كمبوديا": 48}, {"يونغ": "PER", "كمبوديا": "LOC"})
    assert clitic_length("بيونغ", lex) == 0
    assert clitic_length("لكمبوديا", lex) == 1  # unseen whole form, listed rest


def test_a_known_name_keeps_its_first_letter_whatever_the_counts() -> None:
    lex = lexicon({"بريكس": 56, "ريكس": 117})
    assert clitic_length("بريكس", lex) == 1  # the counts alone would cut it …
    assert known_name("بريكس", lex)  # … but the catalogue lists the name
    assert span_clitic_length(["بريكس"], lex) == 0
    assert not known_name("وواشنطن", lex)  # a doubled first letter is not folded into the name


@pytest.mark.parametrize(("tokens", "cut"), [
    (["لبوتين"], 1), (["وواشنطن"], 1), (["والناتو"], 1), (["بمنطقة", "آمور"], 1), (["لـبوتين"], 2),
    (["بريكس"], 0), (["بيونغ", "يانغ"], 0), (["بايدن"], 0), (["لندن"], 0), (["واشنطن"], 0), (["فرانس", "برس"], 0),
])
def test_packaged_lexicon(tokens: list[str], cut: int) -> None:
    assert span_clitic_length(tokens, load_tagger().lexicon) == cut


def test_find_mentions_cuts_clitics_but_not_first_letters() -> None:
    from rasid.extract.ner import find_mentions

    text = "انضمت دول جديدة إلى مجموعة بريكس، ووصل الوفد إلى بيونغ يانغ أمس، ووجه انتقادات لبوتين وواشنطن."
    found = find_mentions(text)
    assert all(text[m.start:m.end] == m.text for m in found)
    texts = [m.text for m in found]
    assert "بوتين" in texts and "واشنطن" in texts
    for name in ("بريكس", "بيونغ يانغ"):
        at = text.index(name)
        assert not any(at < m.start < at + len(name) for m in found), (name, texts)
