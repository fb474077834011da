"""The linker: mentions in articles → canonical entities that hold across articles and runs.

Each mention is matched, in order, against the catalogue (curated entities, countries, cities; its
clitic-stripped forms too), against state institutions written as head + nationality («الجيش الأوكراني»),
and then against the other mentions of its article: a short form (بوتين، كيم) joins the one longer
name of the article it shortens; a bare organisation name joins the same name with a nationality
(«مجلس النواب» → «مجلس النواب الروسي»); left alone, such a name links to the one catalogue body of
that name the article names otherwise, or belongs to its main country, else it stays unknown. Where
several people could be meant, context (title, nationality) decides, or the mention stays unlinked:
different people are never merged. The mentions of captions, bylines, wire and credits
(:mod:`rasid.link.fields`) are linked with the text's, in the same article.
Ids are stable: from the catalogue key, else from type + folded name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from itertools import pairwise
from typing import TypeVar

from rasid.link.curated import Entry, read_tsv
from rasid.link.fields import LISTED, agency_names, agency_of, byline_outlet, field_text, outlet_name_en
from rasid.link.gazetteer import Catalogue, catalogue
from rasid.link.merge import ArticleMerger, Item
from rasid.link.model import CanonicalEntity
from rasid.link.roles import roles_and_countries, split_title
from rasid.link.variants import clitic_variants, fold, name_key
from rasid.model import Article, FieldMention, Mention, stable_id
from rasid.text.normalize import normalize, strip_tashkeel, strip_tatweel

M = TypeVar("M", bound=Mention)

_SURE_CLITICS = ("وال", "فال", "بال", "كال", "لل", "ولل")
_NOT_COUNTRIES = frozenset({"EU", "UN"})


def _sure_form(variants: list[str], etype: str) -> str:
    """The form used to key an unknown name: clitics stripped only where they are certain.

    «والولايات», «للقوات» lose them; foreign people's names that merely start with the same letters
    keep them («بالاك» Ballack, «كالديرون» Calderón), so for PER only «وال»/«لل» before a long word count.
    """
    first = variants[0].split()[0] if variants[0] else ""
    sure = _SURE_CLITICS if etype != "PER" else ("وال", "لل", "ولل")
    if first.startswith(sure) and (etype != "PER" or len(first) >= 7):
        for v in variants[1:]:
            if v.startswith("ال"):
                return v
    return variants[0]


def _display(surface: str, form: str) -> str:
    """The surface as written, minus the proclitics the matched ``form`` does not have."""
    raw = strip_tashkeel(strip_tatweel(surface)).strip("«»\"'()[] ")
    words = raw.split()
    if not words or not form:
        return raw
    norm_first, form_first = normalize(words[0]), form.split()[0]
    if norm_first == form_first or len(norm_first) != len(words[0]):
        return raw
    if norm_first.startswith("لل") and form_first == "ال" + norm_first[2:]:
        words[0] = "ال" + words[0][2:]
    elif len(form_first) < len(norm_first):
        words[0] = words[0][len(norm_first) - len(form_first):]
    return " ".join(words)


class Linker:
    """Links the mentions of a batch of articles to canonical entities (see module docstring)."""

    def __init__(self, known: Iterable[CanonicalEntity] = (), cat: Catalogue | None = None) -> None:
        self.cat = cat or catalogue()
        self.known: dict[str, CanonicalEntity] = {e.id: e for e in known}
        words = read_tsv("descriptors.tsv")
        self.descriptors = {r["word"]: r["kind"] for r in words if r["kind"] in ("place", "org")}
        self.merger = ArticleMerger(self.cat, {r["word"]: r["kind"] for r in words if r["kind"].startswith("joins")})
        self._before: dict[str, set[str]] = {}
        self._names: set[str] = set()

    # -- public -------------------------------------------------------------------------------
    def link(self, articles: list[Article]) -> list[CanonicalEntity]:
        """Fill ``mention.entity`` for every mention of ``articles``; return this run's entities."""
        run: dict[str, CanonicalEntity] = {}
        self._before = {}
        self._names = {fold(name_key(a)) for e in self.known.values() for a in e.aliases}
        self._names.update(fold(name_key(m.text)) for a in articles for m in [*a.entities, *a.meta_entities]
                           if not (isinstance(m, FieldMention) and m.where in LISTED))
        for article in articles:
            items = self._prepare(article)
            context = self._context(article, items)
            for item in items:
                if item.target is None:
                    self._match_catalogue(item, context)
            self.merger.merge(items)
            self._link_bare(items)
            items = self._drop_listed(article, items)
            for item in items:
                item.mention.entity = self._entity_id(item.target) if item.target else None
                if item.target:
                    self._collect(run, item, article.id)
        return list(run.values())

    # -- preparation ----------------------------------------------------------------------------
    def _prepare(self, article: Article) -> list[Item]:
        """Strip titles from spans, drop bare nationality adjectives, read roles and countries;
        the mentions of captions, bylines, wire and credits too, each read in its own field.

        Mentions with no letters at all are kept, unlinked."""
        every: list[Mention] = [*article.entities, *article.meta_entities]
        surnames = {fold(k.split()[-1]) for m in every if m.type == "PER" and len((k := name_key(m.text)).split()) > 1}
        items: list[Item] = []
        article.entities[:] = self._prepare_list(article, article.entities, surnames, items)
        article.meta_entities[:] = self._prepare_list(article, article.meta_entities, surnames, items)
        return items

    def _prepare_list(self, article: Article, mentions: list[M], surnames: set[str], items: list[Item]) -> list[M]:
        kept: list[M] = []
        for mention in mentions:
            key = name_key(mention.text)
            origin = (mention.where, mention.index) if isinstance(mention, FieldMention) else ("text", 0)
            source = article.text if origin[0] == "text" else field_text(article, *origin) or ""
            target = self._fixed_target(article, mention)
            if not key:
                kept.append(mention)
                continue
            if target is None and any(self.cat.nationality_of(v) for v in clitic_variants(key)) and not (
                    mention.type == "PER" and fold(key) in surnames):
                continue
            if mention.type == "PER" and not self.cat.lookup(key):
                cut, _, _ = split_title(mention.text, self.cat)
                if cut:
                    mention.start += cut
                    mention.text = mention.text[cut:]
                    key = name_key(mention.text)
            kept.append(mention)
            roles, countries = roles_and_countries(source, mention) if mention.type == "PER" else ([], [])
            item = Item(mention, clitic_variants(key), roles, countries, source=source, origin=origin)
            if target:
                item.target, item.form = target, key
            items.append(item)
        return kept

    def _link_bare(self, items: list[Item]) -> None:
        """An organisation named without its country («مجلس النواب») that the article's other mentions
        did not settle: the one catalogue entity of that name the article already names («الدوما»),
        else the one of the article's main country (the country it names most), else it stays unknown."""
        targets = Counter(i.target for i in items if i.target)
        countries = Counter(self.cat.entries[t[4:]].country for t in targets.elements()
                            if t.startswith("cat:country:"))
        ranked = countries.most_common(2)
        main = ranked[0][0] if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None
        for item in items:
            if item.type == "PER" or not (item.target or "").startswith("unk:"):
                continue
            keys = self.cat.bare.get(fold(item.form or item.variants[0]), set())
            named = [k for k in keys if f"cat:{k}" in targets]
            local = [k for k in keys if self.cat.entries[k].country == main]
            for found in (named, local):
                if len(found) == 1:
                    item.target = f"cat:{found[0]}"
                    break

    def _fixed_target(self, article: Article, mention: Mention) -> str | None:
        """The target of a byline's outlet or an agency in a byline, the wire or the credits."""
        if not isinstance(mention, FieldMention):
            return None
        outlet = byline_outlet(article, mention)
        if outlet:
            return f"outlet:{outlet}"
        code = agency_of(mention)
        return self._agency(code) if code else None

    def _agency(self, code: str) -> str:
        """An agency code → its catalogue entry (by code or by one of its Arabic names), else its own target."""
        for name in (code, *agency_names(code)):
            hits = [e for e in self.cat.lookup(name_key(name)) if e.type == "ORG" and e.curated]
            if hits:
                return f"cat:{hits[0].key}"
        return f"agency:{code}"

    def _drop_listed(self, article: Article, items: list[Item]) -> list[Item]:
        """Wire and credit mentions stay only for organisations the article does not name elsewhere."""
        listed = [i for i in items if isinstance(i.mention, FieldMention) and i.mention.where in LISTED]
        if not listed:
            return items
        others = [i for i in items if not any(i is x for x in listed)]
        named = {i.target for i in others if i.target}
        names = {fold(v) for i in others for v in i.variants}
        dropped = []
        for item in listed:
            target = item.target or ""
            kind, _, rest = target.partition(":")
            organisation = kind in ("agency", "inst", "outlet") or (
                kind == "cat" and self.cat.entries[rest].type == "ORG")
            if kind == "agency" and any(fold(name_key(n)) in names for n in agency_names(rest)):
                organisation = False  # an agency outside the catalogue, named in the text
            if not organisation or target in named:
                dropped.append(item)
            named.add(target)
        gone = {id(i.mention) for i in dropped}
        article.meta_entities[:] = [m for m in article.meta_entities if id(m) not in gone]
        return [i for i in items if id(i.mention) not in gone]

    def _context(self, article: Article, items: list[Item]) -> set[str]:
        """Countries the article speaks of: nationality adjectives in its text, unambiguous places."""
        fields = [v for key in ("captions", "bylines") for v in article.meta.get(key) or [] if isinstance(v, str)]
        words = name_key("\n".join([article.text, *fields])).split()
        found = {self.cat.nationality[w] for w in words if w in self.cat.nationality}
        for a, b in pairwise(words):
            if f"{a} {b}" in self.cat.nationality:
                found.add(self.cat.nationality[f"{a} {b}"])
        for item in items:
            for variant in item.variants:
                hits = {e.country for e in self.cat.lookup(variant) if e.level != "other"}
                if len(hits) == 1:
                    found.update(h for h in hits if h)
                    break
        return found

    # -- catalogue ------------------------------------------------------------------------------
    def _compatible(self, item: Item, entry: Entry, context: set[str]) -> bool:
        if entry.context and not entry.context <= context:
            return False
        if item.type == "PER":
            return entry.type == "PER" or entry.level == "country"
        return entry.type != "PER" or entry.curated

    def _best(self, item: Item, entries: list[Entry], context: set[str]) -> Entry | None:
        """The best candidate; None when two different people tie (never guess between people)."""
        ranked = sorted(entries, key=lambda e: (e.type == item.type or (e.type == "LOC" and item.type == "ORG"),
                                                bool(e.country in context or set(item.countries) & {e.country}),
                                                e.level == "country", e.curated), reverse=True)
        if len(ranked) > 1 and ranked[0].type == ranked[1].type == "PER":
            return self._by_attributes(item, ranked)
        return ranked[0] if ranked else None

    def _by_attributes(self, item: Item, entries: list[Entry]) -> Entry | None:
        fits = [e for e in entries if (not item.countries or e.country in item.countries)
                and (not item.roles or any(r in (e.role or "") for r in item.roles))]
        return fits[0] if len(fits) == 1 and (item.countries or item.roles) else None

    def _match_catalogue(self, item: Item, context: set[str]) -> None:
        for variant in item.variants:
            for form, country in self._forms(variant):
                entries = [e for e in self.cat.lookup(form) if self._compatible(item, e, context)
                           and (country is None or e.country == country)]
                best = self._best(item, entries, context) if entries else None
                if best is not None:
                    item.target, item.form = f"cat:{best.key}", form
                    return
                if len({e.key for e in entries}) > 1:
                    item.ambiguous = True
                inst = self._institution(form) if country is None else None
                if inst and item.type != "PER":
                    item.target, item.form = inst, form
                    return
        item.form = _sure_form(item.variants, item.type)
        if item.form == item.variants[0]:
            item.form = next((v for v in item.variants[1:] if fold(v) in self._names), item.form)
        words = item.form.split()
        if len(words) > 1 and words[0] in self.descriptors:
            item.form = " ".join(words[1:])

    def _forms(self, key: str) -> list[tuple[str, str | None]]:
        """``key``; the name after a generic word («منطقه كورسك» → «كورسك», «وكاله رويترز» → «رويترز»);
        the name before a nationality («حركه حماس الفلسطينيه» → «حماس», which must then be Palestinian)."""
        words = key.split()
        out: list[tuple[str, str | None]] = [(key, None)]
        if len(words) > 1 and words[0] in self.descriptors:
            words = words[1:]
            out.append((" ".join(words), None))
        for n in (2, 1):
            if len(words) > n:
                tail = " ".join(words[-n:])
                iso = self.cat.nationality_of(tail) or self.cat.country_of(tail)
                if iso:
                    out.append((" ".join(words[:-n]), iso))
                    break
        return out

    def _institution(self, key: str) -> str | None:
        """«القوات الاوكرانيه», «وزاره خارجيه كوريا الشماليه» → an institution target, else None."""
        words = key.split()
        for n in range(len(words) - 1, 0, -1):
            head = self.cat.heads.get(" ".join(words[:n]))
            if head is None:
                continue
            tail = " ".join(words[n:])
            iso = self.cat.nationality_of(tail) or self.cat.country_of(tail)
            if iso:
                known = self.cat.by_inst.get((head[0], iso))
                return f"cat:{known}" if known else f"inst:{head[0]}:{iso}"
        return None

    # -- inside one article ---------------------------------------------------------------------
    # -- entities -------------------------------------------------------------------------------
    def _entity_id(self, target: str) -> str:
        kind, _, rest = target.partition(":")
        if kind == "cat":
            return stable_id("e", rest)
        if kind == "inst":
            return stable_id("e", "inst", *rest.split(":"))
        if kind in ("agency", "outlet"):
            return stable_id("e", kind, rest)
        etype, _, key = rest.partition(":")
        return stable_id("e", etype, key)

    def _new_entity(self, item: Item, eid: str) -> CanonicalEntity:
        kind, _, rest = item.target.partition(":") if item.target else ("", "", "")
        alias = _display(item.mention.text, item.form)
        if kind == "cat":
            e = self.cat.entries[rest]
            countries = [e.country] if e.country and e.country not in _NOT_COUNTRIES else []
            return CanonicalEntity(eid, e.type, e.name, e.name_en or None, e.wikidata, [e.name],
                                   [e.role] if e.role else [], countries)
        if kind == "inst":
            slug, iso = rest.split(":")
            template = next(t for s, t in self.cat.heads.values() if s == slug)
            name_en = template.format(country=self.cat.country_name_en(iso))
            return CanonicalEntity(eid, "ORG", alias, name_en, countries=[iso])
        if kind == "agency":
            return CanonicalEntity(eid, "ORG", rest, rest)
        if kind == "outlet":
            return CanonicalEntity(eid, "ORG", rest, outlet_name_en(rest))
        return CanonicalEntity(eid, rest.partition(":")[0], alias)

    def _collect(self, run: dict[str, CanonicalEntity], item: Item, article_id: str) -> None:
        eid = item.mention.entity or ""
        entity = run.get(eid)
        if entity is None:
            known = self.known.get(eid)
            entity = (replace(known, aliases=list(known.aliases), roles=list(known.roles),
                              countries=list(known.countries), articles=list(known.articles))
                      if known else self._new_entity(item, eid))
            run[eid] = entity
            self._before[eid] = set(known.articles) if known else set()
        if article_id not in self._before[eid]:
            entity.mentions += 1
        if article_id not in entity.articles:
            entity.articles.append(article_id)
        alias = _display(item.mention.text, item.form)
        for value, bucket in ((alias, entity.aliases), *((r, entity.roles) for r in item.roles),
                              *((c, entity.countries) for c in item.countries)):
            if value and value not in bucket:
                bucket.append(value)
