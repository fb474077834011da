"""Clean text assembled from kept lines, with an exact map back to ``Page.raw``.

Characters are kept as written (tatweel too: «لـ«وكالة» uses it) except bidi marks, dropped through the
map; paragraphs are joined by "\\n". Every segment satisfies ``text[t:t+n] == raw[r:r+n]``;
a stretch that cannot be found verbatim in the raw input (HTML entities, JSON escapes) is left
unmapped rather than mapped wrongly.
"""

from __future__ import annotations

import re

from rasid.text.sentences import split_sentences

_DROP = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]")


def _pieces(source: str, start: int, end: int) -> list[tuple[int, int]]:
    """``(source_start, length)`` runs of kept characters in ``source[start:end]``."""
    runs: list[tuple[int, int]] = []
    pos = start
    for m in _DROP.finditer(source, start, end):
        if m.start() > pos:
            runs.append((pos, m.start() - pos))
        pos = m.end()
    if end > pos:
        runs.append((pos, end - pos))
    return runs


class TextBuilder:
    """Collects paragraphs from a source string and maps them to the raw page."""

    def __init__(self, source: str, raw: str, base: int | None) -> None:
        self.source = source
        self.raw = raw
        self.base = base
        self.parts: list[str] = []
        self.offsets: list[tuple[int, int, int]] = []
        self.length = 0
        self.cursor = 0

    def _raw_start(self, src_start: int, src_end: int) -> int | None:
        """Where ``source[src_start:src_end]`` sits in raw (None when not found verbatim)."""
        if self.base is not None:
            return self.base + src_start
        piece = self.source[src_start:src_end]
        at = self.raw.find(piece, self.cursor)
        if at < 0:
            at = self.raw.find(piece)
        if at >= 0:
            self.cursor = at + len(piece)
            return at
        return None

    def _map(self, text_pos: int, src_start: int, src_end: int) -> None:
        """Map ``source[src_start:src_end]`` (placed at ``text_pos``) whole, else sentence by sentence."""
        for run_start, run_len in _pieces(self.source, src_start, src_end):
            t = text_pos + self._kept(src_start, run_start)
            r = self._raw_start(run_start, run_start + run_len)
            if r is not None:
                self.offsets.append((t, r, run_len))
                continue
            chunk = self.source[run_start:run_start + run_len]
            for span in split_sentences(chunk):
                r = self._raw_start(run_start + span.start, run_start + span.end)
                if r is not None:
                    self.offsets.append((t + span.start, r, span.end - span.start))

    def _kept(self, start: int, upto: int) -> int:
        """How many kept characters lie in ``source[start:upto]``."""
        return (upto - start) - len(_DROP.findall(self.source, start, upto))

    def add(self, start: int, end: int) -> None:
        """Append the paragraph ``source[start:end]``."""
        text = _DROP.sub("", self.source[start:end])
        if not text:
            return
        if self.parts:
            self.length += 1
        self._map(self.length, start, end)
        self.parts.append(text)
        self.length += len(text)

    def result(self) -> tuple[str, list[tuple[int, int, int]]]:
        """The clean text and the verified offset segments."""
        text = "\n".join(self.parts)
        good = [(t, r, n) for t, r, n in self.offsets if n > 0 and text[t:t + n] == self.raw[r:r + n]]
        return text, good
