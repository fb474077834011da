"""One check for the shape of every JSON record and error rasid writes or returns (STYLE rule 9)."""

from __future__ import annotations

from typing import Any

NoneType = type(None)
_STR, _OPT_STR, _LIST = (str,), (str, NoneType), (list,)

#: Field -> allowed JSON types, for each kind of record. Keys must match exactly: no more, no fewer.
SHAPES: dict[str, dict[str, tuple[type, ...]]] = {
    "article": {"id": _STR, "source": _STR, "page": _STR, "url": _OPT_STR, "outlet": _OPT_STR,
                "title": _OPT_STR, "published": _OPT_STR, "wire": _LIST, "credits": _LIST, "meta": (dict,),
                "text": _STR, "entities": _LIST, "meta_entities": _LIST, "quantities": _LIST, "times": _LIST, "quotes": _LIST,
                "events": _LIST},
    # rejected.jsonl lines and RasidError.as_dict() share one shape.
    "error": {"code": _STR, "error": _STR, "source": _OPT_STR, "message": _STR, "hint": _OPT_STR},
}
_SPAN_LISTS = ("entities", "quantities", "times", "quotes", "events")


def assert_shape(record: Any, kind: str) -> None:
    """Fail unless ``record`` has exactly the fields of ``kind`` with the right types and valid spans."""
    shape = SHAPES[kind]
    assert isinstance(record, dict), f"{kind}: expected a JSON object, got {type(record).__name__}"
    missing, extra = shape.keys() - record.keys(), record.keys() - shape.keys()
    assert not missing and not extra, f"{kind}: missing {sorted(missing)}, unexpected {sorted(extra)}"
    for key, types in shape.items():
        assert isinstance(record[key], types), f"{kind}.{key}: {type(record[key]).__name__} not in {types}"
    if kind == "error":
        assert record["code"][:1] == "E" and record["code"][1:].isdigit(), f"bad error code {record['code']!r}"
        assert record["message"].strip(), "error without a message"
    if kind == "article":
        assert record["text"].strip(), "article without text"
        for key in ("wire", "credits"):
            assert all(isinstance(x, str) for x in record[key]), f"article.{key} holds a non-string"
        for key in _SPAN_LISTS:
            for span in record[key]:
                start, end, text = span["start"], span["end"], span["text"]
                assert 0 <= start < end <= len(record["text"]), f"{key} span {start}:{end} out of range"
                assert record["text"][start:end] == text, f"{key} span {start}:{end} is not {text!r}"
        fields = {"caption": record["meta"].get("captions") or [], "byline": record["meta"].get("bylines") or [],
                  "wire": record["wire"], "credit": record["credits"]}
        for span in record["meta_entities"]:
            values = fields[span["where"]]
            assert 0 <= span["index"] < len(values), f"meta_entities {span['where']} {span['index']} missing"
            value = values[span["index"]]
            assert 0 <= span["start"] < span["end"] <= len(value), f"meta_entities span out of {value!r}"
            assert value[span["start"]:span["end"]] == span["text"], f"meta_entities span is not {span['text']!r}"
