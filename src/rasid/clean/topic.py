"""Whether a headline between paragraphs opens another story: a vocabulary test.

A page can carry a second, unrelated article glued after the first one's last paragraph with
nothing between them but its headline — no date, byline or related block. A subheading talks
about the story it sits in: its words are already in the paragraphs above, and the paragraph
after it usually goes on from them («وأضاف…», «من جهته…»). A new story's headline shares its
words with the lead below it and hardly any with the paragraphs above, and the lead opens
afresh. Openings that go on are data (``lang/ar/clean_continuation.txt``).
Words are compared by a rough key (normalised, clitics «و ب ل ف ال» and a final «ه/ات» cut)
with function and reporting words left out (``lang/ar/clean_stopwords.txt``).
"""

from __future__ import annotations

import re

from rasid.clean.cues import cues
from rasid.text.normalize import normalize

_TOKEN = re.compile(r"[^\W_]+")
_ARTICLE = ("وال", "بال", "كال", "فال", "ال")
_QUOTES = "«\"“'(*"

MIN_HEADLINE_WORDS = 5
MIN_HEADLINE_KEYS = 3
MAX_SHARED_ABOVE = 0.2
MIN_SHARED_LEAD = 0.5


def word_key(token: str) -> str | None:
    """A rough comparison key of one normalised word, None for function words and short words."""
    stop = cues().stopwords
    if token in stop:
        return None
    if token.isdigit():
        return token if len(token) >= 2 else None
    word = token
    if word.startswith("لل") and len(word) > 4:
        word = word[2:]
    else:
        for prefix in _ARTICLE:
            if word.startswith(prefix) and len(word) - len(prefix) >= 3:
                word = word[len(prefix):]
                break
        else:
            if word[0] in "وبلف" and len(word) > 4:
                word = word[1:]
    for suffix in ("ات", "ه"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) < 3 or word in stop:
        return None
    return word


def keys(text: str) -> set[str]:
    """The content-word keys of a text."""
    out: set[str] = set()
    for token in _TOKEN.findall(normalize(text).lower()):
        key = word_key(token)
        if key:
            out.add(key)
    return out


def continues(paragraph: str) -> bool:
    """Whether a paragraph goes on from the one before: it opens with the conjunction «و» or a
    connective («من جهته», «في المقابل», «كما»), so it cannot be the lead of a new story."""
    norm = normalize(paragraph).strip().lstrip("*-–—•· ").lower()
    words = _TOKEN.findall(norm)
    if not words:
        return False
    c = cues()
    first = words[0]
    if first.startswith("و") and len(first) >= 3 and first not in c.waw_words:
        return True
    joined = " ".join(words[:4])
    return any(joined == cue or joined.startswith(cue + " ") for cue in c.continuation)


def opens_new_story(headline: str, above: list[str], below: list[str]) -> bool:
    """Whether ``headline`` (between the paragraphs ``above`` and ``below``) heads another story.

    It does when it reads as a headline (five words or more, not a question, exclamation or
    quotation), at most a fifth of its content words occur in the paragraphs above, at least
    half occur in the first paragraph below (a lead restates its headline), and that paragraph
    does not go on from an earlier one (:func:`continues`).
    """
    text = headline.strip()
    if len(text.split()) < MIN_HEADLINE_WORDS or not below or text[-1] in "?؟!" or text[0] in _QUOTES:
        return False
    head = keys(text)
    if len(head) < MIN_HEADLINE_KEYS or continues(below[0]):
        return False
    shared_above = len(head & keys("\n".join(above))) / len(head)
    shared_lead = len(head & keys(below[0])) / len(head)
    return shared_above <= MAX_SHARED_ABOVE and shared_lead >= MIN_SHARED_LEAD
