"""Entity mentions outside the article text: photo captions, bylines, wire agencies, photo credits.

The cleaner keeps these out of ``Article.text`` (they are not the story), but they name entities
too: a caption may be the only place «سيرغي لافروف» appears, a byline names the outlet and the
agency («يمن فريدم-فرانس برس»). They are kept in ``Article.meta_entities`` as
:class:`rasid.model.FieldMention` spans into their own field, so every offset into ``text`` stays
valid, and they are linked with the article's text mentions into the same canonical entities.

* ``caption`` — each caption is tagged and spotted like the text, except its trailing photo
  credit «(أرشيفية - رويترز)», which is a credit, not a mention.
* ``byline`` — each part of a byline: an agency («فرانس برس», «أ ف ب») or the article's outlet is
  an ORG mention as it stands; other parts (an author, a dateline place) are tagged and spotted.
* ``wire`` and ``credit`` — each agency the article relies on, and each credited organisation, is
  one ORG mention of that list item, linked by its code («AFP» → Agence France-Presse) — unless
  the article already names the same entity elsewhere, so an agency counts once per article.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from rasid.link.spotter import add_catalogue_mentions
from rasid.model import Article, FieldMention, Mention
from rasid.text.normalize import normalize

CAPTION, BYLINE, WIRE, CREDIT = "caption", "byline", "wire", "credit"
#: Fields whose mentions are candidates: dropped when the article already names the entity.
LISTED = (WIRE, CREDIT)

_PART = re.compile(r"[^\-–—/|،,+:()«»{}\"*•]+")
_TRAILING_PAREN = re.compile(r"\s*\(([^()]{1,60})\)\s*$")
_DASH_CREDIT = re.compile(r"\s[\-–—/|]\s*([^\-–—/|()]{2,30})$")


def field_text(article: Article, where: str, index: int) -> str | None:
    """The string a :class:`FieldMention` of ``article`` indexes into, or None if there is none."""
    if where in (CAPTION, BYLINE):
        values = article.meta.get(f"{where}s") or []
    else:
        values = article.wire if where == WIRE else article.credits if where == CREDIT else []
    value = values[index] if 0 <= index < len(values) else None
    return value if isinstance(value, str) else None


def _strings(article: Article, where: str) -> list[str]:
    values = article.meta.get(f"{where}s") or []
    return [v if isinstance(v, str) else "" for v in values]


def caption_end(caption: str) -> int:
    """Where the caption's words end: before a trailing photo credit «(أرشيفية - رويترز)», «- رويترز»."""
    from rasid.clean.wire import credit_parts

    for pattern in (_TRAILING_PAREN, _DASH_CREDIT):
        m = pattern.search(caption)
        if m and m.start() > 0 and credit_parts(m.group(1)) is not None:
            return m.start()
    return len(caption)


def _same_name(a: str, b: str) -> bool:
    def key(s: str) -> str:
        return re.sub(r"[\W_]+", "", normalize(s).lower())
    return bool(key(a)) and key(a) == key(b)


def byline_parts(line: str, outlet: str | None) -> list[tuple[int, int, str | None]]:
    """``(start, end, kind)`` of each part of a byline: kind ``"agency"``, ``"outlet"`` or None (other)."""
    from rasid.clean.outlets import by_name
    from rasid.clean.wire import agency_code

    out: list[tuple[int, int, str | None]] = []
    for m in _PART.finditer(line):
        raw = m.group()
        start = m.start() + len(raw) - len(raw.lstrip())
        end = m.end() - (len(raw) - len(raw.rstrip()))
        part = line[start:end]
        if not any(ch.isalpha() for ch in part):
            continue
        kind = None
        if agency_code(part):
            kind = "agency"
        elif outlet and (_same_name(part, outlet) or by_name(part) == outlet):
            kind = "outlet"
        out.append((start, end, kind))
    return out


def find_field_mentions(article: Article, find: Callable[[str], list[Mention]]) -> list[FieldMention]:
    """Mentions the tagger ``find`` gives in the article's captions and bylines (the ``ner`` step)."""
    out: list[FieldMention] = []
    for i, caption in enumerate(_strings(article, CAPTION)):
        out.extend(_field(m, CAPTION, i) for m in find(caption[:caption_end(caption)]))
    for i, line in enumerate(_strings(article, BYLINE)):
        for start, end, kind in byline_parts(line, article.outlet):
            if kind:
                out.append(FieldMention(start, end, line[start:end], "ORG", where=BYLINE, index=i))
            else:
                out.extend(_field(m, BYLINE, i, start) for m in find(line[start:end]))
    return out


def spot_field_mentions(article: Article) -> list[FieldMention]:
    """``meta_entities`` plus catalogue names in captions and bylines and one candidate per wire
    agency and photo credit (the ``link`` step; candidates already named are dropped by the linker)."""
    out: list[FieldMention] = []
    for where in (CAPTION, BYLINE):
        for i, value in enumerate(_strings(article, where)):
            mine = [m for m in article.meta_entities if m.where == where and m.index == i]
            parts: list[tuple[int, int, str | None]]
            if where == CAPTION:
                parts = [(0, caption_end(value), None)]
            else:  # the outlet and agency parts stand as they are; the spotter reads the others
                parts = byline_parts(value, article.outlet)
                out.extend(m for m in mine if any(a <= m.start and m.end <= b and k for a, b, k in parts))
            for a, b, kind in parts:
                if kind:
                    continue
                inside: list[Mention] = [_field(m, where, i, -a) for m in mine if a <= m.start and m.end <= b]
                out.extend(_field(m, where, i, a) for m in add_catalogue_mentions(value[a:b], inside))
    out.extend(m for m in article.meta_entities if m.where not in (CAPTION, BYLINE, *LISTED))
    for where, values in ((WIRE, article.wire), (CREDIT, article.credits)):
        out.extend(FieldMention(0, len(v), v, "ORG", where=where, index=i) for i, v in enumerate(values) if v)
    return out


def _field(m: Mention, where: str, index: int, shift: int = 0) -> FieldMention:
    return FieldMention(m.start + shift, m.end + shift, m.text, m.type, m.entity, where=where, index=index)


# -- targets the linker does not look up by name --------------------------------------------------
def agency_names(code: str) -> list[str]:
    """The normalised Arabic names of an agency code from the agencies table («AFP» → «فرانس برس», …)."""
    from rasid.clean.cues import cues

    return [a.variant for a in cues().agencies if a.code == code]


def byline_outlet(article: Article, mention: FieldMention) -> str | None:
    """The article's outlet when ``mention`` is the byline part naming it, else None."""
    if mention.where != BYLINE or not article.outlet:
        return None
    from rasid.clean.outlets import by_name

    if _same_name(mention.text, article.outlet) or by_name(mention.text) == article.outlet:
        return article.outlet
    return None


def agency_of(mention: FieldMention) -> str | None:
    """The agency code a byline, wire or credit mention stands for («فرانس برس», «AFP» → «AFP»)."""
    if mention.where not in (BYLINE, *LISTED):
        return None
    from rasid.clean.wire import agency_code

    return agency_code(mention.text)


@lru_cache(maxsize=256)
def outlet_name_en(name: str) -> str | None:
    """A Latin name of an outlet from the outlets table («الشرق الأوسط» → «Asharq Al-Awsat»)."""
    from rasid.clean.cues import cues

    for outlet in cues().outlets:
        if outlet.name == name:
            latin = [a for a in outlet.aliases if a.isascii() and any(c.isalpha() for c in a)]
            spaced = [a for a in latin if " " in a]
            return (spaced or latin)[0] if latin else None
    return None
