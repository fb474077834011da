"""Entity mentions as character spans: tokenise, tag, and trim attached proclitics off each span.

ANERcorp keeps clitics on the word, so the tagger labels «لبوتين» as a person; the mention
itself is «بوتين». :func:`rasid.extract.ner.features.split_clitic` proposes the cut (it must stay
as it is: the model's features are built on it); here a cut is made only with evidence that the
first letter is a proclitic and not part of the name:

* a rest that is cut because it is a gazetteer name must also be clearly more frequent in the news
  than the whole word («بيونغ» is not «ب» + «يونغ», «بايدن» is not «ب» + «ايدن»);
* a span that is itself a known name, in the lexicon gazetteer or the entity catalogue, is kept
  whole («بريكس», «بيونغ يانغ»), so «لندن», «واشنطن» and «بريكس» stay while «لبوتين» → «بوتين».
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Protocol

from rasid.extract.ner.conll import spans
from rasid.extract.ner.features import Lexicon, split_clitic, word_form
from rasid.model import Mention
from rasid.text import split_sentences, tokenize


class Tags(Protocol):
    """What :func:`mentions_in` needs of a tagger: BIO labels per token, and its lexicon."""

    lexicon: Lexicon

    def tag(self, sentences: list[list[str]]) -> list[list[str]]: ...


_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u0640]")
_TATWEEL_CLITIC = re.compile("^[وف]?[بلك]?\u0640+|^[وف]\u0640+")
#: How much more often the rest must occur than the whole word when a gazetteer entry alone
#: would justify the cut (the same margin :func:`split_clitic` asks of words outside the gazetteer).
MARGIN = 2


def clitic_length(token: str, lex: Lexicon) -> int:
    """How many characters of ``token`` are an attached proclitic (with its marks) to leave out."""
    m = _TATWEEL_CLITIC.match(token)
    if m and m.end() < len(token):
        return m.end()
    form = word_form(token)
    clitic, rest = split_clitic(form, lex)
    if not clitic or lex.count(rest) < MARGIN * lex.count(form):
        return 0
    i = 0
    letters = 0
    while i < len(token) and letters < len(clitic):
        if not _MARKS.match(token[i]):
            letters += 1
        i += 1
    while i < len(token) and _MARKS.match(token[i]):
        i += 1
    return i if i < len(token) else 0


def strip_clitic(token: str, lex: Lexicon) -> str:
    """The token without an attached proclitic: «لبوتين» → «بوتين», «لندن» → «لندن»."""
    return token[clitic_length(token, lex):]


@lru_cache(maxsize=1)
def _catalogue_names() -> frozenset[str]:
    """Folded names of the entity catalogue (curated entities and countries), loaded on first use."""
    from rasid.link.spotter import catalogue_names

    return catalogue_names()


def known_name(text: str, lex: Lexicon) -> bool:
    """True when ``text`` as written is a name the lexicon gazetteer or the entity catalogue lists."""
    from rasid.link.variants import fold, name_key

    if word_form(text) in lex.gazetteer:
        return True
    key = name_key(text)
    if len(key) < 2 or key[0] == key[1]:
        return False  # «وواشنطن»: folding would merge the clitic into the name's first letter
    return fold(key) in _catalogue_names()


def span_clitic_length(tokens: list[str], lex: Lexicon) -> int:
    """Characters to leave out at the start of a span of ``tokens``: 0 when the span, or its first
    word, is a known name as written («بيونغ يانغ», «بريكس»), else :func:`clitic_length` of the first."""
    cut = clitic_length(tokens[0], lex)
    if cut and not _TATWEEL_CLITIC.match(tokens[0]) and (
            known_name(" ".join(tokens), lex) or known_name(tokens[0], lex)):
        return 0
    return cut


def mentions_in(text: str, tagger: Tags) -> list[Mention]:
    """Tag every sentence of ``text`` and return its mentions with offsets into ``text``."""
    sents = [tokenize(s.text, s.start) for s in split_sentences(text)]
    sents = [s for s in sents if s]
    labels = tagger.tag([[t.text for t in s] for s in sents])
    out: list[Mention] = []
    for toks, labs in zip(sents, labels, strict=True):
        for i, j, kind in spans(labs):
            start = toks[i].start + span_clitic_length([t.text for t in toks[i:j]], tagger.lexicon)
            end = toks[j - 1].end
            out.append(Mention(start=start, end=end, text=text[start:end], type=kind))
    return out
