"""A whole JSON document (not JSON Lines) is read as records or refused, never ingested as prose."""

from __future__ import annotations

from eventwire.ingest import jsonl
from eventwire.ingest.detect import sniff_kind
from eventwire.model import RawDocument, Rejection

RECORDS = b"""[
  {"url": "https://a.example/1", "title": "Depot hit", "text": "Drones hit an oil depot overnight, officials said."},
  7,
  {"url": "https://a.example/3", "title": "No text"}
]"""


def test_json_documents_are_told_from_prose_and_from_json_lines():
    assert sniff_kind(RECORDS) == "json"
    assert sniff_kind(b'{\n  "6a32": {"title": "x"}\n}') == "json"
    assert sniff_kind(b'{"text": "one record on one line"}') == "jsonl"
    assert sniff_kind(b"[Updated] Police say the road is closed.\n\nMore to follow.") == "text"


def test_list_of_records_each_item_judged_alone():
    first, second, third = jsonl.document_records(RECORDS, "dump.json")
    assert isinstance(first, RawDocument) and first.source == "dump.json#1"
    assert (first.url, first.title, first.kind) == ("https://a.example/1", "Depot hit", "record")
    assert isinstance(second, Rejection) and second.reason == "[E521] JSON item 2: expected a JSON object, got int"
    assert isinstance(third, Rejection) and "no 'text'" in third.reason


def test_other_json_is_refused_with_a_reason():
    [keyed] = jsonl.document_records(b'{"6a32": {"title": "x", "articleBody": "y"}}', "articles.json")
    assert isinstance(keyed, Rejection) and keyed.reason.startswith("[E522] a JSON document but not a list")
    [broken] = jsonl.document_records(b'[{"text": "cut', "cut.json")
    assert isinstance(broken, Rejection) and broken.reason.startswith("[E522] not valid JSON")
