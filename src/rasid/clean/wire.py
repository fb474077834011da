"""News agencies: which ones an article's text relies on (wire) and which took its photos (credits).

Agency names and their Arabic variants are data (``lang/ar/clean_agencies.tsv``). Full names
(«وكالة الصحافة الفرنسية», «رويترز») count anywhere in body text, with a proclitic (و، ف، ل، ب،
لـ) allowed; abbreviations («أ ف ب», «إ.ب.أ») count only inside parentheses or as a byline part,
because bare letters match too much.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rasid.clean.cues import cues
from rasid.text.normalize import normalize

_LETTER = r"[^\W\d_]"
_SPLIT = re.compile(r"\s*[\-–—/|،,+:]\s*")


@lru_cache(maxsize=1)
def _name_pattern() -> re.Pattern[str]:
    names = sorted({a.variant for a in cues().agencies if a.kind == "name"}, key=len, reverse=True)
    alt = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<!{_LETTER})(?:[وفلب]|ول|وب|فل)?«?({alt})(?!{_LETTER})")


@lru_cache(maxsize=1)
def _codes() -> dict[str, str]:
    """Normalised variant (lower case) → agency code, for every variant."""
    return {a.variant.lower(): a.code for a in cues().agencies}


def agency_code(part: str) -> str | None:
    """The agency code of a credit or byline part written in full or abbreviated («أ.ف.ب» → AFP)."""
    norm = normalize(part).strip(" «»\"'“”().:").lower()
    codes = _codes()
    if norm in codes:
        return codes[norm]
    squeezed = re.sub(r"[\s.]+", " ", norm).strip()
    for variant, code in codes.items():
        if re.sub(r"[\s.]+", " ", variant).strip() == squeezed:
            return code
    return None


def wire_in_text(text: str) -> list[str]:
    """Agency codes cited in body text, in order of first mention."""
    norm = normalize(text)
    hits: list[tuple[int, str]] = []
    codes = _codes()
    for m in _name_pattern().finditer(norm):
        hits.append((m.start(), codes[m.group(1).lower()]))
    for m in re.finditer(r"\(([^()]{1,20})\)", norm):
        code = agency_code(m.group(1))
        if code:
            hits.append((m.start(), code))
    out: list[str] = []
    for _, code in sorted(hits):
        if code not in out:
            out.append(code)
    return out


def credit_parts(paren: str) -> list[str] | None:
    """Split a caption credit «أرشيفية - رويترز» into parts; None when it is not a photo credit.

    A credit needs at least one part that is an agency or a known credit word, and no part
    longer than four words.
    """
    parts = [p for p in _SPLIT.split(paren.strip()) if p.strip()]
    if not parts or any(len(p.split()) > 4 for p in parts):
        return None
    words = cues().credit_words
    known = [p for p in parts if agency_code(p) or normalize(p).strip() in words]
    return parts if known else None


def credit_codes(parts: list[str]) -> list[str]:
    """Agency codes of a credit's parts; other named sources (not «أرشيفية») are kept as written."""
    out: list[str] = []
    generic = {normalize(w) for w in ("أرشيفية", "أرشيف", "صورة أرشيفية", "متداولة", "صورة متداولة", "خاص", "وكالات")}
    for part in parts:
        code = agency_code(part)
        value = code or (None if normalize(part).strip() in generic else part.strip())
        if value and value not in out:
            out.append(value)
    return out


def byline_agencies(line: str) -> tuple[list[str], list[str]]:
    """``(agency codes, other parts)`` of a byline such as «يمن فريدم-فرانس برس» or «فرانس24/ أ ف ب»."""
    codes: list[str] = []
    others: list[str] = []
    for part in _SPLIT.split(line.strip(" *")):
        part = part.strip(" «»\"()")
        if not part:
            continue
        code = agency_code(part)
        if code is None:
            found = wire_in_text(part)
            code = found[0] if len(found) == 1 and len(part.split()) <= 4 else None
        if code:
            if code not in codes:
                codes.append(code)
        else:
            others.append(part)
    return codes, others
