"""Turn pattern matches into resolved time values, relative to the publication date.

Each rule takes one match over the matching form and returns zero or more candidates
(``Cand``): a span in matching-form offsets, a value (ISO date, month, year, range, ISO 8601
duration, or None) and a kind. A rule returns nothing when the context shows the words are not
a time expression («مارس الضغط» is a verb, «الأمين العام» is not a year, 11 ألف is not 2011).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from rasid.extract.timex import calendar as cal
from rasid.extract.timex.context import (
    Cand,
    Ctx,
    def_key,
    duration,
    first_start,
    future,
    future_after,
    is_future,
    month_number,
    next_word,
    prev_words,
    qual_direction,
    strip_clitic,
)
from rasid.extract.timex.patterns import number_value


def _bad_gloss(m: re.Match[str], ctx: Ctx) -> bool:
    """A month name glossed by a plain space must be the same month: «أبريل نيسان», not «يناير فبراير»."""
    return bool(m["gm"]) and month_number(ctx, m["gm"]) != month_number(ctx, m["m"])


def rule_date(m: re.Match[str], ctx: Ctx) -> list[Cand]:
    """A day and month, with or without a year: «21 نوفمبر 2024», «السادس من أكتوبر», «3 و5 مايو»."""
    if _bad_gloss(m, ctx):
        return []
    if m["first"]:
        day = 1
    elif m["od"]:
        before = prev_words(ctx, m.start())
        if before and before[-1] in ctx.lex.cat("not_day"):
            return []  # «الأسبوع الثاني من أكتوبر»
        day = int(ctx.lex.cat("ordinal")[re.sub(r"\s+", " ", m["od"])])
    else:
        day = int(m["d"])
    month = month_number(ctx, m["m"])
    value: str | None = None
    if m["y"]:
        year = int(m["y"])
        if not cal.valid_day(year, month, day):
            return []
        value = cal.iso_day(date(year, month, day))
    else:
        if not cal.valid_day(2024, month, day):
            return []
        matching = [y for y in range(ctx.pub.year - 1, ctx.pub.year + 2) if cal.valid_day(y, month, day)
                    and date(y, month, day).isoweekday() == ctx.lex.weekdays[def_key(m["wd"])]
                    ] if ctx.pub is not None and m["wd"] else []
        if len(matching) == 1:  # «الثلاثاء 12 نوفمبر»: the year whose 12 November is a Tuesday
            value = cal.iso_day(date(matching[0], month, day))
        elif ctx.pub is not None:
            y = cal.day_month_year(day, month, ctx.pub, qual_direction(ctx, m["q"]) or future(ctx, m.start()))
            value = cal.iso_day(date(y, month, day)) if y else None
    if m["d0"] and value and cal.valid_day(int(value[:4]), month, int(m["d0"])):
        first = cal.iso_day(date(int(value[:4]), month, int(m["d0"])))
        return [Cand(m.start(), m.end("d0"), first, "date"), Cand(m.start("d"), m.end(), value, "date")]
    return [Cand(m.start("d") if m["d0"] else m.start(), m.end(), value, "date")]


def rule_numeric(m: re.Match[str], ctx: Ctx) -> list[Cand]:
    """A numeric date, day first or year first: «12/11/2024», «2024-11-12»."""
    a, b, c = m["a"], m["b"], m["c"]
    if len(a) == 4:
        year, month, day = int(a), int(b), int(c)
    elif len(c) == 4 and len(a) <= 2:
        day, month, year = int(a), int(b), int(c)
    else:
        return []
    if not (1800 <= year <= 2199 and cal.valid_day(year, month, day)):
        return []
    return [Cand(m.start(), m.end(), cal.iso_day(date(year, month, day)), "date")]


def rule_month(m: re.Match[str], ctx: Ctx) -> list[Cand]:
    """A month, with a year, a qualifier, a part or a cue: «فبراير (شباط) 2022», «أواخر يونيو»."""
    if _bad_gloss(m, ctx):
        return []
    info = ctx.lex.months[re.sub(r"\s+", " ", m["m"])]
    before = [strip_clitic(w) for w in prev_words(ctx, m.start())]
    strong = bool(m["y"] or m["q"] or m["gloss"] or m["part"] or m["kw"] or m["this"] or m["q2"])
    cued = bool(before) and before[-1] in ctx.lex.cat("month_cue")
    if info.ambiguous == 2:
        cued = cued and ctx.original(m.start("m")) == "آ"  # «في آب», not «في إب» (the city)
    if info.ambiguous and not (strong or cued):
        return []
    year: int | None = int(m["y"]) if m["y"] else None
    if year is None and ctx.pub is not None and (m["this"] or m["q2"]):
        year = ctx.pub.year + {"past": -1, "next": 1}.get(qual_direction(ctx, m["q2"]) or "current", 0)
    if year is None and ctx.pub is not None:
        year = cal.month_year(info.number, ctx.pub, qual_direction(ctx, m["q"]) or future(ctx, m.start()))
    start = m.start("part") if m["part"] else m.start()
    if year is None:
        return [Cand(start, m.end(), None, "range" if m["part"] else "month")]
    if m["part"] == "اول":  # «أول يناير 2024»: the first day
        return [Cand(start, m.end(), cal.iso_day(date(year, info.number, 1)), "date")]
    if m["part"]:
        part = ctx.lex.cat("part")[re.sub(r"\s+", " ", m["part"])]
        return [Cand(start, m.end(), cal.part_of_month(year, info.number, part), "range")]
    return [Cand(start, m.end(), cal.iso_month(year, info.number), "month")]


def rule_weekday(m: re.Match[str], ctx: Ctx) -> list[Cand]:
    """A weekday, resolved to the latest one on or before publication unless marked future."""
    iso = ctx.lex.weekdays[def_key(m["wd"])]
    if ctx.pub is None:
        return [Cand(m.start(), m.end(), None, "weekday")]
    pub, direction = ctx.pub, qual_direction(ctx, m["q"])
    rel = re.sub(r"\s+", " ", m["rel"]) if m["rel"] else None
    if rel:  # «اليوم الخميس», «أمس الأربعاء», «أول أمس الجمعة», «غدًا الجمعة»
        offset = int(ctx.lex.cat("day").get(rel, "1"))
        base = pub + timedelta(days=offset)
        day = (cal.weekday_on_or_before(base, iso) if offset <= 0 else cal.weekday_on_or_after(base, iso))
    elif direction == "past":
        day = cal.weekday_on_or_before(pub, iso, strict=True)
    elif direction == "next" or is_future(ctx, m.start()) or future_after(ctx, m.start(), m.end()):
        day = cal.weekday_on_or_after(pub, iso, strict=direction == "next")
    else:
        day = cal.weekday_on_or_before(pub, iso)
    return [Cand(m.start(), m.end(), cal.iso_day(day), "weekday")]


def rule_day(m: re.Match[str], ctx: Ctx) -> list[Cand]:
    """A day named relative to publication: «اليوم», «أمس», «بعد غد», «صباح اليوم»."""
    rel = re.sub(r"\s+", " ", m["rel"])
    end = m.end()
    if rel == "اليوم" and not m["pod"]:
        after, after_end = next_word(ctx, end)
        if after in ctx.lex.cat("today_rel"):
            return [Cand(m.start(), after_end, None, "relative")]
        if after in ctx.lex.cat("today_not") or after in ctx.lex.cat("ordinal"):
            return []  # «اليوم العالمي», «اليوم السابع»
    if rel == "غدا":
        around = [*prev_words(ctx, m.start(), 1), next_word(ctx, end)[0]]
        if set(around) & set(ctx.lex.cat("not_tomorrow")):
            return []  # «لقد غدا الأمر…», «غدا من الصعب»: the verb «became»
    offset = int(ctx.lex.cat("day")[rel])
    value = cal.iso_day(ctx.pub + timedelta(days=offset)) if ctx.pub else None
    return [Cand(m.start(), end, value, "relative")]


def rule_period(m: re.Match[str], ctx: Ctx) -> list[Cand]:
    """A week, month or year relative to publication: «الأسبوع الماضي», «مطلع الشهر», «هذا العام»."""
    key = def_key(m["p"])
    unit = ctx.lex.cat("period")[key]
    direction = qual_direction(ctx, m["q"]) or ("current" if m["this"] or m["part"] else None)
    if direction is None:
        return []
    if unit == "Y" and not m["this"] and not m["part"]:
        before = prev_words(ctx, m.start("p"))
        if before and before[-1] in ctx.lex.cat("general"):
            return []
    part = ctx.lex.cat("part")[re.sub(r"\s+", " ", m["part"])] if m["part"] else None
    kind = "range" if part else "relative"
    if ctx.pub is None:
        return [Cand(m.start(), m.end(), None, kind)]
    step = {"past": -1, "next": 1}.get(direction, 0)
    pub = ctx.pub
    if m["y"] and not part and unit == "Y":
        return [Cand(m.start(), m.end(), m["y"], "year")]  # «العام الماضي 2017»
    if unit == "W":
        value = cal.week_range(pub, step)
        value = cal.part_of_week(value, part) if part else value
    elif unit == "M":
        y, mo = cal.add_months(pub.year, pub.month, step)
        value = cal.part_of_month(y, mo, part) if part else cal.iso_month(y, mo)
    else:
        year = pub.year + step
        value = cal.part_of_year(year, part) if part else f"{year:04d}"
    return [Cand(m.start(), m.end(), value, kind)]


def rule_plural(m: re.Match[str], ctx: Ctx) -> list[Cand]:
    """A vague stretch of recent or coming time: «الأسابيع الأخيرة», «خلال الأيام المقبلة»."""
    return [Cand(m.start(), m.end(), None, "relative")]


def _count(m: re.Match[str], ctx: Ctx) -> tuple[float | None, bool]:
    """(count, given): the number before a unit, or the unit's own count (1, 2; plural = None)."""
    unit = ctx.lex.units[m["u"]]
    if m["n"]:
        return number_value(m["n"], ctx.lex), True
    return (float(unit.count) if unit.count else None), False


