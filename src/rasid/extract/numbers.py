"""Arabic number parsing: digits in three scripts, separators, and number words in every form.

Written by hand because no library reads Arabic cardinals as news writes them: Western,
Arabic-Indic (٠–٩) and Persian (۰–۹) digits with 10,000 · 10٬000 · 1.5 · ١٢٫٥ separators,
number words in all gender and case forms (ثلاثة آلاف، أحد عشر ألفًا، مئتين، نصف مليون) and
digits mixed with scale words (11 ألف، 2.5 مليون، ١٢ ألف). The words live in
``lang/ar/num_words.tsv``; every match is a span into the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rasid.errors import FormatError
from rasid.text.normalize import normalize
from rasid.text.tokens import Token, tokenize

_DATA = "rasid.lang.ar"
_CLITICS = ("و", "ف", "ب", "ل")
_AND = "و"
_TENS = {20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0}


norm_of = lru_cache(maxsize=200_000)(normalize)
"""The matching form of a token's text, cached: news text repeats the same words."""


@dataclass(frozen=True)
class NumberMatch:
    """A number found in text: ``value`` is None for vague amounts (آلاف، بضع مئات)."""

    start: int
    end: int
    value: float | None
    magnitude: float = 1.0  # the largest scale word used (1000 for «ألف»), for ranges
    vague: bool = False
    token_start: int = 0
    token_end: int = 0


