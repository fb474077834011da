"""Arabic text layer: normalisation for matching, tokens with offsets, sentences."""

from rasid.text.normalize import normalize, normalize_space
from rasid.text.sentences import split_sentences
from rasid.text.tokens import Token, tokenize

__all__ = ["Token", "normalize", "normalize_space", "split_sentences", "tokenize"]