def _shift(pub: date, count: float, code: str) -> str | None:
    """The publication date moved by ``count`` units, at the unit's granularity."""
    n = int(count)
    if n != count:
        return None
    if code in ("S", "MIN", "H"):
        return cal.iso_day(pub) if abs(n) < 24 or code != "H" else cal.iso_day(pub + timedelta(hours=n))
    if code in ("D", "W"):
        return cal.iso_day(pub + timedelta(days=n * (7 if code == "W" else 1)))
    if code == "M":
        return cal.iso_month(*cal.add_months(pub.year, pub.month, n))
    factor = {"Y": 1, "DEC": 10, "CENT": 100}[code]
    return f"{pub.year + n * factor:04d}"


def rule_ago(m: re.Match[str], ctx: Ctx) -> list[Cand]:
    """«قبل/بعد/منذ N وحدة»: a relative date, or a duration after «منذ» or before «من»."""
    after = next_word(ctx, m.end("u"))[0]
    if after in ctx.lex.months or re.fullmatch(r"[0-9]{4}", after or "x"):
        return []
    unit = ctx.lex.units[m["u"]]
    count, given = _count(m, ctx)
    if given and count is None:
        return []
    if not given and unit.count == 1 and (after.startswith("ال") or (
            unit.code in ("DEC", "CENT") and after not in ("", "من"))):
        return []  # «بعد يوم الانتخابات», «بعد عقد اجتماع»
    end = m.end("adj") if m["adj"] else m.end("u")
    if m["adj"] and given:
        return []
    if m["dir"] == "منذ" or m["from"]:
        return [Cand(m.start(), end, duration(count, unit.code), "duration")]
    if count is None or ctx.pub is None:
        return [Cand(m.start(), end, None, "relative")]
    sign = -1 if m["dir"] == "قبل" else 1
    return [Cand(m.start(), end, _shift(ctx.pub, sign * count, unit.code), "relative")]