def read_table(name: str, columns: int) -> list[list[str]]:
    """Rows of a tab-separated data file in ``lang/ar`` (comments and blank lines skipped)."""
    try:
        raw = resources.files(_DATA).joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:  # pragma: no cover - packaging error
        raise FormatError(f"language data file is missing: {exc}", source=name) from exc
    rows: list[list[str]] = []
    for lineno, line in enumerate(raw.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < columns:
            raise FormatError(f"line {lineno} has {len(cols)} columns, expected {columns}", source=name)
        rows.append(cols)
    return rows


@lru_cache(maxsize=1)
def number_words() -> dict[str, tuple[float, str]]:
    """Number word (matching form) → (value, kind) from ``num_words.tsv``."""
    return {w: (float(v), k) for w, v, k in read_table("num_words.tsv", 3)}


_DIGITS = re.compile(r"^[0-9\u0660-\u0669\u06f0-\u06f9]+(?:[.,\u066b\u066c][0-9\u0660-\u0669\u06f0-\u06f9]+)*$")


def parse_digits(token: str) -> float | None:
    """Value of a digit token: «10,000» → 10000, «١٢٫٥» → 12.5, «10٬000» → 10000, «1.5» → 1.5."""
    if not _DIGITS.match(token):
        return None
    s = normalize(token)
    parts = re.split(r"([.,\u066b\u066c])", s)
    digits, seps = parts[0::2], parts[1::2]
    if not seps:
        return float(digits[0])
    # Thousands groups: every separator followed by exactly three digits, all the same mark.
    if len(set(seps)) == 1 and seps[0] in ",\u066c." and all(len(d) == 3 for d in digits[1:]) \
            and (seps[0] != "." or len(seps) > 1):
        return float("".join(digits))
    if len(seps) == 1:
        return float(f"{digits[0]}.{digits[1]}")
    # 1,234.5 / 1.234,5 style: the last mark is the decimal one.
    return float("".join(digits[:-1]) + "." + digits[-1])


def word_forms(norm: str) -> list[str]:
    """Candidate dictionary forms of a token: itself, without a final accusative alef, without «و»."""
    forms = [norm]
    if norm.endswith("ا") and len(norm) > 3:
        forms.append(norm[:-1])
    if norm.startswith(_AND) and len(norm) > 2:
        rest = norm[1:]
        forms.append(rest)
        if rest.endswith("ا") and len(rest) > 3:
            forms.append(rest[:-1])
    return forms


def _lookup(norm: str, allow_and: bool) -> tuple[float, str, bool] | None:
    """(value, kind, had_and) for a number word, or None."""
    table = number_words()
    for form in word_forms(norm):
        had_and = form != norm and norm.startswith(_AND) and not form.startswith(_AND) and norm[1:].startswith(form)
        if had_and and not allow_and:
            continue
        if form in table:
            value, kind = table[form]
            return value, kind, had_and
    return None


def _one_counts(tokens: list[Token], j: int) -> bool:
    """«أحد» is a number only before «عشر» or a joined ten (واحد وعشرون); else it is «one of»."""
    if j + 1 >= len(tokens):
        return False
    nxt = norm_of(tokens[j + 1].text)
    if nxt.startswith("عشر"):
        return True
    hit = _lookup(nxt, allow_and=True)
    return bool(hit and hit[2] and hit[0] in _TENS)


class _Acc:
    """Accumulates a cardinal from its parts: total of scaled groups plus the current group."""

    def __init__(self) -> None:
        self.total = 0.0
        self.current = 0.0
        self.last_scale = 1.0
        self.magnitude = 1.0
        self.vague = False
        self.has_value = False
        self.scale_end = 0

    def value(self) -> float:
        return self.total + self.current


def _scan_at(tokens: list[Token], i: int) -> NumberMatch | None:
    """The longest number starting at token ``i`` (or None)."""
    acc = _Acc()
    j = i
    end_tok = i
    n = len(tokens)
    while j < n:
        tok = tokens[j]
        digit = parse_digits(tok.text)
        if digit is not None:
            if acc.has_value and acc.current:  # two bare numbers in a row: stop
                break
            if acc.has_value and j != i and norm_of(tokens[j - 1].text) != _AND:
                break
            acc.current = digit
            acc.has_value = True
            end_tok = j + 1
            j += 1
            continue
        if norm_of(tok.text) == _AND and j > i and j + 1 < n:
            nxt = tokens[j + 1]
            if parse_digits(nxt.text) is not None or _lookup(norm_of(nxt.text), False) is not None:
                j += 1
                continue
            break
        hit = _lookup(norm_of(tok.text), allow_and=True)
        if hit is None and acc.vague and norm_of(tok.text).startswith("ال"):
            inner = _lookup(norm_of(tok.text)[2:], allow_and=False)  # عشرات الآلاف، مئات الملايين
            if inner is not None and inner[1] == "mult_pl":
                acc.magnitude = max(acc.magnitude, inner[0])
                end_tok = j + 1
                j += 1
                continue
        if hit is None:
            break
        value, kind, had_and = hit
        joined = had_and or (j > i and norm_of(tokens[j - 1].text) == _AND)
        if kind == "one":  # أحد/إحدى/واحد count only in «أحد عشر» and «واحد وعشرون»
            if acc.has_value or not _one_counts(tokens, j):
                break
            kind = "num"
        if kind == "num":
            if acc.has_value:
                if joined:
                    ok = acc.current == 0 or (acc.current < 10 and value in _TENS) \
                        or (acc.current >= 100 and acc.current % 100 == 0 and value < 100)
                else:
                    ok = value == 10 and 0 < acc.current < 10
                if not ok:
                    break
            acc.current += value
            acc.has_value = True
        elif kind == "hundred":
            acc.current = acc.current * 100 if 0 < acc.current < 10 else acc.current + 100
            acc.has_value = True
            acc.magnitude = max(acc.magnitude, 100)
        elif kind in ("mult", "mult_pl"):
            if acc.total and value >= acc.last_scale and acc.scale_end:
                # «3 ملايين و14 مليونا»: a second number, not one: stop after the first scale
                end_tok, acc.current = acc.scale_end, 0
                break
            if not acc.has_value and not acc.vague and kind == "mult_pl":
                acc.vague = True
            if acc.vague:
                acc.magnitude = max(acc.magnitude, value)
            else:
                acc.total += (acc.current or 1) * value
                acc.current = 0
                acc.has_value = True
            acc.last_scale = value
            acc.magnitude = max(acc.magnitude, value)
            acc.scale_end = j + 1
        elif kind == "dual":
            if acc.has_value and acc.current:
                break
            acc.total += value
            acc.has_value = True
            acc.last_scale = value / 2
            acc.magnitude = max(acc.magnitude, value / 2)
        elif kind == "frac":
            if acc.has_value and acc.current == 0 and acc.total:
                acc.total += value * acc.last_scale  # مليون ونصف
            else:
                acc.current += value  # نصف مليون
            acc.has_value = True
        elif kind == "vague":
            if acc.has_value:
                break
            acc.vague = True
            acc.magnitude = max(acc.magnitude, value or 1)
        end_tok = j + 1
        j += 1
    if end_tok == i or (not acc.has_value and not acc.vague):
        return None
    first = tokens[i]
    start = first.start
    if norm_of(first.text).startswith(_AND) and parse_digits(first.text) is None and _lookup(norm_of(first.text), False) is None:
        start += 1  # «وعشرة آلاف»: the span starts after the conjunction
    result = None if acc.vague and not acc.has_value else acc.value()
    return NumberMatch(start, tokens[end_tok - 1].end, result, acc.magnitude, result is None, i, end_tok)


def scan_numbers(text: str, tokens: list[Token] | None = None) -> list[NumberMatch]:
    """Every number and vague amount in ``text``, longest match first, left to right."""
    toks = tokens if tokens is not None else tokenize(text)
    out: list[NumberMatch] = []
    i = 0
    while i < len(toks):
        m = _scan_at(toks, i)
        if m is None:
            i += 1
            continue
        out.append(m)
        i = m.token_end
    return out


def find_numbers(text: str) -> list[tuple[int, int, float]]:
    """``(start, end, value)`` for every number with a definite value in ``text``."""
    return [(m.start, m.end, m.value) for m in scan_numbers(text) if m.value is not None]


def parse_number(text: str) -> float | None:
    """The value of ``text`` when the whole string is one number («أحد عشر ألفًا» → 11000), else None."""
    toks = tokenize(text.strip())
    if not toks:
        return None
    m = _scan_at(toks, 0)
    if m is None or m.token_end != len(toks):
        return None
    return m.value
