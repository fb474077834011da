"""Sentence splitting that respects Arabic punctuation and quotation marks.

Breaks after . ! ? ؟ … and at line breaks, but never inside «…», “…” or "…" quotes,
inside parentheses, or after a number's decimal point or an abbreviation dot (أ.ف.ب).
"""

from __future__ import annotations

from rasid.model import Span

_ENDERS = ".!?؟…"
_OPEN_CLOSE = {"«": "»", "“": "”", "(": ")", "[": "]", "﴿": "﴾"}
_CLOSERS = set(_OPEN_CLOSE.values())
_TRAILING = set("»”\"')]﴾")


def _is_abbreviation_dot(text: str, i: int) -> bool:
    """A dot between letters or digits with no space (أ.ف.ب, 1.5, U.S.) does not end a sentence."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isdigit() and after.isdigit():
        return True
    return not before.isspace() and not after.isspace() and after not in _TRAILING and after not in _ENDERS


def split_sentences(text: str) -> list[Span]:
    """Sentence spans over ``text``, each trimmed of surrounding white space."""
    spans: list[Span] = []
    depth: list[str] = []
    in_ascii_quote = False
    start = 0
    i = 0
    n = len(text)

    def close(end: int) -> None:
        nonlocal start
        s, e = start, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append(Span(s, e, text[s:e]))
        start = end

    while i < n:
        ch = text[i]
        if ch == "\n":
            depth.clear()
            in_ascii_quote = False
            close(i)
        elif ch in _OPEN_CLOSE:
            depth.append(_OPEN_CLOSE[ch])
        elif ch in _CLOSERS:
            if depth and depth[-1] == ch:
                depth.pop()
        elif ch == '"':
            in_ascii_quote = not in_ascii_quote
        elif ch in _ENDERS and not depth and not in_ascii_quote:
            if ch == "." and _is_abbreviation_dot(text, i):
                i += 1
                continue
            j = i + 1
            while j < n and (text[j] in _ENDERS or text[j] in _TRAILING):
                j += 1
            close(j)
            i = j
            continue
        i += 1
    close(n)
    return spans
