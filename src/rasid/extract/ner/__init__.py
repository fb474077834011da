"""Arabic named-entity recognition (PER, ORG, LOC, MISC): a CRF trained on ANERcorp, run in numpy.

Nothing is loaded at import; :func:`load_tagger` reads and verifies the packaged weights once.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rasid.extract.ner.tagger import Labeller, Tagger
    from rasid.model import Mention

__all__ = ["Tagger", "find_mentions", "load_tagger"]


@lru_cache(maxsize=1)
def load_tagger() -> Labeller:
    """The packaged tagger, loaded once; raises ModelError when a weight file is missing or altered."""
    from rasid.extract.ner.loader import load_model

    return load_model()


def find_mentions(text: str) -> list[Mention]:
    """Entity mentions in ``text`` as character spans, attached proclitics excluded."""
    from rasid.extract.ner.mentions import mentions_in

    return mentions_in(text, load_tagger())


def __getattr__(name: str) -> Any:
    """Import ``Tagger`` on first use so importing the package stays light."""
    if name == "Tagger":
        from rasid.extract.ner.tagger import Tagger

        return Tagger
    raise AttributeError(name)
