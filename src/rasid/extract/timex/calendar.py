"""Calendar arithmetic for resolving time expressions against a publication date.

Weeks run Monday to Sunday (ISO 8601): «الأسبوع الماضي» published on Tuesday 2024-11-12 is
``2024-11-04/2024-11-10``. Hijri dates are converted with the tabular (arithmetic) Islamic
calendar — 30-year cycle, leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29, civil epoch
16 July 622 Julian — which can differ by a day or two from a sighting-based calendar.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

FUTURE_MONTHS = 3  # a month named without a year may be this far ahead
FUTURE_DAYS = 92  # a day and month named without a year may be this far ahead
_HIJRI_EPOCH = date(622, 7, 19).toordinal()  # 1 Muharram 1 AH = 16 July 622 Julian


def iso_day(d: date) -> str:
    """``YYYY-MM-DD``."""
    return d.isoformat()


def iso_month(year: int, month: int) -> str:
    """``YYYY-MM``."""
    return f"{year:04d}-{month:02d}"


def add_days(d: date, n: int) -> date:
    """``d`` moved by ``n`` days."""
    return d + timedelta(days=n)


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    """The (year, month) ``n`` months after (or before, when negative) the given one."""
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def shift_month_day(d: date, n: int) -> date:
    """``d`` moved by ``n`` months, the day clamped to the target month's length."""
    y, m = add_months(d.year, d.month, n)
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def valid_day(year: int, month: int, day: int) -> bool:
    """Whether year-month-day is a real Gregorian date."""
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1] and 1 <= year <= 9999


def week_range(d: date, weeks: int = 0) -> str:
    """The Monday–Sunday week holding ``d``, moved by ``weeks``, as ``start/end``."""
    monday = d - timedelta(days=d.weekday()) + timedelta(weeks=weeks)
    return f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}"


def weekday_on_or_before(d: date, iso_weekday: int, strict: bool = False) -> date:
    """The latest day with ``iso_weekday`` (1 = Monday) on or before ``d`` (before, when strict)."""
    back = (d.isoweekday() - iso_weekday) % 7
    if back == 0 and strict:
        back = 7
    return d - timedelta(days=back)


def weekday_on_or_after(d: date, iso_weekday: int, strict: bool = False) -> date:
    """The earliest day with ``iso_weekday`` on or after ``d`` (after, when strict)."""
    ahead = (iso_weekday - d.isoweekday()) % 7
    if ahead == 0 and strict:
        ahead = 7
    return d + timedelta(days=ahead)


def month_year(month: int, pub: date, direction: str | None) -> int:
    """The year of a month named without one: past = latest before the publication month,
    next = earliest after it, current = the publication year; otherwise the publication month
    itself, the next one when it is at most three months ahead, else the last one."""
    if direction == "past":
        return pub.year if month < pub.month else pub.year - 1
    if direction == "next":
        return pub.year if month > pub.month else pub.year + 1
    if direction == "current" or month == pub.month:
        return pub.year
    ahead = (month - pub.month) % 12
    return pub.year + (1 if month < pub.month else 0) if ahead <= FUTURE_MONTHS else month_year(
        month, pub, "past")


def day_month_year(day: int, month: int, pub: date, direction: str | None) -> int | None:
    """The year of a day and month named without one: past = on or before publication,
    next = on or after it; otherwise the last one, or the next one when it is nearer and at
    most 92 days ahead (news mostly reports the past). None when no year fits."""
    options = [y for y in (pub.year - 1, pub.year, pub.year + 1) if valid_day(y, month, day)]
    if not options:
        return None
    if direction == "past":
        past = [y for y in options if date(y, month, day) <= pub]
        return max(past) if past else None
    if direction == "next":
        future = [y for y in options if date(y, month, day) >= pub]
        return min(future) if future else None
    pasts = [y for y in options if date(y, month, day) <= pub]
    futures = [y for y in options if date(y, month, day) > pub]
    last = max(pasts) if pasts else None
    first = min(futures) if futures else None
    ahead = (date(first, month, day) - pub).days if first is not None else None
    if ahead is not None and ahead <= FUTURE_DAYS and (
            last is None or ahead < (pub - date(last, month, day)).days):
        return first
    return last if last is not None else first


