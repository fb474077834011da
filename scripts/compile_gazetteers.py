"""Compile the country and city gazetteer tables in src/rasid/lang/ar/ from the shared open data.

Reads ``countries/countries.json`` (mledoze/countries, ODbL) and ``world_cities/world-cities.csv``
(CC BY 4.0) under ``../shared/data/gazetteer`` and writes two small TSV tables holding only the
columns the linker needs. The city list is noisy (clubs, universities, a submarine named «كورسك»,
mistranslations), so rows whose Arabic name does not sound like the English one are left out.

    .venv/bin/python scripts/compile_gazetteers.py [--data ../shared/data/gazetteer]
"""

from __future__ import annotations

import argparse
import csv
import difflib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "rasid" / "lang" / "ar"
sys.path.insert(0, str(ROOT / "src"))

from rasid.text.normalize import normalize  # noqa: E402

# The city list names some countries differently from countries.json.
COUNTRY_FIX = {"Palestinian Territory Occupied": "PS", "Fiji Islands": "FJ", "Bosnia and Herzevina": "BA",
               "Man (Isle of)": "IM", "Turkey": "TR", "Hong Kong S.A.R.": "HK"}
ADMIN_PREFIXES = ("محافظة", "مقاطعة", "ولاية", "بلدية", "إقليم", "منطقة", "مدينة", "إدارة", "مديرية",
                  "ناحية", "ضاحية", "كانتون", "جمهورية")
NOT_CITY = ("نادي", "جامعة", "غواصة", "نهر", "فيروسات", "مطار", "ميناء", "قلعة", "جزيرة", "بحيرة", "جبل",
            "مركز", "قصر", "معركة")
MIN_POPULATION = 50_000

# Rough consonant classes shared by the Arabic spelling of a foreign name and its Latin form.
_AR_CLASS = str.maketrans({"ب": "b", "ت": "t", "ث": "t", "ج": "g", "ح": "h", "خ": "k", "د": "d", "ذ": "d",
                           "ر": "r", "ز": "z", "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
                           "غ": "g", "ف": "f", "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h",
                           "ة": "", "ع": "", "ء": "", "ا": "", "و": "", "ي": "", "ى": "", "پ": "b",
                           "ڤ": "f", "چ": "g", " ": "", "-": ""})
_LAT = [("ph", "f"), ("ch", "s"), ("sh", "s"), ("th", "t"), ("kh", "k"), ("gh", "g"), ("c", "k"),
        ("q", "k"), ("x", "ks"), ("j", "g"), ("p", "b"), ("v", "f"), ("w", ""), ("y", ""), ("e", ""),
        ("a", ""), ("i", ""), ("o", ""), ("u", "")]


def _ar_skeleton(name: str) -> str:
    return re.sub(r"(.)\1+", r"\1", normalize(name).replace("ال", "", 1).translate(_AR_CLASS))


def _lat_skeleton(name: str) -> str:
    s = re.sub(r"[^a-z]", "", name.lower().replace("é", "e").replace("ü", "u").replace("ö", "o"))
    for a, b in _LAT:
        s = s.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", s)


def likeness(arabic: str, english: str) -> float:
    """How closely the Arabic spelling's consonants follow the English name's (0 … 1)."""
    a, e = _ar_skeleton(arabic), _lat_skeleton(english)
    return difflib.SequenceMatcher(None, a, e).ratio() if a and e else 0.0


def sounds_alike(arabic: str, english: str) -> bool:
    """True when the Arabic spelling plausibly transliterates the English name."""
    return likeness(arabic, english) >= 0.5


def strip_admin(name: str) -> str:
    """«ولاية قندهار» → «قندهار»; names without an administrative prefix are returned unchanged."""
    head, _, rest = name.partition(" ")
    return rest if head in ADMIN_PREFIXES and rest else name


def _clean(name: str) -> str:
    name = re.split(r"[،,(]", name)[0]
    return re.sub(r"\s+", " ", re.sub("[\u064b-\u065f\u0670]", "", name)).strip()


def compile_countries(data: Path) -> tuple[list[list[str]], dict[str, str]]:
    """Rows ``iso2, name_en, arabic names (|), capital``, and an English-name → ISO map."""
    countries = json.loads((data / "countries" / "countries.json").read_text(encoding="utf-8"))
    rows, by_name = [], {}
    for c in countries:
        iso = c["cca2"]
        ara = c.get("translations", {}).get("ara", {})
        names = [n for n in (_clean(ara.get("common", "")), _clean(ara.get("official", ""))) if n]
        names = list(dict.fromkeys(names))
        if not names:
            continue
        rows.append([iso, c["name"]["common"], "|".join(names), "|".join(c.get("capital", []))])
        by_name[c["name"]["common"]] = iso
        by_name[c["name"]["official"]] = iso
    by_name.update(COUNTRY_FIX)
    return sorted(rows), by_name


def compile_cities(data: Path, by_name: dict[str, str], capitals: set[tuple[str, str]],
                   country_names: set[str] | None = None) -> list[list[str]]:
    """Rows ``name_en, iso2, arabic names (|)``: one per Arabic name — when names collide, the city
    whose English name it sounds most like, then the most populous («كوبنهاغن» is Copenhagen, not Kobe).
    Names of countries are left to the country table."""
    best: dict[str, tuple[float, int, list[str]]] = {}
    country_names = country_names or set()
    with (data / "world_cities" / "world-cities.csv").open(encoding="utf-8-sig", newline="") as fh:
        for rec in csv.DictReader(fh):
            ar, en = _clean(rec["CityNameAr"]), rec["CityNameEn"].strip()
            iso = by_name.get(rec["CountryNameEn"].strip())
            pop = int(float(rec["Population"] or 0))
            if not iso or not ar or re.search(r"[A-Za-z0-9]", ar) or ar.split()[0] in NOT_CITY:
                continue
            if pop < MIN_POPULATION and (en, iso) not in capitals:
                continue
            short = strip_admin(ar)
            like = round(likeness(short, en), 1)
            key = normalize(short)
            if like < 0.5 or key in country_names:
                continue
            names = list(dict.fromkeys([short, ar]))
            if key not in best or best[key][:2] < (like, pop):
                best[key] = (like, pop, [en, iso, "|".join(names)])
    return sorted(row for _, _, row in best.values())


def write_tsv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    """Write a TSV table with a header line."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("\t".join(header) + "\n")
        for row in rows:
            fh.write("\t".join(row) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "gazetteer")
    args = parser.parse_args()
    countries, by_name = compile_countries(args.data)
    capitals = {(cap, row[0]) for row in countries for cap in row[3].split("|") if cap}
    country_names = {normalize(n) for row in countries for n in row[2].split("|")}
    cities = compile_cities(args.data, by_name, capitals, country_names)
    write_tsv(OUT / "gaz_countries.tsv", ["iso2", "name_en", "names_ar", "capital_en"], countries)
    write_tsv(OUT / "gaz_cities.tsv", ["name_en", "iso2", "names_ar"], cities)
    print(f"countries: {len(countries)}  cities: {len(cities)}")


if __name__ == "__main__":
    main()
