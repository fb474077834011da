"""What every rule shares: the candidate and context types and the words around a match.

``Ctx`` carries the matching form, the publication date, the lexicon and the original text;
``prev_words``/``next_word`` read the words around a match within its sentence; ``is_future``
looks for a future marker (سـ verb, سوف, من المقرر) before a weekday or date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from rasid.extract.timex.lexicon import Lexicon
from rasid.extract.timex.textmap import original_offset

_WORD = re.compile(r"\w+")
_NEXT = re.compile(r"\s*(\w+)")
_CLAUSE_END = re.compile(r"[.!?؟\n]")
_COMMA_END = re.compile(r"[.!?؟\n،,؛;:«»\"“”()]")
_DURATION_UNIT = {"S": ("T", "S", 1), "MIN": ("T", "M", 1), "H": ("T", "H", 1), "D": ("", "D", 1),
                  "W": ("", "W", 1), "M": ("", "M", 1), "Y": ("", "Y", 1), "DEC": ("", "Y", 10),
                  "CENT": ("", "Y", 100)}


@dataclass
class Cand:
    """A candidate time expression in matching-form offsets."""

    start: int
    end: int
    value: str | None
    kind: str
    rank: int = 0


@dataclass
class Ctx:
    """What every rule needs: the matching form, the publication date and the lexicon."""

    norm: str
    pub: date | None
    lex: Lexicon
    text: str = ""
    bounds: list[int] = field(default_factory=list)

    def original(self, i: int) -> str:
        """The original character at matching-form offset ``i``."""
        return self.text[original_offset(self.bounds, i)] if self.text else self.norm[i]


def strip_clitic(word: str) -> str:
    """A previous word without a leading و/ف: «وفي» → «في»."""
    return word[1:] if len(word) > 2 and word[0] in "وف" else word


def prev_words(ctx: Ctx, pos: int, n: int = 1, clause: bool = False) -> list[str]:
    """Up to ``n`` words before ``pos`` in the same sentence (or clause: no comma), nearest last."""
    left = ctx.norm[max(0, pos - 120):pos]
    stop = _COMMA_END if clause else _CLAUSE_END
    left = left[max((m.end() for m in stop.finditer(left)), default=0):]
    left = re.sub(r"\w+$", "", left)  # a clitic glued to the word at pos belongs to it
    return _WORD.findall(left)[-n:]


def next_word(ctx: Ctx, pos: int) -> tuple[str, int]:
    """The word right after ``pos`` and where it ends ('' when punctuation or the end comes first)."""
    m = _NEXT.match(ctx.norm, pos)
    return (m.group(1), m.end(1)) if m else ("", pos)


def duration(count: float | None, code: str) -> str | None:
    """An ISO 8601 duration: (32, 'M') → P32M, (24, 'H') → PT24H, (2, 'W') → P2W."""
    if count is None:
        return None
    t, letter, factor = _DURATION_UNIT[code]
    amount = count * factor
    text = str(int(amount)) if amount == int(amount) else str(amount)
    return f"P{t}{text}{letter}"


def def_key(word: str) -> str:
    """«لشهر» (after the preposition ل) → «الشهر»; other words unchanged."""
    word = re.sub(r"\s+", " ", word)
    return word if word.startswith("ال") else "ا" + word


def qual_direction(ctx: Ctx, q: str | None) -> str | None:
    """'past', 'next' or 'current' for a qualifier («الماضي», «المقبل», «الجاري»), else None."""
    return ctx.lex.cat("qual").get(re.sub(r"\s+", " ", q)) if q else None


def month_number(ctx: Ctx, name: str) -> int:
    """The number (1–12) of a month name in any naming system."""
    return ctx.lex.months[re.sub(r"\s+", " ", name)].number


def first_start(m: re.Match[str], *groups: str) -> int:
    """The start of the first group that matched, else the match start."""
    for g in groups:
        if m.group(g) is not None:
            return m.start(g)
    return m.start()


def _future_verb(ctx: Ctx, word: str) -> bool:
    """A سـ-prefixed imperfect verb («سيزور», «ستعقد»), not a look-alike noun or name."""
    word = strip_clitic(word)
    return (len(word) >= 4 and word[0] == "س" and word[1] in "يتن"
            and word not in ctx.lex.cat("not_future")
            and not word.startswith(tuple(ctx.lex.cat("not_future_prefix"))))


def is_future(ctx: Ctx, pos: int) -> bool:
    """A future marker (سـ verb, سوف, من المقرر) in the few words before ``pos`` in its clause."""
    words = prev_words(ctx, pos, 5, clause=True)
    joined = " ".join(words)
    if any(f in joined for f in ctx.lex.cat("future")):
        return True
    return any(_future_verb(ctx, w) for w in words)


def future_after(ctx: Ctx, start: int, end: int) -> bool:
    """A future verb right after a weekday: «الخميس سيكون …», «أن الأحد، سيكون …»."""
    if ctx.norm[end:end + 1] in ("،", ","):
        before = prev_words(ctx, start)
        if not before or before[-1] != "ان":
            return False
        end += 1
    return _future_verb(ctx, next_word(ctx, end)[0])


def future(ctx: Ctx, pos: int) -> str | None:
    """'next' when a future marker comes before ``pos``, else None."""
    return "next" if is_future(ctx, pos) else None
