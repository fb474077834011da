"""The analysis pipeline: pages in, articles (or the reason a page was rejected) out.

Steps declare what they ``require`` and what they ``provide`` (STYLE rule 2); building a pipeline
checks the chain and raises :class:`rasid.errors.PipelineError` naming exactly what is missing.
Steps live in a registry so extractors add themselves with :func:`register`; a step's code is
imported only when it first runs (:func:`lazy`), so building a pipeline loads nothing heavy.

A step is a function ``(page, articles) -> articles``: the first step ("clean") turns the page into
articles, later steps annotate the articles they are given. A page whose step raises becomes a
:class:`rasid.model.Rejected` and the batch goes on (STYLE rule 7) — except errors in :data:`FATAL`,
which concern the installation (a missing model), not the page, and stop the run.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from rasid.errors import ModelError, PipelineError, RasidError, StoreError
from rasid.model import Article, Page, Rejected

if TYPE_CHECKING:
    from rasid.link import Linker
    from rasid.link.model import CanonicalEntity

log = logging.getLogger(__name__)

StepFn = Callable[[Page, list[Article]], list[Article]]


@dataclass
class RunContext:
    """What one run's steps share: entities known before the run (from the store) and those linked in it.

    Linking is the one cross-document step: the same entity met in many articles becomes one record
    here, with every alias, role, country and article of the run.
    """

    known_entities: list[CanonicalEntity] = field(default_factory=list)
    entities: dict[str, CanonicalEntity] = field(default_factory=dict)


StepFactory = Callable[[RunContext], StepFn]

#: What every pipeline starts with: the page as read (raw content, source, input metadata).
INITIAL: frozenset[str] = frozenset({"page"})

#: Errors about the installation rather than the page (a missing model, a broken store or step
#: chain): they stop the run instead of rejecting every page one by one.
FATAL: tuple[type[RasidError], ...] = (ModelError, PipelineError, StoreError)

#: Code recorded for an unexpected (non-rasid) exception on one page.
INTERNAL_CODE = "E999"
INTERNAL_HINT = "This is a fault in rasid, not in the input; please report it with the input file."


@dataclass(frozen=True)
class Step:
    """A named pipeline step with the annotations it needs and the ones it adds."""

    name: str
    run: StepFn
    requires: frozenset[str] = frozenset()
    provides: frozenset[str] = frozenset()
    #: For steps with run-wide state (linking): builds the step function for one run's context.
    factory: StepFactory | None = None

    def bind(self, context: RunContext) -> Step:
        """This step ready for one run: stateful steps get their function built for ``context``."""
        if self.factory is None:
            return self
        return Step(self.name, self.factory(context), self.requires, self.provides)


@dataclass(frozen=True)
class AnalyzeOptions:
    """Everything that shapes one analysis run, in one object (STYLE rule 1)."""

    steps: tuple[str, ...] = ("clean",)
    #: Re-raise unexpected (non-rasid) exceptions instead of recording them as E999 rejections.
    strict: bool = False


_REGISTRY: dict[str, Step] = {}


def register(step: Step, *, replace: bool = False) -> Step:
    """Add ``step`` to the registry under its name; refuses to overwrite unless ``replace``."""
    if step.name in _REGISTRY and not replace:
        raise PipelineError(f"a step named {step.name!r} is already registered",
                            hint="Pick another name, or pass replace=True.")
    _REGISTRY[step.name] = step
    return step


def registered() -> dict[str, Step]:
    """A copy of the registry: step name -> step."""
    return dict(_REGISTRY)


def lazy(target: str) -> StepFn:
    """A step function that imports ``"module:attribute"`` on its first call, not before."""
    module_name, _, attr = target.partition(":")
    loaded: list[StepFn] = []

    def run(page: Page, articles: list[Article]) -> list[Article]:
        if not loaded:
            loaded.append(cast(StepFn, getattr(importlib.import_module(module_name), attr)))
        return loaded[0](page, articles)

    run.__qualname__ = run.__name__ = f"lazy[{target}]"
    return run


def build(names: Sequence[str]) -> tuple[Step, ...]:
    """Resolve step names and check that each step's requirements are provided by the ones before it."""
    unknown = [n for n in names if n not in _REGISTRY]
    if unknown:
        raise PipelineError(f"unknown step(s): {', '.join(unknown)}; registered: {', '.join(sorted(_REGISTRY))}")
    if len(set(names)) != len(names):
        raise PipelineError(f"a step is listed twice in {list(names)}")
    have = set(INITIAL)
    steps = []
    for name in names:
        step = _REGISTRY[name]
        missing = sorted(step.requires - have)
        if missing:
            raise PipelineError(
                f"step {name!r} requires {', '.join(missing)}, which no earlier step provides "
                f"(pipeline: {' -> '.join(names)})")
        have |= step.provides
        steps.append(step)
    return tuple(steps)


def _rejected(page: Page, exc: BaseException) -> Rejected:
    """The record of a page that a step could not process."""
    if isinstance(exc, RasidError):
        return Rejected(source=exc.source or page.source, code=exc.code, error=type(exc).__name__,
                        message=exc.message, hint=exc.hint or None)
    return Rejected(source=page.source, code=INTERNAL_CODE, error=type(exc).__name__,
                    message=str(exc) or type(exc).__name__, hint=INTERNAL_HINT)


