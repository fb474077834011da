"""Arabic cue lists for cleaning, loaded once from the data files ``lang/ar/clean_*``.

Every list except the outlet table is stored in the matching form of
:func:`rasid.text.normalize.normalize` (a test checks it), so lines are normalised once and
compared directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rasid.errors import ModelError

DATA = Path(__file__).resolve().parent.parent / "lang" / "ar"


def _rows(name: str) -> list[list[str]]:
    """Non-comment, non-empty rows of a data file, split on tabs."""
    path = DATA / name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ModelError(f"cleaning data file missing: {exc}", source=str(path)) from exc
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@dataclass(frozen=True)
class Agency:
    """One way of writing a news agency: ``code`` (AFP, Reuters…), normalised ``variant``, ``kind``."""

    code: str
    variant: str
    kind: str


@dataclass(frozen=True)
class Outlet:
    """A news outlet: its domain, the Arabic name we show, and other names it goes by."""

    domain: str
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Cues:
    """All cue lists used by the cleaner."""

    boilerplate: tuple[str, ...]
    boilerplate_weak: tuple[str, ...]
    boilerplate_exact: frozenset[str]
    share: tuple[str, ...]
    menu: tuple[str, ...]
    related: frozenset[str]
    teaser: tuple[tuple[str, bool], ...]
    agencies: tuple[Agency, ...]
    credit_words: frozenset[str]
    months: dict[str, int]
    weekdays: frozenset[str]
    date_cues: tuple[tuple[str, str], ...]
    outlets: tuple[Outlet, ...]
    ui_en: frozenset[str]
    places: frozenset[str]
    counters: frozenset[str]
    byline: tuple[tuple[str, bool], ...]
    date_words: tuple[str, ...]
    byline_sources: frozenset[str]
    caption_prefix: tuple[str, ...]
    stopwords: frozenset[str]
    continuation: tuple[str, ...]
    waw_words: frozenset[str]


@lru_cache(maxsize=1)
def cues() -> Cues:
    """Load every cue list (cached: the files are read once per process)."""
    boiler = [r[0] for r in _rows("clean_boilerplate.txt")]
    teaser = [(r[0].rstrip(":").strip(), r[0].endswith(":")) for r in _rows("clean_teaser.txt")]
    outlets = []
    for r in _rows("clean_outlets.tsv"):
        aliases = tuple(a.strip() for a in r[2].split(",") if a.strip()) if len(r) > 2 else ()
        outlets.append(Outlet(r[0].strip(), r[1].strip(), aliases))
    return Cues(
        boilerplate=tuple(b for b in boiler if b[0] not in "=~"),
        boilerplate_weak=tuple(b[1:] for b in boiler if b.startswith("~")),
        boilerplate_exact=frozenset(b[1:] for b in boiler if b.startswith("=")),
        share=tuple(sorted((r[0] for r in _rows("clean_share.txt")), key=len, reverse=True)),
        menu=tuple(sorted((r[0] for r in _rows("clean_menu.txt")), key=len, reverse=True)),
        related=frozenset(r[0] for r in _rows("clean_related.txt")),
        teaser=tuple(sorted(teaser, key=lambda t: len(t[0]), reverse=True)),
        agencies=tuple(Agency(r[0], r[1], r[2].strip()) for r in _rows("clean_agencies.tsv")),
        credit_words=frozenset(r[0] for r in _rows("clean_credit_words.txt")),
        months={r[0]: int(r[1]) for r in _rows("clean_months.tsv")},
        weekdays=frozenset(r[0] for r in _rows("clean_weekdays.txt")),
        date_cues=tuple((r[0], r[1].strip()) for r in _rows("clean_date_cues.tsv")),
        outlets=tuple(outlets),
        ui_en=frozenset(r[0] for r in _rows("clean_ui_en.txt")),
        places=frozenset(r[0] for r in _rows("clean_places.txt")),
        counters=frozenset(r[0] for r in _rows("clean_counters.txt")),
        byline_sources=frozenset(r[0] for r in _rows("clean_byline_sources.txt")),
        date_words=tuple(sorted((r[0] for r in _rows("clean_date_words.txt")), key=len, reverse=True)),
        caption_prefix=tuple(r[0] for r in _rows("clean_caption_prefix.txt")),
        stopwords=frozenset(r[0].strip() for r in _rows("clean_stopwords.txt")),
        continuation=tuple(r[0].strip() for r in _rows("clean_continuation.txt") if not r[0].startswith("~")),
        waw_words=frozenset(r[0][1:].strip() for r in _rows("clean_continuation.txt") if r[0].startswith("~")),
        byline=tuple(sorted(((r[0].rstrip(":"), r[0].endswith(":")) for r in _rows("clean_byline.txt")),
                            key=lambda t: len(t[0]), reverse=True)),
    )
