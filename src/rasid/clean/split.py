"""Page-level decisions: titles, related blocks, subheadings and where one article ends and the next begins.

Rules (each from a layout seen in scraped Arabic news pages):

- A short line that occurs twice on the page (headline repeated after the photo captions) or
  equals the input's title is a **title**; without one, the longest short unpunctuated header
  line of three words or more (before the first paragraph) is taken; else the title is null.
- Two identical short lines in a row are a photo caption shown twice.
- A related label («مقالات ذات صلة») opens a **related block**: teaser title, caption, lede and
  byline «الشرق الأوسط» (كييف) units. The block ends where a run of two or more body paragraphs
  starts; walking back from that run over header lines (titles, captions, watermarks) finds the
  start of the **next article** (a page can hold two glued articles).
  A label met inside the body and followed only by teaser titles before the text goes on
  («قد يهمك» / title / «و…» paragraph) is an inline teaser: the article continues.
- Outside a related block, a title after body text starts a new article when a date, byline or
  watermark (or, for a repeated headline, a caption or the repetition) comes before the next
  paragraph, or — with no such cue — when it reads as another story's headline: five words or
  more, two paragraphs on each side, its words found below it and not above
  (:mod:`rasid.clean.topic`; not for corpus records, which hold one article each).
- A short line between paragraphs is a **subheading** (kept in the text, listed in meta);
  short lines after the last paragraph are trailing furniture and are dropped, unless they end
  like a sentence (a closing question) or open with «و» and run six words or more.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from rasid.clean.boilerplate import Line, is_final
from rasid.clean.topic import opens_new_story

_HEADERISH = {"blank", "caption", "junk", "title", "short", "date", "english", "byline"}


@dataclass
class Part:
    """The lines of one article found on a page, by role."""

    title: str | None = None
    body: list[int] = field(default_factory=list)
    header: list[int] = field(default_factory=list)
    footer: list[int] = field(default_factory=list)
    captions: list[int] = field(default_factory=list)
    english: list[int] = field(default_factory=list)
    first_line: int = 0


def _title_like(ln: Line) -> bool:
    """A short line, or a longer one without a final mark (a long headline)."""
    if ln.words < 3:
        return False
    return ln.kind == "short" or (ln.kind == "body" and ln.words <= 30 and not is_final(ln.text))


def mark_titles(lines: list[Line], known_titles: list[str]) -> None:
    """Mark repeated short lines and known titles as ``title``; a short line twice in a row is a
    caption shown twice; a paragraph twice in a row is kept once."""
    counts = Counter(ln.norm for ln in lines if _title_like(ln))
    known = {t for t in known_titles if t}
    prev: Line | None = None
    for ln in lines:
        if ln.kind == "blank":
            continue
        if prev is not None and ln.kind == "short" and prev.norm == ln.norm and prev.kind in {"short", "caption"}:
            prev.kind = ln.kind = "caption"
            prev.info.setdefault("credit", [])
            ln.info.setdefault("credit", [])
        elif prev is not None and ln.kind == "body" and prev.kind == "body" and prev.norm == ln.norm:
            ln.kind = "junk"  # a paragraph shown twice in a row is kept once
            ln.info["why"] = "duplicate"
        elif (ln.kind in {"short", "body"} and ln.norm in known) or (_title_like(ln) and counts[ln.norm] >= 2):
            ln.kind = "title"
        prev = ln


def _next_content(lines: list[Line], i: int) -> int | None:
    """Index of the next non-blank line after ``i``."""
    for j in range(i + 1, len(lines)):
        if lines[j].kind != "blank":
            return j
    return None


def _starts_article(lines: list[Line], i: int) -> bool:
    """Whether the title-like line ``i``, seen after body text, opens a new article.

    It does when a header cue (a date or byline line, a watermark, or — for a repeated headline —
    a caption or its repetition) comes between it and the next paragraph.
    """
    ln = lines[i]
    cue = False
    for j in range(i + 1, min(len(lines), i + 14)):
        other = lines[j]
        if other.kind == "body":
            return cue
        if other.kind in {"related", "teaser"}:
            return False
        header_cue = other.kind in {"date", "byline"} or other.info.get("why") == "watermark"
        repeat_cue = ln.kind == "title" and (other.kind == "caption" or (other.kind == "title" and other.norm == ln.norm))
        cue = cue or header_cue or repeat_cue
    return False


def _headline_of_new_story(lines: list[Line], i: int, part: Part) -> bool:
    """Whether the short line ``i`` after body text heads an unrelated story glued below (no header cues).

    Needs two paragraphs above it in the current article and two below it before the next short
    line; the vocabulary test is :func:`rasid.clean.topic.opens_new_story`.
    """
    above = [lines[k].text for k in part.body if lines[k].kind == "body"]
    below: list[str] = []
    for k in range(i + 1, len(lines)):
        kind = lines[k].kind
        if kind == "body":
            below.append(lines[k].text)
        elif kind not in {"blank", "caption", "junk"}:
            break
    if len(above) < 2 or len(below) < 2:
        return False
    return opens_new_story(lines[i].text, above, below)


def _related_end(lines: list[Line], i: int) -> int:
    """Where the related block opened at ``i`` ends: the start of the next article, or ``len(lines)``."""
    j = i + 1
    n = len(lines)
    while j < n:
        if lines[j].kind != "body":
            j += 1
            continue
        run = [j]
        k = j + 1
        while k < n and lines[k].kind in {"blank", "caption", "body"}:
            if lines[k].kind == "body":
                run.append(k)
            k += 1
        after = k
        while after < n and lines[after].kind == "blank":
            after += 1
        if len(run) >= 2 and not (after < n and lines[after].kind == "byline"):
            start = j
            while start - 1 > i and lines[start - 1].kind in _HEADERISH and lines[start - 1].kind != "byline":
                start -= 1
            while start < j and lines[start].kind in {"blank", "caption", "junk"}:
                start += 1
            return start
        j = k
    return n


def _inline_end(lines: list[Line], i: int) -> int | None:
    """After a label and teaser titles only, where the same article goes on («قد يهمك» mid-text)."""
    for k in range(i + 1, len(lines)):
        ln = lines[k]
        if ln.kind == "body":
            # The article goes on when the paragraph continues it («و…») or another paragraph follows.
            after = next((m for m in range(k + 1, len(lines)) if lines[m].kind not in {"blank", "caption"}), None)
            followed = after is not None and lines[after].kind == "body"
            return k if ln.norm.startswith("و") or followed else None
        if ln.kind in {"byline", "date", "title", "related"} or ln.info.get("why") == "watermark":
            return None
    return None


def split_parts(lines: list[Line], lead_is_body: bool = False) -> list[Part]:
    """Group classified lines into articles (see the module docstring for the rules).

    ``lead_is_body``: short lines before the first paragraph and after the last one are text,
    not a headline or trailing furniture (corpus records: their title comes with the record).
    """
    parts: list[Part] = [Part()]
    state = "header"
    skip_teaser = False
    i = 0
    n = len(lines)
    while i < n:
        ln = lines[i]
        part = parts[-1]
        kind = ln.kind
        if kind == "blank":
            i += 1
            continue
        if kind == "related":
            resume = _inline_end(lines, i) if state == "body" else None
            end = resume if resume is not None else _related_end(lines, i)
            for j in range(i, end):
                lines[j].info["related"] = True
            if resume is not None:
                i = resume
                continue
            if end < n:
                parts.append(Part(first_line=end))
                state = "header"
            i = end
            continue
        if kind == "teaser":
            skip_teaser = ln.info.get("teaser") == "label"
            i += 1
            continue
        if skip_teaser and kind in {"short", "title", "caption"}:
            ln.info["teaser_title"] = True
            i += 1
            continue
        skip_teaser = False
        if kind in {"title", "short"} and state == "body" and (
            _starts_article(lines, i) or (not lead_is_body and _headline_of_new_story(lines, i, part))
        ):
            parts.append(Part(first_line=i))
            part = parts[-1]
            state = "header"
            ln.kind = kind = "title"
        if kind == "title":
            if state == "header":
                part.title = part.title or ln.text
            else:
                ln.kind = "short"  # a repeated line inside the body that opens nothing
                part.body.append(i)
        elif kind == "short":
            (part.header if state == "header" else part.body).append(i)
        elif kind == "body":
            part.body.append(i)
            state = "body"
        elif kind == "caption":
            part.captions.append(i)
        elif kind == "english":
            part.english.append(i)
        elif kind in {"date", "byline"}:
            (part.header if state == "header" else part.footer).append(i)
        i += 1
    for part in parts:
        while part.body and lines[part.body[-1]].kind != "body" and not lead_is_body:
            last = lines[part.body[-1]]
            if (last.norm.startswith("و") and last.words >= 6) or is_final(last.text):
                last.kind = "body"  # an unpunctuated closing paragraph, or a closing question
                break
            part.footer.append(part.body.pop())
        if lead_is_body:
            lead = [i for i in part.header if lines[i].kind == "short" and (not part.body or i < part.body[0])]
            part.header = [i for i in part.header if i not in lead]
            part.body = sorted(part.body + lead)
        elif part.title is None:
            _choose_title(lines, part)
    return [p for p in parts if p.body]


def _choose_title(lines: list[Line], part: Part) -> None:
    """With no repeated headline: the longest short header line of three words or more."""
    first_body = part.body[0] if part.body else len(lines)
    cands = [i for i in part.header if i < first_body and lines[i].kind == "short" and lines[i].words >= 3]
    if cands:
        best = max(cands, key=lambda i: (lines[i].words, -i))
        lines[best].kind = "title"
        part.title = lines[best].text
