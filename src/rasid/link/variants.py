"""Matching keys for names: normalisation, clitic stripping and transliteration folding.

Foreign names reach Arabic print in several spellings (ترامب/ترمب, جونغ/جونج/جون, البنتاغون/البنتاجون,
بيونغ يانغ/بيونغيانغ, زيلينسكي/زيلنسكي). Three keys of increasing reach are used:

* :func:`name_key` — the display text in matching form (rasid.text.normalize, punctuation dropped);
* :func:`fold` — also drops «ال» per token, hamza seats, غ/ج → ج, «نغ» → «ن», doubled letters;
  safe for Arabic names too, so it keys unknown entities;
* :func:`skeleton` — also folds g-letters (غ ج ق ك), «تش» → «ش» and drops medial long vowels; too
  coarse for Arabic names (محمد/محمود), so it is only used against foreign catalogue names.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rasid.text.normalize import normalize

_PUNCT = re.compile(r"[^\w\s]|_")
_SPACES = re.compile(r"\s+")
_DOUBLE = re.compile(r"(.)\1+")
_VOWELS = re.compile("[اوي]")
_HAMZA = str.maketrans({"ء": "", "ؤ": "و", "ئ": "ي", "ڤ": "ف", "پ": "ب", "چ": "ج", "گ": "ج"})
_G = str.maketrans({"غ": "ج", "ق": "ك", "ج": "ك", "ث": "ت", "ظ": "ز", "ذ": "د"})
_CLITIC_AL = ("وال", "فال", "بال", "كال")
_CLITIC_2 = ("ول", "وب", "فل", "فب", "وك")
_CLITIC_1 = ("و", "ف", "ب", "ل", "ك")


@lru_cache(maxsize=1 << 16)
def norm_word(word: str) -> str:
    """:func:`rasid.text.normalize.normalize` for one word, remembered (names and titles recur)."""
    return normalize(word)


def name_key(text: str) -> str:
    """The matching form of a name: «لـ«وكالة الأنباء»» → «ل وكاله الانباء», «كيم جونغ-أون» → «كيم جونغ اون»."""
    return _name_key(text) if len(text) < 120 else _SPACES.sub(" ", _PUNCT.sub(" ", normalize(text))).strip().lower()


@lru_cache(maxsize=1 << 16)
def _name_key(text: str) -> str:
    return _SPACES.sub(" ", _PUNCT.sub(" ", normalize(text))).strip().lower()


def strip_al(token: str) -> str:
    """Drop the article from a token long enough to carry one: «الدوما» → «دوما», «الي» stays."""
    return token[2:] if token.startswith("ال") and len(token) > 3 else token


@lru_cache(maxsize=65536)
def _fold_token(token: str) -> str:
    token = strip_al(token).translate(_HAMZA).replace("نغ", "ن")
    if token.endswith("نج") and len(token) > 3:
        token = token[:-1]
    token = token.replace("غ", "ج")
    return _DOUBLE.sub(r"\1", token) if len(token) >= 5 else token


@lru_cache(maxsize=1 << 16)
def fold(key: str) -> str:
    """Light transliteration folding: «البنتاغون» = «البنتاجون» → «بنتاجون»; «بيونغ يانغ» → «بيون يان»."""
    return " ".join(_fold_token(t) for t in key.split())


@lru_cache(maxsize=1 << 16)
def joined(key: str) -> str:
    """The folded key without spaces, so «بيونغ يانغ» meets «بيونغيانغ» and «عبد الله» meets «عبدالله»."""
    return fold(key).replace(" ", "")


@lru_cache(maxsize=65536)
def _skeleton_token(token: str) -> str:
    token = _fold_token(token).translate(_G).replace("تش", "ش")
    if len(token) > 1:
        token = token[0] + _VOWELS.sub("", token[1:])
        token = token[:-1] if token.endswith("ه") and len(token) > 2 else token
    return _DOUBLE.sub(r"\1", token)


@lru_cache(maxsize=1 << 16)
def skeleton(key: str) -> str:
    """Consonant skeleton per token: «ترامب» = «ترمب», «زيلينسكي» = «زيلنسكي», «تشوي سونغ هي» = «تشوي سون هوي»."""
    return " ".join(_skeleton_token(t) for t in key.split())


def skeleton_size(skel: str) -> int:
    """Letters in a skeleton; short skeletons (كابل = جباليا) are too weak to match on."""
    return len(skel.replace(" ", ""))


def clitic_variants(key: str) -> list[str]:
    """The key itself, then the forms it could have without attached proclitics.

    «وواشنطن» → [«وواشنطن», «واشنطن»]; «للقوات الاوكرانيه» → [«للقوات …», «القوات …», «لقوات …»];
    «بالكرملين» → [«بالكرملين», «الكرملين»]. Stray one-letter tokens («ل «وكالة») are dropped first.
    """
    return list(_clitic_variants(key))


@lru_cache(maxsize=1 << 16)
def _clitic_variants(key: str) -> tuple[str, ...]:
    tokens = key.split()
    while len(tokens) > 1 and tokens[0] in _CLITIC_1:
        tokens = tokens[1:]
    if not tokens:
        return (key,) if key else ()
    first, rest = tokens[0], tokens[1:]
    heads = [first]
    if first.startswith(_CLITIC_AL) and len(first) > 4:
        heads.append("ال" + first[3:])
    if first.startswith("لل") and len(first) > 3:
        heads.append("ال" + first[2:])
        heads.append(first[1:])
    if first.startswith(("ولل", "فلل")) and len(first) > 4:
        heads.append("ال" + first[3:])
    if first.startswith(_CLITIC_2) and len(first) > 4:
        heads.append(first[2:])
    if first.startswith(_CLITIC_1) and len(first) > 3:
        heads.append(first[1:])
    out: list[str] = []
    for head in heads:
        form = " ".join([head, *rest])
        if form not in out:
            out.append(form)
    return tuple(out)
