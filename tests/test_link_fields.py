"""Mentions outside the article text (captions, bylines, wire, credits), linked with the text's."""

from __future__ import annotations

from collections import Counter

from rasid.extract.ner import find_mentions
from rasid.link import Linker
from rasid.link.fields import caption_end, field_text, find_field_mentions, spot_field_mentions
from rasid.link.spotter import add_catalogue_mentions
from rasid.model import Article, FieldMention, Page
from rasid.pipeline import FULL, AnalyzeOptions, RunContext, analyze
from tests.helpers import assert_shape

PAGE = "\n".join([
    "وزير الخارجية الروسي يزور بيونغ يانغ لبحث التعاون العسكري",
    "الرصد اليومي-فرانس برس",
    "وصل وزير الخارجية الروسي سيرغي لافروف إلى بيونغ يانغ، الثلاثاء، في زيارة تستمر يومين يلتقي خلالها "
    "كبار المسؤولين في كوريا الشمالية لبحث التعاون العسكري بين البلدين.",
    "وقالت وزارة الخارجية الروسية في بيان إن الزيارة تأتي تنفيذاً للاتفاقات التي جرى توقيعها العام الماضي، "
    "مشيرة إلى أن الجانبين سيناقشان الوضع في شبه الجزيرة الكورية.",
    "الرئيس الكوري الشمالي كيم جونغ أون يستقبل ضيفه في العاصمة (رويترز)",
    "وأضاف البيان أن موسكو ترى في العلاقات مع بيونغ يانغ شراكة استراتيجية طويلة الأمد، في حين أبدت واشنطن "
    "وسيول قلقهما من تنامي التعاون بين البلدين.",
    "ويأتي ذلك بعد أشهر من توقيع معاهدة دفاع مشترك بين البلدين خلال قمة جمعت الزعيمين في العاصمة الكورية الشمالية.",
])


def _article(text: str, **fields: object) -> Article:
    meta = {"captions": fields.pop("captions", []), "bylines": fields.pop("bylines", [])}
    return Article(id="a_1", page_id="p_1", source="in/one.txt", text=text, meta=meta, **fields)  # type: ignore[arg-type]


def _link(*articles: Article) -> dict[str, object]:
    """The ner and link steps on ``articles``: what the pipeline does, without the cleaner."""
    for article in articles:
        article.entities = add_catalogue_mentions(article.text, find_mentions(article.text))
        article.meta_entities = find_field_mentions(article, find_mentions)
        article.meta_entities = spot_field_mentions(article)
    return {e.id: e for e in Linker().link(list(articles))}


def _by_where(article: Article) -> Counter[str]:
    return Counter(m.where for m in article.meta_entities)


def test_the_pipeline_reads_captions_and_bylines_and_links_them_with_the_text() -> None:
    context = RunContext()
    (article,) = [a for a in analyze([Page.make("in/visit.txt", PAGE, "text")], AnalyzeOptions(steps=FULL), context)
                  if isinstance(a, Article)]
    assert article.meta["captions"] and article.meta["bylines"], article.meta
    assert_shape(article.to_json(), "article")  # every meta_entities span indexes its own field
    found = {(m.where, m.text): m for m in article.meta_entities}
    kim = found[("caption", "كيم جونغ أون")]
    assert context.entities[str(kim.entity)].name_en == "Kim Jong Un"
    outlet = found[("byline", "الرصد اليومي")]
    afp = found[("byline", "فرانس برس")]
    assert outlet.type == afp.type == "ORG"
    assert context.entities[str(outlet.entity)].name == "الرصد اليومي"
    assert context.entities[str(afp.entity)].name_en == "Agence France-Presse"
    # AFP is already in the byline: the wire code adds no second mention; the credit adds Reuters once.
    assert not any(m.where == "wire" for m in article.meta_entities)
    (credit,) = [m for m in article.meta_entities if m.where == "credit"]
    assert context.entities[str(credit.entity)].name_en == "Reuters"
    # the caption's credit «(رويترز)» is a credit, not a caption mention
    assert not any(m.where == "caption" and "رويترز" in m.text for m in article.meta_entities)
    # text mentions keep indexing the text
    assert all(article.text[m.start:m.end] == m.text for m in article.entities)


