"""Publication dates as pages state them: «12 نوفمبر 2024», «١٢ تشرين الثاني ٢٠٢٤», «12/11/2024».

Written by hand because no library reads both Arabic month systems (Gregorian «نوفمبر»/«جانفي»
and Syriac «تشرين الثاني») with Arabic-Indic digits; month names are data
(``lang/ar/clean_months.tsv``). Nothing here looks at the clock.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from functools import lru_cache

from rasid.clean.cues import cues
from rasid.text.normalize import normalize


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    months = "|".join(re.escape(m) for m in sorted(cues().months, key=len, reverse=True))
    month = rf"(?:{months})"
    month_first = re.compile(rf"(?<!\S)({month})\s+(\d{{1,2}})\s*[,،]\s*(\d{{4}})(?!\d)")
    named = re.compile(
        rf"(?<!\d)(\d{{1,2}})\s*(?:من\s+)?(?:شهر\s+)?({month})(?:\s*[/(\-–]\s*{month}\s*\)?)?\s*[,،]?\s*(?:سنه\s+|عام\s+)?(\d{{4}})(?!\d)"
    )
    dmy = re.compile(r"(?<!\d)(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})(?!\d)")
    ymd = re.compile(r"(?<!\d)(\d{4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?!\d)")
    return named, month_first, dmy, ymd


_GLUED_TIME = re.compile(r"((?:19|20)\d{2})(\d{1,2}:\d{2})")


def _iso(year: int, month: int, day: int) -> str | None:
    """ISO date if the parts make a real date in a plausible news range, else None."""
    if not 1900 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[str, int, int]]:
    """Every full date (day, month, year) in ``text`` as ``(iso, start, end)`` over the normalised text."""
    norm = _GLUED_TIME.sub(r"\1 \2", normalize(text).lower())  # «21/11/202410:45 PM»
    named, month_first, dmy, ymd = _patterns()
    found: list[tuple[str, int, int]] = []
    for m in named.finditer(norm):
        iso = _iso(int(m.group(3)), cues().months[m.group(2)], int(m.group(1)))
        if iso:
            found.append((iso, m.start(), m.end()))
    for m in month_first.finditer(norm):
        iso = _iso(int(m.group(3)), cues().months[m.group(1)], int(m.group(2)))
        if iso and not any(s <= m.start() < e for _, s, e in found):
            found.append((iso, m.start(), m.end()))
    for m in ymd.finditer(norm):
        iso = _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if iso and not any(s <= m.start() < e for _, s, e in found):
            found.append((iso, m.start(), m.end()))
    for m in dmy.finditer(norm):
        if any(s <= m.start() < e for _, s, e in found):
            continue
        a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        # Arabic pages write day/month; month/day only when the first number cannot be a month.
        iso = _iso(year, b, a) or _iso(year, a, b)
        if iso:
            found.append((iso, m.start(), m.end()))
    found.sort(key=lambda f: f[1])
    return found


_HIJRI = re.compile(r"(?<!\d)\d{1,2}\s+\S+(?:\s+ال\S+)?\s+1[34]\d{2}(?!\d)")  # «19 جمادي الاولي 1446»
_REST = re.compile(r"t\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:z|[+\-]\d{2}:?\d{2})?|[\s\d:.,،\-–—/|()\[\]•·+]+|\b(?:am|pm|gmt|utc)\b|(?<!\S)[صم](?!\S)|الساعه|بتوقيت\s+\S+|يوم")


def date_line(text: str) -> tuple[str, str] | None:
    """``(iso, kind)`` when a line is only a date (with weekday, time or a cue), else None.

    ``kind`` is ``published`` or ``updated`` when a cue says so, else ``plain``.
    """
    norm = _GLUED_TIME.sub(r"\1 \2", normalize(text).lower()).strip()
    if not norm or len(norm) > 120:
        return None
    dates = find_dates(text)
    if len(dates) != 1:
        return None
    iso, start, end = dates[0]
    rest = norm[:start] + " " + norm[end:]
    kind = "plain"
    rest = rest.lower()
    for cue, cue_kind in sorted(cues().date_cues, key=lambda c: len(c[0]), reverse=True):
        if re.search(rf"(?<!\w){re.escape(cue)}(?!\w)", rest):
            kind = cue_kind if kind == "plain" else kind  # the longest cue says which date it is
            rest = re.sub(rf"(?<!\w){re.escape(cue)}(?!\w)", " ", rest)
    for day in sorted(cues().weekdays, key=len, reverse=True):
        rest = rest.replace(day, " ")
    rest = _HIJRI.sub(" ", rest)
    for word in cues().date_words:
        rest = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", " ", rest)
    rest = _REST.sub(" ", rest).strip(" :")
    return (iso, kind) if not rest else None


def meta_date(value: object) -> str | None:
    """An input-metadata date (ISO, RFC 2822 «Sun, 15 Jul 2018 …», or an Arabic date) as ISO."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()[:10]
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", normalize(text))
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed is not None:
        return parsed.date().isoformat()
    dates = find_dates(text)
    return dates[0][0] if dates else None


_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/\-](\d{1,2})[/\-](\d{1,2})(?:/|\b)")
_URL_DATE_PATH = re.compile(r"/((?:19|20)\d{2})/[a-z_\-]+/(\d{1,2})/(\d{1,2})/")


def url_date(url: str | None) -> str | None:
    """A date written in a URL path (``/2024/11/12/``, or CNN's ``/2013/middle_east/8/3/``)."""
    if not url:
        return None
    for pattern in (_URL_DATE, _URL_DATE_PATH):
        m = pattern.search(url)
        if m:
            iso = _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if iso:
                return iso
    return None
