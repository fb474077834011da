"""rasid.ingest: each format is read from real files, detected by content, with bad records isolated."""

from __future__ import annotations

import io
import json
import tarfile
import zipfile
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from rasid.errors import FormatError, InputError, NetworkDisabledError
from rasid.ingest import iter_file, read_file, read_paths
from rasid.model import Page, Rejected

BODY = (
    "افتتح رئيس البلدية، مساء الاثنين، المكتبة العامة الجديدة في وسط المدينة.\n"
    "وقالت مديرة المكتبة إن المبنى يضم أكثر من 40 ألف كتاب وقاعة للأطفال.\n"
)
HTML = (
    "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">"
    "<title>افتتاح المكتبة</title></head>\n<body><article><h1>افتتاح المكتبة العامة</h1>"
    f"<p>{BODY}</p></article></body></html>\n"
)


def _pages(items: list[Page | Rejected]) -> list[Page]:
    return [x for x in items if isinstance(x, Page)]


def _rejected(items: list[Page | Rejected]) -> list[Rejected]:
    return [x for x in items if isinstance(x, Rejected)]


def test_plain_text_page(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(BODY, encoding="utf-8")
    [page] = read_file(path)
    assert (page.format, page.raw, page.source, page.meta) == ("text", BODY, str(path), {})


def test_html_saved_as_txt_is_html(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_text(HTML, encoding="utf-8")
    [page] = read_file(path)
    assert page.format == "html"
    assert page.raw == HTML


def test_fragment_with_many_tags_is_html(tmp_path: Path) -> None:
    path = tmp_path / "fragment.dat"
    path.write_text("".join(f"<div><p>{line}</p></div>\n" for line in BODY.splitlines()) * 2, encoding="utf-8")
    assert read_file(path)[0].format == "html"


def test_jsonl_saved_as_txt_keeps_metadata(tmp_path: Path) -> None:
    records = [
        {"id": "a-1", "title": "افتتاح المكتبة", "outlet": "صحيفة المدينة", "url": "https://example.org/a1",
         "published": "2024-03-04", "text": BODY},
        {"id": 7, "text": "خبر ثان قصير عن الطقس.", "published": "الاثنين الماضي"},
    ]
    path = tmp_path / "batch.txt"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    first, second = read_file(path)
    assert (first.format, first.raw, first.source) == ("jsonl", BODY, f"{path}:1")
    assert first.meta == {"id": "a-1", "title": "افتتاح المكتبة", "outlet": "صحيفة المدينة",
                          "url": "https://example.org/a1", "published": "2024-03-04"}
    assert second.meta == {"id": "7", "published_raw": "الاثنين الماضي"}
    assert second.source == f"{path}:2"


def test_bad_jsonl_lines_rejected_with_line_numbers_good_lines_kept(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "السطر الأول سليم."}, ensure_ascii=False),
        '{"text": "سطر مقطوع',
        "",
        json.dumps({"title": "بلا نص"}, ensure_ascii=False),
        json.dumps({"text": "السطر الخامس سليم أيضاً.\u2028مع فاصل سطر يونيكود داخل النص."}, ensure_ascii=False),
        json.dumps({"text": "   "}),
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    items = list(iter_file(path))
    assert [p.source for p in _pages(items)] == [f"{path}:1", f"{path}:5"]
    assert "\u2028" in _pages(items)[1].raw
    bad = _rejected(items)
    assert [(r.source, r.code) for r in bad] == [(f"{path}:2", "E102"), (f"{path}:4", "E102"), (f"{path}:6", "E103")]
    assert "line 2" in bad[0].message
    assert "'text'" in bad[1].message
    with pytest.raises(FormatError) as err:
        read_file(path)
    assert err.value.source == f"{path}:2"


def test_json_list_of_articles(tmp_path: Path) -> None:
    path = tmp_path / "articles.json"
    data = [{"id": "x", "text": BODY}, {"text": "خبر آخر عن افتتاح حديقة."}, {"text": 5}]
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    items = list(iter_file(path))
    assert [(p.source, p.format, p.meta) for p in _pages(items)] == [
        (f"{path}:1", "jsonl", {"id": "x"}), (f"{path}:2", "jsonl", {})]
    assert [r.source for r in _rejected(items)] == [f"{path}:3"]


def _warc(path: Path, compress: bool) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=compress)

        def response(uri: str, ctype: str, body: bytes, status: str = "200 OK") -> None:
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http,
                                            warc_headers_dict={"WARC-Date": "2024-05-01T10:00:00Z"})
            writer.write_record(rec)

        response("https://news.example/a", "text/html; charset=utf-8", HTML.encode("utf-8"))
        response("https://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(40))
        response("https://news.example/old", "text/html", b"", status="301 Moved Permanently")
        response("https://news.example/b", "text/html; charset=windows-1256",
                 f"<html><body><p>{BODY}</p></body></html>".encode("cp1256"))


@pytest.mark.parametrize("compress", [False, True], ids=["warc", "warc.gz"])
def test_warc_responses_become_pages(tmp_path: Path, compress: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    _warc(path, compress)
    pages = read_file(path)
    assert [p.source for p in pages] == [f"{path}#https://news.example/a", f"{path}#https://news.example/b"]
    a, b = pages
    assert (a.format, a.raw, a.encoding) == ("warc", HTML, "utf-8")
    assert a.meta == {"url": "https://news.example/a", "fetched": "2024-05-01T10:00:00Z",
                      "content_type": "text/html"}
    assert "published" not in a.meta
    assert BODY in b.raw and b.encoding == "cp1256"


def test_url_list_rejected_per_url(tmp_path: Path) -> None:
    path = tmp_path / "links.txt"
    path.write_text("https://news.example/a\n\nhttp://news.example/b?id=3\n", encoding="utf-8")
    items = list(iter_file(path))
    assert all(isinstance(x, Rejected) for x in items)
    assert [(r.source, r.code, r.error) for r in _rejected(items)] == [
        (f"{path}:1", "E104", "NetworkDisabledError"), (f"{path}:3", "E104", "NetworkDisabledError")]
    assert "https://news.example/a" in _rejected(items)[0].message
    assert "http://news.example/b?id=3" in _rejected(items)[1].message
    with pytest.raises(NetworkDisabledError):
        read_file(path)


def test_text_mentioning_a_url_is_still_text(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(BODY + "https://news.example/a\n", encoding="utf-8")
    assert read_file(path)[0].format == "text"


ANT_DOC = """<DOC>
<DOCNO>XX-culture-3-20180301</DOCNO>
<URL>http://news.example/culture/3</URL>
<SRC>example</SRC>
<CAT>culture</CAT>
<TITLE>افتتاح المكتبة العامة</TITLE>
<TIME>{time}</TIME>
<AUTHOR>{author}</AUTHOR>
<ABSTRACT>
المكتبة الجديدة تضم أكثر من 40 ألف كتاب.
</ABSTRACT>
<TEXT>
{body}</TEXT>
</DOC>
"""


def test_single_ant_file(tmp_path: Path) -> None:
    path = tmp_path / "XX-culture-3-20180301.txt"
    path.write_text(ANT_DOC.format(time="01/03/2018", author="", body=BODY + "سعر التذكرة < 5 دنانير & مجاني للأطفال\n"),
                    encoding="utf-8")
    [page] = read_file(path)
    assert page.format == "ant"
    assert page.raw == BODY + "سعر التذكرة < 5 دنانير & مجاني للأطفال"
    assert page.meta == {"id": "XX-culture-3-20180301", "title": "افتتاح المكتبة العامة", "outlet": "example",
                         "url": "http://news.example/culture/3", "category": "culture",
                         "abstract": "المكتبة الجديدة تضم أكثر من 40 ألف كتاب.", "published": "2018-03-01"}


def test_ant_tar_gz_streams_members(tmp_path: Path) -> None:
    path = tmp_path / "ant.tar.gz"
    docs = {
        "culture/XX-1.txt": ANT_DOC.format(time="Thu, 01 Mar 2018 10:00:00 GMT", author="المحرر", body=BODY),
        "culture/XX-2.txt": ANT_DOC.format(time="2018-03-02T08:00:00+01:00", author="", body="\n"),
        "culture/.hidden.txt": ANT_DOC.format(time="", author="", body=BODY),
    }
    with tarfile.open(path, "w:gz") as tar:
        for name, text in docs.items():
            data = text.encode("utf-8")
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    items = list(iter_file(path))
    [page] = _pages(items)
    assert page.source == f"{path}#culture/XX-1.txt"
    assert page.meta["published"] == "2018-03-01T10:00:00+00:00"
    assert page.meta["author"] == "المحرر"
    [bad] = _rejected(items)
    assert (bad.source, bad.code) == (f"{path}#culture/XX-2.txt", "E103")


def test_saudinewsnet_shaped_zip(tmp_path: Path) -> None:
    path = tmp_path / "2015-07-21.zip"
    articles = [
        {"source": "example", "url": "http://news.example/1", "date_extracted": "2015-07-21 02:51:32",
         "title": "افتتاح المكتبة", "author": "الرياض: المحرر", "content": BODY},
        {"source": "example", "url": "http://news.example/2", "date_extracted": "2015-07-21 02:52:00",
         "title": "", "author": "", "content": ""},
        {"source": "example", "url": "http://news.example/3", "date_extracted": "2015-07-21 02:53:00",
         "title": "خبر", "author": "", "content": "خبر ثالث عن الطقس في المدينة."},
    ]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("2015-07-21.json", json.dumps(articles, ensure_ascii=False, indent=4))
    items = list(iter_file(path))
    first, third = _pages(items)
    assert first.format == "saudinewsnet" and first.raw == BODY
    assert first.source == f"{path}#2015-07-21.json:1"
    assert first.meta == {"outlet": "example", "url": "http://news.example/1", "title": "افتتاح المكتبة",
                          "author": "الرياض: المحرر", "date_extracted": "2015-07-21 02:51:32"}
    assert "published" not in first.meta
    assert third.source == f"{path}#2015-07-21.json:3"
    assert [(r.source, r.code) for r in _rejected(items)] == [(f"{path}#2015-07-21.json:2", "E103")]


def test_folder_recursion_sorted_hidden_skipped(tmp_path: Path) -> None:
    root = tmp_path / "in"
    for rel in ["b.txt", "a/z.txt", "a/b/c.txt", "A.txt", ".hidden.txt", ".git/x.txt", "a/.cache/y.txt"]:
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(f"{BODY}{rel}\n", encoding="utf-8")
    sources = [x.source for x in read_paths([root])]
    expected = [str(root / r) for r in ["A.txt", "a/b/c.txt", "a/z.txt", "b.txt"]]
    assert sources == expected
    assert [x.source for x in read_paths([root])] == expected


def test_nonexistent_path_and_batch_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(BODY, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    items = list(read_paths([missing, str(good)]))
    assert isinstance(items[0], Rejected)
    assert (items[0].source, items[0].code, items[0].error) == (str(missing), "E100", "InputError")
    assert items[0].hint
    assert isinstance(items[1], Page) and items[1].source == str(good)
    with pytest.raises(InputError):
        read_file(missing)


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(BODY * 50, encoding="utf-8")
    with pytest.raises(InputError, match="over the limit"):
        read_file(path, max_bytes=1000)
    assert len(read_file(path, max_bytes=100_000)) == 1


def test_same_file_twice_same_ids(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    copy = tmp_path / "copy.html"
    copy.write_text(HTML, encoding="utf-8")
    assert [p.id for p in read_file(path)] == [p.id for p in read_file(path)] == [p.id for p in read_file(copy)]
    other = tmp_path / "other.html"
    other.write_text(HTML.replace("الجديدة", "القديمة"), encoding="utf-8")
    assert read_file(other)[0].id != read_file(path)[0].id


def test_iter_file_is_lazy(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(json.dumps({"text": f"خبر رقم {i}"}, ensure_ascii=False) for i in range(100)),
                    encoding="utf-8")
    it = iter_file(path)
    first = next(it)
    assert isinstance(first, Page) and first.raw == "خبر رقم 0"


def test_gzipped_single_file_and_empty_archive(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "page.txt.gz"
    path.write_bytes(gzip.compress(BODY.encode("utf-8")))
    [page] = read_file(path)
    assert (page.raw, page.format) == (BODY, "text")
    empty = tmp_path / "empty.zip"
    with zipfile.ZipFile(empty, "w") as zf:
        zf.writestr(".DS_Store", b"junk")
    [rejected] = list(iter_file(empty))
    assert isinstance(rejected, Rejected) and rejected.code == "E103"


def test_utf8_with_a_stray_control_character_is_still_utf8(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text("خبر قصير\x0bعن الطقس.", encoding="utf-8")
    [page] = read_file(path)
    assert (page.raw, page.encoding) == ("خبر قصير\x0bعن الطقس.", "utf-8")


def test_pretty_printed_object_is_json_and_broken_json_is_not_prose(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"id": "k", "text": BODY}, ensure_ascii=False, indent=2), encoding="utf-8")
    [page] = read_file(one)
    assert (page.source, page.meta, page.raw) == (str(one), {"id": "k"}, BODY)
    broken = tmp_path / "broken.txt"
    broken.write_text('{\n  "text": "نص بلا نهاية\n', encoding="utf-8")
    items = list(iter_file(broken))
    assert items and all(isinstance(x, Rejected) and x.code == "E102" for x in items)