def _age_aside(ctx: Ctx, start: int, end: int) -> bool:
    """«N عامًا» set off by brackets or commas right after a name is an age."""
    before = ctx.norm[max(0, start - 3):start].strip()
    after = ctx.norm[end:end + 3].strip()
    return (before.endswith("(") and after.startswith(")")) or (
        before.endswith(("،", ",")) and after[:1] in ("،", ",", ")"))


def rule_duration(m: re.Match[str], ctx: Ctx) -> list[Cand]:
    """A duration: «32 شهرًا», «أسبوعين», «ثلاثة أيام»; vague ones («عدة أعوام») have no value."""
    unit = ctx.lex.units[m["u"]]
    form = m["u"]
    end = m.end("u")
    if m["n"]:
        count = number_value(m["n"], ctx.lex)
        if count is None:
            return []
        before = prev_words(ctx, m.start("n"), 3)
        ages = ctx.lex.cat("age_cue")
        if before and (before[-1] == "الساعه" or any(w in ages or w[1:] in ages for w in before)):
            return []
        if unit.code == "Y" and _age_aside(ctx, m.start(), end):
            return []  # «مسلم (67 عامًا)», «ألدرين، 88 عامًا،»: an age after a name
        return [Cand(m.start(), end, duration(count, unit.code), "duration")]
    if m["vq"]:
        return [Cand(m.start(), end, None, "duration")]
    if unit.count == 2:
        return [Cand(m.start(), end, duration(2, unit.code), "duration")]
    clitic_l = m.start("u") > 0 and ctx.norm[m.start("u") - 1] == "ل" and not m["cue"]
    if unit.count == 0 and (m["cue"] or m["from"] or m["adj"] or form.endswith("ا") or clitic_l):
        return [Cand(m.start(), m.end("adj") if m["adj"] else end, None, "duration")]
    if unit.count == 1 and m["hedge"]:
        return [Cand(m.start(), end, duration(1, unit.code), "duration")]  # «لأكثر من عام»
    if unit.count == 1 and m["cue"] and m["cue"] not in ("قبل", "بعد", "منذ", "خلال"):
        return [Cand(m.start(), end, duration(1, unit.code), "duration")]
    return []


