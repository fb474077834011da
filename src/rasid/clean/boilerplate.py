"""Line classification: what each line of a scraped page is, judged from the line alone.

Kinds: ``blank``, ``junk`` (watermarks such as «TT», separators, ``Loading...``, share bars,
glued navigation menus, breadcrumbs, copyright and «تصميم وبرمجة» footers, app and comment notices),
``related`` (a label opening related-article teasers), ``teaser`` (inline «شاهد أيضاً: …»),
``date`` (a line that is only a date, or a date beside a byline or a relative time:
«كتب: محمود يوسف - 19 مارس 2025»), ``byline``, ``caption`` (ends in a photo credit
«(رويترز)»), ``english`` (a Latin-script title line), ``body`` (a paragraph) and ``short``
(a short unpunctuated line: a title or subheading, decided later from its neighbours).
The cue words are data (``lang/ar/clean_*.txt``); the page-level decisions are in
:mod:`rasid.clean.split`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rasid.clean.cues import cues
from rasid.clean.dates import date_line
from rasid.clean.wire import byline_agencies, credit_parts
from rasid.text.normalize import normalize

_INVISIBLE = frozenset("\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\ufeff")
_ARABIC = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
_LATIN = re.compile(r"[A-Za-z]")
_WORD_CHAR = re.compile(r"[^\W_]")
_FINAL = ".!?؟…:;؛"
_QUOTE_END = "»”\"')"
_SEPS = re.compile(r"[\s|•·/\\>»«›‹:\-–—_.,،*]+")
_PLACE_BYLINE = re.compile(r"^«?([^«»()]{2,40}?)»?\s*\(([^()]{2,30})\)$")
_DASH_CREDIT = re.compile(r"\s[\-–—/|]\s*([^\-–—/|()]{2,30})$")
_SENTENCE_END = re.compile(r"[.!?؟][»”\"']?\s+\S")
_URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+$|^\S+@\S+\.\w+$|^pic\.twitter\.com/\S+$", re.I)
_COPYRIGHT = re.compile(r"©|\bcopyright\b|all rights reserved|\(c\)\s*\d{4}", re.I)


@dataclass
class Line:
    """One line of the source text: ``[start, end)`` of its stripped content, its kind and findings."""

    start: int
    end: int
    text: str
    norm: str
    kind: str = "body"
    info: dict[str, object] = field(default_factory=dict)

    @property
    def words(self) -> int:
        """Number of white-space separated words."""
        return len(self.text.split())


def split_lines(source: str) -> list[Line]:
    """The lines of ``source`` with offsets of their content (white space and bidi marks trimmed)."""
    lines: list[Line] = []
    pos = 0
    for raw_line in source.split("\n"):
        start, end = pos, pos + len(raw_line)
        pos = end + 1
        while start < end and (source[start].isspace() or source[start] in _INVISIBLE):
            start += 1
        while end > start and (source[end - 1].isspace() or source[end - 1] in _INVISIBLE):
            end -= 1
        text = source[start:end]
        lines.append(Line(start, end, text, normalize(text).strip()))
    return lines


def _strip_cues(norm: str, words: tuple[str, ...]) -> tuple[str, int]:
    """Remove every cue word (given longest first) from ``norm``; return the residue and how many went."""
    rest = norm.lower()
    count = 0
    for word in words:
        if word and word in rest:
            count += rest.count(word)
            rest = rest.replace(word, " ")
    return _SEPS.sub("", rest), count


def _is_menu(line: Line) -> bool:
    """Navigation: menu words listed or glued together («الرئيسيةأخبارسياسة»)."""
    words = cues().menu
    rest, count = _strip_cues(line.norm, words)
    if not rest and (count >= 3 or (count >= 1 and " " not in line.norm)):
        return True
    if count >= 3 and not rest.replace("و", ""):
        return True  # «عربي ودولي»: conjunctions between menu items
    glued = any(_strip_cues(token, words)[1] >= 2 for token in line.norm.split())
    return glued and count >= 3 and len(rest) <= 0.4 * len(line.norm)


_CRUMB_SEP = re.compile(r"\s*[»›>\\]\s*|\s+/\s+")


def _is_breadcrumb(line: Line) -> bool:
    """A breadcrumb: menu words, then a separator, then anything (often the headline itself):
    «الرئيسية » اقتصاد » ارتفاع صادرات التمور…»."""
    segments = [seg for seg in _CRUMB_SEP.split(line.norm) if seg.strip()]
    if len(segments) < 2 or line.words > 40 or is_final(line.text):
        return False
    menu = cues().menu
    return all(not _strip_cues(seg, menu)[0] for seg in segments[:-1])


def _is_share(line: Line) -> bool:
    """A share bar: only share words («شارك الخبر:», «الفيس بوك», ``FacebookTwitterLinkedInEmail``)."""
    rest, count = _strip_cues(line.norm, cues().share)
    return count >= 1 and not rest


def _is_boilerplate(line: Line) -> bool:
    """Copyright, design credits, comment policy, app notices and similar site text."""
    bare = line.norm.strip(" :.-–|")
    c = cues()
    if bare in c.boilerplate_exact:
        return True
    strong = sum(1 for p in c.boilerplate if p in line.norm)
    weak = sum(1 for p in c.boilerplate_weak if p in line.norm)
    if (strong and line.words <= 25) or (strong + weak >= 2 and line.words <= 80):
        return True
    return line.words <= 25 and bool(_COPYRIGHT.search(line.text))


_TIME_ONLY = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?\s*(?:ص|م|am|pm)?$", re.I)
_COUNTER_WORD = re.compile(r"^(?:منذ|قبل)?\s*\d*\s*(\S+)$")


def _is_counter(line: Line) -> bool:
    """Relative times, clock times, counters and hashtag rows: «منذ 3 ساعات», «10:30 ص», «#العراق #سيول»."""
    norm = line.norm
    if _TIME_ONLY.match(norm) or (norm.startswith("#") and all(w.startswith("#") for w in norm.split())):
        return True
    if line.words > 4 or not re.search(r"\d|منذ|قبل", norm):
        return False
    m = _COUNTER_WORD.match(norm.replace(":", " ").strip())
    return m is not None and m.group(1) in cues().counters


