"""Quality gate: entities end to end (tagger + catalogue spotting + linking) on the example pages.

For each gold entity of each gold article (``../shared/examples/gold``), the mentions our pipeline
finds in that article whose text matches one of the gold surfaces (normalised; a surface's last word
counts for short forms) must exist (found) and carry one entity id (merged). Events and entities
that only appear in photo captions count as misses: captions are not article text.
"""

from __future__ import annotations

import pytest
from tests.gold import EXAMPLES, gold_documents

from rasid.ingest import read_file
from rasid.model import Article
from rasid.pipeline import FULL, AnalyzeOptions, RunContext, analyze
from rasid.text.normalize import normalize

pytestmark = [pytest.mark.eval, pytest.mark.skipif(not EXAMPLES.is_dir(), reason=f"{EXAMPLES} is absent")]


def _matches(surface: str, gold: set[str]) -> bool:
    return any(surface == g or (len(surface) > 3 and (g.endswith(" " + surface) or g.split()[-1] == surface))
               for g in gold)


def entity_scores() -> dict[str, float]:
    pages = [p for f in sorted((EXAMPLES / "pages").glob("*.txt")) for p in read_file(f)]
    articles = [a for a in analyze(pages, AnalyzeOptions(steps=FULL), RunContext()) if isinstance(a, Article)]
    total = found = merged = 0
    for gold, _page in gold_documents():
        mine = [a for a in articles if a.source.endswith(gold["file"])]
        for g_article in gold["articles"]:
            article = next((a for a in mine if g_article["first_line"][:40] in a.text), None)
            assert article is not None, f"{gold['file']}: article not found"
            for entity in g_article["entities"]:
                if entity["type"] == "EVENT":
                    continue
                total += 1
                surfaces = {normalize(s) for s in entity["surface"]}
                ids = {m.entity for m in article.entities if _matches(normalize(m.text), surfaces)}
                found += bool(ids)
                merged += len(ids) == 1 and None not in ids
    return {"entities": total, "found": found / total, "found_and_one_entity": merged / total}


def test_gold_entities_are_found_and_merged() -> None:
    scores = entity_scores()
    print(f"\nentities end to end: {scores}")
    assert scores["found"] >= 0.80
    assert scores["found_and_one_entity"] >= 0.78


if __name__ == "__main__":
    print(entity_scores())
