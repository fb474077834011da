"""The pipeline: requires/provides checking, and a failing page becoming a Rejected while the batch goes on."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from rasid import pipeline
from rasid.errors import EmptyInputError, ModelError, PipelineError
from rasid.model import Article, Mention, Page, Rejected
from rasid.pipeline import FULL, AnalyzeOptions, Step, analyze, build, lazy, register, registered
from tests.helpers import assert_shape


@pytest.fixture(autouse=True)
def own_registry(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Steps registered by a test stay in that test."""
    monkeypatch.setattr(pipeline, "_REGISTRY", dict(pipeline._REGISTRY))
    yield


def split_lines(page: Page, articles: list[Article]) -> list[Article]:
    """A stand-in first step: one article per non-blank line; refuses empty pages, breaks on 'boom'."""
    if "boom" in page.raw:
        raise ValueError("unexpected marker in page")
    lines = [line for line in page.raw.splitlines() if line.strip()]
    if not lines:
        raise EmptyInputError("no article text", source=page.source)
    return [Article(id=f"{page.id}-{i}", page_id=page.id, source=page.source, text=line)
            for i, line in enumerate(lines)]


def tag_first_word(page: Page, articles: list[Article]) -> list[Article]:
    """A stand-in annotator: the first word of each article as a MISC mention."""
    for a in articles:
        word = a.text.split()[0]
        a.entities.append(Mention(0, len(word), word))
    return articles


def register_test_steps() -> None:
    register(Step("split", split_lines, requires=frozenset({"page"}), provides=frozenset({"articles", "text"})))
    register(Step("tag", tag_first_word, requires=frozenset({"text"}), provides=frozenset({"entities"})))
    register(Step("resolve", lambda p, a: a, requires=frozenset({"entities", "sentences"}),
                  provides=frozenset({"entity_ids"})))


def test_clean_is_registered_and_builds_alone() -> None:
    assert {"clean", "ner", "times", "figures", "quotes"} <= registered().keys()
    (step,) = build(AnalyzeOptions().steps)
    assert {"articles", "text", "published"} <= step.provides
    assert len(build(["clean", "ner", "times", "figures", "quotes"])) == 5
    assert [s.name for s in build(FULL)] == list(FULL)
    with pytest.raises(PipelineError, match="'link' requires entities"):
        build(["clean", "link"])
    with pytest.raises(PipelineError, match="'times' requires published, text"):
        build(["times"])


def test_a_missing_requirement_is_named() -> None:
    register_test_steps()
    with pytest.raises(PipelineError) as info:
        build(["split", "resolve"])
    message = str(info.value)
    assert "'resolve'" in message and "entities, sentences" in message
    with pytest.raises(PipelineError) as info:
        build(["split", "tag", "resolve"])
    assert "sentences" in str(info.value) and "entities" not in str(info.value).split("requires")[1]
    assert info.value.code == "E200"


def test_order_matters() -> None:
    register_test_steps()
    assert [s.name for s in build(["split", "tag"])] == ["split", "tag"]
    with pytest.raises(PipelineError, match="'tag' requires text"):
        build(["tag", "split"])


def test_unknown_and_repeated_steps_are_refused() -> None:
    with pytest.raises(PipelineError, match="unknown step"):
        build(["clean", "nonesuch"])
    with pytest.raises(PipelineError, match="twice"):
        build(["clean", "clean"])
    with pytest.raises(PipelineError, match="already registered"):
        register(Step("clean", split_lines))


def test_analyze_checks_the_chain_before_reading_anything() -> None:
    register_test_steps()

    def pages() -> Iterator[Page]:
        raise AssertionError("no page should be read")
        yield  # pragma: no cover

    with pytest.raises(PipelineError):
        analyze(pages(), AnalyzeOptions(steps=("split", "link")))


