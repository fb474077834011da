"""Named schema migrations, applied in order and recorded in the ``migrations`` table (STYLE rule 8).

Never edit a migration that has shipped: add a new one at the end of :data:`MIGRATIONS`.
JSON columns hold text produced by ``json.dumps(..., ensure_ascii=False)``.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

MIGRATIONS: list[tuple[str, str]] = [
    ("0001_initial", """
CREATE TABLE runs (
    id       TEXT PRIMARY KEY,
    started  TEXT NOT NULL,
    finished TEXT,
    args     TEXT NOT NULL,
    counts   TEXT,
    version  TEXT NOT NULL
);
CREATE TABLE pages (
    id         TEXT PRIMARY KEY,
    source     TEXT NOT NULL,
    format     TEXT NOT NULL,
    encoding   TEXT NOT NULL,
    raw        TEXT NOT NULL,
    meta       TEXT NOT NULL,
    first_seen TEXT NOT NULL REFERENCES runs(id)
);
CREATE TABLE articles (
    id          TEXT PRIMARY KEY,
    page_id     TEXT NOT NULL REFERENCES pages(id),
    source      TEXT NOT NULL,
    url         TEXT,
    title       TEXT,
    outlet      TEXT,
    published   TEXT,
    wire        TEXT NOT NULL,
    credits     TEXT NOT NULL,
    text        TEXT NOT NULL,
    offsets     TEXT NOT NULL,
    meta        TEXT NOT NULL,
    annotations TEXT NOT NULL,
    first_seen  TEXT NOT NULL REFERENCES runs(id)
);
CREATE INDEX articles_page ON articles(page_id);
CREATE INDEX articles_published ON articles(published);
CREATE TABLE run_pages (
    run_id  TEXT NOT NULL REFERENCES runs(id),
    page_id TEXT NOT NULL REFERENCES pages(id),
    PRIMARY KEY (run_id, page_id)
) WITHOUT ROWID;
CREATE TABLE run_articles (
    run_id     TEXT NOT NULL REFERENCES runs(id),
    article_id TEXT NOT NULL REFERENCES articles(id),
    PRIMARY KEY (run_id, article_id)
) WITHOUT ROWID;
CREATE TABLE rejected (
    id      INTEGER PRIMARY KEY,
    run_id  TEXT NOT NULL REFERENCES runs(id),
    source  TEXT NOT NULL,
    code    TEXT NOT NULL,
    error   TEXT NOT NULL,
    message TEXT NOT NULL,
    hint    TEXT
);
CREATE INDEX rejected_run ON rejected(run_id);
"""),
    ("0002_entities", """
CREATE TABLE entities (
    id         TEXT PRIMARY KEY,
    type       TEXT NOT NULL,
    name       TEXT NOT NULL,
    name_en    TEXT,
    wikidata   TEXT,
    roles      TEXT NOT NULL,
    countries  TEXT NOT NULL,
    mentions   INTEGER NOT NULL,
    first_seen TEXT NOT NULL REFERENCES runs(id)
);
CREATE TABLE entity_aliases (
    entity_id TEXT NOT NULL REFERENCES entities(id),
    alias     TEXT NOT NULL,
    PRIMARY KEY (entity_id, alias)
);
CREATE INDEX entity_aliases_alias ON entity_aliases(alias);
CREATE TABLE entity_articles (
    entity_id  TEXT NOT NULL REFERENCES entities(id),
    article_id TEXT NOT NULL,
    PRIMARY KEY (entity_id, article_id)
);
CREATE TABLE run_entities (
    run_id    TEXT NOT NULL REFERENCES runs(id),
    entity_id TEXT NOT NULL REFERENCES entities(id),
    PRIMARY KEY (run_id, entity_id)
) WITHOUT ROWID;
"""),
]


def applied(conn: sqlite3.Connection) -> list[str]:
    """Names of the migrations already applied to ``conn``, in the order they were applied."""
    conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied TEXT NOT NULL)")
    return [row[0] for row in conn.execute("SELECT name FROM migrations ORDER BY rowid")]


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply every migration not yet recorded, each in its own transaction; returns the names applied."""
    done = set(applied(conn))
    new = []
    for name, sql in MIGRATIONS:
        if name in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in filter(str.strip, sql.split(";")):
                conn.execute(statement)
            conn.execute("INSERT INTO migrations (name, applied) VALUES (?, ?)",
                         (name, datetime.now(UTC).isoformat(timespec="seconds")))
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        new.append(name)
    return new
