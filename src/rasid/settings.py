"""One frozen settings object: defaults in code, overrides from a TOML file or the environment."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Settings:
    """Run-wide settings. Environment variables ``RASID_<FIELD>`` override the TOML file."""

    db: str = "rasid.db"
    workers: int = 1
    max_file_bytes: int = 200 * 1024 * 1024
    min_article_chars: int = 80

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        """Read ``path`` (or ``$RASID_CONFIG``), then apply ``RASID_*`` environment overrides."""
        values: dict[str, Any] = {}
        cfg = path or (Path(os.environ["RASID_CONFIG"]) if os.environ.get("RASID_CONFIG") else None)
        if cfg is not None and cfg.exists():
            with cfg.open("rb") as fh:
                values.update(tomllib.load(fh).get("rasid", {}))
        for f in fields(cls):
            env = os.environ.get(f"RASID_{f.name.upper()}")
            if env is not None:
                values[f.name] = int(env) if f.type in ("int", int) else env
        known = {f.name for f in fields(cls)}
        return replace(cls(), **{k: v for k, v in values.items() if k in known})
