"""Named-entity recognition: model verification, tagging, clitic stripping, scoring and the CLI."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasid.errors import ModelError
from rasid.extract.ner import find_mentions, load_tagger
from rasid.extract.ner.cli import ner
from rasid.extract.ner.conll import read_conll, repair_iob, score, spans
from rasid.extract.ner.features import word_form
from rasid.extract.ner.loader import LANG_DIR, MODEL_DIR, load_model, read_table
from rasid.extract.ner.mentions import strip_clitic

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "ner" / "small.conll"


@pytest.fixture(scope="module")
def tagger():  # type: ignore[no-untyped-def]
    return load_tagger()


def _copy_model(tmp_path: Path) -> Path:
    target = tmp_path / "ner"
    shutil.copytree(MODEL_DIR, target)
    return target


def test_load_verifies_sha256(tmp_path: Path) -> None:
    model = _copy_model(tmp_path)
    assert load_model(model).tag([["قال", "بوتين"]])
    weights = model / "weights.npz"
    data = bytearray(weights.read_bytes())
    data[-1] ^= 0xFF
    weights.write_bytes(bytes(data))
    with pytest.raises(ModelError, match="sha256"):
        load_model(model)


def test_load_fails_on_missing_file(tmp_path: Path) -> None:
    model = _copy_model(tmp_path)
    (model / "lexicon.tsv").unlink()
    with pytest.raises(ModelError, match="missing"):
        load_model(model)


def test_load_fails_on_tampered_manifest(tmp_path: Path) -> None:
    model = _copy_model(tmp_path)
    manifest = json.loads((model / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"]["weights.npz"] = "0" * 64
    (model / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(ModelError):
        load_model(model)


def test_precomputed_types_give_the_same_labels(tmp_path: Path) -> None:
    model = _copy_model(tmp_path)
    manifest = json.loads((model / "manifest.json").read_text(encoding="utf-8"))
    if "types.npz" not in manifest["files"]:
        pytest.skip("model ships no precomputed types")
    sents = [s.tokens for s in read_conll(FIXTURE)] + [["وقال", "المتحدث", "باسم", "الخارجية", "الأمريكية"]]
    with_types = load_model(model).tag(sents)
    del manifest["files"]["types.npz"]
    (model / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    (model / "types.npz").unlink()
    assert load_model(model).tag(sents) == with_types


def test_cache_trim_keeps_labels(monkeypatch: pytest.MonkeyPatch) -> None:
    from rasid.extract.ner import tagger as tagger_module

    model = load_model()
    sents = [s.tokens for s in read_conll(FIXTURE)]
    first = model.tag(sents)
    monkeypatch.setattr(tagger_module, "_CACHE_MAX", 0)
    assert model.tag(sents) == first
    assert model.tag([["كلمة", "جديدة", "تماما", "زيلينسكي"], *sents])[1:] == first


def test_import_is_light() -> None:
    code = "import sys, rasid.extract.ner; print('numpy' in sys.modules, 'rasid.extract.ner.tagger' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_tag_shapes_and_labels(tagger) -> None:  # type: ignore[no-untyped-def]
    sents = [["قال", "الرئيس", "الروسي", "فلاديمير", "بوتين", "إن", "موسكو", "مستعدة", "."], [], ["واشنطن"]]
    labels = tagger.tag(sents)
    assert [len(x) for x in labels] == [len(x) for x in sents]
    allowed = {"O"} | {f"{p}-{t}" for p in "BI" for t in ("PER", "ORG", "LOC", "MISC")}
    assert all(lab in allowed for sent in labels for lab in sent)
    assert labels[0][3:5] == ["B-PER", "I-PER"]
    assert labels[0][6] == "B-LOC"


@pytest.mark.parametrize(("token", "expected"), [
    ("لبوتين", "بوتين"), ("وواشنطن", "واشنطن"), ("لـبوتين", "بوتين"), ("وبغداد", "بغداد"),
    ("بوتين", "بوتين"), ("لندن", "لندن"), ("واشنطن", "واشنطن"), ("فرنسا", "فرنسا"), ("كييف", "كييف"),
    ("بغداد", "بغداد"), ("والعراق", "العراق"),
])
def test_strip_clitic(tagger, token: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert strip_clitic(token, tagger.lexicon) == expected


def test_find_mentions_offsets() -> None:
    text = "قال الرئيس الروسي فلاديمير بوتين إن موسكو مستعدة للحوار.\nوصل وزير الخارجية الفرنسي إلى القاهرة أمس، والتقى لاحقا بمسؤولين في وواشنطن."
    found = find_mentions(text)
    assert found
    for m in found:
        assert text[m.start:m.end] == m.text
        assert m.type in {"PER", "ORG", "LOC", "MISC"}
    texts = {(m.text, m.type) for m in found}
    assert ("فلاديمير بوتين", "PER") in texts
    assert ("القاهرة", "LOC") in texts
    assert any(m.text == "واشنطن" for m in found)


def test_find_mentions_strips_proclitic() -> None:
    text = "وجه الرئيس الأمريكي انتقادات لبوتين بسبب الحرب."
    found = find_mentions(text)
    person = [m for m in found if m.type == "PER"]
    assert person and person[0].text == "بوتين"
    assert text[person[0].start:person[0].end] == "بوتين"


def test_repair_and_spans() -> None:
    assert repair_iob(["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"]) == [
        "B-PER", "I-PER", "O", "B-LOC", "B-LOC", "B-ORG"]
    assert spans(["B-PER", "I-PER", "O", "B-LOC", "B-LOC"]) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC")]


def test_score_exact_spans() -> None:
    gold = [["B-PER", "I-PER", "O", "B-LOC"]]
    pred = [["B-PER", "O", "O", "B-LOC"]]
    result = score(gold, pred)
    assert result["LOC"]["f1"] == 1.0
    assert result["PER"]["f1"] == 0.0
    assert result["overall"]["precision"] == 0.5
    assert result["overall"]["recall"] == 0.5
    assert score(gold, gold)["overall"]["f1"] == 1.0


def test_read_conll_maps_pers_and_repairs(tmp_path: Path) -> None:
    path = tmp_path / "x.conll"
    path.write_text("بوتين X I-PERS\nفي X O\n\nموسكو X B-LOC\n", encoding="utf-8")
    sents = read_conll(path)
    assert [s.labels for s in sents] == [["B-PER", "O"], ["B-LOC"]]


def test_cli_tag_keeps_sentences(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(ner, ["tag", str(FIXTURE)])
    assert result.exit_code == 0, result.output
    blocks = result.output.strip("\n").split("\n\n")
    gold = read_conll(FIXTURE)
    assert len(blocks) == len(gold)
    for block, sent in zip(blocks, gold, strict=True):
        rows = [line.split("\t") for line in block.splitlines()]
        assert [r[0] for r in rows] == sent.tokens
    out = tmp_path / "out.tsv"
    assert runner.invoke(ner, ["tag", str(FIXTURE), "-o", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8") == result.output


def test_cli_eval_json_and_table() -> None:
    runner = CliRunner()
    result = runner.invoke(ner, ["eval", str(FIXTURE), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert set(scores) >= {"PER", "ORG", "LOC", "MISC", "overall"}
    assert scores["overall"]["gold"] == 5
    assert scores["overall"]["f1"] >= 0.6
    table = runner.invoke(ner, ["eval", str(FIXTURE)])
    assert table.exit_code == 0
    assert "overall" in table.output and "precision" in table.output


def test_cli_eval_rejects_unlabelled(tmp_path: Path) -> None:
    path = tmp_path / "bad.conll"
    path.write_text("بوتين\n", encoding="utf-8")
    result = CliRunner().invoke(ner, ["eval", str(path)])
    assert result.exit_code != 0
    assert "E102" in result.output


@pytest.mark.parametrize("name", ["ner_triggers.tsv", "ner_gazetteer.tsv"])
def test_word_lists_are_normalised(name: str) -> None:
    for form in read_table(LANG_DIR / name):
        assert " ".join(word_form(w) for w in form.split(" ")) == form, form


def test_clitic_list_is_normalised() -> None:
    lines = (LANG_DIR / "ner_clitics.txt").read_text(encoding="utf-8").splitlines()
    for line in lines:
        if line and not line.startswith("#"):
            assert word_form(line) == line
