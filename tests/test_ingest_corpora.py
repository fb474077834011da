"""rasid.ingest on the real corpora in ../shared/data (first pages only); skipped when the data is absent."""

from __future__ import annotations

import re
import tarfile
from itertools import islice
from pathlib import Path

import pytest

from rasid.ingest import iter_file, read_file, read_paths
from rasid.model import Page

SHARED = Path(__file__).resolve().parents[2] / "shared"
NEWS = SHARED / "data" / "news"
ANT_MULTI = NEWS / "ant_multisource_v2.1" / "ant_multisource_v2.1_docs.tar.gz"
ANT_JAWHARA = NEWS / "ant_jawharafm_v1.1" / "ant_v1.1_jawharafm_docs.tar.gz"
SAUDI = NEWS / "saudinewsnet" / "dataset"
EXAMPLES = SHARED / "examples" / "pages"

ISO = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2})?")


def _need(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path} is absent (corpora live in ../shared/data beside the repository)")


def _first(path: Path, n: int) -> list[Page]:
    items = list(islice(iter_file(path), n))
    assert all(isinstance(x, Page) for x in items), [x for x in items if not isinstance(x, Page)][:3]
    return [x for x in items if isinstance(x, Page)]


def test_ant_multisource_first_pages() -> None:
    _need(ANT_MULTI)
    pages = _first(ANT_MULTI, 50)
    assert len(pages) == 50
    for page in pages:
        assert page.format == "ant"
        assert page.source.startswith(f"{ANT_MULTI}#")
        assert page.raw.strip() and "<TEXT>" not in page.raw and "</TEXT>" not in page.raw
        assert {"id", "title", "outlet", "url", "published", "category"} <= page.meta.keys()
        assert ISO.fullmatch(page.meta["published"])
        assert page.meta["url"].startswith("http")


def test_ant_jawharafm_mixed_date_formats_all_parsed() -> None:
    _need(ANT_JAWHARA)
    pages = _first(ANT_JAWHARA, 200)
    published = [p.meta.get("published", "") for p in pages]
    assert all(ISO.fullmatch(v) for v in published)
    assert any(len(v) == 10 for v in published)  # DD/MM/YYYY in the file -> a date
    assert any(len(v) > 10 for v in published)  # ISO date-time with offset
    assert all(p.meta["outlet"] == "Jawhara FM" for p in pages)


def test_single_extracted_ant_file(tmp_path: Path) -> None:
    _need(ANT_JAWHARA)
    with tarfile.open(ANT_JAWHARA, "r|gz") as tar:
        for member in tar:
            if member.isfile():
                fh = tar.extractfile(member)
                assert fh is not None
                data = fh.read()
                break
    path = tmp_path / "one.txt"
    path.write_bytes(data)
    [page] = read_file(path)
    from_tar = _first(ANT_JAWHARA, 1)[0]
    assert (page.format, page.raw, page.meta, page.id) == ("ant", from_tar.raw, from_tar.meta, from_tar.id)


def test_saudinewsnet_first_pages() -> None:
    _need(SAUDI)
    first_zip = sorted(SAUDI.glob("*.zip"))[0]
    pages = _first(first_zip, 50)
    assert len(pages) == 50
    for page in pages:
        assert page.format == "saudinewsnet"
        assert page.meta.get("outlet")
        assert "published" not in page.meta and "published_raw" not in page.meta
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}", page.meta["date_extracted"])
    assert pages[0].source == f"{first_zip}#{first_zip.stem}.json:1"


def test_example_pages_read_as_text_twice_same_ids() -> None:
    _need(EXAMPLES)
    first = list(read_paths([EXAMPLES]))
    second = list(read_paths([EXAMPLES]))
    assert first and all(isinstance(p, Page) and p.format == "text" and p.encoding == "utf-8" for p in first)
    assert [p.id for p in first if isinstance(p, Page)] == [p.id for p in second if isinstance(p, Page)]
    assert [p.source for p in first] == sorted(p.source for p in first)
