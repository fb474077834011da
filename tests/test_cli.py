"""``rasid analyze`` through click's runner: the three output files, the database, and the exit codes."""

from __future__ import annotations

import html
import json
import sqlite3
from pathlib import Path

import click
from click.testing import CliRunner

from rasid import __version__
from rasid.cli import LazyGroup, cli
from tests.helpers import assert_shape

STORIES = {
    "bridge.html": ("افتتاح جسر جديد فوق نهر النيل في أسوان", [
        "افتتح محافظ أسوان صباح الخميس جسراً جديداً فوق نهر النيل يربط الضفتين بطول يزيد على كيلومترين.",
        "وقال المحافظ في كلمة خلال الافتتاح إن الجسر سيختصر زمن الرحلة بين شطري المدينة إلى عشر دقائق فقط.",
        "واستغرق بناء الجسر أربع سنوات بتكلفة بلغت نحو ثلاثة مليارات جنيه، وفق بيان رسمي صدر عن المحافظة.",
    ]),
    "rain.html": ("أمطار غزيرة تغلق طرقاً في شمال المغرب", [
        "أغلقت السلطات المغربية عدة طرق في شمال البلاد بعد هطول أمطار غزيرة استمرت يومين متتاليين.",
        "وأفادت المديرية العامة للأرصاد الجوية بأن كميات الأمطار تجاوزت مئة مليمتر في بعض مناطق الريف.",
        "ودعت السلطات السكان إلى تجنب التنقل غير الضروري حتى تتحسن الأحوال الجوية خلال الأيام المقبلة.",
    ]),
}


def page_html(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{title}</title>'
            f"</head><body><nav>الرئيسية | سياسة | اقتصاد</nav><article><h1>{title}</h1>{body}</article>"
            "<footer>جميع الحقوق محفوظة</footer></body></html>")


def write_pages(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (title, paragraphs) in STORIES.items():
        (folder / name).write_text(page_html(title, paragraphs), encoding="utf-8")
    (folder / "empty.txt").write_text("   \n\n ", encoding="utf-8")
    return folder


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def db_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        tables = ("runs", "pages", "articles", "run_pages", "run_articles", "rejected")
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    finally:
        conn.close()


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0 and __version__ in out


def test_analyze_help_names_the_default_database() -> None:
    code, out, _ = run("analyze", "--help")
    assert code == 0 and "DIR/rasid.db" in out


def test_analyze_writes_three_files_and_the_database(tmp_path: Path) -> None:
    pages = write_pages(tmp_path / "pages")
    out = tmp_path / "out"
    code, stdout, stderr = run("analyze", str(pages), "--out", str(out))
    assert code == 0, stderr
    assert "articles 2" in stdout and str(out / "rasid.db") in stdout

    lines = (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 2
    for record in records:
        assert_shape(record, "article")
    titles = {r["title"] for r in records}
    assert titles == {title for title, _ in STORIES.values()}
    assert "نهر النيل" in (out / "articles.jsonl").read_text(encoding="utf-8")  # not \u-escaped

    rejected = [json.loads(line) for line in (out / "rejected.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [Path(r["source"]).name for r in rejected] == ["empty.txt"]
    for r in rejected:
        assert_shape(r, "error")

    report = (out / "report.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in report
    for title in titles:
        assert title in html.unescape(report)
    assert "empty.txt" in report and rejected[0]["code"] in report

    counts = db_counts(out / "rasid.db")
    assert counts == {"runs": 1, "pages": 2, "articles": 2, "run_pages": 2, "run_articles": 2, "rejected": 1}


def test_a_second_run_adds_a_run_not_duplicate_rows(tmp_path: Path) -> None:
    pages = write_pages(tmp_path / "pages")
    db = tmp_path / "keep" / "rasid.db"
    for out in ("out1", "out2"):
        code, _, stderr = run("analyze", str(pages), "--out", str(tmp_path / out), "--db", str(db), "--quiet")
        assert code == 0, stderr
    counts = db_counts(db)
    assert counts["runs"] == 2
    assert (counts["pages"], counts["articles"]) == (2, 2)
    assert (counts["run_pages"], counts["run_articles"]) == (4, 4)
    assert counts["rejected"] == 2  # one per run: a rejection belongs to the run that met it
    first = (tmp_path / "out1" / "articles.jsonl").read_text(encoding="utf-8")
    assert first == (tmp_path / "out2" / "articles.jsonl").read_text(encoding="utf-8")


def test_nothing_readable_exits_2_with_a_reason(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "empty.txt").write_text("\n \n", encoding="utf-8")
    out = tmp_path / "out"
    code, _, stderr = run("analyze", str(folder), str(tmp_path / "missing.html"), "--out", str(out))
    assert code == 2
    assert "rejected.jsonl" in stderr
    rejected = [json.loads(line) for line in (out / "rejected.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {Path(r["source"]).name for r in rejected} == {"empty.txt", "missing.html"}
    assert (out / "report.html").exists()


def test_outputs_inside_the_input_folder_are_not_read_back(tmp_path: Path) -> None:
    pages = write_pages(tmp_path / "pages")
    out = pages / "out"
    for _ in range(2):
        code, stdout, stderr = run("analyze", str(pages), "--out", str(out))
        assert code == 0, stderr
        assert "pages 2 · articles 2 · rejected 1" in stdout
    assert db_counts(out / "rasid.db")["pages"] == 2


def test_a_broken_step_chain_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    pages = write_pages(tmp_path / "pages")
    out = tmp_path / "out"
    code, _, stderr = run("analyze", str(pages), "--out", str(out), "--steps", "ner")
    assert code == 1
    assert "E200" in stderr and "'ner' requires text" in stderr
    assert not out.exists()


def test_lazy_subcommands_attach_when_present_and_vanish_when_absent() -> None:
    group = LazyGroup(name="g", lazy={"ghost": "rasid.no_such_module.cli:ghost", "ner": "rasid.extract.ner.cli:ner"})
    ctx = click.Context(group)
    assert "ghost" not in group.list_commands(ctx)
    assert group.get_command(ctx, "ghost") is None
    code, out, _ = run("--help")
    assert code == 0 and "analyze" in out
    if group.get_command(ctx, "ner") is not None:
        assert "ner" in group.list_commands(ctx) and "ner" in out
