"""Benchmark: rasid's ``find_times`` against dateparser's ``search_dates`` on the example gold.

For each system, over the gold article texts of ``../shared/examples`` (see
``tests/eval/test_times_gold.py``): *found* = share of gold expressions overlapped by a returned item
whose date agrees with the gold value; *precision* = share of returned items that overlap a gold
expression and agree with it; agreement is at the gold's granularity (a day inside a gold range
agrees; durations and null values agree only when equal). Speed is gold-article characters and
sentences per second. dateparser gets ``languages=['ar']`` and ``RELATIVE_BASE`` = the publication
date (2000-01-01 when the gold has none, so the clock is never read).

Run: ``python -m tests.bench.bench_times``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from rasid.extract.times import find_times
from rasid.text.sentences import split_sentences
from tests.eval.test_times_gold import EXAMPLES, Unit, _gold_spans, _overlap, gold_units

Found = list[tuple[int, int, str | None]]


def agrees(value: str | None, gold: object) -> bool:
    """Whether a returned value matches the gold normalised value at the gold's granularity."""
    if gold is None or value is None:
        return gold is None and value is None
    gold = str(gold)
    if value == gold:
        return True
    if gold.startswith("P") or value.startswith("P"):
        return False
    if "/" in gold:
        lo, hi = gold.split("/")
        day = value.split("/")[0]
        return len(day) >= len(lo) and lo <= day[:len(lo)] and day[:len(hi)] <= hi
    return len(value.split("/")[0]) >= len(gold) and value[:len(gold)] == gold


def run_rasid(unit: Unit) -> Found:
    """find_times spans and values."""
    return [(r.start, r.end, r.value) for r in find_times(unit.text, unit.published)]


def run_dateparser(unit: Unit) -> Found:
    """search_dates results with offsets recovered by searching each returned string in turn."""
    from dateparser.search import search_dates

    base = datetime.fromisoformat(unit.published) if unit.published else datetime(2000, 1, 1)
    out: Found = []
    for sent in split_sentences(unit.text):
        hits = search_dates(sent.text, languages=["ar"], settings={"RELATIVE_BASE": base}) or []
        cursor = 0
        for text, when in hits:
            pos = sent.text.find(text, cursor)
            if pos < 0:
                continue
            cursor = pos + len(text)
            out.append((sent.start + pos, sent.start + pos + len(text), when.date().isoformat()))
    return out


def measure(system: Callable[[Unit], Found], units: list[Unit], repeat: int = 1) -> dict[str, float]:
    """found, precision, and speed of one system over the gold units."""
    start = time.perf_counter()
    results = [system(u) for u in units]
    for _ in range(repeat - 1):
        for u in units:
            system(u)
    elapsed = (time.perf_counter() - start) / repeat
    hit_gold = n_gold = right = n_found = 0
    for unit, found in zip(units, results, strict=True):
        gold = _gold_spans(unit)
        n_gold += len(gold)
        n_found += len(found)
        hit_gold += sum(any(_overlap(f[:2], g[:2]) and agrees(f[2], g[2]) for f in found) for g in gold)
        right += sum(any(_overlap(f[:2], g[:2]) and agrees(f[2], g[2]) for g in gold) for f in found)
    chars = sum(len(u.text) for u in units)
    sentences = sum(len(split_sentences(u.text)) for u in units)
    return {"found": round(hit_gold / n_gold, 3) if n_gold else 0.0,
            "precision": round(right / n_found, 3) if n_found else 0.0,
            "returned": n_found, "gold": n_gold,
            "sentences_per_s": round(sentences / elapsed, 1), "chars_per_s": round(chars / elapsed)}


def run() -> dict[str, Any]:
    """Both systems on the example gold; a flat dict (empty with a reason when the gold is absent)."""
    if not (EXAMPLES / "gold").is_dir():
        return {"skipped": f"gold examples not found at {EXAMPLES}"}
    units = gold_units()
    ours = measure(run_rasid, units, repeat=20)
    theirs = measure(run_dateparser, units)
    result: dict[str, Any] = {"units": len(units)}
    result.update({f"rasid_{k}": v for k, v in ours.items()})
    result.update({f"dateparser_{k}": v for k, v in theirs.items()})
    return result


def main() -> None:
    """Print a small table."""
    result = run()
    if "skipped" in result:
        print(result["skipped"])
        return
    keys = ["found", "precision", "returned", "gold", "sentences_per_s", "chars_per_s"]
    print(f"{'system':<12}" + "".join(f"{k:>17}" for k in keys))
    for system in ("rasid", "dateparser"):
        print(f"{system:<12}" + "".join(f"{result[f'{system}_{k}']!s:>17}" for k in keys))


if __name__ == "__main__":
    main()
