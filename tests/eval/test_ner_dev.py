"""Quality gate: entity F1 of the packaged NER model on ANERcorp dev (exact spans, conlleval-style)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasid.extract.ner import load_tagger
from rasid.extract.ner.conll import read_conll, score

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "ner" / "anercorp" / "dev.txt"
FLOOR_OVERALL = 0.775
FLOOR_PER_TYPE = {"PER": 0.82, "LOC": 0.85, "ORG": 0.69}

pytestmark = pytest.mark.eval


@pytest.mark.skipif(not DEV.exists(), reason=f"ANERcorp dev split not found at {DEV} (../shared/data absent)")
def test_dev_f1_above_floor() -> None:
    sents = read_conll(DEV)
    result = score([s.labels for s in sents], load_tagger().tag([s.tokens for s in sents]))
    assert result["overall"]["f1"] >= FLOOR_OVERALL, result["overall"]
    for kind, floor in FLOOR_PER_TYPE.items():
        assert result[kind]["f1"] >= floor, (kind, result[kind])


@pytest.mark.skipif(not DEV.exists(), reason=f"ANERcorp dev split not found at {DEV} (../shared/data absent)")
def test_network_adds_to_the_crf_on_dev() -> None:
    from rasid.extract.ner.neural import EnsembleTagger

    tagger = load_tagger()
    if not isinstance(tagger, EnsembleTagger):
        pytest.skip("model ships no network")
    sents = read_conll(DEV)
    gold, tokens = [s.labels for s in sents], [s.tokens for s in sents]
    joint = score(gold, tagger.tag(tokens))["overall"]["f1"]
    crf = score(gold, tagger.crf.tag(tokens))["overall"]["f1"]
    assert joint >= crf + 0.01, (joint, crf)
