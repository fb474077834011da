"""Regular expressions for Arabic time expressions, built from the lexicon.

They run over the matching form of the text (see :mod:`rasid.extract.timex.textmap`): hamza and
madda alefs bare, taa marbuta as haa, alef maqsura as yaa, ASCII digits, no tashkeel or tatweel.
Each pattern is named; :mod:`rasid.extract.timex.rules` turns its matches into resolved values.
A one-letter clitic (و ف ب ل ك, or و/ف followed by ب/ل) may precede any expression and is left
out of the span: «وفي يونيو», «والأربعاء», «لعام 2024».

Speed: Python's ``re`` tries an alternation branch by branch, so word lists are compiled as
prefix tries, and each pattern is tried (with ``match``) only at the word starts within a short
window before one of its anchor words (a month name, a unit, four digits…) instead of at every
character of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rasid.extract.timex.lexicon import Lexicon, load

# Where an expression may start: a word start, after one or two clitic letters, where digits
# follow letters with no space («في20»), or a bracket before digits («(1948)»). Patterns are tried only at these places (see ``starts``).
WORD_START = re.compile(r"\b\w|(?<=[^\W\d_])(?=[0-9])|\((?=\s*[0-9])")
# How far before an anchor word an expression may start («على مدار ما يقرب من ثلاثة عقود»).
WINDOW = 64
END = r"(?!\w)"
END_L = r"(?![^\W\d_])"  # no letter follows (a glued year may: «مايو2017»)
# «ال» of a definite word, or its single «ل» after the preposition «ل» («للعام»).
DEF = r"(?:ال|(?<=(?<!\w)ل)ل|(?<=(?<!\w)[وف]ل)ل)"
YEAR4 = r"(?:1[0-9]{3}|20[0-9]{2}|21[0-9]{2})"


Trie = dict[str, "Trie"]


def _trie_regex(node: Trie, end: bool) -> str:
    """The regex of one trie node: its branches, optional when a word may end here."""
    branches = []
    for ch in sorted(node, key=lambda c: (c == "", c)):
        if ch == "":
            continue
        piece = r"\s+" if ch == " " else re.escape(ch)
        child = node[ch]
        branches.append(piece + _trie_regex(child, "" in child))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and not end else "(?:" + "|".join(branches) + ")"
    return body + "?" if end else body


def alt(words: Iterable[str]) -> str:
    """A non-capturing alternation of ``words`` compiled as a prefix trie (fast to fail), longest
    match first, a space matching any run of white space."""
    root: Trie = {}
    for word in set(words):
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return "(?:" + _trie_regex(root, False) + ")"


def definite(words: Iterable[str]) -> str:
    """Definite words («الشهر») whose «ال» may be shortened after the preposition «ل»."""
    stems = [w[2:] for w in words if w.startswith("ال")]
    return DEF + alt(stems)


@dataclass(frozen=True)
class Patterns:
    """The compiled patterns in priority order (earlier wins a tie between equal spans), each with
    its anchor: a fast search for a word every match contains (a month, a unit, digits…), so the
    pattern is tried only at the starts just before an anchor."""

    items: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...]


_CLITIC1 = re.compile(r"\b[وفبلك](?=\w)")
_CLITIC2 = re.compile(r"\b[وف][بلك](?=\w)")


def starts(norm: str) -> list[int]:
    """Every place an expression may start, in order: word starts, and after one or two clitics."""
    out = [m.start() for m in WORD_START.finditer(norm)]
    out += [m.end() for m in _CLITIC1.finditer(norm)]
    out += [m.end() for m in _CLITIC2.finditer(norm)]
    out.sort()
    return out


def _build(lex: Lexicon) -> Patterns:
    """Compile every pattern and its anchor from the lexicon tables."""
    greg = alt(n for n, m in lex.months.items() if m.system != "hijri")
    hijri = alt(n for n, m in lex.months.items() if m.system == "hijri")
    wd = definite(lex.weekdays)
    qual = alt(lex.cat("qual"))
    pod = alt(lex.cat("pod"))
    pod_adv = alt(lex.cat("pod_adv"))
    part = alt(lex.cat("part"))
    season = alt(lex.cat("season"))
    hedge = alt(lex.cat("hedge"))
    units = alt(lex.units)
    words = alt(w for w in lex.numbers)
    num = rf"(?:[0-9]{{1,4}}(?:[.,][0-9]+)?|{words}(?:\s+عشر[ه]?)?(?:\s+و\s?{words})?)"
    gloss = rf"(?P<gloss>\s*(?:\(\s*{greg}\s*\)|/\s*{greg}{END_L}|-\s*{greg}{END_L})|\s+(?P<gm>{greg}){END_L})"
    year_tail = rf"(?:\s*[،,]?\s*(?:من\s+)?(?:(?:ال)?(?:عام|سنه)\s+)?(?P<y>{YEAR4})(?![0-9])(?:\s*م(?!\w))?)"
    hijri_mark = r"(?P<h>هجريه|هجري|للهجره|ه(?!\w))"
    day_words = alt(lex.cat("day"))
    hour_words = alt(lex.cat("hour"))
    ordinal = alt(lex.cat("ordinal"))
    plural = definite(lex.cat("plural"))
    plural_qual = alt(lex.cat("plural_qual"))
    vague_qty = alt(lex.cat("vague_qty"))
    dur_cue = alt(lex.cat("dur_cue"))
    year_cue = alt(lex.cat("year_cue"))
    wd_prefix = rf"(?:(?P<wd>{wd})\s*[-–،,]?\s*(?:الموافق\s+)?)?"

    specs: list[tuple[str, str]] = [
        ("hijri_date", rf"{wd_prefix}(?:(?P<d>[0-9]{{1,2}})\s+(?:من\s+)?|(?P<first>غره)\s+)?(?P<kw>شهر\s+)?(?P<hm>{hijri}){END}"
                       rf"(?:\s*[،,]?\s*(?:(?:عام|سنه)\s+)?(?P<y>1[0-9]{{3}})(?![0-9])\s*{hijri_mark}?|\s+(?P<q>{qual}){END})?"),
        ("hijri_year", rf"(?:(?:ال)?(?:عام|سنه)\s+)?(?P<p>\(\s*)?(?P<y>1[0-9]{{3}})(?(p)\s*\))\s*{hijri_mark}"),
        ("date", rf"{wd_prefix}(?:(?P<d0>[0-9]{{1,2}})\s*(?:و|-|–|الي)\s*)?(?:(?P<d>[0-9]{{1,2}})(?![0-9])\s*(?:من\s+)?|(?P<od>{ordinal})\s+من\s+|(?P<first>غره)\s+(?:من\s+)?)(?:شهر\s+)?(?P<m>{greg}){END_L}"
                 rf"{gloss}?{year_tail}?(?:\s+(?P<q>{qual}){END})?"),
        ("numeric", rf"{wd_prefix}(?<![0-9/.\-])(?P<a>[0-9]{{1,4}})\s?(?P<s>[/.\-])\s?(?P<b>[0-9]{{1,2}})\s?(?P=s)\s?"
                    rf"(?P<c>[0-9]{{1,4}})(?![0-9/\-]|\.[0-9])"),
        ("month", rf"(?:(?P<part>{part})\s+)?(?P<kw>(?:ال)?شهر\s+)?(?P<m>{greg}){END_L}{gloss}?"
                  rf"(?:{year_tail}|\s+(?P<q>{qual}){END}|\s+من\s+(?:(?P<this>هذا|هذه)\s+)?(?:العام|السنه)"
                  rf"(?:\s+(?P<q2>{qual}))?{END})?"),
        ("weekday", rf"(?:(?P<pod>{pod})\s+)?(?:يوم\s+)?(?:(?P<rel>{day_words}|غد)\s*(?P<paren>\()?\s*)?"
                    rf"(?:يوم\s+)?(?P<wd>{wd}){END}(?(paren)\s*\))(?:\s+(?P<q>{qual}){END})?"),
        ("day", rf"(?:(?P<pod>{pod})\s+)?(?:(?P<kw>يوم)\s+)?(?P<rel>{day_words}){END}"),
        ("period", rf"(?:(?P<part>{part})\s+)?(?:(?P<this>هذا|هذه)\s+)?(?P<p>{definite(lex.cat('period'))}){END}"
                   rf"(?:\s+(?P<q>{qual}){END}(?:\s*[،,]?\s*(?P<y>{YEAR4})(?![0-9]))?)?"),
        ("plural", rf"(?:(?P<cue>خلال)\s+)?(?P<p>{plural})(?:\s+ال{words})?\s+(?P<q>{plural_qual}){END}"),
        ("ago", rf"(?P<dir>قبل|بعد|منذ)\s+(?:(?P<hedge>{hedge})\s+)?(?:(?P<n>{num})\s+)?(?P<u>{units}){END}"
                rf"(?P<adj>\s+{alt(lex.cat('vague_adj'))}{END})?(?:\s+(?:واحده?|فقط|تقريبا|كامله?){END}){{0,2}}(?P<from>\s+(?:من|علي){END})?"),
        ("duration", rf"(?:(?P<cue>{dur_cue})\s+)?(?:(?P<hedge>{hedge})\s+)?(?:(?P<n>{num})\s+|(?P<vq>{vague_qty})\s+)?"
                     rf"(?P<u>{units}){END}(?P<adj>\s+{alt(lex.cat('vague_adj'))}{END})?(?:\s+(?:واحده?|فقط|تقريبا|كامله?){END}){{0,2}}(?P<from>\s+من{END})?"),
        ("year", rf"(?:(?P<part>{part}|{season})\s+)?(?:(?P<cue>{year_cue})\s+)?(?:(?P<kw>{DEF}?(?:عام|سنه|عامي|سنتي|عامين|سنتين)(?:\s+الماليه?)?)\s+)?"
                 rf"(?P<yp>\(\s*)?(?P<y>{YEAR4})(?![0-9])(?P<yr>\s*[-–/]\s*{YEAR4}(?![0-9]))?(?(yp)\s*\))(?:\s*م(?!\w))?(?P<y2>\s+و\s?(?:(?:ال)?(?:عام|سنه)\s+)?{YEAR4}(?![0-9]))?"),
        ("time", rf"(?:(?P<kw>الساعه)\s+(?:(?P<h>[0-9]{{1,2}})(?:[:.,](?P<mi>[0-9]{{2}}))?|(?P<hw>{hour_words}))"
                 rf"|(?P<h2>[0-9]{{1,2}})[:.,](?P<mi2>[0-9]{{2}})(?=\s*(?:{pod_adv}|(?:ب)?توقيت|ت\s?\.?\s?غ)(?!\w))"
                 rf"|(?P<h2b>[0-9]{{1,2}}):(?P<mi2b>[0-9]{{2}})|(?P<hw2>{hour_words})(?=\s+{pod_adv}(?!\w)))(?![0-9])"
                 rf"(?:\s+و\s?(?:نصف|ربع|(?:[0-9]{{1,2}}\s+دقيقه)))?(?:\s+(?:الا\s+)?ربع)?"
                 rf"(?:\s+(?P<pa>{pod_adv}){END}(?!\s+(?:{wd}|اليوم|امس|غد)))?"
                 rf"(?:\s*(?:(?:ب)?توقيت\s+\w+(?:\s+(?!{wd}|اليوم|امس|غد)[^\W\d_]+)?|ت\s?\.?\s?غ(?!\w)))?"),
        ("vague", rf"(?P<v>{alt(lex.cat('vague_adv'))}){END}"),
    ]
    def stems(words: Iterable[str]) -> str:
        return alt(w[2:] if w.startswith("ال") else w for w in words)

    greg_names = stems(n for n, m in lex.months.items() if m.system != "hijri")
    unit_names = stems(lex.units)
    anchors = {
        "hijri_date": stems(n for n, m in lex.months.items() if m.system == "hijri"),
        "hijri_year": r"[0-9]\s*(?:ه|للهجره)", "date": greg_names, "numeric": r"[0-9]\s?[/.\-]\s?[0-9]",
        "month": greg_names, "weekday": stems(lex.weekdays), "day": stems(lex.cat("day")),
        "period": stems(lex.cat("period")), "plural": stems(lex.cat("plural")), "ago": unit_names,
        "duration": unit_names, "year": r"[0-9]{4}", "time": rf"الساعه|[0-9][:.,][0-9]|{pod_adv}",
        "vague": stems(lex.cat("vague_adv")),
    }
    return Patterns(tuple((name, re.compile(rx), re.compile(anchors[name])) for name, rx in specs))


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    """The patterns for the packaged lexicon, compiled once."""
    return _build(load())


def number_value(text: str, lex: Lexicon) -> float | None:
    """The value of a number written in digits or words: «ثلاثة» → 3, «خمسة عشر» → 15, «32» → 32."""
    text = text.strip()
    if re.fullmatch(r"[0-9]+(?:[.,][0-9]+)?", text):
        return float(text.replace(",", "."))
    total = 0.0
    for part in re.split(r"\s+و\s?", text):
        tokens = part.split()
        if not tokens or tokens[0] not in lex.numbers:
            return None
        value = lex.numbers[tokens[0]]
        if len(tokens) > 1 and tokens[1] in ("عشر", "عشره"):
            value += 10
        elif tokens[0] in ("احد", "اثني", "اثنا"):
            return None
        total += value
    return total
