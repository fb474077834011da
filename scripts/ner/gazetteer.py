"""Compile the NER gazetteer table (matching form → type) from ../shared/data/gazetteer.

Sources: ANERGazet person / location / organisation lists, the Arabic common and official
country names, and the Arabic city names of world-cities (a leading «ولاية»/«محافظة» is dropped).
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from rasid.extract.ner.features import word_form

_ARABIC = re.compile("[\u0621-\u064a]")
_ADMIN = ("ولاية ", "محافظة ", "مقاطعة ", "إقليم ", "اقليم ", "منطقة ")


def _form(name: str) -> str:
    """Matching form of a (multi-word) name."""
    return " ".join(word_form(w) for w in name.split())


def _add(out: dict[str, set[str]], form: str, kind: str) -> None:
    """Record ``form`` under ``kind`` when it is an Arabic name of two letters or more."""
    if len(form) >= 2 and _ARABIC.search(form) and "*" not in form:
        out.setdefault(form, set()).add(kind)


def _anergazet(folder: Path, out: dict[str, set[str]]) -> None:
    """Add the three ANERGazet lists (separator lines of = or * are skipped)."""
    for fname, kind in (("AlignedLocGazetteer.txt", "LOC"), ("AlignedOrgGazetteer.txt", "ORG"),
                        ("AlignedPersGazetteer.txt", "PER")):
        for line in (folder / fname).read_text(encoding="utf-8", errors="replace").splitlines():
            line = line.strip().lstrip("\ufeff")
            if not line or set(line) <= set("=*") or "\ufffd" in line:
                continue
            form = _form(line)
            _add(out, form, kind)


def _countries(path: Path, out: dict[str, set[str]]) -> None:
    """Add Arabic common and official country names."""
    for country in json.loads(path.read_text(encoding="utf-8")):
        ara = (country.get("translations") or {}).get("ara") or {}
        for key in ("common", "official"):
            if ara.get(key):
                _add(out, _form(ara[key]), "LOC")


def _cities(path: Path, out: dict[str, set[str]]) -> None:
    """Add Arabic city and country names of world-cities (BOM-tolerant)."""
    with path.open(encoding="utf-8-sig") as fh:
        for row in csv.DictReader(fh):
            for name in (row.get("CityNameAr") or "", row.get("CountryNameAr") or ""):
                name = name.strip()
                for admin in _ADMIN:
                    if name.startswith(admin):
                        name = name[len(admin):]
                _add(out, _form(name), "LOC")


def compile_gazetteer(data: Path) -> dict[str, str]:
    """Name form → type; a form listed under several types keeps the first of LOC, PER, ORG."""
    table: dict[str, set[str]] = {}
    gaz = data / "gazetteer"
    _anergazet(gaz / "anergazet", table)
    _countries(gaz / "countries" / "countries.json", table)
    _cities(gaz / "world_cities" / "world-cities.csv", table)
    result: dict[str, str] = {}
    for form, kinds in table.items():
        for kind in ("LOC", "PER", "ORG"):
            if kind in kinds:
                result[form] = kind
                break
    return result


def write_gazetteer(table: dict[str, str], out: Path) -> None:
    """Write ``form<TAB>type`` lines, sorted, with a header comment."""
    lines = ["# NER gazetteer compiled by scripts/ner/gazetteer.py: matching form<TAB>type"]
    lines += [f"{form}\t{kind}" for form, kind in sorted(table.items())]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
