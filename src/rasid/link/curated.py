"""Catalogue entries: the curated table of recurring entities and the compiled country/city tables.

Every entry has a stable ``key`` («vladimir_putin», «country:KP», «city:KP:Pyongyang»); curated rows
whose key names a compiled country or city add aliases, a Wikidata id or a better English name to it.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from rasid.errors import FormatError, ModelError
from rasid.text.normalize import normalize

# Countries whose people mostly bear Arabic or Arabic-derived names (the Arab League, Iran, Turkey,
# Pakistan, Afghanistan, Bangladesh, Malaysia, Indonesia): محمد/محمود, حسن/حسين differ only in long
# vowels, so names from there are never matched by consonant skeleton.
ARABIC_NAMES = frozenset({"SA", "AE", "QA", "KW", "BH", "OM", "YE", "IQ", "SY", "LB", "JO", "PS", "EG",
                          "SD", "LY", "TN", "DZ", "MA", "MR", "SO", "DJ", "KM", "IR", "TR", "PK", "AF",
                          "BD", "MY", "ID"})


@dataclass
class Entry:
    """One catalogue entity with its names in matching-ready display form."""

    key: str
    type: str
    name: str
    name_en: str
    wikidata: str | None = None
    country: str | None = None
    role: str | None = None
    aliases: list[str] = field(default_factory=list)
    inst: str | None = None
    context: frozenset[str] = frozenset()
    curated: bool = False

    @property
    def level(self) -> str:
        """«country», «city» or «other»: countries win over same-named cities (الكويت، تونس)."""
        return self.key.split(":", 1)[0] if self.key.startswith(("country:", "city:")) else "other"

    @property
    def foreign(self) -> bool:
        """True for names transliterated into Arabic, which may be matched by consonant skeleton."""
        return bool(self.country) and self.country not in ARABIC_NAMES and self.level != "city"


def table_path(name: str) -> Path:
    """The packaged data table ``rasid/lang/ar/<name>``; a typed error if it is missing."""
    path = Path(str(resources.files("rasid") / "lang" / "ar" / name))
    if not path.is_file():
        raise ModelError(f"data table {name} is missing", source=str(path))
    return path


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a packaged TSV table (``#`` comment lines skipped, first other line is the header)."""
    path = table_path(name)
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = []
    for number, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise FormatError(f"row {number} has the wrong number of columns", source=str(path))
        rows.append({k: (v or "").strip() for k, v in row.items()})
    return rows


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def load_compiled() -> dict[str, Entry]:
    """Countries and cities from ``gaz_countries.tsv`` and ``gaz_cities.tsv``."""
    entries: dict[str, Entry] = {}
    for row in read_tsv("gaz_countries.tsv"):
        names = _split(row["names_ar"])
        entries[f"country:{row['iso2']}"] = Entry(
            key=f"country:{row['iso2']}", type="LOC", name=names[0], name_en=row["name_en"],
            country=row["iso2"], role="country", aliases=names)
    for row in read_tsv("gaz_cities.tsv"):
        names = _split(row["names_ar"])
        key = f"city:{row['iso2']}:{row['name_en']}"
        entries[key] = Entry(key=key, type="LOC", name=names[0], name_en=row["name_en"],
                             country=row["iso2"], role="city", aliases=names)
    return entries


def load_curated(entries: dict[str, Entry]) -> dict[str, Entry]:
    """Add ``entities_curated.tsv`` to ``entries`` (merging rows whose key is already there)."""
    for row in read_tsv("entities_curated.tsv"):
        aliases = _split(row["aliases"])
        old = entries.get(row["key"])
        if old is not None:
            old.aliases = list(dict.fromkeys([*old.aliases, *([row["name_ar"]] if row["name_ar"] else []),
                                              *aliases]))
            old.name = row["name_ar"] or old.name
            old.name_en = row["name_en"] or old.name_en
            old.wikidata = row["wikidata"] or old.wikidata
            old.curated = True
            continue
        name = row["name_ar"] or (aliases[0] if aliases else row["key"])
        entries[row["key"]] = Entry(
            key=row["key"], type=row["type"], name=name, name_en=row["name_en"],
            wikidata=row["wikidata"] or None, country=row["country"] or None, role=row["role"] or None,
            aliases=list(dict.fromkeys([name, *aliases])), inst=row["inst"] or None,
            context=frozenset(_split(row["context"])), curated=True)
    return entries


def load_entries() -> dict[str, Entry]:
    """The whole catalogue: compiled gazetteers overlaid with the curated table."""
    return load_curated(load_compiled())


def load_nationalities() -> dict[str, str]:
    """Every gender/number form of each nationality adjective (matching form) → country code.

    «الروسي» gives روسي روسيه روسيون روسيين روسيات and the same with «ال»; two-word adjectives
    (الكوري الشمالي) inflect both words together; broken plurals (الروس) come from the table.
    """
    forms: dict[str, str] = {}
    endings = ("", "ه", "ون", "ين", "ات")
    for row in read_tsv("nationality.tsv"):
        iso = row["iso"]
        for adjective in _split(row["adjective"]):
            words = [w[2:] if w.startswith("ال") else w for w in normalize(adjective).split()]
            for ending in endings:
                bare = " ".join(w + ending for w in words)
                forms[bare] = iso
                forms[" ".join("ال" + w + ending for w in words)] = iso
        for plural in _split(row["plurals"]):
            plural = normalize(plural)
            forms[plural] = iso
            forms[plural[2:] if plural.startswith("ال") else plural] = iso
    return forms
