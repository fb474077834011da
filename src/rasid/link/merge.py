"""Linking inside one article: short forms, bare names, bracketed aliases, spelling variants.

What the catalogue could not link is matched against the other mentions of the same article: «بوتين»
joins «فلاديمير بوتين», «مجلس النواب» joins «مجلس النواب الروسي», «(قسد)» joins the name before it.
Where several people could be meant, the title and nationality next to the mention decide, or it
stays unlinked: different people are never merged.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from rasid.link.gazetteer import Catalogue
from rasid.link.variants import fold, skeleton
from rasid.model import Mention

_OPEN = re.compile(r"\s*[(«\"]\s*")
_CLOSE = (")", "»", '"')
#: Types the tagger confuses with each other, which may still name one entity in apposition.
_ORG_MISC = frozenset({"ORG", "MISC"})


@dataclass
class Item:
    """One mention while it is being linked."""

    mention: Mention
    variants: list[str]
    roles: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    target: str | None = None
    form: str = ""
    ambiguous: bool = False
    #: the string the mention's offsets index into (the article text, or a caption or byline) and
    #: which one it is: ("text", 0), ("caption", 2), …
    source: str = ""
    origin: tuple[str, int] = ("text", 0)

    @property
    def type(self) -> str:
        return self.mention.type

    @property
    def tokens(self) -> list[str]:
        return (self.form or self.variants[0]).split()


def _subsequence(short: list[str], long: list[str]) -> bool:
    """True when ``short`` is ``long`` with some words left out, in order."""
    it = iter(long)
    return all(word in it for word in short)


def _same_syllables(a: list[str], b: list[str]) -> bool:
    """Two multi-word names whose words are equal when folded, or equal in skeleton where that is safe:
    short syllables (سون/سونغ، هي/هوي) or long foreign words (زيلينسكي/زيلنسكي, five consonants or more);
    four-consonant Arabic names that differ in a long vowel are different names (محمد/محمود)."""
    if len(a) != len(b) or len(a) < 2:
        return False
    for x, y in zip(a, b, strict=True):
        fx, fy = fold(x), fold(y)
        if fx != fy and not (skeleton(fx) == skeleton(fy) and (max(len(fx), len(fy)) <= 3
                                                            or len(skeleton(fx)) >= 5)):
            return False
    return True


class ArticleMerger:
    """The in-article rules; ``particles`` are name words that join a neighbour (عبد، أبو، الله)."""

    def __init__(self, cat: Catalogue, particles: dict[str, str]) -> None:
        self.cat = cat
        self.particles = particles

    def merge(self, items: list[Item]) -> None:
        """Link what the catalogue left open using the other mentions of the article."""
        def single(i: Item) -> bool:
            return i.type == "PER" and len(self._units(i.tokens)) == 1

        unknown = [i for i in items if i.target is None and not single(i)]
        for item in unknown:
            item.target = f"unk:{item.type}:{fold(item.form)}"
        for item in sorted(unknown, key=lambda i: -len(i.tokens)):
            self._match_longer(item, items)
        self._merge_skeletons([i for i in unknown if i.target and i.target.startswith("unk:PER:")])
        self._merge_appositions(items)
        for item in items:
            if single(item):
                self._match_short(item, items)
                if item.target is None and not item.ambiguous:
                    item.target = f"unk:{item.type}:{fold(item.form)}"

    def _match_longer(self, item: Item, items: list[Item]) -> None:
        """An unknown name that is another mention's name minus a nationality or country joins it
        («مجلس النواب» → «مجلس النواب الروسي»), as does a 3+ word name missing one word of another
        («الغزو الروسي لأوكرانيا» → «الغزو الروسي الشامل لأوكرانيا»); only when one entity fits."""
        found: set[str] = set()
        for n, variant in enumerate(item.variants):
            mine = fold(variant).split()
            for other in items:
                if other is item or other.target is None or (other.type == "PER") != (item.type == "PER"):
                    continue
                for form in {*other.variants, other.form}:
                    if item.type == "PER" and not (n > 0 and [fold(w) for w in form.split()] == mine):
                        continue
                    if self._extends(mine, form.split(), stripped=n > 0):
                        found.add(other.target)
            if found:
                break
        found.discard(item.target or "")
        if len(found) == 1:
            item.target = found.pop()

    def _extends(self, mine: list[str], words: list[str], stripped: bool) -> bool:
        theirs = [fold(w) for w in words]
        if stripped and theirs == mine:
            return True
        if len(theirs) <= len(mine):
            return False
        tail = " ".join(words[len(mine):])
        if theirs[:len(mine)] == mine and (self.cat.nationality_of(tail) or self.cat.country_of(tail)):
            return True
        return len(mine) >= 3 and len(theirs) == len(mine) + 1 and _subsequence(mine, theirs)

    def _merge_appositions(self, items: list[Item]) -> None:
        """A short unknown name in brackets right after a name is another name of it:
        «مجلس النواب الروسي «الدوما»», «قوات سوريا الديمقراطية (قسد)»; both in the same text."""
        ordered = sorted(items, key=lambda i: (i.origin, i.mention.start))
        for a, b in pairwise(ordered):
            text = a.source
            if (a.origin == b.origin and a.target and b.target and b.target.startswith("unk:")
                    and (a.type == b.type != "PER" or {a.type, b.type} <= _ORG_MISC) and len(b.tokens) <= 3
                    and _OPEN.fullmatch(text[a.mention.end:b.mention.start])
                    and text[b.mention.end:b.mention.end + 1] in _CLOSE):
                old = b.target
                for item in items:
                    if item.target == old:
                        item.target = a.target

    def _merge_skeletons(self, items: list[Item]) -> None:
        """Unknown multi-word names of one person spelled two ways (تشوي سونغ هي / تشوي سون هوي);
        see :func:`_same_syllables` for which differences are allowed."""
        merged: list[list[Item]] = []
        for item in items:
            for group in merged:
                if _same_syllables(group[0].tokens, item.tokens):
                    group.append(item)
                    break
            else:
                merged.append([item])
        for group in merged:
            forms = Counter(i.target or "" for i in group)
            best = max(forms, key=lambda f: (forms[f], len(f), f))
            for item in group:
                item.target = best

    def _match_short(self, item: Item, items: list[Item]) -> None:
        """A one-word PER mention joins the longer name of the article it shortens, if only one fits."""
        own = item.target
        candidates: dict[str, list[Item]] = {}
        for variant in item.variants:
            word = fold(variant)
            if variant in self.particles or len(self._units(variant.split())) != 1:
                continue
            for other in items:
                words = [fold(w) for w in self._units(other.tokens)]
                if other.type == "PER" and other.target and len(words) > 1 and word in (words[0], words[-1]):
                    candidates.setdefault(other.target, []).append(other)
            if candidates:
                item.form = variant
                break
        if own:
            candidates.setdefault(own, [])
        if len(candidates) == 1:
            item.target = next(iter(candidates))
            return
        fits = [t for t, group in candidates.items() if self._fits(item, t, group)]
        item.target = fits[0] if len(fits) == 1 and (item.roles or item.countries) else None
        item.ambiguous = item.target is None and bool(candidates)

    def _units(self, words: list[str]) -> list[str]:
        """Name words with particles kept on their word: «حسن نصر الله» → [حسن، نصر الله]."""
        units: list[str] = []
        for word in words:
            kind = self.particles.get(word)
            if units and (kind == "joins_previous" or self.particles.get(units[-1]) == "joins_next"):
                units[-1] = f"{units[-1]} {word}"
            else:
                units.append(word)
        return units

    def _fits(self, item: Item, target: str, group: list[Item]) -> bool:
        roles = {r for g in group for r in g.roles}
        countries = {c for g in group for c in g.countries}
        if target.startswith("cat:"):
            entry = self.cat.entries[target[4:]]
            roles.update([entry.role] if entry.role else [])
            countries.update([entry.country] if entry.country else [])
        if item.countries and not set(item.countries) & countries:
            return False
        mine = {r.removeprefix("former ") for r in item.roles}
        return not mine or any(r in c for r in mine for c in roles)
