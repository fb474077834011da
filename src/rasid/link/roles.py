"""Titles, roles and nationality written next to a name: attributes of the entity, not its name.

«وزير الدفاع الأمريكي لويد أوستن» → roles ["defence minister"], countries ["US"], name «لويد أوستن».
«وزيرة خارجية كوريا الشمالية تشوي سون هوي» → ["foreign minister"], ["KP"] (a construct title whose
genitive is a country); «المتحدث باسم الكرملين» takes its country from the organisation.
"""

from __future__ import annotations

from rasid.link.gazetteer import Catalogue, catalogue
from rasid.link.variants import clitic_variants, norm_word
from rasid.model import Mention
from rasid.text.tokens import Token, tokenize

_MAX_TITLE = 4
_NOT_COUNTRIES = frozenset({"EU", "UN"})


def _words_before(text: str, start: int, limit: int = 12) -> list[Token]:
    """The word tokens right before ``start`` in the same clause (stops at any punctuation mark)."""
    window = max(0, start - 160)
    tokens = tokenize(text[window:start], offset=window)
    out: list[Token] = []
    for tok in reversed(tokens):
        if not (tok.text[0].isalpha() or tok.text[0].isdigit()) or len(out) >= limit:
            break
        out.append(tok)
    return list(reversed(out))


def _nationality_at_end(cat: Catalogue, words: list[str], end: int) -> tuple[str, int] | None:
    for n in (2, 1):
        if end - n >= 0 and (iso := cat.nationality.get(" ".join(words[end - n:end]))):
            return iso, n
    return None


def _title_at_end(cat: Catalogue, words: list[str], end: int) -> tuple[str, bool, int] | None:
    for n in range(min(_MAX_TITLE, end), 0, -1):
        title = cat.titles.get(" ".join(words[end - n:end]))
        if title:
            return title.role, title.construct, n
    return None


def _institution_country(cat: Catalogue, words: list[str]) -> str | None:
    """«الخارجيه الايرانيه», «وزاره خارجيه روسيا» → the country of the institution, else None."""
    for n in range(len(words) - 1, 0, -1):
        if " ".join(words[:n]) in cat.heads:
            tail = " ".join(words[n:])
            return cat.nationality_of(tail) or cat.country_of(tail)
    return None


def _complement_at_end(cat: Catalogue, words: list[str], end: int) -> tuple[str | None, int] | None:
    """A country or organisation ending at ``end`` (the genitive of a construct title): (iso, size)."""
    for n in range(min(4, end), 0, -1):
        phrase = " ".join(words[end - n:end])
        iso = cat.country_of(phrase) or _institution_country(cat, words[end - n:end])
        if iso:
            return iso, n
        for variant in clitic_variants(phrase):
            hits = [e for e in cat.lookup(variant) if e.type in ("ORG", "LOC") and e.curated]
            if len(hits) == 1:
                country = hits[0].country
                return (country if country and country not in _NOT_COUNTRIES else None), n
    return None


def parse_before(cat: Catalogue, words: list[str]) -> tuple[list[str], list[str], int]:
    """Roles and countries written at the end of ``words`` (normalised), and how many words they take.

    Tried in turn: title + nationality («وزير الدفاع الأمريكي»), title + country or organisation
    («وزيرة خارجية كوريا الشمالية», «المتحدث باسم الكرملين»), a bare nationality («الكوري الشمالي»).
    """
    end, former = len(words), False
    for _ in range(2):
        for n in (2, 1):
            modifier = cat.modifiers.get(" ".join(words[end - n:end])) if end - n >= 0 else None
            if modifier:
                former, end = former or modifier == "former", end - n
                break
    roles, countries, used = _parse_title(cat, words[:end])
    if not roles and not countries:
        return [], [], 0
    return [f"former {r}" for r in roles] if former else roles, countries, used + len(words) - end


def _parse_title(cat: Catalogue, words: list[str]) -> tuple[list[str], list[str], int]:
    end = len(words)
    nat = _nationality_at_end(cat, words, end)
    if nat and (title := _title_at_end(cat, words, end - nat[1])):
        return [title[0]], [nat[0]], nat[1] + title[2]
    if title := _title_at_end(cat, words, end):
        return [title[0]], [], title[2]
    comp = _complement_at_end(cat, words, end)
    if comp and (title := _title_at_end(cat, words, end - comp[1])):
        return [title[0]], [comp[0]] if comp[0] else [], comp[1] + title[2]
    if nat:
        return [], [nat[0]], nat[1]
    return [], [], 0


def split_title(text: str, cat: Catalogue | None = None) -> tuple[int, list[str], list[str]]:
    """A title at the start of a name span: (characters to skip, roles, countries); (0, [], []) if none."""
    cat = cat or catalogue()
    tokens = [t for t in tokenize(text) if t.text[0].isalpha()]
    words = [norm_word(t.text) for t in tokens]
    for cut in range(min(len(words) - 1, _MAX_TITLE + 4), 0, -1):
        roles, countries, used = parse_before(cat, words[:cut])
        if roles and used == cut:
            return tokens[cut].start, roles, countries
    return 0, [], []


def roles_and_countries(text: str, mention: Mention) -> tuple[list[str], list[str]]:
    """Roles and countries written before ``mention`` in ``text`` (or at the start of its own span)."""
    cat = catalogue()
    _, roles, countries = split_title(mention.text, cat)
    if roles:
        return roles, countries
    words = [norm_word(t.text) for t in _words_before(text, mention.start)]
    roles, countries, _ = parse_before(cat, words)
    return roles, countries
