"""Typed events: a trigger span, actors, time and place, each mapped to CAMEO and PLOVER codes.

Triggers are listed in ``lang/ar/event_triggers.tsv`` (verb forms by tense, nouns, multi-word
triggers such as «دخل حيز التنفيذ»). Actors are the entity mentions of the trigger's sentence
(subject after the verb first, as Arabic news writes VSO), the time is the nearest time
expression of the sentence, the place a location mention after في / ب / إلى. No library tags
Arabic news events with these codes, hence the hand-written matcher.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rasid.model import Event, Mention, TimeRef
from rasid.text import Token, split_sentences, tokenize
from rasid.text.normalize import normalize

_PREFIXES = ("و", "ف")
_PLACE_PREPOSITIONS = {"في", "ب", "الي", "من", "داخل", "قرب"}
_FUTURE_MARKERS = {"سوف", "قد"}


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry: its normalised tokens, event type, CAMEO code, PLOVER root and tense."""

    tokens: tuple[str, ...]
    type: str
    cameo: str
    plover: str
    tense: str


@lru_cache(maxsize=1)
def load_triggers() -> tuple[Trigger, ...]:
    """The trigger lexicon, longest first so multi-word triggers win over their first word."""
    text = resources.files("rasid.lang").joinpath("ar/event_triggers.tsv").read_text("utf-8")
    out: list[Trigger] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        forms, etype, cameo, plover, tense = line.split("\t")
        for form in forms.split("|"):
            out.append(Trigger(tuple(form.split()), etype, cameo, plover, tense))
    return tuple(sorted(out, key=lambda t: -len(t.tokens)))


@lru_cache(maxsize=1)
def _by_first_token() -> dict[str, tuple[Trigger, ...]]:
    """Triggers indexed by their first token (longest first within each), for one lookup per word."""
    index: dict[str, list[Trigger]] = {}
    for trig in load_triggers():
        index.setdefault(trig.tokens[0], []).append(trig)
    return {k: tuple(v) for k, v in index.items()}


def _candidates(norm: str) -> list[Trigger]:
    """Triggers whose first token is this word, without its conjunction, or without a future سـ."""
    index = _by_first_token()
    out: list[Trigger] = []
    for key in dict.fromkeys((norm, _strip_conjunction(norm), norm[1:] if norm.startswith("س") else "")):
        out.extend(index.get(key, ()))
    return sorted(out, key=lambda t: -len(t.tokens))


def _strip_conjunction(norm: str) -> str:
    return norm[1:] if len(norm) > 3 and norm.startswith(_PREFIXES) else norm


def _match(norms: list[str], i: int, trig: Trigger) -> bool:
    if i + len(trig.tokens) > len(norms):
        return False
    first = norms[i]
    future = first.startswith("س") and first[1:] == trig.tokens[0] and trig.tense == "f"
    if trig.tokens[0] not in (first, _strip_conjunction(first)) and not future:
        return False
    return all(norms[i + k] == trig.tokens[k] for k in range(1, len(trig.tokens)))


def find_events(text: str, mentions: list[Mention] | None = None,
                times: list[TimeRef] | None = None) -> list[Event]:
    """Events in ``text``: one per trigger, with actors (entity ids or surfaces), time and place."""
    mentions = sorted(mentions or [], key=lambda m: m.start)
    times = times or []
    events: list[Event] = []
    for sent in split_sentences(text):
        tokens = tokenize(sent.text, offset=sent.start)
        norms = [normalize(t.text) for t in tokens]
        i = 0
        while i < len(tokens):
            trig = next((t for t in _candidates(norms[i]) if _match(norms, i, t)), None)
            if trig is None:
                i += 1
                continue
            last = tokens[i + len(trig.tokens) - 1]
            start, end = tokens[i].start, last.end
            in_sent = [m for m in mentions if sent.start <= m.start and m.end <= sent.end]
            place = _place(in_sent, tokens, norms, trig.type)
            actors = _actors(in_sent, start, end, place)
            events.append(Event(
                start=start, end=end, text=text[start:end], type=trig.type, code=trig.cameo,
                plover=trig.plover, actors=actors, time=_time(times, sent.start, sent.end, start),
                place=(place.entity or place.text) if place else None,
                tense=_tense(trig, norms, i)))
            i += len(trig.tokens)
    return events


def _tense(trig: Trigger, norms: list[str], i: int) -> str:
    word = _strip_conjunction(norms[i])
    if word.startswith("س") and trig.tense == "f":  # سـ + present: «ستدخل», «سيصادق»
        return "future"
    if i > 0 and norms[i - 1] in _FUTURE_MARKERS:
        return "future"
    return {"p": "past", "f": "present", "n": "noun"}[trig.tense]


def _place(mentions: list[Mention], tokens: list[Token], norms: list[str], etype: str) -> Mention | None:
    """A location mention right after a place preposition: «في بيونغ يانغ», «بموسكو», «إلى روسيا»."""
    for m in mentions:
        if m.type != "LOC":
            continue
        k = next((j for j, t in enumerate(tokens) if t.start <= m.start < t.end), None)
        if k is None:
            continue
        glued = norms[k][: m.start - tokens[k].start]
        if glued in ("ب", "وب", "فب") or (not glued and k > 0 and norms[k - 1] in _PLACE_PREPOSITIONS):
            return m
    return None


def _actors(mentions: list[Mention], start: int, end: int, place: Mention | None) -> list[str]:
    """Entity ids (or surfaces) of the sentence's PER/ORG/LOC mentions, nearest the trigger first."""
    candidates = [m for m in mentions if m is not place and m.type in ("PER", "ORG", "LOC")]
    after = [m for m in candidates if m.start >= end]
    before = [m for m in candidates if m.end <= start]
    ordered = after[:1] + list(reversed(before))[:1] + after[1:2]
    seen: list[str] = []
    for m in ordered:
        key = m.entity or m.text
        if key not in seen:
            seen.append(key)
    return seen


def _time(times: list[TimeRef], s_start: int, s_end: int, pos: int) -> str | None:
    """The value of the sentence's time expression nearest the trigger (durations excluded)."""
    inside = [t for t in times if s_start <= t.start and t.end <= s_end and t.value and t.kind != "duration"]
    if not inside:
        return None
    return min(inside, key=lambda t: abs(t.start - pos)).value
