"""`make bench`: run every ``tests/bench/bench_*.py`` module's ``run()`` and print the numbers.

Each benchmark returns a flat dict of measurements; all of them are written to
``bench-results.json`` so the README's numbers can be checked against a run anyone can repeat.
"""

from __future__ import annotations

import importlib
import json
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    """Run the benchmarks named in ``argv`` (all when empty) and print their results as JSON."""
    names = argv or sorted(p.stem for p in HERE.glob("bench_*.py"))
    results: dict[str, object] = {
        "machine": {"python": platform.python_version(), "cpu": platform.processor() or platform.machine()},
        "started": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }
    for name in names:
        module = importlib.import_module(f"tests.bench.{name}")
        print(f"== {name}", file=sys.stderr, flush=True)
        results[name] = module.run()
        print(json.dumps(results[name], ensure_ascii=False, indent=2), flush=True)
    Path("bench-results.json").write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
