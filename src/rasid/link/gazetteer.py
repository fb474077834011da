"""The catalogue the linker matches against: entries, name indexes, titles, nationalities, institutions.

Loaded once, lazily, from the packaged tables in rasid/lang/ar/ (nothing is read at import time).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rasid.link.curated import Entry, load_entries, load_nationalities, read_tsv
from rasid.link.variants import fold, joined, name_key, norm_word, skeleton, skeleton_size


@dataclass(frozen=True)
class Title:
    """A title or role word: its English role and whether it takes a genitive («construct»)."""

    role: str
    construct: bool


def skeleton_ok(skel: str) -> bool:
    """Skeletons long enough to identify a name: 5 letters for one word, 4 across several."""
    return skeleton_size(skel) >= (4 if " " in skel else 5)


class Catalogue:
    """Name indexes over the catalogue entries plus the small word tables used around names."""

    def __init__(self, exclude: Iterable[str] = ()) -> None:
        """Load the tables; ``exclude`` leaves out entries by key (to measure linking without them)."""
        skip = set(exclude)
        self.entries: dict[str, Entry] = {k: e for k, e in load_entries().items() if k not in skip}
        self.nationality: dict[str, str] = load_nationalities()
        titles = read_tsv("titles.tsv")
        self.titles: dict[str, Title] = {
            r["title"]: Title(r["role"], r["form"] == "construct") for r in titles if r["form"] != "modifier"}
        self.modifiers: dict[str, str] = {r["title"]: r["role"] for r in titles if r["form"] == "modifier"}
        self.heads: dict[str, tuple[str, str]] = {
            r["head"]: (r["slug"], r["name_en"]) for r in read_tsv("institutions.tsv")}
        self.by_fold: dict[str, set[str]] = {}
        self.by_skeleton: dict[str, set[str]] = {}
        self.by_inst: dict[tuple[str, str], str] = {}
        self.countries: dict[str, str] = {}
        for entry in self.entries.values():
            self._index(entry)
        self.bare: dict[str, set[str]] = {}
        for entry in self.entries.values():
            self._index_bare(entry)

    def _index(self, entry: Entry) -> None:
        for alias in entry.aliases:
            key = name_key(alias)
            if not key:
                continue
            self.by_fold.setdefault(fold(key), set()).add(entry.key)
            if " " in key:
                self.by_fold.setdefault(joined(key), set()).add(entry.key)
            if entry.foreign and skeleton_ok(skel := skeleton(key)):
                self.by_skeleton.setdefault(skel, set()).add(entry.key)
            if entry.level == "country" and entry.country:
                self.countries.setdefault(fold(key), entry.country)
        if entry.inst:
            slug, _, iso = entry.inst.partition(":")
            self.by_inst[(slug, iso)] = entry.key

    def _index_bare(self, entry: Entry) -> None:
        """Organisation names without their country («مجلس النواب الروسي» → «مجلس النواب»): ambiguous
        alone, so kept apart from the names and linked only where the article's context decides."""
        if not (entry.curated and entry.type == "ORG" and entry.country):
            return
        for alias in entry.aliases:
            words = name_key(alias).split()
            for n in (2, 1):
                tail = " ".join(words[-n:])
                if len(words) - n >= 2 and (self.nationality_of(tail) or self.country_of(tail)) == entry.country:
                    key = fold(" ".join(words[:-n]))
                    if key not in self.by_fold:
                        self.bare.setdefault(key, set()).add(entry.key)
                    break

    def lookup(self, key: str) -> list[Entry]:
        """Entries whose name matches ``key`` (a :func:`name_key`): folded, joined, then skeleton form."""
        found = self.by_fold.get(fold(key)) or self.by_fold.get(joined(key))
        if not found:
            skel = skeleton(key)
            found = self.by_skeleton.get(skel) if skeleton_ok(skel) else None
        return [self.entries[k] for k in sorted(found or ())]

    def country_of(self, key: str) -> str | None:
        """The ISO code of a country named by ``key`` («كوريا الشماليه» → KP), else None."""
        return self.countries.get(fold(key))

    def nationality_of(self, words: str) -> str | None:
        """The ISO code of a nationality adjective in matching form («الكوريين الشماليين» → KP)."""
        return self.nationality.get(words) or self.nationality.get(norm_word(words))

    def country_name_en(self, iso: str) -> str:
        """English name of a country code, for institution names («Armed Forces of Ukraine»)."""
        entry = self.entries.get(f"country:{iso}")
        return entry.name_en if entry else iso


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    """The shared catalogue, built on first use."""
    return Catalogue()