def rule_year(m: re.Match[str], ctx: Ctx) -> list[Cand]:
    """A year, a year range, or a part or season of a year: «عام 2022», «2017 - 2020», «صيف 2024»."""
    year = int(m["y"])
    text = m.group()
    after = next_word(ctx, m.end())[0]
    if after in ctx.lex.units or after in ("الف", "مليون", "مليار", "الاف"):
        return []
    suffix_m = text.rstrip().endswith("م") and (1900 <= year <= 2099 or text.rstrip()[-2:-1].isdigit())
    explicit = bool(m["kw"] or m["part"] or suffix_m)
    if not explicit and not ((m["cue"] or m["yp"]) and 1900 <= year <= 2099):
        return []  # a bare number is a year only after a cue word, or alone in brackets «(1948)»
    if not explicit and m["cue"]:
        before = prev_words(ctx, m.start("cue"), 2)
        if set(before) & set(ctx.lex.cat("hedge_word")):
            return []  # «أكثر من 2020 لغمًا»
        if after.endswith("ا") and after not in ctx.lex.words.get("after_year", {}):
            return []  # a counted noun in the accusative follows: «في 2000 موقعًا»
    start = first_start(m, "part", "kw", "yp", "y")
    end = m.end("y2") if m["y2"] is None else m.start("y2")
    end = m.end() if m["y2"] is None else end
    out: list[Cand] = []
    if m["part"] and not m["yr"]:
        part_word = re.sub(r"\s+", " ", m["part"])
        season = ctx.lex.cat("season").get(part_word)
        value = cal.season_range(year, season) if season else cal.part_of_year(
            year, ctx.lex.cat("part")[part_word])
        out.append(Cand(start, end, value, "range"))
    elif m["yr"]:
        last = int(m["yr"].strip(" -–/"))
        if not year < last <= year + 50:
            return []
        out.append(Cand(start, end, f"{year:04d}/{last:04d}", "range"))  # «2017 - 2020», «2013/2014»
    else:
        out.append(Cand(start, end, f"{year:04d}", "year"))
    if m["y2"]:
        y2 = re.search(r"[0-9]{4}", m["y2"])
        if y2:
            s = m.start("y2") + y2.start()
            out.append(Cand(s, s + 4, y2.group(), "year"))
    return out


