"""The demo pages in ``examples/`` against their answer key (``docs/examples.md``), read by the real reader.

Per file: the number of articles, then per article the publication date, the outlet (compared
loosely, see :func:`tests.test_clean_fixtures.outlet_matches`), the wire agencies cited, photo
credits where the key lists them for a text page, and the title where the key gives it. File 06
holds a second, unrelated article glued after the first with only its own headline between them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from rasid.clean import clean_page
from rasid.ingest import read_file
from rasid.model import Article
from tests.test_clean_fixtures import outlet_matches

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@dataclass(frozen=True)
class Key:
    """What the answer key says about one article."""

    published: str | None
    outlet: str
    wire: frozenset[str] = frozenset()
    credits: frozenset[str] | None = None  # None: the key lists none to check (HTML captions)
    title: str | None = None  # None: the key does not give the title
    first_words: str | None = None  # how the article's text starts, where the key makes it clear


BOOK_FAIR = "افتتاح الدورة الـ18 لمعرض العاصمة الدولي للكتاب بمشاركة 420 دار نشر"

KEY: dict[str, list[Key]] = {
    "01_alofoq_geneva_talks.txt": [
        Key(None, "صحيفة الأفق", frozenset({"AFP"}), frozenset({"Reuters", "AFP"})),
    ],
    "02_almadar_troop_numbers.html": [Key("2025-11-06", "شبكة المدار الإخبارية", frozenset({"Reuters"}))],
    "03_alrasd_parliament_vote.txt": [Key("2025-11-05", "وكالة الرصد", frozenset({"AFP"}))],
    "04_alwatan_kozlov_denies.txt": [Key("2025-11-06", "الوطن اليوم")],
    "05_nabd_truce_agreed.txt": [Key("2025-11-10", "نبض الخليج")],
    "06_sada_truce_begins_plus_book_fair.txt": [
        Key("2025-11-12", "صدى العاصمة", frozenset({"Reuters", "AFP"}), frozenset({"AFP"}),
            first_words="دخلت الهدنـــة الإنسانية"),
        Key("2025-11-12", "صدى العاصمة", frozenset(), frozenset(), title=BOOK_FAIR,
            first_words="افتتح وزير الثقافة"),
    ],
    "07_almizan_truce_violations.html": [Key("2025-11-13", "منصة الميزان", frozenset({"AP"}))],
    "08_feed_summit.jsonl": [
        Key("2025-11-14", "وكالة الرصد", first_words="جنيف (الرصد) -"),
        Key("2025-11-17", "صحيفة الأفق"),
    ],
}


def _articles(name: str) -> list[Article]:
    """Every article of every page the real reader finds in one example file."""
    return [art for page in read_file(EXAMPLES / name) for art in clean_page(page)]


def test_key_covers_every_example() -> None:
    files = sorted(p.name for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".html", ".jsonl"})
    assert files == sorted(KEY)


@pytest.mark.parametrize("name", sorted(KEY))
def test_example_against_key(name: str) -> None:
    articles = _articles(name)
    assert len(articles) == len(KEY[name])
    for art, key in zip(articles, KEY[name], strict=True):
        assert art.published == key.published
        assert outlet_matches(art.outlet, key.outlet), (art.outlet, key.outlet)
        assert set(art.wire) == key.wire
        if key.credits is not None:
            assert set(art.credits) == key.credits
        if key.title is not None:
            assert art.title == key.title
        if key.first_words is not None:
            assert art.text.startswith(key.first_words)


def test_glued_article_keeps_every_paragraph() -> None:
    """Splitting page 06 moves no paragraph out of the text: each body line is in exactly one article."""
    raw = (EXAMPLES / "06_sada_truce_begins_plus_book_fair.txt").read_text(encoding="utf-8")
    first, second = _articles("06_sada_truce_begins_plus_book_fair.txt")
    body = [ln.strip() for ln in raw.split("\n") if len(ln.split()) >= 15]
    assert body
    for line in body:
        assert (line in first.text) != (line in second.text), line[:40]
    assert BOOK_FAIR not in first.text and "معرض" not in first.text
    assert "زاغوريا" not in second.text
