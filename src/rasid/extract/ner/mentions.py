"""Entity mentions as character spans: tokenise, tag, and trim attached proclitics off each span.

ANERcorp keeps clitics on the word, so the tagger labels «لبوتين» as a person; the mention
itself is «بوتين». A proclitic is cut only when the corpus lexicon or gazetteer says the rest is
the word (see :func:`rasid.extract.ner.features.split_clitic`), so «لندن» and «واشنطن» stay whole.
"""

from __future__ import annotations

import re

from rasid.extract.ner.conll import spans
from rasid.extract.ner.features import Lexicon, split_clitic, word_form
from rasid.extract.ner.tagger import Tagger
from rasid.model import Mention
from rasid.text import split_sentences, tokenize

_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u0640]")
_TATWEEL_CLITIC = re.compile("^[وف]?[بلك]?\u0640+|^[وف]\u0640+")


def clitic_length(token: str, lex: Lexicon) -> int:
    """How many characters of ``token`` are an attached proclitic (with its marks) to leave out."""
    m = _TATWEEL_CLITIC.match(token)
    if m and m.end() < len(token):
        return m.end()
    clitic, _ = split_clitic(word_form(token), lex)
    if not clitic:
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


def mentions_in(text: str, tagger: Tagger) -> list[Mention]:
    """Tag every sentence of ``text`` and return its mentions with offsets into ``text``."""
    sents = [tokenize(s.text, s.start) for s in split_sentences(text)]
    sents = [s for s in sents if s]
    labels = tagger.tag([[t.text for t in s] for s in sents])
    out: list[Mention] = []
    for toks, labs in zip(sents, labels, strict=True):
        for i, j, kind in spans(labs):
            start = toks[i].start + clitic_length(toks[i].text, tagger.lexicon)
            end = toks[j - 1].end
            out.append(Mention(start=start, end=end, text=text[start:end], type=kind))
    return out
