"""URL lists: rasid never fetches, so each URL is recorded as rejected with the reason and a hint."""

from __future__ import annotations

from collections.abc import Iterator

from rasid.errors import NetworkDisabledError


def iter_urls(text: str, source: str) -> Iterator[NetworkDisabledError]:
    """One NetworkDisabledError per URL line, its source ``path:LINE``, its message naming the URL."""
    for lineno, line in enumerate(text.split("\n"), start=1):
        url = line.strip()
        if url:
            yield NetworkDisabledError(f"not fetched: {url} (rasid does not download pages)",
                                       source=f"{source}:{lineno}")
