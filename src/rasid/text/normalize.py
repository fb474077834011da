"""Small named normalisation functions for matching and search (STYLE rule 5).

Each one does one thing and shows it with a before/after example. The original text is
always kept and shown; these forms are only for comparing and indexing. Functions marked
*length-preserving* map one character to one character, so offsets stay valid.
"""

from __future__ import annotations

import re

_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا"})
_YAA = str.maketrans({"ى": "ي", "ی": "ي", "ې": "ي"})
_TAA = str.maketrans({"ة": "ه"})
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_SPACES = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
                         "\u2002": " ", "\u2003": " ", "\u3000": " ", "\t": " "})
_TASHKEEL = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]")
_TATWEEL = "\u0640"
_BIDI = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]")
_KAF_KEHEH = str.maketrans({"ک": "ك", "ڪ": "ك"})


def normalize_alef(text: str) -> str:
    """Hamza and madda alef forms to bare alef: «أحمد إلى آمن» → «احمد الى امن». Length-preserving."""
    return text.translate(_ALEF)


def normalize_yaa(text: str) -> str:
    """Alef maqsura and Persian yeh to yaa: «على» → «علي». Length-preserving."""
    return text.translate(_YAA)


def normalize_taa_marbuta(text: str) -> str:
    """Taa marbuta to haa: «مدينة» → «مدينه». Length-preserving."""
    return text.translate(_TAA)


def normalize_kaf(text: str) -> str:
    """Persian keheh to Arabic kaf: «کابل» → «كابل». Length-preserving."""
    return text.translate(_KAF_KEHEH)


def normalize_digits(text: str) -> str:
    """Arabic-Indic and Persian digits to ASCII: «١٢٫٥» → «12٫5». Length-preserving."""
    return text.translate(_DIGITS)


def normalize_space(text: str) -> str:
    """NBSP, thin and other spaces (and tabs) to a plain space: «١\u00a0ألف» → «١ ألف». Length-preserving."""
    return text.translate(_SPACES)


def strip_tashkeel(text: str) -> str:
    """Remove short vowels, shadda, sukun and dagger alef: «وقّعَ» → «وقع»."""
    return _TASHKEEL.sub("", text)


def strip_tatweel(text: str) -> str:
    """Remove the kashida stretch: «الـــرئيس» → «الرئيس»."""
    return text.replace(_TATWEEL, "")


def strip_bidi(text: str) -> str:
    """Remove RLM/LRM/ALM, embeddings, isolates, zero-width marks and BOM: «\u200fنص\u200e» → «نص»."""
    return _BIDI.sub("", text)


def _matching_table() -> dict[int, str | None]:
    """One translate table doing every step of :func:`normalize`: folds, then deletions."""
    table: dict[int, str | None] = {}
    for part in (_KAF_KEHEH, _TAA, _YAA, _ALEF, _DIGITS, _SPACES):
        table.update({k: chr(v) if isinstance(v, int) else v for k, v in part.items()})
    candidates = [*range(0x0610, 0x06EE), 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, *range(0x202A, 0x202F),
                  *range(0x2066, 0x206A), 0xFEFF]
    for code in candidates:  # exactly what _TASHKEEL, tatweel and _BIDI remove
        ch = chr(code)
        if _TASHKEEL.fullmatch(ch) or ch == _TATWEEL or _BIDI.fullmatch(ch):
            table[code] = None
    return table


_MATCHING = _matching_table()


def normalize(text: str) -> str:
    """The matching form: every function above, in a fixed order, done in one pass.

    «أكّد الـرئيـس فلاديمير بوتين يوم ١٢ أكتوبر» → «اكد الرئيس فلاديمير بوتين يوم 12 اكتوبر».
    Taa marbuta is folded too, so use this only to compare and index, never to display.
    """
    return text.translate(_MATCHING)


def normalize_display(text: str) -> str:
    """The gentle form for clean article text: bidi marks and tatweel removed, spaces unified.

    Letters, tashkeel and digits are kept as written: «الــرئيس\u00a0\u200f» → «الرئيس ».
    """
    return normalize_space(strip_bidi(strip_tatweel(text)))
