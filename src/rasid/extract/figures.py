"""Figures with who states them: hedge + number + counted noun, as spans into the article text.

«نحو عشرة آلاف جندي»، «3 آلاف جندي كوري شمالي على الأقل»، «آلاف الجنود»، «بين 8 و10 آلاف»:
the number comes from :mod:`rasid.extract.numbers`, the hedge from ``lang/ar/hedges.tsv``, the
unit from ``lang/ar/units.tsv`` and the claimant from :mod:`rasid.extract.attribution`. Years,
dates, ordinals, list and phone numbers are not figures. Durations («32 شهرًا», the dual «أسبوعين»)
are figures with a time unit, and also time expressions of kind ``duration``.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import product

from rasid.errors import FormatError
from rasid.extract.attribution import Attributor, attribution_words, is_punct
from rasid.extract.numbers import NumberMatch, norm_of, read_table, scan_numbers
from rasid.model import Mention, Quantity
from rasid.text.tokens import Token, tokenize

DURATION_UNITS = {"seconds", "minutes", "hours", "days", "weeks", "months", "years"}
_PREFIXES = ("وبال", "فبال", "وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل")
_YEAR_WORDS = {"عام", "العام", "سنه", "السنه", "لعام", "وعام", "منذ"}
_ORDINAL_WORDS = {"رقم", "الماده", "البند", "الفقره", "القرار", "الصفحه", "العدد", "الفصل", "الجزء",
                  "الدوره", "النسخه", "الحلقه", "الطريق", "الشارع", "الساعه", "اللواء", "الكتيبه", "الفرقه"}
_PLACE_NOUNS = {"منطقه", "مدينه", "اقليم", "محافظه", "ولايه", "بلده", "قريه", "مقاطعه", "جمهوريه", "ميناء"}
_RANGE_LINK = {"و", "الي", "حتي", "او"}


@lru_cache(maxsize=1)
def units() -> dict[tuple[str, ...], str]:
    """Counted noun (tuple of words in matching form) → English unit."""
    return {tuple(w.split()): u for w, u in read_table("units.tsv", 2)}


@lru_cache(maxsize=1)
def duals() -> dict[str, str]:
    """Dual nouns that count two by themselves («أسبوعين») → English unit."""
    return dict(read_table("num_duals.tsv", 2))


@lru_cache(maxsize=1)
def hedges() -> dict[tuple[str, ...], tuple[str, str]]:
    """Hedge phrase (tuple of words) → (approx code, pre|post)."""
    out: dict[tuple[str, ...], tuple[str, str]] = {}
    for w, code, where in read_table("hedges.tsv", 3):
        out[(*w.split(), where)] = (code, where)
    return out


@lru_cache(maxsize=1)
def month_names() -> frozenset[str]:
    """Month names in matching form, from the time-expression data when present."""
    try:
        return frozenset(row[0].split()[0] for row in read_table("time_months.tsv", 1))
    except FormatError:
        return frozenset()


def unit_forms(norm: str) -> list[str]:
    """A word with its clitics and accusative alef stripped: «الكيلومترات» → «كيلومترات»."""
    forms = [norm]
    for p in _PREFIXES:
        if norm.startswith(p) and len(norm) - len(p) >= 2:
            forms.append(norm[len(p):])
    forms += [f[:-1] for f in list(forms) if f.endswith("ا") and len(f) > 3]
    return forms


def match_unit(norms: list[str], k: int, end: int) -> tuple[str, int] | None:
    """(unit, end token) of the longest counted noun starting at token ``k``."""
    table = units()
    for size in (4, 3, 2, 1):
        if k + size > end:
            continue
        for cand in product(*(unit_forms(w) for w in norms[k:k + size])):
            if cand in table:
                return table[cand], k + size
    return None


def _hedge_before(norms: list[str], i: int, floor: int) -> tuple[str, int] | None:
    """(code, start token) of a hedge phrase ending just before token ``i``."""
    table = hedges()
    for size in (4, 3, 2, 1):
        a = i - size
        if a < floor:
            continue
        words = norms[a:i]
        variants = [words]
        if words[0].startswith("و") and len(words[0]) > 2:
            variants.append([words[0][1:], *words[1:]])
        for w in variants:
            hit = table.get((*w, "pre"))
            if hit is not None:
                return hit[0], a
    return None


def _hedge_after(norms: list[str], i: int, end: int) -> tuple[str, int] | None:
    table = hedges()
    for size in (3, 2, 1):
        if i + size <= end and (hit := table.get((*norms[i:i + size], "post"))) is not None:
            return hit[0], i + size
    return None


def _is_adjective(norm: str) -> bool:
    """A nisba-like qualifier after a counted noun: كوري، شمالي، الكوريين، الأميركية."""
    core = norm[2:] if norm.startswith("ال") else norm
    return len(core) > 3 and core.endswith(("ي", "يه", "يون", "يين", "يات", "يا")) \
        and "stop" not in attribution_words().get(norm, frozenset())


class _Figures:
    def __init__(self, text: str, mentions: list[Mention] | None) -> None:
        self.text = text
        self.tokens: list[Token] = tokenize(text)
        self.norms = [norm_of(t.text) for t in self.tokens]
        self.mentions = mentions or []
        self.att = Attributor(text, mentions, self.tokens)
        self.months = month_names()
        self._last_unit: dict[tuple[int, int], str] = {}

    def _not_a_figure(self, m: NumberMatch, has_unit: bool) -> bool:
        toks, norms = self.tokens, self.norms
        i, j = m.token_start, m.token_end
        prev = norms[i - 1] if i > 0 else ""
        nxt = norms[j] if j < len(toks) else ""
        if nxt in self.months or prev in self.months or nxt.rstrip("،,") in self.months:
            return True
        if nxt in ("/", ":") or prev in ("/", ":"):
            return True
        digits = toks[i].text if j - i == 1 else ""
        if digits.isdigit() and len(digits) == 4 and 1800 <= int(digits) <= 2100 and not has_unit:
            return True
        if prev in _YEAR_WORDS or prev in _ORDINAL_WORDS:
            return True
        return bool(digits.isdigit() and len(digits) >= 7 and not has_unit)

    def _subject(self, k: int, clause_end: int) -> int:
        """End token of the counted noun's qualifiers and a stated place («في منطقة كورسك الروسية»)."""
        e = k
        while e < clause_end and e - k < 3 and _is_adjective(self.norms[e]) and not is_punct(self.tokens[e]):
            e += 1
        return e

    def _place(self, e: int, clause_end: int) -> tuple[int, int] | None:
        for a in range(e, min(clause_end, e + 6)):
            n = self.norms[a]
            if n in ("في", "ب") or (n.startswith("ب") and n[1:] in _PLACE_NOUNS):
                b = a + 1 if n in ("في", "ب") else a
                if b < clause_end:
                    head = self.norms[b][1:] if b == a else self.norms[b]
                    if head in _PLACE_NOUNS and b + 1 < clause_end:
                        end = b + 2
                        while end < clause_end and _is_adjective(self.norms[end]) and end - b < 4:
                            end += 1
                        return a, end
                    s = self.tokens[b].start
                    for m in self.mentions:
                        if m.start == s and m.type in ("LOC", "GPE"):
                            return a, self.att.token_at(m.end - 1) + 1
        return None

    def run(self) -> list[Quantity]:
        out: list[Quantity] = []
        matches = scan_numbers(self.text, self.tokens)
        skip: set[int] = set()
        for idx, m in enumerate(matches):
            if idx in skip:
                continue
            q = self._one(m, matches[idx + 1] if idx + 1 < len(matches) else None)
            if q is None:
                continue
            quantity, used_next = q
            if used_next:
                skip.add(idx + 1)
            out.append(quantity)
        out.extend(self._duals(out))
        return sorted(out, key=lambda q: q.start)

    def _duals(self, found: list[Quantity]) -> list[Quantity]:
        """Dual nouns that are a count by themselves: «بعد أسبوعين» → 2 weeks."""
        table = duals()
        out: list[Quantity] = []
        for k, tok in enumerate(self.tokens):
            unit = next((table[f] for f in unit_forms(self.norms[k]) if f in table), None)
            if unit is None or any(q.start <= tok.start < q.end for q in found):
                continue
            if k > 0 and self.norms[k - 1] in ("كل", "اخر", "اول"):
                continue
            out.append(Quantity(start=tok.start, end=tok.end, text=tok.text, value=2.0, approx="exact",
                                unit=unit, subject=tok.text, attributed_to=None))
        return out

    def _one(self, m: NumberMatch, nxt: NumberMatch | None) -> tuple[Quantity, bool] | None:
        toks, norms = self.tokens, self.norms
        _cs, ce = self.att.clause_range(m.token_start)
        _ss, se = self.att.sentence_range(m.token_start)
        value, value_max, approx = m.value, None, "vague" if m.vague else "exact"
        start_tok, end_tok = m.token_start, m.token_end
        used_next = False
        hedge = _hedge_before(norms, m.token_start, max(0, m.token_start - 4))
        # ranges: «بين 8 و10 آلاف»، «من 5 إلى 7 ملايين»، «8 إلى 10 آلاف»
        if nxt is not None and m.value is not None and nxt.value is not None:
            gap = norms[m.token_end:nxt.token_start]
            joined = (gap and all(g in _RANGE_LINK for g in gap) and len(gap) == 1) or (
                not gap and toks[nxt.token_start].text.startswith("و"))
            if joined and ((hedge is not None and hedge[0] == "range") or gap in (["الي"], ["حتي"])):
                value_max = nxt.value
                if m.magnitude < nxt.magnitude and m.value < nxt.magnitude and nxt.magnitude >= 1000:
                    value = m.value * nxt.magnitude
                approx, end_tok, used_next = "range", nxt.token_end, True
        if hedge is not None and hedge[0] != "range":
            approx, start_tok = hedge[0], hedge[1]
        elif hedge is not None and approx == "range":
            start_tok = hedge[1]
        k = end_tok
        if k < se and toks[k].text in ("%", "٪"):
            unit: tuple[str, int] | None = ("percent", k + 1)
        else:
            unit = match_unit(norms, k, se)
            if unit is None and k < se and norms[k] == "من":
                unit = match_unit(norms, k + 1, se)
        if self._not_a_figure(m, unit is not None):
            return None
        if unit is None:
            if m.vague or m.magnitude < 1000 or m.value is None:
                return None
            unit_name, noun_end = None, end_tok
            last = self._last_unit.get(self.att.sentence_range(m.token_start))
            if last is not None and (end_tok >= se or is_punct(toks[end_tok])):
                unit_name = last  # «… نحو 1500 جندي، ومن المتوقع أن يرتفع العدد إلى 12 ألفا»
        else:
            unit_name, noun_end = unit
        subj_end = self._subject(noun_end, ce) if unit is not None else noun_end
        end = subj_end
        post = _hedge_after(norms, subj_end, ce)
        if post is not None:
            approx, end = (post[0] if approx == "exact" else approx), post[1]
        subject = None
        if unit is not None:
            s_tok = k if norms[k] != "من" else k + 1
            a, b = toks[s_tok].start, toks[subj_end - 1].end
            subject = self.text[a:b]
            place = self._place(subj_end, ce)
            if place is not None:
                subject = f"{subject} {self.text[toks[place[0]].start:toks[place[1] - 1].end]}"
        s, e = toks[start_tok].start, toks[end - 1].end
        if start_tok == m.token_start:
            s = m.start
        if unit_name is not None:
            self._last_unit[self.att.sentence_range(m.token_start)] = unit_name
        # a duration is narrative time, not a claim: nobody "states" it
        who = None if unit_name in DURATION_UNITS else self.att.for_position(m.start)
        return Quantity(start=s, end=e, text=self.text[s:e], value=value, value_max=value_max,
                        approx=approx, unit=unit_name, subject=subject,
                        attributed_to=who.label if who is not None else None,
                        attributed_entity=who.entity(self.mentions) if who is not None else None), used_next


def find_quantities(text: str, mentions: list[Mention] | None = None) -> list[Quantity]:
    """Figures in ``text`` with hedge, unit, subject and claimant; spans cover hedge to counted noun."""
    if not text.strip():
        return []
    return _Figures(text, mentions).run()