def _teaser(line: Line) -> str | None:
    """``inline`` for «شاهد أيضاً: عنوان», ``label`` for a bare «اقرأ أيضاً:», else None."""
    norm = line.norm
    for prefix, needs_colon in cues().teaser:
        if not norm.startswith(prefix):
            continue
        rest = norm[len(prefix):]
        if needs_colon and not rest.lstrip().startswith(":"):
            continue
        if rest and rest[0] not in " :-–/":
            continue  # the prefix is the start of a longer word
        rest = rest.strip(" :-–/")
        if not rest:
            return "label"
        if line.words <= 25:
            return "inline"
    return None


def _caption(line: Line) -> list[str] | None:
    """Credit parts when the line is a photo caption ending in «(… رويترز)», else None."""
    text = line.text
    for prefix in cues().caption_prefix:
        if line.norm.startswith(prefix) and line.words <= 45:
            return []
    dash = _DASH_CREDIT.search(text)
    if dash and 6 <= line.words <= 35 and not is_final(text[:dash.start()]):
        parts = credit_parts(dash.group(1))
        if parts is not None:
            return parts  # «… خلال القمة - رويترز»
    if not text.endswith(")") or line.words > 35:
        return None
    open_at = text.rfind("(")
    if open_at <= 0:
        return None
    before = text[:open_at].rstrip()
    if not before or before[-1] in _FINAL or _SENTENCE_END.search(before):
        return None  # a paragraph ending in a dateline credit, not a caption
    return credit_parts(text[open_at + 1:-1])


