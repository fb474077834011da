"""Which outlet published a page: input metadata, the URL's domain, or cues on the page itself.

The domain and name table is data (``lang/ar/clean_outlets.tsv``). Page cues, strongest first:
the outlet part of a byline («يمن فريدم-فرانس برس»), the name in a copyright footer
(«جميع الحقوق محفوظة YemenFreedom», «© 2025 جريدة الضفة - جميع الحقوق محفوظة»), the masthead
line at the top of the page («نبض الخليج | أخبار العالم»), a dateline's outlet, then the quoted
name in related-article bylines («الشرق الأوسط» (كييف)). No cue gives None.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

from rasid.clean.cues import Outlet, cues
from rasid.clean.wire import agency_code
from rasid.text.normalize import normalize, normalize_alef, normalize_taa_marbuta, normalize_yaa

_RIGHTS = re.compile(
    r"(?:جميع|كل)\s+(?:حقوق\s+النشر|الحقوق)\s+محفوظه|حقوق\s+(?:النشر|الطبع)(?:\s+والتوزيع)?\s+محفوظه"
    r"|الحقوق\s+محفوظه|all\s+rights\s+reserved|copyright|©|\(c\)", re.I)
_CUT = re.compile(r"(?:تصميم|تطوير|برمجه|powered\s+by|designed\s+by|developed\s+by)", re.I)
_SEP = re.compile(r"\s*(?:\||-{2,}|\s-\s|—|–|•|·|،|,|(?<=\D)\.(?=\s|$)|:)\s*")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?(?!\d)")
_EDGE = " .:-–—|©()\"'«»"
_MAST_SEP = re.compile(r"\s*(?:\||»|›|•|·|\s-\s|—|–)\s*")
_FINAL = ".!?؟…;؛"


def _key(name: str) -> str:
    """A comparison key: normalised, lower case, without spaces and punctuation."""
    return re.sub(r"[\W_]+", "", normalize(name).lower())


def by_name(name: str) -> str | None:
    """The table's Arabic name for an outlet written any known way («YemenFreedom» → «يمن فريدم»)."""
    key = _key(name)
    if not key:
        return None
    for outlet in cues().outlets:
        if key in {_key(outlet.name), *(_key(a) for a in outlet.aliases)}:
            return outlet.name
    return None


def by_url(url: str | None) -> str | None:
    """The outlet of a URL whose domain (or a parent domain) is in the table."""
    if not url:
        return None
    host = (urlparse(url if "//" in url else f"//{url}").hostname or "").lower()
    best: Outlet | None = None
    for outlet in cues().outlets:
        if (host == outlet.domain or host.endswith("." + outlet.domain)) and (
            best is None or len(outlet.domain) > len(best.domain)
        ):
            best = outlet
    return best.name if best else None


def _fold(text: str) -> str:
    """Alef, yaa and taa marbuta folded; length-preserving, so positions stay those of ``text``."""
    return normalize_taa_marbuta(normalize_alef(normalize_yaa(text)))


def _after_rights(name: str) -> list[str]:
    """Readings of a name written right after «محفوظة»: with the preposition «لـ» cut, and as written.

    «لصدى العاصمة» → «صدى العاصمة»; «للشرق الأوسط» → «الشرق الأوسط» (ل + ال).
    """
    if name.startswith("لل") and len(name) > 3:
        return ["ا" + name[1:], name[2:], name]
    if name.startswith("لـ"):
        return [name[2:].lstrip("ـ "), name]
    if name.startswith("ل") and len(name.split()[0]) > 2:
        return [name[1:], name]
    if name.lower().startswith("to "):
        return [name[3:], name]
    return [name]


def _is_menu_words(name: str) -> bool:
    """Whether a footer segment is only navigation words («اتصل بنا», «سياسة الخصوصية»)."""
    norm = normalize(name).strip().lower()
    c = cues()
    if norm in c.boilerplate_exact or any(p in norm for p in (*c.boilerplate, *c.boilerplate_weak)):
        return True
    for word in c.menu:  # longest first
        norm = norm.replace(word, " ")
    return all(w == "و" for w in norm.split())  # «عربي ودولي»: a conjunction between menu words


