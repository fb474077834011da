"""rasid.ingest: every supported encoding decodes to the exact text, and doubtful bytes are refused."""

from __future__ import annotations

import codecs
import os
import random
from pathlib import Path

import pytest

from rasid.errors import EmptyInputError, EncodingError, FormatError
from rasid.ingest import read_file
from rasid.ingest.dates import parse_date
from rasid.ingest.encoding import decode

TEXT = (
    "أعلنت وزارة الزراعة، صباح الأحد، افتتاح موسم الحصاد في السهول الشمالية بعد أمطار وفيرة.\n"
    "وقال المتحدث باسم الوزارة إن الإنتاج المتوقع يبلغ نحو 120 ألف طن من القمح هذا العام.\n"
)
# Characters the cleaner handles, which the reader must keep: NBSP, RLM, ZWNJ, tatweel.
MARKS = "قال\u00a0الوزير\u200f إن المـــوسم\u200c جيد."


@pytest.mark.parametrize(
    ("data", "codec"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("cp1256"), "cp1256"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le-nobom", "utf16be-nobom", "cp1256"],
)
def test_each_encoding_decodes_exactly(tmp_path: Path, data: bytes, codec: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    [page] = read_file(path)
    assert page.raw == TEXT
    assert page.encoding == codec
    assert page.format == "text"
    assert not page.raw.startswith("\ufeff")


def test_short_cp1256_headline_is_not_taken_for_another_code_page() -> None:
    text, codec = decode("خبر عاجل من العاصمة".encode("cp1256"), "t")
    assert (text, codec) == ("خبر عاجل من العاصمة", "cp1256")


def test_bidi_marks_nbsp_and_tatweel_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "marks.txt"
    path.write_bytes(codecs.BOM_UTF8 + MARKS.encode("utf-8"))
    [page] = read_file(path)
    assert page.raw == MARKS


def test_html_meta_charset_is_honoured(tmp_path: Path) -> None:
    html = ('<html><head><meta charset="windows-1256"><title>خبر</title></head>'
            f"<body><p>{TEXT}</p></body></html>")
    path = tmp_path / "page.html"
    path.write_bytes(html.encode("cp1256"))
    [page] = read_file(path)
    assert page.format == "html"
    assert page.encoding == "cp1256"
    assert page.raw == html


def test_meta_charset_that_lies_loses_to_valid_utf8(tmp_path: Path) -> None:
    html = f'<html><head><meta charset="windows-1256"></head><body><p>{TEXT}</p></body></html>'
    path = tmp_path / "page.html"
    path.write_bytes(html.encode("utf-8"))
    [page] = read_file(path)
    assert (page.raw, page.encoding) == (html, "utf-8")


def test_undetectable_bytes_raise_encoding_error(tmp_path: Path) -> None:
    # Latin-1 punctuation and symbols only: no code page gives plausible Arabic or known text.
    path = tmp_path / "odd.txt"
    path.write_bytes(bytes([0xA4, 0xA6, 0xA7, 0xA9, 0xAB, 0xAE, 0xB0, 0xB1, 0xB5, 0xB6, 0xBB]) * 30)
    with pytest.raises(EncodingError) as err:
        read_file(path)
    assert str(path) in str(err.value)


def test_binary_junk_is_a_format_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.txt"
    path.write_bytes(random.Random(7).randbytes(4096))
    with pytest.raises(FormatError):
        read_file(path)
    pdf = tmp_path / "report.txt"
    pdf.write_bytes(b"%PDF-1.7\n" + os.urandom(64))
    with pytest.raises(FormatError, match="PDF"):
        read_file(pdf)


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n ", codecs.BOM_UTF8 + b"\n", "\n \n".encode("utf-16")])
def test_empty_or_whitespace_file_is_empty_input(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    with pytest.raises(EmptyInputError):
        read_file(path)


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2024-11-20", "2024-11-20"),
        ("2024-11-20T09:30:00+03:00", "2024-11-20T09:30:00+03:00"),
        ("2024-11-20T09:30:00Z", "2024-11-20T09:30:00+00:00"),
        ("Mon, 26 Feb 2018 02:20:10 GMT", "2018-02-26T02:20:10+00:00"),
        ("Sun, 18 Feb 2018 21:35:43 +0400", "2018-02-18T21:35:43+04:00"),
        ("01/07/2016", "2016-07-01"),
        ("2017-01-22T185600", "2017-01-22T18:56:00"),
        ("الأربعاء 20 نوفمبر", None),
        ("31/02/2016", None),
    ],
)
def test_published_dates(value: str, iso: str | None) -> None:
    assert parse_date(value) == iso
