"""Arabic time expressions, resolved against the article's publication date.

``find_times(text, published)`` finds explicit dates («21 نوفمبر 2024», «12/11/2024»,
«الثلاثاء 12 تشرين الثاني 2024», «السادس من أكتوبر»), months in every naming system and their
doubled forms («فبراير (شباط) 2022», «حزيران/يونيو», «جانفي»), weekdays, days and periods named
relative to publication («أمس», «الأسبوع الماضي», «مطلع الشهر», «قبل شهر»), years and year
ranges, durations («32 شهرًا», «أسبوعين»), Hijri dates and clock times. Values are ISO:
``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``, a range ``start/end``, an ISO 8601 duration (``P32M``,
``PT24H``), or None when unresolvable. Spans are offsets into ``text``; a leading clitic
(«وفي», «والأربعاء», «لعام») stays outside the span.

Conventions (documented because they are choices):

* Resolution never reads the clock: without a publication date, relative expressions keep a
  null value; explicit dates still resolve.
* A weekday is the latest such day on or before publication («الأربعاء»; «أمس الأربعاء» counts
  from the day before); with «الماضي» strictly before; with «المقبل»/«القادم» or a future marker
  (a سـ verb, سوف, من المقرر) the next one. A weekday written beside a date picks its year.
* Weeks run Monday to Sunday (ISO 8601): «الأسبوع الماضي» is the week before the publication week.
* A month, or a day and month, named without a year: with «الماضي» the latest one before
  publication, with «المقبل» the next; otherwise the publication month itself, the next one when
  it is at most three months (92 days) ahead and nearer, else the last one.
* Parts of periods are ranges: early = days 1–10 (months) or Jan–Apr (years), mid = 11–20 or
  May–Aug, late = 21–end or Sep–Dec; «مطلع الأسبوع» = its first three days; «أول يناير» = 1 January.
* «قبل/بعد N وحدة» is a relative date at the unit's granularity («قبل شهر» → ``YYYY-MM``), but a
  duration after «منذ» or when anchored to an event by «من» («بعد أسبوعين من التصويت» → ``P2W``).
* Vague expressions keep value None: «خلال الأيام المقبلة», «الأسابيع الأخيرة», «أخيرا», «لاحقا»,
  «عدة أعوام», «على مدى قرون», «منذ زمن طويل», «اليوم الذي…».
* A bare four-digit number is a year only after a time word or cue («عام», «في», «منذ», «حتى»,
  «حرب»…) or alone in brackets, and not when a counted noun follows («أكثر من 2020 لغمًا»).
  «N عامًا» set off after a name is an age, not a duration.
* Hijri dates are converted with the tabular Islamic calendar (``timex.calendar``), which may be
  a day or two off a sighting-based calendar; a weekday written with the date settles the day.
* A clock time takes the date of the nearest day-level expression in its sentence, else None.

Written by hand because no maintained library resolves Arabic news time expressions with
offsets: dateparser's ``search_dates`` misses most Arabic forms and returns strings, not spans
(``tests/bench/bench_times.py`` measures both).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date

from rasid.errors import FormatError
from rasid.extract.timex.lexicon import load
from rasid.extract.timex.patterns import WINDOW, patterns, starts
from rasid.extract.timex.rules import RULES, Cand, Ctx
from rasid.extract.timex.textmap import matching_form, original_span
from rasid.model import TimeRef

__all__ = ["find_times"]

_SENTENCE_END = re.compile(r"[.!?؟\n]")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _published(published: str | None) -> date | None:
    """The publication date from ISO text (a time part is ignored); FormatError when malformed."""
    if not published:
        return None
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError as exc:
        raise FormatError(f"publication date is not ISO YYYY-MM-DD: {published!r}",
                          hint="Pass the article's publication date as YYYY-MM-DD, or None.") from exc


def _candidates(ctx: Ctx) -> list[Cand]:
    """Every candidate from every pattern, tried at the starts just before its anchor words."""
    norm = ctx.norm
    places = starts(norm)
    hits: dict[str, list[int]] = {}
    out: list[Cand] = []
    for rank, (name, rx, anchor) in enumerate(patterns().items):
        rule = RULES[name]
        if anchor.pattern not in hits:
            hits[anchor.pattern] = [a.start() for a in anchor.finditer(norm)]
        tried: set[int] = set()
        for a in hits[anchor.pattern]:
            tried.update(places[bisect_left(places, a - WINDOW):bisect_right(places, a)])
        for pos in sorted(tried):
            m = rx.match(norm, pos)
            if m is None or m.end() == pos:
                continue
            try:
                found = rule(m, ctx)
            except (ValueError, OverflowError):  # a date outside 0001–9999 («قبل 3000 عام» in year 1)
                continue
            for cand in found:
                cand.rank = rank
                out.append(cand)
    return out


def _select(cands: list[Cand]) -> list[Cand]:
    """Longest candidates first (ties: earlier pattern), dropping any that overlap a chosen one."""
    chosen: list[Cand] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.rank, c.start)):
        if c.end <= c.start or any(c.start < e and s < c.end for s, e in taken):
            continue
        chosen.append(c)
        taken.append((c.start, c.end))
    return sorted(chosen, key=lambda c: c.start)


def _date_clock_times(norm: str, chosen: list[Cand]) -> None:
    """Give each clock time the date of the nearest day-level expression in its sentence."""
    days = [c for c in chosen if c.value and _DAY.match(c.value) and c.kind != "time"]
    for c in chosen:
        if c.kind != "time":
            continue
        best: tuple[int, str] | None = None
        for d in days:
            lo, hi = (d.end, c.start) if d.end <= c.start else (c.end, d.start)
            if _SENTENCE_END.search(norm, lo, hi) is None:
                distance = hi - lo
                if best is None or distance < best[0]:
                    best = (distance, d.value or "")
        c.value = best[1] if best else None


def find_times(text: str, published: str | None) -> list[TimeRef]:
    """Time expressions in ``text`` with values resolved against ``published`` (ISO date or None)."""
    norm, index = matching_form(text)
    ctx = Ctx(norm=norm, pub=_published(published), lex=load(), text=text, bounds=index)
    chosen = _select(_candidates(ctx))
    _date_clock_times(norm, chosen)
    refs: list[TimeRef] = []
    for c in chosen:
        if c.start > 0 and norm[c.start - 1:c.start + 1] == "لل":
            c.start -= 1  # «للعام الماضي»: keep the preposition whose alef the article lost
        start, end = original_span(text, index, c.start, c.end)
        refs.append(TimeRef(start=start, end=end, text=text[start:end], value=c.value, kind=c.kind))
    return refs
