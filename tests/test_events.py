"""Event triggers, types, codes, actors, place, time and tense."""

from __future__ import annotations

from rasid.extract.events import find_events, load_triggers
from rasid.model import Mention, TimeRef
from rasid.text.normalize import normalize


def _mention(text: str, surface: str, etype: str, entity: str | None = None) -> Mention:
    start = text.index(surface)
    return Mention(start, start + len(surface), surface, etype, entity)


def test_trigger_lexicon_is_in_matching_form():
    for trig in load_triggers():
        for token in trig.tokens:
            assert normalize(token) == token, token


def test_ratification_with_subject_after_verb():
    text = "صادق البرلمان الفنلندي، الخميس، على اتفاقية التعاون الدفاعي."
    events = find_events(text, [_mention(text, "البرلمان الفنلندي", "ORG", "e_fin")])
    assert [(e.type, e.code, e.plover, e.tense) for e in events] == [("ratification", "057", "AGREE", "past")]
    assert events[0].actors == ["e_fin"]
    assert text[events[0].start:events[0].end] == events[0].text == "صادق"


def test_visit_with_place_and_time():
    text = "وزار رئيس الوزراء الياباني العاصمة بكين في آذار/مارس الماضي."
    mentions = [_mention(text, "بكين", "LOC", "e_bj")]
    times = [TimeRef(text.index("آذار"), text.index(" الماضي"), "آذار/مارس", "2025-03", "month")]
    (event,) = find_events(text, mentions, times)
    assert event.type == "visit" and event.code == "042"
    assert event.time == "2025-03"


def test_place_after_glued_preposition():
    text = "اجتمع وزير الخارجية بنظيره بموسكو أمس."
    mentions = [_mention(text, "موسكو", "LOC", "e_msk")]
    (event,) = find_events(text, mentions)
    assert event.type == "meet" and event.place == "e_msk"


def test_future_multiword_trigger():
    text = "وقالت الوكالة إن الاتفاقية ستدخل حيز التنفيذ الشهر المقبل."
    events = find_events(text)
    kinds = {e.type: e for e in events}
    assert kinds["entry_into_force"].text == "ستدخل حيز التنفيذ"
    assert kinds["entry_into_force"].tense == "future"
    assert kinds["statement"].text == "وقالت"


def test_no_events_in_plain_description():
    assert find_events("الطقس معتدل على السواحل والبحر هادئ.") == []
