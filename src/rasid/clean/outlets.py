"""Which outlet published a page: input metadata, the URL's domain, or cues on the page itself.

The domain and name table is data (``lang/ar/clean_outlets.tsv``). Page cues, strongest first:
the outlet part of a byline («يمن فريدم-فرانس برس»), the name in a copyright footer
(«جميع الحقوق محفوظة YemenFreedom»), then the quoted name in related-article bylines
(«الشرق الأوسط» (كييف)). No cue gives None.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

from rasid.clean.cues import Outlet, cues
from rasid.clean.wire import agency_code
from rasid.text.normalize import normalize, normalize_alef, normalize_taa_marbuta, normalize_yaa

_COPY = re.compile(r"(?:جميع الحقوق محفوظه|كل الحقوق محفوظه|حقوق النشر محفوظه|©|copyright)\s*(?:ل|لـ|to)?\s*(.+)", re.I)
_TRAIL = re.compile(r"\s*(?:-{2,}|\||—|–|تصميم|تطوير|برمجه|powered|designed).*$", re.I)
_YEAR = re.compile(r"(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?")


def _key(name: str) -> str:
    """A comparison key: normalised, lower case, without spaces and punctuation."""
    return re.sub(r"[\W_]+", "", normalize(name).lower())


def by_name(name: str) -> str | None:
    """The table's Arabic name for an outlet written any known way («YemenFreedom» → «يمن فريدم»)."""
    key = _key(name)
    if not key:
        return None
    for outlet in cues().outlets:
        if key in {_key(outlet.name), *(_key(a) for a in outlet.aliases)}:
            return outlet.name
    return None


def by_url(url: str | None) -> str | None:
    """The outlet of a URL whose domain (or a parent domain) is in the table."""
    if not url:
        return None
    host = (urlparse(url if "//" in url else f"//{url}").hostname or "").lower()
    best: Outlet | None = None
    for outlet in cues().outlets:
        if (host == outlet.domain or host.endswith("." + outlet.domain)) and (
            best is None or len(outlet.domain) > len(best.domain)
        ):
            best = outlet
    return best.name if best else None


def from_copyright(line: str) -> str | None:
    """The name in a copyright footer, mapped through the table when known."""
    folded = normalize_taa_marbuta(normalize_alef(normalize_yaa(line)))  # length-preserving
    m = _COPY.search(folded)
    if not m:
        return None
    name = _TRAIL.sub("", line[m.start(1):])
    name = _YEAR.sub("", name).strip(" .:-–|©")
    if not name or len(name.split()) > 5:
        return None
    return by_name(name) or name


def outlet_from_parts(parts: list[str]) -> str | None:
    """The outlet a byline names beside an agency («يمن فريدم-فرانس برس»): through the table, else as written."""
    for part in parts:
        known = by_name(part)
        if known:
            return known
    places = cues().places
    short = [p for p in parts if 1 <= len(p.split()) <= 3 and normalize(p).strip() not in places]
    return short[0] if len(short) == 1 else None


_DATELINE = re.compile(r"^[^()«»:.]{2,40}?(?:\(([^()]{2,30})\)|[-–—]\s*«([^«»]{2,30})»)\s*[-–—:]")


def outlet_in_dateline(paragraph: str) -> str | None:
    """The outlet a first paragraph's dateline names: «دمشق، سوريا (CNN) --», «لندن- «القدس العربي»:».

    Agencies are wire, not outlets, so only names in the outlet table (or «quoted» names) count.
    """
    m = _DATELINE.match(paragraph)
    if not m:
        return None
    name = (m.group(1) or m.group(2)).strip()
    if agency_code(name):
        return None
    return by_name(name) or (name if m.group(2) else None)
