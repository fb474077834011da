"""Bytes -> text: BOMs, strict UTF-8, declared charsets, BOM-less UTF-16, then charset-normalizer.

Arabic news still arrives as Windows-1256 and as UTF-16 from office tools. charset-normalizer
proposes single-byte candidates; each is checked here for plausibility (no control characters,
mostly Arabic letters, the article ``ال`` present) because Arabic single-byte code pages decode
almost any byte string without error. When no candidate is convincing an :class:`EncodingError`
is raised: a wrongly decoded page would poison every later step.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from rasid.errors import EncodingError, FormatError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_DECLARED = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_:.\-]+)""",
    re.IGNORECASE,
)

# Characters that never occur in a correctly decoded news text (C0/C1 controls except tab/newlines).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u06fa-\u06fc]")
_LETTER = re.compile(r"[^\W\d_]")

# Single-byte Arabic code pages tried besides what charset-normalizer proposes; cp1256 first.
_ARABIC_SINGLE_BYTE = ("cp1256", "iso8859-6", "cp864", "cp720")


def codec_name(name: str) -> str | None:
    """The canonical Python codec name for a charset label, or None when unknown."""
    try:
        return codecs.lookup(name.strip().lower()).name
    except (LookupError, ValueError):
        return None


def declared_charset(head: bytes) -> str | None:
    """The charset a page declares in ``<meta charset>`` / ``http-equiv`` / ``<?xml encoding>``."""
    m = _DECLARED.search(head[:8192])
    if not m:
        return None
    label = (m.group(1) or m.group(2) or b"").decode("ascii", "ignore")
    return codec_name(label) if label else None


def control_ratio(text: str) -> float:
    """Share of characters that are control characters (0 for clean text)."""
    return len(_CONTROL.findall(text)) / max(1, len(text))


def _few_controls(text: str) -> bool:
    """At most 5% control characters, or one or two stray ones in a short text."""
    count = len(_CONTROL.findall(text))
    return count <= 0.05 * len(text) or (count <= 2 and count <= 0.2 * len(text))


def arabic_ratio(text: str) -> float:
    """Share of letters that are Arabic letters (base block, not presentation forms)."""
    letters = len(_LETTER.findall(text))
    return len(_ARABIC_LETTER.findall(text)) / letters if letters else 0.0


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _utf16_guess(data: bytes) -> tuple[str, str] | None:
    """BOM-less UTF-16: both byte orders are tried and kept only if the text is plausible."""
    if len(data) < 4:
        return None
    body = data if len(data) % 2 == 0 else data[:-1]
    best: tuple[float, str, str] | None = None
    for codec in ("utf-16-le", "utf-16-be"):
        text = _strict(body, codec)
        if text is None or control_ratio(text) > 0.01:
            continue
        letters = _LETTER.findall(text)
        plausible = sum(1 for c in letters if c < "\u0800" or "\u200c" <= c <= "\u206f")
        score = plausible / len(letters) if letters else 0.0
        if score >= 0.9 and (best is None or score > best[0]):
            best = (score, text, codec)
    return (best[1], best[2]) if best else None


def looks_binary(data: bytes) -> bool:
    """True for bytes with NULs or many control bytes (images, PDFs, executables, random junk)."""
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / max(1, len(sample)) > 0.02


def _single_byte(data: bytes) -> tuple[str, str] | None:
    """Pick the single-byte candidate whose text is most convincingly Arabic."""
    candidates: list[str] = list(_ARABIC_SINGLE_BYTE)
    for match in from_bytes(data[:262144]):
        name = codec_name(match.encoding)
        if name and name not in candidates:
            candidates.append(name)
    best: tuple[tuple[int, float], str, str] | None = None
    for codec in candidates:
        text = _strict(data, codec)
        if text is None or not _few_controls(text):
            continue
        ratio = arabic_ratio(text)
        arabic = len(_ARABIC_LETTER.findall(text))
        if ratio < 0.6 or (arabic >= 20 and "ال" not in text):
            continue
        score = (text.count("ال"), ratio)
        if best is None or score > best[0]:
            best = (score, text, codec)
    return (best[1], best[2]) if best else None


def decode(data: bytes, source: str, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` to ``(text, codec)``, stripping a leading BOM; raise EncodingError if unsure.

    Order: BOM, strict UTF-8, the declared charset (HTTP header or ``<meta charset>``), BOM-less
    UTF-16, then Arabic single-byte code pages checked for plausibility.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom):], codec.replace("-sig", ""))
            if text is None:
                raise EncodingError(f"starts with a {codec} byte-order mark but does not decode as {codec}",
                                    source=source)
            return text, codec
    # Valid UTF-8 is accepted unless NULs or many control bytes betray BOM-less UTF-16
    # (Arabic in UTF-16 is ~50% 0x06 bytes, ASCII in UTF-16 ~50% NULs).
    utf8 = _strict(data, "utf-8")
    if utf8 is not None and "\x00" not in utf8 and _few_controls(utf8):
        return utf8, "utf-8"
    named = codec_name(declared) if declared else None
    if named and b"\x00" not in data:
        text = _strict(data, named)
        if text is not None and _few_controls(text):
            return text, named
    guess = _utf16_guess(data)
    if guess:
        return guess
    if looks_binary(data):
        raise FormatError("binary content, not text", source=source)
    guess = _single_byte(data)
    if guess:
        return guess
    raise EncodingError("encoding could not be detected with confidence (not UTF-8, UTF-16 or "
                        "an Arabic code page such as Windows-1256)", source=source)
