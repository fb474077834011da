"""The matching form of a text with a map back to the original offsets.

Patterns run over :func:`rasid.text.normalize.normalize` applied letter by letter; tashkeel,
tatweel and bidi marks are dropped, and the positions of the dropped characters map spans found
in the matching form back to the original characters.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from rasid.text.normalize import normalize

_TRAILING = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u0640]")


_TABLE: dict[int, str | None] = {}
_DROPPED: dict[str, re.Pattern[str]] = {}


def _table_for(text: str) -> dict[int, str | None]:
    """The translation table (extended with any new characters of ``text``): one character in,
    one or none out."""
    for ch in set(text) - {chr(c) for c in _TABLE}:
        mapped = normalize(ch)
        _TABLE[ord(ch)] = mapped[:1] or None
    return _TABLE


def matching_form(text: str) -> tuple[str, list[int]]:
    """``(form, bounds)``: the matching form, and for each dropped character the form offset from
    which original offsets shift by one more (see :func:`original_offset`)."""
    form = text.translate(_table_for(text))
    if len(form) == len(text):
        return form, []
    dropped = _dropped()
    return form, [m.start() - k for k, m in enumerate(dropped.finditer(text))]


def _dropped() -> re.Pattern[str]:
    """A character class of every character the matching form drops (grows with the table)."""
    chars = "".join(sorted(chr(c) for c, v in _TABLE.items() if v is None))
    cached = _DROPPED.get(chars)
    if cached is None:
        cached = re.compile("[" + re.escape(chars) + "]")
        _DROPPED.clear()
        _DROPPED[chars] = cached
    return cached


def original_offset(bounds: list[int], i: int) -> int:
    """The original offset of matching-form offset ``i``."""
    return i + bisect_right(bounds, i)


def original_span(text: str, bounds: list[int], start: int, end: int) -> tuple[int, int]:
    """The original ``[start, end)`` of the matching-form span ``[start, end)``, taking in the
    tashkeel and tatweel that follow its last letter («أياماً», «هـ»)."""
    stop = original_offset(bounds, end - 1) + 1
    while stop < len(text) and _TRAILING.match(text[stop]):
        stop += 1
    return original_offset(bounds, start), stop
