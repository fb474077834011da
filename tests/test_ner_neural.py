"""The neural half of the NER model: input encoding, the ONNX network and the joint tagger."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from rasid.errors import ModelError
from rasid.extract.ner.conll import read_conll
from rasid.extract.ner.encode import _SPAN, N_DENSE, UNK, Encoder
from rasid.extract.ner.features import span_features
from rasid.extract.ner.loader import MODEL_DIR, build_lexicon, load_model

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "ner" / "small.conll"
MANIFEST = json.loads((MODEL_DIR / "manifest.json").read_text(encoding="utf-8"))
needs_network = pytest.mark.skipif("bilstm.onnx" not in MANIFEST["files"], reason="model ships no network")
SENTENCES = [
    ["قال", "الرئيس", "الروسي", "فلاديمير", "بوتين", "في", "موسكو", "إن", "بلاده", "لن", "تتراجع", "."],
    ["وصل", "وزير", "الخارجية", "الأمريكي", "إلى", "سيول", "."],
    ["زيلينسكي"],
    ["ذكرت", "وكالة", "يونهاب", "أن", "جنودا", "من", "كوريا", "الشمالية", "وصلوا", "إلى", "منطقة", "كورسك",
     "الروسية", "الأسبوع", "الماضي", "بحسب", "مسؤولين", "في", "سيول", "وواشنطن", "."],
]


@pytest.fixture(scope="module")
def encoder() -> Encoder:
    return Encoder(build_lexicon(MODEL_DIR), {"بوتين": 2, "موسكو": 3}, {"ب": 2, "و": 3})


def test_encoding_pads_and_reverses_each_sentence_in_its_own_length(encoder: Encoder) -> None:
    enc = encoder.encode([["بوتين", "في", "موسكو"], ["لبوتين"], []])
    assert enc.words.shape == (3, 3) and enc.chars.shape[:2] == (3, 3) and enc.dense.shape == (3, 3, N_DENSE)
    assert enc.lengths.tolist() == [3, 1, 0]
    assert enc.reverse.tolist() == [[2, 1, 0], [0, 1, 2], [0, 1, 2]]
    assert enc.words[0].tolist() == [2, UNK, 3]
    assert enc.words[1, 0] == 2, "the clitic-stripped stem finds the word vector"
    assert enc.words[1, 1:].tolist() == [0, 0] and not enc.dense[1, 1:].any(), "padding stays zero"
    assert enc.dense[1, 0, 16] == 1.0, "attached clitic flag"
    assert enc.chars[1, 0, :2].tolist() == [UNK, 2], "«ل» is not in this character table, «ب» is"


def test_multiword_gazetteer_marks_match_the_crf_features(encoder: Encoder) -> None:
    sents = [s.tokens for s in read_conll(FIXTURE)] + SENTENCES
    enc = encoder.encode(sents)
    marked = 0
    for r, sent in enumerate(sents):
        rows = encoder.type_ids(sent)
        forms = [encoder._forms[i] for i in rows]
        stems = [encoder._stems[i] for i in rows]
        for i, feats in enumerate(span_features(forms, stems, encoder.lexicon)):
            got = {j for j in range(8) if enc.dense[r, i, _SPAN + j]}
            want = {(0 if f[2] == "B" else 4) + ("PER", "ORG", "LOC", "MISC").index(f[4:]) for f in feats}
            assert got == want, (sent, i)
            marked += bool(want)
    assert marked, "the sentences include a multi-word gazetteer name («كوريا الشمالية»)"


def test_type_table_is_rebuilt_when_full() -> None:
    enc = Encoder(build_lexicon(MODEL_DIR), {}, {}, max_types=3)
    first = enc.encode([SENTENCES[0]]).dense.copy()
    enc.encode([SENTENCES[3]])
    assert np.array_equal(enc.encode([SENTENCES[0]]).dense, first)


@needs_network
def test_packaged_model_joins_the_network() -> None:
    from rasid.extract.ner.neural import EnsembleTagger

    tagger = load_model()
    assert isinstance(tagger, EnsembleTagger)
    labels = tagger.tag(SENTENCES)
    assert labels[0][3:5] == ["B-PER", "I-PER"] and labels[0][6] == "B-LOC"


@needs_network
def test_labels_do_not_depend_on_the_batch() -> None:
    tagger = load_model()
    alone = [tagger.tag([s])[0] for s in SENTENCES]
    together = tagger.tag(SENTENCES + [s.tokens for s in read_conll(FIXTURE)])
    assert together[:len(SENTENCES)] == alone


@needs_network
def test_network_scores_change_the_crf_decision() -> None:
    from rasid.extract.ner.neural import EnsembleTagger

    tagger = load_model()
    assert isinstance(tagger, EnsembleTagger)
    joint = tagger.emissions(SENTENCES)
    crf = tagger.crf.emissions(SENTENCES)
    assert all(j.shape == c.shape for j, c in zip(joint, crf, strict=True))
    assert any(not np.allclose(j, tagger._weight * c) for j, c in zip(joint, crf, strict=True))


@needs_network
@pytest.mark.parametrize("name", ["bilstm.onnx", "neural.npz"])
def test_altered_network_file_is_refused(tmp_path: Path, name: str) -> None:
    model = tmp_path / "ner"
    shutil.copytree(MODEL_DIR, model)
    data = bytearray((model / name).read_bytes())
    data[len(data) // 2] ^= 0xFF
    (model / name).write_bytes(bytes(data))
    with pytest.raises(ModelError, match="sha256"):
        load_model(model)


@needs_network
def test_tagging_needs_no_torch() -> None:
    code = ("import sys; from rasid.extract.ner import load_tagger; load_tagger().tag([['قال', 'بوتين']]); "
            "print('torch' in sys.modules, 'onnxruntime' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True"]
