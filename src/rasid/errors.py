"""Typed errors with stable codes and a hint of what to do.

Every error rasid raises on bad input is a :class:`RasidError`; a batch run records
``code``, ``message`` and ``hint`` for each rejected input and goes on with the rest.
"""

from __future__ import annotations


class RasidError(Exception):
    """Base error: a stable ``code``, a message naming the input, and a ``hint``."""

    code = "E000"
    hint = ""

    def __init__(self, message: str, *, source: str | None = None, hint: str | None = None) -> None:
        self.source = source
        self.message = message
        if hint is not None:
            self.hint = hint
        text = f"[{self.code}] {source}: {message}" if source else f"[{self.code}] {message}"
        super().__init__(text)

    def as_dict(self) -> dict[str, str | None]:
        """The one shape every rejected input and API error takes."""
        return {"code": self.code, "error": type(self).__name__, "source": self.source,
                "message": self.message, "hint": self.hint or None}


class InputError(RasidError):
    """An input could not be read at all."""

    code = "E100"
    hint = "Check that the path exists and is readable."


class EncodingError(InputError):
    """Bytes whose encoding could not be detected with confidence."""

    code = "E101"
    hint = "Re-save the file as UTF-8, or pass its encoding explicitly."


class FormatError(InputError):
    """A file whose content matches no supported format, or a malformed record."""

    code = "E102"
    hint = "Supported: plain text, HTML, JSONL, WARC, URL lists, ANT pseudo-XML, SaudiNewsNet zip."


class EmptyInputError(InputError):
    """An input with no usable text."""

    code = "E103"
    hint = "The file holds no article text; nothing to analyse."


class NetworkDisabledError(InputError):
    """rasid never fetches at run time; URL lists are recorded, not downloaded."""

    code = "E104"
    hint = "Save the pages (HTML or WARC) and pass the files instead."


class PipelineError(RasidError):
    """Pipeline steps whose requirements are not met by earlier steps."""

    code = "E200"
    hint = "Add the steps that provide the missing annotations, or drop the step that needs them."


class ModelError(RasidError):
    """A packaged model is missing or does not match its manifest."""

    code = "E300"
    hint = "Reinstall rasid, or rebuild the model with its `make train-*` target."


class StoreError(RasidError):
    """The store could not be opened or migrated."""

    code = "E400"
    hint = "Check the database path or URL and that no other writer holds it."
