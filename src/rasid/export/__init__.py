"""Run outputs: ``articles.jsonl``, ``rejected.jsonl`` (jsonl) and ``report.html`` (report)."""

from rasid.export.jsonl import (
    ARTICLES_FILE,
    ENTITIES_FILE,
    REJECTED_FILE,
    JsonlWriter,
    write_entities,
    write_jsonl,
)
from rasid.export.report import REPORT_FILE, write_report

__all__ = ["ARTICLES_FILE", "ENTITIES_FILE", "REJECTED_FILE", "REPORT_FILE", "JsonlWriter", "write_entities",
           "write_jsonl", "write_report"]
