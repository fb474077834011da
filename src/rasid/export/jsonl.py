"""``articles.jsonl``, ``rejected.jsonl`` and ``entities.jsonl``: one JSON record per line, UTF-8.

Articles and rejections are written as results stream in; entities once the run has linked them all.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from rasid.link.model import CanonicalEntity
from rasid.model import Article, Rejected

ARTICLES_FILE = "articles.jsonl"
REJECTED_FILE = "rejected.jsonl"
ENTITIES_FILE = "entities.jsonl"


def dumps_line(record: dict[str, Any]) -> str:
    """One JSONL line: Arabic kept as is (``ensure_ascii=False``), no inner newlines."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


class JsonlWriter:
    """Writes articles and rejections to ``DIR/articles.jsonl`` and ``DIR/rejected.jsonl`` (truncating)."""

    def __init__(self, out_dir: Path) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        self.articles_path = out_dir / ARTICLES_FILE
        self.rejected_path = out_dir / REJECTED_FILE
        self._articles: IO[str] = self.articles_path.open("w", encoding="utf-8", newline="\n")
        self._rejected: IO[str] = self.rejected_path.open("w", encoding="utf-8", newline="\n")
        self.counts = {"articles": 0, "rejected": 0}

    def write(self, item: Article | Rejected) -> None:
        """Append one article or one rejection to its file."""
        if isinstance(item, Article):
            self._articles.write(dumps_line(item.to_json()))
            self.counts["articles"] += 1
        else:
            self._rejected.write(dumps_line(item.to_json()))
            self.counts["rejected"] += 1

    def close(self) -> None:
        """Flush and close both files."""
        self._articles.close()
        self._rejected.close()

    def __enter__(self) -> JsonlWriter:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def write_jsonl(out_dir: Path, items: Iterable[Article | Rejected]) -> dict[str, int]:
    """Write every item to the two JSONL files in ``out_dir``; returns how many of each were written."""
    with JsonlWriter(out_dir) as writer:
        for item in items:
            writer.write(item)
    return dict(writer.counts)


def write_entities(out_dir: Path, entities: Iterable[CanonicalEntity]) -> int:
    """Write ``DIR/entities.jsonl`` (most-mentioned first, then by id); returns how many were written."""
    ordered = sorted(entities, key=lambda e: (-e.mentions, e.id))
    with (out_dir / ENTITIES_FILE).open("w", encoding="utf-8", newline="\n") as fh:
        for entity in ordered:
            fh.write(dumps_line(entity.to_json()))
    return len(ordered)
