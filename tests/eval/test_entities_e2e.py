"""Quality gate: entities end to end (tagger + catalogue spotting + linking) on the example pages.

For each gold entity of each gold article (``../shared/examples/gold``), the mentions our pipeline
finds in that article — in its text and in its captions, bylines, wire and credits
(``meta_entities``) — whose text matches one of the gold surfaces must exist (found) and carry one
entity id (merged). A match is the surface itself, normalised, also read with the proclitic that
is attached right before the mention (gold keeps «وواشنطن», our spans exclude the «و»); a surface's
last word counts as a short form, unless that mention is itself another gold entity («روسيا» of
«أقصى شرق روسيا»). Events are left out. Besides: no canonical entity may hold two different gold
people, and the English name must be right for the merged gold entities with a Wikidata id.
"""

from __future__ import annotations

import re

import pytest
from tests.eval.test_link_gold import _same_name as same_name
from tests.gold import EXAMPLES, gold_documents

from rasid.ingest import read_file
from rasid.link.fields import field_text
from rasid.model import Article, FieldMention, Mention
from rasid.pipeline import FULL, AnalyzeOptions, RunContext, analyze
from rasid.text.normalize import normalize

pytestmark = [pytest.mark.eval, pytest.mark.skipif(not EXAMPLES.is_dir(), reason=f"{EXAMPLES} is absent")]


_PROCLITIC = re.compile(r"(?:[وف]?[بلك]|[وف])")


def with_proclitic(before: str, surface: str) -> str | None:
    """The mention as written with the proclitic attached right before it, or None if there is none:
    «و» + «واشنطن» → «وواشنطن», «ل» + «القوات» → «للقوات» (the alef of «ال» drops after «ل»)."""
    clitic = normalize(before.split()[-1]) if before.strip() and not before[-1].isspace() else ""
    if not _PROCLITIC.fullmatch(clitic):
        return None
    if surface.startswith("ال") and clitic.endswith("ل"):
        return clitic + surface[1:]
    return clitic + surface


def _match(surface: str, gold: set[str]) -> str | None:
    if surface in gold:
        return "exact"
    if len(surface) > 3 and any(g.endswith(" " + surface) or g.split()[-1] == surface for g in gold):
        return "short"
    return None


def match(article: Article, mention: Mention, gold: set[str]) -> str | None:
    """How ``mention`` (text or field) matches a gold surface, as it is or with the proclitic attached
    right before it: ``"exact"``, ``"short"`` (a surface's last word) or None."""
    source = article.text if not isinstance(mention, FieldMention) else field_text(
        article, mention.where, mention.index) or ""
    surface = normalize(mention.text)
    attached = with_proclitic(source[max(0, mention.start - 3):mention.start], surface)
    kinds = {_match(surface, gold), _match(attached, gold) if attached else None}
    return "exact" if "exact" in kinds else "short" if "short" in kinds else None


def all_mentions(article: Article) -> list[Mention]:
    """The article's mentions in its text and in its other fields."""
    return [*article.entities, *article.meta_entities]


def entity_scores(misses: list[str] | None = None) -> dict[str, float]:
    """The gate's numbers; ``misses`` (if given) receives a line per gold entity not found or not merged."""
    pages = [p for f in sorted((EXAMPLES / "pages").glob("*.txt")) for p in read_file(f)]
    context = RunContext()
    articles = [a for a in analyze(pages, AnalyzeOptions(steps=FULL), context) if isinstance(a, Article)]
    total = found = merged = linked = named = 0
    people: dict[str, set[str]] = {}
    for gold, _page in gold_documents():
        mine = [a for a in articles if a.source.endswith(gold["file"])]
        for g_article in gold["articles"]:
            article = next((a for a in mine if g_article["first_line"][:40] in a.text), None)
            assert article is not None, f"{gold['file']}: article not found"
            golds = [e for e in g_article["entities"] if e["type"] != "EVENT"]
            forms = [{normalize(s) for s in e["surface"]} for e in golds]
            mentions = all_mentions(article)
            exact = [{n for n, f in enumerate(forms) if match(article, m, f) == "exact"} for m in mentions]
            for n, entity in enumerate(golds):
                total += 1
                # a short form («روسيا» of «أقصى شرق روسيا») does not count when it is another gold entity
                ids = {m.entity for m, hits in zip(mentions, exact, strict=True)
                       if n in hits or (not hits and match(article, m, forms[n]) == "short")}
                found += bool(ids)
                one = len(ids) == 1 and None not in ids
                merged += one
                if misses is not None and not one:
                    misses.append(f"{gold['file'][:3]} {entity['type']} {entity['surface']}: "
                                  f"{'not found' if not ids else sorted(map(str, ids))}")
                if not one:
                    continue
                eid = str(next(iter(ids)))
                if entity["type"] in ("PER", "PERS"):
                    people.setdefault(eid, set()).add(entity["canonical_en"])
                if entity.get("wikidata"):
                    linked += 1
                    named += same_name(context.entities[eid].name_en, entity["canonical_en"])
    return {"entities": total, "found": found / total, "found_and_one_entity": merged / total,
            "people_merged_wrongly": sum(len(names) > 1 for names in people.values()),
            "english_name_right": named / max(1, linked)}


def test_gold_entities_are_found_and_merged() -> None:
    misses: list[str] = []
    scores = entity_scores(misses)
    print(f"\nentities end to end: {scores}", *misses, sep="\n  ")
    assert scores["found"] >= 0.90
    assert scores["found_and_one_entity"] >= 0.90
    assert scores["people_merged_wrongly"] == 0
    assert scores["english_name_right"] >= 0.80


@pytest.mark.parametrize(("before", "surface", "written"), [
    ("ووصل إلى و", "واشنطن", "وواشنطن"), ("وجه انتقادات ل", "بوتين", "لبوتين"),
    ("تقدم ل", "القوات الاوكرانيه", "للقوات الاوكرانيه"), ("أوروبا و", "الولايات المتحده", "والولايات المتحده"),
    ("ب", "منطقه امور", "بمنطقه امور"), ("قال ", "بوتين", None), ("", "لندن", None), ("سا", "مر", None),
])
def test_a_proclitic_is_read_from_the_text_before_the_mention(before: str, surface: str, written: str | None) -> None:
    assert with_proclitic(before, surface) == written


if __name__ == "__main__":
    found_misses: list[str] = []
    print(entity_scores(found_misses), *found_misses, sep="\n  ")
