"""Command-line arguments shared by the NER training scripts."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_common_arguments(ap: argparse.ArgumentParser, root: Path) -> None:
    """``--data``, ``--out``, ``--work`` and ``--seed``, with the repository's defaults."""
    ap.add_argument("--data", type=Path, default=root.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=root / "src" / "rasid" / "models" / "ner")
    ap.add_argument("--work", type=Path, default=root / "build" / "ner")
    ap.add_argument("--seed", type=int, default=13)
