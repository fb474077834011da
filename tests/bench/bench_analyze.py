"""Throughput of the whole pipeline on real news: pages/s per step on a sample of the ANT corpus.

Reads the first ``N`` pages of ``../shared/data/news/ant_multisource_v2.1`` (set ``RASID_BENCH_PAGES``),
then times each pipeline step over the same articles on one process, and the full chain end to end
with the SQLite store. Skipped (empty result) when the corpus is absent.
"""

from __future__ import annotations

import os
import resource
import tempfile
import time
from itertools import islice
from pathlib import Path

from rasid.model import Article, Page
from rasid.pipeline import FULL, AnalyzeOptions, RunContext, analyze, build

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "news"


def _pages(n: int) -> list[Page]:
    from rasid.ingest import read_paths

    src = DATA / "ant_multisource_v2.1"
    return [p for p in islice(read_paths([src]), n * 2) if isinstance(p, Page)][:n]


def run() -> dict[str, object]:
    """Pages/s per step and end to end; peak memory of the process."""
    if not DATA.exists():
        return {"skipped": f"{DATA} is absent"}
    n = int(os.environ.get("RASID_BENCH_PAGES", "1000"))
    t0 = time.perf_counter()
    pages = _pages(n)
    read_s = time.perf_counter() - t0
    chars = sum(len(p.raw) for p in pages)
    result: dict[str, object] = {"pages": len(pages), "chars": chars,
                                 "read_pages_per_s": round(len(pages) / read_s, 1)}
    context = RunContext()
    steps = [s.bind(context) for s in build(FULL)]
    work: list[tuple[Page, list[Article]]] = [(p, []) for p in pages]
    for step in steps:
        t = time.perf_counter()
        out = []
        for page, arts in work:
            try:
                out.append((page, step.run(page, arts)))
            except Exception:  # a rejected page drops out, as in a run
                continue
        work = out
        result[f"{step.name}_pages_per_s"] = round(len(pages) / (time.perf_counter() - t), 1)
    result["articles"] = sum(len(a) for _, a in work)
    with tempfile.TemporaryDirectory() as tmp:
        from rasid.store import open_store

        t = time.perf_counter()
        with open_store(Path(tmp) / "bench.db") as store:
            run_id = store.begin_run({"bench": True})
            with store.transaction():
                for page in pages:
                    store.add_page(run_id, page)
                for item in analyze(pages, AnalyzeOptions(steps=FULL)):
                    if isinstance(item, Article):
                        store.add_article(run_id, item)
        total = time.perf_counter() - t
    result["end_to_end_pages_per_s"] = round(len(pages) / total, 1)
    result["end_to_end_chars_per_s"] = round(chars / total)
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return result


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