def run_page(page: Page, steps: Sequence[Step], *, strict: bool = False) -> list[Article] | Rejected:
    """Run ``steps`` over one page; a failure becomes the page's :class:`Rejected` record."""
    articles: list[Article] = []
    try:
        for step in steps:
            articles = step.run(page, articles)
    except FATAL:
        raise
    except RasidError as exc:
        return _rejected(page, exc)
    except Exception as exc:
        if strict:
            raise
        log.exception("unexpected error on %s in the pipeline", page.source)
        return _rejected(page, exc)
    return articles


def analyze(pages: Iterable[Page | Rejected], options: AnalyzeOptions = AnalyzeOptions(),
            context: RunContext | None = None) -> Iterator[Article | Rejected]:
    """Articles found in ``pages`` (and Rejected records, passed through or made here), lazily.

    The pipeline is built before the first page is read, so a broken step chain raises
    :class:`PipelineError` at the call, not half-way through a batch. ``context`` receives the
    run's linked entities (pass one in to read them afterwards, or to seed known entities).
    """
    run_context = context if context is not None else RunContext()
    steps = tuple(step.bind(run_context) for step in build(options.steps))

    def generate() -> Iterator[Article | Rejected]:
        for item in pages:
            if isinstance(item, Rejected):
                yield item
                continue
            result = run_page(item, steps, strict=options.strict)
            if isinstance(result, Rejected):
                yield result
            else:
                yield from result

    return generate()


def _clean(page: Page, articles: list[Article]) -> list[Article]:
    """Turn the page into articles (boilerplate removed, metadata found)."""
    from rasid.clean import clean_page

    return clean_page(page)


def _ner(page: Page, articles: list[Article]) -> list[Article]:
    """Named-entity mentions (PER, ORG, LOC, MISC) of each article, as spans of its text; those of
    its captions and bylines go to ``meta_entities`` (:mod:`rasid.link.fields`)."""
    from rasid.extract.ner import find_mentions
    from rasid.link.fields import find_field_mentions

    for article in articles:
        article.entities = find_mentions(article.text)
        article.meta_entities = find_field_mentions(article, find_mentions)
    return articles


def _times(page: Page, articles: list[Article]) -> list[Article]:
    """Time expressions of each article, resolved against its publication date."""
    from rasid.extract.times import find_times

    for article in articles:
        article.times = find_times(article.text, article.published)
    return articles


def _figures(page: Page, articles: list[Article]) -> list[Article]:
    """Figures with who states them (helped by entity mentions when an earlier step found them)."""
    from rasid.extract.figures import find_quantities

    for article in articles:
        article.quantities = find_quantities(article.text, article.entities or None)
    return articles


def _quotes(page: Page, articles: list[Article]) -> list[Article]:
    """Direct and reported quotes with their speakers (helped by entity mentions when present)."""
    from rasid.extract.quotes import find_quotes

    for article in articles:
        article.quotes = find_quotes(article.text, article.entities or None)
    return articles


def _link(context: RunContext) -> StepFn:
    """Link each page's mentions to canonical entities, shared across the run (and with the store).

    Catalogue names the tagger missed are spotted first (:mod:`rasid.link.spotter`), in the text and
    in captions and bylines; the wire agencies and photo credits join as candidates
    (:mod:`rasid.link.fields`); then all are linked.
    """
    linkers: list[Linker] = []

    def run(page: Page, articles: list[Article]) -> list[Article]:
        from rasid.link import Linker
        from rasid.link.fields import spot_field_mentions
        from rasid.link.spotter import add_catalogue_mentions

        for article in articles:  # known entities the tagger missed or cut short
            article.entities = add_catalogue_mentions(article.text, article.entities)
            article.meta_entities = spot_field_mentions(article)
        if not linkers:
            linkers.append(Linker(known=context.known_entities))
        linker = linkers[0]
        for entity in linker.link(articles):
            context.entities[entity.id] = entity
            linker.known[entity.id] = entity  # later pages extend this record
        return articles

    return run


def _events(page: Page, articles: list[Article]) -> list[Article]:
    """Typed events with actors (entity ids once linked), time and place."""
    from rasid.extract.events import find_events

    for article in articles:
        article.events = find_events(article.text, article.entities, article.times)
    return articles


def _builtin(name: str, run: StepFn, requires: set[str], provides: set[str],
             factory: StepFactory | None = None) -> None:
    register(Step(name, run, requires=frozenset(requires), provides=frozenset(provides), factory=factory))


def _unbound(page: Page, articles: list[Article]) -> list[Article]:
    raise PipelineError("a run-wide step was called without a run context", hint="Call it through analyze().")


_builtin("clean", _clean, {"page"}, {"articles", "text", "title", "outlet", "published", "wire", "credits"})
_builtin("ner", _ner, {"text"}, {"entities"})
_builtin("link", _unbound, {"entities"}, {"entity_ids"}, factory=_link)
_builtin("times", _times, {"text", "published"}, {"times"})
_builtin("figures", _figures, {"text"}, {"quantities"})
_builtin("quotes", _quotes, {"text"}, {"quotes"})
_builtin("events", _events, {"text"}, {"events"})

#: Every step, in an order that satisfies the chain: what ``rasid analyze`` runs by default.
FULL: tuple[str, ...] = ("clean", "ner", "link", "times", "figures", "quotes", "events")

__all__ = ["FULL", "INITIAL", "AnalyzeOptions", "RunContext", "Step", "analyze", "build", "lazy", "register", "registered", "run_page"]
