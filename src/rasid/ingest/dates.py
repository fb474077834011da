"""Publication dates as the input states them -> ISO 8601 strings, or None when not parseable.

Only unambiguous machine formats are parsed (ISO 8601, RFC 2822, and the ``DD/MM/YYYY`` and
``YYYY-MM-DDTHHMMSS`` forms of the ANT JawharaFM files); anything else is kept raw by the caller
under ``published_raw`` rather than guessed.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_COMPACT_TIME = re.compile(r"(\d{4}-\d{2}-\d{2})T(\d{2})(\d{2})(\d{2})")
_RFC2822 = re.compile(r"(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}")


def parse_date(value: str) -> str | None:
    """ISO string (date, or date-time with its offset) for a stated date, else None."""
    s = value.strip()
    if not s:
        return None
    m = _COMPACT_TIME.fullmatch(s)
    if m:
        s = f"{m.group(1)}T{m.group(2)}:{m.group(3)}:{m.group(4)}"
    m = _DMY.fullmatch(s)
    if m:
        try:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
        except ValueError:
            return None
    if _RFC2822.match(s):
        try:
            return parsedate_to_datetime(s).isoformat()
        except (TypeError, ValueError, IndexError):
            return None
    try:
        if len(s) == 10:
            return date.fromisoformat(s).isoformat()
        return datetime.fromisoformat(s).isoformat()
    except ValueError:
        return None


def put_published(meta: dict[str, Any], value: Any) -> None:
    """Set ``meta['published']`` (ISO) or ``meta['published_raw']`` from a stated value."""
    if value is None:
        return
    raw = str(value).strip()
    if not raw:
        return
    iso = parse_date(raw)
    if iso:
        meta["published"] = iso
    else:
        meta["published_raw"] = raw