def test_a_failing_page_becomes_rejected_and_the_batch_goes_on(caplog: pytest.LogCaptureFixture) -> None:
    register_test_steps()
    ingest_rejection = Rejected(source="in/broken.warc", code="E102", error="FormatError", message="bad record")
    pages = [
        Page.make("in/a.txt", "الخبر الأول\nالخبر الثاني", "text"),
        Page.make("in/empty.txt", "  \n ", "text"),
        ingest_rejection,
        Page.make("in/boom.txt", "boom", "text"),
        Page.make("in/b.txt", "الخبر الثالث", "text"),
    ]
    with caplog.at_level(logging.ERROR, logger="rasid.pipeline"):
        out = list(analyze(pages, AnalyzeOptions(steps=("split", "tag"))))
    kinds = [(type(x).__name__, x.source) for x in out]
    assert kinds == [("Article", "in/a.txt"), ("Article", "in/a.txt"), ("Rejected", "in/empty.txt"),
                     ("Rejected", "in/broken.warc"), ("Rejected", "in/boom.txt"), ("Article", "in/b.txt")]
    empty, passed, boom = (x for x in out if isinstance(x, Rejected))
    assert (empty.code, empty.error) == ("E103", "EmptyInputError") and empty.hint
    assert passed is ingest_rejection
    assert (boom.code, boom.error) == ("E999", "ValueError") and "unexpected marker" in boom.message
    assert "in/boom.txt" in caplog.text
    for r in (empty, boom):
        assert_shape(r.to_json(), "error")
    first = out[0]
    assert isinstance(first, Article)
    assert [m.text for m in first.entities] == ["الخبر"]
    assert_shape(first.to_json(), "article")


def test_strict_mode_lets_unexpected_errors_through() -> None:
    register_test_steps()
    with pytest.raises(ValueError):
        list(analyze([Page.make("in/boom.txt", "boom", "text")], AnalyzeOptions(steps=("split",), strict=True)))


def test_lazy_steps_import_on_first_use() -> None:
    run = lazy("tests.test_pipeline:split_lines")
    register(Step("split-lazy", run, provides=frozenset({"articles", "text"})))
    (article,) = analyze([Page.make("in/c.txt", "سطر واحد", "text")], AnalyzeOptions(steps=("split-lazy",)))
    assert isinstance(article, Article) and article.text == "سطر واحد"


def test_the_clean_step_turns_a_page_into_articles() -> None:
    body = "".join(f"<p>{s}</p>" for s in [
        "أعلنت وزارة الصحة في عمّان يوم الأحد عن افتتاح مستشفى جديد في مدينة الزرقاء يضم مئتي سرير.",
        "وقال الوزير في مؤتمر صحفي إن المستشفى سيخدم أكثر من نصف مليون نسمة في المحافظة والمناطق المجاورة.",
        "وأضاف أن العمل على المشروع استمر ثلاث سنوات بتمويل مشترك من الحكومة وعدد من المانحين الدوليين.",
    ])
    html = f"<html><head><title>افتتاح مستشفى جديد في الزرقاء</title></head><body><article>{body}</article></body></html>"
    out = list(analyze([Page.make("in/hospital.html", html, "html")]))
    articles = [x for x in out if isinstance(x, Article)]
    assert articles, out
    assert "مستشفى جديد" in articles[0].text
    for a in articles:
        assert_shape(a.to_json(), "article")


def test_an_installation_error_stops_the_run_instead_of_rejecting_every_page() -> None:
    def no_model(page: Page, articles: list[Article]) -> list[Article]:
        raise ModelError("weights missing", source="models/x/manifest.json")

    register_test_steps()
    register(Step("needs-model", no_model, requires=frozenset({"text"})))
    pages = [Page.make("in/a.txt", "سطر", "text"), Page.make("in/b.txt", "سطر آخر", "text")]
    with pytest.raises(ModelError):
        list(analyze(pages, AnalyzeOptions(steps=("split", "needs-model"))))


def test_rejections_and_errors_share_one_shape() -> None:
    assert_shape(EmptyInputError("no article text", source="in/a.txt").as_dict(), "error")
    assert_shape(PipelineError("step 'x' requires y").as_dict(), "error")
