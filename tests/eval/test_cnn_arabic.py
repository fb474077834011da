"""Quality gate: the CNN Arabic HTML page's body against its expected text (bag-of-tokens F1 ≥ 0.95)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from rasid.clean import clean_page
from rasid.model import Page
from rasid.text import normalize, tokenize

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "html" / "cnn_arabic"
HTML = DATA / "arabic_article.html"
EXPECTED = DATA / "arabic_article.expected.txt"

pytestmark = [
    pytest.mark.eval,
    pytest.mark.skipif(not HTML.exists(), reason="../shared/data/html/cnn_arabic is absent"),
]


def _bag(text: str) -> Counter[str]:
    return Counter(normalize(t.text) for t in tokenize(normalize(text)))


def token_f1(got: str, expected: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of the bag of normalised tokens."""
    a, b = _bag(got), _bag(expected)
    overlap = sum((a & b).values())
    p = overlap / max(1, sum(a.values()))
    r = overlap / max(1, sum(b.values()))
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def test_cnn_arabic_body_f1() -> None:
    raw = HTML.read_text(encoding="utf-8", errors="replace")
    articles = clean_page(Page.make(str(HTML), raw, "html"))
    assert len(articles) == 1
    art = articles[0]
    p, r, f1 = token_f1(art.text, EXPECTED.read_text(encoding="utf-8"))
    assert f1 >= 0.95, (p, r, f1)
    assert art.title == "معارضون يسيطرون على مخازن للصواريخ بريف دمشق"
    assert art.published == "2013-08-03"
    assert art.offsets, "paragraphs found verbatim in the HTML are mapped"
    for t, rr, n in art.offsets:
        assert art.text[t:t + n] == raw[rr:rr + n]
