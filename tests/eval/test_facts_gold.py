"""Quality gate: figures, claimants and quotes on the hand-checked example pages (``../shared/examples``).

Each gold article body (first to last line in the page) is run through :func:`find_quantities` and
:func:`find_quotes`, once without entity mentions and once with the gold entity surfaces as mentions
(an upper bound for what a named-entity step can add). Scores:

* figures: a found figure is right when value (None == None) and unit match a gold figure (F1).
  Gold durations (weeks, months …) count: a duration is a figure with a time unit and no claimant.
* claimant right: among matched figures, the share whose claimant agrees with gold — both None,
  or the found Arabic claimant shares a main word with the gold claimant, bridged to Arabic by the
  gold entity list (canonical_en → surfaces) and a small English gloss table below.
* quotes: a found quote is right when its words overlap a gold quote's (short quotes: equal) and
  its speaker agrees loosely as above (F1); text-only F1 is reported too.

Run: ``.venv/bin/pytest tests/eval/test_facts_gold.py -s``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from tests.gold import EXAMPLES, article_body, gold_documents

from rasid.extract.figures import find_quantities
from rasid.extract.quotes import find_quotes
from rasid.model import Mention
from rasid.text.normalize import normalize

FLOOR_FIGURES_F1 = 0.95
FLOOR_CLAIMANT = 0.95
FLOOR_QUOTES_F1 = 0.93

# English words of gold claimant descriptions → Arabic word stems (evaluation bridge only).
GLOSS = {
    "reports": ["تقارير"], "report": ["تقرير"], "lawmakers": ["نواب", "مشرع"], "officials": ["مسؤول"],
    "official": ["مسؤول"], "intelligence": ["استخبار", "مخابرات"], "western": ["غربي", "غرب"],
    "west": ["غرب"], "treaty": ["معاهده", "اتفاق"], "spokeswoman": ["متحدث"], "spokesman": ["متحدث"],
    "spokesperson": ["متحدث"], "ukrainian": ["اوكراني"], "us": ["اميركي", "امريكي"], "eu": ["اتحاد"],
    "parties": ["اطراف"], "ministry": ["وزاره"], "government": ["حكومه"], "agency": ["وكاله"],
    "media": ["اعلام"], "army": ["جيش"], "police": ["شرطه"], "analyst": ["محلل"], "lawmaker": ["نائب"],
}
_STOP_EN = {"the", "of", "and", "a", "an", "per", "via", "as", "incl", "citing", "in", "on", "to", "for", "by"}
_PREFIXES = ("وبال", "وال", "بال", "فال", "لل", "ال", "و", "ب", "ل", "ف")


def stem(word: str) -> str:
    """A word in matching form with clitics and the article stripped: «وكوريا» → «كوريا»."""
    w = normalize(word)
    for p in _PREFIXES:
        if w.startswith(p) and len(w) - len(p) >= 3:
            return w[len(p):]
    return w


def arabic_words(text: str) -> set[str]:
    return {stem(w) for w in re.findall(r"[\u0600-\u06ff]+", text) if len(stem(w)) >= 3}


def _close(a: str, b: str) -> bool:
    return a == b or (min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a)))


def gold_claimant_words(gold: str, entities: list[dict[str, Any]]) -> set[str]:
    """Arabic stems a right claimant may contain: entity surfaces named in ``gold``, glosses, Arabic."""
    words = arabic_words(gold)
    tokens = {t.lower() for t in re.findall(r"[A-Za-z]+", gold)}
    for ent in entities:
        main = {t.lower() for t in re.findall(r"[A-Za-z]+", ent.get("canonical_en") or "")} - _STOP_EN
        if main and main & tokens and (len(main & tokens) >= min(2, len(main))):
            for surface in ent.get("surface") or []:
                words |= arabic_words(surface)
    for t in tokens:
        words |= set(GLOSS.get(t, []))
    return words


def same_claimant(gold: str | None, found: str | None, entities: list[dict[str, Any]]) -> bool:
    if gold is None or found is None:
        return gold is None and found is None
    want = gold_claimant_words(gold, entities)
    return any(_close(a, b) for a in arabic_words(found) for b in want)


@dataclass
class Article:
    body: str
    entities: list[dict[str, Any]]
    quantities: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)


def gold_articles(examples: Path = EXAMPLES) -> list[Article]:
    out: list[Article] = []
    for doc, page in gold_documents(examples):
        for art in doc["articles"]:
            body = article_body(page, art)
            if body is None:
                continue
            out.append(Article(body, art.get("entities") or [],
                               list(art.get("quantities") or []), list(art.get("quotes") or [])))
    return out


def gold_mentions(art: Article) -> list[Mention]:
    """Every occurrence of a gold entity surface in the body, longest first, without overlaps."""
    found: list[Mention] = []
    taken: set[int] = set()
    pairs = [(surface, ent.get("type") or "MISC") for ent in art.entities for surface in ent.get("surface") or []]
    for surface, typ in sorted(pairs, key=lambda p: -len(p[0])):
        for m in re.finditer(re.escape(surface), art.body):
            span = set(range(m.start(), m.end()))
            if not span & taken:
                taken |= span
                found.append(Mention(m.start(), m.end(), surface, type=typ))
    return sorted(found, key=lambda m: m.start)


def f1(tp: int, n_found: int, n_gold: int) -> float:
    p = tp / n_found if n_found else 1.0
    r = tp / n_gold if n_gold else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _same_value(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def score_figures(arts: list[Article], with_mentions: bool = False) -> dict[str, float]:
    tp = n_found = n_gold = claim_ok = n_durations = 0
    for art in arts:
        gold = list(art.quantities)
        n_durations += len(art.quantities) - len(gold)
        found = find_quantities(art.body, gold_mentions(art) if with_mentions else None)
        n_found, n_gold = n_found + len(found), n_gold + len(gold)
        free = list(gold)
        for q in found:
            hit = next((g for g in free if _same_value(q.value, g["value"]) and q.unit == g["unit"]), None)
            if hit is None:
                continue
            free.remove(hit)
            tp += 1
            claim_ok += same_claimant(hit.get("attributed_to"), q.attributed_to, art.entities)
    return {"f1": f1(tp, n_found, n_gold), "tp": tp, "found": n_found, "gold": n_gold,
            "claimant": claim_ok / tp if tp else 0.0,
            "f1_counting_gold_durations": f1(tp, n_found, n_gold + n_durations)}


def _words(text: str) -> list[str]:
    return [normalize(w) for w in re.findall(r"[\w\u0600-\u06ff]+", text)]


def same_quote_text(gold: str, found: str) -> bool:
    g, f = _words(gold), _words(found)
    if not g or not f:
        return False
    if len(g) <= 3 or len(f) <= 3:
        return g == f
    inter = len(set(g) & set(f))
    return inter / len(set(g)) >= 0.6 and inter / len(set(f)) >= 0.4


def score_quotes(arts: list[Article], with_mentions: bool = False) -> dict[str, float]:
    tp = tp_text = n_found = n_gold = 0
    for art in arts:
        found = find_quotes(art.body, gold_mentions(art) if with_mentions else None)
        n_found, n_gold = n_found + len(found), n_gold + len(art.quotes)
        free = list(art.quotes)
        free_text = list(art.quotes)
        for q in found:
            hit = next((g for g in free if same_quote_text(g["text"], q.text)
                        and same_claimant(g.get("speaker"), q.speaker, art.entities)), None)
            if hit is not None:
                free.remove(hit)
                tp += 1
            hit_t = next((g for g in free_text if same_quote_text(g["text"], q.text)), None)
            if hit_t is not None:
                free_text.remove(hit_t)
                tp_text += 1
    return {"f1": f1(tp, n_found, n_gold), "text_f1": f1(tp_text, n_found, n_gold), "tp": tp,
            "found": n_found, "gold": n_gold}


pytestmark = pytest.mark.eval
needs_examples = pytest.mark.skipif(not (EXAMPLES / "gold").is_dir(),
                                    reason=f"gold examples not found at {EXAMPLES}")


@needs_examples
@pytest.mark.parametrize("with_mentions", [False, True], ids=["plain", "gold-mentions"])
def test_figures_on_gold(with_mentions: bool) -> None:
    s = score_figures(gold_articles(), with_mentions)
    print(f"\nfigures ({'gold mentions' if with_mentions else 'no mentions'}): {s}")
    assert s["f1"] >= FLOOR_FIGURES_F1, s
    assert s["claimant"] >= FLOOR_CLAIMANT, s


@needs_examples
@pytest.mark.parametrize("with_mentions", [False, True], ids=["plain", "gold-mentions"])
def test_quotes_on_gold(with_mentions: bool) -> None:
    s = score_quotes(gold_articles(), with_mentions)
    print(f"\nquotes ({'gold mentions' if with_mentions else 'no mentions'}): {s}")
    assert s["f1"] >= FLOOR_QUOTES_F1, s


def test_claimant_bridge_is_not_trivially_true() -> None:
    ents = [{"canonical_en": "Volodymyr Zelensky", "surface": ["فولوديمير زيلينسكي"]}]
    assert same_claimant("Volodymyr Zelensky", "الرئيس الأوكراني فولوديمير زيلينسكي", ents)
    assert not same_claimant("Volodymyr Zelensky", "وزارة الخارجية الروسية", ents)
    assert not same_claimant("Volodymyr Zelensky", None, ents)
    assert same_claimant(None, None, ents)
    assert same_claimant("South Korean lawmakers", "نواب من كوريا الجنوبية", [])
