"""The store interface every backend implements (SQLite now; PostgreSQL can follow the same shape)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from contextlib import AbstractContextManager
from types import TracebackType
from typing import Any

from rasid.link.model import CanonicalEntity
from rasid.model import Article, Page, Rejected


class Store(ABC):
    """Pages, articles, rejections and the runs that saw them; one writer, transactional."""

    url: str

    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """A write transaction; nested uses join the outer one; an exception rolls everything back."""

    @abstractmethod
    def begin_run(self, args: dict[str, Any]) -> str:
        """Record the start of a run with its arguments; returns the new run id."""

    @abstractmethod
    def add_page(self, run_id: str, page: Page) -> None:
        """Store ``page`` once (its id is its content hash) and note that ``run_id`` saw it."""

    @abstractmethod
    def add_article(self, run_id: str, article: Article) -> None:
        """Insert or update ``article`` by id and note that ``run_id`` produced it."""

    @abstractmethod
    def add_rejected(self, run_id: str, rejected: Rejected) -> None:
        """Record why an input was rejected in ``run_id``."""

    @abstractmethod
    def add_entity(self, run_id: str, entity: CanonicalEntity) -> None:
        """Insert or update a canonical entity by id; aliases and articles are added, never duplicated."""

    @abstractmethod
    def entities(self, run_id: str | None = None) -> list[CanonicalEntity]:
        """Canonical entities (all, or those ``run_id`` linked), with aliases and articles."""

    @abstractmethod
    def finish_run(self, run_id: str, counts: dict[str, Any]) -> None:
        """Mark ``run_id`` finished with its counts."""

    @abstractmethod
    def counts(self) -> dict[str, int]:
        """Row counts of the main tables: runs, pages, articles, rejected."""

    @abstractmethod
    def runs(self) -> list[dict[str, Any]]:
        """Every run, newest first, with its args and counts decoded."""

    @abstractmethod
    def articles(self, run_id: str | None = None, limit: int | None = None) -> Iterator[Article]:
        """Stored articles (those seen by ``run_id`` when given), in a stable order."""

    @abstractmethod
    def rejected(self, run_id: str | None = None) -> list[Rejected]:
        """Rejected inputs (of ``run_id`` when given), in the order recorded."""

    @abstractmethod
    def close(self) -> None:
        """Release the connection; the store is unusable afterwards."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