def rule_hijri_date(m: re.Match[str], ctx: Ctx) -> list[Cand]:
    """A Hijri date or month: «15 رمضان 1445 هـ», «شهر رمضان»; converted with the tabular calendar."""
    month = month_number(ctx, m["hm"])
    day = 1 if m["first"] else int(m["d"]) if m["d"] else None
    year = int(m["y"]) if m["y"] else None
    if day is None and year is None and not m["kw"]:
        return []  # «رمضان» alone may be a name; «شهر رمضان», «15 رمضان», «رمضان 1445» are dates
    if year is None and ctx.pub is not None and (day is None or 1 <= day <= 30):
        year = cal.hijri_year_near(month, day or 1, ctx.pub, qual_direction(ctx, m["q"]))
    if day is not None and not 1 <= day <= 30:
        return []
    value: str | None = None
    if year is not None and 1 <= year <= 1600:
        if day is not None:
            greg = cal.hijri_to_gregorian(year, month, day)
            if m["wd"]:  # a sighting-based calendar may be a day or two off the tabular one
                greg = cal.nearest_weekday(greg, ctx.lex.weekdays[def_key(m["wd"])])
            value = cal.iso_day(greg)
        else:
            value = cal.hijri_month_range(year, month)
    return [Cand(m.start(), m.end(), value, "hijri")]


def rule_hijri_year(m: re.Match[str], ctx: Ctx) -> list[Cand]:
    """A Hijri year «1446هـ», as the Gregorian day range it covers."""
    year = int(m["y"])
    if not 1 <= year <= 1600:
        return []
    return [Cand(m.start(), m.end(), cal.hijri_year_range(year), "hijri")]


def rule_time(m: re.Match[str], ctx: Ctx) -> list[Cand]:
    """A clock time «الساعة 10 صباحًا»; its date is filled in later from the sentence."""
    hour = m["h"] or m["h2"] or m["h2b"]
    minute = m["mi"] or m["mi2"] or m["mi2b"]
    if hour is not None and int(hour) > 24:
        return []
    if minute is not None and int(minute) > 59:
        return []
    return [Cand(m.start(), m.end(), None, "time")]


def rule_vague(m: re.Match[str], ctx: Ctx) -> list[Cand]:
    """A vague adverb of time («أخيرا», «لاحقا», «منذ زمن طويل»): no value."""
    kind = ctx.lex.cat("vague_adv")[re.sub(r"\s+", " ", m["v"])]
    return [Cand(m.start(), m.end(), None, kind)]


RULES: dict[str, Callable[[re.Match[str], Ctx], list[Cand]]] = {
    "hijri_date": rule_hijri_date, "hijri_year": rule_hijri_year, "date": rule_date,
    "numeric": rule_numeric, "month": rule_month, "weekday": rule_weekday, "day": rule_day,
    "period": rule_period, "plural": rule_plural, "ago": rule_ago, "duration": rule_duration,
    "year": rule_year, "time": rule_time, "vague": rule_vague,
}
