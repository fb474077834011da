"""Mentions outside the text in the outputs: articles.jsonl and the captions of report.html."""

from __future__ import annotations

import json
from pathlib import Path

from rasid.export import write_jsonl, write_report
from rasid.export.report import field_lines
from rasid.model import Article, FieldMention
from tests.helpers import assert_shape

CAPTION = "الوزير سالم <يمين> خلال اللقاء (رويترز)"


def article() -> Article:
    start = CAPTION.index("سالم")
    return Article(
        id="a_1", page_id="p_1", source="in/one.html", text="عقد الاجتماع في العاصمة.", wire=["AFP"],
        meta={"captions": [CAPTION], "bylines": ["الرصد - أ ف ب"]},
        meta_entities=[FieldMention(start, start + 4, "سالم", "PER", "e_1", where="caption", index=0),
                       FieldMention(8, 13, "أ ف ب", "ORG", "e_2", where="byline", index=0)])


def test_articles_jsonl_keeps_meta_entities_with_their_field(tmp_path: Path) -> None:
    write_jsonl(tmp_path, [article()])
    (line,) = (tmp_path / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    record = json.loads(line)
    assert_shape(record, "article")
    assert record["meta_entities"][0] == {"start": 7, "end": 11, "text": "سالم", "type": "PER", "entity": "e_1",
                                          "where": "caption", "index": 0}


def test_report_shows_captions_and_bylines_with_their_mentions(tmp_path: Path) -> None:
    (caption,) = field_lines(article(), "caption")
    assert '<mark class="ent ent-PER" title="PER · e_1">سالم</mark>' in str(caption)
    assert "&lt;يمين&gt;" in str(caption)
    summary = {"run": "r_1", "version": "0", "db": None, "started": None, "pages": 1, "articles": 1, "rejected": 0}
    html = write_report(tmp_path, summary, [article()], []).read_text(encoding="utf-8")
    assert '<ul class="captions">' in html and "ent-PER" in html
    assert '<mark class="ent ent-ORG" title="ORG · e_2">أ ف ب</mark>' in html
