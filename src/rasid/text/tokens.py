"""Tokens with character offsets into the original text.

Arabic words, Latin words, numbers with their separators (10,000 · ١٢٫٥) and single
punctuation marks each become one token; nothing is rewritten, so ``text[t.start:t.end] == t.text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rasid.text.normalize import normalize

_DIGIT = r"[0-9\u0660-\u0669\u06f0-\u06f9]"
_TOKEN = re.compile(
    rf"{_DIGIT}+(?:[.,\u066b\u066c]{_DIGIT}+)*"  # numbers: 10,000  1.5  ١٢٫٥  10٬000
    r"|(?:[^\W\d_]|[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u200c\u200d])+"  # words, tashkeel kept
    r"|[^\s]",  # any other single mark
    re.UNICODE,
)


@dataclass(frozen=True)
class Token:
    """One token: its text and ``[start, end)`` offsets into the source string."""

    text: str
    start: int
    end: int

    @property
    def norm(self) -> str:
        """The matching form of the token (see :func:`rasid.text.normalize.normalize`)."""
        return normalize(self.text)


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split ``text`` into tokens; ``offset`` is added to every position (for sub-strings)."""
    return [Token(m.group(), m.start() + offset, m.end() + offset) for m in _TOKEN.finditer(text)]
