"""Readers: text, HTML, JSONL, WARC, URL lists and the corpus formats -> :class:`rasid.model.Page`.

Formats are detected by content, not only by extension. Public API:

- ``read_paths(paths) -> Iterator[Page | Rejected]``: files, folders (recursive) or several of
  each; a bad input becomes a :class:`rasid.model.Rejected` and the batch goes on.
- ``read_file(path) -> list[Page]``: one file; raises a typed :class:`rasid.errors.RasidError`.
- ``iter_file(path) -> Iterator[Page | Rejected]``: one file, lazily; a bad record (a JSONL line,
  an archive member) is rejected on its own and the good records are kept.

Sources: the path as given, ``path:LINE`` for a JSONL line (``path:N`` for the N-th object of a
JSON list), ``path#member`` for an archive member and ``path#URI`` for a WARC record.
"""

from rasid.ingest.reader import iter_file, read_file, read_paths

__all__ = ["iter_file", "read_file", "read_paths"]
