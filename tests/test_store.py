"""The SQLite store, on a real file: WAL, named migrations, upserts, rejections, transactions."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any, TypeVar

import pytest

from rasid import __version__
from rasid.errors import StoreError
from rasid.model import Article, FieldMention, Mention, Page, Quote, Rejected, Span, TimeRef
from rasid.store import open_store
from rasid.store.migrations import MIGRATIONS
from rasid.store.sqlite import SQLiteStore
from tests.helpers import assert_shape

S = TypeVar("S", bound=Span)
TEXT = "قال وزير الخارجية أحمد سالم في عمّان الثلاثاء إن المحادثات ستستأنف الأسبوع المقبل."


def make_page(raw: str = "<html><body><p>" + TEXT + "</p></body></html>") -> Page:
    return Page.make("pages/one.html", raw, "html", meta={"outlet": "الرصد"})


def span(cls: type[S], surface: str, **fields: Any) -> S:
    """A span of ``cls`` over the first occurrence of ``surface`` in TEXT."""
    start = TEXT.index(surface)
    return cls(start, start + len(surface), surface, **fields)


def make_article(page: Page, title: str = "المحادثات تستأنف") -> Article:
    return Article(
        id="a_0001", page_id=page.id, source=page.source, text=TEXT, title=title, outlet="الرصد",
        published="2024-03-05", wire=["رويترز"], credits=["سلمى يوسف"], url="https://example.org/a",
        meta={"section": "سياسة", "captions": ["الوزير أحمد سالم في عمّان (رويترز)"]},
        offsets=[(0, 15, len(TEXT))],
        entities=[span(Mention, "أحمد سالم", type="PER", entity="Q_ahmad")],
        meta_entities=[FieldMention(7, 16, "أحمد سالم", "PER", "Q_ahmad", where="caption", index=0),
                       FieldMention(0, 6, "رويترز", "ORG", "Q_reuters", where="wire", index=0)],
        times=[span(TimeRef, "الثلاثاء", value="2024-03-05")],
        quotes=[span(Quote, "إن المحادثات ستستأنف الأسبوع المقبل", speaker="Q_ahmad", direct=False)],
    )


def test_file_store_uses_wal_and_records_named_migrations(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "rasid.db"
    with open_store(path) as store:
        assert isinstance(store, SQLiteStore)
        assert store.journal_mode == "wal"
    conn = sqlite3.connect(path)
    names = [r[0] for r in conn.execute("SELECT name FROM migrations ORDER BY rowid")]
    assert names == [name for name, _ in MIGRATIONS]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"runs", "pages", "articles", "run_pages", "run_articles", "rejected", "migrations"} <= tables
    conn.close()
    # Opening again applies nothing twice.
    with open_store(f"sqlite:///{path}"):
        pass
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM migrations").fetchone()[0] == len(MIGRATIONS)
    conn.close()


def test_two_runs_of_the_same_input_add_no_duplicate_rows(tmp_path: Path) -> None:
    with open_store(tmp_path / "rasid.db") as store:
        for _ in range(2):
            run = store.begin_run({"paths": ["pages"]})
            page = make_page()
            store.add_page(run, page)
            store.add_article(run, make_article(page))
            store.finish_run(run, {"pages": 1, "articles": 1})
        assert store.counts() == {"runs": 2, "pages": 1, "articles": 1, "rejected": 0, "entities": 0}
        runs = store.runs()
        assert [r["counts"] for r in runs] == [{"pages": 1, "articles": 1}] * 2
        assert all(r["finished"] and r["version"] == __version__ for r in runs)
        assert [a.id for a in store.articles(runs[0]["id"])] == ["a_0001"]
        assert [a.id for a in store.articles(runs[1]["id"])] == ["a_0001"]


def test_article_round_trips_with_its_annotations(tmp_path: Path) -> None:
    with open_store(tmp_path / "rasid.db") as store:
        run = store.begin_run({})
        page = make_page()
        store.add_page(run, page)
        article = make_article(page)
        store.add_article(run, article)
        (back,) = list(store.articles())
    assert back == article
    assert back.to_json() == article.to_json()
    assert all(isinstance(m, FieldMention) for m in back.meta_entities)
    assert_shape(back.to_json(), "article")


def test_rows_written_before_meta_entities_read_back_with_none(tmp_path: Path) -> None:
    with open_store(tmp_path / "rasid.db") as store:
        run = store.begin_run({})
        page = make_page()
        store.add_page(run, page)
        store.add_article(run, make_article(page))
    conn = sqlite3.connect(tmp_path / "rasid.db")
    conn.execute("UPDATE articles SET annotations = json_remove(annotations, '$.meta_entities')")
    conn.commit()
    conn.close()
    with open_store(tmp_path / "rasid.db") as store:
        (back,) = list(store.articles())
    assert back.meta_entities == [] and back.entities


def test_a_later_run_updates_an_article_in_place(tmp_path: Path) -> None:
    with open_store(tmp_path / "rasid.db") as store:
        page = make_page()
        first = store.begin_run({})
        store.add_page(first, page)
        store.add_article(first, make_article(page, title="القديم"))
        second = store.begin_run({})
        store.add_page(second, page)
        store.add_article(second, make_article(page, title="الجديد"))
        assert [a.title for a in store.articles()] == ["الجديد"]
        assert store.counts()["articles"] == 1


def test_rejected_rows_are_kept_per_run(tmp_path: Path) -> None:
    with open_store(tmp_path / "rasid.db") as store:
        run = store.begin_run({})
        bad = Rejected(source="pages/empty.txt", code="E103", error="EmptyInputError",
                       message="no article text", hint="The file holds no article text; nothing to analyse.")
        store.add_rejected(run, bad)
        other = store.begin_run({})
        assert store.rejected(run) == [bad]
        assert store.rejected(other) == []
        assert store.counts()["rejected"] == 1


def test_an_error_inside_a_transaction_rolls_everything_back(tmp_path: Path) -> None:
    with open_store(tmp_path / "rasid.db") as store:
        run = store.begin_run({})
        page = make_page()
        with pytest.raises(RuntimeError), store.transaction():
            store.add_page(run, page)
            store.add_article(run, make_article(page))
            raise RuntimeError("disk full, say")
        assert store.counts() == {"runs": 1, "pages": 0, "articles": 0, "rejected": 0, "entities": 0}
        # The store is still usable after the rollback.
        store.add_page(run, page)
        assert store.counts()["pages"] == 1


def test_an_article_of_an_unknown_page_is_refused(tmp_path: Path) -> None:
    with open_store(tmp_path / "rasid.db") as store:
        run = store.begin_run({})
        with pytest.raises(sqlite3.IntegrityError):
            store.add_article(run, make_article(make_page()))
        assert store.counts()["articles"] == 0


def test_finishing_an_unknown_run_is_an_error(tmp_path: Path) -> None:
    with open_store(tmp_path / "rasid.db") as store, pytest.raises(StoreError):
        store.finish_run("r_missing", {})


def test_a_file_that_is_not_a_database_gives_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("هذا ليس ملف قاعدة بيانات " * 100, encoding="utf-8")
    with pytest.raises(StoreError) as info:
        open_store(path)
    assert str(path) in str(info.value)


def test_unsupported_urls_are_refused_with_a_hint() -> None:
    for url in ("postgresql://localhost/rasid", "mysql://localhost/rasid"):
        with pytest.raises(StoreError) as info:
            open_store(url)
        assert info.value.hint


def test_articles_stream_in_chunks_with_a_limit(tmp_path: Path) -> None:
    with open_store(tmp_path / "rasid.db") as store:
        run = store.begin_run({})
        page = make_page()
        with store.transaction():
            store.add_page(run, page)
            for i in range(1203):
                article = make_article(page)
                article.id = f"a_{i:05d}"
                store.add_article(run, article)
        assert isinstance(store, SQLiteStore)
        ids = [a.id for a in store.articles(run)]
        assert len(ids) == 1203 and ids == sorted(ids)
        assert [a.id for a in store.articles(run, limit=501)] == ids[:501]
        assert list(store.articles("r_other")) == []


def test_a_second_writer_waits_then_gets_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "rasid.db"
    with open_store(path) as store:
        other = sqlite3.connect(path, isolation_level=None, timeout=0)
        other.execute("BEGIN IMMEDIATE")  # another process holding the write lock
        try:
            assert isinstance(store, SQLiteStore)
            store._conn.execute("PRAGMA busy_timeout = 50")
            with pytest.raises(StoreError, match="cannot start a write"):
                store.begin_run({})
            assert store.counts()["runs"] == 0  # readers are not blocked in WAL mode
        finally:
            other.execute("ROLLBACK")
            other.close()
        store.begin_run({})
        assert store.counts()["runs"] == 1


def test_entities_are_upserted_with_aliases_and_articles_added(tmp_path):
    from rasid.link.model import CanonicalEntity

    with open_store(tmp_path / "e.db") as store:
        r1 = store.begin_run({})
        store.add_entity(r1, CanonicalEntity("e_1", "PER", "كيم جونغ أون", "Kim Jong Un", "Q56226",
                                             ["كيم جونغ أون"], ["leader"], ["KP"], 2, ["a_1"]))
        r2 = store.begin_run({})
        store.add_entity(r2, CanonicalEntity("e_1", "PER", "كيم جونغ أون", "Kim Jong Un", "Q56226",
                                             ["كيم جونغ أون", "كيم جون أون"], ["leader"], ["KP"], 3,
                                             ["a_1", "a_2"]))
        (entity,) = store.entities()
        assert entity.aliases == ["كيم جونغ أون", "كيم جون أون"]
        assert entity.articles == ["a_1", "a_2"] and entity.mentions == 3
        assert [e.id for e in store.entities(r1)] == ["e_1"]
        assert store.counts()["entities"] == 1
