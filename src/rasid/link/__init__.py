"""rasid.link: canonical entities across documents (catalogue, variants, linker)."""

from rasid.link.model import CanonicalEntity
from rasid.link.resolve import Linker
from rasid.link.roles import roles_and_countries

__all__ = ["CanonicalEntity", "Linker", "roles_and_countries"]