def from_copyright(line: str) -> str | None:
    """The outlet a copyright footer names, wherever the name stands, mapped through the table when known.

    «© 2025 جريدة الضفة - جميع الحقوق محفوظة», «الرائد نيوز © 2025. جميع الحقوق محفوظة.»,
    «© جميع الحقوق محفوظة لصدى العاصمة 2025» (the preposition «لـ» is cut) and
    «جميع الحقوق محفوظة YemenFreedom ---- تصميم وبرمجة …» (design credits are cut) all give the name.
    Segments that are years, navigation or site notices never count; a footer that names
    nothing gives None.
    """
    folded = _fold(line)
    rights = list(_RIGHTS.finditer(folded))
    if not rights:
        return None
    cut = _CUT.search(folded)
    end = cut.start() if cut else len(line)
    # Pieces of the line between the rights phrases, each flagged when it follows «محفوظة».
    # A name before a Latin «copyright» word is a sentence («Photos are copyright.»), not a footer.
    pieces: list[tuple[str, bool]] = []
    pos, follows = 0, False
    for m in rights:
        if m.start() >= end:
            break
        if pos > 0 or not folded[m.start()].isascii() or not folded[m.start()].isalpha():
            pieces.append((line[pos:m.start()], follows))
        pos, follows = m.end(), folded[m.start():m.end()].endswith("محفوظه")
    pieces.append((line[pos:end], follows))
    candidates: list[str] = []
    for piece, after_rights in pieces:
        for k, segment in enumerate(_SEP.split(_YEAR.sub(" ", piece))):
            name = " ".join(segment.split()).strip(_EDGE)
            if not name or not re.search(r"[^\W\d_]", name) or len(name.split()) > 5:
                continue
            readings = [r.strip(_EDGE) for r in (_after_rights(name) if after_rights and k == 0 else [name])]
            known = next(filter(None, map(by_name, readings)), None)
            if known:
                return known
            if not _is_menu_words(readings[0]):
                candidates.append(readings[0])
    return candidates[0] if candidates else None


def masthead(line: str) -> tuple[str | None, bool]:
    """The outlet a masthead line names, and whether a section name stands beside it.

    «نبض الخليج | أخبار العالم» → («نبض الخليج», True); «جريدة الضفة» → («جريدة الضفة», False).
    A line of one to four words, or of such a name and navigation words split by «|», «»» or a
    dash. Whether a bare name is the page's masthead is decided by its place (see
    :mod:`rasid.clean`).
    """
    text = line.strip()
    if not text or text[-1] in _FINAL:
        return None, False
    segments = [seg.strip(_EDGE) for seg in _MAST_SEP.split(text)]
    segments = [seg for seg in segments if seg]
    names = [seg for seg in segments if not _is_menu_words(seg)]
    if len(names) != 1:
        return None, False
    name = names[0]
    if not 1 <= len(name.split()) <= 4 or not re.search(r"[^\W\d_]", name) or re.search(r"\d", name):
        return None, False
    return by_name(name) or name, len(segments) > 1


_TITLE_SEP = re.compile(r"\s+(?:\||-|–|—|::|»)\s+")


def from_title(title: str | None, headline: str | None) -> str | None:
    """The site name beside the headline in an HTML ``<title>``: «العنوان - الرائد نيوز» → «الرائد نيوز».

    Counts only when one part of the title is the headline itself and one other part of one to
    four words remains.
    """
    if not title or not headline:
        return None
    head = _key(headline)
    segments = [seg.strip(_EDGE) for seg in _TITLE_SEP.split(title)]
    rest = [seg for seg in segments if seg and _key(seg) != head]
    if len(rest) != 1 or len(rest) == len([seg for seg in segments if seg]):
        return None
    name = rest[0]
    if not 1 <= len(name.split()) <= 4 or _is_menu_words(name):
        return None
    return by_name(name) or name


def outlet_from_parts(parts: list[str]) -> str | None:
    """The outlet a byline names beside an agency («يمن فريدم-فرانس برس»): through the table, else as written."""
    for part in parts:
        known = by_name(part)
        if known:
            return known
    places = cues().places
    short = [p for p in parts if 1 <= len(p.split()) <= 3 and normalize(p).strip() not in places]
    return short[0] if len(short) == 1 else None


_DATELINE = re.compile(r"^[^()«»:.]{2,40}?(?:\(([^()]{2,30})\)|[-–—]\s*«([^«»]{2,30})»)\s*[-–—:]")


def outlet_in_dateline(paragraph: str) -> str | None:
    """The outlet a first paragraph's dateline names: «دمشق، سوريا (CNN) --», «لندن- «القدس العربي»:».

    Agencies are wire, not outlets, so only names in the outlet table (or «quoted» names) count.
    """
    m = _DATELINE.match(paragraph)
    if not m:
        return None
    name = (m.group(1) or m.group(2)).strip()
    if agency_code(name):
        return None
    return by_name(name) or (name if m.group(2) else None)
