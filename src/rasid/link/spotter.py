"""Catalogue spotting: mentions of known entities that the statistical tagger missed.

The tagger is trained on ANERcorp, whose annotation leaves out much of what news analysts follow
(«الغرب», «القوات الأوكرانية», «مجلس الدوما»), and its recall on foreign names is the weak side. The
catalogue (curated entities and countries) already lists those names with their spellings, so the
text is scanned for them: longest match first, folded spellings (جونغ/جون, غ/ج), attached
proclitics kept outside the span («وللقوات» → «القوات …»). Where a catalogue name covers tagger
mentions entirely («يون سوك» inside «يون سوك يول») the longer name replaces them; where they only
partly overlap, the tagger's mention is kept. A tagger mention with exactly a catalogue name's span
takes the catalogue's type when the name means one type only («بيونغ يانغ» tagged PER → LOC).
Compiled cities are left out: many are everyday words («صور», «الأمل»); so is a one-word name that
carries the article when the word comes without it («قاعدة» is a base, not «القاعدة»), and a state
institution right after a title word («وزير» + «الخارجية الروسي» is the minister). Organisations
written without their country («مجلس النواب») are spotted too; the linker decides what they are.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import pairwise

from rasid.link.gazetteer import catalogue
from rasid.link.variants import clitic_variants, fold, name_key, norm_word
from rasid.model import Mention
from rasid.text import tokenize
from rasid.text.tokens import Token

#: Longest alias, in tokens, that the scan tries.
MAX_TOKENS = 6
#: Single-word aliases shorter than this are too ambiguous to spot without the tagger.
MIN_SINGLE = 4


@lru_cache(maxsize=1)
def _exact() -> frozenset[str]:
    """Aliases in plain matching form (unfolded), to tell a clitic from a doubled letter («ووزارة»)."""
    return frozenset(name_key(a) for e in catalogue().entries.values() for a in e.aliases)


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    """Folded alias → entity type, for curated entries and countries."""
    cat = catalogue()
    out: dict[str, str] = {}
    for entry in cat.entries.values():
        if entry.level == "city" and not entry.curated:
            continue
        for alias in entry.aliases:
            plain = name_key(alias)
            key = fold(plain)
            if not key or (" " not in key and len(plain) < MIN_SINGLE):
                continue
            out.setdefault(key, entry.type)
    for key in cat.bare:  # «مجلس النواب»: a mention, linked only where the context decides
        out.setdefault(key, "ORG")
    return out


@lru_cache(maxsize=1)
def _bare() -> frozenset[str]:
    """Folded one-word names that some alias writes without the article: «القاعدة» is not among them,
    so the common noun «قاعدة» (a base) is not taken for it."""
    return frozenset(fold(plain) for e in catalogue().entries.values() for a in e.aliases
                     if " " not in (plain := name_key(a)) and not plain.startswith("ال"))


def _found(variant: str, n: int, index: dict[str, str]) -> str | None:
    """The folded index key ``variant`` matches, if any; one word needs its article where the name has one."""
    key = fold(variant)
    if key not in index or (n == 1 and not variant.startswith("ال") and key not in _bare()):
        return None
    return key


@lru_cache(maxsize=1)
def _types() -> dict[str, frozenset[str]]:
    """Folded alias → every entity type it names (one type: the name says what it is)."""
    cat = catalogue()
    out: dict[str, set[str]] = {}
    for entry in cat.entries.values():
        for alias in entry.aliases:
            out.setdefault(fold(name_key(alias)), set()).add(entry.type)
    return {k: frozenset(v) for k, v in out.items()}


def catalogue_names() -> frozenset[str]:
    """Every folded name the scan looks for (see :func:`rasid.link.variants.fold`)."""
    return frozenset(_index())


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """Folded first words of every alias and institution head: a word outside it starts no name."""
    words = {key.split()[0] for key in _index()}
    words.update(fold(head).split()[0] for head in catalogue().heads if fold(head))
    return frozenset(words)


@lru_cache(maxsize=1 << 16)
def _may_start(word: str) -> bool:
    first = _first_words()
    return any(fold(v) in first for v in clitic_variants(norm_word(word)))


def add_catalogue_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` plus the catalogue names found in ``text``, sorted by position (see module doc)."""
    index = _index()
    tokens = [t for t in tokenize(text) if any(ch.isalpha() for ch in t.text)]
    kept = list(mentions)
    i = 0
    while i < len(tokens):
        if not _may_start(tokens[i].text):
            i += 1
            continue
        hit = None
        for n in range(min(MAX_TOKENS, len(tokens) - i), 0, -1):
            window = tokens[i:i + n]
            if any(text[a.end:b.start].strip() for a, b in pairwise(window)):
                continue  # never across punctuation
            key = name_key(text[window[0].start:window[-1].end])
            folded = next((f for v in clitic_variants(key) if (f := _found(v, n, index))), None)
            etype = index[folded] if folded else None
            if etype is None and n > 1 and not _after_title(text, tokens, i) and any(
                    _institution(v) for v in clitic_variants(key)):
                etype = "ORG"
            if etype is not None:
                hit = (n, key, etype, folded)
                break
        if hit is None:
            i += 1
            continue
        n, key, etype, folded = hit
        start, end = tokens[i].start, tokens[i + n - 1].end
        start += _strip_length(text[start:end], index, key)
        overlapping = [m for m in kept if m.start < end and start < m.end]
        same = [m for m in overlapping if (m.start, m.end) == (start, end)]
        if same:
            if folded and same[0].type != etype and _types().get(folded) == {etype}:
                kept[kept.index(same[0])] = Mention(start, end, same[0].text, etype)  # «بيونغ يانغ» tagged PER
        elif all(start <= m.start and m.end <= end for m in overlapping):
            kept = [m for m in kept if m not in overlapping]
            kept.append(Mention(start, end, text[start:end], etype))
        i += n
    return sorted(kept, key=lambda m: m.start)


def _after_title(text: str, tokens: list[Token], i: int) -> bool:
    """True when the word before ``tokens[i]`` makes a title with it: «وزير» + «الخارجية الروسي» is
    the minister, not the ministry."""
    if i == 0 or text[tokens[i - 1].end:tokens[i].start].strip():
        return False
    titles = catalogue().titles
    head = norm_word(tokens[i].text)
    return any(f"{v} {head}" in titles for v in clitic_variants(norm_word(tokens[i - 1].text)))


def _institution(key: str) -> bool:
    """«القوات الاوكرانيه», «وزاره خارجيه كوريا الشماليه»: a state institution head plus its country."""
    cat = catalogue()
    words = key.split()
    for n in range(len(words) - 1, 0, -1):
        if " ".join(words[:n]) in cat.heads:
            tail = " ".join(words[n:])
            return bool(cat.nationality_of(tail) or cat.country_of(tail))
    return False


def _strip_length(surface: str, index: dict[str, str], key: str) -> int:
    """Characters of proclitics to drop from the front of ``surface``: «وللقوات …» → 3 («القوات»).

    Exact spellings are tried before folded ones, since folding merges doubled letters («ووزارة»).
    """
    first = surface.split()[0]
    rest = key.split()[1:]
    cuts = range(0, min(4, len(first) - 1))
    tests = (lambda k: k in _exact() or _institution(k), lambda k: fold(k) in index)
    for test in tests:
        for cut in cuts:
            head = norm_word(first[cut:])
            for cand in (head, "ال" + head[1:] if head.startswith("ل") and cut else None):
                if cand and test(" ".join([cand, *rest])):
                    return cut
    return 0
