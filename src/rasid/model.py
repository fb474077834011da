"""The data model shared by every stage.

A :class:`Page` is what was read; an :class:`Article` is what cleaning found in it. Every
annotation on an article is a span of character offsets into ``Article.text`` (STYLE rule 3),
kept all the way to the output so any item can be shown highlighted in its sentence; the one
exception, :class:`FieldMention`, says which other field of the article its offsets index into.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any


def stable_id(prefix: str, *parts: str, size: int = 16) -> str:
    """A short, deterministic id: the same inputs give the same id on every run and machine."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"{prefix}_{digest[:size]}"


@dataclass
class Page:
    """One input document as read: the decoded raw content and what the input said about it.

    ``raw`` is the whole decoded input (HTML stays HTML). ``meta`` holds metadata given by the
    input itself (``id``, ``title``, ``outlet``, ``url``, ``published``) — never guessed.
    """

    id: str
    source: str
    raw: str
    format: str
    encoding: str = "utf-8"
    meta: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def make(cls, source: str, raw: str, fmt: str, encoding: str = "utf-8",
             meta: dict[str, Any] | None = None) -> Page:
        """Build a page whose id is derived from its content, so re-reading it gives the same id.

        The URL or input id given with the page is part of the key: the same wire body published
        by two outlets stays two pages (it is the story stage that groups copies), while the same
        file read twice is one page.
        """
        meta = dict(meta or {})
        key = str(meta.get("url") or meta.get("id") or "")
        return cls(id=stable_id("p", fmt, key, raw), source=source, raw=raw, format=fmt,
                   encoding=encoding, meta=meta)


@dataclass
class Span:
    """A stretch of ``Article.text``: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass
class Mention(Span):
    """A named-entity mention (PER, ORG, LOC, MISC); ``entity`` is its canonical id once linked."""

    type: str = "MISC"
    entity: str | None = None


@dataclass
class FieldMention(Mention):
    """A mention outside the article text, in one of the article's other fields.

    ``where`` names the field and ``index`` the item in it; ``start``/``end`` index into that string:
    ``"caption"`` → ``meta["captions"][index]``, ``"byline"`` → ``meta["bylines"][index]``,
    ``"wire"`` → ``wire[index]``, ``"credit"`` → ``credits[index]``.
    """

    where: str = "caption"
    index: int = 0


@dataclass
class Quantity(Span):
    """A figure with its unit and who states it."""

    value: float | None = None
    value_max: float | None = None
    approx: str | None = None
    unit: str | None = None
    subject: str | None = None
    attributed_to: str | None = None
    #: canonical entity id of the claimant, when the claimant is a linked mention
    attributed_entity: str | None = None


@dataclass
class TimeRef(Span):
    """A time expression resolved against the article's publication date (ISO value or null)."""

    value: str | None = None
    kind: str = "date"


@dataclass
class Quote(Span):
    """A direct or reported quote with its speaker (an entity id or a surface string)."""

    speaker: str | None = None
    direct: bool = True
    #: canonical entity id of the speaker, when the speaker is a linked mention
    speaker_entity: str | None = None


@dataclass
class Event(Span):
    """A typed event: trigger span, CAMEO ``code`` and PLOVER root, actors, time, place, tense."""

    type: str = ""
    code: str | None = None
    plover: str | None = None
    actors: list[str] = field(default_factory=list)
    time: str | None = None
    place: str | None = None
    tense: str | None = None


@dataclass
class Article:
    """One article found in a page, with metadata, clean text and the annotations of later steps.

    ``offsets`` maps the clean text back to ``Page.raw``: a list of ``(text_start, raw_start, length)``
    segments such that ``text[t:t+n] == raw[r:r+n]``. Stretches that cannot be mapped exactly
    (text normalised from HTML entities, say) are left out rather than mapped wrongly.
    """

    id: str
    page_id: str
    source: str
    text: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    wire: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    offsets: list[tuple[int, int, int]] = field(default_factory=list)
    entities: list[Mention] = field(default_factory=list)
    #: mentions in photo captions, bylines, wire and credits (offsets into those fields, not ``text``)
    meta_entities: list[FieldMention] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    times: list[TimeRef] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The ``articles.jsonl`` record (see docs/output.md); field names are stable."""
        return {
            "id": self.id,
            "source": self.source,
            "page": self.page_id,
            "url": self.url,
            "outlet": self.outlet,
            "title": self.title,
            "published": self.published,
            "wire": list(self.wire),
            "credits": list(self.credits),
            "meta": dict(self.meta),
            "text": self.text,
            "entities": [asdict(m) for m in self.entities],
            "meta_entities": [asdict(m) for m in self.meta_entities],
            "quantities": [asdict(q) for q in self.quantities],
            "times": [asdict(t) for t in self.times],
            "quotes": [asdict(q) for q in self.quotes],
            "events": [asdict(e) for e in self.events],
        }


@dataclass
class Rejected:
    """An input that was not accepted, with the typed reason; written to ``rejected.jsonl``."""

    source: str
    code: str
    error: str
    message: str
    hint: str | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)
