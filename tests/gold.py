"""The hand-checked example pages and their gold (``../shared/examples``), read one way for every gate."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT.parent / "shared" / "examples"


def gold_documents(examples: Path = EXAMPLES) -> Iterator[tuple[dict[str, Any], str]]:
    """Each gold file's JSON with the text of the page it annotates, in file order."""
    for path in sorted((examples / "gold").glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        yield doc, (examples / "pages" / Path(doc["file"]).name).read_text(encoding="utf-8")


def article_body(page: str, article: dict[str, Any]) -> str | None:
    """The stretch of ``page`` from the gold article's first line to its last, or None if not found."""
    start = page.find(article["first_line"])
    last = page.find(article["last_line"], max(start, 0))
    if start < 0 or last < 0:
        return None
    return page[start:last + len(article["last_line"])]
