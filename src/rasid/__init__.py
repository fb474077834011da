"""rasid (راصد): offline, Arabic-native news intelligence.

Scraped pages in, traceable knowledge out: every item points at its sentence.
Importing the package loads nothing heavy; models load lazily on first use.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