def part_of_month(year: int, month: int, part: str) -> str:
    """Early (1–10), mid (11–20) or late (21–end) part of a month, as a day range."""
    last = calendar.monthrange(year, month)[1]
    first, final = {"early": (1, 10), "mid": (11, 20), "late": (21, last)}[part]
    return f"{date(year, month, first).isoformat()}/{date(year, month, final).isoformat()}"


def part_of_year(year: int, part: str) -> str:
    """Early (Jan–Apr), mid (May–Aug) or late (Sep–Dec) part of a year, as a month range."""
    first, final = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[part]
    return f"{iso_month(year, first)}/{iso_month(year, final)}"


def part_of_week(monday_range: str, part: str) -> str:
    """The first three (early), middle (mid) or last three (late) days of a Monday–Sunday week."""
    monday = date.fromisoformat(monday_range.split("/")[0])
    first, final = {"early": (0, 2), "mid": (2, 4), "late": (4, 6)}[part]
    return f"{(monday + timedelta(days=first)).isoformat()}/{(monday + timedelta(days=final)).isoformat()}"


def season_range(year: int, months: str) -> str:
    """A season «صيف 2024» as a month range; winter (12-02) starts in December of ``year``."""
    first, final = (int(x) for x in months.split("-"))
    end_year = year + 1 if final < first else year
    return f"{iso_month(year, first)}/{iso_month(end_year, final)}"


def nearest_weekday(d: date, iso_weekday: int) -> date:
    """The day nearest ``d`` (at most three days away) that falls on ``iso_weekday``."""
    delta = (iso_weekday - d.isoweekday()) % 7
    return d + timedelta(days=delta if delta <= 3 else delta - 7)


def _hijri_ordinal(year: int, month: int, day: int) -> int:
    """Proleptic Gregorian ordinal of a tabular Islamic date."""
    days_before_month = (59 * (month - 1) + 1) // 2  # ceil(29.5 * (month - 1))
    return (_HIJRI_EPOCH - 1 + day + days_before_month + (year - 1) * 354 + (3 + 11 * year) // 30)


def hijri_leap(year: int) -> bool:
    """Whether a Hijri year has 355 days in the tabular calendar."""
    return (14 + 11 * year) % 30 < 11


def hijri_month_length(year: int, month: int) -> int:
    """Days in a tabular Hijri month: odd months 30, even 29, Dhu al-Hijjah 30 in leap years."""
    if month == 12:
        return 30 if hijri_leap(year) else 29
    return 30 if month % 2 == 1 else 29


def hijri_to_gregorian(year: int, month: int, day: int) -> date:
    """The Gregorian date of a tabular Hijri date: 1 Ramadan 1445 → 2024-03-11."""
    return date.fromordinal(_hijri_ordinal(year, month, day))


def hijri_month_range(year: int, month: int) -> str:
    """A Hijri month as a Gregorian day range."""
    first = hijri_to_gregorian(year, month, 1)
    last = hijri_to_gregorian(year, month, hijri_month_length(year, month))
    return f"{first.isoformat()}/{last.isoformat()}"


def hijri_year_range(year: int) -> str:
    """A Hijri year as a Gregorian day range."""
    first = hijri_to_gregorian(year, 1, 1)
    last = hijri_to_gregorian(year, 12, hijri_month_length(year, 12))
    return f"{first.isoformat()}/{last.isoformat()}"


def hijri_year_near(month: int, day: int, pub: date, direction: str | None = None) -> int:
    """The Hijri year of a day and month named without one: the latest on or before ``pub``
    (past), the first after it (next), else the nearest."""
    approx = int((pub.toordinal() - _HIJRI_EPOCH) * 30 / 10631) + 1
    years = range(approx - 1, approx + 2)
    if direction == "past":
        return max((y for y in years if hijri_to_gregorian(y, month, day) <= pub), default=approx - 1)
    if direction == "next":
        return min((y for y in years if hijri_to_gregorian(y, month, day) > pub), default=approx + 1)
    return min(years, key=lambda y: abs((hijri_to_gregorian(y, month, day) - pub).days))
