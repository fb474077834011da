"""The canonical entity: one real-world person, place, organisation or thing across articles and runs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class CanonicalEntity:
    """A linked entity; ``id`` is stable (derived from its catalogue key, or type + normalised name).

    ``mentions`` counts the mentions linked to it, ``articles`` lists the article ids where it occurs;
    ``roles`` (English role words) and ``countries`` (ISO alpha-2) come from titles and nationality
    adjectives written next to its mentions, and from the curated table.
    """

    id: str
    type: str
    name: str
    name_en: str | None = None
    wikidata: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    mentions: int = 0
    articles: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The ``entities.jsonl`` record; field names are stable."""
        return {"id": self.id, "type": self.type, "name": self.name, "name_en": self.name_en,
                "wikidata": self.wikidata, "aliases": list(self.aliases), "roles": list(self.roles),
                "countries": list(self.countries), "mentions": self.mentions,
                "articles": list(self.articles)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CanonicalEntity:
        """Rebuild an entity from its ``to_json`` record (entities already in the store)."""
        return cls(id=data["id"], type=data["type"], name=data["name"], name_en=data.get("name_en"),
                   wikidata=data.get("wikidata"), aliases=list(data.get("aliases", [])),
                   roles=list(data.get("roles", [])), countries=list(data.get("countries", [])),
                   mentions=int(data.get("mentions", 0)), articles=list(data.get("articles", [])))
