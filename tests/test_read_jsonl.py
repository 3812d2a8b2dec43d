"""The JSON Lines reader: one Document per good line, one Problem (with its line) per bad one."""

from __future__ import annotations

from datetime import datetime, timezone

from model.ids import document_id
from model.read import read_path
from model.schema import BlockKind
from tests.test_read_text import FIXTURES, assert_spans

PATH = FIXTURES / "articles.jsonl"


def test_good_lines_become_documents_and_bad_lines_problems():
    result = read_path(PATH)
    assert [d.line for d in result.documents] == [1, 6, 7]
    assert [(p.line, p.reason.split(" (")[0]) for p in result.problems] == [
        (2, "not valid JSON"),
        (3, "a JSON list, not an object with a text field"),
        (4, "no article text"),
    ]
    assert all(p.path == str(PATH) for p in result.problems)
    for doc in result.documents:
        assert doc.format == "jsonl"
        assert doc.id == document_id(str(PATH), doc.line)
        assert_spans(doc)


def test_fields_and_layout():
    first, second, third = read_path(PATH).documents
    assert first.title == "Ceasefire talks resume in Geneva"
    assert first.published == datetime(2024, 10, 23, 7, 54, tzinfo=timezone.utc)
    assert first.byline == ["Jane Doe", "John Roe"]
    assert first.url == "https://example.com/news/geneva-talks" and first.source == "Example Wire"
    assert first.text.startswith("Ceasefire talks resume in Geneva\n\nNegotiators met in Geneva")
    kinds = [b.kind for b in first.blocks]
    assert kinds == [BlockKind.TITLE, BlockKind.PARAGRAPH, BlockKind.CAPTION, BlockKind.RELATED,
                     BlockKind.HEADING, BlockKind.PARAGRAPH]
    (cap,) = [b for b in first.blocks if b.kind is BlockKind.CAPTION]
    assert cap.credit == "Reuters"
    assert first.text[cap.content_start:cap.content_end] == "Delegates arrive at the Palais des Nations"

    assert second.title == "Fighting continues in the east"
    assert second.published == datetime(2022, 3, 3)
    assert second.byline == ["Ann Lee", "Bo Kim"]
    assert [second.text[b.start:b.end] for b in second.blocks if b.kind is BlockKind.DATELINE] == \
        ["KYIV, March 3 (Reuters) -"]

    assert third.title is None
    assert third.text == "A body with no title at all. It still loads."
    assert [b.kind for b in third.blocks] == [BlockKind.PARAGRAPH]


def test_json_escapes_cannot_smuggle_control_characters(tmp_path):
    path = tmp_path / "evil.jsonl"
    path.write_text('{"title": "Red \\u001b[31m alert\\u202e", "text": "Body \\u0007 with \\u009b bell."}\n',
                    encoding="utf-8")
    (doc,) = read_path(path).documents
    assert_spans(doc)
    assert doc.title == "Red ␛[31m alert\ufffd"
    assert doc.text == "Red ␛[31m alert\ufffd\n\nBody ␇ with \ufffd bell."
    assert any(n.code == "cleaned" for n in doc.notes)


def test_a_file_of_blank_lines_is_one_problem(tmp_path):
    path = tmp_path / "blank.jsonl"
    path.write_text("\n  \n\n", encoding="utf-8")
    result = read_path(path)
    assert result.documents == []
    assert [p.reason for p in result.problems] == ["no articles (only blank lines)"]


def test_unix_timestamps_and_author_objects(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"title": "T", "date": 1729670040, "authors": [{"name": "Jane Doe"}], "body": "Text."}\n'
                    '{"title": "U", "date": 1729670040000, "author": "Ann Lee and Bo Kim", "body": "Text."}\n',
                    encoding="utf-8")
    first, second = read_path(path).documents
    assert first.published == second.published == datetime(2024, 10, 23, 7, 54, tzinfo=timezone.utc)
    assert first.byline == ["Jane Doe"]
    assert second.byline == ["Ann Lee", "Bo Kim"]
