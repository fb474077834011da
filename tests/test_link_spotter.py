"""Catalogue spotting: known names the tagger missed, cut short or wrapped in clitics."""

from __future__ import annotations

from rasid.link.spotter import add_catalogue_mentions
from rasid.model import Mention


def _spans(text: str, mentions: list[Mention]) -> list[tuple[str, str]]:
    assert all(text[m.start:m.end] == m.text for m in mentions)
    return [(m.text, m.type) for m in mentions]


def test_known_names_are_found_without_the_tagger():
    text = "وقال وزير الخارجية الروسي سيرغي لافروف إن الغرب لن يفرض شروطه على مجلس الدوما."
    found = _spans(text, add_catalogue_mentions(text, []))
    assert ("سيرغي لافروف", "PER") in found
    assert ("الغرب", "MISC") in found
    assert ("مجلس الدوما", "ORG") in found


def test_proclitics_stay_outside_the_span():
    text = "ووصل الوفد إلى وواشنطن، فيما التقى ببوتين وللمفوضية الأوروبية ممثلون."
    found = [t for t, _ in _spans(text, add_catalogue_mentions(text, []))]
    assert "واشنطن" in found and "بوتين" in found


def test_a_doubled_letter_is_not_taken_for_a_clitic():
    text = "وأكدت ووزارة الخارجية الأميركية ذلك."
    found = [t for t, _ in _spans(text, add_catalogue_mentions(text, []))]
    assert "وزارة الخارجية الأميركية" in found


def test_state_institutions_by_head_and_nationality():
    text = "تقدم الجيش الروسي بينما تراجعت القوات الأوكرانية."
    found = _spans(text, add_catalogue_mentions(text, []))
    assert ("الجيش الروسي", "ORG") in found and ("القوات الأوكرانية", "ORG") in found


def test_a_longer_catalogue_name_replaces_a_cut_tagger_span():
    text = "وقال الرئيس يون سوك يول في بيونغ يانغ"
    cut = text.index("يون سوك")
    pyong = text.index("يونغ يانغ")
    tagged = [Mention(cut, cut + 7, "يون سوك", "PER"), Mention(pyong, pyong + 9, "يونغ يانغ", "LOC")]
    found = _spans(text, add_catalogue_mentions(text, tagged))
    assert found == [("يون سوك يول", "PER"), ("بيونغ يانغ", "LOC")]


def test_tagger_mentions_that_partly_overlap_are_kept():
    text = "أعلن البيت الأبيض الجديد موقفه"
    start = text.index("الأبيض")
    tagged = [Mention(start, start + len("الأبيض الجديد"), "الأبيض الجديد", "ORG")]
    found = add_catalogue_mentions(text, tagged)
    assert tagged[0] in found


def test_everyday_words_and_unknown_names_are_not_spotted():
    text = "التقطت صور للشارع في المدينة القديمة وقال سامر إنه سعيد."
    assert add_catalogue_mentions(text, []) == []


def test_a_tagger_span_of_a_catalogue_name_takes_the_catalogue_type():
    text = "بيونغ يانغ ترفض الاتهامات"
    tagged = [Mention(0, len("بيونغ يانغ"), "بيونغ يانغ", "PER")]
    assert _spans(text, add_catalogue_mentions(text, tagged)) == [("بيونغ يانغ", "LOC")]


def test_a_common_noun_is_not_a_name_that_carries_the_article():
    text = "زار الوفد قاعدة عسكرية ثم قال إن تنظيم القاعدة تبنى الهجوم وإن بالقاعدة خلايا نائمة."
    found = _spans(text, add_catalogue_mentions(text, []))
    assert ("قاعدة", "ORG") not in found
    assert ("تنظيم القاعدة", "ORG") in found and ("القاعدة", "ORG") in found


def test_a_title_is_not_taken_for_the_ministry():
    text = "التقى وزير الخارجية الروسي سيرغي لافروف نظيره، وقالت الخارجية الروسية إن اللقاء كان مثمرا."
    found = _spans(text, add_catalogue_mentions(text, []))
    assert [t for t, _ in found].count("الخارجية الروسية") == 1
    assert "الخارجية الروسي" not in [t for t, _ in found]


def test_an_organisation_named_without_its_country_is_spotted():
    text = "بعد أسبوعين من تصويت مجلس النواب، صادق المجلس الأعلى على المعاهدة."
    assert ("مجلس النواب", "ORG") in _spans(text, add_catalogue_mentions(text, []))