def test_a_caption_only_name_joins_the_same_entity_as_the_text_and_is_counted_once_per_mention() -> None:
    text = "قال الرئيس الروسي فلاديمير بوتين إن بلاده مستعدة للحوار مع جيرانها."
    article = _article(text, captions=["بوتين يتحدث في مؤتمر صحفي في موسكو (رويترز)",
                                       "وزير الخارجية الروسي سيرغي لافروف خلال اللقاء"])
    entities = _link(article)
    putin = {m.entity for m in [*article.entities, *article.meta_entities] if m.text.endswith("بوتين")}
    assert len(putin) == 1 and None not in putin
    record = entities[str(next(iter(putin)))]
    assert record.mentions == 2 and record.articles == ["a_1"]
    lavrov = [m for m in article.meta_entities if m.text == "سيرغي لافروف"]
    assert lavrov and lavrov[0].where == "caption" and lavrov[0].index == 1
    assert entities[str(lavrov[0].entity)].name_en == "Sergey Lavrov"
    for m in article.meta_entities:
        assert (field_text(article, m.where, m.index) or "")[m.start:m.end] == m.text


def test_wire_agencies_count_once_and_only_when_not_named_elsewhere() -> None:
    text = "ذكرت وكالة الصحافة الفرنسية أن الاجتماع عقد في باريس بحضور وزراء أوروبيين."
    article = _article(text, wire=["AFP", "dpa", "EPA"])
    entities = _link(article)
    wire = {m.text: m for m in article.meta_entities if m.where == "wire"}
    assert set(wire) == {"dpa", "EPA"}  # AFP is named in the text already
    assert (wire["dpa"].start, wire["dpa"].end, wire["dpa"].index) == (0, 3, 1)
    assert entities[str(wire["dpa"].entity)].name_en == "Deutsche Presse-Agentur"
    epa = entities[str(wire["EPA"].entity)]  # an agency the catalogue lacks is an entity of its own
    assert (epa.type, epa.name) == ("ORG", "EPA")


def test_credits_that_name_no_organisation_give_no_mention() -> None:
    article = _article("افتتح المعرض أبوابه للزوار صباح اليوم في العاصمة.", credits=["سلمى يوسف", "Reuters"])
    _link(article)
    assert [(m.where, m.text) for m in article.meta_entities] == [("credit", "Reuters")]


def test_byline_parts_are_the_outlet_an_agency_or_tagged_words() -> None:
    article = _article("أعلنت الحكومة خطة جديدة للنقل العام.", bylines=["الرصد اليومي / أ ف ب"], outlet="الرصد اليومي")
    mentions = find_field_mentions(article, find_mentions)
    assert [(m.text, m.type, m.where) for m in mentions] == [
        ("الرصد اليومي", "ORG", "byline"), ("أ ف ب", "ORG", "byline")]
    entities = _link(article)
    afp = next(m for m in article.meta_entities if m.text == "أ ف ب")
    assert entities[str(afp.entity)].name_en == "Agence France-Presse"


def test_the_photo_credit_is_cut_off_a_caption() -> None:
    caption = "جانب من الاجتماع في القاهرة (أرشيفية - رويترز)"
    assert caption[:caption_end(caption)] == "جانب من الاجتماع في القاهرة"
    assert caption_end("الوفد لدى وصوله - أ ف ب") == len("الوفد لدى وصوله")
    plain = "الوزير خلال المؤتمر (يمين)"
    assert caption_end(plain) == len(plain)


def test_linking_is_idempotent_for_meta_mentions() -> None:
    article = _article("وصل الوفد إلى موسكو أمس.", wire=["dpa"], captions=["مبنى الكرملين في موسكو"])
    _link(article)
    first = [(m.where, m.index, m.start, m.end, m.entity) for m in article.meta_entities]
    article.meta_entities = spot_field_mentions(article)
    Linker().link([article])
    assert [(m.where, m.index, m.start, m.end, m.entity) for m in article.meta_entities] == first
    assert all(isinstance(m, FieldMention) for m in article.meta_entities)
    assert _by_where(article) == Counter({"caption": 2, "wire": 1})


def test_a_byline_outlet_named_like_a_place_stays_the_outlet() -> None:
    article = _article("تصاعد التوتر في الشرق الأوسط خلال الأسبوع الماضي.",
                       bylines=["* خدمة «واشنطن بوست» خاص بـ{الشرق الأوسط}"], outlet="الشرق الأوسط")
    entities = _link(article)
    (outlet,) = [m for m in article.meta_entities if m.text == "الشرق الأوسط"]
    (region,) = [m for m in article.entities if m.text == "الشرق الأوسط"]
    assert outlet.type == "ORG" and outlet.entity != region.entity
    assert (entities[str(outlet.entity)].name, entities[str(outlet.entity)].name_en) == ("الشرق الأوسط", "Asharq Al-Awsat")
    assert any(m.text == "واشنطن بوست" for m in article.meta_entities)
