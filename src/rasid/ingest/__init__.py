"""Readers: text, HTML, JSONL, WARC, URL lists and the corpus formats -> :class:`rasid.model.Page`.

Formats are detected by content, not only by extension. Public API:

- ``read_paths(paths) -> Iterator[Page | Rejected]``: files, folders (recursive) or several of
  each; a bad input becomes a :class:`rasid.model.Rejected` and the batch goes on.
- ``read_file(path) -> list[Page]``: one file; raises a typed :class:`rasid.errors.RasidError`.
"""
