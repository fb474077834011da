"""The Arabic time lexicon, read from ``rasid/lang/ar/time_*.tsv``.

Month names in every naming system (Egyptian/Gulf, Maghrebi, Levantine/Iraqi, Hijri), weekdays,
units of duration, number words and cue words. Entries are stored in the matching form of
:func:`rasid.text.normalize.normalize`; a file that cannot be read raises :class:`FormatError`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rasid.errors import FormatError

LANG_DIR = Path(__file__).resolve().parents[2] / "lang" / "ar"
FILES = ("time_months.tsv", "time_weekdays.tsv", "time_units.tsv", "time_numbers.tsv", "time_words.tsv")


@dataclass(frozen=True)
class Month:
    """One month name: its naming system, number and how far it is also a common word
    (0 never; 1 needs a cue; 2 needs a day, a year, a gloss or a qualifier)."""

    system: str
    number: int
    ambiguous: int


@dataclass(frozen=True)
class Unit:
    """One form of a unit of time: the unit code (S MIN H D W M Y DEC CENT) and its count."""

    code: str
    count: int


@dataclass
class Lexicon:
    """Every table the time patterns are built from."""

    months: dict[str, Month] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)
    units: dict[str, Unit] = field(default_factory=dict)
    numbers: dict[str, int] = field(default_factory=dict)
    words: dict[str, dict[str, str]] = field(default_factory=dict)

    def cat(self, category: str) -> dict[str, str]:
        """The cue words of one category of ``time_words.tsv`` (form → value)."""
        return self.words.get(category, {})


def read_rows(name: str, columns: int) -> list[list[str]]:
    """The non-comment rows of one lexicon file, each with exactly ``columns`` fields."""
    path = LANG_DIR / name
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise FormatError(f"cannot read the time lexicon: {exc}", source=str(path)) from exc
    rows: list[list[str]] = []
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        parts += [""] * (columns - len(parts))
        if len(parts) != columns or not parts[0]:
            raise FormatError(f"line {number}: expected {columns} tab-separated fields", source=str(path))
        rows.append(parts)
    return rows


def _int(value: str, name: str) -> int:
    """A numeric field, or a FormatError naming the file."""
    try:
        return int(value)
    except ValueError as exc:
        raise FormatError(f"not a number: {value!r}", source=str(LANG_DIR / name)) from exc


@lru_cache(maxsize=1)
def load() -> Lexicon:
    """Read every table once (cached)."""
    lex = Lexicon()
    for name, system, number, ambiguous in read_rows("time_months.tsv", 4):
        lex.months[name] = Month(system, _int(number, "time_months.tsv"), _int(ambiguous, "time_months.tsv"))
    for name, number in read_rows("time_weekdays.tsv", 2):
        lex.weekdays[name] = _int(number, "time_weekdays.tsv")
    for form, code, count in read_rows("time_units.tsv", 3):
        lex.units[form] = Unit(code, _int(count, "time_units.tsv"))
    for word, number in read_rows("time_numbers.tsv", 2):
        lex.numbers[word] = _int(number, "time_numbers.tsv")
    for category, form, value in read_rows("time_words.tsv", 3):
        lex.words.setdefault(category, {})[form] = value
    return lex
