"""The Markdown reader: front matter, markdown-it blocks mapped to offsets in the source."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from model.read import read_path
from model.schema import BlockKind, Document
from tests.test_read_text import FIXTURES, assert_spans


def read_md(path: Path) -> Document:
    result = read_path(path)
    assert result.problems == []
    (doc,) = result.documents
    assert_spans(doc)
    return doc


def content(doc: Document, kind: BlockKind) -> list[str]:
    return [doc.text[b.content_span[0]:b.content_span[1]] for b in doc.blocks if b.kind is kind]


def test_front_matter_fills_the_document():
    doc = read_md(FIXTURES / "article.md")
    assert doc.format == "markdown"
    assert doc.title == "Ceasefire talks resume in Geneva"
    assert doc.published == datetime(2024, 10, 23, 7, 54, tzinfo=timezone.utc)
    assert doc.byline == ["Jane Doe", "John Roe"]
    assert doc.source == "Example Wire"
    assert doc.url == "https://example.com/news/geneva-talks"
    assert doc.tags == ["ukraine", "diplomacy"]
    (meta,) = [b for b in doc.blocks if b.kind is BlockKind.METADATA]
    block = doc.text[meta.start:meta.end]
    assert block.startswith("---\ntitle:") and block.endswith("---")


def test_text_is_the_whole_source():
    doc = read_md(FIXTURES / "article.md")
    assert doc.text == (FIXTURES / "article.md").read_text(encoding="utf-8")


def test_blocks_and_their_words():
    doc = read_md(FIXTURES / "article.md")
    kinds = [b.kind for b in doc.blocks]
    assert kinds == [BlockKind.METADATA, BlockKind.TITLE, BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.QUOTE,
                     BlockKind.LIST_ITEM, BlockKind.LIST_ITEM, BlockKind.CAPTION, BlockKind.PARAGRAPH,
                     BlockKind.RELATED, BlockKind.BOILERPLATE]
    (title,) = [b for b in doc.blocks if b.kind is BlockKind.TITLE]
    assert doc.text[title.start:title.end] == "# Ceasefire talks resume in Geneva"
    assert content(doc, BlockKind.TITLE) == ["Ceasefire talks resume in Geneva"]
    (heading,) = [b for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert heading.level == 2 and content(doc, BlockKind.HEADING) == ["What was agreed"]
    assert content(doc, BlockKind.QUOTE) == ['"We are ready to talk," the envoy told reporters.']
    assert content(doc, BlockKind.LIST_ITEM) == ["A prisoner exchange before the end of the month",
                                                  "Another meeting next week"]
    assert content(doc, BlockKind.CAPTION) == ["Delegates arrive at the Palais des Nations"]
    first = content(doc, BlockKind.PARAGRAPH)[0]
    assert first.startswith("Negotiators from both delegations") and first.endswith("[officials said](https://example.com/officials).")
    (related,) = [b for b in doc.blocks if b.kind is BlockKind.RELATED]
    assert related.title == "Earlier talks collapsed in June"
    assert related.href == "https://example.com/news/june-talks"


def test_title_falls_back_to_the_first_h1(tmp_path):
    path = tmp_path / "plain.md"
    path.write_text("Intro line.\n\n# The Real Title\n\nBody text here.\n\n# Another H1\n", encoding="utf-8")
    doc = read_md(path)
    assert doc.title == "The Real Title"
    assert [doc.text[b.start:b.end] for b in doc.blocks if b.kind is BlockKind.TITLE] == ["# The Real Title"]
    assert [doc.text[b.start:b.end] for b in doc.blocks if b.kind is BlockKind.HEADING] == ["# Another H1"]


def test_setext_heading_byline_and_dateline_in_the_header(tmp_path):
    path = tmp_path / "s.markdown"
    path.write_text("Talks Resume\n============\n\nBy Jane Doe\n\n23 October 2024\n\nThe talks resumed.\n",
                    encoding="utf-8")
    doc = read_md(path)
    assert doc.title == "Talks Resume"
    assert doc.byline == ["Jane Doe"]
    assert doc.published == datetime(2024, 10, 23)
    assert [b.kind for b in doc.blocks] == [BlockKind.TITLE, BlockKind.BYLINE, BlockKind.DATELINE, BlockKind.PARAGRAPH]


def test_bad_front_matter_is_a_note_not_a_failure(tmp_path):
    path = tmp_path / "bad.md"
    path.write_text("---\ntitle: [unclosed\n---\n\n# Heading\n\nText.\n", encoding="utf-8")
    doc = read_md(path)
    assert doc.title == "Heading"
    assert any(n.code == "front-matter" for n in doc.notes)


def test_front_matter_anchors_cannot_blow_up(tmp_path):
    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n" \
           "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n" \
           "title: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nauthor: *d\ntags: *d\n---\n\nText.\n"
    path = tmp_path / "bomb.md"
    path.write_text(bomb, encoding="utf-8")
    doc = read_md(path)
    assert doc.title is None and doc.byline == [] and doc.tags == []
