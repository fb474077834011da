"""The SQLite store: one file, WAL mode, one writer, explicit transactions, named migrations.

Pages are keyed by their content hash and articles by their stable id, so analysing the same
input twice adds a second ``runs`` row and link rows, never duplicate pages or articles.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rasid import __version__
from rasid.errors import StoreError
from rasid.link.model import CanonicalEntity
from rasid.model import Article, Event, FieldMention, Mention, Page, Quantity, Quote, Rejected, TimeRef
from rasid.store.base import Store
from rasid.store.migrations import migrate

#: Article annotation lists kept together in the ``annotations`` JSON column, with their span type.
ANNOTATIONS: dict[str, type] = {"entities": Mention, "meta_entities": FieldMention, "quantities": Quantity,
                                "times": TimeRef, "quotes": Quote, "events": Event}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _build(cls: type, data: dict[str, Any]) -> Any:
    """Rebuild a span dataclass from its JSON, ignoring keys a newer or older version added."""
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


def article_from_row(row: sqlite3.Row) -> Article:
    """An :class:`Article` rebuilt from one ``articles`` row."""
    notes = json.loads(row["annotations"])
    return Article(
        id=row["id"], page_id=row["page_id"], source=row["source"], text=row["text"], title=row["title"],
        outlet=row["outlet"], published=row["published"], url=row["url"], wire=json.loads(row["wire"]),
        credits=json.loads(row["credits"]), meta=json.loads(row["meta"]),
        offsets=[(int(a), int(b), int(c)) for a, b, c in json.loads(row["offsets"])],
        **{key: [_build(cls, d) for d in notes.get(key, [])] for key, cls in ANNOTATIONS.items()},
    )


class SQLiteStore(Store):
    """A store in one SQLite file (or ``:memory:``); safe to share between threads, one writer at a time."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.url = self.path
        self._lock = threading.RLock()
        self._depth = 0
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"cannot open the SQLite store: {exc}", source=self.path) from exc
        try:
            self._conn.row_factory = sqlite3.Row
            for pragma in ("busy_timeout = 5000", "journal_mode = WAL", "synchronous = NORMAL", "foreign_keys = ON"):
                self._conn.execute(f"PRAGMA {pragma}")
            with self._lock:
                migrate(self._conn)
        except sqlite3.Error as exc:
            self._conn.close()
            raise StoreError(f"cannot open the SQLite store: {exc}", source=self.path) from exc

    @property
    def journal_mode(self) -> str:
        """The journal mode SQLite reports (``wal`` for a file store)."""
        return str(self._conn.execute("PRAGMA journal_mode").fetchone()[0])

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise StoreError(f"cannot start a write: {exc}", source=self.path) from exc
            self._depth = 1
            try:
                yield
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            else:
                self._conn.execute("COMMIT")
            finally:
                self._depth = 0

    def begin_run(self, args: dict[str, Any]) -> str:
        run_id = f"r_{datetime.now(UTC):%Y%m%dT%H%M%S}_{secrets.token_hex(4)}"
        with self.transaction():
            self._conn.execute("INSERT INTO runs (id, started, args, version) VALUES (?, ?, ?, ?)",
                               (run_id, _now(), _dumps(args), __version__))
        return run_id

    def add_page(self, run_id: str, page: Page) -> None:
        with self.transaction():
            self._conn.execute(
                "INSERT INTO pages (id, source, format, encoding, raw, meta, first_seen) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING",
                (page.id, page.source, page.format, page.encoding, page.raw, _dumps(page.meta), run_id))
            self._conn.execute("INSERT OR IGNORE INTO run_pages (run_id, page_id) VALUES (?, ?)",
                               (run_id, page.id))

    def add_article(self, run_id: str, article: Article) -> None:
        a = article
        notes = {key: [dict(vars(x)) for x in getattr(a, key)] for key in ANNOTATIONS}
        values = (a.id, a.page_id, a.source, a.url, a.title, a.outlet, a.published, _dumps(a.wire),
                  _dumps(a.credits), a.text, _dumps([list(o) for o in a.offsets]), _dumps(a.meta),
                  _dumps(notes), run_id)
        with self.transaction():
            self._conn.execute(
                "INSERT INTO articles (id, page_id, source, url, title, outlet, published, wire, credits, "
                "text, offsets, meta, annotations, first_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET page_id=excluded.page_id, source=excluded.source, "
                "url=excluded.url, title=excluded.title, outlet=excluded.outlet, published=excluded.published, "
                "wire=excluded.wire, credits=excluded.credits, text=excluded.text, offsets=excluded.offsets, "
                "meta=excluded.meta, annotations=excluded.annotations", values)
            self._conn.execute("INSERT OR IGNORE INTO run_articles (run_id, article_id) VALUES (?, ?)",
                               (run_id, a.id))

    def add_rejected(self, run_id: str, rejected: Rejected) -> None:
        r = rejected
        with self.transaction():
            self._conn.execute(
                "INSERT INTO rejected (run_id, source, code, error, message, hint) VALUES (?, ?, ?, ?, ?, ?)",
                (run_id, r.source, r.code, r.error, r.message, r.hint))

    def add_entity(self, run_id: str, entity: CanonicalEntity) -> None:
        e = entity
        with self.transaction():
            self._conn.execute(
                "INSERT INTO entities (id, type, name, name_en, wikidata, roles, countries, mentions, first_seen) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET name_en=excluded.name_en, "
                "wikidata=excluded.wikidata, roles=excluded.roles, countries=excluded.countries, "
                "mentions=max(entities.mentions, excluded.mentions)",
                (e.id, e.type, e.name, e.name_en, e.wikidata, _dumps(e.roles), _dumps(e.countries),
                 e.mentions, run_id))
            self._conn.executemany("INSERT OR IGNORE INTO entity_aliases (entity_id, alias) VALUES (?, ?)",
                                   [(e.id, a) for a in e.aliases])
            self._conn.executemany("INSERT OR IGNORE INTO entity_articles (entity_id, article_id) VALUES (?, ?)",
                                   [(e.id, a) for a in e.articles])
            self._conn.execute("INSERT OR IGNORE INTO run_entities (run_id, entity_id) VALUES (?, ?)",
                               (run_id, e.id))

    def entities(self, run_id: str | None = None) -> list[CanonicalEntity]:
        sql = "SELECT e.* FROM entities e"
        params: tuple[str, ...] = ()
        if run_id is not None:
            sql, params = sql + " JOIN run_entities r ON r.entity_id = e.id WHERE r.run_id = ?", (run_id,)
        with self._lock:
            rows = self._conn.execute(sql + " ORDER BY e.rowid", params).fetchall()
            aliases = self._grouped("SELECT entity_id, alias FROM entity_aliases ORDER BY rowid")
            articles = self._grouped("SELECT entity_id, article_id FROM entity_articles ORDER BY rowid")
        return [CanonicalEntity(id=r["id"], type=r["type"], name=r["name"], name_en=r["name_en"],
                                wikidata=r["wikidata"], aliases=aliases.get(r["id"], []),
                                roles=json.loads(r["roles"]), countries=json.loads(r["countries"]),
                                mentions=int(r["mentions"]), articles=articles.get(r["id"], []))
                for r in rows]

    def _grouped(self, sql: str) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for key, value in self._conn.execute(sql):
            out.setdefault(key, []).append(value)
        return out

    def finish_run(self, run_id: str, counts: dict[str, Any]) -> None:
        with self.transaction():
            cur = self._conn.execute("UPDATE runs SET finished = ?, counts = ? WHERE id = ?",
                                     (_now(), _dumps(counts), run_id))
            if cur.rowcount != 1:
                raise StoreError(f"no run with id {run_id!r}", source=self.path)

    def counts(self) -> dict[str, int]:
        tables = ("runs", "pages", "articles", "rejected", "entities")
        with self._lock:
            return {t: int(self._conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}

    def runs(self) -> list[dict[str, Any]]:
        with self._lock:
            rows = self._conn.execute("SELECT * FROM runs ORDER BY started DESC, rowid DESC").fetchall()
        return [{**dict(r), "args": json.loads(r["args"]),
                 "counts": json.loads(r["counts"]) if r["counts"] else None} for r in rows]

    def articles(self, run_id: str | None = None, limit: int | None = None) -> Iterator[Article]:
        sql = "SELECT a.rowid AS row_no, a.* FROM articles a"
        where, params = ["a.rowid > ?"], []
        if run_id is not None:
            sql += " JOIN run_articles ra ON ra.article_id = a.id"
            where.append("ra.run_id = ?")
            params.append(run_id)
        sql += " WHERE " + " AND ".join(where) + " ORDER BY a.rowid LIMIT ?"
        return self._pages_of(sql, params, limit)

    def _pages_of(self, sql: str, params: list[Any], limit: int | None, size: int = 500) -> Iterator[Article]:
        """Stream articles in chunks by rowid, so a large run never sits in memory at once."""
        last, left = 0, limit
        while left is None or left > 0:
            n = size if left is None else min(size, left)
            with self._lock:
                rows = self._conn.execute(sql, [last, *params, n]).fetchall()
            yield from (article_from_row(r) for r in rows)
            if len(rows) < n:
                return
            last = rows[-1]["row_no"]
            left = None if left is None else left - len(rows)

    def rejected(self, run_id: str | None = None) -> list[Rejected]:
        sql = "SELECT source, code, error, message, hint FROM rejected"
        params: tuple[str, ...] = ()
        if run_id is not None:
            sql, params = sql + " WHERE run_id = ?", (run_id,)
        with self._lock:
            rows = self._conn.execute(sql + " ORDER BY id", params).fetchall()
        return [Rejected(**dict(r)) for r in rows]

    def close(self) -> None:
        with self._lock:
            self._conn.close()
