"""Where runs, pages, articles and rejections are kept: SQLite by default.

Public API: ``open_store(url_or_path) -> Store`` and the :class:`Store` interface.
"""

from __future__ import annotations

from pathlib import Path

from rasid.errors import StoreError
from rasid.store.base import Store


def open_store(url_or_path: str | Path) -> Store:
    """Open (creating and migrating if needed) the store at a file path or ``sqlite:///`` URL."""
    target = str(url_or_path)
    if target.startswith(("postgresql://", "postgres://")):
        raise StoreError("the PostgreSQL store is not available in this version", source=target,
                         hint="Use a SQLite file path, e.g. --db out/rasid.db.")
    if target.startswith("sqlite:///"):
        target = target.removeprefix("sqlite:///")
    elif "://" in target:
        raise StoreError("unsupported store URL scheme", source=target,
                         hint="Pass a SQLite file path or a sqlite:/// URL.")
    from rasid.store.sqlite import SQLiteStore

    return SQLiteStore(target)


__all__ = ["Store", "open_store"]