def _byline(line: Line) -> dict[str, object] | None:
    """Byline findings (agencies, outlet or author parts, place) for a short credit line."""
    if line.words > 8 or (line.text and line.text[-1] in ".!?؟"):
        return None
    m = _PLACE_BYLINE.match(line.text)
    if m and credit_parts(m.group(2)) is None and len(m.group(2).split()) <= 3:
        quoted = line.text.startswith("«")
        place = normalize(m.group(2)).strip()
        if not quoted and place not in cues().places:
            return None
        return {"agencies": [], "parts": [m.group(1).strip()], "place": m.group(2).strip(), "quoted": quoted}
    bare = line.norm.lstrip("*ـ-–• ").lower()
    for prefix, needs_colon in cues().byline:
        if not bare.startswith(prefix):
            continue
        rest = bare[len(prefix):]
        if needs_colon and not rest.lstrip().startswith(":"):
            continue
        if not rest or not _WORD_CHAR.match(rest) or prefix.endswith("ب"):
            rest = rest.strip(" :")
            codes, others = byline_agencies(rest)
            return {"agencies": codes, "parts": others, "prefix": True}
    codes, others = byline_agencies(line.text)
    if codes and all(len(o.split()) <= 4 for o in others) and len(others) <= 2:
        return {"agencies": codes, "parts": others}
    if len(others) == 2 and line.words <= 6:
        # «أبوظبي - سكاي نيوز عربية» (a place and a source), «يمن فريدم-متابعات» (an outlet and «reports»)
        places, sources = cues().places, cues().byline_sources
        norms = [normalize(o).strip() for o in others]
        if any(n in places for n in norms):
            return {"agencies": [], "parts": [o for o, n in zip(others, norms, strict=True) if n not in places]}
        if any(n in sources for n in norms):
            named = [o for o, n in zip(others, norms, strict=True) if n not in sources]
            return {"agencies": [], "parts": named, "outlet_hint": True}
    return None


_PIECE_SEP = re.compile(r"\s+[|\-–—•]\s+|\s*[|•]\s*")


def _date_beside_byline(line: Line) -> tuple[str, str] | None:
    """The date of a line that is a byline or a relative time beside a date: «كتب: محمد علي - 2 أبريل 2025».

    The byline's agencies are kept in ``line.info`` (they are wire like a byline line's).
    """
    if line.words > 14:
        return None
    text = line.text
    for m in _PIECE_SEP.finditer(text):
        left, right = text[:m.start()].strip(), text[m.end():].strip()
        for date_part, other in ((left, right), (right, left)):
            found = date_line(date_part) if date_part and other else None
            if not found:
                continue
            piece = Line(0, len(other), other, normalize(other).strip())
            byline = _byline(piece)
            if byline is not None or _is_counter(piece):
                line.info["beside"] = other
                line.info["agencies"] = list((byline or {}).get("agencies") or [])  # type: ignore[call-overload]
                return found
    return None


def is_final(text: str) -> bool:
    """Whether a line ends like a sentence (a final mark, possibly inside closing quotes)."""
    t = text.rstrip()
    while t and t[-1] in _QUOTE_END:
        t = t[:-1].rstrip()
    return bool(t) and t[-1] in _FINAL


def classify(line: Line) -> None:
    """Set ``line.kind`` (and ``line.info``) from the line alone."""
    text, norm = line.text, line.norm
    if not norm:
        line.kind = "blank"
        return
    has_arabic = bool(_ARABIC.search(text))
    letters = _WORD_CHAR.findall(text)
    if not letters or (not has_arabic and len(text) <= 4):
        line.kind = "junk"
        line.info["why"] = "watermark"
        return
    if _URL_ONLY.match(text):
        line.kind, line.info["why"] = "junk", "url"
        return
    lower = re.sub(r"[^a-z ]", "", text.lower()).strip()
    if not has_arabic and (lower in cues().ui_en or lower.startswith("loading")):
        line.kind, line.info["why"] = "junk", "ui"
        return
    if norm.strip(" :.-–") in cues().related:
        line.kind = "related"
        return
    checks = (("share", _is_share), ("menu", _is_menu), ("breadcrumb", _is_breadcrumb),
              ("boilerplate", _is_boilerplate), ("counter", _is_counter))
    for why, check in checks:
        if check(line):
            line.kind, line.info["why"] = "junk", why
            return
    teaser = _teaser(line)
    if teaser:
        line.kind, line.info["teaser"] = "teaser", teaser
        return
    found = date_line(text) or _date_beside_byline(line)
    if found:
        line.kind = "date"
        line.info["date"], line.info["date_kind"] = found
        return
    credit = _caption(line)
    if credit is not None:
        line.kind, line.info["credit"] = "caption", credit
        return
    byline = _byline(line)
    if byline is not None:
        line.kind, line.info = "byline", byline
        return
    if not has_arabic and _LATIN.search(text) and len(text.split()) >= 2:
        line.kind = "english"
        return
    question = text.rstrip("»”\"' ").endswith(("?", "؟", "!")) and line.words < 12  # headline questions
    line.kind = "body" if (is_final(text) and not question) or line.words >= 15 else "short"
